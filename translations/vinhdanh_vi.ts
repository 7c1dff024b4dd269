<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AccountRepository</name>
    <message>
        <source>The password library could not start.</source>
        <translation>Không khởi động được thư viện mật khẩu.</translation>
    </message>
    <message>
        <source>The username or password is not correct.</source>
        <translation>Tên đăng nhập hoặc mật khẩu không đúng.</translation>
    </message>
    <message>
        <source>Not enough memory to protect the password.</source>
        <translation>Không đủ bộ nhớ để bảo vệ mật khẩu.</translation>
    </message>
    <message>
        <source>There is no account called %1.</source>
        <translation>Không có tài khoản %1.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>Mật khẩu phải có ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>A username is required and has no spaces.</source>
        <translation>Phải nhập tên đăng nhập, và tên đăng nhập không được có dấu cách.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role; use one of %2.</source>
        <translation>&quot;%1&quot; không phải là vai trò; hãy dùng một trong các vai trò: %2.</translation>
    </message>
    <message>
        <source>A clerk account needs the unit whose records it keeps.</source>
        <translation>Tài khoản cán bộ nghiệp vụ phải gắn với đơn vị có hồ sơ do tài khoản đó quản lý.</translation>
    </message>
    <message>
        <source>An account called %1 already exists.</source>
        <translation>Đã có tài khoản %1.</translation>
    </message>
    <message>
        <source>The account %1 is disabled; ask an administrator.</source>
        <translation>Tài khoản %1 đã bị vô hiệu hóa; hãy liên hệ quản trị viên.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account %1 is locked until %2. An administrator can unlock it by resetting the password.</source>
        <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản %1 bị khóa đến %2. Quản trị viên có thể mở khóa bằng cách đặt lại mật khẩu.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: the account %1 is now locked for %2 minutes.</source>
        <translation>Nhập sai mật khẩu quá nhiều lần: tài khoản %1 bị khóa trong %2 phút.</translation>
    </message>
    <message>
        <source>%1 is the last administrator and cannot be disabled.</source>
        <translation>%1 là quản trị viên cuối cùng nên không thể vô hiệu hóa.</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>The program is missing its catalogue file %1.</source>
        <translation>Chương trình thiếu tệp danh mục %1.</translation>
    </message>
    <message>
        <source>The catalogue file %1 is damaged: %2.</source>
        <translation>Tệp danh mục %1 bị hỏng: %2.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Create a database with the movement catalogue.</source>
        <translation>Tạo cơ sở dữ liệu kèm danh mục phong trào thi đua có sẵn.</translation>
    </message>
    <message>
        <source>Fill a database with a deterministic synthetic province.</source>
        <translation>Tạo dữ liệu mẫu của một tỉnh giả lập trong cơ sở dữ liệu (cùng tham số luôn cho cùng dữ liệu).</translation>
    </message>
    <message>
        <source>Export the registry to an interchange JSON file.</source>
        <translation>Xuất toàn bộ dữ liệu ra tệp trao đổi JSON.</translation>
    </message>
    <message>
        <source>Import an interchange JSON file (all of it or nothing).</source>
        <translation>Nhập tệp trao đổi JSON (nhập toàn bộ hoặc không nhập gì).</translation>
    </message>
    <message>
        <source>List the movements (the catalogue and the office&apos;s own).</source>
        <translation>Liệt kê các phong trào thi đua (có sẵn trong danh mục và do cơ quan tự tạo).</translation>
    </message>
    <message>
        <source>The database: a SQLite file or a postgresql:// address.</source>
        <translation>Cơ sở dữ liệu: tệp SQLite hoặc địa chỉ postgresql://.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The option --%1 is required.</source>
        <translation>Tùy chọn --%1 là bắt buộc.</translation>
    </message>
    <message>
        <source>--%1 must be a whole number, not &quot;%2&quot;.</source>
        <translation>--%1 phải là số nguyên, không phải &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 blocs, %2 units, %3 people, %4 movements, %5 ratings, %6 awards, %7 initiatives, %8 disciplines</source>
        <translation>%1 cụm/khối thi đua, %2 đơn vị, %3 cá nhân, %4 phong trào, %5 kết quả xếp loại, %6 lượt khen thưởng, %7 sáng kiến, %8 quyết định kỷ luật</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; already exists; init does not overwrite a database.</source>
        <translation>Tệp &quot;%1&quot; đã tồn tại; lệnh init không ghi đè lên cơ sở dữ liệu có sẵn.</translation>
    </message>
    <message>
        <source>Created %1 (schema version %2).</source>
        <translation>Đã tạo %1 (lược đồ phiên bản %2).</translation>
    </message>
    <message>
        <source>Number of units.</source>
        <translation>Số đơn vị.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of people.</source>
        <translation>Số cá nhân.</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same data.</source>
        <translation>Hạt giống ngẫu nhiên; cùng hạt giống sẽ cho cùng dữ liệu.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Demo province: %1 units, %2 people, %3 ratings, %4 awards, %5 initiatives, %6 disciplines.</source>
        <translation>Tỉnh mẫu: %1 đơn vị, %2 cá nhân, %3 kết quả xếp loại, %4 lượt khen thưởng, %5 sáng kiến, %6 quyết định kỷ luật.</translation>
    </message>
    <message>
        <source>The JSON file to write.</source>
        <translation>Tệp JSON cần ghi.</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>Đã xuất %1.</translation>
    </message>
    <message>
        <source>The JSON file to read.</source>
        <translation>Tệp JSON cần đọc.</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>Đã nhập %1.</translation>
    </message>
    <message>
        <source>text (default) or json.</source>
        <translation>text (mặc định) hoặc json.</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>ĐỊNH_DẠNG</translation>
    </message>
    <message>
        <source>Usage: vinhdanh-cli COMMAND [options]   (vinhdanh-cli COMMAND --help for its options)</source>
        <translation>Cách dùng: vinhdanh-cli LỆNH [tùy chọn]   (vinhdanh-cli LỆNH --help để xem các tùy chọn của lệnh)</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Các lệnh:</translation>
    </message>
    <message>
        <source>Global option: --lang vi|en (or VINHDANH_LANG) chooses the language of messages.</source>
        <translation>Tùy chọn chung: --lang vi|en (hoặc biến môi trường VINHDANH_LANG) chọn ngôn ngữ của thông báo.</translation>
    </message>
    <message>
        <source>vinhdanh-cli: unknown command &quot;%1&quot;.</source>
        <translation>vinhdanh-cli: không có lệnh &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>vinhdanh-cli %1: unexpected argument &quot;%2&quot;.</source>
        <translation>vinhdanh-cli %1: thừa đối số &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--format must be one of %1, not &quot;%2&quot;.</source>
        <translation>--format phải là một trong các giá trị %1, không phải &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The account to act as (its password in VINHDANH_PASSWORD).</source>
        <translation>Tài khoản dùng để thực hiện lệnh (mật khẩu đặt trong VINHDANH_PASSWORD).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Read the account&apos;s password from the first line of standard input.</source>
        <translation>Đọc mật khẩu của tài khoản từ dòng đầu tiên của đầu vào chuẩn (stdin).</translation>
    </message>
    <message>
        <source>This database has user accounts: give --user NAME, with the password in VINHDANH_PASSWORD or on standard input with --password-stdin.</source>
        <translation>Cơ sở dữ liệu này có tài khoản người dùng: hãy dùng --user TÊN, kèm mật khẩu trong VINHDANH_PASSWORD hoặc qua đầu vào chuẩn với --password-stdin.</translation>
    </message>
    <message>
        <source>No password for %1: set VINHDANH_PASSWORD or use --password-stdin.</source>
        <translation>Chưa có mật khẩu cho %1: hãy đặt VINHDANH_PASSWORD hoặc dùng --password-stdin.</translation>
    </message>
    <message>
        <source>Give the new password in VINHDANH_NEW_PASSWORD or on standard input.</source>
        <translation>Hãy đưa mật khẩu mới qua VINHDANH_NEW_PASSWORD hoặc đầu vào chuẩn.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>đã vô hiệu hóa</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>bị khóa đến %1</translation>
    </message>
    <message>
        <source>Give exactly one of --list, --add, --disable, --enable, --reset.</source>
        <translation>Hãy dùng đúng một trong các tùy chọn --list, --add, --disable, --enable, --reset.</translation>
    </message>
    <message>
        <source>No unit has the key &quot;%1&quot;.</source>
        <translation>Không có đơn vị nào có mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Created the account %1 (%2).</source>
        <translation>Đã tạo tài khoản %1 (%2).</translation>
    </message>
    <message>
        <source>Disabled the account %1.</source>
        <translation>Đã vô hiệu hóa tài khoản %1.</translation>
    </message>
    <message>
        <source>Enabled the account %1.</source>
        <translation>Đã kích hoạt lại tài khoản %1.</translation>
    </message>
    <message>
        <source>Set a new password for %1.</source>
        <translation>Đã đặt mật khẩu mới cho %1.</translation>
    </message>
    <message>
        <source>--since must be a date like 2025-01-31, not &quot;%1&quot;.</source>
        <translation>--since phải là ngày dạng 2025-01-31, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Manage the accounts of a database (the first one added is its administrator).</source>
        <translation>Quản lý tài khoản của cơ sở dữ liệu (tài khoản được thêm đầu tiên là quản trị viên).</translation>
    </message>
    <message>
        <source>List the accounts.</source>
        <translation>Liệt kê các tài khoản.</translation>
    </message>
    <message>
        <source>Add an account (password from VINHDANH_NEW_PASSWORD or stdin).</source>
        <translation>Thêm tài khoản (mật khẩu lấy từ VINHDANH_NEW_PASSWORD hoặc stdin).</translation>
    </message>
    <message>
        <source>USERNAME</source>
        <translation>TÊN_ĐĂNG_NHẬP</translation>
    </message>
    <message>
        <source>clerk, appraiser, council_secretary, leader or admin.</source>
        <translation>clerk (cán bộ nghiệp vụ đơn vị), appraiser (cán bộ thẩm định), council_secretary (thư ký Hội đồng), leader (lãnh đạo) hoặc admin (quản trị viên).</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>VAI_TRÒ</translation>
    </message>
    <message>
        <source>The person&apos;s full name.</source>
        <translation>Họ và tên người dùng.</translation>
    </message>
    <message>
        <source>A clerk&apos;s unit, by key.</source>
        <translation>Mã đơn vị của cán bộ nghiệp vụ.</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>Disable an account.</source>
        <translation>Vô hiệu hóa tài khoản.</translation>
    </message>
    <message>
        <source>Enable a disabled account.</source>
        <translation>Kích hoạt lại tài khoản đã bị vô hiệu hóa.</translation>
    </message>
    <message>
        <source>Set a new password (VINHDANH_NEW_PASSWORD or stdin).</source>
        <translation>Đặt mật khẩu mới (từ VINHDANH_NEW_PASSWORD hoặc stdin).</translation>
    </message>
    <message>
        <source>Print the audit log: who changed what, and when.</source>
        <translation>In nhật ký thao tác: ai đã thay đổi gì, vào lúc nào.</translation>
    </message>
    <message>
        <source>Only changes on or after this date (YYYY-MM-DD).</source>
        <translation>Chỉ các thay đổi từ ngày này trở đi (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>NGÀY</translation>
    </message>
    <message>
        <source>Only changes by this account.</source>
        <translation>Chỉ các thay đổi do tài khoản này thực hiện.</translation>
    </message>
    <message>
        <source>Only changes to this table (units, people, …).</source>
        <translation>Chỉ các thay đổi trong bảng này (units, people, …).</translation>
    </message>
    <message>
        <source>TABLE</source>
        <translation>BẢNG</translation>
    </message>
    <message>
        <source>text (default), json or csv.</source>
        <translation>text (mặc định), json hoặc csv.</translation>
    </message>
    <message>
        <source>--year must be a year such as 2025, not &quot;%1&quot;.</source>
        <translation>--year phải là một năm, ví dụ 2025, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no movement with the key &quot;%1&quot;.</source>
        <translation>Không có phong trào nào có mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>[met]</source>
        <translation>[đạt]</translation>
    </message>
    <message>
        <source>[not met]</source>
        <translation>[chưa đạt]</translation>
    </message>
    <message>
        <source>[review]</source>
        <translation>[cần xem xét]</translation>
    </message>
    <message>
        <source>Check one nominee&apos;s eligibility for an award, with the trace.</source>
        <translation>Kiểm tra điều kiện của một đối tượng đối với một hình thức khen thưởng, kèm diễn giải từng điều kiện.</translation>
    </message>
    <message>
        <source>The person&apos;s key.</source>
        <translation>Mã của cá nhân.</translation>
    </message>
    <message>
        <source>The unit&apos;s key.</source>
        <translation>Mã của đơn vị.</translation>
    </message>
    <message>
        <source>The award code (docs/award-codes.md).</source>
        <translation>Mã hình thức khen thưởng (docs/award-codes.md).</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>The achievement year.</source>
        <translation>Năm đạt thành tích.</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>YYYY</translation>
    </message>
    <message>
        <source>A movement&apos;s key: adds its own standards.</source>
        <translation>Mã phong trào: bổ sung các tiêu chuẩn riêng của phong trào.</translation>
    </message>
    <message>
        <source>Give exactly one of --person and --unit.</source>
        <translation>Hãy dùng đúng một trong hai tùy chọn --person và --unit.</translation>
    </message>
    <message>
        <source>There is no person with the key &quot;%1&quot;.</source>
        <translation>Không có cá nhân nào có mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no unit with the key &quot;%1&quot;.</source>
        <translation>Không có đơn vị nào có mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 (%2), %3: %4</source>
        <translation>%1 (%2), năm %3: %4</translation>
    </message>
    <message>
        <source>Verdict: %1 (%2)</source>
        <translation>Kết quả xét: %1 (%2)</translation>
    </message>
    <message>
        <source>Rule set: %1 version %2 (%3)</source>
        <translation>Bộ quy tắc: %1 phiên bản %2 (%3)</translation>
    </message>
    <message>
        <source>Progress: %1</source>
        <translation>Mức đạt: %1</translation>
    </message>
    <message>
        <source>Earliest year: %1</source>
        <translation>Năm sớm nhất có thể đạt: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>chưa xác định</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>Nội dung cần kiểm tra:</translation>
    </message>
    <message>
        <source>List the nominees who meet an award&apos;s standards for a year.</source>
        <translation>Liệt kê các đối tượng đạt tiêu chuẩn khen thưởng trong một năm.</translation>
    </message>
    <message>
        <source>A movement&apos;s key: its award forms and categories only.</source>
        <translation>Mã phong trào: chỉ xét các hình thức khen thưởng và đối tượng của phong trào đó.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s).</source>
        <translation>
            <numerusform>%n đối tượng.</numerusform>
        </translation>
    </message>
    <message>
        <source>List the award rule sets, or import a new rule-set file.</source>
        <translation>Liệt kê các bộ quy tắc xét khen thưởng, hoặc nhập tệp bộ quy tắc mới.</translation>
    </message>
    <message>
        <source>A rule-set JSON file to validate and store.</source>
        <translation>Tệp bộ quy tắc JSON cần kiểm tra và lưu.</translation>
    </message>
    <message>
        <source>Imported the rule set %1 version %2, in force from %3.</source>
        <translation>Đã nhập bộ quy tắc %1 phiên bản %2, có hiệu lực từ %3.</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>có sẵn</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>nhập từ tệp</translation>
    </message>
    <message>
        <source>(in force today)</source>
        <translation>(đang có hiệu lực)</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <source>Provincial agency or unit</source>
        <translation>Cơ quan, đơn vị cấp tỉnh</translation>
    </message>
    <message>
        <source>Commune or ward People&apos;s Committee</source>
        <translation>UBND xã, phường</translation>
    </message>
    <message>
        <source>Department inside a unit</source>
        <translation>Phòng, ban thuộc đơn vị</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <source>Fatherland Front or socio-political organisation</source>
        <translation>MTTQ, tổ chức chính trị – xã hội</translation>
    </message>
    <message>
        <source>Social organisation</source>
        <translation>Tổ chức xã hội</translation>
    </message>
    <message>
        <source>Cooperative</source>
        <translation>Hợp tác xã</translation>
    </message>
    <message>
        <source>Emulation cluster</source>
        <translation>Cụm thi đua</translation>
    </message>
    <message>
        <source>Emulation bloc</source>
        <translation>Khối thi đua</translation>
    </message>
    <message>
        <source>Official (cán bộ)</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Civil servant</source>
        <translation>Công chức</translation>
    </message>
    <message>
        <source>Public employee</source>
        <translation>Viên chức</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Người lao động</translation>
    </message>
    <message>
        <source>Entrepreneur</source>
        <translation>Doanh nhân</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Nhân dân</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>HTXSNV – completed tasks excellently</source>
        <translation>HTXSNV – Hoàn thành xuất sắc nhiệm vụ</translation>
    </message>
    <message>
        <source>HTTNV – completed tasks well</source>
        <translation>HTTNV – Hoàn thành tốt nhiệm vụ</translation>
    </message>
    <message>
        <source>HTNV – completed tasks</source>
        <translation>HTNV – Hoàn thành nhiệm vụ</translation>
    </message>
    <message>
        <source>KHTNV – did not complete tasks</source>
        <translation>KHTNV – Không hoàn thành nhiệm vụ</translation>
    </message>
    <message>
        <source>Merit and achievement (regular)</source>
        <translation>Công trạng và thành tích (thường xuyên)</translation>
    </message>
    <message>
        <source>One-off outstanding achievement</source>
        <translation>Thành tích đột xuất</translation>
    </message>
    <message>
        <source>Periodic or thematic movement</source>
        <translation>Theo đợt hoặc chuyên đề</translation>
    </message>
    <message>
        <source>Long contribution</source>
        <translation>Quá trình cống hiến</translation>
    </message>
    <message>
        <source>Grassroots</source>
        <translation>Cấp cơ sở</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <source>National</source>
        <translation>Toàn quốc</translation>
    </message>
    <message>
        <source>Reprimand</source>
        <translation>Khiển trách</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh cáo</translation>
    </message>
    <message>
        <source>Salary grade reduction</source>
        <translation>Hạ bậc lương</translation>
    </message>
    <message>
        <source>Demotion</source>
        <translation>Giáng chức</translation>
    </message>
    <message>
        <source>Dismissal from post</source>
        <translation>Cách chức</translation>
    </message>
    <message>
        <source>Forced termination</source>
        <translation>Buộc thôi việc</translation>
    </message>
    <message>
        <source>Other sanction</source>
        <translation>Hình thức kỷ luật khác</translation>
    </message>
    <message>
        <source>Annual</source>
        <translation>Hằng năm</translation>
    </message>
    <message>
        <source>Interim review (sơ kết)</source>
        <translation>Sơ kết</translation>
    </message>
    <message>
        <source>Final review (tổng kết)</source>
        <translation>Tổng kết</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Collectives and individuals</source>
        <translation>Tập thể và cá nhân</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The SQLite connection handle is not available.</source>
        <translation>Không truy cập được kết nối SQLite.</translation>
    </message>
    <message>
        <source>Could not register the Vietnamese sort order.</source>
        <translation>Không thể đăng ký thứ tự sắp xếp tiếng Việt.</translation>
    </message>
    <message>
        <source>The record is still used by other records, or refers to a record that does not exist.</source>
        <translation>Bản ghi vẫn đang được bản ghi khác sử dụng, hoặc tham chiếu tới một bản ghi không tồn tại.</translation>
    </message>
    <message>
        <source>A record with the same key already exists.</source>
        <translation>Đã có bản ghi trùng mã.</translation>
    </message>
    <message>
        <source>The database could not carry out the operation.</source>
        <translation>Cơ sở dữ liệu không thực hiện được thao tác.</translation>
    </message>
    <message>
        <source>Could not start a database transaction.</source>
        <translation>Không thể bắt đầu giao dịch cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Could not save the changes to the database.</source>
        <translation>Không thể lưu các thay đổi vào cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>The database driver %1 is not installed (Debian package %2).</source>
        <translation>Chưa cài trình điều khiển cơ sở dữ liệu %1 (gói Debian %2).</translation>
    </message>
    <message>
        <source>The database file &quot;%1&quot; does not exist.</source>
        <translation>Tệp cơ sở dữ liệu &quot;%1&quot; không tồn tại.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder, not a database file.</source>
        <translation>&quot;%1&quot; là thư mục, không phải tệp cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Could not open the database %1.</source>
        <translation>Không thể mở cơ sở dữ liệu %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Vinh Danh database file (it is not an SQLite database).</source>
        <translation>&quot;%1&quot; không phải tệp cơ sở dữ liệu Vinh Danh (không phải cơ sở dữ liệu SQLite).</translation>
    </message>
    <message>
        <source>This SQLite library cannot enforce foreign keys; the database is not safe to use.</source>
        <translation>Thư viện SQLite này không bảo đảm được ràng buộc khóa ngoại; dùng cơ sở dữ liệu với thư viện này không an toàn.</translation>
    </message>
    <message>
        <source>Could not switch the database to write-ahead logging (journal mode is %1).</source>
        <translation>Không thể chuyển cơ sở dữ liệu sang chế độ ghi nhật ký trước (WAL) (chế độ nhật ký hiện là %1).</translation>
    </message>
    <message>
        <source>Could not replace the file &quot;%1&quot;.</source>
        <translation>Không thể thay thế tệp &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A copy can only be saved from a SQLite database file; use the server&apos;s own backup for PostgreSQL.</source>
        <translation>Chỉ lưu được bản sao từ tệp cơ sở dữ liệu SQLite; với PostgreSQL, hãy dùng chức năng sao lưu của máy chủ.</translation>
    </message>
    <message>
        <source>The program is missing its schema file %1.</source>
        <translation>Chương trình thiếu tệp lược đồ %1.</translation>
    </message>
    <message>
        <source>This database was not made by Vinh Danh (it has tables but no Vinh Danh schema version). Nothing was changed.</source>
        <translation>Cơ sở dữ liệu này không do Vinh Danh tạo ra (có bảng dữ liệu nhưng không có phiên bản lược đồ Vinh Danh). Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>This database was made by a newer version of Vinh Danh (schema version %1; this program knows up to version %2). Install the newer version to open it. The file was not changed.</source>
        <translation>Cơ sở dữ liệu này được tạo bởi phiên bản Vinh Danh mới hơn (lược đồ phiên bản %1; chương trình này chỉ hỗ trợ đến phiên bản %2). Hãy cài phiên bản mới hơn để mở. Tệp không bị thay đổi.</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 (%2) failed; the file was left as it was.</source>
        <translation>Nâng cấp cơ sở dữ liệu lên phiên bản %1 (%2) không thành công; tệp được giữ nguyên.</translation>
    </message>
    <message>
        <source>Could not prepare the database connection for the audit log.</source>
        <translation>Không thể chuẩn bị kết nối cơ sở dữ liệu cho nhật ký thao tác.</translation>
    </message>
    <message>
        <source>This record is protected and can no longer be changed or deleted; record a correction as a new record instead.</source>
        <translation>Bản ghi này đã được khóa, không thể sửa hoặc xóa nữa; hãy ghi nội dung đính chính thành một bản ghi mới.</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>A demo province needs at least %1 units, one of each kind.</source>
        <translation>Tỉnh mẫu cần ít nhất %1 đơn vị (mỗi loại đơn vị ít nhất một).</translation>
    </message>
    <message>
        <source>A demo province can have at most %1 units.</source>
        <translation>Tỉnh mẫu có tối đa %1 đơn vị.</translation>
    </message>
    <message>
        <source>The number of people in a demo province must be between 0 and %1.</source>
        <translation>Số cá nhân của tỉnh mẫu phải từ 0 đến %1.</translation>
    </message>
    <message>
        <source>The last year of the demo data must be between %1 and %2.</source>
        <translation>Năm cuối của dữ liệu mẫu phải từ %1 đến %2.</translation>
    </message>
    <message>
        <source>The database already has units. Demo data is only added to an empty database, so that it never mixes with a real registry.</source>
        <translation>Cơ sở dữ liệu đã có đơn vị. Dữ liệu mẫu chỉ được thêm vào cơ sở dữ liệu trống để không bao giờ lẫn với dữ liệu thật.</translation>
    </message>
    <message>
        <source>Creating emulation blocs and units…</source>
        <translation>Đang tạo cụm, khối thi đua và đơn vị…</translation>
    </message>
    <message>
        <source>Adding people, ratings and awards: %1 of %2 units…</source>
        <translation>Đang thêm cá nhân, xếp loại và khen thưởng: %1/%2 đơn vị…</translation>
    </message>
    <message>
        <source>Awarding the emulation flags of the blocs…</source>
        <translation>Đang trao Cờ thi đua của các cụm, khối…</translation>
    </message>
    <message>
        <source>Saving the demo province…</source>
        <translation>Đang lưu tỉnh mẫu…</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>Eligible</source>
        <translation>Đủ điều kiện</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Không đủ điều kiện</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Cần xem xét</translation>
    </message>
    <message>
        <source>Choose either a person or a unit to check.</source>
        <translation>Hãy chọn một cá nhân hoặc một đơn vị để kiểm tra.</translation>
    </message>
    <message>
        <source>There is no movement with the id %1.</source>
        <translation>Không tìm thấy phong trào (id %1).</translation>
    </message>
    <message>
        <source>Who can receive it</source>
        <translation>Đối tượng được xét tặng</translation>
    </message>
    <message>
        <source>%1 is not awarded to collectives under %2</source>
        <translation>theo bộ quy tắc %2, %1 không xét tặng cho tập thể</translation>
    </message>
    <message>
        <source>%1 is not awarded to individuals under %2</source>
        <translation>theo bộ quy tắc %2, %1 không xét tặng cho cá nhân</translation>
    </message>
    <message>
        <source>The year %1 is out of range.</source>
        <translation>Năm %1 nằm ngoài phạm vi cho phép.</translation>
    </message>
    <message>
        <source>The rule set %1 has no rule for the award code &quot;%2&quot; (see docs/award-codes.md).</source>
        <translation>Bộ quy tắc %1 không có quy tắc cho mã khen thưởng &quot;%2&quot; (xem docs/award-codes.md).</translation>
    </message>
    <message>
        <source>Cannot read the rule-set file &quot;%1&quot;.</source>
        <translation>Không thể đọc tệp bộ quy tắc &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The rule set %1 version %2 is already present; give the new file a higher version.</source>
        <translation>Đã có bộ quy tắc %1 phiên bản %2; hãy đặt phiên bản cao hơn cho tệp mới.</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; (allowed here: %2)</source>
        <translation>trường &quot;%1&quot; không hợp lệ (ở đây chỉ dùng được: %2)</translation>
    </message>
    <message>
        <source>the field &quot;%1&quot; is missing</source>
        <translation>thiếu trường &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a non-empty text</source>
        <translation>&quot;%1&quot; phải là văn bản, không được để trống</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number from %2 to %3</source>
        <translation>&quot;%1&quot; phải là số nguyên từ %2 đến %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a non-empty list of texts</source>
        <translation>&quot;%1&quot; phải là danh sách văn bản, không được để trống</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed in &quot;%2&quot;</source>
        <translation>không được dùng &quot;%1&quot; trong &quot;%2&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be one of %2, not &quot;%3&quot;</source>
        <translation>&quot;%1&quot; phải là một trong các giá trị %2, không phải &quot;%3&quot;</translation>
    </message>
    <message>
        <source>a condition must be an object</source>
        <translation>điều kiện phải là đối tượng JSON</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; may use only a-z, 0-9, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>id &quot;%1&quot; chỉ được dùng các ký tự a-z, 0-9, &apos;.&apos;, &apos;-&apos; và &apos;_&apos;</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; is used twice in this award</source>
        <translation>id &quot;%1&quot; bị dùng hai lần trong quy tắc khen thưởng này</translation>
    </message>
    <message>
        <source>&quot;unconfirmed&quot; must be true or false</source>
        <translation>&quot;unconfirmed&quot; phải là true hoặc false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must list at least one condition</source>
        <translation>&quot;%1&quot; phải có ít nhất một điều kiện</translation>
    </message>
    <message>
        <source>memberShare needs exactly one of &quot;award&quot; and &quot;minRating&quot;</source>
        <translation>memberShare cần đúng một trong hai trường &quot;award&quot; và &quot;minRating&quot;</translation>
    </message>
    <message>
        <source>memberShare needs exactly one of &quot;minPercent&quot; and &quot;minCount&quot;</source>
        <translation>memberShare cần đúng một trong hai trường &quot;minPercent&quot; và &quot;minCount&quot;</translation>
    </message>
    <message>
        <source>a judgement needs a &quot;checklist&quot; text for the clerk</source>
        <translation>điều kiện judgement cần có nội dung &quot;checklist&quot; để cán bộ kiểm tra</translation>
    </message>
    <message>
        <source>an unconfirmed standard needs a &quot;checklist&quot; text for the clerk</source>
        <translation>tiêu chuẩn chưa được xác nhận cần có nội dung &quot;checklist&quot; để cán bộ kiểm tra</translation>
    </message>
    <message>
        <source>this is not a Vinh Danh rule-set file (&quot;format&quot; must be &quot;vinhdanh-rules&quot;)</source>
        <translation>đây không phải tệp bộ quy tắc của Vinh Danh (&quot;format&quot; phải là &quot;vinhdanh-rules&quot;)</translation>
    </message>
    <message>
        <source>this program reads rule-set format version 1 only</source>
        <translation>chương trình này chỉ đọc được bộ quy tắc định dạng phiên bản 1</translation>
    </message>
    <message>
        <source>&quot;effectiveFrom&quot; must be a date YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>&quot;effectiveFrom&quot; phải là ngày dạng YYYY-MM-DD, không phải &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;awards&quot; must list at least one award rule</source>
        <translation>&quot;awards&quot; phải có ít nhất một quy tắc khen thưởng</translation>
    </message>
    <message>
        <source>an award rule must be an object</source>
        <translation>quy tắc khen thưởng phải là đối tượng JSON</translation>
    </message>
    <message>
        <source>a second rule for %1 (%2)</source>
        <translation>quy tắc thứ hai cho %1 (%2)</translation>
    </message>
    <message>
        <source>&quot;progress&quot; names no condition of this award: &quot;%1&quot;</source>
        <translation>&quot;progress&quot; không trỏ tới điều kiện nào của quy tắc khen thưởng này: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1, line %2: not valid JSON (%3).</source>
        <translation>%1, dòng %2: không phải JSON hợp lệ (%3).</translation>
    </message>
    <message>
        <source>%1, line %2: a rule-set file is one JSON object.</source>
        <translation>%1, dòng %2: tệp bộ quy tắc phải là một đối tượng JSON.</translation>
    </message>
    <message>
        <source>%1, line %2: %3.</source>
        <translation>%1, dòng %2: %3.</translation>
    </message>
    <message>
        <source>The program is missing its rule-set file %1.</source>
        <translation>Chương trình thiếu tệp bộ quy tắc %1.</translation>
    </message>
    <message>
        <source>No rule set is in force on %1: the earliest takes effect on %2.</source>
        <translation>Không có bộ quy tắc nào có hiệu lực vào ngày %1: bộ quy tắc sớm nhất có hiệu lực từ ngày %2.</translation>
    </message>
    <message>
        <source>There is no person with the id %1.</source>
        <translation>Không tìm thấy cá nhân (id %1).</translation>
    </message>
    <message>
        <source>There is no unit with the id %1.</source>
        <translation>Không tìm thấy đơn vị (id %1).</translation>
    </message>
    <message>
        <source> or </source>
        <translation> hoặc </translation>
    </message>
    <message>
        <source>%1 does not count: achievements count only after a discipline ends (Decree 152/2025 Art 4)</source>
        <translation>năm %1 không được tính: thành tích chỉ được tính sau khi hết thời hạn kỷ luật (Điều 4 Nghị định 152/2025/NĐ-CP)</translation>
    </message>
    <message>
        <source>%1/%2 consecutive years</source>
        <translation>%1/%2 năm liên tục</translation>
    </message>
    <message>
        <source>%1 or better</source>
        <translation>từ %1 trở lên</translation>
    </message>
    <message>
        <source>%1 or better, or %2</source>
        <translation>từ %1 trở lên, hoặc %2</translation>
    </message>
    <message>
        <source>no task rating recorded for %1 (needs %2)</source>
        <translation>năm %1 chưa có xếp loại (cần %2)</translation>
    </message>
    <message>
        <source>rated %1 in %2; needs %3</source>
        <translation>năm %2 xếp loại %1; cần %3</translation>
    </message>
    <message>
        <source>%1 consecutive years up to %2 rated %3.</source>
        <translation>%1 năm liên tục đến năm %2 xếp loại %3.</translation>
    </message>
    <message>
        <source>%1/%2 years</source>
        <translation>%1/%2 năm</translation>
    </message>
    <message>
        <source>%1 year(s) rated %2 or better in %3.</source>
        <translation>%1 năm xếp loại từ %2 trở lên (%3).</translation>
    </message>
    <message>
        <source>only %1 year(s) rated %2 or better in %3; needs %4</source>
        <translation>chỉ có %1 năm xếp loại từ %2 trở lên (%3); cần %4</translation>
    </message>
    <message>
        <source>%1 %2 was awarded for a đột xuất or theo đợt achievement and does not count toward the regular track</source>
        <translation>%1 năm %2 được tặng cho thành tích đột xuất hoặc theo đợt, không tính vào khen thưởng thường xuyên</translation>
    </message>
    <message>
        <source>no %1 for %2</source>
        <translation>năm %2 không có %1</translation>
    </message>
    <message>
        <source>%1 %2 (decision %3)</source>
        <translation>%1 %2 (quyết định số %3)</translation>
    </message>
    <message>
        <source>%1 time(s) %2 in %3; needs %4</source>
        <translation>%1 lần %2 (%3); cần %4</translation>
    </message>
    <message>
        <source>%1/%2 consecutive times</source>
        <translation>%1/%2 lần liên tục</translation>
    </message>
    <message>
        <source>%1/%2 times</source>
        <translation>%1/%2 lần</translation>
    </message>
    <message>
        <source>%1 %2 time(s).</source>
        <translation>%1: %2 lần.</translation>
    </message>
    <message>
        <source>0/%1 years</source>
        <translation>0/%1 năm</translation>
    </message>
    <message>
        <source>no %1 (regular track) before %2</source>
        <translation>chưa có %1 (khen thưởng thường xuyên) trước năm %2</translation>
    </message>
    <message>
        <source>%1/%2 years after %3 %4</source>
        <translation>%1/%2 năm sau %3 năm %4</translation>
    </message>
    <message>
        <source>%1 consecutive years rated %2 or better since %3 %4.</source>
        <translation>%1 năm liên tục xếp loại từ %2 trở lên kể từ %3 năm %4.</translation>
    </message>
    <message>
        <source>only %1 consecutive year(s) rated %2 or better after %3 %4; needs %5</source>
        <translation>chỉ có %1 năm liên tục xếp loại từ %2 trở lên sau %3 năm %4; cần %5</translation>
    </message>
    <message>
        <source>initiatives are recorded for people, not units</source>
        <translation>sáng kiến được ghi cho cá nhân, không ghi cho đơn vị</translation>
    </message>
    <message>
        <source>initiative &quot;%1&quot; (%2, %3)</source>
        <translation>sáng kiến &quot;%1&quot; (%2, %3)</translation>
    </message>
    <message>
        <source>initiative &quot;%1&quot; was already used for %2 %3</source>
        <translation>sáng kiến &quot;%1&quot; đã được dùng để xét %2 năm %3</translation>
    </message>
    <message>
        <source>%1/%2 initiatives</source>
        <translation>%1/%2 sáng kiến</translation>
    </message>
    <message>
        <source>%1 unused initiative(s) at level %2 or above in %3.</source>
        <translation>%1 sáng kiến chưa sử dụng, từ cấp %2 trở lên (%3).</translation>
    </message>
    <message>
        <source>%1 unused initiative(s) at level %2 or above in %3; needs %4</source>
        <translation>%1 sáng kiến chưa sử dụng, từ cấp %2 trở lên (%3); cần %4</translation>
    </message>
    <message>
        <source>applies to collectives only</source>
        <translation>chỉ áp dụng cho tập thể</translation>
    </message>
    <message>
        <source>rated %1 or better</source>
        <translation>xếp loại từ %1 trở lên</translation>
    </message>
    <message>
        <source>%1/%2 members (%3%)</source>
        <translation>%1/%2 thành viên (%3%)</translation>
    </message>
    <message>
        <source>%1 of %2 members: %3 in %4</source>
        <translation>%1/%2 thành viên: %3 năm %4</translation>
    </message>
    <message>
        <source>the unit has no members in the registry</source>
        <translation>đơn vị chưa có cá nhân nào trong cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>%1 of %2 members (%3%) %4 in %5; needs at least %6%</source>
        <translation>%1/%2 thành viên (%3%) đạt %4 năm %5; cần ít nhất %6%</translation>
    </message>
    <message>
        <source>%1 member(s) %2 in %3; needs at least %4</source>
        <translation>%1 thành viên đạt %2 năm %3; cần ít nhất %4</translation>
    </message>
    <message>
        <source>not: %1</source>
        <translation>chưa đạt: %1</translation>
    </message>
    <message>
        <source>discipline %1 (decision %2) from %3, still in force</source>
        <translation>kỷ luật %1 (quyết định %2) từ %3, còn hiệu lực</translation>
    </message>
    <message>
        <source>discipline %1 (decision %2) from %3 to %4</source>
        <translation>kỷ luật %1 (quyết định %2) từ %3 đến %4</translation>
    </message>
    <message>
        <source>disciplined in %1 at %2 or above: %3</source>
        <translation>năm %1 có thành viên bị kỷ luật từ mức %2 trở lên: %3</translation>
    </message>
    <message>
        <source>discipline of another kind; check whether it is %1 or above: %2</source>
        <translation>hình thức kỷ luật khác; cần kiểm tra có từ mức %1 trở lên không: %2</translation>
    </message>
    <message>
        <source>no member disciplined at %1 or above in %2.</source>
        <translation>năm %2 không có thành viên bị kỷ luật từ mức %1 trở lên.</translation>
    </message>
    <message>
        <source>%1: achievements count from %2</source>
        <translation>%1: thành tích được tính từ năm %2</translation>
    </message>
    <message>
        <source>no discipline in force in %1.</source>
        <translation>không có kỷ luật còn hiệu lực trong năm %1.</translation>
    </message>
    <message>
        <source>%1 overlaps %2</source>
        <translation>%1 (trùng với năm %2)</translation>
    </message>
    <message>
        <source>awarded to collectives, not individuals</source>
        <translation>chỉ xét tặng cho tập thể, không xét tặng cho cá nhân</translation>
    </message>
    <message>
        <source>awarded to individuals, not collectives</source>
        <translation>chỉ xét tặng cho cá nhân, không xét tặng cho tập thể</translation>
    </message>
    <message>
        <source>category %1 is not among %2</source>
        <translation>đối tượng %1 không thuộc %2</translation>
    </message>
    <message>
        <source>category %1.</source>
        <translation>đối tượng %1.</translation>
    </message>
    <message>
        <source>confirmed by the clerk: %1</source>
        <translation>cán bộ đã xác nhận: %1</translation>
    </message>
    <message>
        <source>%1 — standard not confirmed against the legal text: %2</source>
        <translation>%1 — tiêu chuẩn chưa được đối chiếu với văn bản pháp luật: %2</translation>
    </message>
    <message>
        <source>no movement chosen</source>
        <translation>chưa chọn phong trào</translation>
    </message>
    <message>
        <source>Standards of the movement &quot;%1&quot;</source>
        <translation>Tiêu chuẩn của phong trào &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the movement&apos;s nominee categories do not include %1</source>
        <translation>đối tượng thi đua của phong trào không bao gồm %1</translation>
    </message>
    <message>
        <source>confirm with an evidence note (%1)</source>
        <translation>xác nhận kèm ghi chú minh chứng (%1)</translation>
    </message>
    <message>
        <source>the movement sets no standards of its own for this award and category</source>
        <translation>phong trào không đặt tiêu chuẩn riêng cho hình thức khen thưởng và đối tượng này</translation>
    </message>
    <message>
        <source>%1/%2 confirmed</source>
        <translation>đã xác nhận %1/%2</translation>
    </message>
    <message>
        <source>any year up to %1</source>
        <translation>bất kỳ năm nào đến năm %1</translation>
    </message>
    <message>
        <source>%1 consecutive years rated %2 or better since %3 %4, but not everything required in that period</source>
        <translation>%1 năm liên tục xếp loại %2 trở lên kể từ %3 %4, nhưng chưa đủ các yêu cầu khác trong thời gian đó</translation>
    </message>
</context>
<context>
    <name>Interchange</name>
    <message>
        <source>Could not write the file &quot;%1&quot;: %2</source>
        <translation>Không thể ghi tệp &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>%1: each record must be a JSON object.</source>
        <translation>%1: mỗi bản ghi phải là một đối tượng JSON.</translation>
    </message>
    <message>
        <source>%1: the %2 &quot;%3&quot; is neither in the file nor in the database.</source>
        <translation>%1: không tìm thấy %2 &quot;%3&quot; trong tệp cũng như trong cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>%1: give either &quot;person&quot; or &quot;unit&quot;, not both and not neither.</source>
        <translation>%1: phải ghi đúng một trong hai trường &quot;person&quot; hoặc &quot;unit&quot; (không ghi cả hai, không bỏ trống cả hai).</translation>
    </message>
    <message>
        <source>person</source>
        <translation>cá nhân</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>has the unknown code &quot;%1&quot; (expected one of %2)</source>
        <translation>có mã không hợp lệ &quot;%1&quot; (phải là một trong các mã: %2)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>tệp</translation>
    </message>
    <message>
        <source>This is not a Vinh Danh interchange file (&quot;format&quot; must be &quot;vinhdanh-interchange&quot;).</source>
        <translation>Đây không phải tệp trao đổi của Vinh Danh (&quot;format&quot; phải là &quot;vinhdanh-interchange&quot;).</translation>
    </message>
    <message>
        <source>The file was written by a newer version of Vinh Danh (format version %1); this program reads version 1. Nothing was imported.</source>
        <translation>Tệp được ghi bởi phiên bản Vinh Danh mới hơn (định dạng phiên bản %1); chương trình này chỉ đọc được phiên bản 1. Không có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <source>must be cum or khoi</source>
        <translation>phải là cum hoặc khoi</translation>
    </message>
    <message>
        <source>emulation bloc</source>
        <translation>cụm/khối thi đua</translation>
    </message>
    <message>
        <source>parent unit</source>
        <translation>đơn vị cấp trên</translation>
    </message>
    <message>
        <source>successor unit</source>
        <translation>đơn vị kế thừa</translation>
    </message>
    <message>
        <source>%1: a unit cannot be its own parent or successor.</source>
        <translation>%1: đơn vị không thể là đơn vị cấp trên hay đơn vị kế thừa của chính nó.</translation>
    </message>
    <message>
        <source>%1: the parent units form a loop.</source>
        <translation>%1: các đơn vị cấp trên tạo thành vòng lặp.</translation>
    </message>
    <message>
        <source>the CCCD number %1 is also given to %2 in the file.</source>
        <translation>số CCCD %1 cũng được ghi cho %2 trong tệp.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is a catalogue movement, which an import cannot replace.</source>
        <translation>%1: &quot;%2&quot; là phong trào trong danh mục có sẵn, không thể thay thế khi nhập.</translation>
    </message>
    <message>
        <source>movement</source>
        <translation>phong trào</translation>
    </message>
    <message>
        <source>is not a known award form: &quot;%1&quot;</source>
        <translation>không phải là hình thức khen thưởng hợp lệ: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be given to this kind of recipient</source>
        <translation>có giá trị &quot;%1&quot;, hình thức này không trao cho loại đối tượng này</translation>
    </message>
    <message>
        <source>award</source>
        <translation>khen thưởng</translation>
    </message>
    <message>
        <source>%1: the holder &quot;%2&quot; is neither in the file nor in the database.</source>
        <translation>%1: không tìm thấy tác giả &quot;%2&quot; trong tệp cũng như trong cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>Could not read the file &quot;%1&quot;: %2</source>
        <translation>Không thể đọc tệp &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is not valid JSON (at character %2: %3). Nothing was imported.</source>
        <translation>Tệp &quot;%1&quot; không phải JSON hợp lệ (tại ký tự thứ %2: %3). Không có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is not a Vinh Danh interchange file. Nothing was imported.</source>
        <translation>Tệp &quot;%1&quot; không phải tệp trao đổi của Vinh Danh. Không có dữ liệu nào được nhập.</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>Không có dữ liệu nào được nhập. %1</translation>
    </message>
</context>
<context>
    <name>JsonFields</name>
    <message>
        <source>%1: &quot;%2&quot; %3</source>
        <translation>%1: trường &quot;%2&quot; %3</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>là bắt buộc</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>phải là văn bản</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>phải là số nguyên</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>phải là true hoặc false</translation>
    </message>
    <message>
        <source>is not a valid date (YYYY-MM-DD): &quot;%1&quot;</source>
        <translation>không phải là ngày hợp lệ (YYYY-MM-DD): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>phải là danh sách</translation>
    </message>
    <message>
        <source>must be a list of texts</source>
        <translation>phải là danh sách văn bản</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>phải là đối tượng JSON</translation>
    </message>
</context>
<context>
    <name>MovementHtml</name>
    <message>
        <source>not given</source>
        <translation>chưa ghi</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a range of years</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>not numbered (left blank in the plan)</source>
        <translation>chưa có số (để trống trong kế hoạch)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>not dated (left blank in the plan)</source>
        <translation>chưa ghi ngày (để trống trong kế hoạch)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Phạm vi</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>signer: title, then name</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Các giai đoạn</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>review kind, then year</comment>
        <translation>%1 năm %2</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Nội dung thi đua</translation>
    </message>
    <message>
        <source>Nominee categories</source>
        <translation>Đối tượng thi đua</translation>
    </message>
    <message>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Award forms</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Recorded as: %1</source>
        <translation>Ghi nhận là: %1</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Tiêu chuẩn</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>award name, then occasion</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(movement without a name)</source>
        <translation>(phong trào chưa có tên)</translation>
    </message>
    <message>
        <source>Catalogue movement (read-only). Copy it to adapt it for your office.</source>
        <translation>Phong trào trong danh mục có sẵn (chỉ đọc). Hãy sao chép để điều chỉnh cho cơ quan, đơn vị mình.</translation>
    </message>
    <message>
        <source>Copied from the catalogue movement %1.</source>
        <translation>Sao chép từ phong trào %1 trong danh mục có sẵn.</translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>MovementJson</name>
    <message>
        <source>must be a list of objects</source>
        <translation>phải là danh sách các đối tượng JSON</translation>
    </message>
    <message>
        <source>has the unknown code &quot;%1&quot; (expected one of %2)</source>
        <translation>có mã không hợp lệ &quot;%1&quot; (phải là một trong các mã: %2)</translation>
    </message>
    <message>
        <source>must be so_ket, tong_ket or null</source>
        <translation>phải là so_ket, tong_ket hoặc null</translation>
    </message>
    <message>
        <source>must be collective or individual</source>
        <translation>phải là collective hoặc individual</translation>
    </message>
    <message>
        <source>names the category &quot;%1&quot;, which is not in &quot;categories&quot;</source>
        <translation>nêu đối tượng &quot;%1&quot;, nhưng đối tượng này không có trong &quot;categories&quot;</translation>
    </message>
</context>
<context>
    <name>MovementRepository</name>
    <message>
        <source>The movement name is required.</source>
        <translation>Chưa nhập tên phong trào.</translation>
    </message>
    <message>
        <source>Enter the first year of the movement.</source>
        <translation>Hãy nhập năm bắt đầu của phong trào.</translation>
    </message>
    <message>
        <source>The movement ends (%1) before it starts (%2).</source>
        <translation>Năm kết thúc của phong trào (%1) trước năm bắt đầu (%2).</translation>
    </message>
    <message>
        <source>Phase &quot;%1&quot; ends before it starts.</source>
        <translation>Giai đoạn &quot;%1&quot; có năm kết thúc trước năm bắt đầu.</translation>
    </message>
    <message>
        <source>The review year %1 of phase &quot;%2&quot; is outside the movement&apos;s period.</source>
        <translation>Năm sơ kết, tổng kết %1 của giai đoạn &quot;%2&quot; nằm ngoài thời gian của phong trào.</translation>
    </message>
    <message>
        <source>Every nominee category needs a code and a name.</source>
        <translation>Mỗi đối tượng thi đua phải có mã và tên.</translation>
    </message>
    <message>
        <source>The category code &quot;%1&quot; is used twice.</source>
        <translation>Mã đối tượng &quot;%1&quot; bị dùng hai lần.</translation>
    </message>
    <message>
        <source>The award code &quot;%1&quot; is not known.</source>
        <translation>Không có hình thức khen thưởng mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A standard names the category &quot;%1&quot;, which the movement does not have.</source>
        <translation>Có tiêu chuẩn nêu đối tượng &quot;%1&quot;, nhưng phong trào không có đối tượng này.</translation>
    </message>
    <message>
        <source>The movement no longer exists; it may have been deleted by someone else.</source>
        <translation>Phong trào không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>Movements of the built-in catalogue cannot be changed. Make a copy and edit the copy.</source>
        <translation>Không thể sửa phong trào trong danh mục có sẵn. Hãy tạo bản sao rồi sửa bản sao.</translation>
    </message>
    <message>
        <source>The movement to copy no longer exists.</source>
        <translation>Phong trào cần sao chép không còn tồn tại.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <extracomment>Suffix added to the name of a copied movement</extracomment>
        <translation>%1 (bản sao)</translation>
    </message>
    <message>
        <source>Movements of the built-in catalogue cannot be deleted.</source>
        <translation>Không thể xóa phong trào trong danh mục có sẵn.</translation>
    </message>
    <message>
        <source>The movement cannot be deleted: %1 award(s) in the ledger refer to it.</source>
        <translation>Không thể xóa phong trào: có %1 lượt khen thưởng trong sổ khen thưởng gắn với phong trào này.</translation>
    </message>
</context>
<context>
    <name>MovementText</name>
    <message>
        <source>catalogue</source>
        <translation>danh mục</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Cơ quan ban hành: %1</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>chưa có ngày</translation>
    </message>
    <message>
        <source>Plan: %1, %2</source>
        <translation>Kế hoạch: %1, %2</translation>
    </message>
    <message>
        <source>Period: %1–%2</source>
        <translation>Thời gian: %1–%2</translation>
    </message>
    <message>
        <source>Phase %1: %2–%3</source>
        <translation>%1: %2–%3</translation>
    </message>
    <message>
        <source>Awards (%1): %2</source>
        <translation>Khen thưởng (%1): %2</translation>
    </message>
    <message>
        <source>%1 content areas, %2 nominee categories, %3 standards groups</source>
        <translation>%1 nội dung thi đua, %2 đối tượng thi đua, %3 nhóm tiêu chuẩn</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Clerk of a unit</source>
        <translation>Cán bộ nghiệp vụ đơn vị</translation>
    </message>
    <message>
        <source>Appraiser</source>
        <translation>Cán bộ thẩm định</translation>
    </message>
    <message>
        <source>Council secretary</source>
        <translation>Thư ký Hội đồng</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Lãnh đạo</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Quản trị viên</translation>
    </message>
    <message>
        <source>viewing the registry</source>
        <translation>xem dữ liệu</translation>
    </message>
    <message>
        <source>changing the registry</source>
        <translation>sửa dữ liệu</translation>
    </message>
    <message>
        <source>changing movements</source>
        <translation>sửa phong trào thi đua</translation>
    </message>
    <message>
        <source>importing data</source>
        <translation>nhập dữ liệu</translation>
    </message>
    <message>
        <source>exporting data</source>
        <translation>xuất dữ liệu</translation>
    </message>
    <message>
        <source>generating demo data</source>
        <translation>tạo dữ liệu mẫu</translation>
    </message>
    <message>
        <source>managing accounts</source>
        <translation>quản lý tài khoản</translation>
    </message>
    <message>
        <source>reading the audit log</source>
        <translation>xem nhật ký thao tác</translation>
    </message>
    <message>
        <source>This database has user accounts: log in before %1.</source>
        <translation>Cơ sở dữ liệu này có tài khoản người dùng: hãy đăng nhập trước khi %1.</translation>
    </message>
    <message>
        <source>The account %1 (%2) is not allowed %3.</source>
        <translation>Tài khoản %1 (%2) không được phép %3.</translation>
    </message>
    <message>
        <source>The account %1 may only change records of %2 and its sub-units.</source>
        <translation>Tài khoản %1 chỉ được sửa hồ sơ của %2 và các đơn vị trực thuộc.</translation>
    </message>
</context>
<context>
    <name>PersonRepository</name>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation>
            <numerusform>%n kết quả xếp loại hằng năm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in the ledger</source>
        <translation>
            <numerusform>%n lượt khen thưởng trong sổ khen thưởng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n initiative(s)</source>
        <translation>
            <numerusform>%n sáng kiến</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation>
            <numerusform>%n quyết định kỷ luật</numerusform>
        </translation>
    </message>
    <message>
        <source>The CCCD number %1 already belongs to %2.</source>
        <translation>Số CCCD %1 đã được ghi cho %2.</translation>
    </message>
    <message>
        <source>The person no longer exists; the record may have been deleted by someone else.</source>
        <translation>Cá nhân này không còn tồn tại; có thể người khác đã xóa hồ sơ.</translation>
    </message>
    <message>
        <source>The person cannot be deleted: the record still has %1.</source>
        <translation>Không thể xóa cá nhân này: hồ sơ vẫn còn %1.</translation>
    </message>
</context>
<context>
    <name>QCalendarWidget</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>&amp;Hiện tệp ẩn</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Vị trí gần đây</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã tồn tại.
Bạn có muốn thay thế không?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xóa &apos;%1&apos; không?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa đổi</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Hiện chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Khô&amp;ng với tất cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Đóng không lưu</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Tùy chọn &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Tùy chọn &lt;&lt;</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>In ra tệp (PDF)</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print Preview</source>
        <translation>Xem trước khi in</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Vừa trang</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Khổ dọc</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Khổ ngang</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>Thiết lập trang</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>Xuất ra PDF</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Trang đầu</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Trang cuối</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation>Ctrl</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>Alt</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ liên &amp;kết</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>RecordRepository</name>
    <message>
        <source>The award form %1 is not known.</source>
        <translation>Không có hình thức khen thưởng %1.</translation>
    </message>
    <message>
        <source>%1 is awarded to collectives, not to individuals.</source>
        <translation>%1 chỉ trao cho tập thể, không trao cho cá nhân.</translation>
    </message>
    <message>
        <source>%1 is awarded to individuals, not to collectives.</source>
        <translation>%1 chỉ trao cho cá nhân, không trao cho tập thể.</translation>
    </message>
    <message>
        <source>The award cannot be deleted: %1 initiative(s) are recorded as used for it. Clear that first.</source>
        <translation>Không thể xóa khen thưởng này: có %1 sáng kiến được ghi là đã dùng để xét khen thưởng này. Hãy bỏ ghi nhận đó trước.</translation>
    </message>
    <message>
        <source>An initiative can only be used for an award of one of its holders.</source>
        <translation>Sáng kiến chỉ được dùng để xét khen thưởng cho một trong các tác giả của sáng kiến.</translation>
    </message>
    <message>
        <source>The rating no longer exists; someone else may have deleted it.</source>
        <translation>Kết quả xếp loại không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>The award no longer exists; someone else may have deleted it.</source>
        <translation>Khen thưởng này không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>The initiative no longer exists; someone else may have deleted it.</source>
        <translation>Sáng kiến không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>The disciplinary record no longer exists; someone else may have deleted it.</source>
        <translation>Thông tin kỷ luật không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
</context>
<context>
    <name>UnitRepository</name>
    <message numerus="yes">
        <source>%n sub-unit(s) belong to it</source>
        <translation>
            <numerusform>có %n đơn vị trực thuộc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) name it as their successor</source>
        <translation>
            <numerusform>có %n đơn vị lấy đơn vị này làm đơn vị kế thừa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) work in it</source>
        <translation>
            <numerusform>có %n người đang làm việc tại đơn vị</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation>
            <numerusform>có %n kết quả xếp loại hằng năm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in its ledger</source>
        <translation>
            <numerusform>có %n lượt khen thưởng trong sổ khen thưởng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation>
            <numerusform>có %n quyết định kỷ luật</numerusform>
        </translation>
    </message>
    <message>
        <source>A unit cannot be placed under one of its own sub-units.</source>
        <translation>Không thể đặt đơn vị trực thuộc một đơn vị cấp dưới của chính nó.</translation>
    </message>
    <message>
        <source>The unit no longer exists; it may have been deleted by someone else.</source>
        <translation>Đơn vị không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>The unit cannot be deleted: %1.</source>
        <translation>Không thể xóa đơn vị: %1.</translation>
    </message>
    <message>
        <source>The name of the emulation cluster or bloc is required.</source>
        <translation>Chưa nhập tên cụm, khối thi đua.</translation>
    </message>
    <message>
        <source>Choose whether it is an emulation cluster (cụm) or bloc (khối).</source>
        <translation>Hãy chọn loại: cụm thi đua hoặc khối thi đua.</translation>
    </message>
    <message>
        <source>The emulation cluster or bloc no longer exists; someone else may have deleted it.</source>
        <translation>Cụm, khối thi đua không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The year %1 is not valid; enter a year between 1945 and 2200.</source>
        <translation>Năm %1 không hợp lệ; hãy nhập năm từ 1945 đến 2200.</translation>
    </message>
    <message>
        <source>Choose either a person or a unit.</source>
        <translation>Hãy chọn một cá nhân hoặc một đơn vị.</translation>
    </message>
    <message>
        <source>The unit name is required.</source>
        <translation>Chưa nhập tên đơn vị.</translation>
    </message>
    <message>
        <source>Choose the kind of unit.</source>
        <translation>Hãy chọn loại đơn vị.</translation>
    </message>
    <message>
        <source>The valid-to date (%1) is before the valid-from date (%2).</source>
        <translation>Ngày hết hiệu lực (%1) trước ngày bắt đầu hiệu lực (%2).</translation>
    </message>
    <message>
        <source>A unit cannot be its own parent.</source>
        <translation>Đơn vị không thể là đơn vị cấp trên của chính nó.</translation>
    </message>
    <message>
        <source>A unit cannot succeed itself.</source>
        <translation>Đơn vị không thể là đơn vị kế thừa của chính nó.</translation>
    </message>
    <message>
        <source>The full name is required.</source>
        <translation>Chưa nhập họ và tên.</translation>
    </message>
    <message>
        <source>Enter the full name (family name, middle name and given name), not only one word.</source>
        <translation>Hãy nhập đầy đủ họ, tên đệm và tên, không chỉ một từ.</translation>
    </message>
    <message>
        <source>Choose the unit the person works in.</source>
        <translation>Hãy chọn đơn vị công tác.</translation>
    </message>
    <message>
        <source>Choose the person&apos;s category.</source>
        <translation>Hãy chọn đối tượng của cá nhân.</translation>
    </message>
    <message>
        <source>The gender must be male or female.</source>
        <translation>Giới tính phải là nam hoặc nữ.</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>Ngày sinh không được sau ngày hôm nay.</translation>
    </message>
    <message>
        <source>The birth date is before 1900.</source>
        <translation>Ngày sinh trước năm 1900.</translation>
    </message>
    <message>
        <source>The CCCD number must have exactly 12 digits.</source>
        <translation>Số CCCD phải có đúng 12 chữ số.</translation>
    </message>
    <message>
        <source>The task rating must be one of %1.</source>
        <translation>Xếp loại phải là một trong các mã: %1.</translation>
    </message>
    <message>
        <source>Choose the award form.</source>
        <translation>Hãy chọn hình thức khen thưởng.</translation>
    </message>
    <message>
        <source>The kind of award must be one of %1.</source>
        <translation>Loại khen thưởng phải là một trong các mã: %1.</translation>
    </message>
    <message>
        <source>The decision date %1 is before the achievement year %2.</source>
        <translation>Ngày quyết định %1 trước năm đạt thành tích %2.</translation>
    </message>
    <message>
        <source>The initiative title is required.</source>
        <translation>Chưa nhập tên sáng kiến.</translation>
    </message>
    <message>
        <source>The initiative level must be one of %1.</source>
        <translation>Cấp công nhận sáng kiến phải là một trong các mã: %1.</translation>
    </message>
    <message>
        <source>An initiative needs at least one holder.</source>
        <translation>Sáng kiến phải có ít nhất một tác giả.</translation>
    </message>
    <message>
        <source>The kind of discipline must be one of %1.</source>
        <translation>Hình thức kỷ luật phải là một trong các mã: %1.</translation>
    </message>
    <message>
        <source>The start date of the discipline is required.</source>
        <translation>Chưa nhập ngày bắt đầu thời hạn kỷ luật.</translation>
    </message>
    <message>
        <source>The discipline ends before it starts.</source>
        <translation>Thời hạn kỷ luật kết thúc trước khi bắt đầu.</translation>
    </message>
</context>
<context>
    <name>Versioning</name>
    <message>
        <source>Someone else saved this record after you opened it (it is now at version %1). Nothing was saved: compare the changes and choose which to keep.</source>
        <translation>Người khác đã lưu bản ghi này sau khi bạn mở (hiện là phiên bản %1). Chưa có gì được lưu: hãy so sánh các thay đổi và chọn nội dung cần giữ.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AccountDialog</name>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>Mật khẩu phải có ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai mật khẩu nhập không giống nhau.</translation>
    </message>
    <message>
        <source>Create the first account</source>
        <translation>Tạo tài khoản đầu tiên</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <source>(choose the clerk&apos;s unit)</source>
        <translation>(chọn đơn vị của cán bộ nghiệp vụ)</translation>
    </message>
    <message>
        <source>Once this database has an account, everyone must log in. The first account is its administrator: it adds the others.</source>
        <translation>Khi cơ sở dữ liệu đã có tài khoản, mọi người đều phải đăng nhập. Tài khoản đầu tiên là quản trị viên, dùng để thêm các tài khoản khác.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Họ và tên:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Vai trò:</translation>
    </message>
    <message>
        <source>U&amp;nit (clerks):</source>
        <translation>Đơ&amp;n vị (cán bộ nghiệp vụ):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>R&amp;epeat the password:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
    <message>
        <source>A username is required and has no spaces.</source>
        <translation>Cần nhập tên đăng nhập, không có dấu cách.</translation>
    </message>
    <message>
        <source>Choose the unit whose records this clerk keeps.</source>
        <translation>Chọn đơn vị mà cán bộ này quản lý hồ sơ.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AccountsMenu</name>
    <message>
        <source>&amp;Accounts</source>
        <translation>Tài &amp;khoản</translation>
    </message>
    <message>
        <source>&amp;Log out / switch user…</source>
        <translation>Đăng &amp;xuất / đổi người dùng…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Người dùng…</translation>
    </message>
    <message>
        <source>Create the &amp;first account…</source>
        <translation>Tạo tài khoản đầu &amp;tiên…</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>&amp;Nhật ký thao tác…</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>Đã đăng nhập: %1 (%2)</translation>
    </message>
    <message>
        <source>Not logged in</source>
        <translation>Chưa đăng nhập</translation>
    </message>
    <message>
        <source>Accounts switched on</source>
        <translation>Đã bật tài khoản</translation>
    </message>
    <message>
        <source>This database now has accounts: %1 is its administrator and is logged in. Add the other accounts with Accounts ▸ Users.</source>
        <translation>Cơ sở dữ liệu này đã có tài khoản: %1 là quản trị viên và đã đăng nhập. Thêm các tài khoản khác tại Tài khoản ▸ Người dùng.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AuditModel</name>
    <message>
        <source>Added</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Sửa đổi</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Nội dung thay đổi</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AuditView</name>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <source>id or key</source>
        <translation>số hiệu hoặc mã</translation>
    </message>
    <message>
        <source>Kind of change:</source>
        <translation>Loại thao tác:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Người thực hiện:</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Bản ghi:</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>&amp;Bảng:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Trước</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Xuất CSV…</translation>
    </message>
    <message>
        <source>(everyone)</source>
        <translation>(tất cả mọi người)</translation>
    </message>
    <message>
        <source>(all tables)</source>
        <translation>(tất cả các bảng)</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(tất cả)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s); the newest %1 are shown, scroll for more.</source>
        <translation>
            <numerusform>%n thao tác; đang hiện %1 thao tác mới nhất, cuộn xuống để xem thêm.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n thao tác.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file %1 cannot be written.</source>
        <translation>Không thể ghi tệp %1.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Xuất nhật ký thao tác</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Tệp CSV (*.csv);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Đã xuất ra %1.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AwardDialog</name>
    <message>
        <source>Edit award</source>
        <translation>Sửa khen thưởng</translation>
    </message>
    <message>
        <source>Add award</source>
        <translation>Thêm khen thưởng</translation>
    </message>
    <message>
        <source>e.g. Chairman of the Provincial People&apos;s Committee</source>
        <translation>VD: Chủ tịch UBND tỉnh</translation>
    </message>
    <message>
        <source>&amp;Award:</source>
        <translation>&amp;Hình thức khen thưởng:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại khen thưởng:</translation>
    </message>
    <message>
        <source>&amp;Year of achievement:</source>
        <translation>&amp;Năm đạt thành tích:</translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation>&amp;Số quyết định:</translation>
    </message>
    <message>
        <source>Decision &amp;date:</source>
        <translation>Ngày &amp;quyết định:</translation>
    </message>
    <message>
        <source>A&amp;uthority:</source>
        <translation>&amp;Cấp quyết định:</translation>
    </message>
    <message>
        <source>&amp;Movement:</source>
        <translation>&amp;Phong trào:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::BlocDialog</name>
    <message>
        <source>New emulation bloc</source>
        <translation>Thêm cụm, khối thi đua</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại:</translation>
    </message>
    <message>
        <source>The bloc name is required.</source>
        <translation>Chưa nhập tên cụm, khối thi đua.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CandidatesModel</name>
    <message>
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Đã đề nghị</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Individual / collective</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Kết quả xét</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Mức đạt</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CandidatesView</name>
    <message>
        <source>&amp;Find candidates</source>
        <translation>&amp;Rà soát đối tượng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Xuất CSV…</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Movement:</source>
        <translation>&amp;Phong trào:</translation>
    </message>
    <message>
        <source>(every verdict)</source>
        <translation>(mọi kết quả)</translation>
    </message>
    <message>
        <source>(individuals and collectives)</source>
        <translation>(cá nhân và tập thể)</translation>
    </message>
    <message>
        <source>Individuals</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Collectives</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Filter by name, key or unit</source>
        <translation>Lọc theo tên, mã hoặc đơn vị</translation>
    </message>
    <message>
        <source>&amp;Award form:</source>
        <translation>&amp;Hình thức khen thưởng:</translation>
    </message>
    <message>
        <source>&amp;Verdict:</source>
        <translation>&amp;Kết quả:</translation>
    </message>
    <message>
        <source>(no movement)</source>
        <translation>(không theo phong trào)</translation>
    </message>
    <message>
        <source>(every award form)</source>
        <translation>(mọi hình thức khen thưởng)</translation>
    </message>
    <message>
        <source>Checking every person and unit…</source>
        <translation>Đang kiểm tra tất cả cá nhân và đơn vị…</translation>
    </message>
    <message>
        <source>Choose a year and press Find candidates.</source>
        <translation>Chọn năm rồi nhấn Rà soát đối tượng.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n dòng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) match the filters</source>
        <translation>
            <numerusform>%1/%n dòng khớp với bộ lọc</numerusform>
        </translation>
    </message>
    <message>
        <source>candidates-%1.csv</source>
        <translation>xet-khen-thuong-%1.csv</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Xuất CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::ConflictDialog</name>
    <message>
        <source>Someone else changed this record</source>
        <translation>Người khác đã thay đổi bản ghi này</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường thông tin</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>Của bạn</translation>
    </message>
    <message>
        <source>Saved by the other user</source>
        <translation>Do người kia đã lưu</translation>
    </message>
    <message>
        <source>The fields of this form are the same; the other user changed something else.</source>
        <translation>Các trường trên biểu mẫu này không khác nhau; người kia đã thay đổi thông tin khác.</translation>
    </message>
    <message>
        <source>&amp;Keep theirs (reload)</source>
        <translation>&amp;Giữ bản của người kia (tải lại)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with mine</source>
        <translation>&amp;Lưu đè bằng bản của tôi</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::Csv</name>
    <message>
        <source>Cannot write the file %1.</source>
        <translation>Không thể ghi tệp %1.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DateField</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date; write it as dd/mm/yyyy, or leave it empty.</source>
        <translation>%1: “%2” không phải là ngày; hãy nhập theo dạng dd/mm/yyyy hoặc để trống.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DisciplineDialog</name>
    <message>
        <source>Edit discipline</source>
        <translation>Sửa kỷ luật</translation>
    </message>
    <message>
        <source>Add discipline</source>
        <translation>Thêm kỷ luật</translation>
    </message>
    <message>
        <source>Leave empty while the discipline is still in force.</source>
        <translation>Để trống khi kỷ luật còn hiệu lực.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Hình thức kỷ luật:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Từ ngày:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đến &amp;ngày:</translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation>&amp;Số quyết định:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::EditableTable</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Thêm dòng</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Xóa dòng</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>Chuyển x&amp;uống</translation>
    </message>
    <message>
        <source>Add a row at the end</source>
        <translation>Thêm một dòng vào cuối bảng</translation>
    </message>
    <message>
        <source>Remove the selected row</source>
        <translation>Xóa dòng đang chọn</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::EligibilityModel</name>
    <message>
        <source>Rule set %1, version %2: %3
%4</source>
        <translation>Bộ quy tắc %1, phiên bản %2: %3
%4</translation>
    </message>
    <message>
        <source>To check by hand</source>
        <translation>Cần kiểm tra thủ công</translation>
    </message>
    <message>
        <source>Confirmed by the clerk: %1</source>
        <translation>Cán bộ đã xác nhận: %1</translation>
    </message>
    <message>
        <source>Award form / condition</source>
        <translation>Hình thức khen thưởng / điều kiện</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Kết quả xét</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Mức đạt</translation>
    </message>
    <message>
        <source>Earliest year</source>
        <translation>Năm sớm nhất có thể đạt</translation>
    </message>
    <message>
        <source>What was found / what is missing</source>
        <translation>Đã có / còn thiếu</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Chưa đạt</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Cần xem xét</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::EligibilityPanel</name>
    <message>
        <source>Movement standard confirmed by the clerk</source>
        <translation>Tiêu chuẩn của phong trào do cán bộ xác nhận</translation>
    </message>
    <message>
        <source>&amp;Confirmed</source>
        <translation>Đã &amp;xác nhận</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Movement:</source>
        <translation>&amp;Phong trào:</translation>
    </message>
    <message>
        <source>&amp;Occasion:</source>
        <translation>&amp;Dịp khen thưởng:</translation>
    </message>
    <message>
        <source>Evidence: a report, a decision number, a minute…</source>
        <translation>Minh chứng: báo cáo, số quyết định, biên bản…</translation>
    </message>
    <message>
        <source>Evidence &amp;note:</source>
        <translation>&amp;Ghi chú minh chứng:</translation>
    </message>
    <message>
        <source>(no movement)</source>
        <translation>(không theo phong trào)</translation>
    </message>
    <message>
        <source>Rule set used: %1, version %2 (in force from %3).</source>
        <translation>Bộ quy tắc áp dụng: %1, phiên bản %2 (có hiệu lực từ %3).</translation>
    </message>
    <message>
        <source>Select one of the movement&apos;s standards in the list to confirm it.</source>
        <translation>Chọn một tiêu chuẩn của phong trào trong danh sách để xác nhận.</translation>
    </message>
    <message>
        <source>%1
Type the evidence note, then press Enter to confirm.</source>
        <translation>%1
Nhập ghi chú minh chứng rồi nhấn Enter để xác nhận.</translation>
    </message>
    <message>
        <source>The eligibility check failed: %1</source>
        <translation>Không kiểm tra được điều kiện khen thưởng: %1</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::FormDialog</name>
    <message>
        <source>The form now shows the record as the other user saved it.</source>
        <translation>Biểu mẫu hiện hiển thị bản ghi theo nội dung người kia đã lưu.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::InitiativeDialog</name>
    <message>
        <source>Edit initiative</source>
        <translation>Sửa sáng kiến</translation>
    </message>
    <message>
        <source>Add initiative</source>
        <translation>Thêm sáng kiến</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tên sáng kiến:</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Cấp công nhận:</translation>
    </message>
    <message>
        <source>Decision &amp;number:</source>
        <translation>&amp;Số quyết định:</translation>
    </message>
    <message>
        <source>Decision &amp;date:</source>
        <translation>Ngày &amp;quyết định:</translation>
    </message>
    <message>
        <source>Holders:</source>
        <translation>Tác giả:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::ListPage</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Thêm mới…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <source>&amp;Open page</source>
        <translation>&amp;Mở trang chi tiết</translation>
    </message>
    <message>
        <source>Filter: type part of a name, with or without accents</source>
        <translation>Lọc: gõ một phần của tên, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Không thể xóa</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>This database has user accounts. Log in to work on %1.</source>
        <translation>Cơ sở dữ liệu này có tài khoản người dùng. Hãy đăng nhập để làm việc với %1.</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Đăng &amp;nhập</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>Hãy nhập tên đăng nhập.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MainWindow</name>
    <message>
        <source>Vinh Danh databases (*.sqlite *.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu Vinh Danh (*.sqlite *.db);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Phong trào thi đua</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Tạo cơ sở dữ liệu mới…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Mở…</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>&amp;Kết nối máy chủ…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Mở &amp;gần đây</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Lưu &amp;bản sao…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Th&amp;oát</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About Vinh Danh</source>
        <translation>&amp;Giới thiệu Vinh Danh</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Không thể mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Choose a database</source>
        <translation>Chọn cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>No database is open. Open an existing database file, or create a new one?</source>
        <translation>Chưa mở cơ sở dữ liệu nào. Mở một tệp cơ sở dữ liệu có sẵn, hay tạo cơ sở dữ liệu mới?</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Tạo mới…</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Tạo cơ sở dữ liệu mới</translation>
    </message>
    <message>
        <source>The file %1 already exists. Choose another name, or use File ▸ Open to open it.</source>
        <translation>Tệp %1 đã tồn tại. Hãy chọn tên khác, hoặc dùng Tệp ▸ Mở để mở tệp đó.</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Kết nối máy chủ</translation>
    </message>
    <message>
        <source>Address (postgresql://user:password@host:port/database):</source>
        <translation>Địa chỉ máy chủ (postgresql://user:password@host:port/database):</translation>
    </message>
    <message>
        <source>A server address starts with postgresql://.</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng postgresql://.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
    <message>
        <source>Choose another file: this is the database that is open.</source>
        <translation>Hãy chọn tệp khác: đây là cơ sở dữ liệu đang mở.</translation>
    </message>
    <message>
        <source>The file %1 cannot be replaced.</source>
        <translation>Không thể thay thế tệp %1.</translation>
    </message>
    <message>
        <source>A copy was saved to %1.</source>
        <translation>Đã lưu bản sao vào %1.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The new language will be used the next time you start Vinh Danh.</source>
        <translation>Ngôn ngữ mới sẽ được dùng từ lần khởi động Vinh Danh tiếp theo.</translation>
    </message>
    <message>
        <source>About Vinh Danh</source>
        <translation>Giới thiệu Vinh Danh</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vinh Danh %1&lt;/h3&gt;&lt;p&gt;Emulation and commendation records for Vietnamese offices: units, people, yearly ratings, titles, awards and movements.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vinh Danh %1&lt;/h3&gt;&lt;p&gt;Quản lý hồ sơ thi đua, khen thưởng của cơ quan, đơn vị: đơn vị, cá nhân, xếp loại hằng năm, danh hiệu thi đua, khen thưởng và phong trào thi đua.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 – Vinh Danh</source>
        <translation>%1 – Vinh Danh</translation>
    </message>
    <message>
        <source>Vinh Danh</source>
        <translation>Vinh Danh</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n đơn vị</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n cá nhân</numerusform>
        </translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>Xét khen thưởng</translation>
    </message>
    <message>
        <source>Rule sets</source>
        <translation>Bộ quy tắc</translation>
    </message>
    <message>
        <source>%1 has accounts; a run without a screen cannot log in.</source>
        <translation>%1 có tài khoản người dùng; chế độ chạy không màn hình không thể đăng nhập.</translation>
    </message>
    <message>
        <source>Nobody logged in, so %1 was not opened.</source>
        <translation>Chưa có ai đăng nhập nên %1 chưa được mở.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementEditorDialog</name>
    <message>
        <source>Edit movement – %1</source>
        <translation>Sửa phong trào – %1</translation>
    </message>
    <message>
        <source>New movement</source>
        <translation>Tạo phong trào thi đua mới</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Thông tin chung</translation>
    </message>
    <message>
        <source>This is a catalogue movement and cannot be changed. Copy it and edit the copy.</source>
        <translation>Đây là phong trào trong danh mục có sẵn, không thể sửa. Hãy sao chép rồi sửa bản sao.</translation>
    </message>
    <message>
        <source>The movement&apos;s quoted name, e.g. Digital transformation 2026</source>
        <translation>Tên phong trào (phần trong ngoặc kép), VD: Chuyển đổi số năm 2026</translation>
    </message>
    <message>
        <source>The plan&apos;s title line</source>
        <translation>Trích yếu của kế hoạch</translation>
    </message>
    <message>
        <source>e.g. plan</source>
        <translation>VD: Kế hoạch</translation>
    </message>
    <message>
        <source>Leave empty when the plan is not numbered yet</source>
        <translation>Để trống nếu kế hoạch chưa có số</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Có ngày</translation>
    </message>
    <message>
        <source>Where the movement runs, e.g. the province</source>
        <translation>Địa bàn triển khai phong trào, VD: toàn tỉnh</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>Trích &amp;yếu:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Cơ quan ban hành:</translation>
    </message>
    <message>
        <source>Document &amp;kind:</source>
        <translation>&amp;Loại văn bản:</translation>
    </message>
    <message>
        <source>Plan n&amp;umber:</source>
        <translation>&amp;Số kế hoạch:</translation>
    </message>
    <message>
        <source>Plan &amp;date:</source>
        <translation>&amp;Ngày ban hành:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Địa &amp;danh:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Phạm vi:</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>Thời &amp;gian:</translation>
    </message>
    <message>
        <source>Signer&apos;s t&amp;itle:</source>
        <translation>C&amp;hức vụ người ký:</translation>
    </message>
    <message>
        <source>Signer&apos;s na&amp;me:</source>
        <translation>Họ tên người &amp;ký:</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Văn bản căn cứ</translation>
    </message>
    <message>
        <source>The documents the plan is based on, one per row.</source>
        <translation>Các văn bản làm căn cứ ban hành kế hoạch, mỗi văn bản một dòng.</translation>
    </message>
    <message>
        <source>&amp;Legal bases</source>
        <translation>Căn cứ &amp;pháp lý</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Sơ kết, tổng kết</translation>
    </message>
    <message>
        <source>Review year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>The phases in order; a phase may end in an interim or a final review.</source>
        <translation>Các giai đoạn theo thứ tự; mỗi giai đoạn có thể kết thúc bằng sơ kết hoặc tổng kết.</translation>
    </message>
    <message>
        <source>&amp;Phases</source>
        <translation>&amp;Giai đoạn</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>The numbered contents of the movement.</source>
        <translation>Các nội dung thi đua của phong trào, theo số thứ tự.</translation>
    </message>
    <message>
        <source>C&amp;ontents</source>
        <translation>Nội &amp;dung</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Unit kinds</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Person categories</source>
        <translation>Đối tượng cá nhân</translation>
    </message>
    <message>
        <source>Who competes. Standards refer to a category by its code; unit kinds apply to collectives, person categories to individuals.</source>
        <translation>Đối tượng tham gia thi đua. Tiêu chuẩn tham chiếu đối tượng theo mã; loại đơn vị áp dụng cho tập thể, đối tượng cá nhân áp dụng cho cá nhân.</translation>
    </message>
    <message>
        <source>Cat&amp;egories</source>
        <translation>Đối tượ&amp;ng</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Dịp khen thưởng</translation>
    </message>
    <message>
        <source>Award forms</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Name in the plan</source>
        <translation>Tên trong kế hoạch</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Đối tượng khen thưởng</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>The award forms the plan names, per occasion.</source>
        <translation>Các hình thức khen thưởng nêu trong kế hoạch, theo từng dịp khen thưởng.</translation>
    </message>
    <message>
        <source>&amp;Awards</source>
        <translation>&amp;Khen thưởng</translation>
    </message>
    <message>
        <source>S&amp;tandards</source>
        <translation>Tiêu c&amp;huẩn</translation>
    </message>
    <message>
        <source>Deadlines and other facts from the plan, one per row.</source>
        <translation>Thời hạn và các thông tin khác trong kế hoạch, mỗi mục một dòng.</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>Ghi &amp;chú</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Số mục</translation>
    </message>
    <message>
        <source>The standards of the selected group, one item per line.</source>
        <translation>Tiêu chuẩn của nhóm đang chọn, mỗi mục một dòng.</translation>
    </message>
    <message>
        <source>Standards grouped by award and nominee category. Select a group to edit its items below.</source>
        <translation>Tiêu chuẩn được nhóm theo hình thức khen thưởng và đối tượng thi đua. Chọn một nhóm để sửa các mục của nhóm ở bên dưới.</translation>
    </message>
    <message>
        <source>Items (one per line):</source>
        <translation>Các mục (mỗi mục một dòng):</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n mục</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementListModel</name>
    <message>
        <source>Catalogue</source>
        <translation>Danh mục</translation>
    </message>
    <message>
        <source>Own</source>
        <translation>Tự tạo</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a range of years</comment>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>not numbered</source>
        <translation>chưa có số</translation>
    </message>
    <message>
        <source>Catalogue movement (read-only). Copy it to adapt it for your office.</source>
        <translation>Phong trào trong danh mục có sẵn (chỉ đọc). Hãy sao chép để điều chỉnh cho cơ quan, đơn vị mình.</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Plan number</source>
        <translation>Số kế hoạch</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MovementsView</name>
    <message>
        <source>&amp;New movement…</source>
        <translation>&amp;Tạo phong trào…</translation>
    </message>
    <message>
        <source>Create a movement of your own from an empty form</source>
        <translation>Tự tạo phong trào mới từ biểu mẫu trống</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <source>Make an editable copy of the selected movement (the usual way to start from the catalogue)</source>
        <translation>Tạo bản sao có thể sửa của phong trào đang chọn (cách thường dùng để bắt đầu từ danh mục có sẵn)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Filter by name, issuer, scope or plan number</source>
        <translation>Lọc theo tên, cơ quan ban hành, phạm vi hoặc số kế hoạch</translation>
    </message>
    <message>
        <source>Catalogue movements are read-only: use Copy to make your own version, then edit it.</source>
        <translation>Phong trào trong danh mục có sẵn chỉ để xem: hãy dùng Sao chép để tạo phiên bản của cơ quan mình, rồi sửa phiên bản đó.</translation>
    </message>
    <message numerus="yes">
        <source>%n movement(s)</source>
        <translation>
            <numerusform>%n phong trào</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalogue movements are read-only: copy this one first, then edit the copy.</source>
        <translation>Phong trào trong danh mục có sẵn chỉ để xem: hãy sao chép trước, rồi sửa bản sao.</translation>
    </message>
    <message>
        <source>Edit the selected movement</source>
        <translation>Sửa phong trào đang chọn</translation>
    </message>
    <message>
        <source>Catalogue movements cannot be deleted.</source>
        <translation>Không thể xóa phong trào trong danh mục có sẵn.</translation>
    </message>
    <message>
        <source>Delete the selected movement</source>
        <translation>Xóa phong trào đang chọn</translation>
    </message>
    <message>
        <source>The movement no longer exists; it may have been deleted by someone else.</source>
        <translation>Phong trào không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>Cannot copy the movement</source>
        <translation>Không thể sao chép phong trào</translation>
    </message>
    <message>
        <source>Copied. The copy is your own movement: edit it to adapt it for your office.</source>
        <translation>Đã sao chép. Bản sao là phong trào của cơ quan mình: hãy sửa để điều chỉnh cho phù hợp.</translation>
    </message>
    <message>
        <source>Cannot open the movement</source>
        <translation>Không thể mở phong trào</translation>
    </message>
    <message>
        <source>Delete movement</source>
        <translation>Xóa phong trào</translation>
    </message>
    <message>
        <source>Delete the movement “%1”? This cannot be undone.</source>
        <translation>Xóa phong trào “%1”? Thao tác này không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Cannot delete the movement</source>
        <translation>Không thể xóa phong trào</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PasswordDialog</name>
    <message>
        <source>Reset the password of %1</source>
        <translation>Đặt lại mật khẩu của %1</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Mật khẩu &amp;mới:</translation>
    </message>
    <message>
        <source>R&amp;epeat the password:</source>
        <translation>Nhập &amp;lại mật khẩu:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PeopleView</name>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>(all units)</source>
        <translation>(tất cả đơn vị)</translation>
    </message>
    <message>
        <source>Delete the person “%1”? This cannot be undone.</source>
        <translation>Xóa cá nhân “%1”? Thao tác này không thể hoàn tác.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) match</source>
        <translation>
            <numerusform>Tìm thấy %n cá nhân</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Sửa thông tin cá nhân</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Thêm cá nhân</translation>
    </message>
    <message>
        <source>(not given)</source>
        <translation>(không ghi)</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <source>12 digits, optional</source>
        <translation>12 chữ số, không bắt buộc</translation>
    </message>
    <message>
        <source>Family name, middle name and given name</source>
        <translation>Họ, tên đệm và tên</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Họ và &amp;tên:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>Ngày &amp;sinh:</translation>
    </message>
    <message>
        <source>&amp;CCCD:</source>
        <translation>&amp;CCCD:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>C&amp;hức vụ:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>Đối tượ&amp;ng:</translation>
    </message>
    <message>
        <source>This person no longer exists; another user may have deleted the record.</source>
        <translation>Cá nhân này không còn tồn tại; có thể người dùng khác đã xóa hồ sơ.</translation>
    </message>
    <message>
        <source>No unit is called “%1”; choose the unit from the list.</source>
        <translation>Không có đơn vị nào tên “%1”; hãy chọn đơn vị trong danh sách.</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>CCCD</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PersonListModel</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Mã</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PersonPage</name>
    <message>
        <source>&amp;Edit person…</source>
        <translation>&amp;Sửa thông tin…</translation>
    </message>
    <message>
        <source>This person no longer exists.</source>
        <translation>Cá nhân này không còn tồn tại.</translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation>Cá nhân: %1</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>Giới tính:</translation>
    </message>
    <message>
        <source>Birth date:</source>
        <translation>Ngày sinh:</translation>
    </message>
    <message>
        <source>CCCD:</source>
        <translation>CCCD:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Đơn vị:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Chức vụ:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Đối tượng:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Điều kiện khen thưởng</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RatingDialog</name>
    <message>
        <source>Edit rating</source>
        <translation>Sửa xếp loại</translation>
    </message>
    <message>
        <source>Rate a year</source>
        <translation>Xếp loại năm</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>&amp;Xếp loại:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RecordSection</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Xóa…</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RecordsWidget</name>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Task rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Emulation titles</source>
        <translation>Danh hiệu thi đua</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Decision no.</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Cấp quyết định</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Yearly records</source>
        <translation>Kết quả hằng năm</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp công nhận</translation>
    </message>
    <message>
        <source>Used for an award</source>
        <translation>Đã dùng để khen thưởng</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Disciplines</source>
        <translation>Kỷ luật</translation>
    </message>
    <message>
        <source>Cannot read the records</source>
        <translation>Không thể đọc dữ liệu</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>còn hiệu lực</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>Không thể xóa</translation>
    </message>
    <message>
        <source>%1 has no task rating to remove; its titles are entries of the award ledger.</source>
        <translation>Năm %1 không có xếp loại để xóa; các danh hiệu thi đua của năm này được ghi trong sổ khen thưởng.</translation>
    </message>
    <message>
        <source>Remove the task rating of %1?</source>
        <translation>Xóa xếp loại năm %1?</translation>
    </message>
    <message>
        <source>Remove “%1” (%2) from the ledger?</source>
        <translation>Xóa “%1” (%2) khỏi sổ khen thưởng?</translation>
    </message>
    <message>
        <source>Remove the initiative “%1”? It is removed for all its holders.</source>
        <translation>Xóa sáng kiến “%1”? Sáng kiến sẽ bị xóa đối với tất cả tác giả.</translation>
    </message>
    <message>
        <source>Remove this discipline (%1, from %2)?</source>
        <translation>Xóa kỷ luật này (%1, từ ngày %2)?</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RuleSetsView</name>
    <message>
        <source>&amp;Import a rule set…</source>
        <translation>&amp;Nhập bộ quy tắc…</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>In force today: %1 (%2, version %3), since %4.</source>
        <translation>Đang có hiệu lực: %1 (%2, phiên bản %3), từ %4.</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Có sẵn</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Nhập từ tệp</translation>
    </message>
    <message>
        <source>In force today</source>
        <translation>Đang có hiệu lực</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Căn cứ pháp lý:</translation>
    </message>
    <message>
        <source>Import a rule set</source>
        <translation>Nhập bộ quy tắc</translation>
    </message>
    <message>
        <source>Rule sets (*.json);;All files (*)</source>
        <translation>Bộ quy tắc (*.json);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>The file %1 was not imported.

%2</source>
        <translation>Không nhập được tệp %1.

%2</translation>
    </message>
    <message>
        <source>Imported “%1” (%2, version %3), in force from %4.</source>
        <translation>Đã nhập “%1” (%2, phiên bản %3), có hiệu lực từ %4.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitDialog</name>
    <message>
        <source>Edit unit</source>
        <translation>Sửa đơn vị</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <source>New bloc…</source>
        <translation>Thêm cụm, khối…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên đơn vị:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại đơn vị:</translation>
    </message>
    <message>
        <source>&amp;Parent unit:</source>
        <translation>Đơn vị cấp t&amp;rên:</translation>
    </message>
    <message>
        <source>Emulation &amp;bloc:</source>
        <translation>&amp;Cụm, khối thi đua:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>&amp;Hiệu lực từ ngày:</translation>
    </message>
    <message>
        <source>Valid &amp;to:</source>
        <translation>Hiệu lực đến ngà&amp;y:</translation>
    </message>
    <message>
        <source>&amp;Succeeded by:</source>
        <translation>Đơn vị &amp;kế thừa:</translation>
    </message>
    <message>
        <source>The unit this one was merged into or renamed to.</source>
        <translation>Đơn vị mà đơn vị này đã sáp nhập vào hoặc đổi tên thành.</translation>
    </message>
    <message>
        <source>(none: top level)</source>
        <translation>(không có: cấp cao nhất)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>This unit no longer exists; another user may have deleted it.</source>
        <translation>Đơn vị này không còn tồn tại; có thể người dùng khác đã xóa.</translation>
    </message>
    <message>
        <source>No unit is called “%1”; choose the parent unit from the list.</source>
        <translation>Không có đơn vị nào tên “%1”; hãy chọn đơn vị cấp trên trong danh sách.</translation>
    </message>
    <message>
        <source>No unit is called “%1”; choose the successor from the list.</source>
        <translation>Không có đơn vị nào tên “%1”; hãy chọn đơn vị kế thừa trong danh sách.</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Hiệu lực từ ngày</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Hiệu lực đến ngày</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Emulation bloc</source>
        <translation>Cụm, khối thi đua</translation>
    </message>
    <message>
        <source>Succeeded by</source>
        <translation>Đơn vị kế thừa</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitListModel</name>
    <message>
        <source>Name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Emulation bloc</source>
        <translation>Cụm, khối thi đua</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>Succeeded by</source>
        <translation>Đơn vị kế thừa</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Mã</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitPage</name>
    <message>
        <source>&amp;Edit unit…</source>
        <translation>&amp;Sửa đơn vị…</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>&amp;Thêm cá nhân…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>This unit no longer exists.</source>
        <translation>Đơn vị này không còn tồn tại.</translation>
    </message>
    <message>
        <source>Unit: %1</source>
        <translation>Đơn vị: %1</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Loại đơn vị:</translation>
    </message>
    <message>
        <source>Parent unit:</source>
        <translation>Đơn vị cấp trên:</translation>
    </message>
    <message>
        <source>Emulation bloc:</source>
        <translation>Cụm, khối thi đua:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Hiệu lực từ ngày:</translation>
    </message>
    <message>
        <source>Valid to:</source>
        <translation>Hiệu lực đến ngày:</translation>
    </message>
    <message>
        <source>Succeeded by:</source>
        <translation>Đơn vị kế thừa:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Điều kiện khen thưởng</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UnitsView</name>
    <message>
        <source>Delete the unit “%1”? This cannot be undone.</source>
        <translation>Xóa đơn vị “%1”? Thao tác này không thể hoàn tác.</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) match</source>
        <translation>
            <numerusform>Tìm thấy %n đơn vị</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::UsersDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Khóa</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>Đặt &amp;lại mật khẩu…</translation>
    </message>
    <message>
        <source>User accounts</source>
        <translation>Tài khoản người dùng</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Đã khóa</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Tạm khóa</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Đến %1</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Mở khóa</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Vinh Danh: emulation and commendation records.</source>
        <translation>Vinh Danh: quản lý hồ sơ thi đua, khen thưởng.</translation>
    </message>
    <message>
        <source>Open FILE: a database file, or a postgresql:// server address.</source>
        <translation>Mở TỆP: tệp cơ sở dữ liệu hoặc địa chỉ máy chủ postgresql://.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE.png, then quit.</source>
        <translation>Lưu ảnh cửa sổ chính vào TỆP.png rồi thoát.</translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation>TỆP.png</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không thể ghi %1.</translation>
    </message>
</context>
</TS>
