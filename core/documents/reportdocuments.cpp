// Báo cáo thành tích of a person or a unit: the registry's facts in the customary sections,
// with blanks ("…") for what only the unit can write. The clerk completes it in the .docx.
#include "core/documents/reportdocuments.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/documents/builders_p.h"
#include "core/documents/vnformat.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"

#include <QCoreApplication>

#include <algorithm>

namespace VinhDanh::Documents::ReportDocuments {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::ReportDocuments)
};

using Core::Codes::Set;
const QString kBlank = QStringLiteral("…");

QString line(const QString &label, const QString &value)
{
    return QStringLiteral("- %1: %2").arg(Html::escaped(label), Html::escaped(value.isEmpty() ? kBlank : value));
}

/// "Hoàn thành xuất sắc nhiệm vụ": the rating's label without its code in front.
QString ratingText(const QString &code)
{
    const QString label = Build::codeLabel(Set::TaskRating, code);
    const QString prefix = code + QStringLiteral(" – ");
    return label.startsWith(prefix) ? label.mid(prefix.size()) : label;
}

/// "123/QĐ-UBND ngày 15/01/2026", what is known of it, or empty.
QString decisionText(const QString &number, const QDate &date)
{
    QString out = number;
    if (date.isValid())
        out += (out.isEmpty() ? QString() : QStringLiteral(" ")) + QStringLiteral("ngày ") + VnFormat::shortDate(date);
    return out;
}

/// The year the report is about: the one asked for, else the latest rated, else last year.
int reportYear(const QList<Core::Rating> &ratings, int year)
{
    if (year > 0)
        return year;
    int latest = 0;
    for (const Core::Rating &r : ratings)
        latest = std::max(latest, r.year);
    return latest > 0 ? latest : QDate::currentDate().year() - 1;
}

Table ratingsTable(const QList<Core::Rating> &ratings, int year, const QString &number)
{
    Table t;
    t.sheetName = QStringLiteral("Xep loai");
    t.intro << QStringLiteral("%1. Kết quả đánh giá, xếp loại mức độ hoàn thành nhiệm vụ 05 năm gần nhất:").arg(number);
    t.headers = {QStringLiteral("Năm"), QStringLiteral("Xếp loại")};
    t.widths = {20, 80};
    t.centred = {0};
    // Every year of the five, a year not rated left blank for the clerk.
    for (int y = year - 4; y <= year; ++y) {
        const auto found = std::find_if(ratings.begin(), ratings.end(), [y](const Core::Rating &r) { return r.year == y; });
        t.rows << TableRow{{QString::number(y), found == ratings.end() ? QString() : ratingText(found->rating)}, false};
    }
    return t;
}

/// The ledger up to the report's year, oldest first, split into emulation titles (award forms
/// of kind "title") and other awards, as the customary section III lists them.
QList<Table> awardTables(Core::Database &db, const QList<Core::AwardRow> &awards, int year)
{
    QStringList titleCodes;
    for (const Core::AwardForm &f : Core::RecordRepository(db).awardForms())
        if (f.kind == QLatin1String("title"))
            titleCodes << f.code;
    Table titles;
    titles.sheetName = QStringLiteral("Danh hieu");
    titles.intro << Html::bold(QStringLiteral("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")) << QStringLiteral("1. Danh hiệu thi đua:");
    titles.headers = {QStringLiteral("Năm"), QStringLiteral("Danh hiệu thi đua"), QStringLiteral("Số, ngày quyết định"),
                      QStringLiteral("Cơ quan ban hành")};
    titles.widths = {10, 36, 28, 26};
    titles.centred = {0};
    Table others = titles;
    others.sheetName = QStringLiteral("Khen thuong");
    others.intro = QStringList{QStringLiteral("2. Hình thức khen thưởng:")};
    others.headers[1] = QStringLiteral("Hình thức khen thưởng");
    QList<Core::AwardRow> ordered = awards;
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Core::AwardRow &a, const Core::AwardRow &b) { return a.award.year < b.award.year; });
    for (const Core::AwardRow &r : ordered) {
        if (r.award.year > year)
            continue;
        const Core::Award &a = r.award;
        (titleCodes.contains(a.formCode) ? titles : others).rows
            << TableRow{{QString::number(a.year), r.formName.isEmpty() ? a.formCode : r.formName,
                         decisionText(a.decisionNo, a.decisionDate), a.authority},
                        false};
    }
    return {titles, others};
}

/// "Chiến sĩ thi đua cơ sở năm 2022 (của Trần Văn B)": a shared initiative already used for
/// another holder's award.
QString usedByCoHolder(Core::Database &db, qint64 awardId)
{
    Core::Query q(db.sql(), QStringLiteral("SELECT a.form_code, a.year, p.full_name FROM awards a "
                                           "LEFT JOIN people p ON p.id = a.person_id WHERE a.id = :id"));
    q.bind(QStringLiteral(":id"), awardId).exec();
    if (!q.next())
        return QStringLiteral("Đã sử dụng");
    const QString form = q.text(0), holder = q.text(2);
    const int year = q.integer(1);
    return QStringLiteral("%1 năm %2").arg(Build::formName(db, form)).arg(year)
           + (holder.isEmpty() ? QString() : QStringLiteral(" (của %1)").arg(holder));
}

/// A person's initiatives, with the award each one was already used for (an initiative counts
/// for one award only, BNV 5007/BNV-TDKT): the appraiser sees at once what cannot count again.
Table initiativesTable(Core::Database &db, const QList<Core::Initiative> &initiatives, const QList<Core::AwardRow> &awards,
                       const QString &number)
{
    Table t;
    t.sheetName = QStringLiteral("Sang kien");
    t.intro << QStringLiteral("%1. Sáng kiến được công nhận:").arg(number);
    t.headers = {QStringLiteral("Tên sáng kiến"), QStringLiteral("Cấp công nhận"), QStringLiteral("Năm"),
                 QStringLiteral("Quyết định công nhận"), QStringLiteral("Đã dùng cho")};
    t.widths = {32, 14, 8, 22, 24};
    t.centred = {2};
    for (const Core::Initiative &i : initiatives) {
        QString used;
        if (i.usedForAwardId > 0) {
            const auto own = std::find_if(awards.begin(), awards.end(),
                                          [&i](const Core::AwardRow &r) { return r.award.id == i.usedForAwardId; });
            used = own != awards.end() ? QStringLiteral("%1 năm %2").arg(Build::formName(db, own->award.formCode)).arg(own->award.year)
                                       : usedByCoHolder(db, i.usedForAwardId);
        }
        t.rows << TableRow{{i.title, Build::codeLabel(Set::InitiativeLevel, i.level),
                            i.decisionDate.isValid() ? QString::number(i.decisionDate.year()) : QString(),
                            decisionText(i.decisionNo, i.decisionDate), used},
                           false};
    }
    return t;
}

Table disciplinesTable(const QList<Core::Discipline> &disciplines)
{
    Table t;
    t.sheetName = QStringLiteral("Ky luat");
    t.intro << Html::bold(QStringLiteral("IV. HÌNH THỨC KỶ LUẬT"));
    t.headers = {QStringLiteral("Hình thức kỷ luật"), QStringLiteral("Từ ngày"), QStringLiteral("Đến ngày"),
                 QStringLiteral("Số quyết định")};
    t.widths = {34, 18, 18, 30};
    t.centred = {1, 2};
    for (const Core::Discipline &d : disciplines)
        t.rows << TableRow{{Build::codeLabel(Set::DisciplineKind, d.kind), VnFormat::shortDate(d.startDate),
                            d.endDate.isValid() ? VnFormat::shortDate(d.endDate) : QStringLiteral("Đang thi hành"), d.decisionNo},
                           false};
    return t;
}
} // namespace

Document achievementReport(Core::Database &db, const Core::Subject &subject, int year)
{
    // A clerk prints the reports of their own subtree only (CLI print and the GUI alike).
    if (subject.isPerson())
        Core::Permissions::requireVisiblePerson(db, subject.personId);
    else
        Core::Permissions::requireVisibleUnit(db, subject.unitId);
    const Core::RecordRepository records(db);
    const Core::UnitRepository units(db);
    const Letterhead letterhead = Letterhead::load(db);
    const QList<Core::Rating> ratings = records.ratings(subject);
    year = reportYear(ratings, year);
    const QList<Core::AwardRow> awards = records.awards(subject);

    Document doc;
    Part part;
    part.paragraphs << Html::bold(QStringLiteral("I. SƠ LƯỢC LÝ LỊCH"));
    QString numberOfInitiatives;
    QList<Core::Initiative> initiatives;
    if (subject.isPerson()) {
        const std::optional<Core::Person> person = Core::PersonRepository(db).get(subject.personId);
        if (!person)
            throw Core::Error(Tr::tr("The person of this report no longer exists."));
        doc = Build::unitDocument(db, letterhead, person->unitId, QStringLiteral("bao-cao-ca-nhan"),
                                  QStringLiteral("Báo cáo thành tích – %1").arg(person->fullName));
        doc.fileStem = QStringLiteral("bao-cao-thanh-tich-%1-%2").arg(person->key).arg(year);
        // Birth year only, and never the CCCD: the report travels through councils and offices,
        // so it carries no more personal data than the customary form asks for.
        part.paragraphs << line(QStringLiteral("Họ và tên"), person->fullName)
                        << line(QStringLiteral("Giới tính"),
                                person->gender.isEmpty() ? QString() : Build::codeLabel(Set::Gender, person->gender))
                        << line(QStringLiteral("Năm sinh"),
                                person->birthDate.isValid() ? QString::number(person->birthDate.year()) : QString())
                        << line(QStringLiteral("Chức vụ"), person->position)
                        << line(QStringLiteral("Đơn vị công tác"), person->unitId > 0 ? units.name(person->unitId) : QString());
        initiatives = records.initiatives(subject.personId);
        numberOfInitiatives = QStringLiteral("4");
    } else {
        const std::optional<Core::Unit> unit = units.get(subject.unitId);
        if (!unit)
            throw Core::Error(Tr::tr("The unit of this report no longer exists."));
        doc = Build::unitDocument(db, letterhead, unit->id, QStringLiteral("bao-cao-tap-the"),
                                  QStringLiteral("Báo cáo thành tích – %1").arg(unit->name));
        doc.fileStem = QStringLiteral("bao-cao-thanh-tich-%1-%2").arg(unit->key).arg(year);
        QString bloc;
        for (const Core::Bloc &b : units.blocs())
            if (b.id == unit->blocId)
                bloc = b.name;
        part.paragraphs << line(QStringLiteral("Tên đơn vị"), unit->name)
                        << line(QStringLiteral("Loại hình"), Build::codeLabel(Set::UnitKind, unit->kind))
                        << line(QStringLiteral("Đơn vị cấp trên"), unit->parentId > 0 ? units.name(unit->parentId) : QString());
        if (!bloc.isEmpty())
            part.paragraphs << line(QStringLiteral("Cụm, khối thi đua"), bloc);
    }
    // The customary form has no number; the date is the day it is signed (blanks).
    part.placeDate = VnFormat::placeDate(letterhead.place, QDate());
    part.typeName = QStringLiteral("BÁO CÁO THÀNH TÍCH");
    // The award is chosen later, in the dossier: the subject stays general.
    part.subject = QStringLiteral("Đề nghị khen thưởng năm %1").arg(year);

    part.paragraphs << Html::bold(QStringLiteral("II. THÀNH TÍCH ĐẠT ĐƯỢC"))
                    << QStringLiteral("1. %1: %2")
                           .arg(subject.isPerson() ? QStringLiteral("Quyền hạn, nhiệm vụ được giao")
                                                   : QStringLiteral("Chức năng, nhiệm vụ được giao"),
                                kBlank)
                    << QStringLiteral("2. Thành tích đạt được: %1").arg(kBlank);
    part.tables << ratingsTable(ratings, year, QStringLiteral("3"));
    if (!initiatives.isEmpty())
        part.tables << initiativesTable(db, initiatives, awards, numberOfInitiatives);
    part.tables << awardTables(db, awards, year);
    const QList<Core::Discipline> disciplines = records.disciplines(subject);
    if (!disciplines.isEmpty())
        part.tables << disciplinesTable(disciplines);

    if (subject.isPerson()) {
        part.signature.title = QStringLiteral("NGƯỜI BÁO CÁO");
        part.signature.name = Core::PersonRepository(db).name(subject.personId);
        part.secondSignature.title = QStringLiteral("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ");
    } else {
        // The unit's head signs; the registry does not know them, so the name is left blank.
        part.signature.title = QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ");
        part.secondSignature.title = QStringLiteral("XÁC NHẬN CỦA CẤP TRÊN TRỰC TIẾP");
    }
    doc.parts << part;
    return doc;
}

} // namespace VinhDanh::Documents::ReportDocuments
