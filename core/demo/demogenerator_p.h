#pragma once

// Private to core/demo: the generator's vocabulary, record types and the Generator class,
// shared by demogenerator.cpp (units, blocs, the run) and demoledger.cpp (people, ratings,
// awards, initiatives, disciplines).
#include "core/db/database.h"
#include "core/db/pgcopy.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/demo/demogenerator.h"
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

namespace VinhDanh::Core::DemoDetail {

inline QString str(const char16_t *text)
{
    return QString::fromUtf16(text);
}

/// "a|b|c" → {"a", "b", "c"}: keeps the vocabulary below compact. Repeats weight a pick.
inline QStringList words(const char16_t *list)
{
    return str(list).split(QLatin1Char('|'));
}

inline QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

inline QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

inline QString numbered(const char *prefix, int n, int width)
{
    return QLatin1String(prefix) + QStringLiteral("%1").arg(n, width, 10, QLatin1Char('0'));
}

/// Binds the values in order to the ? placeholders of a prepared statement and runs it.
template<typename... V>
Query &execute(Query &q, const V &...values)
{
    int i = 0;
    (q.raw().bindValue(i++, QVariant(values)), ...);
    return q.exec();
}

/// Inserts rows 64 at a time through one prepared multi-row INSERT (ratings and awards, about
/// two million rows for a large province): SQLite's cost per statement is larger than its cost
/// per row, and batching saves about a quarter of the generator's time. On PostgreSQL the rows
/// go by COPY, 5,000 at a time (core/db/pgcopy.h): the server parses no statement per batch.
class BatchInsert
{
public:
    BatchInsert(Database &db, const QString &head, int columns)
        : m_database(db), m_db(db.sql()), m_head(head), m_columns(columns), m_copy(db.backend() == Backend::Postgres)
    {
    }
    template<typename... V>
    void add(const V &...values)
    {
        (m_values.push_back(QVariant(values)), ...);
        if (int(m_values.size()) == (m_copy ? kCopyRows : kRows) * m_columns)
            flush();
    }
    void flush()
    {
        const int rows = int(m_values.size()) / m_columns;
        if (rows == 0)
            return;
        if (m_copy && PgCopy::available(m_database)) {
            PgCopy::rows(m_database, m_head, QList<QVariant>(m_values.begin(), m_values.end()));
            m_values.clear();
            return;
        }
        std::unique_ptr<Query> &q = m_statements[rows]; // a smaller batch comes only at the end
        if (!q) {
            const QString row = QLatin1Char('(') + QStringList(m_columns, QStringLiteral("?")).join(QStringLiteral(", "))
                                + QLatin1Char(')');
            q = std::make_unique<Query>(m_db, m_head + QStringLiteral(" VALUES ") + QStringList(rows, row).join(QStringLiteral(", ")));
        }
        for (int i = 0; i < int(m_values.size()); ++i)
            q->raw().bindValue(i, m_values[i]);
        q->exec();
        m_values.clear();
    }

private:
    static constexpr int kRows = 64;
    static constexpr int kCopyRows = 5000;
    Database &m_database;
    QSqlDatabase m_db;
    QString m_head;
    int m_columns;
    bool m_copy;
    std::vector<QVariant> m_values;
    std::map<int, std::unique_ptr<Query>> m_statements;
};

/// Inserts rows 64 at a time with RETURNING id, ext_key, and gives back the ids by key (neither
/// backend promises RETURNING rows in VALUES order). The people went in a statement each: on
/// PostgreSQL a round trip each, most of why `demo` took 3.5× as long there as on SQLite.
class ReturningInsert
{
public:
    ReturningInsert(const QSqlDatabase &db, const QString &head, int columns) : m_db(db), m_head(head), m_columns(columns) {}
    /// The first value is the row's ext_key.
    template<typename... V>
    void add(const V &...values)
    {
        (m_values.push_back(QVariant(values)), ...);
    }
    /// Writes the rows added since the last flush; their ids by key.
    QHash<QString, qint64> flush()
    {
        QHash<QString, qint64> ids;
        const int total = int(m_values.size()) / m_columns;
        for (int from = 0; from < total; from += kRows) {
            const int rows = std::min(kRows, total - from);
            std::unique_ptr<Query> &q = m_statements[rows];
            if (!q) {
                const QString row = QLatin1Char('(') + QStringList(m_columns, QStringLiteral("?")).join(QStringLiteral(", "))
                                    + QLatin1Char(')');
                q = std::make_unique<Query>(m_db, m_head + QStringLiteral(" VALUES ")
                                                      + QStringList(rows, row).join(QStringLiteral(", "))
                                                      + QStringLiteral(" RETURNING id, ext_key"));
            }
            for (int i = 0; i < rows * m_columns; ++i)
                q->raw().bindValue(i, m_values[size_t(from * m_columns + i)]);
            q->exec();
            while (q->next())
                ids.insert(q->text(1), q->id(0));
            q->raw().finish();
        }
        m_values.clear();
        return ids;
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
const char *const kKindCodes[] = {"provincial_agency", "department",  "commune_ward", "front_org",
                                  "social_org",        "cooperative", "enterprise"};
const double kShare[] = {0.025, 0.12, 0.10, 0.006, 0.03, 0.12}; // of the units beyond one of each kind
const double kStaff[] = {150, 30, 50, 20, 10, 15, 30};          // average staff per unit
// Blocs: nine khối, then the cụm of communes and wards.
const char16_t kKhoi[] = u"Khối các cơ quan tổng hợp|Khối các cơ quan kinh tế|Khối các cơ quan văn hóa – xã hội|"
                         u"Khối các cơ quan nội chính|Khối các đơn vị sự nghiệp|Khối Mặt trận và các đoàn thể|"
                         u"Khối các hội đặc thù|Khối doanh nghiệp|Khối hợp tác xã";
enum { KhoiFront = 5, KhoiSocial = 6, KhoiEnterprise = 7, KhoiCoop = 8, KhoiCount = 9 };

// Agencies with their khối and staffing (0 office, 1 health, 2 school); most important first.
const struct
{
    const char16_t *name;
    int bloc, staffing;
} kAgencies[] = {{u"Sở Nội vụ", 0, 0},
                 {u"Sở Khoa học và Công nghệ", 1, 0},
                 {u"Văn phòng UBND tỉnh", 0, 0},
                 {u"Sở Tài chính", 0, 0},
                 {u"Sở Tư pháp", 3, 0},
                 {u"Thanh tra tỉnh", 3, 0},
                 {u"Sở Công Thương", 1, 0},
                 {u"Sở Xây dựng", 1, 0},
                 {u"Sở Nông nghiệp và Môi trường", 1, 0},
                 {u"Sở Giáo dục và Đào tạo", 2, 0},
                 {u"Sở Y tế", 2, 0},
                 {u"Sở Văn hóa, Thể thao và Du lịch", 2, 0},
                 {u"Sở Dân tộc và Tôn giáo", 2, 0},
                 {u"Sở Ngoại vụ", 0, 0},
                 {u"Ban Quản lý các khu công nghiệp tỉnh", 1, 0},
                 {u"Ban Quản lý dự án đầu tư xây dựng tỉnh", 1, 0},
                 {u"Trung tâm Phục vụ hành chính công tỉnh", 0, 0},
                 {u"Quỹ Đầu tư phát triển tỉnh", 1, 0},
                 {u"Báo và Phát thanh, Truyền hình tỉnh", 2, 0},
                 {u"Bệnh viện Đa khoa tỉnh", 4, 1},
                 {u"Bệnh viện Sản – Nhi tỉnh", 4, 1},
                 {u"Bệnh viện Y dược cổ truyền tỉnh", 4, 1},
                 {u"Trung tâm Kiểm soát bệnh tật tỉnh", 4, 1},
                 {u"Trường Chính trị tỉnh", 4, 2},
                 {u"Trường Cao đẳng Y tế tỉnh", 4, 2},
                 {u"Trường Cao đẳng Kỹ thuật công nghiệp tỉnh", 4, 2},
                 {u"Bảo tàng tỉnh", 4, 0},
                 {u"Thư viện tỉnh", 4, 0},
                 {u"Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", 4, 0},
                 {u"Ban Quản lý Khu kinh tế tỉnh", 1, 0}};
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
const char16_t *const kHeads[][3] = {{u"Văn phòng", u"Chánh Văn phòng", u"Chánh"},
                                     {u"Thanh tra", u"Chánh Thanh tra", u"Chánh"},
                                     {u"Ban", u"Trưởng ban", u"Trưởng"},
                                     {u"Phòng", u"Trưởng phòng", nullptr},
                                     {u"Khoa", u"Trưởng khoa", nullptr},
                                     {u"Chi cục", u"Chi cục trưởng", nullptr},
                                     {u"Trường", u"Hiệu trưởng", nullptr},
                                     {u"Báo", u"Tổng Biên tập", nullptr},
                                     {u"Tỉnh đoàn", u"Bí thư", nullptr},
                                     {u"UBND", u"Chủ tịch", nullptr},
                                     {u"Ủy ban", u"Chủ tịch", nullptr},
                                     {u"Hội", u"Chủ tịch", nullptr},
                                     {u"Liên", u"Chủ tịch", nullptr}};
// Staff by staffing profile: the head's category, category shares (percent), other positions.
// Profiles 0–2 are agencies and their departments; then communes, fronts, societies, co-ops, firms.
const struct
{
    const char *head, *categories;
    const char16_t *positions;
} kStaffing[] = {
    {"cong_chuc", "cong_chuc 55 vien_chuc 25 nguoi_lao_dong 15 can_bo 5",
     u"Chuyên viên|Chuyên viên|Chuyên viên|Chuyên viên chính|Trưởng phòng|Phó Trưởng phòng|Kế toán|Văn thư|Nhân viên"},
    {"vien_chuc", "vien_chuc 80 nguoi_lao_dong 15 cong_chuc 5", u"Bác sĩ|Bác sĩ|Điều dưỡng|Điều dưỡng|Dược sĩ|Kỹ thuật viên|Kế toán"},
    {"vien_chuc", "vien_chuc 80 nguoi_lao_dong 15 cong_chuc 5", u"Giảng viên|Giảng viên|Giảng viên chính|Chuyên viên|Kế toán"},
    {"can_bo", "can_bo 15 cong_chuc 50 nguoi_lao_dong 15 nhan_dan 20",
     u"Công chức Văn phòng – Thống kê|Công chức Tư pháp – Hộ tịch|Công chức Địa chính – Xây dựng|"
     u"Công chức Văn hóa – Xã hội|Công chức Tài chính – Kế toán|Chuyên viên|Chuyên viên"},
    {"can_bo", "can_bo 60 cong_chuc 20 nguoi_lao_dong 20", u"Chuyên viên|Chuyên viên|Nhân viên|Kế toán|Ủy viên Ban Thường trực"},
    {"can_bo", "can_bo 30 nguoi_lao_dong 70", u"Chuyên viên|Nhân viên|Nhân viên|Kế toán|Ủy viên Ban Thường vụ"},
    {"doanh_nhan", "doanh_nhan 15 nguoi_lao_dong 85", u"Thành viên|Thành viên|Thành viên|Kế toán|Kiểm soát viên"},
    {"doanh_nhan", "doanh_nhan 5 nguoi_lao_dong 95",
     u"Công nhân|Công nhân|Công nhân|Kỹ sư|Nhân viên kinh doanh|Kế toán|"
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
    qint64 usedFor = 0;       // < 0 while the award is pending (see Generator::m_pendingAwards)
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
    qint64 award(qint64 personId, qint64 unitId, const QString &form, int year, int issuer, const QString &kind = {},
                 bool returning = false, const QString &note = {});
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
    // The awards an initiative was used for: their ids are needed, but only when the unit's
    // initiatives are written, so they too go in a few statements (one each was about 2,300
    // round trips for 10,000 people on PostgreSQL). award() hands out -(n + 1) for the n-th
    // key pending here; fillUnit() swaps it for the id after the flush.
    std::unique_ptr<ReturningInsert> m_insAwardId;
    QStringList m_pendingAwards;
    std::unique_ptr<ReturningInsert> m_insPeople, m_insInitiatives;
    std::unique_ptr<BatchInsert> m_insHolder, m_insDiscipline; // written at the end: nothing reads them before
};

} // namespace VinhDanh::Core::DemoDetail
