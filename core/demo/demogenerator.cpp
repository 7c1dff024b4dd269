#include "core/demo/demogenerator.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/demo/vietnamesenames.h"
#include "core/error.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QDate>
#include <QRandomGenerator>
#include <QSet>

#include <array>
#include <map>
#include <memory>
#include <tuple>
#include <vector>

// The rules the generated ledger follows (tests/core/demo_test.cpp asserts them, so eligibility
// checks run on demo data meet consistent histories):
// - Ratings: every person and live unit has one for each of the ten years; merged communes until
//   the year before the merger. A lasting tendency plus yearly noise keeps good performers good
//   (people: about 25 % HTXSNV, 60 % HTTNV, 12 % HTNV, 3 % KHTNV). A person disciplined in a year
//   is rated KHTNV that year (Decree 90/2020); a discipline lasts 12 months, so it blocks every
//   title of its year and the next.
// - LDTT: exactly the unblocked years rated HTXSNV or HTTNV, for staff (not nhan_dan, doanh_nhan).
// - CSTDCS: only in an LDTT year, rated HTXSNV or through an initiative recognised that year or the
//   year before, which is then marked used for that award.
// - CSTD_TINH: CSTDCS that year and the two before (then the count starts again).
// - BK_TINH (cong_trang, person): CSTDCS this year and last, or HTXSNV both years with two
//   initiatives marked used for it. BK_TTG: five years or more after a BK_TINH, all rated >= HTTNV.
// - Collectives: TTLDXS in an HTXSNV year with >= 70 % of members LDTT, none KHTNV and one CSTDCS
//   at least; otherwise TTLDTT in a year rated >= HTTNV with >= 70 % LDTT; none in a year a member
//   got a canh_cao. CO_TD_TINH: at most one per bloc and year, to a unit with TTLDXS that year.
// - dot_xuat and theo_dot awards come on top and follow no rating rule.
namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Demo)
};


QString str(const char16_t *text)
{
    return QString::fromUtf16(text);
}

/// "a|b|c" → {"a", "b", "c"}: keeps the vocabulary below compact. Repeats weight a pick.
QStringList words(const char16_t *list)
{
    return str(list).split(QLatin1Char('|'));
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QString numbered(const char *prefix, int n, int width)
{
    return QLatin1String(prefix) + QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

/// Binds the values in order and runs the prepared statement. Binding by position skips Qt's
/// lookup of named placeholders, which costs more than SQLite's own insert.
template<typename... V> Query &execute(Query &q, const V &...values)
{
    int i = 0;
    (q.raw().bindValue(i++, QVariant(values)), ...);
    return q.exec();
}

/// Inserts rows many at a time through one prepared multi-row INSERT: SQLite spends more per
/// statement than per row, so batches halve the time of the big tables (ratings, awards).
class BatchInsert
{
public:
    BatchInsert(const QSqlDatabase &db, const QString &head, int columns) : m_db(db), m_head(head), m_columns(columns) {}
    template<typename... V> void add(const V &...values)
    {
        (m_values.push_back(QVariant(values)), ...);
        if (int(m_values.size()) == kRows * m_columns)
            flush();
    }
    void flush()
    {
        const int rows = int(m_values.size()) / m_columns;
        if (rows == 0)
            return;
        std::unique_ptr<Query> &q = m_statements[rows]; // a smaller batch comes only at the end
        if (!q) {
            const QString row = QLatin1Char('(') + QStringList(m_columns, QStringLiteral("?")).join(QStringLiteral(", ")) + QLatin1Char(')');
            q = std::make_unique<Query>(m_db, m_head + QStringLiteral(" VALUES ") + QStringList(rows, row).join(QStringLiteral(", ")));
        }
        for (int i = 0; i < int(m_values.size()); ++i)
            q->raw().bindValue(i, m_values[i]);
        q->exec();
        m_values.clear();
    }

private:
    static constexpr int kRows = 64;
    QSqlDatabase m_db;
    QString m_head;
    int m_columns;
    std::vector<QVariant> m_values;
    std::map<int, std::unique_ptr<Query>> m_statements;
};

constexpr int kYears = 10;
constexpr int kProvince = -1, kPrimeMinister = -2; // issuers above the units
enum Rating : quint8 { Xs, Tot, Ht, Kht };
enum Kind { Agency, Department, Commune, Front, Social, Cooperative, Enterprise, KindCount };
const char *const kKindCodes[] = {"provincial_agency", "department", "commune_ward", "front_org",
                                  "social_org", "cooperative", "enterprise"};
const double kShare[] = {0.025, 0.12, 0.10, 0.006, 0.03, 0.12}; // of the units beyond one of each kind
const double kStaff[] = {150, 30, 50, 20, 10, 15, 30};          // average staff per unit
// Blocs: nine khối, then the cụm of communes and wards.
const char16_t kKhoi[] = u"Khối các cơ quan tổng hợp|Khối các cơ quan kinh tế|Khối các cơ quan văn hóa – xã hội|"
                         u"Khối các cơ quan nội chính|Khối các đơn vị sự nghiệp|Khối Mặt trận và các đoàn thể|"
                         u"Khối các hội đặc thù|Khối doanh nghiệp|Khối hợp tác xã";
enum { KhoiFront = 5, KhoiSocial = 6, KhoiEnterprise = 7, KhoiCoop = 8, KhoiCount = 9 };

// Agencies with their khối and staffing (0 office, 1 health, 2 school); most important first.
const struct { const char16_t *name; int bloc, staffing; } kAgencies[] = {
    {u"Sở Nội vụ", 0, 0}, {u"Sở Khoa học và Công nghệ", 1, 0}, {u"Văn phòng UBND tỉnh", 0, 0},
    {u"Sở Tài chính", 0, 0}, {u"Sở Tư pháp", 3, 0}, {u"Thanh tra tỉnh", 3, 0}, {u"Sở Công Thương", 1, 0},
    {u"Sở Xây dựng", 1, 0}, {u"Sở Nông nghiệp và Môi trường", 1, 0}, {u"Sở Giáo dục và Đào tạo", 2, 0},
    {u"Sở Y tế", 2, 0}, {u"Sở Văn hóa, Thể thao và Du lịch", 2, 0}, {u"Sở Dân tộc và Tôn giáo", 2, 0},
    {u"Sở Ngoại vụ", 0, 0}, {u"Ban Quản lý các khu công nghiệp tỉnh", 1, 0},
    {u"Ban Quản lý dự án đầu tư xây dựng tỉnh", 1, 0}, {u"Trung tâm Phục vụ hành chính công tỉnh", 0, 0},
    {u"Quỹ Đầu tư phát triển tỉnh", 1, 0}, {u"Báo và Phát thanh, Truyền hình tỉnh", 2, 0},
    {u"Bệnh viện Đa khoa tỉnh", 4, 1}, {u"Bệnh viện Sản – Nhi tỉnh", 4, 1}, {u"Bệnh viện Y dược cổ truyền tỉnh", 4, 1},
    {u"Trung tâm Kiểm soát bệnh tật tỉnh", 4, 1}, {u"Trường Chính trị tỉnh", 4, 2}, {u"Trường Cao đẳng Y tế tỉnh", 4, 2},
    {u"Trường Cao đẳng Kỹ thuật công nghiệp tỉnh", 4, 2}, {u"Bảo tàng tỉnh", 4, 0}, {u"Thư viện tỉnh", 4, 0},
    {u"Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", 4, 0}, {u"Ban Quản lý Khu kinh tế tỉnh", 1, 0}};
const char16_t *const kDepartments[] = { // by staffing of the parent agency
    u"Văn phòng|Thanh tra|Phòng Tổ chức – Hành chính|Phòng Kế hoạch – Tài chính|Phòng Pháp chế|Phòng Chuyển đổi số|"
    u"Phòng Quản lý chuyên ngành|Phòng Kiểm tra, giám sát|Chi cục Quản lý chất lượng|Trung tâm Dịch vụ công",
    u"Phòng Tổ chức – Hành chính|Phòng Kế hoạch tổng hợp|Phòng Điều dưỡng|Khoa Khám bệnh|Khoa Nội|Khoa Ngoại|Khoa Nhi|"
    u"Khoa Hồi sức cấp cứu|Khoa Xét nghiệm|Khoa Chẩn đoán hình ảnh|Khoa Dược",
    u"Phòng Đào tạo|Phòng Tổ chức – Hành chính|Phòng Kế hoạch – Tài chính|Khoa Cơ bản|Khoa Điều dưỡng|"
    u"Khoa Công nghệ thông tin|Khoa Cơ khí|Khoa Lý luận chính trị"};
const char16_t kFronts[] = u"Ủy ban MTTQ Việt Nam tỉnh|Hội Liên hiệp Phụ nữ tỉnh|Tỉnh đoàn|Hội Nông dân tỉnh|"
                           u"Hội Cựu chiến binh tỉnh|Liên đoàn Lao động tỉnh";
const char16_t kSocials[] = u"Hội Chữ thập đỏ tỉnh|Hội Khuyến học tỉnh|Hội Luật gia tỉnh|Hội Nhà báo tỉnh|"
                            u"Hội Người cao tuổi tỉnh|Hội Văn học Nghệ thuật tỉnh|Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh|"
                            u"Hội Đông y tỉnh|Hội Người mù tỉnh|Hội Doanh nghiệp nhỏ và vừa tỉnh";
const char16_t kLocalSocials[] = u"Hội Chữ thập đỏ|Hội Khuyến học|Hội Người cao tuổi";
const char16_t kIndustries[] =
    u"Xây dựng|Thương mại và Dịch vụ|Công nghệ thông tin|Dược phẩm|Cơ khí|Vận tải|Môi trường đô thị|Cấp nước|May mặc|"
    u"Chế biến nông sản|Thủy sản|Du lịch|Phần mềm|Giải pháp số|Bao bì|Vật liệu xây dựng|Xuất nhập khẩu|"
    u"Đầu tư và Phát triển|Tư vấn thiết kế|Thực phẩm|Nông nghiệp công nghệ cao|Năng lượng tái tạo|Viễn thông|Dệt may|"
    u"Gốm sứ|Chế biến gỗ|In và Truyền thông|Khoáng sản|Điện tử|Logistics";
const char16_t kLegalForms[] = u"Công ty cổ phần|Công ty cổ phần|Công ty cổ phần|Công ty TNHH|Công ty TNHH|Công ty TNHH MTV";
const char16_t kCoopTypes[] = u"Nông nghiệp|Dịch vụ nông nghiệp|Thủy sản|Rau an toàn|Chăn nuôi|Vận tải|Mây tre đan|Chè|"
                              u"Cây ăn quả|Dược liệu";
const char16_t kInitiatives[] =
    u"Số hóa hồ sơ lưu trữ|Ứng dụng phần mềm quản lý văn bản và điều hành|Cải tiến quy trình tiếp nhận và trả kết quả "
    u"hồ sơ một cửa|Giải pháp thanh toán không dùng tiền mặt|Xây dựng cơ sở dữ liệu quản lý cán bộ|Ứng dụng trí tuệ nhân "
    u"tạo trong trả lời phản ánh của người dân|Giải pháp tiết kiệm điện năng|Cải tiến dây chuyền sản xuất|Chuẩn hóa quy "
    u"trình kiểm soát chất lượng|Ứng dụng mã QR trong quản lý tài sản|Giải pháp ký số văn bản trên thiết bị di động|"
    u"Nâng cao hiệu quả tuyên truyền trên mạng xã hội|Tự động hóa báo cáo thống kê định kỳ";
const char16_t kFeats[] =
    u"Có thành tích xuất sắc đột xuất trong công tác phòng, chống thiên tai|Có hành động dũng cảm cứu người bị nạn|"
    u"Có thành tích xuất sắc đột xuất trong công tác cứu hộ, cứu nạn|Có thành tích xuất sắc đột xuất trong triển khai "
    u"chuyển đổi số|Có thành tích xuất sắc đột xuất trong phòng, chống dịch bệnh";
// Who heads a unit, by the first word(s) of its name: the title, and the word that precedes the
// unit's name when the head signs (null: the title itself). Anything else has a Giám đốc.
const char16_t *const kHeads[][3] = {
    {u"Văn phòng", u"Chánh Văn phòng", u"Chánh"}, {u"Thanh tra", u"Chánh Thanh tra", u"Chánh"},
    {u"Ban", u"Trưởng ban", u"Trưởng"}, {u"Phòng", u"Trưởng phòng", nullptr}, {u"Khoa", u"Trưởng khoa", nullptr},
    {u"Chi cục", u"Chi cục trưởng", nullptr}, {u"Trường", u"Hiệu trưởng", nullptr}, {u"Báo", u"Tổng Biên tập", nullptr},
    {u"Tỉnh đoàn", u"Bí thư", nullptr}, {u"UBND", u"Chủ tịch", nullptr}, {u"Ủy ban", u"Chủ tịch", nullptr},
    {u"Hội", u"Chủ tịch", nullptr}, {u"Liên", u"Chủ tịch", nullptr}};
// Staff by staffing profile: the head's category, category shares (percent), other positions.
// Profiles 0–2 are agencies and their departments; then communes, fronts, societies, co-ops, firms.
const struct { const char *head, *categories; const char16_t *positions; } kStaffing[] = {
    {"cong_chuc", "cong_chuc 55 vien_chuc 25 nguoi_lao_dong 15 can_bo 5",
     u"Chuyên viên|Chuyên viên|Chuyên viên|Chuyên viên chính|Trưởng phòng|Phó Trưởng phòng|Kế toán|Văn thư|Nhân viên"},
    {"vien_chuc", "vien_chuc 80 nguoi_lao_dong 15 cong_chuc 5",
     u"Bác sĩ|Bác sĩ|Điều dưỡng|Điều dưỡng|Dược sĩ|Kỹ thuật viên|Kế toán"},
    {"vien_chuc", "vien_chuc 80 nguoi_lao_dong 15 cong_chuc 5", u"Giảng viên|Giảng viên|Giảng viên chính|Chuyên viên|Kế toán"},
    {"can_bo", "can_bo 15 cong_chuc 50 nguoi_lao_dong 15 nhan_dan 20",
     u"Công chức Văn phòng – Thống kê|Công chức Tư pháp – Hộ tịch|Công chức Địa chính – Xây dựng|"
     u"Công chức Văn hóa – Xã hội|Công chức Tài chính – Kế toán|Chuyên viên|Chuyên viên"},
    {"can_bo", "can_bo 60 cong_chuc 20 nguoi_lao_dong 20", u"Chuyên viên|Chuyên viên|Nhân viên|Kế toán|Ủy viên Ban Thường trực"},
    {"can_bo", "can_bo 30 nguoi_lao_dong 70", u"Chuyên viên|Nhân viên|Nhân viên|Kế toán|Ủy viên Ban Thường vụ"},
    {"doanh_nhan", "doanh_nhan 15 nguoi_lao_dong 85", u"Thành viên|Thành viên|Thành viên|Kế toán|Kiểm soát viên"},
    {"doanh_nhan", "doanh_nhan 5 nguoi_lao_dong 95", u"Công nhân|Công nhân|Công nhân|Kỹ sư|Nhân viên kinh doanh|Kế toán|"
                                                     u"Nhân viên|Trưởng phòng Kinh doanh|Quản đốc phân xưởng"}};
const char16_t kVillagePositions[] = u"Trưởng thôn|Tổ trưởng tổ dân phố|"; // citizens: some have none

struct Staffing
{
    QString head;
    std::vector<std::pair<int, QString>> categories; // cumulative percent, code
    QStringList positions;
};

struct UnitGen
{
    qint64 id = 0;
    QString name, headTitle, authority, symbol;
    Kind kind = Agency;
    int parent = -1, bloc = -1, successor = -1, staffing = 0, people = 0;
    std::array<quint8, kYears> rating{};
};

struct PersonGen
{
    qint64 id = 0;
    bool staff = true; // a member of the collective: not a citizen (nhan_dan) or owner (doanh_nhan)
    std::array<quint8, kYears> rating{};
    std::array<bool, kYears> ldtt{}, cstdcs{};
    int disciplineYear = -1; // year index
    bool canhCao = false;
    std::vector<int> initiatives; // indices into the unit's initiatives
};

struct InitiativeGen
{
    int year = 0;
    QString level, title;
    std::vector<int> holders; // person indices in the unit
    qint64 usedFor = 0;
};

struct Decision
{
    QString number;
    QString date;
};

class Generator
{
public:
    Generator(Database &db, const DemoOptions &o, const std::function<void(const QString &)> &progress);
    DemoResult run();

private:
    int pick(int n) { return n <= 1 ? 0 : int(m_rng.bounded(n)); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    const QString &oneOf(const QStringList &items) { return items.at(pick(int(items.size()))); }
    double gauss() // four uniforms, scaled to mean 0 and variance 1: the same on every platform
    {
        double sum = 0;
        for (int i = 0; i < 4; ++i)
            sum += m_rng.generateDouble();
        return (sum - 2.0) * 1.7320508075688772;
    }
    QDate dateIn(int year, int fromMonth, int toMonth)
    {
        const int month = fromMonth + pick(toMonth - fromMonth + 1);
        return QDate(year, month, 1 + pick(28));
    }
    void say(const QString &text)
    {
        if (m_progress)
            m_progress(text);
    }
    std::unique_ptr<Query> prepare(const QString &sql) { return std::make_unique<Query>(m_db.sql(), sql); }
    int issuerOf(int u) const { return m_units[u].kind == Department ? m_units[u].parent : u; }
    void rate(std::array<quint8, kYears> &out, double top, double low, double bottom);
    QString unique(const std::function<QString()> &make);
    QStringList placePool();
    void planUnits();
    void mergeCommunes();
    void describeHead(UnitGen &u);
    void insertBlocsAndUnits();
    void distributePeople();
    void fillUnit(int u);
    void addPeople(int u, std::vector<PersonGen> &people);
    void awardPeople(int u, std::vector<PersonGen> &people, std::vector<InitiativeGen> &inits);
    void awardUnit(int u, const std::vector<PersonGen> &people);
    Decision decision(int issuer, int year, const QString &form, bool ownDecision = false);
    qint64 award(qint64 personId, qint64 unitId, const QString &form, int year, int issuer,
                 const QString &kind = {}, bool returning = false, const QString &note = {});
    void saveRating(qint64 personId, qint64 unitId, int year, quint8 rating);

    Database &m_db;
    const DemoOptions m_o;
    QRandomGenerator m_rng;
    std::function<void(const QString &)> m_progress;
    const int m_first;
    const int m_mergerYear;
    qint64 m_movementId = 0;
    QString m_movementNote;
    DemoResult m_result;
    std::vector<Staffing> m_staffing;
    std::vector<UnitGen> m_units;
    std::vector<qint64> m_blocIds;
    QSet<QString> m_names;
    std::map<std::tuple<int, int, QString>, Decision> m_decisions;
    std::vector<std::array<std::vector<int>, kYears>> m_flagCandidates; // per bloc and year index
    int m_cccdCount = 0, m_feats = 0;
    const QStringList m_ratingCodes{QStringLiteral("HTXSNV"), QStringLiteral("HTTNV"), QStringLiteral("HTNV"),
                                    QStringLiteral("KHTNV")};
    const QString m_congTrang = QStringLiteral("cong_trang"), m_dotXuat = QStringLiteral("dot_xuat"),
                  m_theoDot = QStringLiteral("theo_dot");
    std::unique_ptr<BatchInsert> m_insRating, m_insAward;
    std::unique_ptr<Query> m_insPerson, m_insAwardId, m_insInitiative, m_insHolder,
        m_insDiscipline;
};

Generator::Generator(Database &db, const DemoOptions &o, const std::function<void(const QString &)> &progress)
    : m_db(db), m_o(o), m_rng(o.seed), m_progress(progress), m_first(o.lastYear - kYears + 1),
      m_mergerYear(std::min(o.lastYear, 2025))
{
    for (const auto &s : kStaffing) {
        Staffing staffing{QString::fromLatin1(s.head), {}, words(s.positions)};
        const QStringList parts = QString::fromLatin1(s.categories).split(QLatin1Char(' '));
        for (int i = 0, sum = 0; i + 1 < parts.size(); i += 2)
            staffing.categories.push_back({sum += parts[i + 1].toInt(), parts[i]});
        m_staffing.push_back(staffing);
    }
}

void Generator::rate(std::array<quint8, kYears> &out, double top, double low, double bottom)
{
    const double tendency = gauss();
    for (int k = 0; k < kYears; ++k) {
        const double score = 0.8 * tendency + 0.6 * gauss();
        out[k] = score > top ? Xs : score > low ? Tot : score > bottom ? Ht : Kht;
    }
}

QString Generator::unique(const std::function<QString()> &make)
{
    QString name = make();
    for (int attempt = 0; attempt < 30 && m_names.contains(name); ++attempt)
        name = make();
    const QString base = name;
    for (int n = 2; m_names.contains(name); ++n)
        name = base + QStringLiteral(" %1").arg(n);
    m_names.insert(name);
    return name;
}

QStringList Generator::placePool()
{
    // The real-sounding names first, then their syllables recombined, in a seeded order.
    const QStringList &real = Demo::nameParts().placeNames;
    QStringList places = real;
    QSet<QString> seen(real.begin(), real.end());
    for (const QString &a : real)
        for (const QString &b : real) {
            const QString head = a.section(QLatin1Char(' '), 0, 0), tail = b.section(QLatin1Char(' '), -1);
            const QString name = head + QLatin1Char(' ') + tail;
            if (a.count(QLatin1Char(' ')) == 1 && b.count(QLatin1Char(' ')) == 1 && head != tail && !seen.contains(name)) {
                seen.insert(name);
                places << name;
            }
        }
    for (qsizetype i = places.size() - 1; i > 0; --i)
        places.swapItemsAt(i, pick(int(i + 1)));
    return places;
}

void Generator::planUnits()
{
    // One of each kind, the rest in proportions a province's registry might have.
    int count[KindCount], used = 0;
    for (int k = 0; k < Enterprise; ++k) {
        count[k] = 1 + int((m_o.units - KindCount) * kShare[k]);
        if (k == Agency)
            count[k] = std::min(count[k], int(std::size(kAgencies)));
        used += count[k];
    }
    count[Enterprise] = m_o.units - used;
    const QStringList places = placePool();
    auto add = [&](Kind kind, const QString &name, int bloc, int parent = -1, int staffing = -1) {
        UnitGen unit;
        unit.kind = kind;
        unit.name = name;
        unit.bloc = bloc;
        unit.parent = parent;
        unit.staffing = staffing >= 0 ? staffing : kind + 1; // communes 3 … enterprises 7
        m_units.push_back(unit);
    };
    // Random picks go into named variables: C++ leaves the order of operands unspecified, and
    // the same seed must give the same province whatever the compiler.
    for (int i = 0; i < count[Agency]; ++i)
        add(Agency, unique([&] { return str(kAgencies[i].name); }), kAgencies[i].bloc, -1, kAgencies[i].staffing);
    std::vector<int> taken(count[Agency], 0);
    for (int i = 0; i < count[Department]; ++i) {
        const int parent = i % count[Agency];
        const QStringList list = words(kDepartments[m_units[parent].staffing]);
        const int n = taken[parent]++;
        add(Department, n < list.size() ? list[n] : str(u"Phòng Nghiệp vụ %1").arg(n - list.size() + 1), -1, parent,
            m_units[parent].staffing);
    }
    const int cumCount = std::clamp((count[Commune] + 11) / 12, 1, 6);
    QStringList communes; // "xã Tân An", for the local fronts and societies
    for (int i = 0; i < count[Commune]; ++i) {
        const QString place = places.at(i % places.size());
        const QString type = chance(0.35) ? str(u"phường ") : str(u"xã ");
        communes << unique([&]() -> QString { return type + place; });
        add(Commune, str(u"UBND ") + communes.last(), KhoiCount + i * cumCount / count[Commune]);
    }
    const QStringList fronts = words(kFronts), socials = words(kSocials), localSocials = words(kLocalSocials);
    for (int i = 0; i < count[Front]; ++i)
        add(Front, unique([&]() -> QString {
                return i < fronts.size() ? fronts[i] : str(u"Ủy ban MTTQ Việt Nam ") + communes.at(i % communes.size());
            }), KhoiFront);
    for (int i = 0; i < count[Social]; ++i) {
        const QString name = unique([&]() -> QString {
            if (i < socials.size())
                return socials[i];
            const QString society = oneOf(localSocials);
            return society + QLatin1Char(' ') + oneOf(communes);
        });
        add(Social, name, chance(0.7) ? KhoiSocial : -1);
    }
    const QStringList coopTypes = words(kCoopTypes), forms = words(kLegalForms), industries = words(kIndustries);
    for (int i = 0; i < count[Cooperative]; ++i) {
        const QString name = unique([&]() -> QString {
            const QString type = oneOf(coopTypes);
            return str(u"Hợp tác xã ") + type + QLatin1Char(' ') + oneOf(places);
        });
        add(Cooperative, name, chance(0.5) ? KhoiCoop : -1);
    }
    for (int i = 0; i < count[Enterprise]; ++i) {
        const QString name = unique([&]() -> QString {
            const QString form = oneOf(forms);
            const QString industry = oneOf(industries);
            return form + QLatin1Char(' ') + industry + QLatin1Char(' ') + oneOf(places);
        });
        add(Enterprise, name, chance(0.35) ? KhoiEnterprise : -1);
    }
    mergeCommunes();
    for (UnitGen &u : m_units)
        describeHead(u);
}

void Generator::mergeCommunes()
{
    // The 2025 reorganisation: about one commune in six merged into a neighbour of its cụm.
    std::vector<int> communes;
    for (int i = 0; i < int(m_units.size()); ++i)
        if (m_units[i].kind == Commune)
            communes.push_back(i);
    const int merged = communes.size() >= 2 ? std::max(1, int(communes.size()) / 6) : 0;
    for (int i = int(communes.size()) - 1; i > 0; --i)
        std::swap(communes[i], communes[pick(i + 1)]);
    for (int i = 0; i < merged; ++i) {
        std::vector<int> near;
        for (int j = merged; j < int(communes.size()); ++j)
            if (m_units[communes[j]].bloc == m_units[communes[i]].bloc)
                near.push_back(communes[j]);
        m_units[communes[i]].successor =
            near.empty() ? communes[merged + pick(int(communes.size()) - merged)] : near[pick(int(near.size()))];
    }
}

void Generator::describeHead(UnitGen &u)
{
    // Who signs the unit's decisions, and the symbol its decision numbers carry.
    u.headTitle = str(u"Giám đốc");
    QString signer = u.headTitle;
    for (const auto &head : kHeads)
        if (u.name == str(head[0]) || u.name.startsWith(str(head[0]) + QLatin1Char(' '))) {
            u.headTitle = str(head[1]);
            signer = str(head[2] ? head[2] : head[1]);
            break;
        }
    u.authority = signer + QLatin1Char(' ') + u.name;
    if (u.kind == Commune || u.kind == Cooperative || u.name.contains(str(u"MTTQ"))) {
        u.symbol = str(u.kind == Commune ? u"QĐ-UBND" : u.kind == Cooperative ? u"QĐ-HTX" : u"QĐ-MTTQ");
        return;
    }
    QString name = u.name;
    for (const QString &form : words(kLegalForms))
        if (name.startsWith(form + QLatin1Char(' ')))
            name = name.mid(form.size() + 1);
    u.symbol = str(u"QĐ-");
    const QStringList skip = words(u"và|các|tỉnh|–|MTV");
    for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!skip.contains(word))
            u.symbol += word.at(0).toLower() == QChar(0x0111) ? QChar(0x0110) : Text::fold(word).at(0).toUpper();
}

void Generator::insertBlocsAndUnits()
{
    int blocs = KhoiCount;
    for (const UnitGen &unit : m_units)
        blocs = std::max(blocs, unit.bloc + 1);
    const QStringList khoi = words(kKhoi);
    auto insBloc = prepare(QStringLiteral("INSERT INTO blocs (ext_key, name, kind) VALUES (?, ?, ?) RETURNING id"));
    for (int b = 0; b < blocs; ++b) {
        const bool isKhoi = b < KhoiCount;
        execute(*insBloc, numbered("B", b + 1, 2), isKhoi ? khoi[b] : str(u"Cụm thi đua số %1").arg(b - KhoiCount + 1),
            isKhoi ? QStringLiteral("khoi") : QStringLiteral("cum"));
        insBloc->next();
        m_blocIds.push_back(insBloc->id(0));
        insBloc->raw().finish();
    }
    m_flagCandidates.resize(blocs);
    auto ins = prepare(QStringLiteral("INSERT INTO units (ext_key, name, kind, parent_id, bloc_id, valid_to, search_key) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    const QString mergedOn = QDate(m_mergerYear, 6, 30).toString(Qt::ISODate);
    for (int i = 0; i < int(m_units.size()); ++i) {
        UnitGen &u = m_units[i];
        execute(*ins, numbered("U", i + 1, 4), u.name, QString::fromLatin1(kKindCodes[u.kind]),
            idOrNull(u.parent >= 0 ? m_units[u.parent].id : 0), idOrNull(u.bloc >= 0 ? m_blocIds[u.bloc] : 0),
            textOrNull(u.successor >= 0 ? mergedOn : QString()), Text::fold(u.name));
        ins->next();
        u.id = ins->id(0);
        ins->raw().finish();
        ++m_result.units;
    }
    auto succession = prepare(QStringLiteral("UPDATE units SET succeeded_by_id = ? WHERE id = ?"));
    for (const UnitGen &u : m_units)
        if (u.successor >= 0)
            execute(*succession, m_units[u.successor].id, u.id);
}

void Generator::distributePeople()
{
    // Each live unit gets a size around its kind's average; the total is shared out by largest
    // remainder so the counts add up exactly.
    std::vector<double> weight(m_units.size(), 0.0);
    double total = 0;
    for (size_t i = 0; i < m_units.size(); ++i) {
        const double spread = 0.3 + 1.4 * m_rng.generateDouble();
        weight[i] = m_units[i].successor >= 0 ? 0.0 : kStaff[m_units[i].kind] * spread * spread;
        total += weight[i];
    }
    std::vector<std::pair<double, int>> remainders;
    int given = 0;
    for (size_t i = 0; i < m_units.size(); ++i) {
        const double exact = m_o.people * weight[i] / total;
        m_units[i].people = int(exact);
        given += m_units[i].people;
        remainders.push_back({m_units[i].people - exact, int(i)}); // most negative = largest remainder
    }
    std::sort(remainders.begin(), remainders.end());
    for (int i = 0; given < m_o.people; ++i, ++given)
        ++m_units[remainders[i % remainders.size()].second].people;
}

Decision Generator::decision(int issuer, int year, const QString &form, bool ownDecision)
{
    // Titles are decided together: one decision per issuer, year and form, early the next year.
    // One-off achievements, initiatives and disciplines get a decision of their own within the year.
    const auto key = std::make_tuple(issuer, year, form);
    if (!ownDecision) {
        const auto found = m_decisions.find(key);
        if (found != m_decisions.end())
            return found->second;
    }
    const QString symbol = issuer == kProvince ? str(u"QĐ-UBND") : issuer == kPrimeMinister ? str(u"QĐ-TTg")
                                                                                            : m_units[issuer].symbol;
    Decision d;
    d.number = QString::number(issuer < 0 ? 100 + pick(2400) : 1 + pick(300)) + QLatin1Char('/') + symbol;
    const QDate date = ownDecision ? dateIn(year, 2, 12) : issuer == kPrimeMinister ? dateIn(year + 1, 4, 9)
                                                                                    : dateIn(year + 1, 1, 3);
    d.date = date.toString(Qt::ISODate);
    if (!ownDecision)
        m_decisions.emplace(key, d);
    return d;
}

qint64 Generator::award(qint64 personId, qint64 unitId, const QString &form, int year, int issuer, const QString &kind,
                        bool returning, const QString &note)
{
    const QString &awardKind = kind.isEmpty() ? m_congTrang : kind;
    const bool theoDot = awardKind == m_theoDot;
    const Decision d = decision(issuer, year, theoDot ? form + QStringLiteral("/theo_dot") : form, awardKind == m_dotXuat);
    const QString authority = issuer == kProvince ? str(u"Chủ tịch UBND tỉnh")
                              : issuer == kPrimeMinister ? str(u"Thủ tướng Chính phủ") : m_units[issuer].authority;
    if (!returning) {
        m_insAward->add(numbered("A", ++m_result.awards, 7), idOrNull(personId), idOrNull(unitId), form, awardKind, year,
                        d.number, d.date, authority, idOrNull(theoDot ? m_movementId : 0), textOrNull(note));
        return 0;
    }
    Query &q = *m_insAwardId;
    execute(q, numbered("A", ++m_result.awards, 7), idOrNull(personId), idOrNull(unitId), form, awardKind, year, d.number,
        d.date, authority, idOrNull(theoDot ? m_movementId : 0), textOrNull(note));
    q.next();
    const qint64 id = q.id(0);
    q.raw().finish();
    return id;
}

void Generator::saveRating(qint64 personId, qint64 unitId, int year, quint8 rating)
{
    m_insRating->add(idOrNull(personId), idOrNull(unitId), year, m_ratingCodes[rating]);
    ++m_result.ratings;
}

void Generator::addPeople(int u, std::vector<PersonGen> &people)
{
    const UnitGen &unit = m_units[u];
    const Staffing &staffing = m_staffing[unit.staffing];
    const Demo::NameParts &parts = Demo::nameParts();
    static const QStringList villagePositions = words(kVillagePositions), provinces = words(u"001|031|033|040|042");
    for (int i = 0; i < unit.people; ++i) {
        PersonGen &p = people[i];
        const bool female = chance(i == 0 ? 0.25 : 0.48);
        const QString given = oneOf(female ? parts.femaleGivenNames : parts.maleGivenNames);
        QString middle = oneOf(female ? parts.femaleMiddleNames : parts.maleMiddleNames);
        if (middle == given)
            middle = female ? str(u"Thị") : str(u"Văn");
        if (female && middle == str(u"Thị") && chance(0.2)) { // "Nguyễn Thị Thu Hà"
            const QString second = oneOf(parts.femaleMiddleNames);
            if (second != middle && second != given)
                middle += QLatin1Char(' ') + second;
        }
        const QString family = oneOf(parts.familyNames);
        const QString fullName = family + QLatin1Char(' ') + middle + QLatin1Char(' ') + given;
        const int birthYear = 1965 + (i < 3 ? pick(18) : pick(36)); // heads and deputies are older
        const QDate birth = dateIn(birthYear, 1, 12);

        // The head and deputies come first; the others by the unit's staffing profile.
        QString category = staffing.head, position;
        if (i == 0) {
            position = unit.headTitle;
        } else {
            const int roll = pick(100);
            for (const auto &[upTo, code] : staffing.categories)
                if (roll < upTo) {
                    category = code;
                    break;
                }
            if (category == QLatin1String("doanh_nhan"))
                position = str(u"Phó ") + unit.headTitle;
            else if (category == QLatin1String("nhan_dan"))
                position = oneOf(villagePositions);
            else
                position = i <= 2 && unit.people > 8 ? str(u"Phó ") + unit.headTitle : oneOf(staffing.positions);
        }
        p.staff = category != QLatin1String("nhan_dan") && category != QLatin1String("doanh_nhan");

        // CCCD for about half: province, gender and century, birth year, then a serial that a
        // bijection modulo 10^6 keeps unique (there are at most 10^6 people).
        QString cccd;
        if (chance(0.5)) {
            const QString province = chance(0.85) ? QStringLiteral("038") : oneOf(provinces);
            const int serial = int((qint64(m_cccdCount++) * 7919 + 104729) % 1000000);
            cccd = province + QString::number((birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0))
                   + QStringLiteral("%1%2").arg(birthYear % 100, 2, 10, QLatin1Char('0')).arg(serial, 6, 10, QLatin1Char('0'));
        }
        execute(*m_insPerson, numbered("P", ++m_result.people, 6), fullName, Text::givenName(fullName),
            female ? QStringLiteral("female") : QStringLiteral("male"), birth.toString(Qt::ISODate), textOrNull(cccd),
            unit.id, textOrNull(position), category, Text::fold(fullName));
        m_insPerson->next();
        p.id = m_insPerson->id(0);
        m_insPerson->raw().finish();

        rate(p.rating, 0.6745, -1.0364, -1.8808); // normal quantiles of 25 % / 60 % / 12 % / 3 %
        if (chance(0.01)) {
            p.disciplineYear = pick(kYears);
            p.canhCao = chance(0.3);
            p.rating[p.disciplineYear] = Kht;
        }
        for (int k = 0; k < kYears; ++k)
            saveRating(p.id, 0, m_first + k, p.rating[k]);
    }
}

void Generator::fillUnit(int u)
{
    const UnitGen &unit = m_units[u];
    std::vector<PersonGen> people(unit.people);
    addPeople(u, people);

    // Initiatives: mostly from people who did well that year, sometimes with colleagues.
    static const QStringList titles = words(kInitiatives);
    std::vector<InitiativeGen> inits;
    for (int i = 0; i < unit.people; ++i)
        for (int k = 0; k < kYears; ++k) {
            const quint8 r = people[i].rating[k];
            if (r > Tot || !chance(r == Xs ? 0.10 : 0.02))
                continue;
            InitiativeGen init;
            init.year = k;
            init.holders.push_back(i);
            for (int extra = pick(3); extra > 0 && unit.people > 1; --extra) {
                const int other = pick(unit.people);
                if (std::find(init.holders.begin(), init.holders.end(), other) == init.holders.end())
                    init.holders.push_back(other);
            }
            const int level = pick(100);
            init.level = QString::fromLatin1(level < 85 ? "co_so" : level < 97 ? "tinh" : "toan_quoc");
            init.title = oneOf(titles) + str(u" tại ") + m_units[issuerOf(u)].name;
            for (int h : init.holders)
                people[h].initiatives.push_back(int(inits.size()));
            inits.push_back(init);
        }

    awardPeople(u, people, inits);

    for (const InitiativeGen &init : inits) {
        const bool local = init.level == QLatin1String("co_so");
        const Decision d = decision(local ? issuerOf(u) : kProvince, m_first + init.year, init.level, true);
        const QString number = init.level == QLatin1String("toan_quoc") ? d.number.section(QLatin1Char('/'), 0, 0)
                                                                               + str(u"/QĐ-BKHCN") : d.number;
        execute(*m_insInitiative, numbered("SK", ++m_result.initiatives, 6), init.title, number,
            d.date, init.level, idOrNull(init.usedFor));
        m_insInitiative->next();
        const qint64 id = m_insInitiative->id(0);
        m_insInitiative->raw().finish();
        for (int h : init.holders)
            execute(*m_insHolder, id, people[h].id);
    }
    for (const PersonGen &p : people) {
        if (p.disciplineYear < 0)
            continue;
        const QDate start = dateIn(m_first + p.disciplineYear, 1, 12);
        execute(*m_insDiscipline, numbered("KL", ++m_result.disciplines, 5), p.id,
            p.canhCao ? QStringLiteral("canh_cao") : QStringLiteral("khien_trach"), start.toString(Qt::ISODate),
            start.addMonths(12).toString(Qt::ISODate), decision(issuerOf(u), start.year(), QString(), true).number);
    }
    awardUnit(u, people);
}

void Generator::awardPeople(int u, std::vector<PersonGen> &people, std::vector<InitiativeGen> &inits)
{
    static const QStringList feats = words(kFeats);
    const int issuer = issuerOf(u); // departments' staff are decided by their agency
    auto freeInitiative = [&](const PersonGen &p, int k, int skip) { // unused, recognised in k or k-1
        for (int i : p.initiatives)
            if (i != skip && inits[i].usedFor == 0 && inits[i].year <= k && inits[i].year >= k - 1)
                return i;
        return -1;
    };
    const QString ldtt = QStringLiteral("LDTT"), cstdcs = QStringLiteral("CSTDCS"), bkTinh = QStringLiteral("BK_TINH"),
                  giayKhen = QStringLiteral("GIAYKHEN");
    for (PersonGen &p : people) {
        int streak = 0, lastBk = -1;
        bool bkTtg = false;
        for (int k = 0; k < kYears; ++k) {
            const int year = m_first + k;
            auto blockedIn = [&](int j) { return p.disciplineYear >= 0 && (j == p.disciplineYear || j == p.disciplineYear + 1); };
            const bool good = p.rating[k] <= Tot && !blockedIn(k);
            p.ldtt[k] = p.staff && good;
            if (p.ldtt[k]) {
                award(p.id, 0, ldtt, year, issuer);
                const int init = freeInitiative(p, k, -1);
                if (p.rating[k] == Xs && chance(0.55)) {
                    p.cstdcs[k] = true;
                    award(p.id, 0, cstdcs, year, issuer);
                } else if (init >= 0 && chance(0.4)) {
                    p.cstdcs[k] = true;
                    inits[init].usedFor = award(p.id, 0, cstdcs, year, issuer, {}, true);
                }
            }
            streak = p.cstdcs[k] ? streak + 1 : 0;
            if (streak >= 3 && chance(0.35)) {
                award(p.id, 0, QStringLiteral("CSTD_TINH"), year, kProvince);
                streak = 0;
            }
            if (k > 0 && lastBk != k - 1 && good) {
                const int first = freeInitiative(p, k, -1);
                const int second = first >= 0 ? freeInitiative(p, k, first) : -1;
                if (p.cstdcs[k] && p.cstdcs[k - 1] && chance(0.2)) {
                    award(p.id, 0, bkTinh, year, kProvince);
                    lastBk = k;
                } else if (p.rating[k] == Xs && p.rating[k - 1] == Xs && second >= 0 && chance(0.5)) {
                    inits[first].usedFor = inits[second].usedFor = award(p.id, 0, bkTinh, year, kProvince, {}, true);
                    lastBk = k;
                }
            }
            if (!bkTtg && lastBk >= 0 && k - lastBk >= 5 && good && chance(0.2)) {
                int titles = 0;
                bool allGood = true;
                for (int j = lastBk + 1; j <= k; ++j) {
                    titles += p.cstdcs[j];
                    allGood = allGood && p.rating[j] <= Tot && !blockedIn(j);
                }
                if (allGood && titles >= 2) {
                    award(p.id, 0, QStringLiteral("BK_TTG"), year, kPrimeMinister);
                    bkTtg = true;
                }
            }
            if (good && !p.cstdcs[k] && chance(0.05))
                award(p.id, 0, giayKhen, year, issuer);
            if (!blockedIn(k) && chance(0.002)) {
                const bool province = chance(0.3);
                award(p.id, 0, province ? bkTinh : giayKhen, year, province ? kProvince : issuer, m_dotXuat, false,
                      feats[m_feats++ % feats.size()]);
            }
            if (k == kYears - 1 && p.rating[k] == Xs && !blockedIn(k) && chance(0.03)) {
                const bool province = chance(0.3);
                award(p.id, 0, province ? bkTinh : giayKhen, year, province ? kProvince : issuer, m_theoDot, false,
                      m_movementNote);
            }
        }
    }
}

void Generator::awardUnit(int u, const std::vector<PersonGen> &people)
{
    UnitGen &unit = m_units[u];
    const int years = unit.successor >= 0 ? std::clamp(m_mergerYear - m_first, 0, kYears) : kYears;
    rate(unit.rating, 0.3853, -1.2816, -2.1701); // normal quantiles of 35 % / 55 % / 8.5 % / 1.5 %
    int lastBk = -1;
    for (int k = 0; k < years; ++k) {
        const int year = m_first + k;
        saveRating(0, unit.id, year, unit.rating[k]);
        int members = 0, ldtt = 0, cstdcs = 0, failed = 0, warned = 0;
        for (const PersonGen &p : people) {
            if (!p.staff)
                continue;
            ++members;
            ldtt += p.ldtt[k];
            cstdcs += p.cstdcs[k];
            failed += p.rating[k] == Kht;
            warned += p.canhCao && p.disciplineYear == k;
        }
        const bool enoughLdtt = ldtt * 10 >= members * 7;
        if (warned == 0 && unit.rating[k] == Xs && members > 0 && enoughLdtt && failed == 0 && cstdcs > 0 && chance(0.6)) {
            award(0, unit.id, QStringLiteral("TTLDXS"), year, kProvince);
            if (unit.bloc >= 0)
                m_flagCandidates[unit.bloc][k].push_back(u);
        } else if (warned == 0 && unit.rating[k] <= Tot && enoughLdtt && chance(0.9)) {
            award(0, unit.id, QStringLiteral("TTLDTT"), year, unit.kind == Department ? unit.parent : kProvince);
        }
        if (k > 0 && lastBk != k - 1 && unit.rating[k] == Xs && unit.rating[k - 1] == Xs && chance(0.12)) {
            award(0, unit.id, QStringLiteral("BK_TINH"), year, kProvince);
            lastBk = k;
        }
        if (unit.kind == Department && unit.rating[k] <= Tot && chance(0.1))
            award(0, unit.id, QStringLiteral("GIAYKHEN"), year, unit.parent);
        if (k == kYears - 1 && unit.rating[k] <= Tot && chance(0.04))
            award(0, unit.id, QStringLiteral("BK_TINH"), year, kProvince, m_theoDot, false, m_movementNote);
    }
}

DemoResult Generator::run()
{
    if (m_o.units < KindCount)
        throw Error(Tr::tr("A demo province needs at least %1 units, one of each kind.").arg(int(KindCount)));
    if (m_o.units > 10000)
        throw Error(Tr::tr("A demo province can have at most %1 units.").arg(10000));
    if (m_o.people < 0 || m_o.people > 1000000)
        throw Error(Tr::tr("The number of people in a demo province must be between 0 and %1.").arg(1000000));
    if (m_o.lastYear < 1960 || m_o.lastYear > 2190)
        throw Error(Tr::tr("The last year of the demo data must be between %1 and %2.").arg(1960).arg(2190));

    Transaction transaction(m_db.sql());
    if (Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM units")).scalar(0).toLongLong() > 0)
        throw Error(Tr::tr("The database already has units. Demo data is only added to an empty database, "
                       "so that it never mixes with a real registry."));
    // Theo đợt awards belong to a catalogue movement when the database has one running that year.
    for (const char *key : {"catalogue-002", "catalogue-000"}) {
        Query movement(m_db.sql(), QStringLiteral("SELECT id, name, period_from, period_to FROM movements WHERE ext_key = ?"));
        execute(movement, QString::fromLatin1(key));
        if (movement.next() && movement.integer(2) <= m_o.lastYear && movement.integer(3) >= m_o.lastYear) {
            m_movementId = movement.id(0);
            m_movementNote = str(u"Có thành tích xuất sắc trong phong trào thi đua “%1”").arg(movement.text(1));
            break;
        }
    }
    if (m_movementId == 0)
        m_movementNote = str(u"Có thành tích xuất sắc trong phong trào thi đua đổi mới sáng tạo và chuyển đổi số");

    say(Tr::tr("Creating emulation blocs and units…"));
    planUnits();
    insertBlocsAndUnits();
    distributePeople();

    m_insPerson = prepare(QStringLiteral("INSERT INTO people (ext_key, full_name, given_name, gender, birth_date, cccd, "
                                         "unit_id, position, category, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                         "RETURNING id"));
    m_insRating = std::make_unique<BatchInsert>(m_db.sql(), QStringLiteral("INSERT INTO ratings (person_id, unit_id, year, rating)"), 4);
    const QString awardSql = QStringLiteral("INSERT INTO awards (ext_key, person_id, unit_id, form_code, kind, year, "
                                            "decision_no, decision_date, authority, movement_id, note)");
    m_insAward = std::make_unique<BatchInsert>(m_db.sql(), awardSql, 11);
    m_insAwardId = prepare(awardSql + QStringLiteral(" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    m_insInitiative = prepare(QStringLiteral("INSERT INTO initiatives (ext_key, title, decision_no, decision_date, level, "
                                             "used_for_award_id) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    m_insHolder = prepare(QStringLiteral("INSERT INTO initiative_holders (initiative_id, person_id) VALUES (?, ?)"));
    m_insDiscipline = prepare(QStringLiteral("INSERT INTO disciplines (ext_key, person_id, kind, start_date, end_date, "
                                             "decision_no) VALUES (?, ?, ?, ?, ?, ?)"));
    const int step = std::max(1, int(m_units.size()) / 10);
    for (int u = 0; u < int(m_units.size()); ++u) {
        if (u % step == 0)
            say(Tr::tr("Adding people, ratings and awards: %1 of %2 units…").arg(u).arg(m_units.size()));
        fillUnit(u);
    }

    say(Tr::tr("Awarding the emulation flags of the blocs…"));
    for (const auto &perYear : m_flagCandidates)
        for (int k = 0; k < kYears; ++k)
            if (!perYear[k].empty() && chance(0.6)) {
                const int leader = perYear[k][pick(int(perYear[k].size()))];
                award(0, m_units[leader].id, QStringLiteral("CO_TD_TINH"), m_first + k, kProvince);
            }

    m_insRating->flush();
    m_insAward->flush();
    say(Tr::tr("Saving the demo province…"));
    transaction.commit();
    return m_result;
}

} // namespace

DemoResult Demo::generate(Database &db, const DemoOptions &options, const std::function<void(const QString &)> &progress)
{
    return Generator(db, options, progress).run();
}

} // namespace VinhDanh::Core
