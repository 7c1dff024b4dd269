// Báo cáo kết quả phong trào thi đua: what was proposed and awarded in a movement, for a year
// or a review (sơ kết / tổng kết), counted by award form, by category and by proposing unit.
#include "core/documents/reportdocuments.h"
#include "core/domain/codes.h"

#include "core/council/sitting.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/decisions/decision.h"
#include "core/documents/builders_p.h"
#include "core/documents/vnformat.h"
#include "core/dossiers/dossier.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/text/vntext.h"

#include <QCollator>
#include <QCoreApplication>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <functional>

namespace VinhDanh::Documents::ReportDocuments {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::ReportDocuments)
};

using Core::Codes::Set;

/// One proposal or one award, reduced to what the tables count.
struct Entry
{
    bool person = false;
    QString form;
    QString category;  // a person category or a unit kind (code)
    qint64 unitId = 0; // the proposing unit
    QString unitName;
    QString outcome; // proposals: awarded | not_awarded | forwarded | empty (pending)
};

/// The review phase of `occasion`: the one held in `year` when given, else the latest one
/// already due (else the first). Null when the plan holds no such review.
const Core::MovementPhase *reviewPhase(const Core::Movement &m, const QString &occasion, int year)
{
    const Core::MovementPhase *chosen = nullptr;
    const int now = QDate::currentDate().year();
    for (const Core::MovementPhase &p : m.phases) {
        if (p.review != occasion)
            continue;
        if (year > 0) {
            if (p.reviewYear == year)
                return &p;
            continue;
        }
        if (!chosen || (p.reviewYear <= now && p.reviewYear > chosen->reviewYear))
            chosen = &p;
    }
    return chosen;
}

/// The review (so_ket / tong_ket) a ledger row not traced to a dossier belongs to: an award of
/// kind "theo_dot" (movement by period) in a review year of the movement; else annual.
QString untracedOccasion(const Core::Movement &m, const QString &kind, int year)
{
    QString occasion = QStringLiteral("annual");
    if (kind != QLatin1String("theo_dot"))
        return occasion;
    for (const Core::MovementPhase &p : m.phases)
        if (!p.review.isEmpty() && p.reviewYear == year)
            occasion = p.review; // tổng kết, the later phase, wins a year holding both
    return occasion;
}

/// Counting rule.
///  Proposals: the nominees of the dossiers of this movement, occasion and year that were
///   submitted (every status but draft); their outcome from nominee_outcomes.
///  Awards: the ledger (awards) rows with this movement_id and year — those the decisions wrote
///   on issue and those typed into the registry, so a report counts paper decisions entered
///   by hand too. A row a decision wrote is traced through decision_awardees to its nominee's
///   dossier, which gives its occasion and proposing unit; a row typed in has no dossier: its
///   occasion follows untracedOccasion() and its "proposing" unit is the person's unit, or the
///   collective itself.
QList<Entry> proposals(Core::Database &db, qint64 movementId, const QString &occasion, int year, int *dossiers)
{
    Core::Query q(db.sql(), QStringLiteral("SELECT d.id, d.unit_id, du.name, n.person_id, n.form_code, p.category, nu.kind, o.outcome "
                                           "FROM dossiers d JOIN units du ON du.id = d.unit_id "
                                           "JOIN dossier_nominees n ON n.dossier_id = d.id "
                                           "LEFT JOIN people p ON p.id = n.person_id LEFT JOIN units nu ON nu.id = n.unit_id "
                                           "LEFT JOIN nominee_outcomes o ON o.nominee_id = n.id "
                                           "WHERE d.movement_id = :m AND d.occasion = :o AND d.year = :y AND d.status <> :draft "
                                           "ORDER BY d.id, n.position"));
    q.bind(QStringLiteral(":m"), movementId).bind(QStringLiteral(":o"), occasion).bind(QStringLiteral(":y"), year);
    q.bind(QStringLiteral(":draft"), Core::Workflow::statusCode(Core::Workflow::Status::Draft)).exec();
    QList<Entry> out;
    QSet<qint64> seen;
    while (q.next()) {
        seen.insert(q.id(0));
        const bool person = q.id(3) > 0;
        out << Entry{person, q.text(4), person ? q.text(5) : q.text(6), q.id(1), q.text(2), q.text(7)};
    }
    *dossiers = int(seen.size());
    return out;
}

QList<Entry> awards(Core::Database &db, const Core::Movement &m, const QString &occasion, int year, QStringList *decisions)
{
    Core::Query q(db.sql(), QStringLiteral("SELECT a.person_id, a.form_code, a.kind, a.decision_no, p.category, au.kind, "
                                           "d.occasion, d.unit_id, du.name, pu.id, pu.name, au.id, au.name "
                                           "FROM awards a LEFT JOIN people p ON p.id = a.person_id "
                                           "LEFT JOIN units pu ON pu.id = p.unit_id LEFT JOIN units au ON au.id = a.unit_id "
                                           "LEFT JOIN decision_awardees da ON da.award_id = a.id "
                                           "LEFT JOIN dossier_nominees n ON n.id = da.nominee_id "
                                           "LEFT JOIN dossiers d ON d.id = n.dossier_id LEFT JOIN units du ON du.id = d.unit_id "
                                           "WHERE a.movement_id = :m AND a.year = :y ORDER BY a.id"));
    q.bind(QStringLiteral(":m"), m.id).bind(QStringLiteral(":y"), year).exec();
    QList<Entry> out;
    while (q.next()) {
        const bool traced = !q.value(6).isNull();
        if ((traced ? q.text(6) : untracedOccasion(m, q.text(2), year)) != occasion)
            continue;
        const bool person = q.id(0) > 0;
        Entry e{person, q.text(1), person ? q.text(4) : q.text(5), 0, {}, QStringLiteral("awarded")};
        if (traced)
            e.unitId = q.id(7), e.unitName = q.text(8);
        else if (person)
            e.unitId = q.id(9), e.unitName = q.text(10);
        else
            e.unitId = q.id(11), e.unitName = q.text(12);
        if (!q.text(3).isEmpty() && !decisions->contains(q.text(3)))
            *decisions << q.text(3);
        out << e;
    }
    return out;
}

int countIf(const QList<Entry> &entries, const std::function<bool(const Entry &)> &test)
{
    return int(std::count_if(entries.begin(), entries.end(), test));
}

QString count(int n)
{
    return QString::number(n);
}

Table byForm(Core::Database &db, const QList<Entry> &awarded)
{
    Table t;
    t.sheetName = QStringLiteral("Theo hinh thuc");
    t.intro << QStringLiteral("a) Theo hình thức khen thưởng:");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Hình thức khen thưởng"), QStringLiteral("Tập thể"), QStringLiteral("Cá nhân"),
                 QStringLiteral("Tổng")};
    t.widths = {7, 51, 14, 14, 14};
    t.centred = {0};
    t.rightAligned = {2, 3, 4};
    QStringList forms = Build::formOrder(db);
    for (const Entry &e : awarded)
        if (!forms.contains(e.form))
            forms << e.form;
    int n = 0;
    for (const QString &form : forms) {
        const int collectives = countIf(awarded, [&](const Entry &e) { return e.form == form && !e.person; });
        const int individuals = countIf(awarded, [&](const Entry &e) { return e.form == form && e.person; });
        if (collectives + individuals > 0)
            t.rows << TableRow{
                {count(++n), Build::formName(db, form), count(collectives), count(individuals), count(collectives + individuals)},
                false};
    }
    const int individuals = countIf(awarded, [](const Entry &e) { return e.person; });
    t.totalRow = {QString(), QStringLiteral("Tổng cộng"), count(int(awarded.size()) - individuals), count(individuals),
                  count(int(awarded.size()))};
    return t;
}

Table byCategory(const QList<Entry> &proposed, const QList<Entry> &awarded)
{
    Table t;
    t.sheetName = QStringLiteral("Theo doi tuong");
    t.intro << QStringLiteral("b) Theo đối tượng:");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Đối tượng"), QStringLiteral("Số đề nghị"), QStringLiteral("Số được khen")};
    t.widths = {7, 57, 18, 18};
    t.centred = {0};
    t.rightAligned = {2, 3};
    int n = 0;
    for (const bool person : {false, true}) {
        const Set set = person ? Set::PersonCategory : Set::UnitKind;
        QStringList codes;
        for (const Core::CodeLabel &c : Core::Codes::list(set))
            codes << c.code;
        for (const QList<Entry> *list : {&proposed, &awarded})
            for (const Entry &e : *list)
                if (e.person == person && !codes.contains(e.category))
                    codes << e.category;
        bool headed = false;
        for (const QString &code : codes) {
            const auto match = [&](const Entry &e) { return e.person == person && e.category == code; };
            const int asked = countIf(proposed, match), given = countIf(awarded, match);
            if (asked + given == 0)
                continue;
            if (!headed)
                t.rows << TableRow{{person ? QStringLiteral("II. CÁ NHÂN") : QStringLiteral("I. TẬP THỂ")}, true};
            headed = true;
            t.rows << TableRow{{count(++n), Build::codeLabel(set, code), count(asked), count(given)}, false};
        }
    }
    t.totalRow = {QString(), QStringLiteral("Tổng cộng"), count(int(proposed.size())), count(int(awarded.size()))};
    return t;
}

Table byUnit(const QList<Entry> &proposed, const QList<Entry> &awarded)
{
    Table t;
    t.sheetName = QStringLiteral("Theo don vi");
    t.intro << QStringLiteral("c) Theo đơn vị đề nghị:");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Đơn vị"), QStringLiteral("Số đề nghị"), QStringLiteral("Số được khen")};
    t.widths = {7, 57, 18, 18};
    t.centred = {0};
    t.rightAligned = {2, 3};
    QMap<qint64, QString> names;
    for (const QList<Entry> *list : {&proposed, &awarded})
        for (const Entry &e : *list)
            names.insert(e.unitId, e.unitName);
    QList<qint64> ids = names.keys();
    QCollator collator{QLocale(QLocale::Vietnamese, QLocale::Vietnam)};
    std::sort(ids.begin(), ids.end(), [&](qint64 a, qint64 b) { return collator.compare(names[a], names[b]) < 0; });
    int n = 0;
    for (qint64 id : ids) {
        const auto match = [id](const Entry &e) { return e.unitId == id; };
        t.rows << TableRow{{count(++n), names[id].isEmpty() ? QStringLiteral("…") : names[id], count(countIf(proposed, match)),
                            count(countIf(awarded, match))},
                           false};
    }
    t.totalRow = {QString(), QStringLiteral("Tổng cộng"), count(int(proposed.size())), count(int(awarded.size()))};
    return t;
}

/// A body's name as the comparison sees it: "UBND" and "Ủy ban nhân dân" are one, case,
/// diacritics and line breaks aside.
QString bodyKey(const QString &name)
{
    return Core::Text::fold(Letterhead::oneLine(name).toUpper().replace(QStringLiteral("UBND"), QStringLiteral("ỦY BAN NHÂN DÂN")));
}

/// Whether the office is a collective-regime body (a People's Committee), which signs "TM."
/// (Decree 30/2020, Art. 13); the head of a head-regime body (a Sở) signs in their own title.
bool collectiveBody(const Letterhead &letterhead)
{
    return !letterhead.collectiveName.isEmpty() || bodyKey(letterhead.body).contains(QStringLiteral("uy ban nhan dan"));
}

/// A body's name typed in capitals for a letterhead ("UBND TỈNH THANH HÓA", "SỞ NỘI VỤ") as
/// running text writes it ("UBND tỉnh Thanh Hóa", "Sở Nội vụ"): lower case but for the first
/// word, abbreviations, the word after Bộ / Sở / Ban, and the place name after its level. A
/// name not all in capitals is the clerk's own spelling and is kept.
QString runningName(const QString &name)
{
    if (name != name.toUpper())
        return name;
    static const QStringList levels = {QStringLiteral("tỉnh"), QStringLiteral("phố"), QStringLiteral("huyện"),
                                       QStringLiteral("quận"), QStringLiteral("xã"),  QStringLiteral("phường"),
                                       QStringLiteral("trấn")};
    static const QStringList agencies = {QStringLiteral("bộ"), QStringLiteral("sở"), QStringLiteral("ban")};
    QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    bool place = false, nextCapital = true;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString &w = words[i];
        const QString lower = w.toLower();
        const bool abbreviation = w.size() <= 5 && (w == QLatin1String("UBND") || w == QStringLiteral("HĐND"));
        if (!abbreviation)
            w = (place || nextCapital) ? lower.left(1).toUpper() + lower.mid(1) : lower;
        nextCapital = i == 0 && agencies.contains(lower); // not the "ban" of "Ủy ban"
        place = place || levels.contains(lower);
        // "thành phố" and "thị xã", "thị trấn": the level is the second word.
        if (levels.contains(lower))
            w = lower;
    }
    return words.join(QLatin1Char(' '));
}

/// "Kính gửi": the body that launched the movement and asked for the report — the plan's
/// issuer. When the office launched it itself (or the plan names nobody), the report goes up
/// to the office's parent body; when there is none either, a dotted blank the clerk fills in.
QString addressee(const Core::Movement &m, const Letterhead &letterhead)
{
    QString to = Core::Text::clean(m.issuer);
    if (to.isEmpty() || bodyKey(to) == bodyKey(letterhead.body))
        to = runningName(Letterhead::oneLine(letterhead.parentBody));
    return QStringLiteral("Kính gửi: %1.").arg(to.isEmpty() ? QStringLiteral("……………………………………") : to);
}

/// The head of the office signs its reports: the first signer of the letterhead as they sign
/// ("KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / name). With no signer set, the head's title with a
/// dotted line for the name, which the clerk fills in the DOCX; "TM. ỦY BAN NHÂN DÂN" above
/// it for a People's Committee.
Signature reportSignature(const Letterhead &letterhead)
{
    if (!letterhead.signers.isEmpty()) {
        const Signer &s = letterhead.signers.first();
        Signature out = Build::signature(letterhead, s.authority, s.title, s.name);
        // A collective body's report signed by a deputy: on behalf of the body, for its head.
        if (Core::Codes::authorityFromCode(s.authority) == Core::Codes::Authority::Deputy && collectiveBody(letterhead))
            out.authority =
                Build::signature(letterhead, Core::Codes::authorityCode(Core::Codes::Authority::OnBehalf), {}, {}).authority
                + QLatin1Char('\n') + out.authority;
        return out;
    }
    return Build::signature(letterhead,
                            collectiveBody(letterhead) ? Core::Codes::authorityCode(Core::Codes::Authority::OnBehalf) : QString(),
                            letterhead.headTitle, QStringLiteral("……………………………"));
}

QString period(int from, int to)
{
    return from > 0 && to > from ? QStringLiteral("%1 – %2").arg(from).arg(to) : QString::number(to > 0 ? to : from);
}
} // namespace

Document movementReport(Core::Database &db, qint64 movementId, int year, const QString &occasion)
{
    const std::optional<Core::Movement> found = Core::MovementRepository(db).get(movementId);
    if (!found)
        throw Core::Error(Tr::tr("The movement of this report no longer exists."));
    const Core::Movement &m = *found;
    if (!Core::Codes::isValid(Set::Occasion, occasion))
        throw Core::Error(Tr::tr("Unknown occasion \"%1\"; use one of: %2.").arg(occasion, Core::Codes::codesText(Set::Occasion)));
    const Letterhead letterhead = Letterhead::load(db);

    // The year counted and the subject: a year, or the review's phase.
    QString subject;
    const QString name = QStringLiteral("phong trào thi đua “%1”").arg(m.name);
    if (occasion == QLatin1String("annual")) {
        if (year <= 0)
            year = QDate::currentDate().year() - 1;
        subject = QStringLiteral("Kết quả thực hiện %1 năm %2").arg(name).arg(year);
    } else {
        const Core::MovementPhase *phase = reviewPhase(m, occasion, year);
        if (!phase || phase->reviewYear <= 0)
            throw Core::Error(year > 0
                                  ? Tr::tr("The plan of the movement \"%1\" holds no %2 in %3; choose a year or a review it holds.")
                                        .arg(m.name, Core::Codes::label(Set::Occasion, occasion))
                                        .arg(year)
                                  : Tr::tr("The plan of the movement \"%1\" holds no %2; choose a year or a review it holds.")
                                        .arg(m.name, Core::Codes::label(Set::Occasion, occasion)));
        year = phase->reviewYear;
        const bool final = occasion == QLatin1String("tong_ket");
        const int from = final ? m.periodFrom : (phase->fromYear > 0 ? phase->fromYear : m.periodFrom);
        const int to = final ? m.periodTo : (phase->toYear > 0 ? phase->toYear : year);
        subject = QStringLiteral("%1 %2 giai đoạn %3")
                      .arg(final ? QStringLiteral("Tổng kết") : QStringLiteral("Sơ kết"), name, period(from, to));
    }

    int dossierCount = 0;
    QStringList decisions;
    const QList<Entry> proposed = proposals(db, m.id, occasion, year, &dossierCount);
    const QList<Entry> awarded = awards(db, m, occasion, year, &decisions);
    const auto isPerson = [](const Entry &e) { return e.person; };
    const auto withOutcome = [&proposed](const char *outcome) {
        return countIf(proposed, [outcome](const Entry &e) { return e.outcome == QLatin1String(outcome); });
    };

    Document doc = Build::officeDocument(letterhead, QStringLiteral("bao-cao-phong-trao"),
                                         QStringLiteral("Báo cáo – %1").arg(subject));
    doc.fileStem = QStringLiteral("bao-cao-%1-%2").arg(m.key, occasion == QLatin1String("annual") ? QString::number(year) : occasion);
    Part part;
    part.number = VnFormat::numberLine(letterhead.symbol(QStringLiteral("BC")));
    part.placeDate = VnFormat::placeDate(letterhead.place, QDate());
    part.typeName = QStringLiteral("BÁO CÁO");
    part.subject = subject;
    part.addressee = addressee(m, letterhead);
    part.paragraphs
        << Html::bold(QStringLiteral("I. KẾT QUẢ TRIỂN KHAI THỰC HIỆN PHONG TRÀO")) << QStringLiteral("…")
        << Html::bold(QStringLiteral("II. KẾT QUẢ KHEN THƯỞNG"))
        << QStringLiteral("1. Đề nghị khen thưởng: các đơn vị đã gửi %1 hồ sơ, đề nghị khen thưởng %2 tập thể và %3 cá nhân.")
               .arg(count(dossierCount), count(int(proposed.size()) - countIf(proposed, isPerson)), count(countIf(proposed, isPerson)))
        << QStringLiteral("Trong số được đề nghị: đã được khen thưởng %1; đã trình cấp trên khen thưởng %2; không được khen thưởng "
                          "%3; đang xem xét %4.")
               .arg(count(withOutcome("awarded")), count(withOutcome("forwarded")), count(withOutcome("not_awarded")),
                    count(withOutcome("")))
        << QStringLiteral("2. Kết quả khen thưởng: đã khen thưởng %1 tập thể và %2 cá nhân theo %3 quyết định%4, cụ thể:")
               .arg(count(int(awarded.size()) - countIf(awarded, isPerson)), count(countIf(awarded, isPerson)),
                    count(int(decisions.size())),
                    decisions.isEmpty() ? QString()
                                        : Html::escaped(QStringLiteral(" (số %1)").arg(decisions.join(QStringLiteral(", ")))));
    part.tables << byForm(db, awarded) << byCategory(proposed, awarded) << byUnit(proposed, awarded);
    part.closing << Html::bold(QStringLiteral("III. ĐÁNH GIÁ CHUNG, PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")) << QStringLiteral("…");
    part.signature = reportSignature(letterhead);
    part.recipients = letterhead.recipients;
    doc.parts << part;
    return doc;
}

} // namespace VinhDanh::Documents::ReportDocuments
