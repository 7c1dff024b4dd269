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
    <message>
        <source>%1 is the last administrator and must keep that role.</source>
        <translation>%1 là quản trị viên cuối cùng nên phải giữ vai trò quản trị viên.</translation>
    </message>
    <message>
        <source>The chosen unit does not exist.</source>
        <translation>Đơn vị đã chọn không tồn tại.</translation>
    </message>
</context>
<context>
    <name>AuditChain</name>
    <message>
        <source>The audit log is empty; there is nothing to verify.</source>
        <translation>Nhật ký thao tác trống; không có gì để kiểm tra.</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n row(s) verified; the newest is #%1 (hash %2…).</source>
        <translation>
            <numerusform>Nhật ký thao tác còn nguyên vẹn: đã kiểm tra %n dòng; dòng mới nhất là #%1 (mã băm %2…).</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 (%2, %3 of %4 %5)</source>
        <translation>#%1 (%2, %3 trên %4 %5)</translation>
    </message>
    <message>
        <source>The audit log is broken at row %1: it has no hash, so it was written past the audit triggers.</source>
        <translation>Nhật ký thao tác bị đứt ở dòng %1: dòng này không có mã băm, tức là đã được ghi vòng qua các trigger ghi nhật ký.</translation>
    </message>
    <message>
        <source>The audit log is broken at row %1, the first row: it was changed, or older rows were deleted.</source>
        <translation>Nhật ký thao tác bị đứt ở dòng %1, dòng đầu tiên: dòng này đã bị sửa, hoặc các dòng cũ hơn đã bị xóa.</translation>
    </message>
    <message>
        <source>The audit log is broken at row %1: it was changed, or rows between #%2 and it were deleted or inserted.</source>
        <translation>Nhật ký thao tác bị đứt ở dòng %1: dòng này đã bị sửa, hoặc các dòng giữa #%2 và dòng này đã bị xóa hay chèn thêm.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>The audit log can be exported as csv, json or text, not &quot;%1&quot;.</source>
        <translation>Nhật ký thao tác chỉ xuất được ở định dạng csv, json hoặc text, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>This database is open read-only, so an export with CCCD numbers and birth dates could not be recorded in the audit log; export it masked.</source>
        <translation>Cơ sở dữ liệu đang mở ở chế độ chỉ đọc nên không ghi được việc xuất kèm số CCCD và ngày sinh vào nhật ký thao tác; hãy xuất ở dạng đã che các thông tin này.</translation>
    </message>
    <message>
        <source>%1 (computer account)</source>
        <translation>%1 (tài khoản máy tính)</translation>
    </message>
</context>
<context>
    <name>AuditText</name>
    <message>
        <source>emulation cluster or bloc</source>
        <translation>cụm, khối thi đua</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>individual</source>
        <translation>cá nhân</translation>
    </message>
    <message>
        <source>emulation movement</source>
        <translation>phong trào thi đua</translation>
    </message>
    <message>
        <source>yearly rating</source>
        <translation>xếp loại</translation>
    </message>
    <message>
        <source>award</source>
        <translation>khen thưởng</translation>
    </message>
    <message>
        <source>initiative</source>
        <translation>sáng kiến</translation>
    </message>
    <message>
        <source>author of an initiative</source>
        <translation>tác giả sáng kiến</translation>
    </message>
    <message>
        <source>disciplinary measure</source>
        <translation>kỷ luật</translation>
    </message>
    <message>
        <source>account</source>
        <translation>tài khoản</translation>
    </message>
    <message>
        <source>base salary</source>
        <translation>mức lương cơ sở</translation>
    </message>
    <message>
        <source>bonus coefficient</source>
        <translation>hệ số tiền thưởng</translation>
    </message>
    <message>
        <source>vote threshold</source>
        <translation>tỷ lệ biểu quyết</translation>
    </message>
    <message>
        <source>award proposal dossier</source>
        <translation>hồ sơ đề nghị</translation>
    </message>
    <message>
        <source>proposed nominee</source>
        <translation>đối tượng đề nghị</translation>
    </message>
    <message>
        <source>checklist item of a nominee</source>
        <translation>mục kiểm tra hồ sơ</translation>
    </message>
    <message>
        <source>document of a dossier</source>
        <translation>tài liệu hồ sơ</translation>
    </message>
    <message>
        <source>appraisal of a nominee</source>
        <translation>thẩm định</translation>
    </message>
    <message>
        <source>outcome for a nominee</source>
        <translation>kết quả xét</translation>
    </message>
    <message>
        <source>council sitting</source>
        <translation>phiên họp Hội đồng</translation>
    </message>
    <message>
        <source>council member</source>
        <translation>thành viên Hội đồng</translation>
    </message>
    <message>
        <source>nominee before the council</source>
        <translation>đối tượng trình Hội đồng</translation>
    </message>
    <message>
        <source>member not voting (conflict of interest)</source>
        <translation>thành viên không biểu quyết (xung đột lợi ích)</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>quyết định</translation>
    </message>
    <message>
        <source>awardee of a decision</source>
        <translation>đối tượng được khen thưởng</translation>
    </message>
    <message>
        <source>confirmation of a standard</source>
        <translation>xác nhận tiêu chuẩn</translation>
    </message>
    <message>
        <source>office setting</source>
        <translation>thiết lập cơ quan</translation>
    </message>
    <message>
        <source>award form</source>
        <translation>hình thức khen thưởng</translation>
    </message>
    <message>
        <source>set of award rules</source>
        <translation>bộ tiêu chuẩn khen thưởng</translation>
    </message>
    <message>
        <source>step of a dossier</source>
        <translation>bước xử lý hồ sơ</translation>
    </message>
    <message>
        <source>export of the audit log</source>
        <translation>lượt xuất nhật ký</translation>
    </message>
    <message>
        <source>review minutes</source>
        <translation>biên bản bình xét</translation>
    </message>
    <message>
        <source>person or unit in review minutes</source>
        <translation>đối tượng trong biên bản bình xét</translation>
    </message>
    <message>
        <source>gold book entry</source>
        <translation>sổ vàng</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Movement name</source>
        <translation>Tên phong trào</translation>
    </message>
    <message>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Kind of unit</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <source>Kind of award</source>
        <translation>Loại khen thưởng</translation>
    </message>
    <message>
        <source>Disciplinary measure</source>
        <translation>Hình thức kỷ luật</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Kind of form</source>
        <translation>Loại hình thức</translation>
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
        <source>Valid from</source>
        <translation>Hiệu lực từ ngày</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>Hiệu lực đến ngày</translation>
    </message>
    <message>
        <source>Succeeded by</source>
        <translation>Đơn vị kế thừa</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>CCCD</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Proposing unit</source>
        <translation>Đơn vị đề nghị</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>From the catalogue</source>
        <translation>Thuộc danh mục</translation>
    </message>
    <message>
        <source>Copied from</source>
        <translation>Sao từ phong trào</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Plan number</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <source>Plan date</source>
        <translation>Ngày kế hoạch</translation>
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
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Decision number</source>
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
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Title (trích yếu)</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Name of the initiative</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp công nhận</translation>
    </message>
    <message>
        <source>Used for the award</source>
        <translation>Đã dùng cho khen thưởng</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Đã khoá</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>Số lần đăng nhập sai</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Khoá đến</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Lần đăng nhập cuối</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>Áp dụng từ ngày</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Đối tượng áp dụng</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Tỷ lệ (%)</translation>
    </message>
    <message>
        <source>Counted over</source>
        <translation>Tính trên</translation>
    </message>
    <message>
        <source>Strictly more than</source>
        <translation>Phải trên tỷ lệ</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Dịp khen thưởng</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Số tờ trình</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Ngày tờ trình</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Reason for returning</source>
        <translation>Lý do trả lại</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Ngày gửi</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Achievement summary</source>
        <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
        <source>Checked against the rules</source>
        <translation>Kết quả đối chiếu tiêu chuẩn</translation>
    </message>
    <message>
        <source>Rule set</source>
        <translation>Bộ tiêu chuẩn</translation>
    </message>
    <message>
        <source>Reason for proceeding</source>
        <translation>Lý do vẫn đề nghị</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Tên tệp</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Kiểu tệp</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Kích thước (byte)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ngày thêm</translation>
    </message>
    <message>
        <source>Agreed with the check</source>
        <translation>Đồng ý với kết quả đối chiếu</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Reason for overriding</source>
        <translation>Lý do không theo kết quả đối chiếu</translation>
    </message>
    <message>
        <source>Appraiser</source>
        <translation>Người thẩm định</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Date of the meeting</source>
        <translation>Ngày họp</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Người chủ trì</translation>
    </message>
    <message>
        <source>Quorum (numerator)</source>
        <translation>Tỷ lệ có mặt tối thiểu (tử số)</translation>
    </message>
    <message>
        <source>Quorum (denominator)</source>
        <translation>Tỷ lệ có mặt tối thiểu (mẫu số)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Giờ bắt đầu</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Giờ kết thúc</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>Council sitting</source>
        <translation>Phiên họp Hội đồng</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <source>Voters</source>
        <translation>Số người biểu quyết</translation>
    </message>
    <message>
        <source>Counted over (people)</source>
        <translation>Số người làm căn cứ</translation>
    </message>
    <message>
        <source>Threshold (%)</source>
        <translation>Tỷ lệ cần đạt (%)</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Thời điểm kiểm phiếu</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Register number</source>
        <translation>Số thứ tự trong sổ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Amends the decision</source>
        <translation>Sửa đổi quyết định</translation>
    </message>
    <message>
        <source>Base salary</source>
        <translation>Mức lương cơ sở</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng tiền thưởng</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Người ban hành</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>Người xác nhận</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>Thời điểm xác nhận</translation>
    </message>
    <message>
        <source>Review minutes</source>
        <translation>Biên bản bình xét</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Thứ bậc</translation>
    </message>
    <message>
        <source>Years between two awards</source>
        <translation>Số năm giữa hai lần khen</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Thời điểm nhập</translation>
    </message>
    <message>
        <source>Imported by</source>
        <translation>Người nhập</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Thời điểm ngừng dùng</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Bước xử lý</translation>
    </message>
    <message>
        <source>Status before</source>
        <translation>Trạng thái trước</translation>
    </message>
    <message>
        <source>Status after</source>
        <translation>Trạng thái sau</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Định dạng</translation>
    </message>
    <message>
        <source>With CCCD and birth dates</source>
        <translation>Có số CCCD và ngày sinh</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Số dòng</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>Thành phần tham dự</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Thời điểm ghi</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <source>Awardee</source>
        <translation>Đối tượng được khen thưởng</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Thời điểm in</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Council quorum (share of members present)</source>
        <translation>Tỷ lệ thành viên Hội đồng có mặt tối thiểu</translation>
    </message>
    <message>
        <source>Decision issuer (register)</source>
        <translation>Cơ quan ban hành quyết định (sổ)</translation>
    </message>
    <message>
        <source>Decision number suffix</source>
        <translation>Ký hiệu số quyết định</translation>
    </message>
    <message>
        <source>Abbreviation</source>
        <translation>Tên viết tắt</translation>
    </message>
    <message>
        <source>Legal bases after the award rules</source>
        <translation>Căn cứ sau quy định khen thưởng</translation>
    </message>
    <message>
        <source>Legal bases before the award rules</source>
        <translation>Căn cứ trước quy định khen thưởng</translation>
    </message>
    <message>
        <source>Collective name</source>
        <translation>Tên tập thể</translation>
    </message>
    <message>
        <source>Head&apos;s title</source>
        <translation>Chức danh người đứng đầu</translation>
    </message>
    <message>
        <source>Parent body</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Place name on documents</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <source>Office level</source>
        <translation>Cấp cơ quan</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo hồ sơ</translation>
    </message>
    <message>
        <source>in session</source>
        <translation>đang họp</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã kết thúc</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>dự thảo</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>đã ban hành</translation>
    </message>
    <message>
        <source>members present</source>
        <translation>số thành viên có mặt</translation>
    </message>
    <message>
        <source>all members</source>
        <translation>tổng số thành viên</translation>
    </message>
    <message>
        <source>emulation title</source>
        <translation>danh hiệu thi đua</translation>
    </message>
    <message>
        <source>certificate of merit</source>
        <translation>bằng khen, giấy khen</translation>
    </message>
    <message>
        <source>order or medal</source>
        <translation>huân chương, huy chương</translation>
    </message>
    <message>
        <source>grassroots level</source>
        <translation>cấp cơ sở</translation>
    </message>
    <message>
        <source>provincial level</source>
        <translation>cấp tỉnh</translation>
    </message>
    <message>
        <source>ministry or central level</source>
        <translation>cấp bộ, ngành, trung ương</translation>
    </message>
    <message>
        <source>state level</source>
        <translation>cấp Nhà nước</translation>
    </message>
    <message>
        <source>added</source>
        <comment>audit action</comment>
        <translation>thêm</translation>
    </message>
    <message>
        <source>changed</source>
        <comment>audit action</comment>
        <translation>sửa</translation>
    </message>
    <message>
        <source>deleted</source>
        <comment>audit action</comment>
        <translation>xoá</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(không ghi nhận)</translation>
    </message>
    <message>
        <source>(a computer account)</source>
        <translation>(tài khoản máy tính)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>full name (username)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>%1 dong</source>
        <comment>an amount of money</comment>
        <translation>%1 đồng</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <comment>field: before → after</comment>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field: value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <comment>action, table, record</comment>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <comment>time, who, what</comment>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>%1  %2  %3: %4</source>
        <comment>time, who, what: changes</comment>
        <translation>%1  %2  %3: %4</translation>
    </message>
    <message>
        <source>added %1</source>
        <comment>import batch: new rows per table</comment>
        <translation>thêm %1</translation>
    </message>
    <message>
        <source>changed %1</source>
        <comment>import batch: changed rows per table</comment>
        <translation>sửa %1</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <comment>import batch: deleted rows per table</comment>
        <translation>xoá %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>import batch: count, table noun</comment>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln row(s): %1</source>
        <translation>
            <numerusform>Nhập %Ln dòng: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln row(s) from the file %1: %2</source>
        <translation>
            <numerusform>Nhập %Ln dòng từ tệp %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln row(s) from the file %1 (SHA-256 %2): %3</source>
        <translation>
            <numerusform>Nhập %Ln dòng từ tệp %1 (SHA-256 %2): %3</numerusform>
        </translation>
    </message>
    <message>
        <source>import of a file</source>
        <translation>nhập dữ liệu từ tệp</translation>
    </message>
    <message>
        <source>merge of duplicate records</source>
        <translation>gộp hồ sơ trùng lặp</translation>
    </message>
    <message>
        <source>Kind of import</source>
        <translation>Loại dữ liệu nhập</translation>
    </message>
    <message>
        <source>SHA-256 of the file</source>
        <translation>Mã băm SHA-256 của tệp</translation>
    </message>
    <message>
        <source>Rows per table</source>
        <translation>Số dòng theo từng loại</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Loại hồ sơ</translation>
    </message>
    <message>
        <source>Record kept</source>
        <translation>Hồ sơ được giữ lại</translation>
    </message>
    <message>
        <source>Key kept</source>
        <translation>Mã hồ sơ được giữ lại</translation>
    </message>
    <message>
        <source>Record merged into it</source>
        <translation>Hồ sơ được gộp vào</translation>
    </message>
    <message>
        <source>Key merged into it</source>
        <translation>Mã hồ sơ được gộp vào</translation>
    </message>
    <message>
        <source>Name merged into it</source>
        <translation>Tên hồ sơ được gộp vào</translation>
    </message>
    <message>
        <source>Rows moved</source>
        <translation>Dữ liệu đã chuyển</translation>
    </message>
    <message>
        <source>Rows set aside</source>
        <translation>Dữ liệu để riêng</translation>
    </message>
    <message>
        <source>Fields filled in</source>
        <translation>Trường được bổ sung</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Thời điểm gộp</translation>
    </message>
    <message>
        <source>Merged by</source>
        <translation>Người gộp</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Thời điểm hoàn tác</translation>
    </message>
    <message>
        <source>Undone by</source>
        <translation>Người hoàn tác</translation>
    </message>
    <message>
        <source>Register year</source>
        <translation>Năm vào sổ</translation>
    </message>
    <message>
        <source>Made the sample province: %1</source>
        <translation>Tạo tỉnh mẫu: %1</translation>
    </message>
    <message>
        <source>Saved column mapping &quot;%1&quot;</source>
        <translation>Cách ghép cột đã lưu &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a standard of the movement</source>
        <translation>một tiêu chuẩn của phong trào</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Could not open the file &quot;%1&quot;.</source>
        <translation>Không mở được tệp &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The database is busy: another program kept it locked for longer than the wait allows. Nothing was changed; try again in a moment.</source>
        <translation>Cơ sở dữ liệu đang bận: một chương trình khác giữ khóa lâu hơn thời gian chờ cho phép. Chưa có gì thay đổi; hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Could not write the backup &quot;%1&quot;.</source>
        <translation>Không ghi được bản sao lưu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A backup cannot be written over the database itself; choose another file name.</source>
        <translation>Không thể ghi bản sao lưu đè lên chính cơ sở dữ liệu; hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder; give a file name for the backup.</source>
        <translation>&quot;%1&quot; là một thư mục; hãy nhập tên tệp cho bản sao lưu.</translation>
    </message>
    <message>
        <source>Could not copy the database into the backup &quot;%1&quot;.</source>
        <translation>Không sao chép được cơ sở dữ liệu vào bản sao lưu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The backup &quot;%1&quot; did not pass its integrity check; the previous backup was kept.</source>
        <translation>Bản sao lưu &quot;%1&quot; không qua được bước kiểm tra toàn vẹn; bản sao lưu trước đó được giữ nguyên.</translation>
    </message>
    <message>
        <source>pg_dump is not installed on this computer (Debian package postgresql-client). Install it, or ask the server&apos;s administrator for a backup.</source>
        <translation>Máy này chưa cài pg_dump (gói Debian postgresql-client). Hãy cài đặt, hoặc đề nghị người quản trị máy chủ sao lưu.</translation>
    </message>
    <message>
        <source>pg_dump could not back up the database %1.</source>
        <translation>pg_dump không sao lưu được cơ sở dữ liệu %1.</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>sao lưu thủ công</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>hằng ngày</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>trước khi nâng cấp</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>trước khi khôi phục</translation>
    </message>
    <message>
        <source>Backup of %1 (%2): %3 units, %4 people, %5 awards, %6 decisions; %7.</source>
        <translation>Bản sao lưu lúc %1 (%2): %3 đơn vị, %4 cá nhân, %5 khen thưởng, %6 quyết định; %7.</translation>
    </message>
    <message>
        <source>Give the file to write the backup to.</source>
        <translation>Hãy chỉ định tệp để ghi bản sao lưu.</translation>
    </message>
    <message>
        <source>The backup file &quot;%1&quot; does not exist.</source>
        <translation>Không có tệp sao lưu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The backup file &quot;%1&quot; cannot be read.</source>
        <translation>Không đọc được tệp sao lưu &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Vinh Danh backup (it is not an SQLite database file).</source>
        <translation>&quot;%1&quot; không phải bản sao lưu của Vinh Danh (không phải tệp cơ sở dữ liệu SQLite).</translation>
    </message>
    <message>
        <source>The backup &quot;%1&quot; is damaged (it fails SQLite&apos;s integrity check); choose another backup.</source>
        <translation>Bản sao lưu &quot;%1&quot; bị hỏng (không qua được bước kiểm tra toàn vẹn của SQLite); hãy chọn bản sao lưu khác.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Vinh Danh backup (it has no Vinh Danh schema version).</source>
        <translation>&quot;%1&quot; không phải bản sao lưu của Vinh Danh (không có phiên bản lược đồ của Vinh Danh).</translation>
    </message>
    <message>
        <source>The backup &quot;%1&quot; has schema version %2; this program knows versions 1 to %3.</source>
        <translation>Bản sao lưu &quot;%1&quot; có phiên bản lược đồ %2; chương trình này chỉ biết các phiên bản từ 1 đến %3.</translation>
    </message>
    <message>
        <source>The backup &quot;%1&quot; lacks the guards that protect its audit log; it was changed outside Vinh Danh and is not restored.</source>
        <translation>Bản sao lưu &quot;%1&quot; thiếu các lớp bảo vệ nhật ký thao tác; tệp đã bị sửa ngoài Vinh Danh nên không được khôi phục.</translation>
    </message>
    <message>
        <source>The backup and the database are the same file.</source>
        <translation>Bản sao lưu và cơ sở dữ liệu là cùng một tệp.</translation>
    </message>
    <message>
        <source>Could not keep a copy of the current database; nothing was restored.</source>
        <translation>Không giữ lại được bản sao của cơ sở dữ liệu hiện tại; chưa khôi phục gì.</translation>
    </message>
    <message>
        <source>Could not restore the backup into &quot;%1&quot;; the database was left as it was.</source>
        <translation>Không khôi phục được bản sao lưu vào &quot;%1&quot;; cơ sở dữ liệu được giữ nguyên.</translation>
    </message>
    <message>
        <source>The database was not upgraded to version %1: the backup before the upgrade could not be written (%2). The file was left as it was.</source>
        <translation>Cơ sở dữ liệu chưa được nâng cấp lên phiên bản %1: không ghi được bản sao lưu trước khi nâng cấp (%2). Tệp được giữ nguyên.</translation>
    </message>
    <message>
        <source>Could not put the database back as it was; it is kept as &quot;%1&quot;.</source>
        <translation>Không đưa được cơ sở dữ liệu về như cũ; bản cũ được giữ tại &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The backup &quot;%1&quot; fails the database&apos;s check on opening, so it was not restored and the database was put back as it was.</source>
        <translation>Bản sao lưu &quot;%1&quot; không qua được bước tự kiểm tra khi mở, nên không được khôi phục và cơ sở dữ liệu đã được đưa về như cũ.</translation>
    </message>
</context>
<context>
    <name>BulkWrite</name>
    <message>
        <source>An import is already being written on this connection; wait for it to finish.</source>
        <translation>Một lần nhập dữ liệu khác đang được ghi trên kết nối này; hãy chờ lần đó xong.</translation>
    </message>
    <message>
        <source>The import&apos;s batch was already recorded.</source>
        <translation>Đợt nhập này đã được ghi vào nhật ký.</translation>
    </message>
    <message>
        <source>Could not read the file &quot;%1&quot;: %2</source>
        <translation>Không đọc được tệp &quot;%1&quot;: %2</translation>
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
        <source>The row that holds the column headers, numbered as the spreadsheet shows it (1 = the first row), when the list starts with a letterhead or a title that is taken for them; default: found from the headers.</source>
        <translation>Dòng ghi tiêu đề các cột, đánh số như trên bảng tính (1 = dòng đầu tiên), khi danh sách mở đầu bằng tiêu đề văn bản hoặc tên danh sách bị hiểu nhầm là tiêu đề cột; mặc định: tự tìm theo tiêu đề cột.</translation>
    </message>
    <message>
        <source>--header-row takes the number of a row, 1 for the first; not &quot;%1&quot;.</source>
        <translation>--header-row nhận số thứ tự của một dòng, 1 là dòng đầu tiên; không phải &quot;%1&quot;.</translation>
    </message>
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
    <message>
        <source>vinhdanh-cli %1: give an action: %2.</source>
        <translation>vinhdanh-cli %1: hãy chỉ rõ thao tác: %2.</translation>
    </message>
    <message>
        <source>--%1 must be a date like 31/12/2025 or 2025-12-31, not &quot;%2&quot;.</source>
        <translation>--%1 phải là ngày dạng 31/12/2025 hoặc 2025-12-31, không phải &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Award season %1 (%2): %3 dossiers, %4 nominees, %5 council sittings, %6 decision(s) issued awarding %7, total %8 đồng.</source>
        <translation>Đợt khen thưởng năm %1 (%2): %3 hồ sơ, %4 đối tượng đề nghị, %5 phiên họp Hội đồng, %6 quyết định đã ban hành khen thưởng %7 đối tượng, tổng tiền thưởng %8 đồng.</translation>
    </message>
    <message>
        <source>regular track</source>
        <translation>khen thưởng thường xuyên</translation>
    </message>
    <message>
        <source>Give exactly one of --list, --add, --disable, --enable, --reset, --set-role.</source>
        <translation>Hãy dùng đúng một trong các tùy chọn --list, --add, --disable, --enable, --reset, --set-role.</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 hiện là: %2.</translation>
    </message>
    <message>
        <source>Change an account&apos;s role (--role, and --unit for a clerk).</source>
        <translation>Đổi vai trò của tài khoản (--role, kèm --unit đối với cán bộ nghiệp vụ).</translation>
    </message>
    <message>
        <source>Give only one of --%1 and --%2.</source>
        <translation>Chỉ dùng một trong hai tùy chọn --%1 và --%2.</translation>
    </message>
    <message>
        <source>Give one of --%1 and --%2.</source>
        <translation>Hãy dùng một trong hai tùy chọn --%1 và --%2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a nominee of this dossier (vinhdanh-cli dossier show lists them).</source>
        <translation>&quot;%1&quot; không phải là đối tượng đề nghị của hồ sơ này (lệnh vinhdanh-cli dossier show liệt kê các đối tượng).</translation>
    </message>
    <message>
        <source>--occasion must be annual, so_ket or tong_ket, not &quot;%1&quot;.</source>
        <translation>--occasion phải là annual, so_ket hoặc tong_ket, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 Reasons: %2. To propose the nominee anyway, give --reason saying why.</source>
        <translation>%1 Lý do: %2. Nếu vẫn đề nghị đối tượng này, hãy nêu lý do bằng --reason.</translation>
    </message>
    <message>
        <source>see vinhdanh-cli check</source>
        <translation>xem vinhdanh-cli check</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Cảnh báo: %1</translation>
    </message>
    <message>
        <source>Added %1 (%2) to the dossier %3.</source>
        <translation>Đã thêm %1 (%2) vào hồ sơ %3.</translation>
    </message>
    <message>
        <source>Attached %1 to the dossier %2 as: %3.</source>
        <translation>Đã đính kèm %1 vào hồ sơ %2, loại tài liệu: %3.</translation>
    </message>
    <message>
        <source>Give exactly one of --agree and --disagree.</source>
        <translation>Hãy dùng đúng một trong hai tùy chọn --agree và --disagree.</translation>
    </message>
    <message>
        <source>Appraised %1 (%2): agreed.</source>
        <translation>Đã thẩm định %1 (%2): đồng ý đề nghị.</translation>
    </message>
    <message>
        <source>Appraised %1 (%2): not agreed.</source>
        <translation>Đã thẩm định %1 (%2): không đồng ý.</translation>
    </message>
    <message>
        <source>--outcome must be forwarded or not_awarded, not &quot;%1&quot; (awarded comes from issuing a decision).</source>
        <translation>--outcome phải là forwarded hoặc not_awarded, không phải &quot;%1&quot; (kết quả được khen thưởng chỉ có khi ban hành quyết định).</translation>
    </message>
    <message>
        <source>%1 (%2): %3.</source>
        <translation>%1 (%2): %3.</translation>
    </message>
    <message>
        <source>Submit a draft dossier to the office (its content becomes read-only).</source>
        <translation>Gửi hồ sơ dự thảo đến cơ quan thi đua, khen thưởng (nội dung hồ sơ chuyển sang chỉ đọc).</translation>
    </message>
    <message>
        <source>Recall a submitted dossier to draft, before its appraisal starts.</source>
        <translation>Rút hồ sơ đã gửi về dự thảo, trước khi bắt đầu thẩm định.</translation>
    </message>
    <message>
        <source>Receive a submitted dossier and start appraising it.</source>
        <translation>Tiếp nhận hồ sơ đã gửi và bắt đầu thẩm định.</translation>
    </message>
    <message>
        <source>Return a dossier under appraisal for supplement (--reason required).</source>
        <translation>Trả lại hồ sơ đang thẩm định để bổ sung (bắt buộc có --reason).</translation>
    </message>
    <message>
        <source>Resubmit a returned dossier once it is supplemented.</source>
        <translation>Gửi lại hồ sơ bị trả lại sau khi đã bổ sung.</translation>
    </message>
    <message>
        <source>Finish the appraisal (every nominee appraised).</source>
        <translation>Hoàn thành thẩm định (mọi đối tượng đã được thẩm định).</translation>
    </message>
    <message>
        <source>Mark an appraised dossier as before the council (council add-dossier does it too).</source>
        <translation>Đánh dấu hồ sơ đã thẩm định là đã trình Hội đồng (lệnh council add-dossier cũng làm việc này).</translation>
    </message>
    <message>
        <source>Close a dossier as decided (every nominee has an outcome).</source>
        <translation>Kết thúc xử lý hồ sơ (mọi đối tượng đã có kết quả).</translation>
    </message>
    <message>
        <source>Give --reason: the unit must read what to supplement.</source>
        <translation>Hãy nêu --reason: đơn vị cần biết phải bổ sung những gì.</translation>
    </message>
    <message>
        <source>Make a new proposal dossier (prints its key).</source>
        <translation>Lập hồ sơ đề nghị khen thưởng mới (in ra mã hồ sơ).</translation>
    </message>
    <message>
        <source>The proposing unit&apos;s key.</source>
        <translation>Mã đơn vị đề nghị.</translation>
    </message>
    <message>
        <source>The movement&apos;s key (none: the regular track).</source>
        <translation>Mã phong trào (bỏ trống: khen thưởng thường xuyên).</translation>
    </message>
    <message>
        <source>annual (default), so_ket or tong_ket.</source>
        <translation>annual (hằng năm, mặc định), so_ket (sơ kết) hoặc tong_ket (tổng kết).</translation>
    </message>
    <message>
        <source>OCCASION</source>
        <translation>DỊP</translation>
    </message>
    <message>
        <source>The dossier&apos;s title.</source>
        <translation>Trích yếu của hồ sơ.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>NỘI_DUNG</translation>
    </message>
    <message>
        <source>The proposal letter&apos;s number (số tờ trình).</source>
        <translation>Số tờ trình.</translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>The proposal letter&apos;s date (31/12/2025 or 2025-12-31).</source>
        <translation>Ngày tờ trình (31/12/2025 hoặc 2025-12-31).</translation>
    </message>
    <message>
        <source>Add a person or a unit to a dossier, with the award proposed for them.</source>
        <translation>Thêm cá nhân hoặc đơn vị vào hồ sơ, kèm hình thức khen thưởng đề nghị.</translation>
    </message>
    <message>
        <source>cong_trang (default), dot_xuat, theo_dot or cong_hien.</source>
        <translation>cong_trang (công trạng, mặc định), dot_xuat (đột xuất), theo_dot (theo đợt) hoặc cong_hien (cống hiến).</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>LOẠI</translation>
    </message>
    <message>
        <source>The achievement summary.</source>
        <translation>Tóm tắt thành tích.</translation>
    </message>
    <message>
        <source>Attach a file to a dossier as one of its documents.</source>
        <translation>Đính kèm tệp vào hồ sơ làm một thành phần hồ sơ.</translation>
    </message>
    <message>
        <source>to_trinh, danh_sach, bao_cao_thanh_tich, bien_ban or khac.</source>
        <translation>to_trinh, danh_sach, bao_cao_thanh_tich, bien_ban hoặc khac.</translation>
    </message>
    <message>
        <source>The file to attach.</source>
        <translation>Tệp cần đính kèm.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ĐƯỜNG_DẪN</translation>
    </message>
    <message>
        <source>Record the appraiser&apos;s verdict on one nominee of a dossier under appraisal.</source>
        <translation>Ghi ý kiến thẩm định đối với một đối tượng của hồ sơ đang thẩm định.</translation>
    </message>
    <message>
        <source>The appraiser agrees to propose the nominee.</source>
        <translation>Cán bộ thẩm định đồng ý đề nghị đối tượng.</translation>
    </message>
    <message>
        <source>The appraiser does not agree (--reason required).</source>
        <translation>Cán bộ thẩm định không đồng ý (bắt buộc có --reason).</translation>
    </message>
    <message>
        <source>The appraiser&apos;s reason.</source>
        <translation>Lý do của cán bộ thẩm định.</translation>
    </message>
    <message>
        <source>Why the verdict differs from the engine&apos;s (required when it does).</source>
        <translation>Lý do ý kiến thẩm định khác kết quả xét của hệ thống (bắt buộc khi có khác biệt).</translation>
    </message>
    <message>
        <source>Record that a nominee is forwarded to a higher level, or not awarded.</source>
        <translation>Ghi nhận đối tượng được chuyển cấp trên đề nghị khen thưởng, hoặc không được khen thưởng.</translation>
    </message>
    <message>
        <source>forwarded or not_awarded.</source>
        <translation>forwarded (chuyển cấp trên) hoặc not_awarded (không khen thưởng).</translation>
    </message>
    <message>
        <source>OUTCOME</source>
        <translation>KẾT_QUẢ</translation>
    </message>
    <message>
        <source>Why (required for not_awarded).</source>
        <translation>Lý do (bắt buộc với not_awarded).</translation>
    </message>
    <message numerus="yes">
        <source>%n nominee(s)</source>
        <translation>
            <numerusform>%n đối tượng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s).</source>
        <translation>
            <numerusform>%n hồ sơ.</numerusform>
        </translation>
    </message>
    <message>
        <source>Achievements: %1</source>
        <translation>Thành tích: %1</translation>
    </message>
    <message>
        <source>Proposed although not eligible, because: %1</source>
        <translation>Vẫn đề nghị dù không đủ điều kiện, vì: %1</translation>
    </message>
    <message>
        <source>Appraisal: agreed (engine: %1)</source>
        <translation>Thẩm định: đồng ý (hệ thống: %1)</translation>
    </message>
    <message>
        <source>Appraisal: not agreed (engine: %1)</source>
        <translation>Thẩm định: không đồng ý (hệ thống: %1)</translation>
    </message>
    <message>
        <source>Differs from the engine because: %1</source>
        <translation>Khác kết quả xét của hệ thống vì: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Kết quả: %1</translation>
    </message>
    <message>
        <source>(decision %1)</source>
        <translation>(quyết định số %1)</translation>
    </message>
    <message>
        <source>Returned because: %1</source>
        <translation>Bị trả lại vì: %1</translation>
    </message>
    <message>
        <source>Unit: %1 (%2)</source>
        <translation>Đơn vị: %1 (%2)</translation>
    </message>
    <message>
        <source>Movement: %1</source>
        <translation>Phong trào: %1</translation>
    </message>
    <message>
        <source>Proposal letter: %1 of %2</source>
        <translation>Tờ trình: số %1 ngày %2</translation>
    </message>
    <message>
        <source>Nominees:</source>
        <translation>Đối tượng đề nghị:</translation>
    </message>
    <message>
        <source>Required documents:</source>
        <translation>Thành phần hồ sơ bắt buộc:</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>Tệp đính kèm:</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Quá trình xử lý:</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Bước tiếp theo: %1</translation>
    </message>
    <message>
        <source>nothing, the dossier is decided</source>
        <translation>không còn, hồ sơ đã có kết quả</translation>
    </message>
    <message>
        <source>The work queue: dossiers counted by status, then listed (newest first).</source>
        <translation>Danh sách công việc: số hồ sơ theo từng trạng thái, sau đó là danh sách hồ sơ (mới nhất trước).</translation>
    </message>
    <message>
        <source>Only this status: draft, submitted, under_appraisal, returned, appraised, before_council or decided.</source>
        <translation>Chỉ trạng thái này: draft, submitted, under_appraisal, returned, appraised, before_council hoặc decided.</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>TRẠNG_THÁI</translation>
    </message>
    <message>
        <source>Show one dossier: nominees with verdicts, documents and history.</source>
        <translation>Xem một hồ sơ: các đối tượng kèm kết quả xét, thành phần hồ sơ và quá trình xử lý.</translation>
    </message>
    <message>
        <source>--members: &quot;%1&quot; has no name; write Name|Title;Name|Title.</source>
        <translation>--members: &quot;%1&quot; chưa có họ tên; hãy viết dạng Họ tên|Chức danh;Họ tên|Chức danh.</translation>
    </message>
    <message>
        <source>--absent names &quot;%1&quot;, who is not in --members.</source>
        <translation>--absent nêu &quot;%1&quot;, nhưng người này không có trong --members.</translation>
    </message>
    <message numerus="yes">
        <source>Put %n nominee(s) of the dossier %1 before the sitting %2.</source>
        <translation>
            <numerusform>Đã trình %n đối tượng của hồ sơ %1 ra phiên họp %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not before this sitting (council add-dossier puts a dossier&apos;s nominees before it).</source>
        <translation>&quot;%1&quot; không có trong danh sách trình phiên họp này (lệnh council add-dossier đưa các đối tượng của một hồ sơ ra phiên họp).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is before this sitting in more than one dossier; say which with --dossier.</source>
        <translation>&quot;%1&quot; được trình phiên họp này trong nhiều hồ sơ; hãy chỉ rõ hồ sơ bằng --dossier.</translation>
    </message>
    <message>
        <source>not tallied yet</source>
        <translation>chưa có kết quả kiểm phiếu</translation>
    </message>
    <message>
        <source>more than %1 % of %2</source>
        <translation>trên %1 % của %2</translation>
    </message>
    <message>
        <source>at least %1 % of %2</source>
        <translation>từ %1 % của %2 trở lên</translation>
    </message>
    <message>
        <source>passed: %1 agree, %2 disagree, %3 abstain (needs %4)</source>
        <translation>đạt: %1 tán thành, %2 không tán thành, %3 không biểu quyết (yêu cầu %4)</translation>
    </message>
    <message>
        <source>not passed: %1 agree, %2 disagree, %3 abstain (needs %4)</source>
        <translation>không đạt: %1 tán thành, %2 không tán thành, %3 không biểu quyết (yêu cầu %4)</translation>
    </message>
    <message>
        <source>--conflict names &quot;%1&quot;, who is not a member of this sitting (members: %2).</source>
        <translation>--conflict nêu &quot;%1&quot;, nhưng người này không phải thành viên của phiên họp (thành viên: %2).</translation>
    </message>
    <message>
        <source>Closed the sitting %1.</source>
        <translation>Đã kết thúc phiên họp %1.</translation>
    </message>
    <message>
        <source>%1 of %2 members present: quorum (%3/%4) met.</source>
        <translation>%1/%2 thành viên có mặt: đủ túc số (%3/%4).</translation>
    </message>
    <message>
        <source>%1 of %2 members present: no quorum (%3/%4).</source>
        <translation>%1/%2 thành viên có mặt: không đủ túc số (%3/%4).</translation>
    </message>
    <message>
        <source>present</source>
        <translation>có mặt</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>vắng mặt</translation>
    </message>
    <message>
        <source>Conflict of interest: %1 (not voting)</source>
        <translation>Xung đột lợi ích: %1 (không biểu quyết)</translation>
    </message>
    <message>
        <source>The sitting&apos;s title.</source>
        <translation>Tên phiên họp.</translation>
    </message>
    <message>
        <source>The day it sits (31/12/2025 or 2025-12-31).</source>
        <translation>Ngày họp (31/12/2025 hoặc 2025-12-31).</translation>
    </message>
    <message>
        <source>The achievement year it considers.</source>
        <translation>Năm đạt thành tích được xét.</translation>
    </message>
    <message>
        <source>The movement&apos;s key, if it sits for one.</source>
        <translation>Mã phong trào, nếu phiên họp xét khen thưởng theo phong trào.</translation>
    </message>
    <message>
        <source>The members: &quot;Name|Title;Name|Title;…&quot;.</source>
        <translation>Các thành viên: &quot;Họ tên|Chức danh;Họ tên|Chức danh;…&quot;.</translation>
    </message>
    <message>
        <source>LIST</source>
        <translation>DANH_SÁCH</translation>
    </message>
    <message>
        <source>Members who did not attend: &quot;Name;Name&quot;.</source>
        <translation>Các thành viên vắng mặt: &quot;Họ tên;Họ tên&quot;.</translation>
    </message>
    <message>
        <source>Where it sits.</source>
        <translation>Địa điểm họp.</translation>
    </message>
    <message>
        <source>Who chairs it.</source>
        <translation>Người chủ trì.</translation>
    </message>
    <message>
        <source>Put the agreed nominees of an appraised dossier before a sitting.</source>
        <translation>Trình phiên họp các đối tượng được đồng ý đề nghị của một hồ sơ đã thẩm định.</translation>
    </message>
    <message>
        <source>Record the secret-ballot tally for one nominee before a sitting.</source>
        <translation>Ghi kết quả kiểm phiếu bỏ phiếu kín đối với một đối tượng được trình phiên họp.</translation>
    </message>
    <message>
        <source>The nominee&apos;s dossier, when they are in two.</source>
        <translation>Hồ sơ của đối tượng, khi đối tượng có trong hai hồ sơ.</translation>
    </message>
    <message>
        <source>Ballots in favour.</source>
        <translation>Số phiếu tán thành.</translation>
    </message>
    <message>
        <source>Ballots against.</source>
        <translation>Số phiếu không tán thành.</translation>
    </message>
    <message>
        <source>Abstentions.</source>
        <translation>Số phiếu không biểu quyết.</translation>
    </message>
    <message>
        <source>Members with a conflict of interest: &quot;Name;Name&quot;.</source>
        <translation>Các thành viên có xung đột lợi ích: &quot;Họ tên;Họ tên&quot;.</translation>
    </message>
    <message>
        <source>Close a sitting once every nominee before it is tallied.</source>
        <translation>Kết thúc phiên họp khi mọi đối tượng được trình đã có kết quả kiểm phiếu.</translation>
    </message>
    <message>
        <source>Show a sitting: members, attendance, quorum and tallies.</source>
        <translation>Xem một phiên họp: thành viên, tình hình có mặt, túc số và kết quả kiểm phiếu.</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>đã ban hành</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>dự thảo</translation>
    </message>
    <message>
        <source>Total: %1 đồng</source>
        <translation>Tổng cộng: %1 đồng</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s).</source>
        <translation>
            <numerusform>%n quyết định.</numerusform>
        </translation>
    </message>
    <message>
        <source>--authority must be TM, KT or Q, not &quot;%1&quot;.</source>
        <translation>--authority phải là TM, KT hoặc Q, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--number must be 1 or more.</source>
        <translation>--number phải từ 1 trở lên.</translation>
    </message>
    <message>
        <source>Warning: the number %1 is already used by: %2. It cannot be issued while an issued decision holds it.</source>
        <translation>Cảnh báo: số %1 đã được dùng cho: %2. Không thể ban hành quyết định với số này khi đã có quyết định được ban hành mang số đó.</translation>
    </message>
    <message numerus="yes">
        <source>%n awardee(s) from the sitting.</source>
        <translation>
            <numerusform>%n đối tượng được khen thưởng theo kết quả phiên họp.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Issued %1 of %2: %n awardee(s), total %3 đồng.</source>
        <translation>
            <numerusform>Đã ban hành quyết định số %1 ngày %2: %n đối tượng được khen thưởng, tổng cộng %3 đồng.</numerusform>
        </translation>
    </message>
    <message>
        <source>List the decisions: number, signer, awardees with their bonus, and the total.</source>
        <translation>Liệt kê các quyết định: số, người ký, các đối tượng được khen thưởng kèm tiền thưởng, và tổng cộng.</translation>
    </message>
    <message>
        <source>Whose register (default: the office setting).</source>
        <translation>Cơ quan có sổ quyết định (mặc định: theo cài đặt của cơ quan).</translation>
    </message>
    <message>
        <source>The register&apos;s year.</source>
        <translation>Năm của sổ quyết định.</translation>
    </message>
    <message>
        <source>The number in the register (default: the next free one).</source>
        <translation>Số trong sổ quyết định (mặc định: số trống tiếp theo).</translation>
    </message>
    <message>
        <source>The decision&apos;s date (31/12/2025 or 2025-12-31).</source>
        <translation>Ngày quyết định (31/12/2025 hoặc 2025-12-31).</translation>
    </message>
    <message>
        <source>Who signs it.</source>
        <translation>Người ký.</translation>
    </message>
    <message>
        <source>The signer&apos;s title, e.g. Phó Chủ tịch.</source>
        <translation>Chức vụ người ký, VD: Phó Chủ tịch.</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>CHỨC_VỤ</translation>
    </message>
    <message>
        <source>TM, KT or Q (signing for someone), or none.</source>
        <translation>TM, KT hoặc Q (ký thay mặt, ký thay, quyền), hoặc bỏ trống.</translation>
    </message>
    <message>
        <source>What it is about (trích yếu).</source>
        <translation>Trích yếu.</translation>
    </message>
    <message>
        <source>Issue a decision: price it, write the award ledger and freeze it (leaders only).</source>
        <translation>Ban hành quyết định: tính tiền thưởng, ghi vào sổ khen thưởng và khóa quyết định (chỉ lãnh đạo).</translation>
    </message>
    <message>
        <source>Unknown document &quot;%1&quot;; vinhdanh-cli documents lists them.</source>
        <translation>Không có văn bản &quot;%1&quot;; lệnh vinhdanh-cli documents liệt kê các văn bản.</translation>
    </message>
    <message>
        <source>%1 saved to %2.</source>
        <translation>Đã lưu %1 vào %2.</translation>
    </message>
    <message>
        <source>Parent body: %1</source>
        <translation>Cơ quan chủ quản: %1</translation>
    </message>
    <message>
        <source>Issuing body: %1</source>
        <translation>Cơ quan ban hành: %1</translation>
    </message>
    <message>
        <source>Abbreviation: %1</source>
        <translation>Chữ viết tắt: %1</translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>Địa danh: %1</translation>
    </message>
    <message>
        <source>Head&apos;s title: %1</source>
        <translation>Chức vụ người đứng đầu: %1</translation>
    </message>
    <message>
        <source>Signer: %1, %2 %3</source>
        <translation>Người ký: %1, %2 %3</translation>
    </message>
    <message>
        <source>Recipient: %1</source>
        <translation>Nơi nhận: %1</translation>
    </message>
    <message>
        <source>Which document (vinhdanh-cli documents lists them).</source>
        <translation>Loại văn bản (lệnh vinhdanh-cli documents liệt kê các văn bản).</translation>
    </message>
    <message>
        <source>The key of the dossier, sitting, decision, person, unit or movement it is about.</source>
        <translation>Mã của hồ sơ, phiên họp, quyết định, cá nhân, đơn vị hoặc phong trào mà văn bản đề cập.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>List the documents print can make and what their --id is.</source>
        <translation>Liệt kê các văn bản mà lệnh print tạo được và ý nghĩa của --id đối với từng văn bản.</translation>
    </message>
    <message>
        <source>Show or set the office&apos;s letterhead: issuing body, place, signers, recipients.</source>
        <translation>Xem hoặc đặt thông tin phần đầu văn bản của cơ quan: cơ quan ban hành, địa danh, người ký, nơi nhận.</translation>
    </message>
    <message>
        <source>The parent body in capitals (UBND TỈNH …).</source>
        <translation>Tên cơ quan chủ quản, viết in hoa (UBND TỈNH …).</translation>
    </message>
    <message>
        <source>The body&apos;s abbreviation in numbers (SNV).</source>
        <translation>Chữ viết tắt tên cơ quan dùng trong số, ký hiệu văn bản (SNV).</translation>
    </message>
    <message>
        <source>The place name of the date line.</source>
        <translation>Địa danh ghi ở dòng ngày tháng.</translation>
    </message>
    <message>
        <source>The head&apos;s title, which KT. and Q. sign for.</source>
        <translation>Chức vụ người đứng đầu, dùng khi ký KT. và Q.</translation>
    </message>
    <message>
        <source>The collective body TM. signs for.</source>
        <translation>Tập thể mà người ký TM. thay mặt.</translation>
    </message>
    <message>
        <source>A signer &quot;Name|Title|TM, KT, Q or nothing&quot;; repeat for each.</source>
        <translation>Một người ký &quot;Họ tên|Chức vụ|TM, KT, Q hoặc bỏ trống&quot;; lặp lại tùy chọn cho từng người.</translation>
    </message>
    <message>
        <source>SIGNER</source>
        <translation>NGƯỜI_KÝ</translation>
    </message>
    <message>
        <source>A line of Nơi nhận; repeat for each.</source>
        <translation>Một dòng Nơi nhận; lặp lại tùy chọn cho từng dòng.</translation>
    </message>
    <message>
        <source>confirmed by %1 at %2</source>
        <translation>%1 xác nhận lúc %2</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <source>confirmed on the checklist of dossier %1</source>
        <translation>đã xác nhận trong danh mục kiểm tra của hồ sơ %1</translation>
    </message>
    <message>
        <source>Confirm (or with --undo withdraw) one item of a nominee&apos;s check with an evidence note.</source>
        <translation>Xác nhận (hoặc với --undo thì rút lại) một mục trong kết quả xét của đối tượng, kèm ghi chú minh chứng.</translation>
    </message>
    <message>
        <source>The id of the condition to confirm, as check shows it.</source>
        <translation>Mã của điều kiện cần xác nhận, như lệnh check hiển thị.</translation>
    </message>
    <message>
        <source>The evidence: a report, a decision number, the minutes of a meeting.</source>
        <translation>Minh chứng: báo cáo, số quyết định, biên bản họp.</translation>
    </message>
    <message>
        <source>Withdraw the confirmation instead.</source>
        <translation>Rút lại xác nhận.</translation>
    </message>
    <message>
        <source>A confirmation needs its evidence: give --note TEXT (or --undo to withdraw one).</source>
        <translation>Xác nhận cần có minh chứng: nhập --note NỘI_DUNG (hoặc --undo để rút lại xác nhận).</translation>
    </message>
    <message>
        <source>%1 was not confirmed for %2 (%3, %4); nothing to withdraw.</source>
        <translation>%1 chưa được xác nhận cho %2 (%3, %4); không có gì để rút lại.</translation>
    </message>
    <message>
        <source>Withdrew the confirmation of %1 for %2 (%3, %4).</source>
        <translation>Đã rút lại xác nhận %1 cho %2 (%3, %4).</translation>
    </message>
    <message>
        <source>Confirmed %1 for %2 (%3, %4): %5</source>
        <translation>Đã xác nhận %1 cho %2 (%3, %4): %5</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>đã kết thúc</translation>
    </message>
    <message>
        <source>open</source>
        <translation>đang họp</translation>
    </message>
    <message>
        <source>--%1 must be a number of millimetres from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 phải là số milimét từ %2 đến %3, không phải &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>Give either what you measured (--measured-left, --measured-top) or the offset itself (--offset-x, --offset-y), not both.</source>
        <translation>Nhập hoặc số đo được (--measured-left, --measured-top) hoặc chính độ lệch (--offset-x, --offset-y), không nhập cả hai.</translation>
    </message>
    <message>
        <source>Offset of %1: %2 mm across, %3 mm down.</source>
        <translation>Độ lệch của %1: ngang %2 mm, dọc %3 mm.</translation>
    </message>
    <message>
        <source>Give one of --import, --export and --reset.</source>
        <translation>Chỉ chọn một trong --import, --export và --reset.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>%1: %2 × %3 mm, %4 fields, %5.</source>
        <translation>%1: %2 × %3 mm, %4 trường, %5.</translation>
    </message>
    <message>
        <source>the office&apos;s own layout</source>
        <translation>bố cục riêng của cơ quan</translation>
    </message>
    <message>
        <source>the shipped layout</source>
        <translation>bố cục mặc định của chương trình</translation>
    </message>
    <message>
        <source>Award forms: %1</source>
        <translation>Hình thức khen thưởng: %1</translation>
    </message>
    <message>
        <source>Move everything this many mm to the right (negative: left).</source>
        <translation>Dịch toàn bộ sang phải bấy nhiêu mm (số âm: sang trái).</translation>
    </message>
    <message>
        <source>MM</source>
        <translation>MM</translation>
    </message>
    <message>
        <source>Move everything this many mm down (negative: up).</source>
        <translation>Dịch toàn bộ xuống dưới bấy nhiêu mm (số âm: lên trên).</translation>
    </message>
    <message>
        <source>For certificates: use the offset calibrated for this printer.</source>
        <translation>Với phôi bằng: dùng độ lệch đã căn chỉnh cho máy in này.</translation>
    </message>
    <message>
        <source>Certificates and the test grid are printed to PDF: --output must end in .pdf.</source>
        <translation>Phôi bằng và lưới căn chỉnh được in ra PDF: --output phải có đuôi .pdf.</translation>
    </message>
    <message>
        <source>Test grid of %1 saved to %2.</source>
        <translation>Đã lưu lưới căn chỉnh của %1 vào %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) on %1 saved to %2.</source>
        <translation>
            <numerusform>Đã lưu %n bằng trên %1 vào %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>the issued decision&apos;s key, or KEY/N for the N-th of its list; PDF only</source>
        <translation>mã của quyết định đã ban hành, hoặc MÃ/N cho người thứ N trong danh sách; chỉ PDF</translation>
    </message>
    <message>
        <source>the blank: %1; PDF only</source>
        <translation>loại phôi: %1; chỉ PDF</translation>
    </message>
    <message>
        <source>Show or set how far a printer&apos;s certificates must move (on this computer).</source>
        <translation>Xem hoặc đặt độ lệch khi in phôi của một máy in (trên máy tính này).</translation>
    </message>
    <message>
        <source>The printer&apos;s name.</source>
        <translation>Tên máy in.</translation>
    </message>
    <message>
        <source>On a test grid printed with the current offset: mm from the paper&apos;s left edge to the cross.</source>
        <translation>Trên lưới căn chỉnh in với độ lệch hiện tại: số mm từ mép trái tờ giấy đến tâm dấu +.</translation>
    </message>
    <message>
        <source>On a test grid printed with the current offset: mm from the paper&apos;s top edge to the cross.</source>
        <translation>Trên lưới căn chỉnh in với độ lệch hiện tại: số mm từ mép trên tờ giấy đến tâm dấu +.</translation>
    </message>
    <message>
        <source>Show, export, import or reset the office&apos;s layout of a certificate blank.</source>
        <translation>Xem, xuất, nhập hoặc khôi phục bố cục phôi bằng của cơ quan.</translation>
    </message>
    <message>
        <source>The blank: bang-khen or giay-khen.</source>
        <translation>Loại phôi: bang-khen hoặc giay-khen.</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>LOẠI</translation>
    </message>
    <message>
        <source>Write the layout in force to this JSON file.</source>
        <translation>Ghi bố cục đang dùng ra tệp JSON này.</translation>
    </message>
    <message>
        <source>Check this JSON file and make it the office&apos;s layout.</source>
        <translation>Kiểm tra tệp JSON này và dùng làm bố cục của cơ quan.</translation>
    </message>
    <message>
        <source>Go back to the shipped layout.</source>
        <translation>Quay về bố cục mặc định của chương trình.</translation>
    </message>
    <message>
        <source>%1 blocs, %2 units, %3 people, %4 movements, %5 ratings, %6 awards, %7 initiatives, %8 disciplines, %9 eligibility confirmations</source>
        <translation>%1 cụm/khối, %2 đơn vị, %3 cá nhân, %4 phong trào, %5 xếp loại, %6 khen thưởng, %7 sáng kiến, %8 kỷ luật, %9 xác nhận tiêu chuẩn</translation>
    </message>
    <message>
        <source>Administrators only: show CCCD numbers and birth dates in clear (the export is recorded in the audit log).</source>
        <translation>Chỉ dành cho quản trị viên: hiện đầy đủ số CCCD và ngày sinh, không che (việc xuất được ghi vào nhật ký thao tác).</translation>
    </message>
    <message>
        <source>Check the audit log&apos;s hash chain instead of printing it: exit 0 when it is intact, 1 with the first broken row.</source>
        <translation>Kiểm tra chuỗi mã băm của nhật ký thao tác thay vì in ra: thoát mã 0 khi còn nguyên vẹn, mã 1 kèm dòng đứt đầu tiên.</translation>
    </message>
    <message>
        <source>List the award rule sets, import a new rule-set file or retire an imported one (administrators).</source>
        <translation>Liệt kê các bộ quy tắc khen thưởng, nhập tệp bộ quy tắc mới hoặc ngừng sử dụng một bộ quy tắc đã nhập (quản trị viên).</translation>
    </message>
    <message>
        <source>A rule-set JSON file to validate and store (administrators only).</source>
        <translation>Tệp JSON bộ quy tắc cần kiểm tra và lưu (chỉ quản trị viên).</translation>
    </message>
    <message>
        <source>Stop using an imported rule set, named SET_ID:VERSION (administrators only).</source>
        <translation>Ngừng sử dụng một bộ quy tắc đã nhập, ghi dạng MÃ_BỘ:PHIÊN_BẢN (chỉ quản trị viên).</translation>
    </message>
    <message>
        <source>SET_ID:VERSION</source>
        <translation>MÃ_BỘ:PHIÊN_BẢN</translation>
    </message>
    <message>
        <source>Give either --import or --retire, not both.</source>
        <translation>Chỉ chọn một trong --import và --retire, không chọn cả hai.</translation>
    </message>
    <message>
        <source>--retire takes SET_ID:VERSION, e.g. luat-06-2022:2, not &quot;%1&quot;.</source>
        <translation>--retire cần giá trị dạng MÃ_BỘ:PHIÊN_BẢN, VD: luat-06-2022:2, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Retired the rule set %1 version %2; it is no longer used.</source>
        <translation>Đã ngừng sử dụng bộ quy tắc %1 phiên bản %2; bộ quy tắc này không còn được áp dụng.</translation>
    </message>
    <message>
        <source>retired %1</source>
        <translation>đã ngừng sử dụng lúc %1</translation>
    </message>
    <message>
        <source>imported by %1 at %2, SHA-256 %3</source>
        <translation>%1 nhập lúc %2, SHA-256 %3</translation>
    </message>
    <message>
        <source>No automatic backups in %1.</source>
        <translation>Chưa có bản sao lưu tự động nào trong %1.</translation>
    </message>
    <message>
        <source>Automatic backups in %1, newest first:</source>
        <translation>Các bản sao lưu tự động trong %1, mới nhất trước:</translation>
    </message>
    <message>
        <source>The database does not open (%1); it is kept beside the restored one.</source>
        <translation>Cơ sở dữ liệu không mở được (%1); tệp này được giữ lại bên cạnh bản được khôi phục.</translation>
    </message>
    <message>
        <source>Back up a database into a file (consistent while others work), or list the automatic backups.</source>
        <translation>Sao lưu cơ sở dữ liệu ra một tệp (nhất quán cả khi người khác đang làm việc), hoặc liệt kê các bản sao lưu tự động.</translation>
    </message>
    <message>
        <source>The backup file to write (SQLite: .sqlite; PostgreSQL: a pg_dump archive).</source>
        <translation>Tệp sao lưu cần ghi (SQLite: .sqlite; PostgreSQL: tệp lưu trữ của pg_dump).</translation>
    </message>
    <message>
        <source>List the automatic backups kept beside the database.</source>
        <translation>Liệt kê các bản sao lưu tự động được giữ bên cạnh cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>--list is for a SQLite database file.</source>
        <translation>--list chỉ dùng cho tệp cơ sở dữ liệu SQLite.</translation>
    </message>
    <message>
        <source>Backed up %1 into %2 (pg_dump custom format). To restore it into an empty database: pg_restore --no-owner --dbname=DATABASE %2</source>
        <translation>Đã sao lưu %1 vào %2 (định dạng custom của pg_dump). Để khôi phục vào một cơ sở dữ liệu trống: pg_restore --no-owner --dbname=DATABASE %2</translation>
    </message>
    <message>
        <source>Backed up %1 into %2.</source>
        <translation>Đã sao lưu %1 vào %2.</translation>
    </message>
    <message>
        <source>Replace a database with a backup, whole; the replaced contents are kept beside it.</source>
        <translation>Thay toàn bộ cơ sở dữ liệu bằng một bản sao lưu; nội dung bị thay được giữ lại bên cạnh.</translation>
    </message>
    <message>
        <source>The backup file to restore.</source>
        <translation>Tệp sao lưu cần khôi phục.</translation>
    </message>
    <message>
        <source>Only check the backup and show what it holds; change nothing.</source>
        <translation>Chỉ kiểm tra bản sao lưu và cho biết nội dung; không thay đổi gì.</translation>
    </message>
    <message>
        <source>A PostgreSQL database is restored with the server&apos;s tools: create an empty database, then run pg_restore --no-owner --dbname=DATABASE %1, and point Vinh Danh at it.</source>
        <translation>Cơ sở dữ liệu PostgreSQL được khôi phục bằng công cụ của máy chủ: tạo một cơ sở dữ liệu trống, chạy pg_restore --no-owner --dbname=DATABASE %1, rồi cho Vinh Danh kết nối tới đó.</translation>
    </message>
    <message>
        <source>The replaced database was kept as %1.</source>
        <translation>Cơ sở dữ liệu bị thay đã được giữ lại tại %1.</translation>
    </message>
    <message>
        <source>Restored %1 from %2 (schema version %3).</source>
        <translation>Đã khôi phục %1 từ %2 (phiên bản lược đồ %3).</translation>
    </message>
    <message>
        <source>%1 To propose the nominee anyway, give --reason saying why.</source>
        <translation>%1 Nếu vẫn đề nghị đối tượng này, hãy ghi lý do bằng --reason.</translation>
    </message>
    <message>
        <source>Why to propose a nominee the engine finds not eligible, or for a form the movement does not offer at the occasion.</source>
        <translation>Lý do đề nghị đối tượng mà hệ thống xét là không đủ điều kiện, hoặc đề nghị hình thức khen thưởng mà phong trào không áp dụng cho dịp khen thưởng này.</translation>
    </message>
    <message>
        <source>Why (required to return a dossier, and to submit one with required documents missing; kept in its history).</source>
        <translation>Lý do (bắt buộc khi trả lại hồ sơ, và khi gửi hồ sơ còn thiếu thành phần bắt buộc; được lưu trong quá trình xử lý hồ sơ).</translation>
    </message>
    <message>
        <source>%1	%2	%3</source>
        <translation>%1	%2	%3</translation>
    </message>
    <message>
        <source>(needs --confirm-regular: %1)</source>
        <translation>(cần --confirm-regular: %1)</translation>
    </message>
    <message>
        <source>Put a regular-track dossier before a sitting of a movement all the same.</source>
        <translation>Vẫn trình hồ sơ khen thưởng thường xuyên ra phiên họp của một phong trào.</translation>
    </message>
    <message>
        <source>--dossier picks dossiers of a council sitting; give the sitting with --session.</source>
        <translation>--dossier chọn hồ sơ của một phiên họp Hội đồng; hãy cho biết phiên họp bằng --session.</translation>
    </message>
    <message>
        <source>Left out: %1</source>
        <translation>Không đưa vào: %1</translation>
    </message>
    <message>
        <source>Only the nominees of this dossier of the sitting (repeat for more; they must share one track, movement, occasion and year). Default: every dossier the decision can take.</source>
        <translation>Chỉ lấy các đối tượng thuộc hồ sơ này của phiên họp (lặp lại để chọn thêm hồ sơ; các hồ sơ phải cùng diện khen thưởng, phong trào, dịp khen thưởng và năm). Mặc định: mọi hồ sơ mà quyết định có thể nhận.</translation>
    </message>
    <message>
        <source>Why to issue it although who awards one of its forms is not confirmed (kept in the ledger).</source>
        <translation>Lý do vẫn ban hành dù thẩm quyền tặng một hình thức trong quyết định chưa được xác nhận (lưu trong sổ khen thưởng).</translation>
    </message>
    <message>
        <source>[does not apply]</source>
        <translation>[không áp dụng]</translation>
    </message>
    <message>
        <source>Global option: --codes prints the stored codes (award forms, statuses, verdicts, …) instead of words in text and CSV output, for scripts; --format json always carries them.</source>
        <translation>Tùy chọn chung: --codes in các mã lưu trong cơ sở dữ liệu (hình thức khen thưởng, trạng thái, kết quả xét, …) thay cho chữ trong kết quả dạng văn bản và CSV, dùng cho script; --format json luôn có các mã này.</translation>
    </message>
    <message>
        <source>to confirm: %1</source>
        <translation>cần xác nhận: %1</translation>
    </message>
    <message>
        <source>to enter: %1</source>
        <translation>cần nhập: %1</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, năm %2: %3</translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>Kết quả xét: %1</translation>
    </message>
    <message>
        <source>Missing data: enter %1</source>
        <translation>Thiếu dữ liệu: cần nhập %1</translation>
    </message>
    <message>
        <source>Rule set: %1, version %2</source>
        <translation>Bộ quy tắc: %1, phiên bản %2</translation>
    </message>
    <message>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Nominee kind</source>
        <translation>Loại đối tượng</translation>
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
        <source>Verdict</source>
        <translation>Kết quả xét</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Mức đạt</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Đã đề nghị</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>A person the minutes name (repeat for each).</source>
        <translation>Một cá nhân có tên trong biên bản (lặp lại cho từng người).</translation>
    </message>
    <message>
        <source>A unit the minutes name (repeat for each).</source>
        <translation>Một tập thể có tên trong biên bản (lặp lại cho từng tập thể).</translation>
    </message>
    <message>
        <source>A CSV file whose first column holds the keys of the people and units named, one a line (a header line is allowed).</source>
        <translation>Tệp CSV có cột đầu là mã của các cá nhân, tập thể có tên, mỗi dòng một mã (được phép có dòng tiêu đề).</translation>
    </message>
    <message>
        <source>Cannot read the file &quot;%1&quot;.</source>
        <translation>Không đọc được tệp &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1, line %2: there is no person or unit with the key &quot;%3&quot;.</source>
        <translation>%1, dòng %2: không có cá nhân hay tập thể nào có mã &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>Confirmed from the minutes %1 (%2): %3 items for %4 nominees of %5; %6 were confirmed already.</source>
        <translation>Đã xác nhận theo biên bản %1 (%2): %3 mục cho %4 đối tượng năm %5; %6 mục đã được xác nhận từ trước.</translation>
    </message>
    <message>
        <source>Confirm, from these bình xét minutes, the facts of the year (not under disciplinary review, solidarity, active emulation, compliance) for every nominee they name, or for those listed.</source>
        <translation>Xác nhận theo biên bản bình xét này các tiêu chuẩn của năm (không đang bị xem xét kỷ luật, đoàn kết, tích cực tham gia phong trào thi đua, chấp hành pháp luật) cho mọi đối tượng có tên trong biên bản, hoặc cho những đối tượng được liệt kê.</translation>
    </message>
    <message>
        <source>With --minutes: a CSV file of the keys to confirm for, one a line.</source>
        <translation>Dùng với --minutes: tệp CSV chứa mã các đối tượng cần xác nhận, mỗi dòng một mã.</translation>
    </message>
    <message>
        <source>With --minutes: a unit to confirm for (repeat for each).</source>
        <translation>Dùng với --minutes: một tập thể cần xác nhận (lặp lại cho từng tập thể).</translation>
    </message>
    <message>
        <source>There are no minutes with the key &quot;%1&quot; (vinhdanh-cli minutes list shows them).</source>
        <translation>Không có biên bản nào có mã &quot;%1&quot; (lệnh vinhdanh-cli minutes list liệt kê các biên bản).</translation>
    </message>
    <message>
        <source>Record a unit&apos;s bình xét minutes (the meeting, and the people and units it names).</source>
        <translation>Ghi nhận biên bản họp bình xét của một đơn vị (cuộc họp và các cá nhân, tập thể có tên).</translation>
    </message>
    <message>
        <source>The unit that held the meeting.</source>
        <translation>Đơn vị tổ chức cuộc họp.</translation>
    </message>
    <message>
        <source>The year the meeting reviewed.</source>
        <translation>Năm được bình xét.</translation>
    </message>
    <message>
        <source>The meeting&apos;s date.</source>
        <translation>Ngày họp.</translation>
    </message>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>NN/TT/NNNN</translation>
    </message>
    <message>
        <source>The minutes&apos; number.</source>
        <translation>Số biên bản.</translation>
    </message>
    <message>
        <source>Who attended.</source>
        <translation>Thành phần tham dự.</translation>
    </message>
    <message>
        <source>A note.</source>
        <translation>Ghi chú.</translation>
    </message>
    <message>
        <source>The key to give the minutes (made up when absent).</source>
        <translation>Mã đặt cho biên bản (tự tạo nếu không có).</translation>
    </message>
    <message>
        <source>Also confirm, in the same step, the facts of the year of everyone the minutes name.</source>
        <translation>Đồng thời xác nhận luôn các tiêu chuẩn của năm cho mọi đối tượng có tên trong biên bản.</translation>
    </message>
    <message>
        <source>Name whom the minutes list: give --person KEY (or --named-unit KEY), repeated, or --from-file FILE.csv.</source>
        <translation>Hãy nêu những ai có tên trong biên bản: dùng --person MÃ (hoặc --named-unit MÃ), lặp lại, hoặc --from-file TỆP.csv.</translation>
    </message>
    <message>
        <source>Recorded the minutes %1 of %2 for %3: %4, naming %5.</source>
        <translation>Đã ghi nhận biên bản %1 của %2 năm %3: %4, gồm %5 đối tượng.</translation>
    </message>
    <message>
        <source>List the bình xét minutes, with whom they name.</source>
        <translation>Liệt kê các biên bản họp bình xét, kèm những người có tên.</translation>
    </message>
    <message>
        <source>Only this year.</source>
        <translation>Chỉ năm này.</translation>
    </message>
    <message>
        <source>Only this unit&apos;s.</source>
        <translation>Chỉ của đơn vị này.</translation>
    </message>
    <message>
        <source>No minutes recorded.</source>
        <translation>Chưa có biên bản nào.</translation>
    </message>
    <message>
        <source>%1: %2, %3 (year %4)</source>
        <translation>%1: %2, %3 (năm %4)</translation>
    </message>
    <message>
        <source>Attended: %1</source>
        <translation>Thành phần tham dự: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Có tên: %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Lập hồ sơ</translation>
    </message>
    <message>
        <source>Engine at entry: %1</source>
        <translation>Kết quả xét của hệ thống khi nhập: %1</translation>
    </message>
    <message>
        <source>Proposed despite the warnings below, because: %1</source>
        <translation>Vẫn đề nghị dù có các cảnh báo dưới đây, vì: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Year %1, occasion: %2</source>
        <translation>Năm %1, dịp khen thưởng: %2</translation>
    </message>
    <message>
        <source>%1 (command: dossier %2)</source>
        <translation>%1 (lệnh: dossier %2)</translation>
    </message>
    <message>
        <source>Total at today&apos;s rates: %1 đồng</source>
        <translation>Tổng cộng theo mức hiện hành: %1 đồng</translation>
    </message>
    <message>
        <source>Not priced yet: %1</source>
        <translation>Chưa tính được tiền thưởng: %1</translation>
    </message>
    <message>
        <source>Show one decision: its awardees with their bonus (a draft at today&apos;s rates) and any warning.</source>
        <translation>Xem một quyết định: các đối tượng được khen thưởng kèm tiền thưởng (dự thảo tính theo mức hiện hành) và các cảnh báo.</translation>
    </message>
    <message>
        <source>What changed: %1</source>
        <translation>Thay đổi: %1</translation>
    </message>
    <message>
        <source>Give either --session or --new-sitting, not both.</source>
        <translation>Chỉ dùng một trong hai tùy chọn --session hoặc --new-sitting.</translation>
    </message>
    <message numerus="yes">
        <source>Opened the sitting %1 (%2, %3) with the members of the last sitting and put %n nominee(s) of the dossier %4 before it.</source>
        <translation>
            <numerusform>Đã mở phiên họp %1 (%2, %3) với thành viên của phiên họp gần nhất và trình %n đối tượng của hồ sơ %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>No open sitting accepts the dossier %1; open one for it with: council add-dossier --new-sitting --dossier %1</source>
        <translation>Không có phiên họp đang mở nào nhận hồ sơ %1; mở một phiên họp cho hồ sơ bằng lệnh: council add-dossier --new-sitting --dossier %1</translation>
    </message>
    <message>
        <source>Instead of --session: open a new sitting of the dossier&apos;s track and year, with the members of the last sitting, and put the dossier before it.</source>
        <translation>Thay cho --session: mở phiên họp mới theo loại khen thưởng (phong trào hoặc thường xuyên) và năm của hồ sơ, với thành viên của phiên họp gần nhất, rồi trình hồ sơ.</translation>
    </message>
    <message>
        <source>With --new-sitting: the sitting&apos;s date (default: today).</source>
        <translation>Cùng --new-sitting: ngày họp (mặc định: hôm nay).</translation>
    </message>
    <message>
        <source>--output must end in .pdf, .docx, .xlsx or .csv (the extension picks the format).</source>
        <translation>--output phải có đuôi .pdf, .docx, .xlsx hoặc .csv (đuôi tệp quyết định định dạng).</translation>
    </message>
    <message>
        <source>Basis before the award rules: %1</source>
        <translation>Căn cứ dẫn trước: %1</translation>
    </message>
    <message>
        <source>Basis after the award rules: %1</source>
        <translation>Căn cứ dẫn sau: %1</translation>
    </message>
    <message>
        <source>Make a document (tờ trình, danh sách, biên bản, quyết định, …) as PDF, DOCX, XLSX or CSV.</source>
        <translation>Tạo văn bản (tờ trình, danh sách, biên bản, quyết định, …) dạng PDF, DOCX, XLSX hoặc CSV.</translation>
    </message>
    <message>
        <source>The file to write; .pdf, .docx, .xlsx or .csv picks the format.</source>
        <translation>Tệp cần ghi; đuôi .pdf, .docx, .xlsx hoặc .csv quyết định định dạng.</translation>
    </message>
    <message>
        <source>The issuing body in capitals (SỞ NỘI VỤ); \n between the lines it is printed on.</source>
        <translation>Cơ quan ban hành, chữ in hoa (SỞ NỘI VỤ); \n giữa các dòng khi in.</translation>
    </message>
    <message>
        <source>A legal basis cited before the award rules&apos; acts (the law on local government), without &quot;Căn cứ&quot;; repeat for each.</source>
        <translation>Một căn cứ dẫn trước các văn bản về khen thưởng (Luật Tổ chức chính quyền địa phương), không ghi chữ &quot;Căn cứ&quot;; lặp lại cho mỗi căn cứ.</translation>
    </message>
    <message>
        <source>A legal basis cited after them (the province&apos;s Quy chế thi đua, khen thưởng); repeat for each.</source>
        <translation>Một căn cứ dẫn sau các văn bản đó (Quy chế thi đua, khen thưởng của tỉnh); lặp lại cho mỗi căn cứ.</translation>
    </message>
    <message>
        <source>Rows: %1 new, %2 changed, %3 unchanged, %4 with errors.</source>
        <translation>Số dòng: %1 người mới, %2 thay đổi, %3 không đổi, %4 có lỗi.</translation>
    </message>
    <message>
        <source>File %1 (%2), sheet &quot;%3&quot;, header on row %4.</source>
        <translation>Tệp %1 (%2), trang tính &quot;%3&quot;, dòng tiêu đề %4.</translation>
    </message>
    <message>
        <source>Row %1: %2: %3</source>
        <translation>Dòng %1: %2: %3</translation>
    </message>
    <message>
        <source>Row %1: %2, %3: %4</source>
        <translation>Dòng %1: %2, %3: %4</translation>
    </message>
    <message>
        <source>Give either --preview (show the rows, write nothing) or --commit (import them).</source>
        <translation>Hãy chọn --preview (xem các dòng, không ghi gì) hoặc --commit (nhập các dòng).</translation>
    </message>
    <message>
        <source>Hidden sheets, not read: %1.</source>
        <translation>Các trang tính ẩn, không đọc: %1.</translation>
    </message>
    <message>
        <source>Preview only: nothing was written. Run again with --commit to import.</source>
        <translation>Chỉ xem trước: chưa ghi gì. Chạy lại với --commit để nhập.</translation>
    </message>
    <message>
        <source>Imported: %1 people added, %2 people changed, %3 ratings set.</source>
        <translation>Đã nhập: thêm %1 người, sửa %2 người, ghi %3 xếp loại.</translation>
    </message>
    <message>
        <source>The XLSX or CSV file to read.</source>
        <translation>Tệp XLSX hoặc CSV cần đọc.</translation>
    </message>
    <message>
        <source>The sheet of an XLSX workbook (default: the first visible one).</source>
        <translation>Trang tính của tệp XLSX (mặc định: trang đầu tiên đang hiện).</translation>
    </message>
    <message>
        <source>Show every row with what it would add or change; write nothing.</source>
        <translation>Hiện từng dòng và những gì sẽ thêm hay thay đổi; không ghi gì.</translation>
    </message>
    <message>
        <source>Import the rows, all or nothing (nothing when a row has an error).</source>
        <translation>Nhập các dòng, tất cả hoặc không gì cả (không nhập gì khi có dòng lỗi).</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>chưa ghi</translation>
    </message>
    <message>
        <source>Started at %1, ended at %2.</source>
        <translation>Bắt đầu lúc %1, kết thúc lúc %2.</translation>
    </message>
    <message>
        <source>Secretary: %1</source>
        <translation>Thư ký: %1</translation>
    </message>
    <message>
        <source>The time it started (hh:mm, e.g. 08:00).</source>
        <translation>Giờ bắt đầu (hh:mm, ví dụ 08:00).</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>GIỜ:PHÚT</translation>
    </message>
    <message>
        <source>The time it ended (hh:mm, after the start).</source>
        <translation>Giờ kết thúc (hh:mm, sau giờ bắt đầu).</translation>
    </message>
    <message>
        <source>Who takes the minutes: a name from --members marks that member; any other name is a secretary who is not a member.</source>
        <translation>Người ghi biên bản: tên có trong --members thì thành viên đó là thư ký; tên khác là thư ký không phải thành viên Hội đồng.</translation>
    </message>
    <message>
        <source>no. %1 of the list: %2</source>
        <translation>số %1 trong danh sách: %2</translation>
    </message>
    <message>
        <source>Gold book numbers of %1: %2.</source>
        <translation>Số sổ vàng năm %1: %2.</translation>
    </message>
    <message>
        <source>Imported: %1 units added, %2 units changed.</source>
        <translation>Đã nhập: thêm %1 đơn vị, thay đổi %2 đơn vị.</translation>
    </message>
    <message>
        <source>--encoding takes COLUMN=ENCODING, COLUMN a header or a column number and ENCODING one of unicode, tcvn3, vni, viqr; not &quot;%1&quot;.</source>
        <translation>--encoding nhận dạng CỘT=BẢNG_MÃ, trong đó CỘT là tiêu đề hoặc số thứ tự cột, BẢNG_MÃ là một trong unicode, tcvn3, vni, viqr; không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The text encoding of a column, overriding the guess: COLUMN=unicode|tcvn3|vni|viqr, COLUMN its header or number (1 = A). Repeatable.</source>
        <translation>Bảng mã chữ của một cột, thay cho bảng mã đoán được: CỘT=unicode|tcvn3|vni|viqr, CỘT là tiêu đề hoặc số thứ tự cột (1 = A). Có thể dùng nhiều lần.</translation>
    </message>
    <message>
        <source>COLUMN=ENCODING</source>
        <translation>CỘT=BẢNG_MÃ</translation>
    </message>
    <message>
        <source>Dossier: %1.</source>
        <translation>Hồ sơ: %1.</translation>
    </message>
    <message>
        <source>Rows: %1 new nominees, %2 already in the dossier, %3 with errors.</source>
        <translation>Số dòng: %1 đối tượng mới, %2 đã có trong hồ sơ, %3 có lỗi.</translation>
    </message>
    <message numerus="yes">
        <source>Imported: %n nominee(s) added to the dossier %1.</source>
        <translation>
            <numerusform>Đã nhập: thêm %n đối tượng vào hồ sơ %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a lower unit&apos;s list of proposed nominees (XLSX, DOCX or CSV) into a draft dossier (preview, then all or nothing).</source>
        <translation>Nhập danh sách đề nghị của đơn vị cấp dưới (XLSX, DOCX hoặc CSV) vào hồ sơ dự thảo (xem trước, rồi nhập tất cả hoặc không gì cả).</translation>
    </message>
    <message>
        <source>The XLSX, DOCX or CSV list to read.</source>
        <translation>Tệp danh sách XLSX, DOCX hoặc CSV cần đọc.</translation>
    </message>
    <message>
        <source>Why to propose the nominees the engine finds not eligible (or whose form the movement does not offer here); kept on each of them for the appraiser.</source>
        <translation>Lý do vẫn đề nghị các đối tượng bị đánh giá là không đủ điều kiện (hoặc có hình thức phong trào không áp dụng ở đây); được lưu kèm từng đối tượng cho cán bộ thẩm định.</translation>
    </message>
    <message>
        <source>Show every row with whom and what it proposes; write nothing.</source>
        <translation>Hiển thị từng dòng: đề nghị ai, hình thức gì; không ghi gì.</translation>
    </message>
    <message>
        <source>Add the nominees, all or nothing (nothing when a row has an error).</source>
        <translation>Thêm các đối tượng, tất cả hoặc không gì cả (không thêm gì khi có dòng lỗi).</translation>
    </message>
    <message>
        <source>Imported: %1 awards added, %2 awards changed.</source>
        <translation>Đã nhập: thêm %1 khen thưởng, sửa %2 khen thưởng.</translation>
    </message>
    <message>
        <source>Imported: %1 disciplinary records added, %2 changed.</source>
        <translation>Đã nhập: thêm %1 kỷ luật, sửa %2.</translation>
    </message>
    <message>
        <source>Write the rows with errors, with their row numbers and reasons, to this file: XLSX when it ends in .xlsx, else CSV.</source>
        <translation>Ghi các dòng có lỗi, kèm số dòng và lý do, vào tệp này: XLSX nếu tên kết thúc bằng .xlsx, nếu không thì CSV.</translation>
    </message>
    <message>
        <source>people (default) or units.</source>
        <translation>people (mặc định) hoặc units.</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>sinh năm %1</translation>
    </message>
    <message>
        <source>CCCD %1</source>
        <translation>CCCD %1</translation>
    </message>
    <message>
        <source>%1%: %2</source>
        <translation>%1%: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s) of units.</source>
        <translation>
            <numerusform>%n cặp đơn vị có thể bị trùng.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s) of people.</source>
        <translation>
            <numerusform>%n cặp cá nhân có thể bị trùng.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was written (preview).</source>
        <translation>Chưa ghi gì (xem trước).</translation>
    </message>
    <message>
        <source>These records cannot be merged; nothing was written.</source>
        <translation>Không thể gộp các hồ sơ này; không có gì được ghi.</translation>
    </message>
    <message>
        <source>Merged %1 into %2 (merge number %3; vinhdanh-cli unmerge --merge %3 undoes it).</source>
        <translation>Đã gộp %1 vào %2 (lần gộp số %3; lệnh vinhdanh-cli unmerge --merge %3 để hoàn tác).</translation>
    </message>
    <message>
        <source>--merge takes the number of a merge (vinhdanh-cli merge printed it).</source>
        <translation>--merge cần số của lần gộp (do vinhdanh-cli merge in ra).</translation>
    </message>
    <message>
        <source>Undid the merge number %1: both records are back as they were.</source>
        <translation>Đã hoàn tác lần gộp số %1: cả hai hồ sơ đã trở lại như trước.</translation>
    </message>
    <message>
        <source>List likely duplicate people or units, scored, with the reasons.</source>
        <translation>Liệt kê các cá nhân hoặc đơn vị có thể bị trùng, kèm điểm và lý do.</translation>
    </message>
    <message>
        <source>Merge a duplicate person or unit into the record to keep (undoable).</source>
        <translation>Gộp cá nhân hoặc đơn vị bị trùng vào hồ sơ được giữ lại (có thể hoàn tác).</translation>
    </message>
    <message>
        <source>The key of the record to keep.</source>
        <translation>Mã của hồ sơ được giữ lại.</translation>
    </message>
    <message>
        <source>The key of the record merged into it and deleted.</source>
        <translation>Mã của hồ sơ được gộp vào và bị xoá.</translation>
    </message>
    <message>
        <source>Show what would move and any conflict; write nothing.</source>
        <translation>Cho xem những gì sẽ được chuyển và các chỗ trùng; không ghi gì.</translation>
    </message>
    <message>
        <source>Undo a merge: restore the merged record and move its rows back.</source>
        <translation>Hoàn tác một lần gộp: khôi phục hồ sơ đã gộp và chuyển lại dữ liệu của nó.</translation>
    </message>
    <message>
        <source>The number of the merge to undo.</source>
        <translation>Số của lần gộp cần hoàn tác.</translation>
    </message>
    <message>
        <source>--kind must be one of %1, not &quot;%2&quot;.</source>
        <translation>--kind phải là một trong %1, không phải &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>--output must name an .xlsx file, not &quot;%1&quot;.</source>
        <translation>--output phải là tệp .xlsx, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Template written: %1</source>
        <translation>Đã ghi mẫu: %1</translation>
    </message>
    <message>
        <source>Write an XLSX template to fill in for import-table, with drop-down lists.</source>
        <translation>Ghi mẫu XLSX để điền rồi nhập bằng import-table, có danh sách chọn.</translation>
    </message>
    <message>
        <source>The XLSX file to write.</source>
        <translation>Tệp XLSX cần ghi.</translation>
    </message>
    <message>
        <source>  Warning: %1</source>
        <translation>  Cảnh báo: %1</translation>
    </message>
    <message>
        <source>Rows that may add someone already in the registry: %1 (they still import; check them first).</source>
        <translation>Số dòng có thể thêm người đã có trong cơ sở dữ liệu: %1 (vẫn được nhập; hãy kiểm tra trước).</translation>
    </message>
    <message>
        <source>Imported: %1 initiatives added, %2 changed.</source>
        <translation>Đã nhập: thêm %1 sáng kiến, sửa %2.</translation>
    </message>
    <message>
        <source>--kind must be &quot;people&quot; (staff and their yearly ratings), &quot;units&quot; (the office&apos;s units), &quot;awards&quot; (titles and other awards), &quot;disciplines&quot; or &quot;initiatives&quot;, not &quot;%1&quot;.</source>
        <translation>--kind phải là &quot;people&quot; (cán bộ và xếp loại hằng năm), &quot;units&quot; (các đơn vị), &quot;awards&quot; (danh hiệu và khen thưởng khác), &quot;disciplines&quot; (kỷ luật) hoặc &quot;initiatives&quot; (sáng kiến), không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Import staff with their yearly ratings, the office&apos;s units, awards and titles, disciplines or initiatives from an XLSX or CSV list (preview, then all or nothing).</source>
        <translation>Nhập cán bộ kèm xếp loại hằng năm, đơn vị, khen thưởng và danh hiệu, kỷ luật hoặc sáng kiến từ danh sách XLSX hoặc CSV (xem trước, rồi nhập tất cả hoặc không gì cả).</translation>
    </message>
    <message>
        <source>What the list holds: people, units, awards, disciplines or initiatives.</source>
        <translation>Danh sách chứa gì: people, units, awards, disciplines hoặc initiatives.</translation>
    </message>
    <message>
        <source>The dossier&apos;s number (HS 12/2025) or key.</source>
        <translation>Số của hồ sơ (HS 12/2025) hoặc mã.</translation>
    </message>
    <message>
        <source>There is no dossier &quot;%1&quot; (vinhdanh-cli dossiers lists them with their numbers).</source>
        <translation>Không có hồ sơ &quot;%1&quot; (vinhdanh-cli dossiers liệt kê các hồ sơ cùng số).</translation>
    </message>
    <message>
        <source>There is no council sitting &quot;%1&quot;.</source>
        <translation>Không có phiên họp Hội đồng &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There is no decision &quot;%1&quot; (vinhdanh-cli decisions lists them with their numbers).</source>
        <translation>Không có quyết định &quot;%1&quot; (vinhdanh-cli decisions liệt kê các quyết định cùng số).</translation>
    </message>
    <message>
        <source>%1: %2 → %3.</source>
        <comment>a dossier&apos;s register number (HS 12/2025): status before → after</comment>
        <translation>%1: %2 → %3.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a dossier&apos;s register number (HS 12/2025) and title</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The sheet of an XLSX workbook or the table of a Word file, by name or number (&quot;2&quot; for the second); default: the first visible sheet, or the Word file&apos;s whole list.</source>
        <translation>Trang tính của sổ XLSX hoặc bảng của tệp Word, theo tên hoặc số thứ tự (&quot;2&quot; là thứ hai); mặc định: trang tính hiển thị đầu tiên, hoặc toàn bộ danh sách của tệp Word.</translation>
    </message>
    <message>
        <source>The council sitting&apos;s number (Phiên 3/2026) or key.</source>
        <translation>Số của phiên họp Hội đồng (Phiên 3/2026) hoặc mã.</translation>
    </message>
    <message>
        <source>%1: %2, %3 (%4)</source>
        <comment>a sitting&apos;s register number (Phiên 3/2026): title, date (status)</comment>
        <translation>%1: %2, %3 (%4)</translation>
    </message>
    <message>
        <source>Record a council sitting with its members (prints its number).</source>
        <translation>Ghi một phiên họp Hội đồng cùng các thành viên (in ra số của phiên).</translation>
    </message>
    <message>
        <source>List the open sittings a dossier can be put before (number, date, title).</source>
        <translation>Liệt kê các phiên họp đang mở có thể trình hồ sơ (số, ngày, tiêu đề).</translation>
    </message>
    <message>
        <source>The decision&apos;s number (173/QĐ-UBND, with its year when the number recurs) or key.</source>
        <translation>Số của quyết định (173/QĐ-UBND, kèm năm khi số bị trùng) hoặc mã.</translation>
    </message>
    <message>
        <source>Draft a decision, filled from a council sitting when given (prints its number).</source>
        <translation>Soạn dự thảo quyết định, lấy danh sách từ phiên họp Hội đồng nếu có (in ra số của quyết định).</translation>
    </message>
    <message>
        <source>The council sitting whose passed nominees it awards (its number or key).</source>
        <translation>Phiên họp Hội đồng có các đối tượng được thông qua mà quyết định khen thưởng (số hoặc mã).</translation>
    </message>
    <message>
        <source>The number (or key) of the issued decision it corrects.</source>
        <translation>Số (hoặc mã) của quyết định đã ban hành mà quyết định này đính chính.</translation>
    </message>
    <message>
        <source>Make --database as a new SQLite file from the import (faster; the file must not exist).</source>
        <translation>Tạo --database thành một tệp SQLite mới từ dữ liệu nhập (nhanh hơn; tệp chưa được có).</translation>
    </message>
    <message>
        <source>--new makes a new database file: give --database a file path.</source>
        <translation>--new tạo một tệp cơ sở dữ liệu mới: hãy cho --database một đường dẫn tệp.</translation>
    </message>
    <message>
        <source>The name of a column mapping saved in the import dialog for this --kind, or a JSON file {&quot;column header&quot;: &quot;field&quot;} correcting how columns are read.</source>
        <translation>Tên một cách ghép cột đã lưu trong hộp thoại nhập cho --kind này, hoặc một tệp JSON {&quot;tiêu đề cột&quot;: &quot;trường&quot;} sửa cách hiểu các cột.</translation>
    </message>
    <message>
        <source>PRESET|FILE</source>
        <translation>TÊN|TỆP</translation>
    </message>
    <message>
        <source>%1 emulation blocs</source>
        <translation>%1 cụm/khối thi đua</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 đơn vị</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>%1 cá nhân</translation>
    </message>
    <message>
        <source>%1 movements</source>
        <translation>%1 phong trào</translation>
    </message>
    <message>
        <source>%1 awards</source>
        <translation>%1 khen thưởng</translation>
    </message>
    <message>
        <source>%1 initiatives</source>
        <translation>%1 sáng kiến</translation>
    </message>
    <message>
        <source>%1 disciplines</source>
        <translation>%1 kỷ luật</translation>
    </message>
    <message>
        <source>an office whose letterhead has no name</source>
        <translation>một cơ quan chưa ghi tên trên tiêu đề văn bản</translation>
    </message>
    <message>
        <source>The database held no records: it is now a copy of the office that wrote the file, %1, and that office&apos;s later files update it by key.</source>
        <translation>Cơ sở dữ liệu chưa có bản ghi nào: nay là bản sao của cơ quan đã lập tệp, %1; các tệp sau của cơ quan đó sẽ cập nhật theo mã.</translation>
    </message>
    <message>
        <source>The file was taken as this office&apos;s own, from another database of it (%1): its records were matched by key, and its later files will be too, with no option.</source>
        <translation>Tệp đã được nhận là của chính cơ quan này, từ một cơ sở dữ liệu khác của cơ quan (%1): các bản ghi được khớp theo mã, và các tệp sau cũng vậy, không cần tùy chọn.</translation>
    </message>
    <message>
        <source>The file comes from another office, %1: its records were matched to the ones its earlier files brought, or kept their keys; none got a new key.</source>
        <translation>Tệp do cơ quan khác lập, %1: các bản ghi trong tệp đã được khớp với các bản ghi do những tệp trước của cơ quan đó mang đến, hoặc giữ nguyên mã; không bản ghi nào phải nhận mã mới.</translation>
    </message>
    <message>
        <source>The file comes from another office, %1. Its keys for %2 are used here by other records, so those records got new keys; the office&apos;s next file updates them under those keys.</source>
        <translation>Tệp do cơ quan khác lập, %1. Mã của %2 trong tệp đã được các bản ghi khác ở đây sử dụng, nên các bản ghi đó được cấp mã mới; tệp sau của cơ quan này sẽ cập nhật chúng theo các mã mới đó.</translation>
    </message>
    <message>
        <source>The file is this office&apos;s own, from another of its databases (made before offices had ids, moved to PostgreSQL, an old backup): match its records by key and remember its office id as this office&apos;s. A database with no records takes the id as its own.</source>
        <translation>Tệp là của chính cơ quan này, từ một cơ sở dữ liệu khác của cơ quan (lập trước khi cơ quan có mã, đã chuyển sang PostgreSQL, một bản sao lưu cũ): khớp các bản ghi theo mã và ghi nhớ mã cơ quan của tệp là của cơ quan này. Cơ sở dữ liệu chưa có bản ghi nào sẽ nhận mã đó làm mã của mình.</translation>
    </message>
    <message>
        <source>The file is another office&apos;s: keep its records apart, under new keys where theirs are used here.</source>
        <translation>Tệp là của cơ quan khác: giữ các bản ghi của tệp riêng ra, cấp mã mới cho những bản ghi có mã đã được dùng ở đây.</translation>
    </message>
    <message>
        <source>Give --same-office or --other-office, not both.</source>
        <translation>Chỉ dùng một trong hai: --same-office hoặc --other-office.</translation>
    </message>
    <message>
        <source>--new makes a copy of the file&apos;s office: --same-office and --other-office are for an existing database.</source>
        <translation>--new tạo một bản sao của cơ quan lập tệp: --same-office và --other-office dùng cho cơ sở dữ liệu đã có.</translation>
    </message>
    <message>
        <source>The column mapping names columns this list does not have: %1.</source>
        <translation>Cách ghép cột nêu những cột mà danh sách này không có: %1.</translation>
    </message>
    <message>
        <source>The name of a column mapping saved in the dossier&apos;s import dialog, or a JSON file {&quot;column header&quot;: &quot;field&quot;} correcting how columns are read (fields: number, key, name, collective, birthDate, position, unit, positionAndUnit, form, summary, note, ignore).</source>
        <translation>Tên một cách ghép cột đã lưu trong hộp thoại nhập danh sách của hồ sơ, hoặc một tệp JSON {&quot;tiêu đề cột&quot;: &quot;trường&quot;} sửa cách hiểu các cột (các trường: number, key, name, collective, birthDate, position, unit, positionAndUnit, form, summary, note, ignore).</translation>
    </message>
    <message>
        <source>The column mapping names columns this file does not have: %1.</source>
        <translation>Cách ghép cột nêu những cột mà tệp này không có: %1.</translation>
    </message>
    <message>
        <source>Deleted the column mapping &quot;%1&quot;.</source>
        <translation>Đã xóa cách ghép cột &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No column mapping is saved for this list (--kind %1).</source>
        <translation>Chưa lưu cách ghép cột nào cho loại danh sách này (--kind %1).</translation>
    </message>
    <message>
        <source>List the column mappings saved in the import dialogs for a kind of list, or delete one.</source>
        <translation>Liệt kê các cách ghép cột đã lưu trong các hộp thoại nhập cho một loại danh sách, hoặc xóa một cách.</translation>
    </message>
    <message>
        <source>The kind of list: people, units, awards, disciplines, initiatives or nominees.</source>
        <translation>Loại danh sách: people, units, awards, disciplines, initiatives hoặc nominees.</translation>
    </message>
    <message>
        <source>Delete the saved column mapping of this name.</source>
        <translation>Xóa cách ghép cột đã lưu có tên này.</translation>
    </message>
    <message>
        <source>The saved column mapping &quot;%1&quot; reads the header from row %2; give --header-row to read another row.</source>
        <translation>Cách ghép cột đã lưu &quot;%1&quot; đọc tiêu đề ở dòng %2; dùng --header-row để đọc dòng khác.</translation>
    </message>
    <message>
        <source>%1 (header on row %2)</source>
        <translation>%1 (tiêu đề ở dòng %2)</translation>
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
    <message>
        <source>— (signs in own name)</source>
        <translation>— (ký trực tiếp)</translation>
    </message>
    <message>
        <source>The signer signs in their own name, without a prefix</source>
        <translation>Người ký ký trực tiếp bằng chức danh của mình, không có tiền tố</translation>
    </message>
    <message>
        <source>TM. (on behalf of the collective)</source>
        <translation>TM. (thay mặt tập thể)</translation>
    </message>
    <message>
        <source>On behalf of the collective (thay mặt)</source>
        <translation>TM. — Thay mặt tập thể</translation>
    </message>
    <message>
        <source>KT. (a deputy signs for the head)</source>
        <translation>KT. (cấp phó ký thay người đứng đầu)</translation>
    </message>
    <message>
        <source>A deputy signs for the head (ký thay)</source>
        <translation>KT. — Cấp phó ký thay người đứng đầu</translation>
    </message>
    <message>
        <source>Q. (acting head)</source>
        <translation>Q. (quyền người đứng đầu)</translation>
    </message>
    <message>
        <source>Acting head (quyền)</source>
        <translation>Q. — Quyền người đứng đầu</translation>
    </message>
</context>
<context>
    <name>CouncilText</name>
    <message>
        <source>Closed</source>
        <translation>Đã kết thúc</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Chưa kết thúc</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Đã ban hành</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>No members yet: add the council&apos;s members to check the quorum.</source>
        <translation>Chưa có thành viên: hãy thêm thành viên Hội đồng để kiểm tra túc số.</translation>
    </message>
    <message>
        <source>%1/%2 present — quorum of %3/%4 met</source>
        <translation>%1/%2 có mặt — đủ túc số %3/%4</translation>
    </message>
    <message>
        <source>%1/%2 present — no quorum: %3/%4 of the members (%5) must attend</source>
        <translation>%1/%2 có mặt — không đủ túc số: cần %3/%4 số thành viên (%5) có mặt</translation>
    </message>
    <message>
        <source>more than %1% of all members</source>
        <translation>trên %1% tổng số thành viên</translation>
    </message>
    <message>
        <source>more than %1% of the members present</source>
        <translation>trên %1% số thành viên có mặt</translation>
    </message>
    <message>
        <source>at least %1% of all members</source>
        <translation>từ %1% tổng số thành viên trở lên</translation>
    </message>
    <message>
        <source>at least %1% of the members present</source>
        <translation>từ %1% số thành viên có mặt trở lên</translation>
    </message>
    <message>
        <source>Not voted yet</source>
        <translation>Chưa biểu quyết</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Đạt</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Không đạt</translation>
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
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (absent)</source>
        <translation>%1 (vắng mặt)</translation>
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
    <message>
        <source>Today&apos;s automatic backup could not be written: %1</source>
        <translation>Không ghi được bản sao lưu tự động hôm nay: %1</translation>
    </message>
    <message>
        <source>The database file &quot;%1&quot; is read-only. Ask for permission to change it, or copy it to a folder of your own and open the copy.</source>
        <translation>Tệp cơ sở dữ liệu &quot;%1&quot; chỉ cho phép đọc. Hãy xin quyền sửa tệp, hoặc chép tệp vào một thư mục của mình rồi mở bản chép.</translation>
    </message>
    <message>
        <source>The folder of the database file &quot;%1&quot; is read-only; the database needs to write its journal beside the file.</source>
        <translation>Thư mục chứa tệp cơ sở dữ liệu &quot;%1&quot; chỉ cho phép đọc; cơ sở dữ liệu cần ghi tệp nhật ký giao dịch bên cạnh tệp.</translation>
    </message>
    <message>
        <source>The database is open read-only, so nothing was saved. If its check on opening failed, restore it from a backup: File ▸ Restore from a backup… or vinhdanh-cli restore.</source>
        <translation>Cơ sở dữ liệu đang mở ở chế độ chỉ đọc nên chưa lưu được gì. Nếu bước tự kiểm tra khi mở không đạt, hãy khôi phục từ bản sao lưu: Tệp ▸ Khôi phục từ bản sao lưu… hoặc vinhdanh-cli restore.</translation>
    </message>
    <message>
        <source>The database is busy: another program kept it locked for longer than the wait allows. Nothing was changed; try again in a moment.</source>
        <translation>Cơ sở dữ liệu đang bận: một chương trình khác giữ khóa lâu hơn thời gian chờ cho phép. Chưa có gì thay đổi; hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>Could not read from the database.</source>
        <translation>Không đọc được dữ liệu từ cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>The Vietnamese sort order of this computer differs from the one the database&apos;s lists were sorted with, and they could not be sorted again. Open the file where it can be written (not read-only), or restore a backup.</source>
        <translation>Thứ tự sắp xếp tiếng Việt trên máy này khác với thứ tự đã dùng để sắp xếp các danh sách trong cơ sở dữ liệu, và không sắp xếp lại được. Hãy mở tệp ở nơi có thể ghi (không phải chỉ đọc), hoặc khôi phục một bản sao lưu.</translation>
    </message>
    <message>
        <source>Another program is using this data right now (for instance a large import into the database), so nothing was done. Try again in a minute.</source>
        <translation>Một chương trình khác đang dùng dữ liệu này (chẳng hạn đang nhập một tệp lớn vào cơ sở dữ liệu), nên chưa thực hiện được gì. Hãy thử lại sau ít phút.</translation>
    </message>
</context>
<context>
    <name>Dedup</name>
    <message>
        <source>the same CCCD number</source>
        <translation>trùng số CCCD</translation>
    </message>
    <message>
        <source>the same name (ignoring case and diacritics)</source>
        <translation>trùng họ tên (không phân biệt hoa thường, dấu)</translation>
    </message>
    <message>
        <source>names differ: %1 / %2</source>
        <translation>họ tên khác nhau: %1 / %2</translation>
    </message>
    <message>
        <source>the same birth date</source>
        <translation>trùng ngày sinh</translation>
    </message>
    <message>
        <source>the same unit</source>
        <translation>cùng đơn vị</translation>
    </message>
    <message>
        <source>different units: %1 / %2</source>
        <translation>khác đơn vị: %1 / %2</translation>
    </message>
    <message>
        <source>no birth date to compare</source>
        <translation>không có ngày sinh để so sánh</translation>
    </message>
    <message>
        <source>the same parent unit: %1</source>
        <translation>cùng đơn vị cấp trên: %1</translation>
    </message>
    <message>
        <source>both top-level units</source>
        <translation>cả hai đều là đơn vị cấp cao nhất</translation>
    </message>
    <message>
        <source>valid at the same time</source>
        <translation>cùng thời gian hoạt động</translation>
    </message>
    <message>
        <source>different kinds of unit</source>
        <translation>khác loại hình đơn vị</translation>
    </message>
    <message>
        <source>kind of unit</source>
        <translation>loại hình đơn vị</translation>
    </message>
    <message>
        <source>parent unit</source>
        <translation>đơn vị cấp trên</translation>
    </message>
    <message>
        <source>emulation bloc</source>
        <translation>cụm, khối thi đua</translation>
    </message>
    <message>
        <source>start of validity</source>
        <translation>ngày bắt đầu hoạt động</translation>
    </message>
    <message>
        <source>end of validity</source>
        <translation>ngày kết thúc hoạt động</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <source>CCCD number</source>
        <translation>số CCCD</translation>
    </message>
    <message>
        <source>position</source>
        <translation>chức vụ</translation>
    </message>
    <message>
        <source>category</source>
        <translation>đối tượng</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>There is no unit with the id %1.</source>
        <translation>Không có đơn vị mang số hiệu %1.</translation>
    </message>
    <message>
        <source>There is no person with the id %1.</source>
        <translation>Không có cá nhân mang số hiệu %1.</translation>
    </message>
    <message>
        <source>Keep: %1 (%2)</source>
        <translation>Giữ lại: %1 (%2)</translation>
    </message>
    <message>
        <source>Merge into it and delete: %1 (%2)</source>
        <translation>Gộp vào và xoá: %1 (%2)</translation>
    </message>
    <message>
        <source>Moves: %1</source>
        <translation>Chuyển sang: %1</translation>
    </message>
    <message>
        <source>Nothing to move: the record to delete has no other rows.</source>
        <translation>Không có gì để chuyển: hồ sơ bị xoá không có dữ liệu nào khác.</translation>
    </message>
    <message>
        <source>Fills in: %1</source>
        <translation>Bổ sung: %1</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Trùng: %1</translation>
    </message>
    <message>
        <source>Cannot merge: %1</source>
        <translation>Không gộp được: %1</translation>
    </message>
    <message>
        <source>A record cannot be merged with itself: choose two different records.</source>
        <translation>Không thể gộp một hồ sơ với chính nó: hãy chọn hai hồ sơ khác nhau.</translation>
    </message>
    <message>
        <source>both records are rated for %1: the kept record&apos;s rating stays, the other is set aside.</source>
        <translation>cả hai hồ sơ đều có xếp loại năm %1: giữ xếp loại của hồ sơ được giữ lại, xếp loại kia được để riêng.</translation>
    </message>
    <message>
        <source>%1 that the kept record has too: the kept record&apos;s stay, the others are set aside.</source>
        <translation>%1 mà hồ sơ được giữ lại cũng có: giữ của hồ sơ được giữ lại, phần kia được để riêng.</translation>
    </message>
    <message>
        <source>%1 of the record to delete are fixed by an issued decision or a submitted dossier and cannot change hands. Keep that record and merge the other one into it.</source>
        <translation>%1 của hồ sơ bị xoá đã gắn với quyết định đã ban hành hoặc hồ sơ đề nghị đã gửi nên không thể chuyển. Hãy giữ lại hồ sơ đó và gộp hồ sơ kia vào.</translation>
    </message>
    <message>
        <source>the record to delete is still named in %1, which this version cannot move.</source>
        <translation>hồ sơ bị xoá vẫn được nhắc đến trong %1, phiên bản này chưa chuyển được dữ liệu đó.</translation>
    </message>
    <message>
        <source>the two records have different CCCD numbers: they are two people.</source>
        <translation>hai hồ sơ có số CCCD khác nhau: đây là hai người.</translation>
    </message>
    <message>
        <source>the %1 differs: the kept record&apos;s stays.</source>
        <translation>%1 khác nhau: giữ theo hồ sơ được giữ lại.</translation>
    </message>
    <message>
        <source>the unit to keep lies under the unit to delete; keep the upper one instead.</source>
        <translation>đơn vị được giữ lại trực thuộc đơn vị bị xoá; hãy giữ lại đơn vị cấp trên.</translation>
    </message>
    <message>
        <source>the unit to keep names the unit to delete as its successor; keep the successor instead.</source>
        <translation>đơn vị được giữ lại ghi đơn vị bị xoá là đơn vị kế thừa; hãy giữ lại đơn vị kế thừa.</translation>
    </message>
    <message>
        <source>%1 and %2 cannot be merged: %3</source>
        <translation>Không thể gộp %1 và %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n yearly rating(s)</source>
        <translation>
            <numerusform>%n kết quả xếp loại hằng năm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n award(s) in the ledger</source>
        <translation>
            <numerusform>%n khen thưởng trong sổ khen thưởng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n initiative(s) as author</source>
        <translation>
            <numerusform>%n sáng kiến là tác giả</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disciplinary record(s)</source>
        <translation>
            <numerusform>%n quyết định kỷ luật</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n nomination(s) in dossiers</source>
        <translation>
            <numerusform>%n lần được đề nghị trong hồ sơ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) on decisions&apos; lists</source>
        <translation>
            <numerusform>%n lần có tên trong danh sách kèm quyết định</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confirmation(s) of standards</source>
        <translation>
            <numerusform>%n xác nhận tiêu chuẩn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s) in bình xét minutes</source>
        <translation>
            <numerusform>%n lần có tên trong biên bản bình xét</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s) under it</source>
        <translation>
            <numerusform>%n đơn vị trực thuộc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier unit(s) it succeeded</source>
        <translation>
            <numerusform>%n đơn vị trước đây mà đơn vị này kế thừa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) working in it</source>
        <translation>
            <numerusform>%n cá nhân đang công tác</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clerk account(s)</source>
        <translation>
            <numerusform>%n tài khoản cán bộ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s) it proposed</source>
        <translation>
            <numerusform>%n hồ sơ đề nghị của đơn vị</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bình xét minutes it held</source>
        <translation>
            <numerusform>%n biên bản bình xét của đơn vị</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no merge number %1.</source>
        <translation>Không có lần gộp số %1.</translation>
    </message>
    <message>
        <source>The merge number %1 has already been undone.</source>
        <translation>Lần gộp số %1 đã được hoàn tác.</translation>
    </message>
    <message>
        <source>The merge number %1 cannot be undone: the record it kept has been deleted since.</source>
        <translation>Không thể hoàn tác lần gộp số %1: hồ sơ được giữ lại đã bị xoá sau đó.</translation>
    </message>
    <message>
        <source>The merge number %1 cannot be undone: the audit log holds no copy of the merged record.</source>
        <translation>Không thể hoàn tác lần gộp số %1: nhật ký không còn bản lưu của hồ sơ đã gộp.</translation>
    </message>
    <message>
        <source>The merge number %1 cannot be undone: the key %2 is in use again.</source>
        <translation>Không thể hoàn tác lần gộp số %1: mã %2 đã được dùng lại.</translation>
    </message>
    <message>
        <source>both records are nominated for %1 in the dossier &quot;%2&quot;: the two nominations become one, with the confirmations and files of both.</source>
        <translation>cả hai bản ghi đều được đề nghị %1 trong hồ sơ &quot;%2&quot;: hai lượt đề nghị được gộp làm một, giữ lại xác nhận và tệp của cả hai.</translation>
    </message>
    <message>
        <source>both records are nominated for %1 in the dossier &quot;%2&quot;, and both nominations have gone on to appraisal, the council or a decision; withdraw one of them first.</source>
        <translation>cả hai bản ghi đều được đề nghị %1 trong hồ sơ &quot;%2&quot; và cả hai lượt đề nghị đã sang thẩm định, Hội đồng hoặc quyết định; hãy rút một lượt trước.</translation>
    </message>
    <message>
        <source>both records are before the council sitting &quot;%1&quot; for the same form; take one of them off the sitting first.</source>
        <translation>cả hai bản ghi đều có trong phiên họp Hội đồng &quot;%1&quot; cho cùng một hình thức; hãy đưa một bản ghi ra khỏi phiên họp trước.</translation>
    </message>
    <message>
        <source>both records are on the list of the decision %1 for the same form; take one of them off the list first.</source>
        <translation>cả hai bản ghi đều có trong danh sách của quyết định %1 cho cùng một hình thức; hãy đưa một bản ghi ra khỏi danh sách trước.</translation>
    </message>
    <message>
        <source>The merge cannot put back a row of this table.</source>
        <translation>Không thể khôi phục một dòng của bảng này khi hủy gộp.</translation>
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
    <message>
        <source>The database already has proposal dossiers. The demo award season is only added to a database without any.</source>
        <translation>Cơ sở dữ liệu đã có hồ sơ đề nghị khen thưởng. Đợt khen thưởng mẫu chỉ được thêm vào cơ sở dữ liệu chưa có hồ sơ nào.</translation>
    </message>
    <message>
        <source>Playing an award season: dossiers, appraisal, the council and a decision…</source>
        <translation>Đang mô phỏng một đợt khen thưởng: hồ sơ, thẩm định, Hội đồng và quyết định…</translation>
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
    <message>
        <source>The check of %1 for %2 leaves nothing to confirm by hand.</source>
        <translation>Kết quả xét %1 cho %2 không có mục nào cần xác nhận thủ công.</translation>
    </message>
    <message>
        <source>The check of %1 for %2 has no item &quot;%3&quot; to confirm; the items to confirm are: %4.</source>
        <translation>Kết quả xét %1 cho %2 không có mục &quot;%3&quot; để xác nhận; các mục cần xác nhận là: %4.</translation>
    </message>
    <message>
        <source>unknown placeholder {%1} (the only one is {bloc}, the unit&apos;s emulation cluster or bloc)</source>
        <translation>chỗ thay thế {%1} không hợp lệ (chỉ có {bloc}: cụm, khối thi đua của đơn vị)</translation>
    </message>
    <message>
        <source>the unit belongs to no emulation cluster or bloc — record its cluster or bloc on the unit&apos;s form</source>
        <translation>đơn vị chưa thuộc cụm, khối thi đua nào — ghi cụm/khối trong hồ sơ đơn vị</translation>
    </message>
    <message>
        <source>member of the emulation bloc &quot;%1&quot;.</source>
        <translation>thuộc khối thi đua &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>member of the emulation cluster &quot;%1&quot;.</source>
        <translation>thuộc cụm thi đua &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>its emulation cluster or bloc (none recorded for the unit)</source>
        <translation>cụm, khối thi đua của đơn vị (chưa ghi trong hồ sơ đơn vị)</translation>
    </message>
    <message>
        <source>Choose either a person or a unit to confirm for.</source>
        <translation>Chọn một cá nhân hoặc một tập thể để xác nhận.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is one of a movement&apos;s own standards: name the movement it belongs to.</source>
        <translation>&quot;%1&quot; là tiêu chuẩn riêng của một phong trào: hãy chỉ rõ phong trào đó.</translation>
    </message>
    <message>
        <source>A confirmation needs its evidence: write what shows the standard is met (a report, a decision number, the minutes of a meeting).</source>
        <translation>Xác nhận cần có minh chứng: ghi căn cứ cho thấy tiêu chuẩn đã đạt (báo cáo, số quyết định, biên bản họp).</translation>
    </message>
    <message>
        <source>Someone else changed this confirmation after you opened it; it now shows what is stored. Tick or un-tick it again if you still mean to.</source>
        <translation>Người khác đã sửa xác nhận này sau khi bạn mở; màn hình nay hiện nội dung đã lưu. Hãy đánh dấu hoặc bỏ đánh dấu lại nếu vẫn muốn.</translation>
    </message>
    <message>
        <source>The confirmation was deleted meanwhile.</source>
        <translation>Xác nhận đã bị xóa trong lúc đó.</translation>
    </message>
    <message>
        <source>confirmed on the dossier&apos;s checklist</source>
        <translation>đã xác nhận trong danh mục kiểm tra của hồ sơ</translation>
    </message>
    <message>
        <source>The hashing library could not start.</source>
        <translation>Không khởi động được thư viện tính mã băm.</translation>
    </message>
    <message>
        <source>The rule set %1 version %2 is built into the program and cannot be retired; import a newer version to replace it.</source>
        <translation>Bộ quy tắc %1 phiên bản %2 có sẵn trong chương trình nên không thể ngừng sử dụng; hãy nhập phiên bản mới hơn để thay thế.</translation>
    </message>
    <message>
        <source>There is no imported rule set %1 version %2.</source>
        <translation>Không có bộ quy tắc %1 phiên bản %2 được nhập từ tệp.</translation>
    </message>
    <message>
        <source>The rule set %1 version %2 was already retired on %3.</source>
        <translation>Bộ quy tắc %1 phiên bản %2 đã ngừng sử dụng từ %3.</translation>
    </message>
    <message>
        <source>&quot;effectiveFrom&quot; is %1; a rule set takes effect from 1945-01-01 to 2100-12-31</source>
        <translation>&quot;effectiveFrom&quot; là %1; bộ quy tắc chỉ có thể có hiệu lực từ 1945-01-01 đến 2100-12-31</translation>
    </message>
    <message>
        <source>%2 was rated only %1; needs %3</source>
        <translation>năm %2 chỉ xếp loại %1; cần %3</translation>
    </message>
    <message>
        <source>%1 unused initiative(s) recognised at %2 or above in %3.</source>
        <translation>%1 sáng kiến chưa dùng để xét khen thưởng, được công nhận từ %2 trở lên (%3).</translation>
    </message>
    <message>
        <source>%1 unused initiative(s) recognised at %2 or above in %3; needs %4</source>
        <translation>%1 sáng kiến chưa dùng để xét khen thưởng, được công nhận từ %2 trở lên (%3); cần %4</translation>
    </message>
    <message>
        <source>discipline %1 from %2, still in force</source>
        <translation>kỷ luật %1 từ %2, còn hiệu lực</translation>
    </message>
    <message>
        <source>discipline %1 from %2 to %3</source>
        <translation>kỷ luật %1 từ %2 đến %3</translation>
    </message>
    <message>
        <source>does not apply (for %1, not for %2)</source>
        <translation>không áp dụng (dành cho %1, không dành cho %2)</translation>
    </message>
    <message>
        <source>no clause applies to %1</source>
        <translation>không có điều khoản nào áp dụng cho %1</translation>
    </message>
    <message>
        <source>A confirmation needs an award code, a year from 1945 to 2100 and the item it confirms.</source>
        <translation>Xác nhận cần có mã hình thức khen thưởng, năm từ 1945 đến 2100 và mục được xác nhận.</translation>
    </message>
    <message>
        <source>Eligible on the records, awaiting confirmation</source>
        <translation>Đủ điều kiện theo số liệu, chờ xác nhận</translation>
    </message>
    <message>
        <source>Missing data</source>
        <translation>Thiếu dữ liệu</translation>
    </message>
    <message>
        <source>The rule set &quot;%1&quot; has no rule for the award code &quot;%2&quot; (see docs/award-codes.md).</source>
        <translation>Bộ quy tắc &quot;%1&quot; không có quy tắc cho mã hình thức khen thưởng &quot;%2&quot; (xem docs/award-codes.md).</translation>
    </message>
    <message>
        <source>the rating of %1</source>
        <translation>xếp loại năm %1</translation>
    </message>
    <message>
        <source>Minutes of the emulation review meeting of %1</source>
        <translation>Biên bản họp bình xét ngày %1</translation>
    </message>
    <message>
        <source>Minutes of the emulation review meeting no. %1 of %2</source>
        <translation>Biên bản họp bình xét số %1 ngày %2</translation>
    </message>
    <message>
        <source>These minutes are recorded already; record new minutes for another meeting.</source>
        <translation>Biên bản này đã được ghi nhận; hãy ghi biên bản mới cho cuộc họp khác.</translation>
    </message>
    <message>
        <source>Choose the unit whose review meeting the minutes record.</source>
        <translation>Chọn đơn vị tổ chức cuộc họp bình xét mà biên bản ghi lại.</translation>
    </message>
    <message>
        <source>The meeting&apos;s date must be in %1 or later, and not in the future.</source>
        <translation>Ngày họp phải từ năm %1 trở đi và không được sau ngày hôm nay.</translation>
    </message>
    <message>
        <source>The minutes name nobody: list the people or units the meeting reviewed.</source>
        <translation>Biên bản chưa nêu tên ai: hãy liệt kê các cá nhân, tập thể được cuộc họp bình xét.</translation>
    </message>
    <message>
        <source>Each entry of the minutes is either a person or a unit.</source>
        <translation>Mỗi mục trong biên bản là một cá nhân hoặc một tập thể.</translation>
    </message>
    <message>
        <source>%1 is not in %2 or below it: the meeting of %2 cannot review them.</source>
        <translation>%1 không thuộc %2 hay đơn vị trực thuộc: cuộc họp của %2 không bình xét được.</translation>
    </message>
    <message>
        <source>The minutes name the same person or unit twice.</source>
        <translation>Biên bản nêu tên một cá nhân hoặc tập thể hai lần.</translation>
    </message>
    <message>
        <source>There are minutes with the key &quot;%1&quot; already.</source>
        <translation>Đã có biên bản với mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>There are no minutes with the id %1.</source>
        <translation>Không có biên bản nào có mã số %1.</translation>
    </message>
    <message>
        <source>The minutes %1 do not name everyone chosen; add them to the minutes or confirm by hand.</source>
        <translation>Biên bản %1 không nêu tên tất cả những người được chọn; hãy bổ sung vào biên bản hoặc xác nhận thủ công.</translation>
    </message>
    <message>
        <source>There is no rule set %1 version %2.</source>
        <translation>Không có bộ quy tắc %1 phiên bản %2.</translation>
    </message>
    <message>
        <source>the first version of this rule set</source>
        <translation>phiên bản đầu tiên của bộ quy tắc này</translation>
    </message>
    <message>
        <source>the same standards as version %1</source>
        <translation>tiêu chuẩn giống phiên bản %1</translation>
    </message>
    <message>
        <source>against version %1:</source>
        <translation>so với phiên bản %1:</translation>
    </message>
    <message>
        <source>collectives</source>
        <translation>tập thể</translation>
    </message>
    <message>
        <source>individuals</source>
        <translation>cá nhân</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>standards added for: %1</source>
        <translation>thêm tiêu chuẩn cho: %1</translation>
    </message>
    <message>
        <source>standards removed for: %1</source>
        <translation>bỏ tiêu chuẩn của: %1</translation>
    </message>
    <message>
        <source>standards changed for: %1</source>
        <translation>sửa tiêu chuẩn của: %1</translation>
    </message>
    <message>
        <source>the standards common to every form changed</source>
        <translation>sửa các tiêu chuẩn chung cho mọi hình thức</translation>
    </message>
    <message>
        <source>the legal bases cited changed</source>
        <translation>sửa các căn cứ pháp lý được trích dẫn</translation>
    </message>
    <message>
        <source>in force from %1 instead of %2</source>
        <translation>có hiệu lực từ %1 thay cho %2</translation>
    </message>
    <message>
        <source>The confirmation of &quot;%1&quot; from the minutes %2</source>
        <translation>Xác nhận &quot;%1&quot; theo biên bản %2</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>%1 - rejected rows.xlsx</source>
        <translation>%1 - dòng bị loại.xlsx</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Lưu các dòng bị loại</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Sổ tính Excel (*.xlsx);;Tệp CSV (*.csv)</translation>
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
        <source>Nothing was imported. %1</source>
        <translation>Không có dữ liệu nào được nhập. %1</translation>
    </message>
    <message>
        <source>The file was written by a newer version of Vinh Danh (format version %1); this program reads versions up to %2. Install the newer Vinh Danh to import it.</source>
        <translation>Tệp được ghi bởi phiên bản Vinh Danh mới hơn (định dạng phiên bản %1); chương trình này chỉ đọc đến phiên bản %2. Hãy cài Vinh Danh mới hơn để nhập tệp.</translation>
    </message>
    <message>
        <source>is required: &quot;%1&quot; is one of a movement&apos;s own standards</source>
        <translation>là bắt buộc: &quot;%1&quot; là tiêu chuẩn riêng của một phong trào</translation>
    </message>
    <message>
        <source>must be left out: only a movement&apos;s own standards (items &quot;movement-…&quot;) belong to a movement</source>
        <translation>phải bỏ trống: chỉ tiêu chuẩn riêng của phong trào (mục &quot;movement-…&quot;) mới gắn với phong trào</translation>
    </message>
    <message>
        <source>is required for a confirmed item: a tick without its evidence is no confirmation</source>
        <translation>là bắt buộc với mục đã xác nhận: xác nhận phải có minh chứng</translation>
    </message>
    <message>
        <source>is not a date and time (YYYY-MM-DDThh:mm:ss): &quot;%1&quot;</source>
        <translation>không phải ngày giờ (YYYY-MM-DDThh:mm:ss): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>the CCCD number %1 already belongs to %2 (%3) in the database; one CCCD number identifies one person.</source>
        <translation>số CCCD %1 đã thuộc về %2 (%3) trong cơ sở dữ liệu; mỗi số CCCD chỉ gắn với một cá nhân.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is not a Vinh Danh interchange file.</source>
        <translation>Tệp &quot;%1&quot; không phải tệp trao đổi dữ liệu của Vinh Danh.</translation>
    </message>
    <message>
        <source>%1: the key &quot;%2&quot; is given a second time in &quot;%3&quot; (first at %4); each record appears once in a file.</source>
        <translation>%1: mã &quot;%2&quot; được dùng lần thứ hai trong &quot;%3&quot; (lần đầu tại %4); mỗi bản ghi chỉ xuất hiện một lần trong tệp.</translation>
    </message>
    <message>
        <source>%1: a second rating of the same person or unit for %2 (first at %3); a file gives one rating a year.</source>
        <translation>%1: xếp loại thứ hai của cùng cá nhân hoặc đơn vị cho năm %2 (lần đầu tại %3); mỗi năm tệp chỉ ghi một xếp loại.</translation>
    </message>
    <message>
        <source>%1: a second answer for the same nominee, form, year, movement and item (first at %2).</source>
        <translation>%1: câu trả lời thứ hai cho cùng đối tượng, hình thức, năm, phong trào và mục tiêu chuẩn (lần đầu tại %2).</translation>
    </message>
    <message>
        <source>%1, line %2, column %3</source>
        <translation>%1, dòng %2, cột %3</translation>
    </message>
    <message>
        <source>%1: the section &quot;%2&quot; is written twice; each section appears once in a file.</source>
        <translation>%1: phần &quot;%2&quot; được ghi hai lần; mỗi phần chỉ xuất hiện một lần trong tệp.</translation>
    </message>
    <message>
        <source>%1: the file is not UTF-8 text here; it was probably saved in another encoding. Save it as UTF-8.</source>
        <translation>%1: tại đây tệp không phải văn bản UTF-8; có lẽ tệp được lưu bằng bảng mã khác. Hãy lưu lại dưới dạng UTF-8.</translation>
    </message>
    <message>
        <source>%1: this is not valid JSON here (is the file cut short, or a comma or bracket missing?).</source>
        <translation>%1: tại đây không phải JSON hợp lệ (tệp bị cắt cụt, hay thiếu dấu phẩy hoặc dấu ngoặc?).</translation>
    </message>
    <message>
        <source>Nothing was imported: the file &quot;%1&quot; already exists. Choose a new name for the database the import makes.</source>
        <translation>Không có dữ liệu nào được nhập: tệp &quot;%1&quot; đã có. Hãy chọn một tên mới cho cơ sở dữ liệu mà lần nhập này tạo ra.</translation>
    </message>
    <message>
        <source>Nothing was imported: could not write the file &quot;%1&quot;: %2</source>
        <translation>Không có dữ liệu nào được nhập: không ghi được tệp &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Nothing was imported: another program opened the new database while it was being written.</source>
        <translation>Không có dữ liệu nào được nhập: một chương trình khác đã mở cơ sở dữ liệu mới trong lúc đang ghi.</translation>
    </message>
    <message>
        <source>Nothing was imported: the database could not be saved as &quot;%1&quot; (does that file exist now?).</source>
        <translation>Không có dữ liệu nào được nhập: không lưu được cơ sở dữ liệu thành &quot;%1&quot; (tệp đó vừa có rồi chăng?).</translation>
    </message>
    <message>
        <source>is not an office id: &quot;%1&quot;</source>
        <translation>không phải là mã cơ quan: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>an office whose letterhead has no name</source>
        <translation>một cơ quan chưa ghi tên trên tiêu đề văn bản</translation>
    </message>
    <message>
        <source>The file&apos;s office, %1, was taken before as this office&apos;s own (--same-office): its records are matched by key, and it cannot now be imported as another office&apos;s.</source>
        <translation>Cơ quan lập tệp, %1, trước đây đã được nhận là chính cơ quan này (--same-office): các bản ghi được khớp theo mã, nên nay không thể nhập như tệp của cơ quan khác.</translation>
    </message>
    <message>
        <source>The file&apos;s office, %1, was imported before as another office (--other-office): its records here have keys of their own, and it cannot now be taken as this office&apos;s.</source>
        <translation>Cơ quan lập tệp, %1, trước đây đã được nhập như một cơ quan khác (--other-office): các bản ghi của cơ quan đó ở đây có mã riêng, nên nay không thể nhận là của cơ quan này.</translation>
    </message>
    <message>
        <source>The file was written by a database with the same name as this office, %1: probably a database of this office made before offices had ids (a second database, a copy moved to PostgreSQL, an old backup restored). If it is, import it with --same-office: its records are matched by key and its later files need no option. If it is another office&apos;s, import it with --other-office.</source>
        <translation>Tệp do một cơ sở dữ liệu cùng tên với cơ quan này, %1, lập: nhiều khả năng là một cơ sở dữ liệu của chính cơ quan này lập trước khi cơ quan có mã (cơ sở dữ liệu thứ hai, bản chuyển sang PostgreSQL, một bản sao lưu cũ đã khôi phục). Nếu đúng vậy, hãy nhập với --same-office: các bản ghi được khớp theo mã và các tệp sau không cần tùy chọn nữa. Nếu là của cơ quan khác, hãy nhập với --other-office.</translation>
    </message>
    <message>
        <source>The file was written by another office, %1, or by a database of this office that is not known here. Say whose it is: --same-office if it is this office&apos;s own (a second database, a copy moved to PostgreSQL, an old backup restored): its records are matched by key; --other-office if it is another office&apos;s: its records are kept apart, under new keys where theirs are used here. Either way its later files need no option.</source>
        <translation>Tệp do một cơ quan khác, %1, lập, hoặc do một cơ sở dữ liệu của cơ quan này mà ở đây chưa biết. Hãy cho biết tệp của ai: --same-office nếu là của chính cơ quan này (cơ sở dữ liệu thứ hai, bản chuyển sang PostgreSQL, một bản sao lưu cũ đã khôi phục): các bản ghi được khớp theo mã; --other-office nếu là của cơ quan khác: các bản ghi được giữ riêng, cấp mã mới cho những bản ghi có mã đã được dùng ở đây. Cả hai cách, các tệp sau của cơ quan đó không cần tùy chọn nữa.</translation>
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
    <message>
        <source>is required (true or false)</source>
        <translation>là bắt buộc (true hoặc false)</translation>
    </message>
    <message>
        <source>is %1, outside the dates a file may hold (%2-01-01 to %3-12-31)</source>
        <translation>là %1, nằm ngoài khoảng ngày tệp được phép ghi (%2-01-01 đến %3-12-31)</translation>
    </message>
    <message>
        <source>must be a year from %1 to %2, not %3</source>
        <translation>phải là một năm từ %1 đến %2, không phải %3</translation>
    </message>
    <message>
        <source>is not a known field; did you mean &quot;%1&quot;?</source>
        <translation>không phải là trường hợp lệ; có phải ý bạn là &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>is not a known field here (known: %1)</source>
        <translation>không phải là trường hợp lệ ở đây (các trường hợp lệ: %1)</translation>
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
    <message>
        <source>must be &quot;vinhdanh-movement&quot;</source>
        <translation>phải là &quot;vinhdanh-movement&quot;</translation>
    </message>
    <message>
        <source>must be 1: this program reads movement format version 1 only</source>
        <translation>phải là 1: chương trình chỉ đọc định dạng phong trào phiên bản 1</translation>
    </message>
    <message>
        <source>%1: a movement file is one JSON object (docs/movement-format.md).</source>
        <translation>%1: tệp phong trào phải là một đối tượng JSON (xem docs/movement-format.md).</translation>
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
    <message>
        <source>preparing proposal dossiers</source>
        <translation>lập hồ sơ đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>appraising proposal dossiers</source>
        <translation>thẩm định hồ sơ đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>recording council sittings</source>
        <translation>ghi nhận phiên họp Hội đồng</translation>
    </message>
    <message>
        <source>drafting decisions</source>
        <translation>dự thảo quyết định</translation>
    </message>
    <message>
        <source>issuing decisions</source>
        <translation>ban hành quyết định</translation>
    </message>
    <message>
        <source>changing bonus and voting data</source>
        <translation>sửa dữ liệu tiền thưởng và biểu quyết</translation>
    </message>
    <message>
        <source>changing the letterhead of documents</source>
        <translation>sửa thông tin phần đầu văn bản</translation>
    </message>
    <message>
        <source>importing or retiring rule sets</source>
        <translation>nhập hoặc ngừng sử dụng bộ quy tắc</translation>
    </message>
    <message>
        <source>exporting CCCD numbers and birth dates</source>
        <translation>xuất số CCCD và ngày sinh</translation>
    </message>
    <message>
        <source>The account %1 may only see the people and units of %2 and its sub-units.</source>
        <translation>Tài khoản %1 chỉ được xem cá nhân và đơn vị thuộc %2 và các đơn vị trực thuộc.</translation>
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
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Thư mục</translation>
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
    <name>QCommandLineParser</name>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>Hiện hướng dẫn về các tùy chọn dòng lệnh.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>Hiện hướng dẫn, kể cả các tùy chọn riêng của Qt.</translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation>Hiện thông tin phiên bản.</translation>
    </message>
    <message>
        <source>Usage: %1</source>
        <translation>Cách dùng: %1</translation>
    </message>
    <message>
        <source>[options]</source>
        <translation>[tùy chọn]</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Tùy chọn:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Đối số:</translation>
    </message>
    <message>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>Không có tùy chọn &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unknown options: %1.</source>
        <translation>Không có các tùy chọn: %1.</translation>
    </message>
    <message>
        <source>Missing value after &apos;%1&apos;.</source>
        <translation>Thiếu giá trị sau &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>Unexpected value after &apos;%1&apos;.</source>
        <translation>Không nhận giá trị sau &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Job</source>
        <translation>Lệnh in</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translation>Điều khiển lệnh in</translation>
    </message>
    <message>
        <source>Scheduled printing:</source>
        <translation>Hẹn giờ in:</translation>
    </message>
    <message>
        <source>Billing information:</source>
        <translation>Thông tin tính phí:</translation>
    </message>
    <message>
        <source>Job priority:</source>
        <translation>Mức ưu tiên:</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>Trang bìa</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>In ngay</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>Giữ lại, chưa in</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>Ban ngày (06:00 đến 17:59)</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>Ban đêm (18:00 đến 05:59)</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>Ca hai (16:00 đến 23:59)</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>Ca ba (00:00 đến 07:59)</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>Cuối tuần (thứ Bảy đến Chủ nhật)</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>Vào giờ đã định</translation>
    </message>
    <message>
        <source>End:</source>
        <comment>Banner page at end</comment>
        <translation>Cuối:</translation>
    </message>
    <message>
        <source>Start:</source>
        <comment>Banner page at start</comment>
        <translation>Đầu:</translation>
    </message>
    <message>
        <source>None</source>
        <comment>CUPS Banner page</comment>
        <translation>Không có</translation>
    </message>
    <message>
        <source>Standard</source>
        <comment>CUPS Banner page</comment>
        <translation>Tiêu chuẩn</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <comment>CUPS Banner page</comment>
        <translation>Không phân loại</translation>
    </message>
    <message>
        <source>Confidential</source>
        <comment>CUPS Banner page</comment>
        <translation>Hạn chế</translation>
    </message>
    <message>
        <source>Classified</source>
        <comment>CUPS Banner page</comment>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Secret</source>
        <comment>CUPS Banner page</comment>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <comment>CUPS Banner page</comment>
        <translation>Tuyệt mật</translation>
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
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>Tệp %1</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Các vị trí và dấu trang</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Các tệp</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Hiện cột </translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; đang được bảo vệ chống ghi.
Vẫn xóa?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
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
        <source>Date Modified</source>
        <translation>Ngày sửa đổi</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Loại</translation>
    </message>
</context>
<context>
    <name>QIODevice</name>
    <message>
        <source>Permission denied</source>
        <translation>Không có quyền truy cập</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>Mở quá nhiều tệp cùng lúc</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Không có tệp hoặc thư mục này</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>Ổ đĩa đã hết chỗ trống</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Nhập giá trị:</translation>
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
    <name>QPageSetupWidget</name>
    <message>
        <source>Paper</source>
        <translation>Giấy</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Rộng:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Cao:</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>Khay giấy:</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Hướng giấy</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Ngang</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>Ngang (đảo chiều)</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>Dọc (đảo chiều)</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Lề</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>lề trên</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>lề trái</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>lề phải</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>lề dưới</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>Bố cục trang</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translation>Thứ tự trang:</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translation>Số trang trên một tờ:</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>Milimét (mm)</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>Inch (in)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>Point (pt)</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>Pica (P̸)</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>Didot (DD)</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translation>Cicero (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
</context>
<context>
    <name>QPageSize</name>
    <message>
        <source>Letter / ANSI A</source>
        <translation>Letter / ANSI A</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>Legal</translation>
    </message>
    <message>
        <source>Executive (7.5 x 10 in)</source>
        <translation>Executive (7.5 x 10 in)</translation>
    </message>
    <message>
        <source>Envelope C5</source>
        <translation>Phong bì C5</translation>
    </message>
    <message>
        <source>Envelope US 10</source>
        <translation>Phong bì US 10</translation>
    </message>
    <message>
        <source>Envelope DL</source>
        <translation>Phong bì DL</translation>
    </message>
    <message>
        <source>Folio (8.27 x 13 in)</source>
        <translation>Folio (8.27 x 13 in)</translation>
    </message>
    <message>
        <source>Ledger / ANSI B</source>
        <translation>Ledger / ANSI B</translation>
    </message>
    <message>
        <source>Tabloid / ANSI B</source>
        <translation>Tabloid / ANSI B</translation>
    </message>
    <message>
        <source>A3 Extra</source>
        <translation>A3 Extra</translation>
    </message>
    <message>
        <source>A4 Extra</source>
        <translation>A4 Extra</translation>
    </message>
    <message>
        <source>A4 Plus</source>
        <translation>A4 Plus</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4 Small</translation>
    </message>
    <message>
        <source>A5 Extra</source>
        <translation>A5 Extra</translation>
    </message>
    <message>
        <source>B5 Extra</source>
        <translation>B5 Extra</translation>
    </message>
    <message>
        <source>Legal Extra</source>
        <translation>Legal Extra</translation>
    </message>
    <message>
        <source>Letter Extra</source>
        <translation>Letter Extra</translation>
    </message>
    <message>
        <source>Letter Plus</source>
        <translation>Letter Plus</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>Letter Small</translation>
    </message>
    <message>
        <source>Tabloid Extra</source>
        <translation>Tabloid Extra</translation>
    </message>
    <message>
        <source>Architect A</source>
        <translation>Architect A</translation>
    </message>
    <message>
        <source>Architect B</source>
        <translation>Architect B</translation>
    </message>
    <message>
        <source>Architect C</source>
        <translation>Architect C</translation>
    </message>
    <message>
        <source>Architect D</source>
        <translation>Architect D</translation>
    </message>
    <message>
        <source>Architect E</source>
        <translation>Architect E</translation>
    </message>
    <message>
        <source>%1 x %2 in</source>
        <translation>%1 x %2 in</translation>
    </message>
    <message>
        <source>Executive (7.25 x 10.5 in)</source>
        <translation>Executive (7.25 x 10.5 in)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note (giấy ghi chú)</translation>
    </message>
    <message>
        <source>Quarto</source>
        <translation>Quarto</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>Super A</source>
        <translation>Super A</translation>
    </message>
    <message>
        <source>Super B</source>
        <translation>Super B</translation>
    </message>
    <message>
        <source>Postcard</source>
        <translation>Bưu thiếp</translation>
    </message>
    <message>
        <source>Double Postcard</source>
        <translation>Bưu thiếp đôi</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K Big</translation>
    </message>
    <message>
        <source>Fan-fold US (14.875 x 11 in)</source>
        <translation>Fan-fold US (14.875 x 11 in)</translation>
    </message>
    <message>
        <source>Fan-fold German (8.5 x 12 in)</source>
        <translation>Fan-fold German (8.5 x 12 in)</translation>
    </message>
    <message>
        <source>Fan-fold German Legal (8.5 x 13 in)</source>
        <translation>Fan-fold German Legal (8.5 x 13 in)</translation>
    </message>
    <message>
        <source>Envelope B4</source>
        <translation>Phong bì B4</translation>
    </message>
    <message>
        <source>Envelope B5</source>
        <translation>Phong bì B5</translation>
    </message>
    <message>
        <source>Envelope B6</source>
        <translation>Phong bì B6</translation>
    </message>
    <message>
        <source>Envelope C0</source>
        <translation>Phong bì C0</translation>
    </message>
    <message>
        <source>Envelope C1</source>
        <translation>Phong bì C1</translation>
    </message>
    <message>
        <source>Envelope C2</source>
        <translation>Phong bì C2</translation>
    </message>
    <message>
        <source>Envelope C3</source>
        <translation>Phong bì C3</translation>
    </message>
    <message>
        <source>Envelope C4</source>
        <translation>Phong bì C4</translation>
    </message>
    <message>
        <source>Envelope C6</source>
        <translation>Phong bì C6</translation>
    </message>
    <message>
        <source>Envelope C65</source>
        <translation>Phong bì C65</translation>
    </message>
    <message>
        <source>Envelope C7</source>
        <translation>Phong bì C7</translation>
    </message>
    <message>
        <source>Envelope US 9</source>
        <translation>Phong bì US 9</translation>
    </message>
    <message>
        <source>Envelope US 11</source>
        <translation>Phong bì US 11</translation>
    </message>
    <message>
        <source>Envelope US 12</source>
        <translation>Phong bì US 12</translation>
    </message>
    <message>
        <source>Envelope US 14</source>
        <translation>Phong bì US 14</translation>
    </message>
    <message>
        <source>Envelope Monarch</source>
        <translation>Phong bì Monarch</translation>
    </message>
    <message>
        <source>Envelope Personal</source>
        <translation>Phong bì Personal</translation>
    </message>
    <message>
        <source>Envelope Chou 3</source>
        <translation>Phong bì Chou 3</translation>
    </message>
    <message>
        <source>Envelope Chou 4</source>
        <translation>Phong bì Chou 4</translation>
    </message>
    <message>
        <source>Envelope Invite</source>
        <translation>Phong bì Invite</translation>
    </message>
    <message>
        <source>Envelope Italian</source>
        <translation>Phong bì Italian</translation>
    </message>
    <message>
        <source>Envelope Kaku 2</source>
        <translation>Phong bì Kaku 2</translation>
    </message>
    <message>
        <source>Envelope Kaku 3</source>
        <translation>Phong bì Kaku 3</translation>
    </message>
    <message>
        <source>Envelope PRC 1</source>
        <translation>Phong bì PRC 1</translation>
    </message>
    <message>
        <source>Envelope PRC 2</source>
        <translation>Phong bì PRC 2</translation>
    </message>
    <message>
        <source>Envelope PRC 3</source>
        <translation>Phong bì PRC 3</translation>
    </message>
    <message>
        <source>Envelope PRC 4</source>
        <translation>Phong bì PRC 4</translation>
    </message>
    <message>
        <source>Envelope PRC 5</source>
        <translation>Phong bì PRC 5</translation>
    </message>
    <message>
        <source>Envelope PRC 6</source>
        <translation>Phong bì PRC 6</translation>
    </message>
    <message>
        <source>Envelope PRC 7</source>
        <translation>Phong bì PRC 7</translation>
    </message>
    <message>
        <source>Envelope PRC 8</source>
        <translation>Phong bì PRC 8</translation>
    </message>
    <message>
        <source>Envelope PRC 9</source>
        <translation>Phong bì PRC 9</translation>
    </message>
    <message>
        <source>Envelope PRC 10</source>
        <translation>Phong bì PRC 10</translation>
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
    <message>
        <source>All Pages</source>
        <translation>Tất cả các trang</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Các trang lẻ</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Các trang chẵn</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Tệp trên máy</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>Ghi tệp PDF</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>Trái sang phải, trên xuống dưới</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>Trái sang phải, dưới lên trên</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>Phải sang trái, dưới lên trên</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>Phải sang trái, trên xuống dưới</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>Dưới lên trên, trái sang phải</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>Dưới lên trên, phải sang trái</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>Trên xuống dưới, trái sang phải</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>Trên xuống dưới, phải sang trái</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 là một thư mục.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 đã có.
Ghi đè lên tệp đó?</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>Không ghi được vào tệp %1.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>Không dùng được cùng lúc &apos;Số trang trên một tờ&apos; và &apos;In các trang&apos;.
Hãy bỏ một trong hai tùy chọn.</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>In ra tệp...</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Ghi số trang chưa đúng</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 chưa đúng cách ghi. Hãy dùng &apos;,&apos; để ngăn cách các trang và khoảng trang, &apos;-&apos; để ghi một khoảng trang, và các khoảng không được chồng lên nhau.</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Thiết lập in hai mặt xung đột</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Thiết lập in hai mặt có xung đột. Sửa lại?</translation>
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
    <message>
        <source>Page Setup</source>
        <translation>Thiết lập trang</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>Xem từng trang</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>Xem hai trang đối diện</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>Xem toàn bộ các trang</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Printer Properties</source>
        <translation>Thuộc tính máy in</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translation>Tùy chọn lệnh in</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>Thiết lập trang xung đột</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>Thiết lập trang có xung đột. Sửa lại?</translation>
    </message>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>Tùy chọn nâng cao xung đột</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>Một số tùy chọn nâng cao có xung đột. Sửa lại?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Nâng cao</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Một số tùy chọn có xung đột. Hãy sửa lại.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Print range</source>
        <translation>Phạm vi in</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>In tất cả</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>In từ trang</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến trang</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Các trang</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; khoảng trang là hai số nối bằng dấu gạch ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Trang hiện tại</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Phần đã chọn</translation>
    </message>
    <message>
        <source>Page Set:</source>
        <translation>In các trang:</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Thiết lập bản in</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <source>Collate</source>
        <translation>Sắp theo bộ</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>In ngược thứ tự</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Chế độ màu</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Đen trắng</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>In hai mặt</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Lật theo cạnh dài</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Lật theo cạnh ngắn</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Tùy chọn</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Tê&amp;n máy in:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>Th&amp;uộc tính</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Vị trí:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>Tệp &amp;kết quả:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
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
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Cuộn sang phải</translation>
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
    <name>SelfCheck</name>
    <message>
        <source>the trigger %1 on %2 is missing</source>
        <translation>thiếu trigger %1 trên bảng %2</translation>
    </message>
    <message>
        <source>the trigger %1 on %2 was altered</source>
        <translation>trigger %1 trên bảng %2 đã bị sửa</translation>
    </message>
    <message>
        <source>the file&apos;s integrity check (quick_check) reports: %1</source>
        <translation>kiểm tra toàn vẹn tệp (quick_check) báo: %1</translation>
    </message>
    <message>
        <source>an unknown trigger %1 on %2 imitates the program&apos;s own</source>
        <translation>một trigger lạ %1 trên bảng %2 giả dạng trigger của chương trình</translation>
    </message>
    <message>
        <source>triggers are switched off for this connection (session_replication_role is %1)</source>
        <translation>các trigger bị tắt cho kết nối này (session_replication_role là %1)</translation>
    </message>
    <message>
        <source>the function %1 is missing</source>
        <translation>thiếu hàm %1</translation>
    </message>
    <message>
        <source>the function %1 was altered</source>
        <translation>hàm %1 đã bị sửa</translation>
    </message>
    <message>
        <source>the trigger %1 on %2 is disabled</source>
        <translation>trigger %1 trên bảng %2 đã bị vô hiệu hóa</translation>
    </message>
    <message numerus="yes">
        <source>%1; and %n more</source>
        <translation>
            <numerusform>%1; và %n vấn đề khác</numerusform>
        </translation>
    </message>
    <message>
        <source>This database failed its check on opening, so it is open read-only and nothing can be changed: %1. Its protections may have been removed with another tool. Restore it from a backup: File ▸ Restore from a backup… or vinhdanh-cli restore.</source>
        <translation>Cơ sở dữ liệu này không qua được bước tự kiểm tra khi mở, nên được mở ở chế độ chỉ đọc và không thể thay đổi gì: %1. Các lớp bảo vệ của nó có thể đã bị gỡ bằng một công cụ khác. Hãy khôi phục từ bản sao lưu: Tệp ▸ Khôi phục từ bản sao lưu… hoặc vinhdanh-cli restore.</translation>
    </message>
</context>
<context>
    <name>StrictJson</name>
    <message>
        <source>%1, line %2, column %3</source>
        <translation>%1, dòng %2, cột %3</translation>
    </message>
    <message>
        <source>appears twice in this object (first on line %1); each field is written once</source>
        <translation>xuất hiện hai lần trong cùng một đối tượng (lần đầu ở dòng %1); mỗi trường chỉ được ghi một lần</translation>
    </message>
    <message>
        <source>nests lists and objects more than %1 levels deep</source>
        <translation>lồng danh sách và đối tượng sâu quá %1 cấp</translation>
    </message>
    <message>
        <source>contains the control character U+%1; a text may hold tabs and line breaks but no other control character</source>
        <translation>chứa ký tự điều khiển U+%1; văn bản chỉ được chứa ký tự tab và xuống dòng, không được chứa ký tự điều khiển nào khác</translation>
    </message>
    <message>
        <source>is too long for a field name (over %1 characters)</source>
        <translation>quá dài đối với tên trường (hơn %1 ký tự)</translation>
    </message>
    <message>
        <source>is %1 characters long; the limit for this field is %2</source>
        <translation>dài %1 ký tự; giới hạn của trường này là %2 ký tự</translation>
    </message>
    <message>
        <source>the control character U+%1 is written as it is inside a text; write a line break as \n and a tab as \t (no other control character is allowed)</source>
        <translation>ký tự điều khiển U+%1 được ghi trực tiếp trong văn bản; hãy ghi xuống dòng là \n và tab là \t (không được dùng ký tự điều khiển nào khác)</translation>
    </message>
    <message>
        <source>the file holds no JSON value</source>
        <translation>tệp không chứa giá trị JSON nào</translation>
    </message>
    <message>
        <source>there is more text after the end of the JSON document</source>
        <translation>còn nội dung thừa sau khi tài liệu JSON đã kết thúc</translation>
    </message>
    <message>
        <source>a value is expected here: a text in double quotes, a number, true, false, null, an object {…} or a list […]</source>
        <translation>cần một giá trị tại đây: văn bản trong dấu ngoặc kép, số, true, false, null, đối tượng {…} hoặc danh sách […]</translation>
    </message>
    <message>
        <source>a field name in double quotes is expected here (is there a comma too many before it?)</source>
        <translation>cần tên trường trong dấu ngoặc kép tại đây (có thừa dấu phẩy phía trước không?)</translation>
    </message>
    <message>
        <source>a colon &apos;:&apos; is expected after the field name</source>
        <translation>cần dấu hai chấm &apos;:&apos; sau tên trường</translation>
    </message>
    <message>
        <source>a comma &apos;,&apos; or a closing brace &apos;}&apos; is expected here</source>
        <translation>cần dấu phẩy &apos;,&apos; hoặc dấu đóng ngoặc nhọn &apos;}&apos; tại đây</translation>
    </message>
    <message>
        <source>a comma &apos;,&apos; or a closing bracket &apos;]&apos; is expected here</source>
        <translation>cần dấu phẩy &apos;,&apos; hoặc dấu đóng ngoặc vuông &apos;]&apos; tại đây</translation>
    </message>
    <message>
        <source>\u must be followed by four hexadecimal digits</source>
        <translation>sau \u phải có bốn chữ số thập lục phân</translation>
    </message>
    <message>
        <source>a \u escape holds half a character (an unpaired surrogate)</source>
        <translation>chuỗi thoát \u chỉ chứa một nửa ký tự (thiếu nửa còn lại của cặp mã UTF-16)</translation>
    </message>
    <message>
        <source>a backslash &apos;\&apos; starts an unknown escape (write \\ for a backslash)</source>
        <translation>dấu gạch chéo ngược &apos;\&apos; mở đầu một chuỗi thoát không hợp lệ (muốn ghi dấu gạch chéo ngược, hãy viết \\)</translation>
    </message>
    <message>
        <source>a text is not closed by a double quote</source>
        <translation>văn bản chưa được đóng bằng dấu ngoặc kép</translation>
    </message>
    <message>
        <source>the number is too big</source>
        <translation>số quá lớn</translation>
    </message>
    <message>
        <source>digits are expected after the decimal point</source>
        <translation>cần chữ số sau dấu thập phân</translation>
    </message>
    <message>
        <source>digits are expected in the exponent of the number</source>
        <translation>cần chữ số ở phần số mũ</translation>
    </message>
    <message>
        <source>the JSON syntax is wrong here</source>
        <translation>cú pháp JSON sai tại đây</translation>
    </message>
    <message>
        <source>%1: the file is empty.</source>
        <translation>%1: tệp trống.</translation>
    </message>
    <message>
        <source>%1 is saved as %2 text; Vinh Danh reads UTF-8 only. Open it in a text editor and save it as UTF-8.</source>
        <translation>%1 được lưu dưới dạng văn bản %2; Vinh Danh chỉ đọc UTF-8. Hãy mở tệp bằng trình soạn thảo văn bản và lưu lại dưới dạng UTF-8.</translation>
    </message>
    <message>
        <source>%1: the file is not UTF-8 text (the byte 0x%2 is not UTF-8); it was probably saved in another encoding such as Windows-1258, TCVN3 or VNI. Save it as UTF-8.</source>
        <translation>%1: tệp không phải văn bản UTF-8 (byte 0x%2 không thuộc UTF-8); có lẽ tệp được lưu theo bảng mã khác như Windows-1258, TCVN3 hoặc VNI. Hãy lưu lại dưới dạng UTF-8.</translation>
    </message>
    <message>
        <source>%1: this is not valid JSON: %2.</source>
        <translation>%1: đây không phải JSON hợp lệ: %2.</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; %3.</source>
        <translation>%1: trường &quot;%2&quot; %3.</translation>
    </message>
    <message>
        <source>%1: %2: &quot;%3&quot; %4.</source>
        <translation>%1: %2: trường &quot;%3&quot; %4.</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Rows are counted from 1, as the spreadsheet numbers them; there is no row %1.</source>
        <translation>Các dòng được đánh số từ 1 như trên bảng tính; không có dòng %1.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; is empty: it has no row %2 to read as the header.</source>
        <translation>Trang &quot;%1&quot; không có dữ liệu: không có dòng %2 để làm dòng tiêu đề.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; ends at row %2; row %3 cannot be its header row.</source>
        <translation>Trang &quot;%1&quot; chỉ đến dòng %2; dòng %3 không thể là dòng tiêu đề.</translation>
    </message>
    <message>
        <source>Row %1 of the sheet &quot;%2&quot; is empty; choose the row that holds the column headers.</source>
        <translation>Dòng %1 của trang &quot;%2&quot; để trống; hãy chọn dòng ghi tiêu đề các cột.</translation>
    </message>
    <message>
        <source>Row %1, chosen as the header, has no full-name column. Name that column &quot;Họ và tên&quot; in the column mapping, or choose another header row.</source>
        <translation>Dòng %1, được chọn làm dòng tiêu đề, không có cột họ và tên. Hãy ghép cột đó là &quot;Họ và tên&quot; trong phần cách ghép cột, hoặc chọn dòng tiêu đề khác.</translation>
    </message>
    <message>
        <source>Row %1, chosen as the header, has no unit-name column. Name that column &quot;Tên đơn vị&quot; in the column mapping, or choose another header row.</source>
        <translation>Dòng %1, được chọn làm dòng tiêu đề, không có cột tên đơn vị. Hãy ghép cột đó là &quot;Tên đơn vị&quot; trong phần cách ghép cột, hoặc chọn dòng tiêu đề khác.</translation>
    </message>
    <message>
        <source>Row %1, chosen as the header, names no column saying who the records are about (&quot;Họ và tên&quot;, &quot;Mã&quot; or &quot;Tập thể&quot;). Name that column in the column mapping, or choose another header row.</source>
        <translation>Dòng %1, được chọn làm dòng tiêu đề, không có cột cho biết hồ sơ là của ai (&quot;Họ và tên&quot;, &quot;Mã&quot; hoặc &quot;Tập thể&quot;). Hãy ghép cột đó trong phần cách ghép cột, hoặc chọn dòng tiêu đề khác.</translation>
    </message>
    <message>
        <source>Row %1, chosen as the header, has no name column. Name that column &quot;Họ và tên&quot; (or &quot;Tên tập thể&quot;) in the column mapping, or choose another header row.</source>
        <translation>Dòng %1, được chọn làm dòng tiêu đề, không có cột tên. Hãy ghép cột đó là &quot;Họ và tên&quot; (hoặc &quot;Tên tập thể&quot;) trong phần cách ghép cột, hoặc chọn dòng tiêu đề khác.</translation>
    </message>
    <message>
        <source>The text encoding cannot be changed without reading the file again.</source>
        <translation>Không thể đổi bảng mã chữ mà không đọc lại tệp.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a real date (day %2 of month %3 in %4 does not exist).</source>
        <translation>&quot;%1&quot; không phải ngày có thật (không có ngày %2 tháng %3 năm %4).</translation>
    </message>
    <message>
        <source>The cell holds a date Excel itself cannot show (%1).</source>
        <translation>Ô chứa một ngày mà chính Excel cũng không hiển thị được (%1).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date.</source>
        <translation>&quot;%1&quot; không phải là ngày.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole date; write it as day/month/year, e.g. 31/12/1980.</source>
        <translation>&quot;%1&quot; không phải ngày đầy đủ; hãy ghi theo ngày/tháng/năm, ví dụ 31/12/1980.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a two-digit year; write the year with four digits, e.g. 31/12/1980.</source>
        <translation>&quot;%1&quot; ghi năm hai chữ số; hãy ghi năm đủ bốn chữ số, ví dụ 31/12/1980.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date; write it as day/month/year, e.g. 31/12/1980.</source>
        <translation>&quot;%1&quot; không phải là ngày; hãy ghi theo ngày/tháng/năm, ví dụ 31/12/1980.</translation>
    </message>
    <message>
        <source>The file has more than %1 cells; split the list into several files.</source>
        <translation>Tệp có hơn %1 ô; hãy tách danh sách thành nhiều tệp.</translation>
    </message>
    <message>
        <source>The file has more rows than a spreadsheet can hold (%1); split the list into several files.</source>
        <translation>Tệp có nhiều dòng hơn mức một bảng tính chứa được (%1); hãy tách danh sách thành nhiều tệp.</translation>
    </message>
    <message>
        <source>The file is not a text table (CSV): it holds binary data. Open it in Excel and save it as .xlsx or as &quot;CSV UTF-8&quot;.</source>
        <translation>Tệp không phải bảng văn bản (CSV): tệp chứa dữ liệu nhị phân. Hãy mở bằng Excel và lưu thành .xlsx hoặc &quot;CSV UTF-8&quot;.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 and this installation cannot read the Windows-1258 code page. Save it from Excel as &quot;CSV UTF-8&quot; or as .xlsx.</source>
        <translation>Tệp không ở dạng UTF-8 và bản cài đặt này không đọc được bảng mã Windows-1258. Hãy lưu lại từ Excel thành &quot;CSV UTF-8&quot; hoặc .xlsx.</translation>
    </message>
    <message>
        <source>The file ends inside a quoted field that starts on row %1: a quote (&quot;) is never closed. The file may be cut short.</source>
        <translation>Tệp kết thúc giữa một ô trong ngoặc kép bắt đầu ở dòng %1: dấu ngoặc kép (&quot;) không được đóng. Tệp có thể bị cắt cụt.</translation>
    </message>
    <message>
        <source>The workbook is damaged or cut short (it may not have been copied or downloaded completely). Open it in Excel and save it again as .xlsx.</source>
        <translation>Tệp bảng tính bị hỏng hoặc bị cắt cụt (có thể chưa được sao chép hay tải về đầy đủ). Hãy mở bằng Excel và lưu lại thành .xlsx.</translation>
    </message>
    <message>
        <source>The file is not an XLSX workbook, or it is cut short: its zip directory is missing. Open it in Excel and save it again as .xlsx.</source>
        <translation>Tệp không phải bảng tính XLSX, hoặc bị cắt cụt: thiếu mục lục nén. Hãy mở bằng Excel và lưu lại thành .xlsx.</translation>
    </message>
    <message>
        <source>The workbook is password-protected. Open it in Excel, remove the password (File ▸ Info ▸ Protect Workbook) and save it again as .xlsx.</source>
        <translation>Tệp bảng tính có mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (File ▸ Info ▸ Protect Workbook) và lưu lại thành .xlsx.</translation>
    </message>
    <message>
        <source>The workbook would take more than %1 MB once unpacked; it is refused as too large or as a zip bomb. Split the list into several files.</source>
        <translation>Tệp bảng tính khi giải nén sẽ lớn hơn %1 MB; bị từ chối vì quá lớn hoặc là bom nén. Hãy tách danh sách thành nhiều tệp.</translation>
    </message>
    <message>
        <source>The workbook is refused: its part &quot;%1&quot; unpacks to %2 times its packed size, which real spreadsheets never do (a zip bomb).</source>
        <translation>Tệp bảng tính bị từ chối: phần &quot;%1&quot; giải nén ra gấp %2 lần kích thước nén, điều bảng tính thật không bao giờ có (bom nén).</translation>
    </message>
    <message>
        <source>The file is not a valid XLSX workbook: its part &quot;%1&quot; is missing. Open it in Excel and save it again as .xlsx.</source>
        <translation>Tệp không phải bảng tính XLSX hợp lệ: thiếu phần &quot;%1&quot;. Hãy mở bằng Excel và lưu lại thành .xlsx.</translation>
    </message>
    <message>
        <source>The workbook is refused: its part &quot;%1&quot; declares a document type (DOCTYPE), which Excel never writes and which can hide an XML entity attack.</source>
        <translation>Tệp bảng tính bị từ chối: phần &quot;%1&quot; khai báo kiểu tài liệu (DOCTYPE), điều Excel không bao giờ ghi và có thể che giấu tấn công thực thể XML.</translation>
    </message>
    <message>
        <source>The workbook is damaged: its part &quot;%1&quot; is not well-formed XML. Open it in Excel and save it again as .xlsx.</source>
        <translation>Tệp bảng tính bị hỏng: phần &quot;%1&quot; không phải XML hợp lệ. Hãy mở bằng Excel và lưu lại thành .xlsx.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; has more than %2 cells; split the list into several files.</source>
        <translation>Trang tính &quot;%1&quot; có hơn %2 ô; hãy tách danh sách thành nhiều tệp.</translation>
    </message>
    <message>
        <source>The file is a password-protected workbook or an old Excel 97–2003 (.xls) file, which cannot be read. Open it in Excel, remove any password and save it as .xlsx (Excel Workbook).</source>
        <translation>Tệp là bảng tính có mật khẩu hoặc tệp Excel 97–2003 (.xls) cũ, không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (nếu có) và lưu thành .xlsx (Excel Workbook).</translation>
    </message>
    <message>
        <source>The workbook has no sheets.</source>
        <translation>Tệp bảng tính không có trang tính nào.</translation>
    </message>
    <message>
        <source>The workbook has more than %1 texts; split the list into several files.</source>
        <translation>Tệp bảng tính có hơn %1 chuỗi văn bản; hãy tách danh sách thành nhiều tệp.</translation>
    </message>
    <message>
        <source>%1 (hidden)</source>
        <translation>%1 (ẩn)</translation>
    </message>
    <message>
        <source>The workbook has no visible sheet; name one of: %1.</source>
        <translation>Tệp bảng tính không có trang tính nào đang hiện; hãy chọn một trong: %1.</translation>
    </message>
    <message>
        <source>The workbook has no sheet &quot;%1&quot;; its sheets are: %2.</source>
        <translation>Tệp bảng tính không có trang tính &quot;%1&quot;; các trang tính là: %2.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; has a row numbered %2, outside the 1–%3 rows a sheet can hold, or out of order; the workbook is damaged.</source>
        <translation>Trang tính &quot;%1&quot; có dòng số %2, nằm ngoài khoảng 1–%3 dòng của một trang tính hoặc sai thứ tự; tệp bảng tính bị hỏng.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; has a cell &quot;%2&quot; outside the columns a sheet can hold; the workbook is damaged.</source>
        <translation>Trang tính &quot;%1&quot; có ô &quot;%2&quot; nằm ngoài số cột của một trang tính; tệp bảng tính bị hỏng.</translation>
    </message>
    <message>
        <source>the formula has no computed value; open the file in Excel and save it again.</source>
        <translation>công thức chưa có giá trị đã tính; hãy mở tệp bằng Excel và lưu lại.</translation>
    </message>
    <message>
        <source>The workbook is damaged: cell %1 of sheet &quot;%2&quot; refers to a text that is not there.</source>
        <translation>Tệp bảng tính bị hỏng: ô %1 của trang tính &quot;%2&quot; trỏ tới nội dung không tồn tại.</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: %2.</source>
        <translation>Không mở được &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is larger than %2 MB; split the list into several files.</source>
        <translation>Tệp &quot;%1&quot; lớn hơn %2 MB; hãy tách danh sách thành nhiều tệp.</translation>
    </message>
    <message>
        <source>left out</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <source>the person&apos;s key</source>
        <translation>mã cá nhân</translation>
    </message>
    <message>
        <source>the full name</source>
        <translation>họ và tên</translation>
    </message>
    <message>
        <source>the birth date</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <source>the gender</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>the unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>the position</source>
        <translation>chức vụ</translation>
    </message>
    <message>
        <source>the category</source>
        <translation>đối tượng</translation>
    </message>
    <message>
        <source>the CCCD number</source>
        <translation>số CCCD</translation>
    </message>
    <message>
        <source>the year of the rating</source>
        <translation>năm xếp loại</translation>
    </message>
    <message>
        <source>the rating</source>
        <translation>mức xếp loại</translation>
    </message>
    <message>
        <source>the rating of %1</source>
        <translation>xếp loại năm %1</translation>
    </message>
    <message>
        <source>Cannot open the mapping file &quot;%1&quot;: %2.</source>
        <translation>Không mở được tệp ánh xạ cột &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <source>The mapping file &quot;%1&quot; must be one JSON object: {&quot;column header&quot;: &quot;field&quot;, …}.</source>
        <translation>Tệp ánh xạ cột &quot;%1&quot; phải là một đối tượng JSON: {&quot;tiêu đề cột&quot;: &quot;trường&quot;, …}.</translation>
    </message>
    <message>
        <source>The mapping file names the column &quot;%1&quot;, which row %2 of the sheet does not have.</source>
        <translation>Tệp ánh xạ nêu cột &quot;%1&quot;, nhưng dòng %2 của trang tính không có cột này.</translation>
    </message>
    <message>
        <source>A rating needs both a &quot;Năm&quot; (year) column and a &quot;Xếp loại&quot; (rating) column; the sheet has only one of them. Or use one column per year, such as &quot;Xếp loại 2024&quot;.</source>
        <translation>Xếp loại cần cả cột &quot;Năm&quot; và cột &quot;Xếp loại&quot;; trang tính chỉ có một trong hai. Hoặc dùng mỗi năm một cột, như &quot;Xếp loại 2024&quot;.</translation>
    </message>
    <message>
        <source>the cell holds a yes/no value (%1), not what this column needs.</source>
        <translation>ô chứa giá trị đúng/sai (%1), không phải giá trị cột này cần.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a gender; write Nam or Nữ.</source>
        <translation>&quot;%1&quot; không phải giới tính; hãy ghi Nam hoặc Nữ.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a category; write one of: %2.</source>
        <translation>&quot;%1&quot; không phải đối tượng hợp lệ; hãy ghi một trong: %2.</translation>
    </message>
    <message>
        <source>a 9-digit CMND number, not a 12-digit CCCD number.</source>
        <translation>số CMND 9 chữ số, không phải số CCCD 12 chữ số.</translation>
    </message>
    <message>
        <source>column %1 (%2): %3</source>
        <translation>cột %1 (%2): %3</translation>
    </message>
    <message>
        <source>no unit has the key or the name &quot;%1&quot;.</source>
        <translation>không có đơn vị nào có mã hoặc tên &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>several units are named &quot;%1&quot;; write the unit&apos;s key instead.</source>
        <translation>có nhiều đơn vị cùng tên &quot;%1&quot;; hãy ghi mã đơn vị.</translation>
    </message>
    <message>
        <source>the unit &quot;%1&quot; is outside the units you may edit.</source>
        <translation>đơn vị &quot;%1&quot; nằm ngoài các đơn vị bạn được sửa.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a task rating; write HTXSNV, HTTNV, HTNV or KHTNV, or the words (&quot;Hoàn thành xuất sắc nhiệm vụ&quot;, …).</source>
        <translation>&quot;%1&quot; không phải mức xếp loại; hãy ghi HTXSNV, HTTNV, HTNV hoặc KHTNV, hoặc ghi bằng chữ (&quot;Hoàn thành xuất sắc nhiệm vụ&quot;, …).</translation>
    </message>
    <message>
        <source>a rating needs both its year and its rating on the row.</source>
        <translation>xếp loại cần có cả năm và mức xếp loại trên cùng dòng.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a year.</source>
        <translation>&quot;%1&quot; không phải là năm.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>họ và tên</translation>
    </message>
    <message>
        <source>position</source>
        <translation>chức vụ</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>category</source>
        <translation>đối tượng</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>the birth date changes</source>
        <translation>ngày sinh thay đổi</translation>
    </message>
    <message>
        <source>the CCCD number changes</source>
        <translation>số CCCD thay đổi</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>ngày sinh</translation>
    </message>
    <message>
        <source>CCCD number</source>
        <translation>số CCCD</translation>
    </message>
    <message>
        <source>%1 is written differently on row %2: %3.</source>
        <translation>%1 được ghi khác với dòng %2: %3.</translation>
    </message>
    <message>
        <source>the full name is missing.</source>
        <translation>thiếu họ và tên.</translation>
    </message>
    <message>
        <source>the unit (Đơn vị) is missing.</source>
        <translation>thiếu đơn vị.</translation>
    </message>
    <message>
        <source>the category (Đối tượng) is missing.</source>
        <translation>thiếu đối tượng.</translation>
    </message>
    <message>
        <source>the category (Đối tượng) is missing: the sheet has no such column.</source>
        <translation>thiếu đối tượng: trang tính không có cột Đối tượng.</translation>
    </message>
    <message>
        <source>no person has the key %1.</source>
        <translation>không có người nào mang mã %1.</translation>
    </message>
    <message>
        <source>Columns left out (not recognised): %1.</source>
        <translation>Các cột bỏ qua (không nhận ra): %1.</translation>
    </message>
    <message>
        <source>the key %1 belongs to %2 in the registry, not to %3.</source>
        <translation>mã %1 trong cơ sở dữ liệu là của %2, không phải của %3.</translation>
    </message>
    <message>
        <source>%1 works in a unit outside the units you may edit.</source>
        <translation>%1 công tác ở đơn vị nằm ngoài các đơn vị bạn được sửa.</translation>
    </message>
    <message>
        <source>new person in %1</source>
        <translation>người mới tại %1</translation>
    </message>
    <message>
        <source>more of the person on row %1</source>
        <translation>tiếp thông tin của người ở dòng %1</translation>
    </message>
    <message>
        <source>the same person is already on row %1; give each person one row, or tell namesakes apart by their birth dates or keys.</source>
        <translation>người này đã có ở dòng %1; mỗi người chỉ ghi một dòng, hoặc phân biệt người trùng tên bằng ngày sinh hay mã.</translation>
    </message>
    <message>
        <source>the CCCD number already belongs to %1 in the registry.</source>
        <translation>số CCCD này đã thuộc về %1 trong cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>the same CCCD number is on row %1, for someone else.</source>
        <translation>số CCCD này đã ghi ở dòng %1 cho người khác.</translation>
    </message>
    <message>
        <source>the rating of %1 is also given on row %2, as %3.</source>
        <translation>xếp loại năm %1 cũng được ghi ở dòng %2, là %3.</translation>
    </message>
    <message>
        <source>rating of %1: %2</source>
        <translation>xếp loại năm %1: %2</translation>
    </message>
    <message>
        <source>rating of %1: %2 → %3</source>
        <translation>xếp loại năm %1: %2 → %3</translation>
    </message>
    <message>
        <source>the row is hidden in the sheet</source>
        <translation>dòng đang bị ẩn trong trang tính</translation>
    </message>
    <message>
        <source>already in the registry as written</source>
        <translation>đã có trong cơ sở dữ liệu đúng như tệp</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the sheet have errors; nothing was written. Correct the file (or leave those rows out) and import it again.</source>
        <translation>
            <numerusform>%n dòng của trang tính có lỗi; chưa ghi gì. Hãy sửa tệp (hoặc bỏ các dòng đó) rồi nhập lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1: %2 Nothing was written.</source>
        <translation>Dòng %1: %2 Chưa ghi gì.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Cannot write the file %1.</source>
        <translation>Không thể ghi tệp %1.</translation>
    </message>
    <message>
        <source>new person</source>
        <translation>người mới</translation>
    </message>
    <message>
        <source>changes a person</source>
        <translation>thay đổi thông tin</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>không đổi</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>The sheet has columns 1 to %1; there is no column %2.</source>
        <translation>Trang tính có các cột từ 1 đến %1; không có cột %2.</translation>
    </message>
    <message>
        <source>No column headed &quot;%1&quot; was found in the first %2 rows of the sheet; give the column&apos;s header as written or its number (1 for column A).</source>
        <translation>Không tìm thấy cột có tiêu đề &quot;%1&quot; trong %2 dòng đầu của trang tính; hãy ghi tiêu đề cột như trong tệp hoặc số thứ tự của cột (1 là cột A).</translation>
    </message>
    <message>
        <source>Column %1 &quot;%2&quot;: %3, as chosen; %4 cells converted to Unicode.</source>
        <translation>Cột %1 &quot;%2&quot;: %3, theo lựa chọn; đã chuyển %4 ô sang Unicode.</translation>
    </message>
    <message>
        <source>Column %1 &quot;%2&quot;: %3, confidence %4%; %5 cells converted to Unicode.</source>
        <translation>Cột %1 &quot;%2&quot;: %3, tin cậy %4%; đã chuyển %5 ô sang Unicode.</translation>
    </message>
    <message>
        <source>the unit&apos;s key</source>
        <translation>mã đơn vị</translation>
    </message>
    <message>
        <source>the unit&apos;s name</source>
        <translation>tên đơn vị</translation>
    </message>
    <message>
        <source>the parent unit</source>
        <translation>đơn vị cấp trên</translation>
    </message>
    <message>
        <source>the kind of unit</source>
        <translation>loại hình đơn vị</translation>
    </message>
    <message>
        <source>the valid-from date</source>
        <translation>ngày bắt đầu hiệu lực</translation>
    </message>
    <message>
        <source>the valid-to date</source>
        <translation>ngày hết hiệu lực</translation>
    </message>
    <message>
        <source>the successor unit</source>
        <translation>đơn vị kế thừa</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind of unit; write one of: %2.</source>
        <translation>&quot;%1&quot; không phải loại hình đơn vị; hãy ghi một trong các loại: %2.</translation>
    </message>
    <message>
        <source>rows %1 and %2 of the sheet are both named &quot;%3&quot;; write the unit&apos;s key instead.</source>
        <translation>dòng %1 và dòng %2 của bảng cùng có tên &quot;%3&quot;; hãy ghi mã đơn vị.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a unit of the registry nor a row of this sheet.</source>
        <translation>&quot;%1&quot; không phải đơn vị trong danh mục, cũng không phải một dòng của bảng này.</translation>
    </message>
    <message>
        <source>several units of the registry are named &quot;%1&quot;; give the parent unit or the key.</source>
        <translation>trong danh mục có nhiều đơn vị tên &quot;%1&quot;; hãy ghi đơn vị cấp trên hoặc mã đơn vị.</translation>
    </message>
    <message>
        <source>the same unit is already on row %1.</source>
        <translation>đơn vị này đã có ở dòng %1.</translation>
    </message>
    <message>
        <source>the key %1 is also given on row %2.</source>
        <translation>mã %1 cũng được ghi ở dòng %2.</translation>
    </message>
    <message>
        <source>the unit&apos;s name (Tên đơn vị) is missing.</source>
        <translation>thiếu tên đơn vị (Tên đơn vị).</translation>
    </message>
    <message>
        <source>the kind of unit (Loại hình) is missing.</source>
        <translation>thiếu loại hình đơn vị (Loại hình).</translation>
    </message>
    <message>
        <source>the kind of unit (Loại hình) is missing: the sheet has no such column.</source>
        <translation>thiếu loại hình đơn vị (Loại hình): bảng không có cột này.</translation>
    </message>
    <message>
        <source>%1 is outside the units you may edit.</source>
        <translation>%1 nằm ngoài các đơn vị bạn được sửa.</translation>
    </message>
    <message>
        <source>the parent unit is outside the units you may edit.</source>
        <translation>đơn vị cấp trên nằm ngoài các đơn vị bạn được sửa.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại hình</translation>
    </message>
    <message>
        <source>parent unit</source>
        <translation>đơn vị cấp trên</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>hiệu lực từ</translation>
    </message>
    <message>
        <source>valid to</source>
        <translation>hết hiệu lực</translation>
    </message>
    <message>
        <source>successor</source>
        <translation>đơn vị kế thừa</translation>
    </message>
    <message>
        <source>new unit: %1</source>
        <translation>đơn vị mới: %1</translation>
    </message>
    <message>
        <source>new unit: %1, under %2</source>
        <translation>đơn vị mới: %1, trực thuộc %2</translation>
    </message>
    <message>
        <source>the parent units go round in a circle: %1.</source>
        <translation>các đơn vị cấp trên tạo thành vòng lặp: %1.</translation>
    </message>
    <message>
        <source>its parent or successor units go round in a circle back to it.</source>
        <translation>đơn vị cấp trên hoặc đơn vị kế thừa tạo thành vòng lặp quay về chính nó.</translation>
    </message>
    <message>
        <source>new unit</source>
        <translation>đơn vị mới</translation>
    </message>
    <message>
        <source>changes a unit</source>
        <translation>thay đổi đơn vị</translation>
    </message>
    <message>
        <source>The mapping file gives the column &quot;%1&quot; the field &quot;%2&quot;, which is not one of: %3.</source>
        <translation>Tệp ánh xạ gán cho cột &quot;%1&quot; trường &quot;%2&quot;, không thuộc các trường: %3.</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Dòng bị loại</translation>
    </message>
    <message>
        <source>Cannot write the file %1: check the folder and that the file is not open in another program.</source>
        <translation>Không ghi được tệp %1: hãy kiểm tra thư mục và xem tệp có đang mở trong chương trình khác không.</translation>
    </message>
    <message>
        <source>LIST OF STAFF AND THEIR YEARLY RATINGS</source>
        <translation>DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ KẾT QUẢ XẾP LOẠI HẰNG NĂM</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Danh sách cán bộ</translation>
    </message>
    <message>
        <source>The person&apos;s key in Vinh Danh. Leave it empty for someone new; give it to change someone already in the registry.</source>
        <translation>Mã của người đó trong Vinh Danh. Để trống với người mới; ghi mã để sửa thông tin người đã có.</translation>
    </message>
    <message>
        <source>The full name, with diacritics. Required.</source>
        <translation>Họ và tên đầy đủ, có dấu. Bắt buộc.</translation>
    </message>
    <message>
        <source>The birth date, day/month/year.</source>
        <translation>Ngày sinh, theo ngày/tháng/năm.</translation>
    </message>
    <message>
        <source>Nam or Nữ, from the list.</source>
        <translation>Nam hoặc Nữ, chọn trong danh sách.</translation>
    </message>
    <message>
        <source>The unit the person works in, from the list (its name, or its key where two units have the same name). Required for someone new.</source>
        <translation>Đơn vị công tác, chọn trong danh sách (tên đơn vị, hoặc mã đơn vị khi hai đơn vị trùng tên). Bắt buộc với người mới.</translation>
    </message>
    <message>
        <source>The position, as written in decisions.</source>
        <translation>Chức vụ, ghi như trong quyết định.</translation>
    </message>
    <message>
        <source>The category, from the list. Required for someone new.</source>
        <translation>Đối tượng, chọn trong danh sách. Bắt buộc với người mới.</translation>
    </message>
    <message>
        <source>The 12-digit citizen identity number (CCCD), as text so leading zeros stay.</source>
        <translation>Số căn cước công dân (CCCD) 12 chữ số, ghi dạng văn bản để giữ các số 0 ở đầu.</translation>
    </message>
    <message>
        <source>The task rating of %1, from the list. Leave it empty for a year without a rating.</source>
        <translation>Kết quả xếp loại năm %1, chọn trong danh sách. Để trống nếu năm đó không xếp loại.</translation>
    </message>
    <message>
        <source>LIST OF UNITS</source>
        <translation>DANH SÁCH ĐƠN VỊ</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Danh sách đơn vị</translation>
    </message>
    <message>
        <source>the unit&apos;s name or key: a unit from the list, or another row of this sheet.</source>
        <translation>tên hoặc mã đơn vị: một đơn vị trong danh sách, hoặc một dòng khác của trang này.</translation>
    </message>
    <message>
        <source>The unit&apos;s key. Leave it empty and Vinh Danh makes one.</source>
        <translation>Mã đơn vị. Để trống thì Vinh Danh tự tạo mã.</translation>
    </message>
    <message>
        <source>The unit&apos;s full name. Required.</source>
        <translation>Tên đầy đủ của đơn vị. Bắt buộc.</translation>
    </message>
    <message>
        <source>The parent unit: %1</source>
        <translation>Đơn vị cấp trên: %1</translation>
    </message>
    <message>
        <source>The kind of unit, from the list. Required for a new unit.</source>
        <translation>Loại hình đơn vị, chọn trong danh sách. Bắt buộc với đơn vị mới.</translation>
    </message>
    <message>
        <source>The date the unit was founded, day/month/year.</source>
        <translation>Ngày thành lập đơn vị, theo ngày/tháng/năm.</translation>
    </message>
    <message>
        <source>The date the unit was dissolved or merged, day/month/year; empty while it exists.</source>
        <translation>Ngày giải thể hoặc sáp nhập, theo ngày/tháng/năm; để trống khi đơn vị còn hoạt động.</translation>
    </message>
    <message>
        <source>The unit it merged into: %1</source>
        <translation>Đơn vị tiếp nhận khi sáp nhập: %1</translation>
    </message>
    <message>
        <source>The person&apos;s key in Vinh Danh; or leave it empty and give the full name, birth date and unit.</source>
        <translation>Mã của người đó trong Vinh Danh; hoặc để trống và ghi họ tên, ngày sinh, đơn vị.</translation>
    </message>
    <message>
        <source>The person&apos;s full name, with diacritics.</source>
        <translation>Họ và tên đầy đủ, có dấu.</translation>
    </message>
    <message>
        <source>The person&apos;s birth date, day/month/year: tells namesakes apart.</source>
        <translation>Ngày sinh, theo ngày/tháng/năm: để phân biệt người trùng tên.</translation>
    </message>
    <message>
        <source>The unit the person works in, from the list.</source>
        <translation>Đơn vị công tác, chọn trong danh sách.</translation>
    </message>
    <message>
        <source>LIST OF AWARDS AND TITLES</source>
        <translation>DANH SÁCH KHEN THƯỞNG VÀ DANH HIỆU THI ĐUA</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>For an award to a collective: the unit awarded, from the list; leave the person&apos;s columns empty.</source>
        <translation>Khi khen tập thể: đơn vị được khen, chọn trong danh sách; để trống các cột của cá nhân.</translation>
    </message>
    <message>
        <source>The award or title, from the list (the forms of the catalogue).</source>
        <translation>Hình thức khen thưởng hoặc danh hiệu, chọn trong danh sách (theo danh mục hình thức).</translation>
    </message>
    <message>
        <source>The year the award or title is for.</source>
        <translation>Năm được khen thưởng hoặc đạt danh hiệu.</translation>
    </message>
    <message>
        <source>The number of the decision.</source>
        <translation>Số quyết định.</translation>
    </message>
    <message>
        <source>The date of the decision, day/month/year.</source>
        <translation>Ngày ký quyết định, theo ngày/tháng/năm.</translation>
    </message>
    <message>
        <source>Who decided it, as the decision names it.</source>
        <translation>Cấp ra quyết định, ghi như trong quyết định.</translation>
    </message>
    <message>
        <source>The kind of award, from the list.</source>
        <translation>Loại khen thưởng, chọn trong danh sách.</translation>
    </message>
    <message>
        <source>A note, kept with the award.</source>
        <translation>Ghi chú, lưu kèm khen thưởng.</translation>
    </message>
    <message>
        <source>LIST OF DISCIPLINARY MEASURES</source>
        <translation>DANH SÁCH KỶ LUẬT</translation>
    </message>
    <message>
        <source>Disciplines</source>
        <translation>Kỷ luật</translation>
    </message>
    <message>
        <source>The disciplinary measure, from the list.</source>
        <translation>Hình thức kỷ luật, chọn trong danh sách.</translation>
    </message>
    <message>
        <source>The date the measure starts, day/month/year.</source>
        <translation>Ngày bắt đầu thi hành kỷ luật, theo ngày/tháng/năm.</translation>
    </message>
    <message>
        <source>The date the measure ends, day/month/year; empty when the decision gives none.</source>
        <translation>Ngày kết thúc, theo ngày/tháng/năm; để trống nếu quyết định không ghi.</translation>
    </message>
    <message>
        <source>A note, kept with the record.</source>
        <translation>Ghi chú, lưu kèm hồ sơ kỷ luật.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Hãy chọn một giá trị trong danh sách.</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <source>HOW TO FILL IN THE LIST</source>
        <translation>HƯỚNG DẪN GHI DANH SÁCH</translation>
    </message>
    <message>
        <source>Write one row for each entry on the sheet &quot;%1&quot;, from row %2 down. Keep the column headers as they are: Vinh Danh reads the columns by them.</source>
        <translation>Mỗi dòng ghi một mục trên trang &quot;%1&quot;, bắt đầu từ dòng %2. Giữ nguyên tiêu đề các cột: Vinh Danh đọc các cột theo tiêu đề.</translation>
    </message>
    <message>
        <source>A column you do not need may stay empty. An empty cell leaves what Vinh Danh already has unchanged.</source>
        <translation>Cột không cần có thể để trống. Ô để trống thì giữ nguyên thông tin đã có trong Vinh Danh.</translation>
    </message>
    <message>
        <source>Import the file from the File menu (Import staff list from Excel…) or with vinhdanh-cli import-table: every row is shown before anything is written.</source>
        <translation>Nhập tệp từ menu Tệp (Nhập danh sách cán bộ từ Excel…) hoặc bằng lệnh vinhdanh-cli import-table: mọi dòng đều được hiển thị để xem trước khi ghi.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Tiêu đề cột</translation>
    </message>
    <message>
        <source>What to write</source>
        <translation>Cách ghi</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ví dụ</translation>
    </message>
    <message>
        <source>the collective awarded</source>
        <translation>tập thể được khen</translation>
    </message>
    <message>
        <source>the award form</source>
        <translation>hình thức khen thưởng</translation>
    </message>
    <message>
        <source>the year of the award</source>
        <translation>năm khen thưởng</translation>
    </message>
    <message>
        <source>the title of %1</source>
        <translation>danh hiệu năm %1</translation>
    </message>
    <message>
        <source>the decision number</source>
        <translation>số quyết định</translation>
    </message>
    <message>
        <source>the decision date</source>
        <translation>ngày quyết định</translation>
    </message>
    <message>
        <source>the deciding authority</source>
        <translation>cấp quyết định</translation>
    </message>
    <message>
        <source>the kind of award</source>
        <translation>loại khen thưởng</translation>
    </message>
    <message>
        <source>the kind of discipline</source>
        <translation>hình thức kỷ luật</translation>
    </message>
    <message>
        <source>the start date</source>
        <translation>ngày bắt đầu</translation>
    </message>
    <message>
        <source>the end date</source>
        <translation>ngày kết thúc</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>The award list has no &quot;Hình thức khen thưởng&quot; (or &quot;Danh hiệu&quot;) column, and no column per year such as &quot;Danh hiệu 2024&quot;.</source>
        <translation>Danh sách khen thưởng không có cột &quot;Hình thức khen thưởng&quot; (hoặc &quot;Danh hiệu&quot;), cũng không có cột theo từng năm như &quot;Danh hiệu 2024&quot;.</translation>
    </message>
    <message>
        <source>The award list has a &quot;Hình thức khen thưởng&quot; column but no &quot;Năm&quot; (year) column.</source>
        <translation>Danh sách khen thưởng có cột &quot;Hình thức khen thưởng&quot; nhưng không có cột &quot;Năm&quot;.</translation>
    </message>
    <message>
        <source>The list has no &quot;Hình thức kỷ luật&quot; column.</source>
        <translation>Danh sách không có cột &quot;Hình thức kỷ luật&quot;.</translation>
    </message>
    <message>
        <source>The list has no &quot;Từ ngày&quot; (or &quot;Ngày quyết định&quot;) column.</source>
        <translation>Danh sách không có cột &quot;Từ ngày&quot; (hoặc &quot;Ngày quyết định&quot;).</translation>
    </message>
    <message>
        <source>the row names both a person and a collective (%1); give one of them.</source>
        <translation>dòng ghi cả cá nhân lẫn tập thể (%1); chỉ ghi một trong hai.</translation>
    </message>
    <message>
        <source>the row names no person (Họ và tên or Mã) and no collective (Tập thể).</source>
        <translation>dòng không ghi cá nhân (Họ và tên hoặc Mã) hay tập thể (Tập thể) nào.</translation>
    </message>
    <message>
        <source>the unit (Đơn vị) of %1 is missing: the registry is searched by name, birth date and unit.</source>
        <translation>thiếu đơn vị (Đơn vị) của %1: hồ sơ được tìm theo họ tên, ngày sinh và đơn vị.</translation>
    </message>
    <message>
        <source>several people named %1 work in %2; give the birth date or the key.</source>
        <translation>có nhiều người tên %1 ở %2; hãy ghi ngày sinh hoặc mã.</translation>
    </message>
    <message>
        <source>%1 with this birth date is not in the registry in %2; import the staff list first.</source>
        <translation>không có %1 với ngày sinh này trong danh sách của %2; hãy nhập danh sách cán bộ trước.</translation>
    </message>
    <message>
        <source>%1 is not in the registry in %2; import the staff list first.</source>
        <translation>không có %1 trong danh sách của %2; hãy nhập danh sách cán bộ trước.</translation>
    </message>
    <message>
        <source>the award form is missing.</source>
        <translation>thiếu hình thức khen thưởng.</translation>
    </message>
    <message>
        <source>the row names no title in its year columns.</source>
        <translation>dòng không ghi danh hiệu nào ở các cột năm.</translation>
    </message>
    <message>
        <source>%1 is awarded to collectives, not to individuals.</source>
        <translation>%1 dành cho tập thể, không dành cho cá nhân.</translation>
    </message>
    <message>
        <source>%1 is awarded to individuals, not to collectives.</source>
        <translation>%1 dành cho cá nhân, không dành cho tập thể.</translation>
    </message>
    <message>
        <source>%1 of %2 is already on row %3.</source>
        <translation>%1 năm %2 đã có ở dòng %3.</translation>
    </message>
    <message>
        <source>new award: %1, %2</source>
        <translation>khen thưởng mới: %1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an award form of the catalogue; write its name or code (such as Lao động tiên tiến, LĐTT, CSTĐCS, BK UBND tỉnh).</source>
        <translation>&quot;%1&quot; không phải hình thức khen thưởng trong danh mục; hãy ghi tên hoặc mã (như Lao động tiên tiến, LĐTT, CSTĐCS, BK UBND tỉnh).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could be any of: %2; write the form in full.</source>
        <translation>&quot;%1&quot; có thể là: %2; hãy ghi đầy đủ hình thức.</translation>
    </message>
    <message>
        <source>the year is missing.</source>
        <translation>thiếu năm.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind of award; write công trạng, đột xuất, theo đợt or cống hiến.</source>
        <translation>&quot;%1&quot; không phải loại khen thưởng; hãy ghi công trạng, đột xuất, theo đợt hoặc cống hiến.</translation>
    </message>
    <message>
        <source>%1 of %2 is recorded several times in the registry; give the decision number.</source>
        <translation>%1 năm %2 đã được ghi nhiều lần trong hồ sơ; hãy ghi số quyết định.</translation>
    </message>
    <message>
        <source>decision number</source>
        <translation>số quyết định</translation>
    </message>
    <message>
        <source>decision date</source>
        <translation>ngày quyết định</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>cấp quyết định</translation>
    </message>
    <message>
        <source>note</source>
        <translation>ghi chú</translation>
    </message>
    <message>
        <source>new award</source>
        <translation>khen thưởng mới</translation>
    </message>
    <message>
        <source>changes an award</source>
        <translation>sửa khen thưởng</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>ngày kết thúc</translation>
    </message>
    <message>
        <source>the kind of discipline is missing.</source>
        <translation>thiếu hình thức kỷ luật.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a kind of discipline; write one of: %2.</source>
        <translation>&quot;%1&quot; không phải hình thức kỷ luật; hãy ghi một trong: %2.</translation>
    </message>
    <message>
        <source>the start date is missing.</source>
        <translation>thiếu ngày bắt đầu.</translation>
    </message>
    <message>
        <source>the same disciplinary record is already on row %1.</source>
        <translation>quyết định kỷ luật này đã có ở dòng %1.</translation>
    </message>
    <message>
        <source>new disciplinary record: %1 from %2</source>
        <translation>kỷ luật mới: %1 từ %2</translation>
    </message>
    <message>
        <source>%1 from %2: %3</source>
        <translation>%1 từ %2: %3</translation>
    </message>
    <message>
        <source>new disciplinary record</source>
        <translation>kỷ luật mới</translation>
    </message>
    <message>
        <source>changes a disciplinary record</source>
        <translation>sửa kỷ luật</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Bảng %1</translation>
    </message>
    <message>
        <source>The Word document cannot be read: it is damaged, cut short, password-protected or too large to unpack safely. Open it in Word and save it again as .docx.</source>
        <translation>Không đọc được văn bản Word: tệp bị hỏng, bị cắt cụt, có mật khẩu hoặc quá lớn để giải nén an toàn. Hãy mở bằng Word và lưu lại dưới dạng .docx.</translation>
    </message>
    <message>
        <source>The file is an old Word 97–2003 document (.doc) or a password-protected one, which cannot be read. Open it in Word, remove any password and save it as .docx (Word Document).</source>
        <translation>Tệp là văn bản Word 97–2003 cũ (.doc) hoặc văn bản có mật khẩu, không đọc được. Hãy mở bằng Word, bỏ mật khẩu (nếu có) và lưu dưới dạng .docx (Word Document).</translation>
    </message>
    <message>
        <source>The file is a Rich Text (RTF) document, which cannot be read. Open it in Word and save it as .docx (Word Document).</source>
        <translation>Tệp là văn bản Rich Text (RTF), không đọc được. Hãy mở bằng Word và lưu dưới dạng .docx (Word Document).</translation>
    </message>
    <message>
        <source>The file is not a Word document (.docx): it has no %1.</source>
        <translation>Tệp không phải văn bản Word (.docx): không có phần %1.</translation>
    </message>
    <message>
        <source>The Word document is damaged: %1 Open it in Word and save it again as .docx.</source>
        <translation>Văn bản Word bị hỏng: %1 Hãy mở bằng Word và lưu lại dưới dạng .docx.</translation>
    </message>
    <message>
        <source>The Word document is refused: its text declares a document type (DOCTYPE), which Word never writes and which can hide an XML entity attack.</source>
        <translation>Văn bản Word bị từ chối: nội dung khai báo kiểu tài liệu (DOCTYPE), điều Word không bao giờ ghi và có thể che giấu tấn công thực thể XML.</translation>
    </message>
    <message>
        <source>its text is not well-formed XML.</source>
        <translation>nội dung không phải XML hợp lệ.</translation>
    </message>
    <message>
        <source>A table of the Word document has more than %1 rows; split the list.</source>
        <translation>Một bảng trong văn bản Word có hơn %1 dòng; hãy tách danh sách.</translation>
    </message>
    <message>
        <source>A table of the Word document is wider than %1 columns; it is not a list.</source>
        <translation>Một bảng trong văn bản Word rộng hơn %1 cột; đó không phải là danh sách.</translation>
    </message>
    <message>
        <source>The Word document&apos;s tables have more than %1 cells; split the list into several files.</source>
        <translation>Các bảng của văn bản Word có hơn %1 ô; hãy tách danh sách thành nhiều tệp.</translation>
    </message>
    <message>
        <source>The Word document has no table. Put the list in a table (Insert ▸ Table), one person or collective per row, and save it again.</source>
        <translation>Văn bản Word không có bảng nào. Hãy đặt danh sách vào một bảng (Chèn ▸ Bảng), mỗi cá nhân hoặc tập thể một dòng, rồi lưu lại.</translation>
    </message>
    <message>
        <source>The Word document has no table &quot;%1&quot;; its tables are: %2.</source>
        <translation>Văn bản Word không có bảng &quot;%1&quot;; các bảng của văn bản là: %2.</translation>
    </message>
    <message>
        <source>The list ends on row %1; the rows from there on (a signature block or notes) are left out.</source>
        <translation>Danh sách kết thúc ở dòng %1; các dòng từ đó trở đi (phần ký tên hoặc ghi chú) được bỏ qua.</translation>
    </message>
    <message>
        <source>Row %1 is read as a heading and left out: &quot;%2&quot;.</source>
        <translation>Dòng %1 được đọc là dòng tiêu đề nhóm và bỏ qua: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 is already on row %2 for the same form.</source>
        <translation>%1 đã có ở dòng %2 với cùng hình thức.</translation>
    </message>
    <message>
        <source>already in the dossier for %1</source>
        <translation>đã có trong hồ sơ với %1</translation>
    </message>
    <message>
        <source>eligibility check: %1</source>
        <translation>kiểm tra điều kiện: %1</translation>
    </message>
    <message>
        <source>no eligibility rule for this form: the appraiser judges it</source>
        <translation>hình thức này chưa có quy tắc xét điều kiện: cán bộ thẩm định đánh giá</translation>
    </message>
    <message>
        <source>%1 To propose the nominee anyway, give a proceed reason (it is kept for the appraiser).</source>
        <translation>%1 Nếu vẫn đề nghị đối tượng này, hãy ghi lý do vẫn đề nghị (lý do được lưu cho cán bộ thẩm định).</translation>
    </message>
    <message>
        <source>proposed anyway, with the reason: %1</source>
        <translation>vẫn đề nghị, với lý do: %1</translation>
    </message>
    <message>
        <source>The list has no nominee rows under its header (row %1).</source>
        <translation>Danh sách không có dòng đối tượng nào dưới dòng tiêu đề (dòng %1).</translation>
    </message>
    <message>
        <source>new nominee</source>
        <translation>đối tượng mới</translation>
    </message>
    <message>
        <source>changes a nominee</source>
        <translation>thay đổi một đối tượng</translation>
    </message>
    <message>
        <source>the row number</source>
        <translation>số thứ tự</translation>
    </message>
    <message>
        <source>the key</source>
        <translation>mã</translation>
    </message>
    <message>
        <source>the name</source>
        <translation>tên</translation>
    </message>
    <message>
        <source>the collective&apos;s name</source>
        <translation>tên tập thể</translation>
    </message>
    <message>
        <source>the position and unit</source>
        <translation>chức vụ và đơn vị</translation>
    </message>
    <message>
        <source>the achievement summary</source>
        <translation>tóm tắt thành tích</translation>
    </message>
    <message>
        <source>No header row with a name column was found in the first %1 rows of &quot;%2&quot;. Name the columns as lists do: &quot;Họ và tên&quot; (or &quot;Tên tập thể&quot;), &quot;Chức vụ, đơn vị công tác&quot;, &quot;Hình thức đề nghị&quot;, &quot;Tóm tắt thành tích&quot;.</source>
        <translation>Không tìm thấy dòng tiêu đề có cột tên trong %1 dòng đầu của &quot;%2&quot;. Hãy đặt tên cột như danh sách thường dùng: &quot;Họ và tên&quot; (hoặc &quot;Tên tập thể&quot;), &quot;Chức vụ, đơn vị công tác&quot;, &quot;Hình thức đề nghị&quot;, &quot;Tóm tắt thành tích&quot;.</translation>
    </message>
    <message>
        <source>Columns %1 and %2 are both read as %3; rename one of them in the file.</source>
        <translation>Cột %1 và cột %2 đều được đọc là %3; hãy đổi tên một trong hai cột trong tệp.</translation>
    </message>
    <message>
        <source>form: %1</source>
        <translation>hình thức: %1</translation>
    </message>
    <message>
        <source>the award form &quot;%1&quot; is not recognised; write it as the catalogue names it (for example &quot;Lao động tiên tiến&quot; or &quot;Bằng khen của Chủ tịch UBND tỉnh&quot;).</source>
        <translation>không nhận ra hình thức khen thưởng &quot;%1&quot;; hãy ghi đúng tên trong danh mục (ví dụ &quot;Lao động tiên tiến&quot; hoặc &quot;Bằng khen của Chủ tịch UBND tỉnh&quot;).</translation>
    </message>
    <message>
        <source>the award form &quot;%1&quot; could be any of: %2; write it in full.</source>
        <translation>hình thức khen thưởng &quot;%1&quot; có thể là: %2; hãy ghi đầy đủ.</translation>
    </message>
    <message>
        <source>form: %1 (from the heading on row %2)</source>
        <translation>hình thức: %1 (theo dòng tiêu đề nhóm ở dòng %2)</translation>
    </message>
    <message>
        <source>form: %1 (the row gives none; the only one the dossier&apos;s movement offers here)</source>
        <translation>hình thức: %1 (dòng không ghi; là hình thức duy nhất phong trào của hồ sơ áp dụng ở đây)</translation>
    </message>
    <message>
        <source>the row gives no award form, and the dossier has no single form to take instead; write the form in the &quot;Hình thức đề nghị&quot; column.</source>
        <translation>dòng không ghi hình thức khen thưởng và hồ sơ không có hình thức duy nhất để áp dụng thay; hãy ghi hình thức vào cột &quot;Hình thức đề nghị&quot;.</translation>
    </message>
    <message>
        <source>the row has no name.</source>
        <translation>dòng không có tên.</translation>
    </message>
    <message>
        <source>%1 is not in the registry; add the person first, or write their key.</source>
        <translation>%1 chưa có trong cơ sở dữ liệu; hãy thêm cá nhân trước, hoặc ghi mã của họ.</translation>
    </message>
    <message>
        <source>nobody named %1 works in %2; the registry has %1 in: %3.</source>
        <translation>không có ai tên %1 làm việc tại %2; cơ sở dữ liệu có %1 ở: %3.</translation>
    </message>
    <message>
        <source>%1 has another birth date in the registry; check the row, or write the person&apos;s key.</source>
        <translation>%1 có ngày sinh khác trong cơ sở dữ liệu; hãy kiểm tra dòng này, hoặc ghi mã của người đó.</translation>
    </message>
    <message>
        <source>several people are named %1 (in %2); write the birth date, the unit or the person&apos;s key.</source>
        <translation>có nhiều người tên %1 (ở %2); hãy ghi ngày sinh, đơn vị hoặc mã của người đó.</translation>
    </message>
    <message>
        <source>person in the registry: %1, %2</source>
        <translation>cá nhân trong cơ sở dữ liệu: %1, %2</translation>
    </message>
    <message>
        <source>no unit has the key %1.</source>
        <translation>không có đơn vị nào có mã %1.</translation>
    </message>
    <message>
        <source>no unit is named &quot;%1&quot; in the registry; add the unit first, or write its key.</source>
        <translation>không có đơn vị nào tên &quot;%1&quot; trong cơ sở dữ liệu; hãy thêm đơn vị trước, hoặc ghi mã của đơn vị.</translation>
    </message>
    <message>
        <source>collective in the registry: %1, under %2</source>
        <translation>tập thể trong cơ sở dữ liệu: %1, thuộc %2</translation>
    </message>
    <message>
        <source>collective in the registry: %1</source>
        <translation>tập thể trong cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <source>The dossier &quot;%1&quot; is %2: nominees can no longer be added to it. A list can be imported into a draft dossier, or one returned for supplement.</source>
        <translation>Hồ sơ &quot;%1&quot; đang ở trạng thái %2: không thể thêm đối tượng nữa. Chỉ nhập danh sách vào hồ sơ dự thảo hoặc hồ sơ bị trả lại để bổ sung.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the list have errors; nothing was written. Correct the file (or give a proceed reason) and import it again.</source>
        <translation>
            <numerusform>%n dòng của danh sách có lỗi; chưa ghi gì. Hãy sửa tệp (hoặc ghi lý do vẫn đề nghị) rồi nhập lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>a person in a unit outside the units you may edit</source>
        <translation>một người ở đơn vị nằm ngoài các đơn vị bạn được sửa</translation>
    </message>
    <message>
        <source>%1 (%2, %3, born %4)</source>
        <translation>%1 (%2, %3, sinh năm %4)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>the same birth date</source>
        <translation>trùng ngày sinh</translation>
    </message>
    <message>
        <source>no birth date to compare</source>
        <translation>không có ngày sinh để so sánh</translation>
    </message>
    <message>
        <source>the same unit</source>
        <translation>cùng đơn vị</translation>
    </message>
    <message>
        <source>another unit</source>
        <translation>khác đơn vị</translation>
    </message>
    <message>
        <source>may be the same as %1: %2</source>
        <translation>có thể trùng với %1: %2</translation>
    </message>
    <message>
        <source>LIST OF INITIATIVES</source>
        <translation>DANH SÁCH SÁNG KIẾN</translation>
    </message>
    <message>
        <source>Initiatives</source>
        <translation>Sáng kiến</translation>
    </message>
    <message>
        <source>The initiative&apos;s title. For several authors, one row per author with the same title and decision number.</source>
        <translation>Tên sáng kiến. Nhiều tác giả thì mỗi tác giả một dòng, cùng tên sáng kiến và số quyết định.</translation>
    </message>
    <message>
        <source>The number of the decision recognising it.</source>
        <translation>Số quyết định công nhận sáng kiến.</translation>
    </message>
    <message>
        <source>The date of that decision, day/month/year: the year the initiative counts for.</source>
        <translation>Ngày của quyết định đó, ngày/tháng/năm: năm sáng kiến được tính.</translation>
    </message>
    <message>
        <source>The level it was recognised at, from the list.</source>
        <translation>Cấp công nhận, chọn trong danh sách.</translation>
    </message>
    <message>
        <source>The award of an author it was already used for, with its year; empty when not used yet.</source>
        <translation>Khen thưởng của tác giả đã dùng sáng kiến này, kèm năm; để trống nếu chưa dùng.</translation>
    </message>
    <message>
        <source>A note, kept with the initiative.</source>
        <translation>Ghi chú, lưu cùng sáng kiến.</translation>
    </message>
    <message>
        <source>the initiative&apos;s title</source>
        <translation>tên sáng kiến</translation>
    </message>
    <message>
        <source>the level of recognition</source>
        <translation>cấp công nhận</translation>
    </message>
    <message>
        <source>the award it was used for</source>
        <translation>khen thưởng đã dùng sáng kiến</translation>
    </message>
    <message>
        <source>The list has no &quot;Tên sáng kiến&quot; column.</source>
        <translation>Danh sách không có cột &quot;Tên sáng kiến&quot;.</translation>
    </message>
    <message>
        <source>The list has no &quot;Tác giả&quot; (or &quot;Họ và tên&quot;) column: an initiative&apos;s holders are people.</source>
        <translation>Danh sách không có cột &quot;Tác giả&quot; (hoặc &quot;Họ và tên&quot;): tác giả sáng kiến là cá nhân.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; differs from &quot;%3&quot; on row %4 of the same initiative.</source>
        <translation>%1 &quot;%2&quot; khác với &quot;%3&quot; ở dòng %4 của cùng sáng kiến.</translation>
    </message>
    <message>
        <source>one author per row: write each of &quot;%1&quot; on a row of their own, with the same title and decision number.</source>
        <translation>mỗi dòng một tác giả: ghi từng người trong &quot;%1&quot; trên một dòng riêng, cùng tên sáng kiến và số quyết định.</translation>
    </message>
    <message>
        <source>an initiative&apos;s holders are people; &quot;%1&quot; is a unit.</source>
        <translation>tác giả sáng kiến là cá nhân; &quot;%1&quot; là đơn vị.</translation>
    </message>
    <message>
        <source>the title of the initiative is missing.</source>
        <translation>thiếu tên sáng kiến.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a level of recognition; write cơ sở, cấp tỉnh or toàn quốc.</source>
        <translation>&quot;%1&quot; không phải cấp công nhận; ghi cơ sở, cấp tỉnh hoặc toàn quốc.</translation>
    </message>
    <message>
        <source>The level</source>
        <translation>Cấp công nhận</translation>
    </message>
    <message>
        <source>The award it was used for</source>
        <translation>Khen thưởng đã dùng</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>The decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>%1 is already a holder of this initiative on row %2.</source>
        <translation>%1 đã là tác giả của sáng kiến này ở dòng %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an award form of the catalogue; write its name or code and the year (such as BK UBND tỉnh 2025).</source>
        <translation>&quot;%1&quot; không phải hình thức khen thưởng trong danh mục; ghi tên hoặc mã và năm (ví dụ BK UBND tỉnh 2025).</translation>
    </message>
    <message>
        <source>no award &quot;%1&quot; of %2 is in the registry for %3; import the award list first.</source>
        <translation>chưa có khen thưởng &quot;%1&quot; năm %2 của %3 trong cơ sở dữ liệu; hãy nhập danh sách khen thưởng trước.</translation>
    </message>
    <message>
        <source>any year</source>
        <translation>năm bất kỳ</translation>
    </message>
    <message>
        <source>%1 holders&apos; awards &quot;%2&quot; match; write the year as well (such as %3 2025).</source>
        <translation>%1 khen thưởng &quot;%2&quot; của các tác giả đều khớp; ghi thêm năm (ví dụ %3 2025).</translation>
    </message>
    <message>
        <source>the level of recognition is missing for a new initiative (cơ sở, cấp tỉnh or toàn quốc).</source>
        <translation>sáng kiến mới chưa có cấp công nhận (cơ sở, cấp tỉnh hoặc toàn quốc).</translation>
    </message>
    <message>
        <source>new initiative: &quot;%1&quot; (%2), holders: %3</source>
        <translation>sáng kiến mới: &quot;%1&quot; (%2), tác giả: %3</translation>
    </message>
    <message>
        <source>level: %1 → %2</source>
        <translation>cấp công nhận: %1 → %2</translation>
    </message>
    <message>
        <source>decision date: %1 → %2</source>
        <translation>ngày quyết định: %1 → %2</translation>
    </message>
    <message>
        <source>used for: %1</source>
        <translation>đã dùng cho: %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>ghi chú: %1</translation>
    </message>
    <message>
        <source>holders added: %1</source>
        <translation>thêm tác giả: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>the same initiative has an error on row %1.</source>
        <translation>cùng sáng kiến có lỗi ở dòng %1.</translation>
    </message>
    <message>
        <source>another holder of the initiative on row %1</source>
        <translation>đồng tác giả của sáng kiến ở dòng %1</translation>
    </message>
    <message>
        <source>new initiative</source>
        <translation>sáng kiến mới</translation>
    </message>
    <message>
        <source>changes an initiative</source>
        <translation>sửa sáng kiến</translation>
    </message>
    <message>
        <source>no person has the key %1; taken as %2 (who has no key), by the same name, birth date and unit: check the key.</source>
        <translation>không có người nào mang mã %1; đã hiểu là %2 (chưa có mã) vì trùng họ tên, ngày sinh và đơn vị: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>no person has the key %1; taken as %2 (key %3), by the same name, birth date and unit: check the key.</source>
        <translation>không có người nào mang mã %1; đã hiểu là %2 (mã %3) vì trùng họ tên, ngày sinh và đơn vị: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Dòng %1</translation>
    </message>
    <message>
        <source>%1 Nothing was written.</source>
        <translation>%1 Chưa ghi gì.</translation>
    </message>
    <message>
        <source>may be the same person as row %1 of this sheet: %2</source>
        <translation>có thể là cùng một người với dòng %1 của trang tính này: %2</translation>
    </message>
    <message>
        <source>no unit has the key %1; taken as %2 (which has no key), by its name and parent: check the key.</source>
        <translation>không có đơn vị nào mang mã %1; đã hiểu là %2 (chưa có mã) vì trùng tên và đơn vị cấp trên: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>no unit has the key %1; taken as %2 (key %3), by its name and parent: check the key.</source>
        <translation>không có đơn vị nào mang mã %1; đã hiểu là %2 (mã %3) vì trùng tên và đơn vị cấp trên: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>no person has the key %1, and the name %2 with this birth date is not exactly one person of the registry; correct the key.</source>
        <translation>không có người nào mang mã %1, và họ tên %2 với ngày sinh này không ứng với đúng một người trong sổ; hãy sửa lại mã.</translation>
    </message>
    <message>
        <source>no person has the key %1; correct the key, or give the birth date to find %2 by name and birth date.</source>
        <translation>không có người nào mang mã %1; hãy sửa lại mã, hoặc ghi ngày sinh để tìm %2 theo họ tên và ngày sinh.</translation>
    </message>
    <message>
        <source>no person has the key %1; taken as %2 (who has no key), by the same name and birth date: check the key.</source>
        <translation>không có người nào mang mã %1; đã hiểu là %2 (chưa có mã) vì trùng họ tên và ngày sinh: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>no person has the key %1; taken as %2 (key %3), by the same name and birth date: check the key.</source>
        <translation>không có người nào mang mã %1; đã hiểu là %2 (mã %3) vì trùng họ tên và ngày sinh: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a form given at the level &quot;%2&quot;, and the catalogue has no award form of that level; it is not taken for another level&apos;s form.</source>
        <translation>&quot;%1&quot; là hình thức khen thưởng của cấp &quot;%2&quot;, nhưng danh mục không có hình thức nào của cấp đó; không được hiểu thành hình thức của cấp khác.</translation>
    </message>
    <message>
        <source>no unit has the key %1; taken as %2 (which has no key), by its name: check the key.</source>
        <translation>không có đơn vị nào mang mã %1; đã hiểu là %2 (chưa có mã) vì trùng tên: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>no unit has the key %1; taken as %2 (key %3), by its name: check the key.</source>
        <translation>không có đơn vị nào mang mã %1; đã hiểu là %2 (mã %3) vì trùng tên: hãy kiểm tra lại mã.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>cảnh báo: %1</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Unit&apos;s key</source>
        <translation>Mã đơn vị</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>Kind of unit</source>
        <translation>Loại hình đơn vị</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Hiệu lực từ ngày</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Hiệu lực đến ngày</translation>
    </message>
    <message>
        <source>Successor unit</source>
        <translation>Đơn vị kế thừa</translation>
    </message>
    <message>
        <source>Person&apos;s key</source>
        <translation>Mã cá nhân</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
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
    <message>
        <source>Year of the rating</source>
        <translation>Năm xếp loại</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>Tập thể</translation>
    </message>
    <message>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Year of the award</source>
        <translation>Năm khen thưởng</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Deciding authority</source>
        <translation>Cấp quyết định</translation>
    </message>
    <message>
        <source>Kind of award</source>
        <translation>Loại khen thưởng</translation>
    </message>
    <message>
        <source>Kind of discipline</source>
        <translation>Hình thức kỷ luật</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Initiative&apos;s title</source>
        <translation>Tên sáng kiến</translation>
    </message>
    <message>
        <source>Level of recognition</source>
        <translation>Cấp công nhận</translation>
    </message>
    <message>
        <source>Award it was used for</source>
        <translation>Khen thưởng đã dùng sáng kiến</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Rating of %1</source>
        <translation>Xếp loại năm %1</translation>
    </message>
    <message>
        <source>Title of %1</source>
        <translation>Danh hiệu năm %1</translation>
    </message>
    <message>
        <source>There is no mapping file or saved column mapping named &quot;%1&quot;, and no column mapping is saved for this list yet (save one in the import dialog).</source>
        <translation>Không có tệp ghép cột hay cách ghép cột đã lưu nào tên &quot;%1&quot;, và danh sách này chưa có cách ghép cột nào được lưu (hãy lưu trong hộp thoại nhập).</translation>
    </message>
    <message>
        <source>There is no mapping file or saved column mapping named &quot;%1&quot;. The column mappings saved for this list: %2.</source>
        <translation>Không có tệp ghép cột hay cách ghép cột đã lưu nào tên &quot;%1&quot;. Các cách ghép cột đã lưu cho danh sách này: %2.</translation>
    </message>
    <message>
        <source>Give the column mapping a name.</source>
        <translation>Hãy đặt tên cho cách ghép cột.</translation>
    </message>
    <message>
        <source>There is nothing to save: no column&apos;s reading was changed.</source>
        <translation>Không có gì để lưu: chưa sửa cách hiểu cột nào.</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; cannot be read as &quot;%2&quot;.</source>
        <translation>Cột &quot;%1&quot; không thể hiểu là &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>No header row with a full-name column was found in the first %1 rows of &quot;%2&quot;. Name the column &quot;Họ và tên&quot; or set how the columns are read (the column mapping, or --mapping).</source>
        <translation>Không tìm thấy dòng tiêu đề có cột họ tên trong %1 dòng đầu của &quot;%2&quot;. Hãy đặt tên cột là &quot;Họ và tên&quot; hoặc chỉ ra cách hiểu các cột (cách ghép cột, hoặc --mapping).</translation>
    </message>
    <message>
        <source>Columns %1 and %2 are both read as %3; leave one out in the column mapping (or with --mapping).</source>
        <translation>Cột %1 và cột %2 đều được hiểu là %3; hãy bỏ qua một cột trong cách ghép cột (hoặc bằng --mapping).</translation>
    </message>
    <message>
        <source>No header row with a unit-name column was found in the first %1 rows of &quot;%2&quot;. Name the column &quot;Tên đơn vị&quot; or set how the columns are read (the column mapping, or --mapping).</source>
        <translation>Không tìm thấy dòng tiêu đề có cột tên đơn vị trong %1 dòng đầu của &quot;%2&quot;. Hãy đặt tên cột là &quot;Tên đơn vị&quot; hoặc chỉ ra cách hiểu các cột (cách ghép cột, hoặc --mapping).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an award of %2, not of a People&apos;s Committee, and is not in the catalogue of award forms; it is not taken for a People&apos;s Committee&apos;s form.</source>
        <translation>&quot;%1&quot; là khen thưởng của %2, không phải của Ủy ban nhân dân, và không có trong danh mục hình thức khen thưởng; không được hiểu thành hình thức của Ủy ban nhân dân.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the level of &quot;%2&quot; cannot be told. A centrally-run city (Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Huế) is a province and another city a district, and neither the form nor the office&apos;s letterhead says which; write the city&apos;s name (such as TP Hà Nội or TP Vinh).</source>
        <translation>&quot;%1&quot;: không xác định được cấp của &quot;%2&quot;. Thành phố trực thuộc trung ương (Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, Huế) là cấp tỉnh, thành phố khác là cấp huyện, mà cả hình thức khen thưởng lẫn tiêu đề văn bản của cơ quan đều không cho biết; hãy ghi tên thành phố (như TP Hà Nội hoặc TP Vinh).</translation>
    </message>
    <message>
        <source>No header row naming who the records are about (&quot;Họ và tên&quot;, &quot;Mã&quot; or &quot;Tập thể&quot;) was found in the first %1 rows of &quot;%2&quot;. Name the columns so or set how the columns are read (the column mapping, or --mapping).</source>
        <translation>Không tìm thấy dòng tiêu đề cho biết bản ghi nói về ai (&quot;Họ và tên&quot;, &quot;Mã&quot; hoặc &quot;Tập thể&quot;) trong %1 dòng đầu của &quot;%2&quot;. Hãy đặt tên cột như vậy hoặc chỉ ra cách hiểu các cột (cách ghép cột, hoặc --mapping).</translation>
    </message>
    <message>
        <source>Row number (STT)</source>
        <translation>Số thứ tự (STT)</translation>
    </message>
    <message>
        <source>Person&apos;s or unit&apos;s key</source>
        <translation>Mã cá nhân hoặc đơn vị</translation>
    </message>
    <message>
        <source>Name (a person or a collective)</source>
        <translation>Tên (cá nhân hoặc tập thể)</translation>
    </message>
    <message>
        <source>Collective&apos;s name</source>
        <translation>Tên tập thể</translation>
    </message>
    <message>
        <source>Position and unit</source>
        <translation>Chức vụ và đơn vị công tác</translation>
    </message>
    <message>
        <source>Achievement summary</source>
        <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
        <source>There is no saved column mapping named &quot;%1&quot;: no column mapping is saved for this list.</source>
        <translation>Không có cách ghép cột đã lưu nào tên &quot;%1&quot;: danh sách loại này chưa lưu cách ghép cột nào.</translation>
    </message>
    <message>
        <source>There is no saved column mapping named &quot;%1&quot;. The column mappings saved for this list: %2.</source>
        <translation>Không có cách ghép cột đã lưu nào tên &quot;%1&quot;. Các cách ghép cột đã lưu cho danh sách loại này: %2.</translation>
    </message>
    <message>
        <source>No column headed &quot;%1&quot; is in row %2, the header row; give the column&apos;s header as written there or its number (1 for column A).</source>
        <translation>Dòng tiêu đề (dòng %2) không có cột nào mang tên &quot;%1&quot;; hãy ghi tên cột đúng như ở dòng đó, hoặc số thứ tự của cột (1 là cột A).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; heads column %2 in row %3 and column %4 in row %5; give the header row (--header-row) or the column&apos;s number (1 for column A).</source>
        <translation>&quot;%1&quot; là tiêu đề của cột %2 ở dòng %3 và của cột %4 ở dòng %5; hãy chỉ ra dòng tiêu đề (--header-row) hoặc số thứ tự của cột (1 là cột A).</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>--kind must be &quot;people&quot; or &quot;units&quot;, not &quot;%1&quot;.</source>
        <translation>--kind phải là &quot;people&quot; hoặc &quot;units&quot;, không phải &quot;%1&quot;.</translation>
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
    <message>
        <source>The year %1 is not valid; enter a year between 1945 and 2100.</source>
        <translation>Năm %1 không hợp lệ; hãy nhập năm từ 1945 đến 2100.</translation>
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
    <name>VinhDanh::Core::Csv</name>
    <message>
        <source>Cannot write the file %1.</source>
        <translation>Không thể ghi tệp %1.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Documents::Certificates</name>
    <message>
        <source>%1.%2 is missing: give it in millimetres.</source>
        <translation>Thiếu %1.%2: hãy nhập bằng milimét.</translation>
    </message>
    <message>
        <source>%1.%2 must be a number of millimetres between 0 and %3.</source>
        <translation>%1.%2 phải là số milimét từ 0 đến %3.</translation>
    </message>
    <message>
        <source>%1.field &quot;%2&quot; is not a field a certificate prints; use one of: %3.</source>
        <translation>%1.field &quot;%2&quot; không phải trường in trên bằng; dùng một trong: %3.</translation>
    </message>
    <message>
        <source>%1.width must be more than 0 mm.</source>
        <translation>%1.width phải lớn hơn 0 mm.</translation>
    </message>
    <message>
        <source>%1 (%2) lies outside the %3 × %4 mm blank.</source>
        <translation>%1 (%2) nằm ngoài phôi %3 × %4 mm.</translation>
    </message>
    <message>
        <source>%1.size must be a font size between 6 and 72 points.</source>
        <translation>%1.size phải là cỡ chữ từ 6 đến 72 point.</translation>
    </message>
    <message>
        <source>%1.align must be left, center or right, not &quot;%2&quot;.</source>
        <translation>%1.align phải là left, center hoặc right, không phải &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1.lines must be a whole number from 1 to 10.</source>
        <translation>%1.lines phải là số nguyên từ 1 đến 10.</translation>
    </message>
    <message>
        <source>The layout is not valid JSON (line %1: %2).</source>
        <translation>Bố cục không phải JSON hợp lệ (dòng %1: %2).</translation>
    </message>
    <message>
        <source>The layout must be a JSON object with type, paper and fields.</source>
        <translation>Bố cục phải là một đối tượng JSON có type, paper và fields.</translation>
    </message>
    <message>
        <source>The layout has no &quot;type&quot; (bang-khen or giay-khen).</source>
        <translation>Bố cục thiếu &quot;type&quot; (bang-khen hoặc giay-khen).</translation>
    </message>
    <message>
        <source>paper must be at least 50 × 50 mm.</source>
        <translation>paper phải có kích thước ít nhất 50 × 50 mm.</translation>
    </message>
    <message>
        <source>The layout has no fields: nothing would be printed.</source>
        <translation>Bố cục không có trường nào: sẽ không in được gì.</translation>
    </message>
    <message>
        <source>fields[%1]: &quot;%2&quot; is placed twice.</source>
        <translation>fields[%1]: &quot;%2&quot; được đặt hai lần.</translation>
    </message>
    <message>
        <source>There is no certificate blank &quot;%1&quot;; the blanks are: %2.</source>
        <translation>Không có loại phôi &quot;%1&quot;; các loại phôi là: %2.</translation>
    </message>
    <message>
        <source>The shipped layout of %1 is missing from the program.</source>
        <translation>Chương trình thiếu bố cục mặc định của %1.</translation>
    </message>
    <message>
        <source>The office&apos;s layout of %1 cannot be read: %2 Import it again or reset it.</source>
        <translation>Không đọc được bố cục %1 của cơ quan: %2 Hãy nhập lại hoặc khôi phục bố cục mặc định.</translation>
    </message>
    <message>
        <source>This layout is for &quot;%1&quot;, not for &quot;%2&quot;.</source>
        <translation>Bố cục này dành cho &quot;%1&quot;, không phải &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Decision %1 is still a draft: certificates are printed once it is issued, with its final number and date.</source>
        <translation>Quyết định %1 vẫn là dự thảo: chỉ in bằng khi quyết định đã ban hành, có số và ngày chính thức.</translation>
    </message>
    <message>
        <source>Decision %1 awards nothing printed on %2 (%3).</source>
        <translation>Quyết định %1 không khen thưởng hình thức nào in trên %2 (%3).</translation>
    </message>
    <message>
        <source>After the decision&apos;s key give the certificate&apos;s number in the list: KEY/3 (not &quot;%1&quot;).</source>
        <translation>Sau mã quyết định, ghi số thứ tự của người nhận trong danh sách: MÃ/3 (không phải &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>There is no decision with the key &quot;%1&quot;.</source>
        <translation>Không có quyết định nào có mã &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Number %1 of the decision&apos;s list is not printed on this blank; its certificates are numbers %2.</source>
        <translation>Số %1 trong danh sách của quyết định không in trên loại phôi này; các bằng của phôi này là số %2.</translation>
    </message>
    <message>
        <source>There is no certificate to print.</source>
        <translation>Không có bằng nào để in.</translation>
    </message>
    <message>
        <source>The printer or file cannot be opened for printing.</source>
        <translation>Không mở được máy in hoặc tệp để in.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Documents::DecisionDocuments</name>
    <message>
        <source>Decision %1 is issued by %2, but the office&apos;s letterhead is %3. A decision is printed under the letterhead of the body that issues it: change the letterhead (Settings ▸ Letterhead…, or vinhdanh-cli letterhead --body) or the decision&apos;s issuer.</source>
        <translation>Quyết định %1 do %2 ban hành nhưng tiêu đề văn bản của cơ quan là %3. Quyết định phải in dưới tiêu đề của cơ quan ban hành: sửa tiêu đề văn bản (Cài đặt ▸ Tiêu đề văn bản…, hoặc vinhdanh-cli letterhead --body) hoặc cơ quan ban hành của quyết định.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Documents::Kinds</name>
    <message>
        <source>dossier</source>
        <translation>hồ sơ</translation>
    </message>
    <message>
        <source>council sitting</source>
        <translation>phiên họp Hội đồng</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>quyết định</translation>
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
        <source>movement</source>
        <translation>phong trào</translation>
    </message>
    <message>
        <source>There is no document &quot;%1&quot;. The documents are: %2.</source>
        <translation>Không có văn bản &quot;%1&quot;. Các văn bản hiện có: %2.</translation>
    </message>
    <message>
        <source>For a movement report give the movement&apos;s key and the year or the review: KEY/2025, KEY/so_ket or KEY/tong_ket (not &quot;%1&quot;).</source>
        <translation>Với báo cáo phong trào, hãy ghi mã phong trào kèm năm hoặc đợt sơ kết, tổng kết: MÃ/2025, MÃ/so_ket hoặc MÃ/tong_ket (không phải &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>There is no %1 with the key &quot;%2&quot;.</source>
        <translation>Không có %1 nào có mã &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>the person&apos;s key</source>
        <translation>mã cá nhân</translation>
    </message>
    <message>
        <source>the unit&apos;s key</source>
        <translation>mã đơn vị</translation>
    </message>
    <message>
        <source>the movement&apos;s key and the year or review: KEY/2025, KEY/so_ket or KEY/tong_ket</source>
        <translation>mã phong trào và năm hoặc đợt tổng kết: MÃ/2025, MÃ/so_ket hoặc MÃ/tong_ket</translation>
    </message>
    <message>
        <source>the dossier&apos;s number (HS 12/2025) or key</source>
        <translation>số của hồ sơ (HS 12/2025) hoặc mã</translation>
    </message>
    <message>
        <source>the council sitting&apos;s number (3/2026) or key</source>
        <translation>số của phiên họp Hội đồng (3/2026) hoặc mã</translation>
    </message>
    <message>
        <source>the decision&apos;s number or key</source>
        <translation>số hoặc mã của quyết định</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Documents::Letterhead</name>
    <message>
        <source>Enter the name of the issuing body (for example SỞ NỘI VỤ).</source>
        <translation>Hãy nhập tên cơ quan ban hành văn bản (VD: SỞ NỘI VỤ).</translation>
    </message>
    <message>
        <source>Enter the body&apos;s abbreviation for document numbers, without spaces or slashes (for example SNV).</source>
        <translation>Hãy nhập chữ viết tắt tên cơ quan dùng trong số, ký hiệu văn bản, không có dấu cách hoặc dấu gạch chéo (VD: SNV).</translation>
    </message>
    <message>
        <source>Every signer needs a name.</source>
        <translation>Mỗi người ký phải có họ tên.</translation>
    </message>
    <message>
        <source>%1 signs as TM, KT or Q, or without a prefix; not &quot;%2&quot;.</source>
        <translation>%1 ký với thẩm quyền TM, KT hoặc Q, hoặc ký trực tiếp; không phải &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Documents::Renderer</name>
    <message>
        <source>The document cannot be printed: the printer or file did not open.</source>
        <translation>Không thể in văn bản: không mở được máy in hoặc tệp.</translation>
    </message>
    <message>
        <source>%1 cannot be written: check the folder and that the file is not open elsewhere.</source>
        <translation>Không thể ghi %1: hãy kiểm tra thư mục và bảo đảm tệp không đang được mở ở chương trình khác.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Không thể ghi %1: %2</translation>
    </message>
    <message>
        <source>%1: .odt files are no longer made; choose a file ending in .docx, which LibreOffice and Word both open.</source>
        <translation>%1: không còn tạo tệp .odt; hãy chọn tệp có đuôi .docx (mở được bằng cả LibreOffice và Word).</translation>
    </message>
    <message>
        <source>%1: choose a file ending in .pdf, .docx, .xlsx or .csv.</source>
        <translation>%1: hãy chọn tệp có đuôi .pdf, .docx, .xlsx hoặc .csv.</translation>
    </message>
    <message>
        <source>%1 has no list to write as .%2; save it as .pdf or .docx.</source>
        <translation>%1 không có danh sách để ghi ra tệp .%2; hãy lưu thành tệp .pdf hoặc .docx.</translation>
    </message>
    <message>
        <source>Printing was stopped.</source>
        <translation>Đã dừng in.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Documents::ReportDocuments</name>
    <message>
        <source>The person of this report no longer exists.</source>
        <translation>Cá nhân của báo cáo này không còn tồn tại.</translation>
    </message>
    <message>
        <source>The unit of this report no longer exists.</source>
        <translation>Đơn vị của báo cáo này không còn tồn tại.</translation>
    </message>
    <message>
        <source>The movement of this report no longer exists.</source>
        <translation>Phong trào của báo cáo này không còn tồn tại.</translation>
    </message>
    <message>
        <source>Unknown occasion &quot;%1&quot;; use one of: %2.</source>
        <translation>Dịp khen thưởng &quot;%1&quot; không hợp lệ; hãy dùng một trong: %2.</translation>
    </message>
    <message>
        <source>The plan of the movement &quot;%1&quot; holds no %2 in %3; choose a year or a review it holds.</source>
        <translation>Kế hoạch của phong trào &quot;%1&quot; không có %2 vào năm %3; hãy chọn một năm hoặc một đợt sơ kết, tổng kết có trong kế hoạch.</translation>
    </message>
    <message>
        <source>The plan of the movement &quot;%1&quot; holds no %2; choose a year or a review it holds.</source>
        <translation>Kế hoạch của phong trào &quot;%1&quot; không có %2; hãy chọn một năm hoặc một đợt sơ kết, tổng kết có trong kế hoạch.</translation>
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
    <name>VinhDanh::Ui::Application</name>
    <message>
        <source>The operation could not be completed</source>
        <translation>Không thực hiện được thao tác</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AppraisalPanel</name>
    <message>
        <source>&amp;Agreed: propose it</source>
        <translation>Đồng ý đề &amp;nghị</translation>
    </message>
    <message>
        <source>&amp;Not agreed</source>
        <translation>&amp;Không đồng ý</translation>
    </message>
    <message>
        <source>&amp;Record appraisal</source>
        <translation>&amp;Ghi ý kiến thẩm định</translation>
    </message>
    <message>
        <source>Your verdict differs from the engine&apos;s. Write why (the &amp;override reason):</source>
        <translation>Ý kiến của bạn khác kết quả xét của hệ thống. Hãy ghi &amp;rõ lý do:</translation>
    </message>
    <message>
        <source>Appraiser&apos;s verdict</source>
        <translation>Ý kiến thẩm định</translation>
    </message>
    <message>
        <source>Nominee:</source>
        <translation>Đối tượng:</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Not appraised yet.</source>
        <translation>Chưa thẩm định.</translation>
    </message>
    <message>
        <source>Recorded by %1 on %2.</source>
        <translation>Người ghi: %1, ngày %2.</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>(không có tài khoản)</translation>
    </message>
    <message>
        <source>&amp;Reason (required when not agreed):</source>
        <translation>&amp;Lý do (bắt buộc khi không đồng ý):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AttachmentsPanel</name>
    <message>
        <source>&amp;Add file…</source>
        <translation>&amp;Thêm tệp…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Lưu thành…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Xóa…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Loại tài liệu</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ngày thêm</translation>
    </message>
    <message>
        <source>Required documents:</source>
        <translation>Thành phần hồ sơ bắt buộc:</translation>
    </message>
    <message>
        <source>Attach as:</source>
        <translation>Loại tài liệu đính kèm:</translation>
    </message>
    <message>
        <source>%1 — missing</source>
        <translation>%1 — còn thiếu</translation>
    </message>
    <message numerus="yes">
        <source>%n required document(s) missing.</source>
        <translation>
            <numerusform>Còn thiếu %n thành phần hồ sơ bắt buộc.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every required document is attached.</source>
        <translation>Đã đính kèm đủ thành phần hồ sơ bắt buộc.</translation>
    </message>
    <message>
        <source>Attach a file as: %1</source>
        <translation>Đính kèm tệp: %1</translation>
    </message>
    <message>
        <source>Cannot attach the file</source>
        <translation>Không thể đính kèm tệp</translation>
    </message>
    <message>
        <source>Save the document as</source>
        <translation>Lưu tài liệu thành</translation>
    </message>
    <message>
        <source>Cannot save the document</source>
        <translation>Không thể lưu tài liệu</translation>
    </message>
    <message>
        <source>The file “%1” could not be written: %2. Choose another folder or name.</source>
        <translation>Không ghi được tệp “%1”: %2. Hãy chọn thư mục hoặc tên khác.</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Xóa tài liệu</translation>
    </message>
    <message>
        <source>Remove “%1” from the dossier?</source>
        <translation>Xóa “%1” khỏi hồ sơ?</translation>
    </message>
    <message>
        <source>Cannot remove the document</source>
        <translation>Không thể xóa tài liệu</translation>
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
    <message>
        <source>Include CCCD numbers and birth dates</source>
        <translation>Kèm số CCCD và ngày sinh</translation>
    </message>
    <message>
        <source>The hash chain that makes the audit log tamper-evident has not been verified in this window yet.</source>
        <translation>Chuỗi mã băm giúp phát hiện việc sửa nhật ký thao tác chưa được kiểm tra trong cửa sổ này.</translation>
    </message>
    <message>
        <source>Without this, exports show *** in place of CCCD numbers and birth dates. The export is recorded in the audit log.</source>
        <translation>Nếu không chọn, tệp xuất sẽ hiện *** thay cho số CCCD và ngày sinh. Việc xuất được ghi vào nhật ký thao tác.</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Kiểm tra</translation>
    </message>
    <message>
        <source>Check that no row of the audit log was changed or deleted since it was written.</source>
        <translation>Kiểm tra rằng không dòng nào của nhật ký thao tác bị sửa hoặc xóa kể từ khi được ghi.</translation>
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
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Year of achievement</source>
        <translation>Năm đạt thành tích</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
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
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::AwardeesModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ tên / tên đơn vị</translation>
    </message>
    <message>
        <source>Unit / position</source>
        <translation>Đơn vị / chức vụ</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Amount (VND)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::BackupActions</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Back up the server&apos;s database</source>
        <translation>Sao lưu cơ sở dữ liệu trên máy chủ</translation>
    </message>
    <message>
        <source>pg_dump archives (*.dump)</source>
        <translation>Tệp lưu trữ pg_dump (*.dump)</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>The database was backed up to %1.</source>
        <translation>Đã sao lưu cơ sở dữ liệu vào %1.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Replace the open database with this backup? Everything recorded after the backup was taken is replaced; the current contents are kept as a backup of their own.</source>
        <translation>Thay cơ sở dữ liệu đang mở bằng bản sao lưu này? Mọi thông tin ghi sau thời điểm sao lưu sẽ bị thay thế; nội dung hiện tại được giữ lại thành một bản sao lưu riêng.</translation>
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
    <message>
        <source>To confirm:
%1</source>
        <translation>Cần xác nhận:
%1</translation>
    </message>
    <message>
        <source>To enter: %1</source>
        <translation>Cần nhập: %1</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CandidatesView</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
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
    <message>
        <source>Not eligible or missing data</source>
        <translation>Không đủ điều kiện hoặc thiếu dữ liệu</translation>
    </message>
    <message>
        <source>Record the unit&apos;s bình xét minutes for the selected rows (or pick recorded ones) and confirm from them the facts of the year that count for every award form.</source>
        <translation>Ghi biên bản họp bình xét của đơn vị cho các dòng đã chọn (hoặc chọn biên bản đã ghi) và xác nhận theo biên bản các tiêu chuẩn của năm được tính cho mọi hình thức khen thưởng.</translation>
    </message>
    <message>
        <source>F&amp;ind candidates</source>
        <translation>&amp;Rà soát đối tượng</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>X&amp;uất CSV…</translation>
    </message>
    <message>
        <source>Confi&amp;rm from minutes…</source>
        <translation>Xác nhận theo biên bản…</translation>
    </message>
    <message>
        <source>A&amp;ward form:</source>
        <translation>Hình thức khen thưởng:</translation>
    </message>
    <message>
        <source>V&amp;erdict:</source>
        <translation>Kết &amp;quả:</translation>
    </message>
    <message>
        <source>The registry has changed since these rows were found: press Find candidates to check again.</source>
        <translation>Dữ liệu đã thay đổi sau khi lập danh sách này: bấm Rà soát đối tượng để xét lại.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CertificateDialog</name>
    <message>
        <source>Certificates of decision %1</source>
        <translation>In phôi bằng của quyết định %1</translation>
    </message>
    <message>
        <source>No. in the list</source>
        <translation>Số TT trong danh sách</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Người, tập thể nhận</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>No printer installed (PDF only)</source>
        <translation>Chưa cài máy in (chỉ lưu PDF)</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>Quyết định:</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 ngày %2</translation>
    </message>
    <message>
        <source>Blank:</source>
        <translation>Loại phôi:</translation>
    </message>
    <message>
        <source>Printer and calibration</source>
        <translation>Máy in và căn chỉnh</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Máy in:</translation>
    </message>
    <message>
        <source>across</source>
        <translation>ngang</translation>
    </message>
    <message>
        <source>down</source>
        <translation>dọc</translation>
    </message>
    <message>
        <source>Offset:</source>
        <translation>Độ lệch:</translation>
    </message>
    <message>
        <source>from the left edge</source>
        <translation>từ mép trái</translation>
    </message>
    <message>
        <source>from the top edge</source>
        <translation>từ mép trên</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Cross measured on the test grid:</source>
        <translation>Vị trí dấu + đo trên lưới căn chỉnh:</translation>
    </message>
    <message>
        <source>Print test grid</source>
        <translation>In lưới căn chỉnh</translation>
    </message>
    <message>
        <source>Save test grid as PDF…</source>
        <translation>Lưu lưới căn chỉnh ra PDF…</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Bố cục</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>Export the layout</source>
        <translation>Xuất bố cục</translation>
    </message>
    <message>
        <source>Layouts (*.json)</source>
        <translation>Bố cục (*.json)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Nhập…</translation>
    </message>
    <message>
        <source>Import a layout</source>
        <translation>Nhập bố cục</translation>
    </message>
    <message>
        <source>Reset to the shipped layout</source>
        <translation>Khôi phục bố cục mặc định</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Xem trước…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu ra PDF…</translation>
    </message>
    <message>
        <source>Certificates are printed once the decision is issued, with its final number and date.</source>
        <translation>Chỉ in phôi bằng khi quyết định đã ban hành, có số và ngày chính thức.</translation>
    </message>
    <message>
        <source>This decision awards nothing that is printed on a Bằng khen or Giấy khen blank.</source>
        <translation>Quyết định này không có hình thức nào in trên phôi Bằng khen hoặc Giấy khen.</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>In phôi bằng</translation>
    </message>
    <message>
        <source>%1 × %2 mm, %3. %4</source>
        <translation>%1 × %2 mm, %3. %4</translation>
    </message>
    <message>
        <source>the office&apos;s own layout</source>
        <translation>bố cục riêng của cơ quan</translation>
    </message>
    <message>
        <source>the shipped layout</source>
        <translation>bố cục mặc định của chương trình</translation>
    </message>
    <message>
        <source>New offset: %1 mm across, %2 mm down. Print the test grid again to check.</source>
        <translation>Độ lệch mới: ngang %1 mm, dọc %2 mm. Hãy in lại lưới căn chỉnh để kiểm tra.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) saved to %1.</source>
        <translation>
            <numerusform>Đã lưu %n bằng vào %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Test grid saved to %1.</source>
        <translation>Đã lưu lưới căn chỉnh vào %1.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>Không đọc được %1: %2</translation>
    </message>
    <message>
        <source>The office&apos;s layout of %1 is now in use.</source>
        <translation>Đang dùng bố cục %1 riêng của cơ quan.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>Không ghi được %1: %2</translation>
    </message>
    <message>
        <source>Layout saved to %1.</source>
        <translation>Đã lưu bố cục vào %1.</translation>
    </message>
    <message>
        <source>The shipped layout of %1 is in use again.</source>
        <translation>Đã quay về bố cục %1 mặc định.</translation>
    </message>
    <message>
        <source>Test grid sent to %1.</source>
        <translation>Đã gửi lưới căn chỉnh đến %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) sent to %1.</source>
        <translation>
            <numerusform>Đã gửi %n bằng đến %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the test grid</source>
        <translation>Lưu lưới căn chỉnh</translation>
    </message>
    <message>
        <source>Save the certificates</source>
        <translation>Lưu các bằng</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Gold book no.</source>
        <translation>Số sổ vàng</translation>
    </message>
    <message>
        <source>Select rows to print only those (a reprint); with none selected, all are printed in the order of the decision&apos;s list. A certificate gets its gold book number the first time it is printed or saved, and keeps it when reprinted.</source>
        <translation>Chọn dòng để chỉ in những người đó (in lại); không chọn dòng nào thì in tất cả theo thứ tự danh sách của quyết định. Mỗi bằng được cấp số sổ vàng khi in hoặc lưu lần đầu và giữ nguyên số đó khi in lại.</translation>
    </message>
    <message>
        <source>not printed yet</source>
        <translation>chưa in</translation>
    </message>
    <message>
        <source>Another computer took some gold book numbers while this preview was printed: print those certificates again to have the right numbers on them.</source>
        <translation>Trong lúc in từ bản xem trước, một máy khác đã lấy một số số sổ vàng: hãy in lại các bằng đó để có đúng số.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::ColumnMappingModel</name>
    <message>
        <source>Left out (not recognised)</source>
        <translation>Bỏ qua (không nhận ra)</translation>
    </message>
    <message>
        <source>Press F2 or double-click to choose what this column holds.</source>
        <translation>Nhấn F2 hoặc nháy đúp để chọn nội dung của cột này.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Cột trong tệp</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Hiểu là</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::ColumnMappingPanel</name>
    <message>
        <source>The row of the sheet that holds the column headers. Choose it when the list starts with a letterhead or a title that was taken for the headers.</source>
        <translation>Dòng của bảng tính ghi tiêu đề các cột. Chọn dòng này khi danh sách mở đầu bằng tiêu đề văn bản hoặc tên danh sách bị hiểu nhầm là tiêu đề cột.</translation>
    </message>
    <message>
        <source>Header ro&amp;w:</source>
        <translation>Dòng t&amp;iêu đề của bảng:</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>Found from the headers (row %1)</source>
        <translation>Tự tìm theo tiêu đề cột (dòng %1)</translation>
    </message>
    <message>
        <source>Found from the headers</source>
        <translation>Tự tìm theo tiêu đề cột</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Dòng %1</translation>
    </message>
    <message>
        <source>Sa&amp;ve the column mapping…</source>
        <translation>Lư&amp;u cách ghép cột…</translation>
    </message>
    <message>
        <source>Save how the columns are read under a name, for every clerk of the office and for files laid out the same way.</source>
        <translation>Lưu cách hiểu các cột dưới một tên, để mọi cán bộ của cơ quan dùng lại cho các tệp cùng mẫu.</translation>
    </message>
    <message>
        <source>Column mappin&amp;g:</source>
        <translation>Cách &amp;ghép cột:</translation>
    </message>
    <message>
        <source>How the columns are rea&amp;d:</source>
        <translation>Cách &amp;hiểu từng cột:</translation>
    </message>
    <message>
        <source>Automatic (from the headers)</source>
        <translation>Tự động (theo tiêu đề cột)</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Cách ghép cột</translation>
    </message>
    <message>
        <source>Save the column mapping</source>
        <translation>Lưu cách ghép cột</translation>
    </message>
    <message>
        <source>A name for this column mapping (every clerk of the office will find it in the list):</source>
        <translation>Tên của cách ghép cột này (mọi cán bộ của cơ quan sẽ thấy trong danh sách):</translation>
    </message>
    <message>
        <source>D&amp;elete the column mapping…</source>
        <translation>&amp;Xóa cách ghép cột…</translation>
    </message>
    <message>
        <source>Delete the saved column mapping chosen in the list, for every clerk of the office.</source>
        <translation>Xóa cách ghép cột đã lưu đang chọn trong danh sách, với mọi cán bộ của cơ quan.</translation>
    </message>
    <message>
        <source>Delete the column mapping</source>
        <translation>Xóa cách ghép cột</translation>
    </message>
    <message>
        <source>Delete the saved column mapping &quot;%1&quot;? No clerk of the office will find it in the list any more; lists already imported do not change.</source>
        <translation>Xóa cách ghép cột đã lưu &quot;%1&quot;? Mọi cán bộ của cơ quan sẽ không còn thấy nó trong danh sách; các danh sách đã nhập không thay đổi.</translation>
    </message>
    <message>
        <source>The saved column mapping &quot;%1&quot; chose row %2 as the header; choose another row under &quot;Header row&quot;, or &quot;Found from the headers&quot;.</source>
        <translation>Cách ghép cột đã lưu &quot;%1&quot; đã chọn dòng %2 làm dòng tiêu đề; hãy chọn dòng khác ở mục &quot;Dòng tiêu đề của bảng&quot;, hoặc &quot;Tự tìm theo tiêu đề cột&quot;.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::Columns</name>
    <message>
        <source>Fit the columns to their contents</source>
        <translation>Đặt lại độ rộng cột theo nội dung</translation>
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
    <name>VinhDanh::Ui::CouncilFillDialog</name>
    <message>
        <source>%1; %2; year %3</source>
        <translation>%1; %2; năm %3</translation>
    </message>
    <message>
        <source>Fill from the council&apos;s result</source>
        <translation>Điền theo kết quả của Hội đồng</translation>
    </message>
    <message>
        <source>Tick the dossiers whose nominees the council passed that this decision awards. One decision follows one basis: the dossiers ticked must share the track, the occasion and the year.</source>
        <translation>Đánh dấu các hồ sơ có đối tượng được Hội đồng thông qua mà quyết định này khen thưởng. Mỗi quyết định theo một căn cứ: các hồ sơ được đánh dấu phải cùng phong trào (hoặc cùng là khen thưởng thường xuyên), cùng dịp và cùng năm.</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Proposing unit</source>
        <translation>Đơn vị đề nghị</translation>
    </message>
    <message>
        <source>Track, occasion, year</source>
        <translation>Phong trào, dịp, năm</translation>
    </message>
    <message>
        <source>Nominees</source>
        <translation>Số đối tượng</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>Đ&amp;iền</translation>
    </message>
    <message>
        <source>The sitting passed no nominee that this office awards and that is not already on another decision or settled.</source>
        <translation>Phiên họp không có đối tượng nào được thông qua thuộc thẩm quyền khen thưởng của cơ quan mà chưa có trong quyết định khác và chưa có kết quả.</translation>
    </message>
    <message>
        <source>Tick at least one dossier.</source>
        <translation>Hãy đánh dấu ít nhất một hồ sơ.</translation>
    </message>
    <message>
        <source>The dossiers ticked differ in track, occasion or year; a decision follows one basis, so tick only dossiers alike and make another decision for the others.</source>
        <translation>Các hồ sơ được đánh dấu khác nhau về phong trào, dịp hoặc năm; mỗi quyết định theo một căn cứ, hãy chỉ đánh dấu các hồ sơ cùng căn cứ và lập quyết định khác cho các hồ sơ còn lại.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>register number: title</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CouncilItemsModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 of %2 voters agreed; needed: %3.</source>
        <translation>%1/%2 thành viên biểu quyết tán thành; yêu cầu: %3.</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột lợi ích</translation>
    </message>
    <message>
        <source>Agree</source>
        <translation>Tán thành</translation>
    </message>
    <message>
        <source>Disagree</source>
        <translation>Không tán thành</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>Không biểu quyết</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Ngưỡng biểu quyết</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a dossier&apos;s register number: its title and unit</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::CouncilView</name>
    <message>
        <source>&amp;New sitting</source>
        <translation>&amp;Thêm phiên họp</translation>
    </message>
    <message>
        <source>Start the record of a council sitting (the members of the latest sitting are copied)</source>
        <translation>Bắt đầu ghi nhận một phiên họp Hội đồng (sao chép thành viên của phiên họp gần nhất)</translation>
    </message>
    <message numerus="yes">
        <source>%n sitting(s)</source>
        <translation>
            <numerusform>%n phiên họp</numerusform>
        </translation>
    </message>
    <message>
        <source>The sitting has changes that are not saved. Save them?</source>
        <translation>Phiên họp có thay đổi chưa được lưu. Lưu các thay đổi?</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DateField</name>
    <message>
        <source>day/month/year</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>%1: “%2” is not a date; write it as day/month/year (for example 06/12/2026), or leave it empty.</source>
        <translation>%1: “%2” không phải là ngày; hãy nhập theo dạng ngày/tháng/năm (ví dụ 06/12/2026) hoặc để trống.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DecisionListModel</name>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Awardees</source>
        <translation>Số đối tượng</translation>
    </message>
    <message>
        <source>Total (VND)</source>
        <translation>Tổng cộng (đồng)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DecisionPage</name>
    <message>
        <source>← All decisions</source>
        <translation>← Tất cả quyết định</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Lưu dự thảo</translation>
    </message>
    <message>
        <source>&amp;Fill from the council&apos;s result</source>
        <translation>Điền theo kết quả của &amp;Hội đồng</translation>
    </message>
    <message>
        <source>&amp;Remove awardee</source>
        <translation>&amp;Xóa khỏi danh sách</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>&amp;Ban hành…</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>Xóa &amp;dự thảo</translation>
    </message>
    <message>
        <source>New &amp;amending decision</source>
        <translation>Quyết định sửa đổ&amp;i mới</translation>
    </message>
    <message>
        <source>Trích yếu, e.g. on awarding the Certificate of Merit for 2025</source>
        <translation>Trích yếu, VD: Về việc tặng Bằng khen năm 2025</translation>
    </message>
    <message>
        <source>The register the number is taken from (default: Settings ▸ Bonuses and votes)</source>
        <translation>Sổ quyết định dùng để lấy số (mặc định: Cài đặt ▸ Tiền thưởng và biểu quyết)</translation>
    </message>
    <message>
        <source>Replace the list by the nominees the chosen sitting passed that are not in another decision</source>
        <translation>Thay danh sách bằng các đối tượng đạt tại phiên họp đã chọn và chưa có trong quyết định khác</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Iss&amp;uer (register):</source>
        <translation>&amp;Cơ quan ban hành (sổ quyết định):</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Số:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>N&amp;gày:</translation>
    </message>
    <message>
        <source>&amp;Title (trích yếu):</source>
        <translation>&amp;Trích yếu:</translation>
    </message>
    <message>
        <source>Si&amp;gner:</source>
        <translation>Người &amp;ký:</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;position:</source>
        <translation>Chức &amp;vụ người ký:</translation>
    </message>
    <message>
        <source>Au&amp;thority:</source>
        <translation>Thẩm &amp;quyền ký:</translation>
    </message>
    <message>
        <source>&amp;Council sitting:</source>
        <translation>&amp;Phiên họp Hội đồng:</translation>
    </message>
    <message>
        <source>Awardees</source>
        <translation>Đối tượng được khen thưởng</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Cannot open the decision</source>
        <translation>Không thể mở quyết định</translation>
    </message>
    <message>
        <source>Amends decision %1 of %2.</source>
        <translation>Sửa đổi quyết định số %1 ngày %2.</translation>
    </message>
    <message>
        <source>Number %1 of %2 in %3 is already used: %4. A decision cannot be issued under a number another issued decision holds.</source>
        <translation>Số %1 năm %2 trong sổ của %3 đã được dùng: %4. Không thể ban hành quyết định trùng số với một quyết định khác đã ban hành.</translation>
    </message>
    <message>
        <source>Total: %1 VND</source>
        <translation>Tổng cộng: %1 đồng</translation>
    </message>
    <message>
        <source>Cannot save the decision</source>
        <translation>Không thể lưu quyết định</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Fill from the council&apos;s result</source>
        <translation>Điền theo kết quả của Hội đồng</translation>
    </message>
    <message>
        <source>Choose the council sitting whose result this decision follows.</source>
        <translation>Hãy chọn phiên họp Hội đồng mà quyết định này căn cứ theo kết quả.</translation>
    </message>
    <message numerus="yes">
        <source>Replace the %n awardee(s) listed by the sitting&apos;s result?</source>
        <translation>
            <numerusform>Thay %n đối tượng trong danh sách bằng kết quả của phiên họp?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot fill the decision</source>
        <translation>Không thể điền quyết định</translation>
    </message>
    <message>
        <source>The sitting passed no nominee that this office decides and that is not already in another decision.</source>
        <translation>Phiên họp không có đối tượng đạt nào thuộc thẩm quyền quyết định của cơ quan mà chưa có trong quyết định khác.</translation>
    </message>
    <message>
        <source>Cannot remove the awardee</source>
        <translation>Không thể xóa đối tượng khỏi danh sách</translation>
    </message>
    <message>
        <source>Issue decision</source>
        <translation>Ban hành quyết định</translation>
    </message>
    <message numerus="yes">
        <source>Issue decision %1 dated %2 with %n awardee(s)? The awards are written to the registry, and the decision can no longer be changed (a correction needs an amending decision).</source>
        <translation>
            <numerusform>Ban hành quyết định số %1 ngày %2 khen thưởng %n đối tượng? Các khen thưởng sẽ được ghi vào cơ sở dữ liệu và quyết định không thể sửa được nữa (muốn đính chính phải ban hành quyết định sửa đổi).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot issue the decision</source>
        <translation>Không thể ban hành quyết định</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Xóa dự thảo</translation>
    </message>
    <message>
        <source>Delete the draft decision %1?</source>
        <translation>Xóa dự thảo quyết định %1?</translation>
    </message>
    <message>
        <source>Cannot delete the draft</source>
        <translation>Không thể xóa dự thảo</translation>
    </message>
    <message>
        <source>Decision %1 — %2</source>
        <translation>Quyết định %1 — %2</translation>
    </message>
    <message>
        <source>New decision</source>
        <translation>Quyết định mới</translation>
    </message>
    <message>
        <source>Issued on %1 by %2: read-only. A correction is made by an amending decision.</source>
        <translation>Đã ban hành ngày %1 (người thực hiện: %2), chỉ đọc. Muốn đính chính phải ban hành quyết định sửa đổi.</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>(không có tài khoản)</translation>
    </message>
    <message>
        <source>Your account may look at this draft but not change it.</source>
        <translation>Tài khoản của bạn được xem dự thảo này nhưng không được sửa.</translation>
    </message>
    <message>
        <source>New draft: check the number, fill in the date, title and signer, choose the sitting, then fill the list from its result.</source>
        <translation>Dự thảo mới: kiểm tra số, điền ngày, trích yếu và người ký, chọn phiên họp, rồi điền danh sách theo kết quả của phiên họp.</translation>
    </message>
    <message>
        <source>Changes not saved yet.</source>
        <translation>Có thay đổi chưa lưu.</translation>
    </message>
    <message>
        <source>Draft: not in force until it is issued.</source>
        <translation>Dự thảo: chưa có hiệu lực cho đến khi được ban hành.</translation>
    </message>
    <message>
        <source>Decision with its list (quyết định)…</source>
        <translation>Quyết định kèm danh sách…</translation>
    </message>
    <message>
        <source>Save the changes first: the document is made from the saved decision.</source>
        <translation>Hãy lưu các thay đổi trước: văn bản được lập từ quyết định đã lưu.</translation>
    </message>
    <message>
        <source>Save the draft first: the document is made from the saved decision.</source>
        <translation>Hãy lưu dự thảo trước: văn bản được lập từ quyết định đã lưu.</translation>
    </message>
    <message>
        <source>Certificates on blanks (in phôi)…</source>
        <translation>In phôi Bằng khen, Giấy khen…</translation>
    </message>
    <message>
        <source>Certificates are printed once the decision is issued.</source>
        <translation>Chỉ in phôi bằng khi quyết định đã ban hành.</translation>
    </message>
    <message>
        <source>The sitting passed no nominee that this office awards and that is not already on another decision or settled.</source>
        <translation>Phiên họp không có đối tượng nào được thông qua thuộc thẩm quyền khen thưởng của cơ quan mà chưa có trong quyết định khác và chưa có kết quả.</translation>
    </message>
    <message>
        <source>Left out of the list:</source>
        <translation>Không đưa vào danh sách:</translation>
    </message>
    <message>
        <source>Write why decision %1 is issued all the same (the reason is kept with the awards in the registry).</source>
        <translation>Hãy ghi lý do vẫn ban hành quyết định %1 (lý do được lưu cùng các khen thưởng trong sổ khen thưởng).</translation>
    </message>
    <message>
        <source>%1: %2 — %3 (%4)</source>
        <comment>register number: title — date (status)</comment>
        <translation>%1: %2 — %3 (%4)</translation>
    </message>
    <message>
        <source>Cannot start an amending decision</source>
        <translation>Không thể lập quyết định sửa đổi</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DecisionsView</name>
    <message>
        <source>&amp;New decision</source>
        <translation>&amp;Thêm quyết định</translation>
    </message>
    <message>
        <source>Draft a decision with the next number of the register</source>
        <translation>Dự thảo quyết định với số tiếp theo trong sổ quyết định</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s)</source>
        <translation>
            <numerusform>%n quyết định</numerusform>
        </translation>
    </message>
    <message>
        <source>The decision has changes that are not saved. Save them?</source>
        <translation>Quyết định có thay đổi chưa được lưu. Lưu các thay đổi?</translation>
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
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DocumentDialog</name>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành P&amp;DF…</translation>
    </message>
    <message>
        <source>Save as &amp;XLSX…</source>
        <translation>Lưu thành &amp;XLSX…</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Lưu thành &amp;CSV…</translation>
    </message>
    <message>
        <source>Cannot make the document</source>
        <translation>Không thể lập văn bản</translation>
    </message>
    <message>
        <source>Cannot save the document</source>
        <translation>Không thể lưu văn bản</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Đã lưu vào %1.</translation>
    </message>
    <message>
        <source>Save the document</source>
        <translation>Lưu văn bản</translation>
    </message>
    <message>
        <source>Cannot print the document</source>
        <translation>Không thể in văn bản</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Tài liệu Word (*.docx)</translation>
    </message>
    <message>
        <source>CSV for Excel, columns separated by semicolons (*.csv)</source>
        <translation>CSV cho Excel, các cột cách nhau bằng dấu chấm phẩy (*.csv)</translation>
    </message>
    <message>
        <source>Save as D&amp;OCX…</source>
        <translation>Lưu thành D&amp;OCX…</translation>
    </message>
    <message>
        <source>Columns separated by semicolons, as Excel under Vietnamese settings reads them; XLSX keeps the title and prints as the document does</source>
        <translation>Các cột cách nhau bằng dấu chấm phẩy, như Excel với thiết lập tiếng Việt đọc; XLSX giữ tiêu đề và in như văn bản</translation>
    </message>
    <message>
        <source>Laying out the pages of the list…</source>
        <translation>Đang dàn trang danh sách…</translation>
    </message>
    <message>
        <source>The preview was stopped: it shows only the first pages.</source>
        <translation>Đã dừng xem trước: chỉ hiện các trang đầu.</translation>
    </message>
    <message>
        <source>Saving the list…</source>
        <translation>Đang lưu danh sách…</translation>
    </message>
    <message>
        <source>Saving was stopped; no file was written.</source>
        <translation>Đã dừng lưu; không ghi tệp nào.</translation>
    </message>
    <message>
        <source>Printing the list…</source>
        <translation>Đang in danh sách…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DossierDialog</name>
    <message>
        <source>Edit dossier header</source>
        <translation>Sửa thông tin chung của hồ sơ</translation>
    </message>
    <message>
        <source>New dossier</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <source>e.g. 45/TTr-SKHCN</source>
        <translation>VD: 45/TTr-SKHCN</translation>
    </message>
    <message>
        <source>&amp;Proposing unit:</source>
        <translation>Đơn vị đề n&amp;ghị:</translation>
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
        <source>&amp;Year of achievement:</source>
        <translation>&amp;Năm đạt thành tích:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Trích yếu:</translation>
    </message>
    <message>
        <source>Letter &amp;number:</source>
        <translation>&amp;Số tờ trình:</translation>
    </message>
    <message>
        <source>Letter &amp;date:</source>
        <translation>Ngày tờ t&amp;rình:</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <source>(none: regular annual track)</source>
        <translation>(không: khen thưởng thường xuyên hằng năm)</translation>
    </message>
    <message>
        <source>Proposal for awards for %1</source>
        <translation>Đề nghị khen thưởng năm %1</translation>
    </message>
    <message>
        <source>Proposing unit: choose the unit that sends the proposal.</source>
        <translation>Đơn vị đề nghị: hãy chọn đơn vị gửi đề nghị.</translation>
    </message>
    <message>
        <source>Proposing unit: “%1” is not a unit of the registry; choose one from the list.</source>
        <translation>Đơn vị đề nghị: “%1” không phải là đơn vị có trong cơ sở dữ liệu; hãy chọn trong danh sách.</translation>
    </message>
    <message>
        <source>Title: write what the dossier proposes, e.g. “Proposal for awards for %1”.</source>
        <translation>Trích yếu: hãy ghi nội dung đề nghị của hồ sơ, VD: “Đề nghị khen thưởng năm %1”.</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Ngày tờ trình</translation>
    </message>
    <message>
        <source>Proposing unit</source>
        <translation>Đơn vị đề nghị</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Dịp khen thưởng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Số tờ trình</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DossierListModel</name>
    <message>
        <source>Returned: %1</source>
        <translation>Bị trả lại: %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Proposing unit</source>
        <translation>Đơn vị đề nghị</translation>
    </message>
    <message>
        <source>Movement</source>
        <translation>Phong trào</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>Dịp khen thưởng</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Nominees</source>
        <translation>Số đối tượng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DossierPage</name>
    <message>
        <source>Edit &amp;header…</source>
        <translation>Sửa thông tin &amp;chung…</translation>
    </message>
    <message>
        <source>&amp;Delete dossier…</source>
        <translation>Xóa &amp;hồ sơ…</translation>
    </message>
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
    <message>
        <source>Open &amp;page</source>
        <translation>&amp;Mở trang chi tiết</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Nominees</source>
        <translation>Đối tượng đề nghị</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Quá trình xử lý</translation>
    </message>
    <message>
        <source>Open the person&apos;s or unit&apos;s page in the registry.</source>
        <translation>Mở trang chi tiết của cá nhân hoặc đơn vị.</translation>
    </message>
    <message>
        <source>Dossier: %1</source>
        <translation>Hồ sơ: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Status: %1. Reason: %2</source>
        <translation>Trạng thái: %1. Lý do: %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Proposing unit:</source>
        <translation>Đơn vị đề nghị:</translation>
    </message>
    <message>
        <source>Movement:</source>
        <translation>Phong trào:</translation>
    </message>
    <message>
        <source>Occasion:</source>
        <translation>Dịp khen thưởng:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>Năm:</translation>
    </message>
    <message>
        <source>Letter:</source>
        <translation>Tờ trình:</translation>
    </message>
    <message>
        <source>%1 dated %2</source>
        <translation>số %1 ngày %2</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Lập hồ sơ</translation>
    </message>
    <message>
        <source>(no account)</source>
        <translation>(không có tài khoản)</translation>
    </message>
    <message>
        <source>The dossier cannot be shown; close this window and open it again from the list.</source>
        <translation>Không thể hiển thị hồ sơ; hãy đóng cửa sổ này và mở lại từ danh sách.</translation>
    </message>
    <message>
        <source>This dossier has been submitted, so its content is read-only. Recall it to make changes (possible until appraisal starts).</source>
        <translation>Hồ sơ đã được gửi nên nội dung chỉ đọc. Hãy rút lại hồ sơ để sửa (chỉ rút lại được trước khi bắt đầu thẩm định).</translation>
    </message>
    <message>
        <source>This dossier is under appraisal, so its content is read-only. The appraiser can return it for supplement.</source>
        <translation>Hồ sơ đang được thẩm định nên nội dung chỉ đọc. Cán bộ thẩm định có thể trả lại hồ sơ để bổ sung.</translation>
    </message>
    <message>
        <source>This dossier is %1, so its content is read-only.</source>
        <translation>Hồ sơ đang ở trạng thái %1 nên nội dung chỉ đọc.</translation>
    </message>
    <message>
        <source>Your account may read this dossier but not change it (%1 is not among its rights).</source>
        <translation>Tài khoản của bạn được xem hồ sơ này nhưng không được sửa (tài khoản không có quyền %1).</translation>
    </message>
    <message>
        <source>Your account may not do this: %1 is not among its rights.</source>
        <translation>Tài khoản của bạn không được thực hiện thao tác này: tài khoản không có quyền %1.</translation>
    </message>
    <message>
        <source>Remove nominee</source>
        <translation>Xóa đối tượng</translation>
    </message>
    <message>
        <source>Remove “%1” from the dossier?</source>
        <translation>Xóa “%1” khỏi hồ sơ?</translation>
    </message>
    <message>
        <source>Cannot remove the nominee</source>
        <translation>Không thể xóa đối tượng</translation>
    </message>
    <message>
        <source>Delete dossier</source>
        <translation>Xóa hồ sơ</translation>
    </message>
    <message>
        <source>Delete the draft dossier “%1” with its nominees and documents? This cannot be undone.</source>
        <translation>Xóa hồ sơ dự thảo “%1” cùng các đối tượng đề nghị và thành phần hồ sơ? Thao tác này không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Cannot delete the dossier</source>
        <translation>Không thể xóa hồ sơ</translation>
    </message>
    <message>
        <source>Write what the proposing unit must supplement or correct. The reason is kept in the dossier&apos;s history and shown to the unit.</source>
        <translation>Hãy ghi những nội dung đơn vị đề nghị cần bổ sung hoặc sửa. Lý do được lưu trong quá trình xử lý hồ sơ và hiển thị cho đơn vị.</translation>
    </message>
    <message>
        <source>Proposal letter (tờ trình)…</source>
        <translation>Tờ trình…</translation>
    </message>
    <message>
        <source>List of nominees (danh sách)…</source>
        <translation>Danh sách đề nghị…</translation>
    </message>
    <message numerus="yes">
        <source>%n required document(s) of the dossier are not attached:</source>
        <translation>
            <numerusform>Còn %n thành phần hồ sơ bắt buộc chưa được đính kèm:</numerusform>
        </translation>
    </message>
    <message>
        <source>Attach them on the Documents tab, or write why the dossier goes on without them (the reason is kept in the dossier&apos;s history).</source>
        <translation>Hãy đính kèm tại thẻ Thành phần hồ sơ, hoặc ghi lý do hồ sơ vẫn được xử lý tiếp khi còn thiếu (lý do được lưu trong quá trình xử lý hồ sơ).</translation>
    </message>
    <message>
        <source>(a movement&apos;s sitting: asks for confirmation)</source>
        <translation>(phiên họp của phong trào: cần xác nhận)</translation>
    </message>
    <message>
        <source>Open council sitting to put the dossier before (its agreed nominees are added):</source>
        <translation>Phiên họp Hội đồng đang mở để trình hồ sơ (các đối tượng được đồng ý đề nghị sẽ được thêm vào):</translation>
    </message>
    <message>
        <source>Put this regular-track dossier before the movement&apos;s sitting all the same?</source>
        <translation>Vẫn trình hồ sơ khen thưởng thường xuyên này ra phiên họp của phong trào?</translation>
    </message>
    <message>
        <source>Confirm from &amp;minutes…</source>
        <translation>Xác nhận theo &amp;biên bản…</translation>
    </message>
    <message>
        <source>Confirm, from a unit&apos;s bình xét minutes, the facts of the year (not under disciplinary review, solidarity, active emulation) for the selected nominee, or for every nominee.</source>
        <translation>Xác nhận theo biên bản họp bình xét của đơn vị các tiêu chuẩn của năm (không đang bị xem xét kỷ luật, đoàn kết, tích cực tham gia phong trào thi đua) cho đối tượng đang chọn, hoặc cho mọi đối tượng.</translation>
    </message>
    <message>
        <source>No open council sitting accepts this dossier. Open a new sitting of its track for today, with the members of the last sitting, and put the dossier before it?</source>
        <translation>Không có phiên họp Hội đồng đang mở nào nhận hồ sơ này. Mở phiên họp mới cho loại khen thưởng của hồ sơ vào hôm nay, với thành viên của phiên họp gần nhất, và trình hồ sơ?</translation>
    </message>
    <message>
        <source>A new sitting for this dossier (today, with the members of the last sitting)</source>
        <translation>Phiên họp mới cho hồ sơ này (hôm nay, với thành viên của phiên họp gần nhất)</translation>
    </message>
    <message>
        <source>&amp;Import list…</source>
        <translation>Nhập &amp;danh sách…</translation>
    </message>
    <message>
        <source>Add the nominees of a list a lower unit sent (Excel, Word or CSV), after a preview of every row.</source>
        <translation>Thêm các đối tượng từ danh sách đơn vị cấp dưới gửi (Excel, Word hoặc CSV), sau khi xem trước từng dòng.</translation>
    </message>
    <message>
        <source>%1: %2 — held on %3</source>
        <comment>register number: title — date</comment>
        <translation>%1: %2 — họp ngày %3</translation>
    </message>
    <message>
        <source>Cannot open the dossier</source>
        <translation>Không mở được hồ sơ</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DossiersView</name>
    <message>
        <source>(any year)</source>
        <translation>(mọi năm)</translation>
    </message>
    <message>
        <source>&amp;Movement:</source>
        <translation>&amp;Phong trào:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message numerus="yes">
        <source>%n dossier(s)</source>
        <translation>
            <numerusform>%n hồ sơ</numerusform>
        </translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>(tất cả)</translation>
    </message>
    <message>
        <source>Regular (annual) track</source>
        <translation>Khen thưởng thường xuyên (hằng năm)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>Tất cả (%1)</translation>
    </message>
    <message>
        <source>Ne&amp;w dossier…</source>
        <translation>&amp;Lập hồ sơ mới…</translation>
    </message>
    <message>
        <source>Filter: number, title, unit or movement, with or without accents</source>
        <translation>Lọc: số, tiêu đề, đơn vị hoặc phong trào, có dấu hay không dấu</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DuplicatesDialog</name>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Gộp…</translation>
    </message>
    <message>
        <source>&amp;Undo merge…</source>
        <translation>&amp;Hoàn tác gộp…</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Hồ sơ trùng lặp</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Keep the first record</source>
        <translation>Giữ hồ sơ thứ nhất</translation>
    </message>
    <message>
        <source>Keep the second record</source>
        <translation>Giữ hồ sơ thứ hai</translation>
    </message>
    <message>
        <source>Look for:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>Merges made (each can be undone):</source>
        <translation>Các lần đã gộp (có thể hoàn tác từng lần):</translation>
    </message>
    <message numerus="yes">
        <source>%n likely pair(s)</source>
        <translation>
            <numerusform>%n cặp có thể trùng</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2) merged into %3 (%4)</source>
        <translation>%1 (%2) đã gộp vào %3 (%4)</translation>
    </message>
    <message>
        <source>Merge these records?</source>
        <translation>Gộp các hồ sơ này?</translation>
    </message>
    <message>
        <source>The merge can be undone from this window.</source>
        <translation>Có thể hoàn tác việc gộp từ cửa sổ này.</translation>
    </message>
    <message>
        <source>Undo this merge?</source>
        <translation>Hoàn tác lần gộp này?</translation>
    </message>
    <message>
        <source>%1 (%2) comes back as a record of its own, with the rows it had.</source>
        <translation>%1 (%2) sẽ trở lại thành hồ sơ riêng, cùng các dữ liệu vốn có.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::DuplicatesModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, born %2</source>
        <translation>%1, sinh năm %2</translation>
    </message>
    <message>
        <source>%1, CCCD %2</source>
        <translation>%1, CCCD %2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <source>First record</source>
        <translation>Hồ sơ thứ nhất</translation>
    </message>
    <message>
        <source>Second record</source>
        <translation>Hồ sơ thứ hai</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Lý do</translation>
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
    <message>
        <source>Confirmed by %1 at %2: %3</source>
        <translation>%1 xác nhận lúc %2: %3</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <source>Confirmed on the checklist of dossier %1: %2 (change it on the dossier)</source>
        <translation>Đã xác nhận trong danh mục kiểm tra của hồ sơ %1: %2 (sửa trong hồ sơ)</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>Không áp dụng</translation>
    </message>
    <message>
        <source>enter %1</source>
        <translation>cần nhập %1</translation>
    </message>
    <message>
        <source>Rule set: %1, version %2
%3</source>
        <translation>Bộ quy tắc: %1, phiên bản %2
%3</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::EligibilityPanel</name>
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
        <source>%1
Type the evidence note, then press Enter to confirm.</source>
        <translation>%1
Nhập ghi chú minh chứng rồi nhấn Enter để xác nhận.</translation>
    </message>
    <message>
        <source>The eligibility check failed: %1</source>
        <translation>Không kiểm tra được điều kiện khen thưởng: %1</translation>
    </message>
    <message>
        <source>Confirmed by the clerk</source>
        <translation>Cán bộ đã xác nhận</translation>
    </message>
    <message>
        <source>%1
Confirmed on the checklist of dossier %2; change it on the dossier.</source>
        <translation>%1
Đã xác nhận trong danh mục kiểm tra của hồ sơ %2; sửa trong hồ sơ.</translation>
    </message>
    <message>
        <source>Select a condition to review or one of the movement&apos;s standards to confirm it.</source>
        <translation>Chọn một điều kiện để xem lại, hoặc một tiêu chuẩn của phong trào để xác nhận.</translation>
    </message>
    <message>
        <source>%1
Confirmed by %2.</source>
        <translation>%1
%2 đã xác nhận.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::EncodingBar</name>
    <message>
        <source>Te&amp;xt encoding of column:</source>
        <translation>&amp;Bảng mã chữ của cột:</translation>
    </message>
    <message>
        <source>All columns are read as Unicode.</source>
        <translation>Mọi cột đều được đọc theo Unicode.</translation>
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
    <name>VinhDanh::Ui::ImportTableDialog</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>What changes / why refused</source>
        <translation>Thay đổi gì / lý do không nhận</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Trang tính:</translation>
    </message>
    <message>
        <source>Save &amp;rejected rows…</source>
        <translation>Lưu các dòng bị l&amp;oại…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>Import staff list</source>
        <translation>Nhập danh sách cán bộ</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.csv);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Hidden sheets, not read: %1.</source>
        <translation>Các trang tính ẩn, không đọc: %1.</translation>
    </message>
    <message>
        <source>The file %1 cannot be imported: %2</source>
        <translation>Không nhập được tệp %1: %2</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 unchanged, %4 with errors.</source>
        <translation>%1 người mới, %2 thay đổi, %3 không đổi, %4 có lỗi.</translation>
    </message>
    <message>
        <source>Choose a file first.</source>
        <translation>Hãy chọn tệp trước.</translation>
    </message>
    <message>
        <source>The file has no rows to import.</source>
        <translation>Tệp không có dòng nào để nhập.</translation>
    </message>
    <message>
        <source>Rows with errors: %1. Correct them in the file and read it again, or save the rejected rows and leave them out of the file.</source>
        <translation>Số dòng có lỗi: %1. Hãy sửa các dòng đó trong tệp rồi đọc lại, hoặc lưu các dòng bị loại và bỏ chúng ra khỏi tệp.</translation>
    </message>
    <message>
        <source>Nothing to import: every row is already in the registry as written.</source>
        <translation>Không có gì để nhập: mọi dòng đã có trong cơ sở dữ liệu đúng như trong tệp.</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Lưu các dòng bị loại</translation>
    </message>
    <message>
        <source>Importing the staff list…</source>
        <translation>Đang nhập danh sách cán bộ…</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was written.</source>
        <translation>Đã hủy việc nhập: không có gì được ghi.</translation>
    </message>
    <message>
        <source>Imported: %1 people added, %2 people changed, %3 ratings set.</source>
        <translation>Đã nhập: thêm %1 người, sửa %2 người, ghi %3 kết quả xếp loại.</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>Đơn vị cấp trên</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>cán bộ</translation>
    </message>
    <message>
        <source>units</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>&amp;Danh sách:</translation>
    </message>
    <message>
        <source>Import unit list</source>
        <translation>Nhập danh sách đơn vị</translation>
    </message>
    <message>
        <source>Importing the unit list…</source>
        <translation>Đang nhập danh sách đơn vị…</translation>
    </message>
    <message>
        <source>Imported: %1 units added, %2 units changed.</source>
        <translation>Đã nhập: thêm %1 đơn vị, thay đổi %2 đơn vị.</translation>
    </message>
    <message>
        <source>awards and titles</source>
        <translation>khen thưởng và danh hiệu</translation>
    </message>
    <message>
        <source>disciplines</source>
        <translation>kỷ luật</translation>
    </message>
    <message>
        <source>Get a &amp;template…</source>
        <translation>Tải &amp;mẫu…</translation>
    </message>
    <message>
        <source>Save an Excel template of this list to fill in: the columns the import reads, with drop-down lists.</source>
        <translation>Lưu mẫu Excel của danh sách này để điền: các cột chương trình đọc được, có danh sách chọn.</translation>
    </message>
    <message>
        <source>Import award history</source>
        <translation>Nhập quá trình khen thưởng</translation>
    </message>
    <message>
        <source>Import disciplinary records</source>
        <translation>Nhập kỷ luật</translation>
    </message>
    <message>
        <source>staff list template.xlsx</source>
        <translation>mẫu danh sách cán bộ.xlsx</translation>
    </message>
    <message>
        <source>unit list template.xlsx</source>
        <translation>mẫu danh sách đơn vị.xlsx</translation>
    </message>
    <message>
        <source>award list template.xlsx</source>
        <translation>mẫu danh sách khen thưởng.xlsx</translation>
    </message>
    <message>
        <source>discipline list template.xlsx</source>
        <translation>mẫu danh sách kỷ luật.xlsx</translation>
    </message>
    <message>
        <source>Get a template</source>
        <translation>Tải mẫu</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Sổ tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Importing the award history…</source>
        <translation>Đang nhập quá trình khen thưởng…</translation>
    </message>
    <message>
        <source>Importing the disciplinary records…</source>
        <translation>Đang nhập kỷ luật…</translation>
    </message>
    <message>
        <source>Imported: %1 awards added, %2 awards changed.</source>
        <translation>Đã nhập: thêm %1 khen thưởng, sửa %2 khen thưởng.</translation>
    </message>
    <message>
        <source>Imported: %1 disciplinary records added, %2 changed.</source>
        <translation>Đã nhập: thêm %1 kỷ luật, sửa %2.</translation>
    </message>
    <message>
        <source>initiatives</source>
        <translation>sáng kiến</translation>
    </message>
    <message>
        <source>Import initiatives</source>
        <translation>Nhập sáng kiến</translation>
    </message>
    <message>
        <source>Rows that may add someone already in the registry: %1. They still import; check them first.</source>
        <translation>Số dòng có thể thêm người đã có trong cơ sở dữ liệu: %1. Các dòng này vẫn được nhập; hãy kiểm tra trước.</translation>
    </message>
    <message>
        <source>initiative list template.xlsx</source>
        <translation>mẫu danh sách sáng kiến.xlsx</translation>
    </message>
    <message>
        <source>Importing the initiatives…</source>
        <translation>Đang nhập sáng kiến…</translation>
    </message>
    <message>
        <source>Imported: %1 initiatives added, %2 changed.</source>
        <translation>Đã nhập: thêm %1 sáng kiến, sửa %2.</translation>
    </message>
    <message>
        <source>Re&amp;ad the file again</source>
        <translation>Đọc &amp;lại tệp</translation>
    </message>
    <message>
        <source>The column mapping names columns this file does not have: %1.</source>
        <translation>Cách ghép cột nêu những cột mà tệp này không có: %1.</translation>
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
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::LetterheadDialog</name>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Signs as</source>
        <translation>Hình thức ký</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Tiêu đề văn bản</translation>
    </message>
    <message>
        <source>Written after the type of document in its number, e.g. 12/TTr-SNV</source>
        <translation>Viết sau tên loại văn bản trong số, ký hiệu, VD: 12/TTr-SNV</translation>
    </message>
    <message>
        <source>The place name of the date line: “Thanh Hóa, ngày … tháng … năm …”</source>
        <translation>Địa danh ở dòng ngày tháng: “Thanh Hóa, ngày … tháng … năm …”</translation>
    </message>
    <message>
        <source>The head&apos;s title, which a deputy signs for (KT. GIÁM ĐỐC)</source>
        <translation>Chức vụ người đứng đầu, mà cấp phó ký thay (KT. GIÁM ĐỐC)</translation>
    </message>
    <message>
        <source>What TM. signs for; empty: the issuing body</source>
        <translation>Tập thể mà TM. thay mặt; để trống: cơ quan ban hành</translation>
    </message>
    <message>
        <source>One recipient per line, as “Nơi nhận” lists them</source>
        <translation>Mỗi dòng một nơi nhận, như trong mục “Nơi nhận”</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>&amp;Parent body:</source>
        <translation>Cơ quan &amp;chủ quản:</translation>
    </message>
    <message>
        <source>Issuing &amp;body:</source>
        <translation>Cơ quan &amp;ban hành:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Địa &amp;danh:</translation>
    </message>
    <message>
        <source>&amp;Head&apos;s title:</source>
        <translation>Chức vụ người đứn&amp;g đầu:</translation>
    </message>
    <message>
        <source>&amp;Collective name:</source>
        <translation>Tên tập t&amp;hể:</translation>
    </message>
    <message>
        <source>Signers</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Usual recipients (Nơi nhận)</source>
        <translation>Nơi nhận thường dùng</translation>
    </message>
    <message>
        <source>Your account may read the letterhead but not change it (%1 is not among its rights).</source>
        <translation>Tài khoản của bạn được xem tiêu đề văn bản nhưng không được sửa (tài khoản không có quyền %1).</translation>
    </message>
    <message>
        <source>Cannot save the letterhead</source>
        <translation>Không thể lưu tiêu đề văn bản</translation>
    </message>
    <message>
        <source>One line of the printed name per line; a long line is broken between words</source>
        <translation>Mỗi dòng là một dòng của tên khi in; dòng dài được ngắt giữa hai từ</translation>
    </message>
    <message>
        <source>The office&apos;s legal bases (Căn cứ)</source>
        <translation>Căn cứ riêng của cơ quan</translation>
    </message>
    <message>
        <source>Cited before the award rules&apos; acts, one per line, without “Căn cứ”</source>
        <translation>Dẫn trước các văn bản về khen thưởng, mỗi căn cứ một dòng, không ghi chữ “Căn cứ”</translation>
    </message>
    <message>
        <source>Cited after the award rules&apos; acts, one per line, without “Căn cứ”</source>
        <translation>Dẫn sau các văn bản về khen thưởng, mỗi căn cứ một dòng, không ghi chữ “Căn cứ”</translation>
    </message>
    <message>
        <source>Be&amp;fore the award rules:</source>
        <translation>T&amp;rước văn bản khen thưởng:</translation>
    </message>
    <message>
        <source>Aft&amp;er the award rules:</source>
        <translation>&amp;Sau văn bản khen thưởng:</translation>
    </message>
    <message>
        <source>Abbre&amp;viation:</source>
        <translation>Chữ &amp;viết tắt:</translation>
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
    <message>
        <source>%1 has accounts; a run without a screen cannot log in.</source>
        <translation>%1 có tài khoản người dùng; chế độ chạy không màn hình không thể đăng nhập.</translation>
    </message>
    <message>
        <source>Nobody logged in, so %1 was not opened.</source>
        <translation>Chưa có ai đăng nhập nên %1 chưa được mở.</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Bonuses and votes…</source>
        <translation>&amp;Tiền thưởng và biểu quyết…</translation>
    </message>
    <message>
        <source>&amp;Letterhead…</source>
        <translation>&amp;Tiêu đề văn bản…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>The backup was restored. The replaced database was kept as %1.</source>
        <translation>Đã khôi phục bản sao lưu. Cơ sở dữ liệu bị thay được giữ lại tại %1.</translation>
    </message>
    <message>
        <source>&amp;Import staff list from Excel…</source>
        <translation>&amp;Nhập danh sách cán bộ từ Excel…</translation>
    </message>
    <message>
        <source>&amp;Units</source>
        <translation>Đơn &amp;vị</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>Cá n&amp;hân</translation>
    </message>
    <message>
        <source>M&amp;ovements</source>
        <translation>Ph&amp;ong trào thi đua</translation>
    </message>
    <message>
        <source>&amp;Dossiers</source>
        <translation>Hồ &amp;sơ</translation>
    </message>
    <message>
        <source>&amp;Council</source>
        <translation>Hộ&amp;i đồng</translation>
    </message>
    <message>
        <source>Decisio&amp;ns</source>
        <translation>Qu&amp;yết định</translation>
    </message>
    <message>
        <source>Candida&amp;tes</source>
        <translation>Xét kh&amp;en thưởng</translation>
    </message>
    <message>
        <source>Ru&amp;le sets</source>
        <translation>&amp;Bộ quy tắc</translation>
    </message>
    <message>
        <source>&amp;Find in the list</source>
        <translation>&amp;Tìm trong danh sách</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>Trang &amp;sau</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>Trang &amp;trước</translation>
    </message>
    <message>
        <source>This page has no search field.</source>
        <translation>Trang này không có ô tìm kiếm.</translation>
    </message>
    <message>
        <source>Re&amp;gistry</source>
        <translation>&amp;Dữ liệu</translation>
    </message>
    <message>
        <source>Likely &amp;duplicates…</source>
        <translation>Hồ sơ &amp;trùng lặp…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln unit(s)</source>
        <translation>
            <numerusform>%Ln đơn vị</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln cá nhân</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::MinutesDialog</name>
    <message>
        <source>New minutes</source>
        <translation>Biên bản mới</translation>
    </message>
    <message>
        <source>Confirm from the bình xét minutes</source>
        <translation>Xác nhận theo biên bản họp bình xét</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 và %n đối tượng khác</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n nominee(s) (%1), confirm the facts of %2 that count for every award form: not under disciplinary review, solidarity and active emulation, compliance with the law. The evidence names the minutes.</source>
        <translation>
            <numerusform>Xác nhận cho %n đối tượng (%1) các tiêu chuẩn của năm %2 được tính cho mọi hình thức khen thưởng: không đang bị xem xét kỷ luật, đoàn kết và tích cực tham gia phong trào thi đua, chấp hành pháp luật. Minh chứng ghi rõ biên bản.</numerusform>
        </translation>
    </message>
    <message>
        <source>e.g. 03/BB-HĐTĐKT</source>
        <translation>ví dụ 03/BB-HĐTĐKT</translation>
    </message>
    <message>
        <source>e.g. 7/7 members of the emulation council</source>
        <translation>ví dụ 7/7 thành viên Hội đồng Thi đua – Khen thưởng</translation>
    </message>
    <message>
        <source>(choose the unit that held the meeting)</source>
        <translation>(chọn đơn vị tổ chức cuộc họp)</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>Đơn &amp;vị:</translation>
    </message>
    <message>
        <source>&amp;Date of the meeting:</source>
        <translation>&amp;Ngày họp:</translation>
    </message>
    <message>
        <source>&amp;Attended:</source>
        <translation>&amp;Thành phần tham dự:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Xác nhận</translation>
    </message>
    <message>
        <source>&amp;Minutes:</source>
        <translation>&amp;Biên bản:</translation>
    </message>
    <message>
        <source>Record new minutes</source>
        <translation>Ghi biên bản mới</translation>
    </message>
    <message>
        <source>Choose the unit that held the meeting.</source>
        <translation>Chọn đơn vị tổ chức cuộc họp.</translation>
    </message>
    <message>
        <source>Enter the date of the meeting.</source>
        <translation>Nhập ngày họp.</translation>
    </message>
    <message>
        <source>Date of the meeting</source>
        <translation>Ngày họp</translation>
    </message>
    <message>
        <source>The minutes %1 name none of the chosen nominees; record new minutes for them.</source>
        <translation>Biên bản %1 không nêu tên đối tượng nào được chọn; hãy ghi biên bản mới cho họ.</translation>
    </message>
    <message numerus="yes">
        <source>Confirmed %n item(s) from %1</source>
        <translation>
            <numerusform>Đã xác nhận %n mục theo %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n confirmed already)</source>
        <translation>
            <numerusform>(%n mục đã được xác nhận từ trước)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chosen nominee(s) not named in the minutes were left as they were.</source>
        <translation>
            <numerusform>%n đối tượng được chọn không có tên trong biên bản nên được giữ nguyên.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n other selected nominee(s) have nothing awaiting confirmation and are left out.</source>
        <translation>
            <numerusform>%n đối tượng khác đã chọn không có nội dung nào chờ xác nhận nên được bỏ qua.</numerusform>
        </translation>
    </message>
    <message>
        <source>Num&amp;ber:</source>
        <translation>&amp;Số biên bản:</translation>
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
        <translation>Thông t&amp;in chung</translation>
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
        <source>Document &amp;kind:</source>
        <translation>&amp;Loại văn bản:</translation>
    </message>
    <message>
        <source>Plan &amp;date:</source>
        <translation>Ngày b&amp;an hành:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Địa &amp;danh:</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>Phạ&amp;m vi:</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>Thời &amp;gian:</translation>
    </message>
    <message>
        <source>Signer&apos;s t&amp;itle:</source>
        <translation>Chức &amp;vụ người ký:</translation>
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
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Document kind</source>
        <translation>Loại văn bản</translation>
    </message>
    <message>
        <source>Plan number</source>
        <translation>Số kế hoạch</translation>
    </message>
    <message>
        <source>Plan date</source>
        <translation>Ngày kế hoạch</translation>
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
        <source>%1 to %2</source>
        <translation>%1 đến %2</translation>
    </message>
    <message>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>Tên người ký</translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Các giai đoạn</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Awards</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Tiêu chuẩn</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>The form now shows the movement as the other user saved it.</source>
        <translation>Biểu mẫu nay hiện phong trào như người kia đã lưu.</translation>
    </message>
    <message>
        <source>Iss&amp;uer:</source>
        <translation>Cơ &amp;quan ban hành:</translation>
    </message>
    <message>
        <source>Plan num&amp;ber:</source>
        <translation>&amp;Số kế hoạch:</translation>
    </message>
    <message>
        <source>P&amp;hases</source>
        <translation>Giai đ&amp;oạn</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>Nội d&amp;ung</translation>
    </message>
    <message>
        <source>A&amp;wards</source>
        <translation>Kh&amp;en thưởng</translation>
    </message>
    <message>
        <source>St&amp;andards</source>
        <translation>Tiêu c&amp;huẩn</translation>
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
    <name>VinhDanh::Ui::MovementProposals</name>
    <message>
        <source>Phase, year and record</source>
        <translation>Giai đoạn, năm và hồ sơ, quyết định</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Double-click a dossier or a decision to open it.</source>
        <translation>Nhấp đúp vào hồ sơ hoặc quyết định để mở.</translation>
    </message>
    <message>
        <source>No proposal or decision refers to this movement yet.</source>
        <translation>Chưa có hồ sơ đề nghị hay quyết định nào gắn với phong trào này.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Decision %1</source>
        <translation>Quyết định %1</translation>
    </message>
    <message>
        <source>Decision %1: %2</source>
        <translation>Quyết định %1: %2</translation>
    </message>
    <message>
        <source>Phase %1</source>
        <translation>Giai đoạn %1</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 năm %2</translation>
    </message>
    <message>
        <source>Outside the plan&apos;s phases</source>
        <translation>Ngoài các giai đoạn của kế hoạch</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>register number: title</comment>
        <translation>%1: %2</translation>
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
    <message>
        <source>Proposals and decisions</source>
        <translation>Hồ sơ đề nghị và quyết định</translation>
    </message>
    <message>
        <source>Movement report (báo cáo phong trào)…</source>
        <translation>Báo cáo phong trào…</translation>
    </message>
    <message>
        <source>Select a movement first.</source>
        <translation>Hãy chọn một phong trào trước.</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Năm %1</translation>
    </message>
    <message>
        <source>Movement report</source>
        <translation>Báo cáo phong trào</translation>
    </message>
    <message>
        <source>Report on:</source>
        <translation>Báo cáo về:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::NomineeDialog</name>
    <message>
        <source>Edit nominee</source>
        <translation>Sửa đối tượng đề nghị</translation>
    </message>
    <message>
        <source>Add nominee</source>
        <translation>Thêm đối tượng đề nghị</translation>
    </message>
    <message>
        <source>The achievements the proposal rests on, in a few lines.</source>
        <translation>Tóm tắt trong vài dòng các thành tích làm căn cứ đề nghị.</translation>
    </message>
    <message>
        <source>Standard of the movement (tick when met)</source>
        <translation>Tiêu chuẩn của phong trào (đánh dấu khi đạt)</translation>
    </message>
    <message>
        <source>Evidence note</source>
        <translation>Ghi chú minh chứng</translation>
    </message>
    <message>
        <source>The engine finds this nominee not eligible. Write why the proposal goes on anyway (the appraiser reads it):</source>
        <translation>Hệ thống xác định đối tượng này không đủ điều kiện. Hãy ghi lý do vẫn đề nghị (cán bộ thẩm định sẽ xem):</translation>
    </message>
    <message>
        <source>Nominee:</source>
        <translation>Đối tượng:</translation>
    </message>
    <message>
        <source>&amp;Award form:</source>
        <translation>&amp;Hình thức khen thưởng:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Loại khen thưởng:</translation>
    </message>
    <message>
        <source>Achievement &amp;summary:</source>
        <translation>&amp;Tóm tắt thành tích:</translation>
    </message>
    <message>
        <source>Standards:</source>
        <translation>Tiêu chuẩn:</translation>
    </message>
    <message>
        <source>Checks:</source>
        <translation>Kiểm tra:</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <source>(choose the nominee first)</source>
        <translation>(hãy chọn đối tượng trước)</translation>
    </message>
    <message>
        <source>No movement standards apply: the dossier follows the regular track, or the movement sets none for this nominee.</source>
        <translation>Không áp dụng tiêu chuẩn của phong trào: hồ sơ thuộc khen thưởng thường xuyên, hoặc phong trào không đặt tiêu chuẩn cho đối tượng này.</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Không có cảnh báo.</translation>
    </message>
    <message>
        <source>Choose the nominee and the award form to check them.</source>
        <translation>Hãy chọn đối tượng và hình thức khen thưởng để kiểm tra.</translation>
    </message>
    <message>
        <source>Nominee: search for the person or unit and click its row.</source>
        <translation>Đối tượng: hãy tìm cá nhân hoặc đơn vị rồi nhấp vào dòng tương ứng.</translation>
    </message>
    <message>
        <source>Award form: choose the form proposed.</source>
        <translation>Hình thức khen thưởng: hãy chọn hình thức đề nghị.</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>Đối tượng đề nghị</translation>
    </message>
    <message>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Achievement summary</source>
        <translation>Tóm tắt thành tích</translation>
    </message>
    <message>
        <source>Reason to go on</source>
        <translation>Lý do vẫn đề nghị</translation>
    </message>
    <message>
        <source>The movement does not offer this form at the dossier&apos;s occasion. Write why the proposal goes on anyway (the appraiser reads it):</source>
        <translation>Phong trào không có hình thức khen thưởng này ở dịp khen thưởng của hồ sơ. Hãy ghi lý do vẫn đề nghị (người thẩm định sẽ đọc):</translation>
    </message>
    <message>
        <source>Write why the proposal goes on although the warnings above block it.</source>
        <translation>Hãy ghi lý do vẫn đề nghị dù các cảnh báo trên không cho phép đề nghị.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::NomineeListDialog</name>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <source>Import a list of nominees</source>
        <translation>Nhập danh sách đề nghị</translation>
    </message>
    <message>
        <source>The list a lower unit sent (Excel, Word or CSV) becomes the nominees of the dossier &quot;%1&quot;. Every row is checked first; nothing is added while a row has an error.</source>
        <translation>Danh sách đơn vị cấp dưới gửi (Excel, Word hoặc CSV) trở thành các đối tượng của hồ sơ &quot;%1&quot;. Mọi dòng được kiểm tra trước; không thêm gì khi còn dòng lỗi.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Chọn tệp…</translation>
    </message>
    <message>
        <source>Needed only when the eligibility check finds a nominee not eligible</source>
        <translation>Chỉ cần khi kiểm tra điều kiện cho thấy có đối tượng không đủ điều kiện</translation>
    </message>
    <message>
        <source>Reason to propose anyway:</source>
        <translation>Lý do vẫn đề nghị:</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.docx *.csv);;All files (*)</source>
        <translation>Danh sách (*.xlsx *.docx *.csv);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>%1 new nominees, %2 already in the dossier, %3 with errors.</source>
        <translation>%1 đối tượng mới, %2 đã có trong hồ sơ, %3 có lỗi.</translation>
    </message>
    <message>
        <source>Adding the nominees…</source>
        <translation>Đang thêm các đối tượng…</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was added.</source>
        <translation>Đã hủy nhập: chưa thêm gì.</translation>
    </message>
    <message>
        <source>&amp;Sheet or table:</source>
        <translation>&amp;Trang tính hoặc bảng:</translation>
    </message>
    <message>
        <source>Save &amp;rejected rows…</source>
        <translation>Lưu các dòng bị l&amp;oại…</translation>
    </message>
    <message>
        <source>The whole list</source>
        <translation>Toàn bộ danh sách</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Lưu các dòng bị loại</translation>
    </message>
    <message>
        <source>Re&amp;ad the file again</source>
        <translation>Đọc &amp;lại tệp</translation>
    </message>
    <message>
        <source>The column mapping names columns this list does not have: %1.</source>
        <translation>Cách ghép cột nêu những cột mà danh sách này không có: %1.</translation>
    </message>
    <message>
        <source>Correct the file and read it again (or give the reason above).</source>
        <translation>Sửa tệp rồi đọc lại (hoặc ghi lý do ở trên).</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::NomineeTableModel</name>
    <message>
        <source>Agreed</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Not agreed</source>
        <translation>Không đồng ý</translation>
    </message>
    <message>
        <source>%1 (overrides the engine)</source>
        <translation>%1 (khác kết quả xét của hệ thống)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại khen thưởng</translation>
    </message>
    <message>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <source>Engine verdict</source>
        <translation>Kết quả xét của hệ thống</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Reason to proceed</source>
        <translation>Lý do vẫn đề nghị</translation>
    </message>
    <message>
        <source>Appraisal</source>
        <translation>Thẩm định</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n cảnh báo:</numerusform>
        </translation>
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
    <name>VinhDanh::Ui::PayDataDialog</name>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Amount (VND)</source>
        <translation>Số tiền (đồng)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Bonuses and votes</source>
        <translation>Tiền thưởng và biểu quyết</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>Hệ số</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>* every other form</source>
        <translation>* mọi hình thức khác</translation>
    </message>
    <message>
        <source>of all members</source>
        <translation>trên tổng số thành viên</translation>
    </message>
    <message>
        <source>of the members present</source>
        <translation>trên số thành viên có mặt</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Tỷ lệ (%)</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Cách tính</translation>
    </message>
    <message>
        <source>Strictly more</source>
        <translation>Phải vượt tỷ lệ</translation>
    </message>
    <message>
        <source>The share of “agree” votes the council needs for a form; forms without a row of their own use “* every other form”.</source>
        <translation>Tỷ lệ phiếu “tán thành” Hội đồng cần đạt đối với từng hình thức; hình thức không có dòng riêng thì dùng dòng “* mọi hình thức khác”.</translation>
    </message>
    <message>
        <source>Bonus = coefficient × base salary in force on the decision&apos;s date, rounded up to the next 10,000 đồng.</source>
        <translation>Tiền thưởng = hệ số × mức lương cơ sở có hiệu lực vào ngày quyết định, làm tròn lên hàng chục nghìn đồng.</translation>
    </message>
    <message>
        <source>Written after the register number: 123/QĐ-UBND</source>
        <translation>Ghi sau số quyết định: 123/QĐ-UBND</translation>
    </message>
    <message>
        <source>Grassroots (cơ sở)</source>
        <translation>Cấp cơ sở</translation>
    </message>
    <message>
        <source>Province (tỉnh)</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <source>Central (trung ương)</source>
        <translation>Cấp trung ương</translation>
    </message>
    <message>
        <source>State (nhà nước)</source>
        <translation>Cấp Nhà nước</translation>
    </message>
    <message>
        <source>The office decides forms up to this level; a passed nominee for a higher form is forwarded.</source>
        <translation>Cơ quan quyết định khen thưởng các hình thức đến cấp này; đối tượng đạt với hình thức cao hơn được chuyển cấp trên đề nghị.</translation>
    </message>
    <message>
        <source>Council &amp;quorum (share of members present):</source>
        <translation>&amp;Túc số phiên họp Hội đồng (tỷ lệ thành viên có mặt):</translation>
    </message>
    <message>
        <source>Decision &amp;issuer (register):</source>
        <translation>Cơ quan &amp;ban hành quyết định (sổ quyết định):</translation>
    </message>
    <message>
        <source>Decision number &amp;suffix:</source>
        <translation>&amp;Ký hiệu sau số quyết định:</translation>
    </message>
    <message>
        <source>Office &amp;level:</source>
        <translation>&amp;Cấp của cơ quan:</translation>
    </message>
    <message>
        <source>&amp;Base salaries</source>
        <translation>Mức &amp;lương cơ sở</translation>
    </message>
    <message>
        <source>Bonus &amp;coefficients</source>
        <translation>&amp;Hệ số tiền thưởng</translation>
    </message>
    <message>
        <source>&amp;Vote thresholds</source>
        <translation>N&amp;gưỡng biểu quyết</translation>
    </message>
    <message>
        <source>Council and &amp;decisions</source>
        <translation>Hội đồng và &amp;quyết định</translation>
    </message>
    <message>
        <source>Your account may read these figures but not change them.</source>
        <translation>Tài khoản của bạn được xem các số liệu này nhưng không được sửa.</translation>
    </message>
    <message>
        <source>Not confirmed: this figure comes from a repealed rule or an inference (see its source). Check it against the rule in force, then tick Confirmed.</source>
        <translation>Chưa xác nhận: số liệu này lấy từ văn bản đã hết hiệu lực hoặc do suy luận (xem căn cứ). Hãy đối chiếu với văn bản đang có hiệu lực, rồi đánh dấu Đã xác nhận.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>“%1” is not an amount in đồng: write it like 2.340.000.</source>
        <translation>“%1” không phải là số tiền (đồng): hãy viết dạng 2.340.000.</translation>
    </message>
    <message>
        <source>“%1” is not a coefficient: write a number with up to three decimals, like 1,5.</source>
        <translation>“%1” không phải là hệ số: hãy viết số có tối đa ba chữ số thập phân, VD: 1,5.</translation>
    </message>
    <message>
        <source>%1 has two threshold rows: keep one.</source>
        <translation>%1 có hai dòng ngưỡng biểu quyết: hãy giữ lại một dòng.</translation>
    </message>
    <message>
        <source>“%1” is not a percentage: write a whole number from 1 to 100.</source>
        <translation>“%1” không phải là tỷ lệ phần trăm: hãy nhập số nguyên từ 1 đến 100.</translation>
    </message>
    <message>
        <source>The quorum is a share of the members: %1/%2 is more than all of them.</source>
        <translation>Túc số là tỷ lệ trên tổng số thành viên: %1/%2 vượt quá tổng số thành viên.</translation>
    </message>
    <message>
        <source>Enter the decision register&apos;s issuer and number suffix (e.g. UBND tỉnh and QĐ-UBND).</source>
        <translation>Hãy nhập cơ quan ban hành và ký hiệu của sổ quyết định (VD: UBND tỉnh và QĐ-UBND).</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PeopleView</name>
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
    <message>
        <source>Un&amp;it:</source>
        <translation>Đơ&amp;n vị:</translation>
    </message>
    <message>
        <source>More than %1 people match: type more of the name</source>
        <translation>Hơn %1 người khớp: hãy gõ thêm tên</translation>
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
        <source>Edit &amp;person…</source>
        <translation>Sửa thông t&amp;in…</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::PrintButton</name>
    <message>
        <source>Print / save…</source>
        <translation>In / lưu…</translation>
    </message>
    <message>
        <source>Preview, print or save the official documents made from this record</source>
        <translation>Xem trước, in hoặc lưu các văn bản lập từ hồ sơ này</translation>
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
        <source>%1 already has a rating for %2 (perhaps just entered by another clerk).</source>
        <translation>%1 đã có xếp loại năm %2 (có thể người khác vừa nhập).</translation>
    </message>
    <message>
        <source>This person</source>
        <translation>Cá nhân này</translation>
    </message>
    <message>
        <source>This unit</source>
        <translation>Tập thể này</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Xếp loại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RecordPage</name>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>This record has just been changed elsewhere. Your unsaved changes are still here; Reload shows the stored record instead of them.</source>
        <translation>Bản ghi này vừa được thay đổi ở nơi khác. Những sửa đổi chưa lưu của bạn vẫn còn ở đây; bấm Tải lại để xem bản đã lưu thay cho chúng.</translation>
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
    <name>VinhDanh::Ui::RegisterView</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RestoreDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Backups kept in %1:</source>
        <translation>Các bản sao lưu trong %1:</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>Thời điểm sao lưu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>No backups yet. Choose a backup file with &quot;Other file…&quot;.</source>
        <translation>Chưa có bản sao lưu nào. Hãy chọn tệp sao lưu bằng &quot;Tệp khác…&quot;.</translation>
    </message>
    <message>
        <source>Choose a backup to see what it holds.</source>
        <translation>Chọn một bản sao lưu để xem nội dung.</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>&amp;Tệp khác…</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
        <source>Vinh Danh backups (*.sqlite *.db);;All files (*)</source>
        <translation>Bản sao lưu Vinh Danh (*.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::RoleDialog</name>
    <message>
        <source>Change the role of %1</source>
        <translation>Đổi vai trò của %1</translation>
    </message>
    <message>
        <source>(choose the clerk&apos;s unit)</source>
        <translation>(chọn đơn vị của cán bộ nghiệp vụ)</translation>
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
        <source>Choose the unit whose records this clerk keeps.</source>
        <translation>Chọn đơn vị mà cán bộ này quản lý hồ sơ.</translation>
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
        <source>&amp;Retire</source>
        <translation>Ngừng sử &amp;dụng</translation>
    </message>
    <message>
        <source>Stop using the selected imported rule set; it stays listed and in the audit log.</source>
        <translation>Ngừng sử dụng bộ quy tắc đã nhập đang chọn; bộ quy tắc vẫn có trong danh sách và trong nhật ký thao tác.</translation>
    </message>
    <message>
        <source>Only an administrator may import or retire rule sets.</source>
        <translation>Chỉ quản trị viên mới được nhập hoặc ngừng sử dụng bộ quy tắc.</translation>
    </message>
    <message>
        <source>Imported, retired</source>
        <translation>Nhập từ tệp, đã ngừng sử dụng</translation>
    </message>
    <message>
        <source>Imported by %1 at %2; SHA-256 of the file: %3.</source>
        <translation>%1 nhập lúc %2; SHA-256 của tệp: %3.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(không rõ)</translation>
    </message>
    <message>
        <source>Retired at %1: no longer used.</source>
        <translation>Đã ngừng sử dụng lúc %1: không còn được áp dụng.</translation>
    </message>
    <message>
        <source>Retire a rule set</source>
        <translation>Ngừng sử dụng bộ quy tắc</translation>
    </message>
    <message>
        <source>Retire the rule set %1 version %2? Checks will no longer use it; the set in force becomes the latest other one.</source>
        <translation>Ngừng sử dụng bộ quy tắc %1 phiên bản %2? Việc xét khen thưởng sẽ không dùng bộ quy tắc này nữa; bộ quy tắc có hiệu lực sẽ là bộ mới nhất trong số còn lại.</translation>
    </message>
    <message>
        <source>What changed: %1</source>
        <translation>Thay đổi: %1</translation>
    </message>
    <message>
        <source>In force today: %1, version %2, since %3.</source>
        <translation>Đang có hiệu lực: %1, phiên bản %2, từ %3.</translation>
    </message>
    <message>
        <source>For the command line (vinhdanh-cli rules): %1</source>
        <translation>Mã dùng trong dòng lệnh (vinhdanh-cli rules): %1</translation>
    </message>
    <message>
        <source>Imported “%1” (version %2), in force from %3.</source>
        <translation>Đã nhập “%1” (phiên bản %2), áp dụng từ %3.</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::SittingListModel</name>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Đủ túc số</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>a sitting&apos;s register number — its title</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::SittingPage</name>
    <message>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Title in the council</source>
        <translation>Chức danh trong Hội đồng</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>← All sittings</source>
        <translation>← Tất cả phiên họp</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>Add &amp;dossier…</source>
        <translation>Thêm &amp;hồ sơ…</translation>
    </message>
    <message>
        <source>C&amp;lose sitting…</source>
        <translation>&amp;Kết thúc phiên họp…</translation>
    </message>
    <message>
        <source>e.g. the council&apos;s sitting on the year&apos;s awards</source>
        <translation>VD: Phiên họp Hội đồng xét khen thưởng tổng kết năm</translation>
    </message>
    <message>
        <source>Move the member up the list (the order of the minutes)</source>
        <translation>Chuyển thành viên lên trên trong danh sách (theo thứ tự ghi trong biên bản)</translation>
    </message>
    <message>
        <source>Add a member of the council</source>
        <translation>Thêm thành viên Hội đồng</translation>
    </message>
    <message>
        <source>Sitting</source>
        <translation>Phiên họp</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Tên phiên họp:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>N&amp;gày họp:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>Địa đ&amp;iểm:</translation>
    </message>
    <message>
        <source>C&amp;hair:</source>
        <translation>Người &amp;chủ trì:</translation>
    </message>
    <message>
        <source>&amp;Year of the awards:</source>
        <translation>&amp;Năm xét khen thưởng:</translation>
    </message>
    <message>
        <source>&amp;Movement:</source>
        <translation>&amp;Phong trào:</translation>
    </message>
    <message>
        <source>Members and attendance</source>
        <translation>Thành viên và tình hình có mặt</translation>
    </message>
    <message>
        <source>Nominees before the council</source>
        <translation>Đối tượng trình Hội đồng</translation>
    </message>
    <message>
        <source>(none — the regular annual track)</source>
        <translation>(không — khen thưởng thường xuyên hằng năm)</translation>
    </message>
    <message>
        <source>Cannot open the sitting</source>
        <translation>Không thể mở phiên họp</translation>
    </message>
    <message>
        <source>Cannot record the attendance</source>
        <translation>Không thể ghi nhận tình hình có mặt</translation>
    </message>
    <message>
        <source>Cannot save the sitting</source>
        <translation>Không thể lưu phiên họp</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Cannot list the dossiers</source>
        <translation>Không thể liệt kê hồ sơ</translation>
    </message>
    <message>
        <source>Add dossier</source>
        <translation>Thêm hồ sơ</translation>
    </message>
    <message>
        <source>Dossier to put before the council (its agreed nominees are added):</source>
        <translation>Hồ sơ trình Hội đồng (các đối tượng được đồng ý đề nghị sẽ được thêm vào):</translation>
    </message>
    <message>
        <source>Cannot add the dossier</source>
        <translation>Không thể thêm hồ sơ</translation>
    </message>
    <message>
        <source>Close sitting</source>
        <translation>Kết thúc phiên họp</translation>
    </message>
    <message>
        <source>Close the sitting “%1”? Its attendance, conflicts and tallies are then frozen as the minutes&apos; record.</source>
        <translation>Kết thúc phiên họp “%1”? Tình hình có mặt, xung đột lợi ích và kết quả kiểm phiếu sẽ được khóa lại làm căn cứ biên bản.</translation>
    </message>
    <message>
        <source>Cannot close the sitting</source>
        <translation>Không thể kết thúc phiên họp</translation>
    </message>
    <message>
        <source>New sitting</source>
        <translation>Phiên họp mới</translation>
    </message>
    <message>
        <source>This sitting is closed: its record is read-only.</source>
        <translation>Phiên họp đã kết thúc: nội dung ghi nhận chỉ đọc.</translation>
    </message>
    <message>
        <source>Your account may look at this sitting but not run it.</source>
        <translation>Tài khoản của bạn được xem phiên họp này nhưng không được điều hành.</translation>
    </message>
    <message>
        <source>New sitting: fill in the header and the members, then Save.</source>
        <translation>Phiên họp mới: hãy điền thông tin chung và thành viên, rồi nhấn Lưu.</translation>
    </message>
    <message>
        <source>Changes not saved yet: Save writes them. Tallies can be recorded once they are saved.</source>
        <translation>Có thay đổi chưa lưu: nhấn Lưu để ghi lại. Chỉ ghi được kết quả kiểm phiếu sau khi đã lưu.</translation>
    </message>
    <message>
        <source>Tick who attended; put the appraised dossiers before the council; select a nominee to record its tally.</source>
        <translation>Đánh dấu những người có mặt; trình Hội đồng các hồ sơ đã thẩm định; chọn một đối tượng để ghi kết quả kiểm phiếu.</translation>
    </message>
    <message>
        <source>Minutes (biên bản)…</source>
        <translation>Biên bản…</translation>
    </message>
    <message>
        <source>Save the changes first: the minutes are made from the saved sitting.</source>
        <translation>Hãy lưu các thay đổi trước: biên bản được lập từ phiên họp đã lưu.</translation>
    </message>
    <message>
        <source>Save the sitting first: the minutes are made from the saved sitting.</source>
        <translation>Hãy lưu phiên họp trước: biên bản được lập từ phiên họp đã lưu.</translation>
    </message>
    <message>
        <source>No dossier this sitting accepts is waiting for the council. A dossier can be put before it once its appraisal is finished; a sitting of a movement takes that movement&apos;s dossiers and, after a confirmation, regular-track ones.</source>
        <translation>Không có hồ sơ nào phiên họp này nhận đang chờ trình Hội đồng. Hồ sơ chỉ được trình sau khi hoàn thành thẩm định; phiên họp của một phong trào nhận hồ sơ của phong trào đó và, sau khi xác nhận, hồ sơ khen thưởng thường xuyên.</translation>
    </message>
    <message>
        <source>[regular track]</source>
        <translation>[khen thưởng thường xuyên]</translation>
    </message>
    <message>
        <source>Put this regular-track dossier before the movement&apos;s sitting all the same?</source>
        <translation>Vẫn trình hồ sơ khen thưởng thường xuyên này ra phiên họp của phong trào?</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <source>hh:mm, e.g. 08:00</source>
        <translation>hh:mm, ví dụ 08:00</translation>
    </message>
    <message>
        <source>hh:mm, e.g. 10:30</source>
        <translation>hh:mm, ví dụ 10:30</translation>
    </message>
    <message>
        <source>if the secretary is not a member</source>
        <translation>nếu thư ký không phải thành viên</translation>
    </message>
    <message>
        <source>The secretary&apos;s name when they are not a member of the council. For a member, tick Secretary in the list of members.</source>
        <translation>Họ tên thư ký khi thư ký không phải thành viên Hội đồng. Nếu thư ký là thành viên, hãy đánh dấu cột Thư ký trong danh sách thành viên.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>Thời &amp;gian:</translation>
    </message>
    <message>
        <source>Secr&amp;etary:</source>
        <translation>Thư &amp;ký:</translation>
    </message>
    <message>
        <source>Enter the date of the sitting (day/month/year).</source>
        <translation>Hãy nhập ngày họp (ngày/tháng/năm).</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 — %3 (%n nominee(s))</source>
        <comment>register number: title — unit</comment>
        <translation>
            <numerusform>%1: %2 — %3 (%n đối tượng)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <comment>a sitting&apos;s register number: title — status</comment>
        <translation>%1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::StartPage</name>
    <message>
        <source>Getting started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>1. Set up the office</source>
        <translation>1. Thiết lập cơ quan</translation>
    </message>
    <message>
        <source>The &amp;letterhead…</source>
        <translation>Tiêu đề &amp;văn bản…</translation>
    </message>
    <message>
        <source>The office&apos;s name, the signers and the recipients printed on every document.</source>
        <translation>Tên cơ quan, người ký và nơi nhận in trên mọi văn bản.</translation>
    </message>
    <message>
        <source>&amp;Base salary, bonuses and votes…</source>
        <translation>&amp;Lương cơ sở, tiền thưởng và biểu quyết…</translation>
    </message>
    <message>
        <source>The base salary and coefficients that price each award, and the council&apos;s vote thresholds.</source>
        <translation>Mức lương cơ sở và hệ số tính tiền thưởng cho từng hình thức khen thưởng, ngưỡng biểu quyết của Hội đồng.</translation>
    </message>
    <message>
        <source>The first accou&amp;nt (optional)…</source>
        <translation>Tài khoản đầu tiê&amp;n (không bắt buộc)…</translation>
    </message>
    <message>
        <source>Only when several people share this database: each then logs in and the audit log names who changed what.</source>
        <translation>Chỉ cần khi nhiều người dùng chung cơ sở dữ liệu này: mỗi người đăng nhập riêng và nhật ký ghi rõ ai đã sửa gì.</translation>
    </message>
    <message>
        <source>2. Fill the registry</source>
        <translation>2. Nhập danh sách đơn vị, cá nhân</translation>
    </message>
    <message>
        <source>&amp;Import a staff list from Excel…</source>
        <translation>Nhập danh sách cán bộ từ &amp;Excel…</translation>
    </message>
    <message>
        <source>Units and people from an .xlsx or .csv file; every row is checked and shown before anything is written.</source>
        <translation>Đơn vị và cá nhân từ tệp .xlsx hoặc .csv; từng dòng được kiểm tra và hiển thị trước khi ghi.</translation>
    </message>
    <message>
        <source>Enter &amp;units by hand</source>
        <translation>Nhập đơn vị bằng t&amp;ay</translation>
    </message>
    <message>
        <source>Go to the list of units and add the first one.</source>
        <translation>Mở danh sách đơn vị và thêm đơn vị đầu tiên.</translation>
    </message>
    <message>
        <source>Or</source>
        <translation>Hoặc</translation>
    </message>
    <message>
        <source>Open the sample &amp;province…</source>
        <translation>Mở tỉnh mẫ&amp;u…</translation>
    </message>
    <message>
        <source>A made-up province with units, people, ten years of records and an award season, in a new file you choose: try every screen without touching real data.</source>
        <translation>Một tỉnh giả định có đơn vị, cá nhân, mười năm hồ sơ và một đợt khen thưởng, lưu trong tệp mới do bạn chọn: dùng thử mọi màn hình mà không đụng đến dữ liệu thật.</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>&amp;Mở cơ sở dữ liệu khác…</translation>
    </message>
    <message>
        <source>A database file made earlier or copied from another computer.</source>
        <translation>Tệp cơ sở dữ liệu đã tạo trước đây hoặc chép từ máy khác.</translation>
    </message>
    <message>
        <source>This database has no units and no people yet. Start with one of these; you can come back to each of them later from the menus.</source>
        <translation>Cơ sở dữ liệu này chưa có đơn vị và cá nhân nào. Hãy bắt đầu bằng một trong các việc dưới đây; sau này vẫn làm lại được từ thanh menu.</translation>
    </message>
    <message>
        <source>No database is open. Open the sample province to try the program, or open a database file.</source>
        <translation>Chưa mở cơ sở dữ liệu nào. Mở tỉnh mẫu để dùng thử chương trình, hoặc mở một tệp cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>New file for the sample province</source>
        <translation>Tệp mới cho tỉnh mẫu</translation>
    </message>
    <message>
        <source>Vinh Danh databases (*.sqlite *.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu Vinh Danh (*.sqlite *.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The file %1 already exists. Choose a new name for the sample province.</source>
        <translation>Tệp %1 đã có. Hãy chọn tên mới cho tỉnh mẫu.</translation>
    </message>
    <message>
        <source>Making the sample province…</source>
        <translation>Đang tạo tỉnh mẫu…</translation>
    </message>
    <message>
        <source>The sample province could not be made: %1</source>
        <translation>Không tạo được tỉnh mẫu: %1</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::SubjectPage</name>
    <message>
        <source>Achievement report (báo cáo thành tích)…</source>
        <translation>Báo cáo thành tích…</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Điều kiện khen thưởng</translation>
    </message>
    <message>
        <source>Dossiers and decisions</source>
        <translation>Hồ sơ và quyết định</translation>
    </message>
    <message>
        <source>Cannot read the records</source>
        <translation>Không thể đọc dữ liệu</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::SubjectPicker</name>
    <message>
        <source>A &amp;person</source>
        <translation>&amp;Cá nhân</translation>
    </message>
    <message>
        <source>A &amp;unit (collective)</source>
        <translation>Đơn &amp;vị (tập thể)</translation>
    </message>
    <message>
        <source>Search: part of a name or key, with or without accents</source>
        <translation>Tìm: một phần của tên hoặc mã, có dấu hoặc không dấu</translation>
    </message>
    <message>
        <source>Nobody chosen yet: search, then click a row.</source>
        <translation>Chưa chọn đối tượng: hãy tìm rồi nhấp vào một dòng.</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Đã chọn: %1</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::SubjectWorkflowTab</name>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Proposing unit</source>
        <translation>Đơn vị đề nghị</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Named as</source>
        <translation>Tư cách</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Proposal dossiers (double-click to open):</source>
        <translation>Hồ sơ đề nghị khen thưởng (nhấp đúp để mở):</translation>
    </message>
    <message>
        <source>Award decisions (double-click to open):</source>
        <translation>Quyết định khen thưởng (nhấp đúp để mở):</translation>
    </message>
    <message>
        <source>Nominee</source>
        <translation>Đối tượng đề nghị</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Đã ban hành</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Award decision</source>
        <translation>Quyết định khen thưởng</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::TallyEditor</name>
    <message>
        <source>Tally of the selected nominee</source>
        <translation>Kết quả kiểm phiếu của đối tượng đang chọn</translation>
    </message>
    <message>
        <source>&amp;Record tally</source>
        <translation>&amp;Ghi kết quả kiểm phiếu</translation>
    </message>
    <message>
        <source>Tick the members who declared a conflict of interest for this nominee: they do not vote on it and are left out of the count.</source>
        <translation>Đánh dấu các thành viên đã khai báo có xung đột lợi ích với đối tượng này: họ không biểu quyết và không được tính vào số thành viên biểu quyết.</translation>
    </message>
    <message>
        <source>&amp;Agree:</source>
        <translation>&amp;Tán thành:</translation>
    </message>
    <message>
        <source>&amp;Disagree:</source>
        <translation>&amp;Không tán thành:</translation>
    </message>
    <message>
        <source>A&amp;bstain:</source>
        <translation>Không &amp;biểu quyết:</translation>
    </message>
    <message>
        <source>Conflicts of interest:</source>
        <translation>Xung đột lợi ích:</translation>
    </message>
    <message>
        <source>Select a nominee in the list above to enter its tally.</source>
        <translation>Chọn một đối tượng trong danh sách phía trên để nhập kết quả kiểm phiếu.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>&amp;Record tally again</source>
        <translation>&amp;Ghi lại kết quả kiểm phiếu</translation>
    </message>
    <message numerus="yes">
        <source>Voters: %1 (%n member(s) with a conflict of interest left out). Needed: %2.</source>
        <translation>
            <numerusform>Số thành viên biểu quyết: %1 (không tính %n thành viên có xung đột lợi ích). Yêu cầu: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Voters: %1. Needed: %2.</source>
        <translation>Số thành viên biểu quyết: %1. Yêu cầu: %2.</translation>
    </message>
    <message>
        <source>Passes: %1 of %2 voters agree.</source>
        <translation>Đạt: %1/%2 thành viên biểu quyết tán thành.</translation>
    </message>
    <message>
        <source>Does not pass: %1 of %2 voters agree.</source>
        <translation>Không đạt: %1/%2 thành viên biểu quyết tán thành.</translation>
    </message>
    <message>
        <source>Cannot record the tally</source>
        <translation>Không thể ghi kết quả kiểm phiếu</translation>
    </message>
</context>
<context>
    <name>VinhDanh::Ui::TraceView</name>
    <message>
        <source>Engine: %1 — %2 (rule set %3, version %4)</source>
        <translation>Kết quả xét của hệ thống: %1 — %2 (bộ quy tắc %3, phiên bản %4)</translation>
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
    <message>
        <source>Change &amp;role…</source>
        <translation>Đổi &amp;vai trò…</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <source>Unknown dossier status &quot;%1&quot;; use one of: %2.</source>
        <translation>Trạng thái hồ sơ &quot;%1&quot; không hợp lệ; hãy dùng một trong các giá trị: %2.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Dự thảo</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>Under appraisal</source>
        <translation>Đang thẩm định</translation>
    </message>
    <message>
        <source>Returned for supplement</source>
        <translation>Trả lại để bổ sung</translation>
    </message>
    <message>
        <source>Appraised</source>
        <translation>Đã thẩm định</translation>
    </message>
    <message>
        <source>Before the council</source>
        <translation>Đã trình Hội đồng</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Đã có kết quả</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Gửi</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Rút lại</translation>
    </message>
    <message>
        <source>Start appraisal</source>
        <translation>Bắt đầu thẩm định</translation>
    </message>
    <message>
        <source>Return for supplement</source>
        <translation>Trả lại để bổ sung</translation>
    </message>
    <message>
        <source>Resubmit</source>
        <translation>Gửi lại</translation>
    </message>
    <message>
        <source>Finish appraisal</source>
        <translation>Hoàn thành thẩm định</translation>
    </message>
    <message>
        <source>Put to the council</source>
        <translation>Trình Hội đồng</translation>
    </message>
    <message>
        <source>Close as decided</source>
        <translation>Kết thúc xử lý</translation>
    </message>
    <message>
        <source>Unknown document kind &quot;%1&quot;; use one of: %2.</source>
        <translation>Loại tài liệu &quot;%1&quot; không hợp lệ; hãy dùng một trong các giá trị: %2.</translation>
    </message>
    <message>
        <source>Proposal letter (tờ trình)</source>
        <translation>Tờ trình</translation>
    </message>
    <message>
        <source>List of nominees (danh sách)</source>
        <translation>Danh sách đối tượng đề nghị</translation>
    </message>
    <message>
        <source>Achievement report (báo cáo thành tích)</source>
        <translation>Báo cáo thành tích</translation>
    </message>
    <message>
        <source>Minutes of the unit&apos;s council (biên bản)</source>
        <translation>Biên bản họp Hội đồng Thi đua – Khen thưởng của đơn vị</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Tài liệu khác</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>Được khen thưởng</translation>
    </message>
    <message>
        <source>Not awarded</source>
        <translation>Không được khen thưởng</translation>
    </message>
    <message>
        <source>Forwarded to a higher level</source>
        <translation>Chuyển cấp trên đề nghị khen thưởng</translation>
    </message>
    <message>
        <source>a dossier can be recalled only while it is submitted, before appraisal starts.</source>
        <translation>chỉ rút lại được hồ sơ đã gửi, trước khi bắt đầu thẩm định.</translation>
    </message>
    <message>
        <source>it has already been submitted.</source>
        <translation>hồ sơ đã được gửi.</translation>
    </message>
    <message>
        <source>the dossier is decided; nothing more can happen to it.</source>
        <translation>hồ sơ đã có kết quả; không thể thực hiện thêm thao tác nào.</translation>
    </message>
    <message>
        <source>no action is possible from this status.</source>
        <translation>không có thao tác nào được phép ở trạng thái này.</translation>
    </message>
    <message>
        <source>from this status you can only: %1.</source>
        <translation>ở trạng thái này chỉ có thể: %1.</translation>
    </message>
    <message>
        <source>Cannot %1 a dossier that is %2: %3</source>
        <translation>Không thể %1 khi hồ sơ đang ở trạng thái %2: %3</translation>
    </message>
    <message>
        <source>The movement &quot;%1&quot; has no %2; choose one of: %3.</source>
        <translation>Phong trào &quot;%1&quot; không có dịp %2; hãy chọn một trong các dịp: %3.</translation>
    </message>
    <message>
        <source>The movement &quot;%1&quot; holds its %2 in %3, not in %4; correct the year.</source>
        <translation>Phong trào &quot;%1&quot; tổ chức %2 vào năm %3, không phải năm %4; hãy sửa lại năm.</translation>
    </message>
    <message>
        <source>Choose the proposing unit.</source>
        <translation>Hãy chọn đơn vị đề nghị.</translation>
    </message>
    <message>
        <source>The title of the dossier is required (e.g. &quot;Đề nghị khen thưởng năm %1&quot;).</source>
        <translation>Chưa nhập trích yếu của hồ sơ (VD: &quot;Đề nghị khen thưởng năm %1&quot;).</translation>
    </message>
    <message>
        <source>Unknown occasion &quot;%1&quot;; use one of: %2.</source>
        <translation>Dịp khen thưởng &quot;%1&quot; không hợp lệ; hãy dùng một trong các giá trị: %2.</translation>
    </message>
    <message>
        <source>The movement of the dossier no longer exists; choose another or the regular track.</source>
        <translation>Phong trào của hồ sơ không còn tồn tại; hãy chọn phong trào khác hoặc khen thưởng thường xuyên.</translation>
    </message>
    <message>
        <source>A dossier of the regular track is annual; choose a movement for a sơ kết or tổng kết.</source>
        <translation>Hồ sơ khen thưởng thường xuyên là hồ sơ hằng năm; hãy chọn phong trào nếu khen thưởng sơ kết hoặc tổng kết.</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>và %n đối tượng khác</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the reason to %1: what the unit must supplement or correct.</source>
        <translation>Hãy nêu lý do %1: những nội dung đơn vị cần bổ sung hoặc sửa.</translation>
    </message>
    <message>
        <source>The dossier has no nominee; add at least one before you %1 it.</source>
        <translation>Hồ sơ chưa có đối tượng đề nghị nào; hãy thêm ít nhất một đối tượng trước khi %1.</translation>
    </message>
    <message>
        <source>The eligibility check found these nominees not eligible and no reason to propose them was given: %1. Give the reason for each, or remove them.</source>
        <translation>Kết quả kiểm tra điều kiện xác định các đối tượng sau không đủ điều kiện mà chưa nêu lý do vẫn đề nghị: %1. Hãy nêu lý do cho từng đối tượng hoặc xóa các đối tượng đó.</translation>
    </message>
    <message>
        <source>Every nominee must be appraised before the appraisal is finished; not yet appraised: %1.</source>
        <translation>Phải thẩm định tất cả đối tượng trước khi hoàn thành thẩm định; chưa thẩm định: %1.</translation>
    </message>
    <message>
        <source>Every nominee the appraisal agreed to must be on a council sitting first; not yet on one: %1.</source>
        <translation>Mọi đối tượng được thẩm định đồng ý đề nghị phải được trình một phiên họp Hội đồng trước; chưa trình: %1.</translation>
    </message>
    <message>
        <source>The dossier can be closed only when every nominee has an outcome (awarded, not awarded or forwarded); still open: %1.</source>
        <translation>Chỉ kết thúc xử lý hồ sơ khi mọi đối tượng đã có kết quả (được khen thưởng, không được khen thưởng hoặc chuyển cấp trên); chưa có kết quả: %1.</translation>
    </message>
    <message>
        <source>The dossier no longer exists; someone else may have deleted it.</source>
        <translation>Hồ sơ không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>Only a draft dossier can be deleted; &quot;%1&quot; is %2. Recall it first if it is submitted and not yet under appraisal.</source>
        <translation>Chỉ xóa được hồ sơ dự thảo; hồ sơ &quot;%1&quot; đang ở trạng thái %2. Nếu hồ sơ đã gửi nhưng chưa thẩm định, hãy rút lại trước.</translation>
    </message>
    <message>
        <source>Someone else changed the status of the dossier &quot;%1&quot; meanwhile; reopen it and try again.</source>
        <translation>Người khác vừa thay đổi trạng thái của hồ sơ &quot;%1&quot;; hãy mở lại hồ sơ và thử lại.</translation>
    </message>
    <message>
        <source>The nominee no longer exists; someone else may have removed it from the dossier.</source>
        <translation>Đối tượng không còn tồn tại; có thể người khác đã xóa khỏi hồ sơ.</translation>
    </message>
    <message>
        <source>The dossier &quot;%1&quot; is %2: its content can no longer be changed. It can be changed again only if the appraiser returns it for supplement.</source>
        <translation>Hồ sơ &quot;%1&quot; đang ở trạng thái %2: không thể sửa nội dung. Chỉ sửa lại được nếu cán bộ thẩm định trả lại hồ sơ để bổ sung.</translation>
    </message>
    <message>
        <source>Choose either a person or a unit as the nominee.</source>
        <translation>Hãy chọn một cá nhân hoặc một đơn vị làm đối tượng đề nghị.</translation>
    </message>
    <message>
        <source>The nominee is not in the registry; add the person first.</source>
        <translation>Đối tượng chưa có trong cơ sở dữ liệu; hãy thêm cá nhân trước.</translation>
    </message>
    <message>
        <source>The nominee is not in the registry; add the unit first.</source>
        <translation>Đối tượng chưa có trong cơ sở dữ liệu; hãy thêm đơn vị trước.</translation>
    </message>
    <message>
        <source>The award form &quot;%1&quot; is not known; choose one from the list.</source>
        <translation>Không có hình thức khen thưởng &quot;%1&quot;; hãy chọn trong danh sách.</translation>
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
        <source>Unknown award kind &quot;%1&quot;; use one of: %2.</source>
        <translation>Loại khen thưởng &quot;%1&quot; không hợp lệ; hãy dùng một trong các giá trị: %2.</translation>
    </message>
    <message>
        <source>A checklist line has no text; write the standard or remove the line.</source>
        <translation>Có dòng trong danh mục kiểm tra chưa có nội dung; hãy ghi tiêu chuẩn hoặc xóa dòng đó.</translation>
    </message>
    <message>
        <source>%1 is already proposed for %2 in the dossier &quot;%3&quot; (%4, %5).</source>
        <translation>%1 đã được đề nghị %2 trong hồ sơ &quot;%3&quot; (%4, %5).</translation>
    </message>
    <message>
        <source>%1 already received %2 in %3</source>
        <translation>%1 đã được tặng %2 năm %3</translation>
    </message>
    <message>
        <source>%1 already received %2 in %3 (decision %4)</source>
        <translation>%1 đã được tặng %2 năm %3 (quyết định số %4)</translation>
    </message>
    <message numerus="yes">
        <source>%1; the same form is not given again within %n year(s).</source>
        <translation>
            <numerusform>%1; cùng một hình thức không được tặng lại trong vòng %n năm.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 for %2 in %3 needs checking by hand: %4</source>
        <translation>%1 đối với %2 năm %3 cần kiểm tra thủ công: %4</translation>
    </message>
    <message>
        <source>A nominee cannot be moved to another dossier; remove it here and add it there.</source>
        <translation>Không thể chuyển đối tượng sang hồ sơ khác; hãy xóa khỏi hồ sơ này rồi thêm vào hồ sơ kia.</translation>
    </message>
    <message>
        <source>%1 To propose the nominee anyway, give the reason (it is kept for the appraiser).</source>
        <translation>%1 Nếu vẫn đề nghị đối tượng này, hãy nêu lý do (lý do được lưu để cán bộ thẩm định xem xét).</translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; is %2 MB; a file kept with a dossier may be at most %3 MB. Scan it at a lower resolution or split it into parts.</source>
        <translation>Tệp &quot;%1&quot; có dung lượng %2 MB; tệp lưu kèm hồ sơ tối đa %3 MB. Hãy quét với độ phân giải thấp hơn hoặc chia thành nhiều phần.</translation>
    </message>
    <message>
        <source>The attached file needs a name.</source>
        <translation>Tệp đính kèm phải có tên.</translation>
    </message>
    <message>
        <source>Choose the nominee whose achievement report this is.</source>
        <translation>Hãy chọn đối tượng có báo cáo thành tích này.</translation>
    </message>
    <message>
        <source>The nominee of the attached file is not in this dossier.</source>
        <translation>Đối tượng của tệp đính kèm không có trong hồ sơ này.</translation>
    </message>
    <message>
        <source>Cannot read the file &quot;%1&quot;; check that it exists and that you may open it.</source>
        <translation>Không thể đọc tệp &quot;%1&quot;; hãy kiểm tra tệp có tồn tại và bạn có quyền mở tệp hay không.</translation>
    </message>
    <message>
        <source>The attached file no longer exists; someone else may have removed it.</source>
        <translation>Tệp đính kèm không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Nominees are appraised while their dossier is under appraisal; &quot;%1&quot; is %2.</source>
        <translation>Chỉ thẩm định đối tượng khi hồ sơ đang thẩm định; hồ sơ &quot;%1&quot; đang ở trạng thái %2.</translation>
    </message>
    <message>
        <source>Give the reason for not agreeing to propose %1; the unit reads it.</source>
        <translation>Hãy nêu lý do không đồng ý đề nghị %1; đơn vị sẽ nhận được lý do này.</translation>
    </message>
    <message>
        <source>The eligibility check finds %1 not eligible for %2. To agree anyway, give the reason for overriding the check.</source>
        <translation>Kết quả kiểm tra điều kiện xác định %1 không đủ điều kiện đề nghị %2. Nếu vẫn đồng ý, hãy nêu lý do không theo kết quả kiểm tra.</translation>
    </message>
    <message>
        <source>The eligibility check finds %1 eligible for %2. To refuse anyway, give the reason for overriding the check.</source>
        <translation>Kết quả kiểm tra điều kiện xác định %1 đủ điều kiện đề nghị %2. Nếu vẫn không đồng ý, hãy nêu lý do không theo kết quả kiểm tra.</translation>
    </message>
    <message>
        <source>A nominee becomes awarded when the decision that awards them is issued, not by hand.</source>
        <translation>Đối tượng chỉ có kết quả được khen thưởng khi quyết định khen thưởng được ban hành, không ghi thủ công.</translation>
    </message>
    <message>
        <source>Unknown outcome &quot;%1&quot;; use forwarded or not_awarded.</source>
        <translation>Kết quả &quot;%1&quot; không hợp lệ; hãy dùng forwarded hoặc not_awarded.</translation>
    </message>
    <message>
        <source>Outcomes are recorded after the appraisal, while the dossier waits for or is before the council; &quot;%1&quot; is %2.</source>
        <translation>Kết quả được ghi sau khi thẩm định, khi hồ sơ đang chờ hoặc đã trình Hội đồng; hồ sơ &quot;%1&quot; đang ở trạng thái %2.</translation>
    </message>
    <message>
        <source>The outcome of %1 is already recorded (%2) and cannot be changed.</source>
        <translation>Kết quả của %1 đã được ghi (%2) và không thể thay đổi.</translation>
    </message>
    <message>
        <source>Give the reason why %1 is not awarded.</source>
        <translation>Hãy nêu lý do %1 không được khen thưởng.</translation>
    </message>
    <message>
        <source>%1 can be forwarded to a higher level only after the council passed them; record the council&apos;s tally first.</source>
        <translation>Chỉ chuyển %1 lên cấp trên sau khi Hội đồng biểu quyết đạt; hãy ghi kết quả kiểm phiếu của Hội đồng trước.</translation>
    </message>
    <message>
        <source>more than %1% of all members</source>
        <translation>trên %1% tổng số thành viên</translation>
    </message>
    <message>
        <source>at least %1% of all members</source>
        <translation>từ %1% tổng số thành viên trở lên</translation>
    </message>
    <message>
        <source>more than %1% of the members present</source>
        <translation>trên %1% số thành viên có mặt</translation>
    </message>
    <message>
        <source>at least %1% of the members present</source>
        <translation>từ %1% số thành viên có mặt trở lên</translation>
    </message>
    <message>
        <source>The council sitting no longer exists; someone else may have deleted it.</source>
        <translation>Phiên họp Hội đồng không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>The council sitting is closed, so its minutes can no longer change. Record further votes at a new sitting.</source>
        <translation>Phiên họp Hội đồng đã kết thúc nên biên bản không thể thay đổi. Hãy ghi các lần biểu quyết tiếp theo tại phiên họp mới.</translation>
    </message>
    <message>
        <source>Enter the title of the council sitting.</source>
        <translation>Hãy nhập tên phiên họp Hội đồng.</translation>
    </message>
    <message>
        <source>Enter the date of the council sitting.</source>
        <translation>Hãy nhập ngày họp Hội đồng.</translation>
    </message>
    <message>
        <source>Council member %1 has no name; enter it or remove the row.</source>
        <translation>Thành viên Hội đồng thứ %1 chưa có họ tên; hãy nhập họ tên hoặc xóa dòng.</translation>
    </message>
    <message>
        <source>The council member no longer exists; someone else may have removed them.</source>
        <translation>Thành viên Hội đồng không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message numerus="yes">
        <source>%n nominee(s) of the sitting have no vote recorded. Record every tally before closing the sitting.</source>
        <translation>
            <numerusform>%n đối tượng của phiên họp chưa có kết quả biểu quyết. Hãy ghi đủ kết quả kiểm phiếu trước khi kết thúc phiên họp.</numerusform>
        </translation>
    </message>
    <message>
        <source>Council vote: %1/%2 agree; the threshold is %3.</source>
        <translation>Hội đồng biểu quyết: %1/%2 tán thành; ngưỡng biểu quyết là %3.</translation>
    </message>
    <message>
        <source>Vote counts cannot be negative.</source>
        <translation>Số phiếu không được là số âm.</translation>
    </message>
    <message>
        <source>%1 ballots were counted, but only %2 members could vote on this nominee.</source>
        <translation>Đã kiểm %1 phiếu, nhưng chỉ có %2 thành viên được biểu quyết đối với đối tượng này.</translation>
    </message>
    <message>
        <source>No member can vote on this nominee.</source>
        <translation>Không có thành viên nào được biểu quyết đối với đối tượng này.</translation>
    </message>
    <message>
        <source>The council item no longer exists; someone else may have removed it.</source>
        <translation>Nội dung trình Hội đồng không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>The nominee no longer exists; someone else may have removed it.</source>
        <translation>Đối tượng không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>%1 cannot be put before the council: the dossier is %2, and only appraised dossiers go to the council.</source>
        <translation>Không thể trình Hội đồng %1: hồ sơ đang ở trạng thái %2, chỉ hồ sơ đã thẩm định mới được trình Hội đồng.</translation>
    </message>
    <message>
        <source>%1 cannot be put before the council: the appraiser did not agree to propose this nominee.</source>
        <translation>Không thể trình Hội đồng %1: cán bộ thẩm định không đồng ý đề nghị đối tượng này.</translation>
    </message>
    <message>
        <source>%1 cannot be put before the council: what became of this nominee is already recorded.</source>
        <translation>Không thể trình Hội đồng %1: kết quả của đối tượng này đã được ghi nhận.</translation>
    </message>
    <message>
        <source>%1 already passed the vote at the council sitting &quot;%2&quot;.</source>
        <translation>%1 đã được biểu quyết đạt tại phiên họp Hội đồng &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 is already before the council sitting &quot;%2&quot;, which is still open.</source>
        <translation>%1 đã được trình phiên họp Hội đồng &quot;%2&quot;, phiên họp này chưa kết thúc.</translation>
    </message>
    <message>
        <source>The dossier is %1; only appraised dossiers go to the council.</source>
        <translation>Hồ sơ đang ở trạng thái %1; chỉ hồ sơ đã thẩm định mới được trình Hội đồng.</translation>
    </message>
    <message>
        <source>The dossier has no nominee that the appraiser agreed to propose and that still awaits the council.</source>
        <translation>Hồ sơ không có đối tượng nào được cán bộ thẩm định đồng ý đề nghị mà còn chờ trình Hội đồng.</translation>
    </message>
    <message>
        <source>Only a member of this sitting can declare a conflict of interest for its nominee.</source>
        <translation>Chỉ thành viên của phiên họp này mới được khai báo xung đột lợi ích với đối tượng được trình.</translation>
    </message>
    <message>
        <source>The sitting has no quorum: %1 of its %2 members attended, and at least %3/%4 must. Record the attendance first; without a quorum no vote is valid.</source>
        <translation>Phiên họp không đủ túc số: %1/%2 thành viên có mặt, trong khi cần ít nhất %3/%4. Hãy ghi nhận tình hình có mặt trước; không đủ túc số thì mọi kết quả biểu quyết đều không hợp lệ.</translation>
    </message>
    <message>
        <source>The vote for %1 was not recorded: %2 Check the counts against the ballots.</source>
        <translation>Chưa ghi được kết quả biểu quyết đối với %1: %2 Hãy đối chiếu số liệu với phiếu bầu.</translation>
    </message>
    <message>
        <source>The awardee is no longer on the decision&apos;s list; someone else may have removed them.</source>
        <translation>Đối tượng không còn trong danh sách của quyết định; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>An awardee is either one person or one unit; choose exactly one.</source>
        <translation>Đối tượng được khen thưởng là một cá nhân hoặc một đơn vị; hãy chọn đúng một.</translation>
    </message>
    <message>
        <source>Unknown award form &quot;%1&quot;; choose a form from the list.</source>
        <translation>Hình thức khen thưởng &quot;%1&quot; không hợp lệ; hãy chọn trong danh sách.</translation>
    </message>
    <message>
        <source>%1 is awarded to collectives only, not to a person.</source>
        <translation>%1 chỉ trao cho tập thể, không trao cho cá nhân.</translation>
    </message>
    <message>
        <source>%1 is awarded to individuals only, not to a unit.</source>
        <translation>%1 chỉ trao cho cá nhân, không trao cho đơn vị.</translation>
    </message>
    <message>
        <source>Unknown kind of award &quot;%1&quot;; use one of: %2.</source>
        <translation>Loại khen thưởng &quot;%1&quot; không hợp lệ; hãy dùng một trong các giá trị: %2.</translation>
    </message>
    <message>
        <source>Enter who issues the decision (the register it is numbered in), e.g. &quot;UBND tỉnh&quot;.</source>
        <translation>Hãy nhập cơ quan ban hành quyết định (sổ quyết định dùng để lấy số), VD: &quot;UBND tỉnh&quot;.</translation>
    </message>
    <message>
        <source>Enter the date of the decision.</source>
        <translation>Hãy nhập ngày quyết định.</translation>
    </message>
    <message>
        <source>Enter the decision&apos;s number in the register: a whole number from 1.</source>
        <translation>Hãy nhập số quyết định trong sổ: số nguyên từ 1 trở lên.</translation>
    </message>
    <message>
        <source>The signing authority must be TM., KT., Q. or none, not &quot;%1&quot;.</source>
        <translation>Thẩm quyền ký phải là TM., KT., Q. hoặc để trống, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A decision cannot amend itself; choose the issued decision it corrects.</source>
        <translation>Quyết định không thể tự sửa đổi chính nó; hãy chọn quyết định đã ban hành cần sửa đổi.</translation>
    </message>
    <message>
        <source>Only an issued decision can be amended; choose the issued decision this one corrects.</source>
        <translation>Chỉ sửa đổi được quyết định đã ban hành; hãy chọn quyết định đã ban hành mà quyết định này sửa đổi.</translation>
    </message>
    <message>
        <source>The decision no longer exists; someone else may have deleted it.</source>
        <translation>Quyết định không còn tồn tại; có thể người khác đã xóa.</translation>
    </message>
    <message>
        <source>The decision is issued and can no longer be changed; issue an amending decision instead.</source>
        <translation>Quyết định đã ban hành nên không thể sửa; hãy ban hành quyết định sửa đổi.</translation>
    </message>
    <message>
        <source>decision %1 of %2, issued: %3</source>
        <translation>quyết định số %1 ngày %2, đã ban hành: %3</translation>
    </message>
    <message>
        <source>draft decision %1 of %2: %3</source>
        <translation>dự thảo quyết định số %1 ngày %2: %3</translation>
    </message>
    <message>
        <source>The awardee is not the person or unit that was proposed as this nominee.</source>
        <translation>Đối tượng được khen thưởng không phải là cá nhân hoặc đơn vị đã được đề nghị.</translation>
    </message>
    <message>
        <source>This nominee is already on the list of decision %1.</source>
        <translation>Đối tượng này đã có trong danh sách của quyết định %1.</translation>
    </message>
    <message>
        <source>%1 already has an outcome (%2); remove them from the list before issuing.</source>
        <translation>%1 đã có kết quả (%2); hãy xóa khỏi danh sách trước khi ban hành.</translation>
    </message>
    <message>
        <source>Decision %1 issued</source>
        <translation>Đã ban hành quyết định %1</translation>
    </message>
    <message>
        <source>Enter the date of the decision: the bonus follows the rates in force on that date.</source>
        <translation>Hãy nhập ngày quyết định: tiền thưởng được tính theo mức có hiệu lực vào ngày đó.</translation>
    </message>
    <message>
        <source>The bonus of %1 cannot be worked out. %2</source>
        <translation>Không tính được tiền thưởng của %1. %2</translation>
    </message>
    <message>
        <source>Enter who signs decision %1 before issuing it.</source>
        <translation>Hãy nhập người ký quyết định %1 trước khi ban hành.</translation>
    </message>
    <message>
        <source>Decision %1 names nobody to award; fill its list before issuing it.</source>
        <translation>Quyết định %1 chưa có đối tượng được khen thưởng; hãy điền danh sách trước khi ban hành.</translation>
    </message>
    <message>
        <source>Number %1 of the %2 register for %3 is held by decision %4 issued on %5. Give this decision the next free number, %6.</source>
        <translation>Số %1 trong sổ quyết định của %2 năm %3 đã được dùng cho quyết định %4 ban hành ngày %5. Hãy dùng số trống tiếp theo cho quyết định này: %6.</translation>
    </message>
    <message>
        <source>Decision %1 amends a decision that is not issued; correct the decision it amends.</source>
        <translation>Quyết định %1 sửa đổi một quyết định chưa ban hành; hãy chọn lại quyết định được sửa đổi.</translation>
    </message>
    <message>
        <source>%1 has not passed a council vote; remove them from the list or put them before the council.</source>
        <translation>%1 chưa được Hội đồng biểu quyết đạt; hãy xóa khỏi danh sách hoặc trình Hội đồng.</translation>
    </message>
    <message>
        <source>Decision %1</source>
        <translation>Quyết định %1</translation>
    </message>
    <message>
        <source>a collective</source>
        <translation>tập thể</translation>
    </message>
    <message>
        <source>an individual</source>
        <translation>cá nhân</translation>
    </message>
    <message>
        <source>Enter the date from which the base salary applies.</source>
        <translation>Hãy nhập ngày bắt đầu áp dụng mức lương cơ sở.</translation>
    </message>
    <message>
        <source>The base salary must be a positive amount in đồng.</source>
        <translation>Mức lương cơ sở phải là số tiền dương (đồng).</translation>
    </message>
    <message>
        <source>A base salary from %1 is already recorded; change that row instead.</source>
        <translation>Đã có mức lương cơ sở áp dụng từ ngày %1; hãy sửa dòng đó.</translation>
    </message>
    <message>
        <source>Enter the date: the base salary is the one in force on that date.</source>
        <translation>Hãy nhập ngày: mức lương cơ sở áp dụng là mức có hiệu lực vào ngày đó.</translation>
    </message>
    <message>
        <source>No base salary is in force on %1. Add it under Settings ▸ Bonuses and votes.</source>
        <translation>Không có mức lương cơ sở nào có hiệu lực vào ngày %1. Hãy thêm tại Cài đặt ▸ Tiền thưởng và biểu quyết.</translation>
    </message>
    <message>
        <source>A coefficient is for an individual or a collective.</source>
        <translation>Hệ số phải áp dụng cho cá nhân hoặc tập thể.</translation>
    </message>
    <message>
        <source>Enter the date from which the coefficient applies.</source>
        <translation>Hãy nhập ngày bắt đầu áp dụng hệ số.</translation>
    </message>
    <message>
        <source>The coefficient cannot be negative.</source>
        <translation>Hệ số không được là số âm.</translation>
    </message>
    <message>
        <source>Unknown award form &quot;%1&quot;.</source>
        <translation>Hình thức khen thưởng &quot;%1&quot; không hợp lệ.</translation>
    </message>
    <message>
        <source>A coefficient for %1 (%2) from %3 is already recorded; change that row instead.</source>
        <translation>Đã có hệ số cho %1 (%2) áp dụng từ ngày %3; hãy sửa dòng đó.</translation>
    </message>
    <message>
        <source>Enter the date: the bonus coefficient is the one in force on that date.</source>
        <translation>Hãy nhập ngày: hệ số tiền thưởng áp dụng là hệ số có hiệu lực vào ngày đó.</translation>
    </message>
    <message>
        <source>No bonus coefficient for %1 (%2) is in force on %3. Add it under Settings ▸ Bonuses and votes.</source>
        <translation>Không có hệ số tiền thưởng nào cho %1 (%2) có hiệu lực vào ngày %3. Hãy thêm tại Cài đặt ▸ Tiền thưởng và biểu quyết.</translation>
    </message>
    <message>
        <source>A vote threshold is a percentage from 1 to 100.</source>
        <translation>Ngưỡng biểu quyết là tỷ lệ phần trăm từ 1 đến 100.</translation>
    </message>
    <message>
        <source>A vote threshold counts either all members or the members present.</source>
        <translation>Ngưỡng biểu quyết được tính trên tổng số thành viên hoặc trên số thành viên có mặt.</translation>
    </message>
    <message>
        <source>Unknown award form &quot;%1&quot;: a vote threshold is for a form of the list, or &quot;*&quot; for every other form.</source>
        <translation>Hình thức khen thưởng &quot;%1&quot; không hợp lệ: ngưỡng biểu quyết áp dụng cho một hình thức trong danh sách, hoặc &quot;*&quot; cho mọi hình thức khác.</translation>
    </message>
    <message>
        <source>The council quorum is a fraction of the members such as 2/3, not &quot;%1&quot;.</source>
        <translation>Túc số phiên họp Hội đồng là tỷ lệ trên tổng số thành viên, VD: 2/3, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The office level is one of co_so, tinh, trung_uong, nha_nuoc, not &quot;%1&quot;.</source>
        <translation>Cấp của cơ quan phải là một trong các giá trị co_so, tinh, trung_uong, nha_nuoc, không phải &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The program is missing its catalogue file %1.</source>
        <translation>Chương trình thiếu tệp danh mục %1.</translation>
    </message>
    <message>
        <source>The catalogue file %1 is damaged: %2.</source>
        <translation>Tệp danh mục %1 bị hỏng: %2.</translation>
    </message>
    <message>
        <source>confirmed on the checklist</source>
        <translation>đã xác nhận trên danh mục kiểm tra</translation>
    </message>
    <message>
        <source>This dossier was proposed by a unit outside %1 and its sub-units; the account %2 can open only the dossiers of its own units. Ask the office that handles it.</source>
        <translation>Hồ sơ này do một đơn vị ngoài %1 và các đơn vị trực thuộc đề nghị; tài khoản %2 chỉ mở được hồ sơ của các đơn vị mình. Hãy liên hệ cơ quan đang xử lý hồ sơ.</translation>
    </message>
    <message>
        <source>%1 ended on %2 and was succeeded by %3: it cannot propose for %4. Make the dossier in the name of %3.</source>
        <translation>%1 đã chấm dứt hoạt động từ ngày %2, đơn vị kế thừa là %3: không thể đề nghị khen thưởng cho năm %4. Hãy lập hồ sơ đứng tên %3.</translation>
    </message>
    <message>
        <source>%1 ended on %2: it cannot propose for %3. Choose the unit that took over its work.</source>
        <translation>%1 đã chấm dứt hoạt động từ ngày %2: không thể đề nghị khen thưởng cho năm %3. Hãy chọn đơn vị tiếp nhận nhiệm vụ của đơn vị này.</translation>
    </message>
    <message>
        <source>The year %1 is out of range; enter the year of the achievements (1945–2100).</source>
        <translation>Năm %1 nằm ngoài phạm vi cho phép; hãy nhập năm đạt thành tích (1945–2100).</translation>
    </message>
    <message numerus="yes">
        <source>%n required document(s) of the dossier are missing: %1. Attach them, or give the reason to %2 it without them (it is kept in the dossier&apos;s history).</source>
        <translation>
            <numerusform>Còn thiếu %n thành phần hồ sơ bắt buộc: %1. Hãy đính kèm, hoặc ghi lý do để %2 khi còn thiếu (lý do được lưu trong quá trình xử lý hồ sơ).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a year the council can consider; enter a year from 1945 to 2100.</source>
        <translation>Hội đồng không thể xét năm %1; hãy nhập năm từ 1945 đến 2100.</translation>
    </message>
    <message>
        <source>%1 Confirm that the sitting considers it all the same; the decision will then cite the regular track for it, not the movement.</source>
        <translation>%1 Hãy xác nhận nếu vẫn đưa ra phiên họp xét; khi đó quyết định sẽ dẫn căn cứ khen thưởng thường xuyên, không dẫn phong trào.</translation>
    </message>
    <message>
        <source>%1 is not a valid register year; enter a year from 1945 to 2100.</source>
        <translation>%1 không phải là năm hợp lệ của sổ quyết định; hãy nhập năm từ 1945 đến 2100.</translation>
    </message>
    <message>
        <source>Decision %1 cannot be issued: %2 Remove those awardees from the list.</source>
        <translation>Không thể ban hành quyết định %1: %2 Hãy bỏ các đối tượng đó khỏi danh sách.</translation>
    </message>
    <message>
        <source>%1 To issue decision %2 all the same, give the reason (it is kept with the awards in the ledger).</source>
        <translation>%1 Nếu vẫn ban hành quyết định %2, hãy ghi lý do (lý do được lưu cùng các khen thưởng trong sổ khen thưởng).</translation>
    </message>
    <message>
        <source>Issued although who awards the form is not confirmed: %1</source>
        <translation>Ban hành dù thẩm quyền tặng hình thức này chưa được xác nhận: %1</translation>
    </message>
    <message>
        <source>the head of the agency or unit, or the Chairman of the commune People&apos;s Committee</source>
        <translation>Thủ trưởng cơ quan, đơn vị hoặc Chủ tịch Ủy ban nhân dân cấp xã</translation>
    </message>
    <message>
        <source>the Chairman of the provincial People&apos;s Committee</source>
        <translation>Chủ tịch Ủy ban nhân dân tỉnh</translation>
    </message>
    <message>
        <source>the Prime Minister</source>
        <translation>Thủ tướng Chính phủ</translation>
    </message>
    <message>
        <source>the State President</source>
        <translation>Chủ tịch nước</translation>
    </message>
    <message>
        <source>an authority the program does not know</source>
        <translation>một cấp có thẩm quyền mà chương trình chưa biết</translation>
    </message>
    <message>
        <source>%1 is awarded by %2, not by %3: propose it upward and record the nominee as forwarded.</source>
        <translation>%1 do %2 quyết định tặng, không phải %3: hãy đề nghị lên cấp trên và ghi nhận đối tượng là đã chuyển cấp trên.</translation>
    </message>
    <message>
        <source>%1 is awarded by %2, not by %3, who issues this office&apos;s decisions.</source>
        <translation>%1 do %2 quyết định tặng, không phải %3 (cấp ký quyết định của cơ quan này).</translation>
    </message>
    <message>
        <source>%1 is probably awarded by %2, not by %3; the law notes do not confirm who awards it.</source>
        <translation>%1 có lẽ do %2 quyết định tặng, không phải %3; ghi chú pháp lý chưa xác nhận thẩm quyền tặng.</translation>
    </message>
    <message>
        <source>Who awards %1 is not confirmed in the law notes (%2); it is taken to be %3.</source>
        <translation>Thẩm quyền tặng %1 chưa được xác nhận trong ghi chú pháp lý (%2); tạm hiểu là %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;, %2 %3</source>
        <translation>&quot;%1&quot;, %2, năm %3</translation>
    </message>
    <message>
        <source>the regular track, %1 %2</source>
        <translation>khen thưởng thường xuyên, %1, năm %2</translation>
    </message>
    <message>
        <source>The dossier &quot;%1&quot; has no nominee this sitting passed that this decision can award; pick among the dossiers offered.</source>
        <translation>Hồ sơ &quot;%1&quot; không có đối tượng nào được phiên họp này biểu quyết đạt mà quyết định này có thể khen thưởng; hãy chọn trong các hồ sơ được đưa ra.</translation>
    </message>
    <message>
        <source>The dossiers picked differ: &quot;%1&quot; is of %2, &quot;%3&quot; of %4. A decision cites one basis; pick dossiers of the same track, movement, occasion and year, and make another decision for the others.</source>
        <translation>Các hồ sơ được chọn không cùng căn cứ: hồ sơ &quot;%1&quot; thuộc %2, còn hồ sơ &quot;%3&quot; thuộc %4. Mỗi quyết định chỉ dẫn một căn cứ; hãy chọn các hồ sơ cùng diện khen thưởng, phong trào, dịp khen thưởng và năm, rồi lập quyết định khác cho các hồ sơ còn lại.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The movement &quot;%1&quot; does not offer %2 for the occasion &quot;%3&quot;; for it, it offers: %4.</source>
        <translation>Phong trào &quot;%1&quot; không áp dụng %2 cho dịp khen thưởng &quot;%3&quot;; các hình thức áp dụng cho dịp này là: %4.</translation>
    </message>
    <message>
        <source>The sitting &quot;%1&quot; considers the movement &quot;%2&quot;, and the dossier &quot;%3&quot; is of the regular track.</source>
        <translation>Phiên họp &quot;%1&quot; xét phong trào &quot;%2&quot;, còn hồ sơ &quot;%3&quot; thuộc khen thưởng thường xuyên.</translation>
    </message>
    <message>
        <source>The sitting &quot;%1&quot; considers the movement &quot;%2&quot;; the dossier &quot;%3&quot; belongs to the movement &quot;%4&quot;. Put it before a sitting of its own movement or of the regular track.</source>
        <translation>Phiên họp &quot;%1&quot; xét phong trào &quot;%2&quot;; hồ sơ &quot;%3&quot; thuộc phong trào &quot;%4&quot;. Hãy trình hồ sơ ra phiên họp của chính phong trào đó hoặc phiên họp khen thưởng thường xuyên.</translation>
    </message>
    <message>
        <source>The eligibility check (%1, version %2) finds %3 not eligible for %4 in %5: %6.</source>
        <translation>Theo kết quả kiểm tra điều kiện (%1, phiên bản %2), %3 không đủ điều kiện đề nghị %4 năm %5: %6.</translation>
    </message>
    <message>
        <source>No council sitting has been recorded yet, so its members are not known: create the first sitting with its members under Council, then put the dossier before it.</source>
        <translation>Chưa ghi nhận phiên họp Hội đồng nào nên chưa biết thành viên Hội đồng: hãy tạo phiên họp đầu tiên kèm thành viên ở mục Hội đồng, rồi trình hồ sơ.</translation>
    </message>
    <message>
        <source>Council sitting on the awards of %1 in the movement “%2”</source>
        <translation>Phiên họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm %1 trong phong trào “%2”</translation>
    </message>
    <message>
        <source>Council sitting on the awards of %1</source>
        <translation>Phiên họp Hội đồng Thi đua – Khen thưởng xét khen thưởng năm %1</translation>
    </message>
    <message>
        <source>Enter the time the sitting started as well as the time it ended.</source>
        <translation>Hãy nhập cả giờ bắt đầu phiên họp, không chỉ giờ kết thúc.</translation>
    </message>
    <message>
        <source>The sitting cannot end at %1 when it started at %2: the end time must be after the start time.</source>
        <translation>Phiên họp không thể kết thúc lúc %1 khi bắt đầu lúc %2: giờ kết thúc phải sau giờ bắt đầu.</translation>
    </message>
    <message>
        <source>Only one member can be the secretary; %1 are marked.</source>
        <translation>Chỉ một thành viên được làm thư ký; đang đánh dấu %1.</translation>
    </message>
    <message>
        <source>The secretary is either a member (%1 is marked) or someone else named (%2), not both: clear one.</source>
        <translation>Thư ký hoặc là thành viên (đang đánh dấu %1) hoặc là người khác được ghi tên (%2), không thể cả hai: hãy bỏ một trong hai.</translation>
    </message>
    <message>
        <source>“%1” is not a time of day: write it as hh:mm, from 00:00 to 23:59 (for example 08:00 or 14:30).</source>
        <translation>“%1” không phải là giờ trong ngày: hãy viết theo dạng hh:mm, từ 00:00 đến 23:59 (ví dụ 08:00 hoặc 14:30).</translation>
    </message>
    <message>
        <source>Dossier %1/%2</source>
        <comment>a dossier&apos;s register number: number/year</comment>
        <translation>HS %1/%2</translation>
    </message>
    <message>
        <source>Sitting %1/%2</source>
        <comment>a council sitting&apos;s register number: number/year</comment>
        <translation>Phiên %1/%2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>a decision among candidates: number, date</comment>
        <translation>%1 ngày %2</translation>
    </message>
    <message>
        <source>%1 of %2 (draft)</source>
        <comment>a draft decision among candidates: number, date</comment>
        <translation>%1 ngày %2 (dự thảo)</translation>
    </message>
    <message>
        <source>The register number could not be given; nothing was saved.</source>
        <translation>Không cấp được số vào sổ; chưa có gì được lưu.</translation>
    </message>
    <message>
        <source>More than one decision of %1 has the number &quot;%2&quot;: %3. Name it by its key (vinhdanh-cli decisions --format json shows the keys).</source>
        <translation>Năm %1 có nhiều quyết định cùng số &quot;%2&quot;: %3. Hãy chỉ định quyết định bằng mã của nó (vinhdanh-cli decisions --format json cho biết các mã).</translation>
    </message>
    <message>
        <source>More than one decision has the number &quot;%1&quot;: %2. Add the year after the number, e.g. &quot;%3 %4&quot;.</source>
        <translation>Có nhiều quyết định cùng số &quot;%1&quot;: %2. Hãy ghi thêm năm sau số, ví dụ &quot;%3 %4&quot;.</translation>
    </message>
    <message>
        <source>A council sitting has the status &quot;%1&quot;, which this version does not know (it knows: %2). It may have been written by a newer version of the program.</source>
        <translation>Phiên họp Hội đồng có trạng thái &quot;%1&quot; mà phiên bản này không biết (chỉ biết: %2). Có thể dữ liệu do một phiên bản mới hơn của chương trình ghi.</translation>
    </message>
    <message>
        <source>A decision has the status &quot;%1&quot;, which this version does not know (it knows: %2). It may have been written by a newer version of the program.</source>
        <translation>Quyết định có trạng thái &quot;%1&quot; mà phiên bản này không biết (chỉ biết: %2). Có thể dữ liệu do một phiên bản mới hơn của chương trình ghi.</translation>
    </message>
    <message>
        <source>Standard “%1” is ticked without evidence: write the evidence note, or untick it.</source>
        <translation>Tiêu chuẩn “%1” được đánh dấu nhưng chưa có minh chứng: hãy ghi chú minh chứng hoặc bỏ đánh dấu.</translation>
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
    <message>
        <source>A Vinh Danh database file to open; it must exist (unlike --database, nothing is created).</source>
        <translation>Tệp cơ sở dữ liệu Vinh Danh cần mở; tệp phải có sẵn (khác với --database, không tạo tệp mới).</translation>
    </message>
    <message>
        <source>[FILE]</source>
        <translation>[TỆP]</translation>
    </message>
    <message>
        <source>Give one file to open, not %1.</source>
        <translation>Chỉ mở một tệp, không phải %1 tệp.</translation>
    </message>
    <message>
        <source>Give the file to open either as FILE or with --database, not both.</source>
        <translation>Chỉ ghi tệp cần mở theo một cách: TỆP hoặc --database, không dùng cả hai.</translation>
    </message>
    <message>
        <source>With --screenshot: show page NAME first (%1).</source>
        <translation>Dùng cùng --screenshot: mở trang TÊN trước khi chụp (%1).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>--page is used with --screenshot.</source>
        <translation>--page chỉ dùng cùng với --screenshot.</translation>
    </message>
    <message>
        <source>The page %1 shows the first record of its list, and that list is empty.</source>
        <translation>Trang %1 hiện bản ghi đầu tiên của danh sách, nhưng danh sách đó đang trống.</translation>
    </message>
    <message>
        <source>There is no page called %1. The pages are: %2.</source>
        <translation>Không có trang nào tên %1. Các trang có: %2.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>Chưa mở cơ sở dữ liệu nào.</translation>
    </message>
    <message>
        <source>The start page shows only while the database has no units and no people.</source>
        <translation>Trang Bắt đầu chỉ hiện khi cơ sở dữ liệu chưa có đơn vị và cá nhân nào.</translation>
    </message>
    <message>
        <source>The database is empty, so only the start page can be shown.</source>
        <translation>Cơ sở dữ liệu còn trống nên chỉ hiện được trang Bắt đầu.</translation>
    </message>
</context>
</TS>
