// One award season on a demo province, played through the workflow repositories so that every
// guard, event, outcome and ledger row is the one a clerk's work would produce. Nothing here
// writes a workflow table with its own SQL; it only reads the registry to choose nominees.
//
// The season: one dossier per status (the decided one first, the draft last), each from a
// top-level unit and naming that unit's people and units the engine finds eligible (the
// clerk's checklist confirmed, so the verdict is "eligible"); one nominee not eligible but
// proposed with a reason, agreed at appraisal with an override and voted down by the council;
// one eligible nominee refused at appraisal (the other override); a sitting with an absent
// member and a conflict of interest, closed; a decision from it, issued; a second sitting still
// open, before which the before_council dossier waits.
#include "core/demo/demoseason_p.h"

#include "core/accounts/permissions.h"
#include "core/council/councilrepository.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/decisions/awardauthority.h"
#include "core/decisions/decisionrepository.h"
#include "core/demo/demominutes.h"
#include "core/demo/vietnamesenames.h"
#include "core/domain/movement.h"
#include "core/dossiers/dossierrepository.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>

#include <iterator>
#include <optional>

namespace VinhDanh::Core {

namespace DemoSeasonParts {

void Season::chooseMovement()
{
    // A catalogue movement running this year whose plan has an occasion in it: an annual award,
    // or a phase review (sơ kết / tổng kết) held this year. None: the regular track.
    const MovementRepository movements(m_db);
    for (const MovementSummary &s : movements.list()) {
        if (!s.isCatalogue || s.periodFrom > m_year || s.periodTo < m_year)
            continue;
        const std::optional<Movement> m = movements.get(s.id);
        if (!m)
            continue;
        QString occasion;
        for (const MovementAward &a : m->awards)
            if (a.occasion == QLatin1String("annual"))
                occasion = a.occasion;
        for (const MovementPhase &p : m->phases)
            if (occasion.isEmpty() && !p.review.isEmpty() && p.reviewYear == m_year)
                occasion = p.review;
        if (occasion.isEmpty())
            continue;
        m_movementId = m->id;
        m_movementName = m->name;
        m_occasion = occasion;
        m_out.movementKey = m->key;
        return;
    }
}

qint64 Season::rootOf(qint64 unitId)
{
    qint64 u = unitId;
    for (int depth = 0; depth < 50 && m_parents.value(u) > 0; ++depth)
        u = m_parents.value(u);
    return u;
}

void Season::loadCandidates()
{
    Query units(m_db.sql(), QStringLiteral("SELECT id, parent_id FROM units"));
    units.exec();
    while (units.next())
        m_parents.insert(units.id(0), units.id(1));
    QList<Candidate> all = Eligibility::Service(m_db).candidates(m_year, m_movementId);
    for (qsizetype i = all.size() - 1; i > 0; --i) // a seeded order, so each seed proposes other people
        all.swapItemsAt(i, pick(int(i + 1)));
    QHash<qint64, int> perRoot;
    Query personUnit(m_db.sql(), QStringLiteral("SELECT unit_id FROM people WHERE id = :id"));
    for (const Candidate &c : all.mid(0, kCandidatesConsidered)) {
        if (c.verdict == Verdict::NotEligible)
            continue;
        qint64 unit = c.unitId;
        if (c.personId) {
            personUnit.bind(QStringLiteral(":id"), c.personId).exec();
            unit = personUnit.next() ? personUnit.id(0) : 0;
            personUnit.raw().finish(); // on PostgreSQL an unfinished result is "lost" noisily by the next one
        }
        const qint64 root = rootOf(unit);
        m_candidates << c;
        m_candidateRoots << root;
        if (perRoot[root]++ == 0)
            m_roots << root;
    }
    // The units with the most candidates propose first (stable: ties keep the seeded order).
    std::stable_sort(m_roots.begin(), m_roots.end(), [&](qint64 a, qint64 b) { return perRoot.value(a) > perRoot.value(b); });
}

qint64 Season::nextRoot()
{
    // Each top-level unit proposes once before any proposes twice.
    qint64 best = 0;
    for (qint64 root : std::as_const(m_roots))
        if (!best || m_rootUse.value(root) < m_rootUse.value(best))
            best = root;
    if (best)
        ++m_rootUse[best];
    return best;
}

namespace {
/// Initials of a unit's name for the letter number: "Sở Y tế" → "SYT".
QString initials(const QString &name)
{
    QString out;
    for (const QString &word : Text::fold(name).split(QLatin1Char(' '), Qt::SkipEmptyParts))
        out += word.at(0).toUpper();
    return out.left(6);
}
} // namespace

std::optional<Dossier> Season::newDossier(int plan)
{
    const qint64 unit = nextRoot();
    if (!unit)
        return std::nullopt;
    Dossier d;
    d.key = QStringLiteral("demo-hs-%1-%2").arg(m_year).arg(plan + 1, 2, 10, QLatin1Char('0'));
    d.unitId = unit;
    d.movementId = m_movementId;
    d.occasion = m_occasion;
    d.year = m_year;
    const QString unitName = Lookup::column(m_db, "units", "name", unit).toString();
    d.title = m_movementId
                  ? str(u"Đề nghị khen thưởng năm %1 trong phong trào thi đua “%2” – %3").arg(m_year).arg(m_movementName, unitName)
                  : str(u"Đề nghị khen thưởng năm %1 – %2").arg(m_year).arg(unitName);
    const int number = 10 + pick(90);
    d.letterNo = QStringLiteral("%1/TTr-%2").arg(number).arg(initials(unitName));
    d.letterDate = QDate(m_year + 1, 1, 3 + plan);
    m_dossiers.save(d);
    ++m_out.dossiers;
    return d;
}

namespace {
/// The engine's open questions (a judgement, a movement standard) answered on the checklist,
/// as a careful clerk would before submitting: the verdict becomes "eligible".
void confirmAll(const QList<ConditionResult> &conditions, QList<ChecklistItem> &out)
{
    for (const ConditionResult &c : conditions) {
        if (c.state != Verdict::NeedsReview)
            continue;
        if (c.children.isEmpty())
            out << ChecklistItem{0, c.id, c.description, true, kEvidence};
        else
            confirmAll(c.children, out);
    }
}
} // namespace

void Season::saveNominee(Nominee &n, bool confirm)
{
    if (confirm)
        confirmAll(m_dossiers.evaluate(n).conditions, n.checklist);
    static const char16_t *const kSummaries[] = {
        u"Hoàn thành xuất sắc nhiệm vụ năm %1; chủ trì đưa dịch vụ công trực tuyến toàn trình vào vận hành.",
        u"Có sáng kiến cải tiến quy trình được Hội đồng sáng kiến cơ sở công nhận; hoàn thành xuất sắc nhiệm vụ năm %1.",
        u"Tích cực hưởng ứng phong trào thi đua; dẫn đầu khối thi đua năm %1.",
        u"Hoàn thành vượt mức các chỉ tiêu năm %1; 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.",
    };
    n.summary = str(kSummaries[pick(int(std::size(kSummaries)))]).arg(m_year);
    m_dossiers.saveNominee(n);
}

/// Whether the nominee fits the story: no duplicate proposal and nothing received already, and
/// the engine's verdict as wanted. A form the movement does not offer here gets the reason.
bool Season::acceptable(const Dossier &d, Nominee &n, bool notEligible)
{
    bool refused = false, notOffered = false;
    for (const EntryWarning &w : m_dossiers.warningsFor(d, n)) {
        if (w.kind == EntryWarning::Kind::NotEligible)
            refused = true;
        else if (w.kind == EntryWarning::Kind::NotOffered)
            notOffered = true;
        else if (w.kind != EntryWarning::Kind::NeedsReview)
            return false;
    }
    if (refused != notEligible)
        return false;
    // One reason answers both warnings; a not-eligible nominee's own reason already says why.
    if (notOffered && n.proceedReason.isEmpty())
        n.proceedReason = kNotOffered;
    return true;
}

std::optional<Nominee> Season::propose(const Dossier &d, const Slot &slot, bool confirm)
{
    // Only the proposing unit's own people and units: a unit proposes what lies below it.
    for (const QString &form : slot.forms)
        for (int i = 0; i < m_candidates.size(); ++i) {
            const Candidate &c = m_candidates.at(i);
            const QString subject = c.personId ? QStringLiteral("p%1").arg(c.personId) : QStringLiteral("u%1").arg(c.unitId);
            if (c.awardCode != form || (c.personId > 0) != slot.person || m_candidateRoots.at(i) != d.unitId
                || m_used.contains(subject))
                continue;
            Nominee n;
            n.dossierId = d.id;
            n.personId = c.personId;
            n.unitId = c.unitId;
            n.formCode = form;
            m_used.insert(subject); // tried once is enough, whatever the answer
            if (!acceptable(d, n, false))
                continue;
            saveNominee(n, confirm);
            return n;
        }
    return std::nullopt;
}

/// A person of the proposing unit for `form`, beyond the candidates list: with a reason, one
/// the engine finds not eligible (proposed all the same); without, one it does not refuse.
std::optional<Nominee> Season::proposePerson(const Dossier &d, const QString &form, const QString &notEligibleReason)
{
    Query q(m_db.sql(), QStringLiteral("SELECT id FROM people WHERE unit_id IN (%1) ORDER BY id").arg(Permissions::subtreeSql()));
    q.bind(QStringLiteral(":vis_root"), d.unitId).exec();
    QList<qint64> people;
    while (q.next())
        people << q.id(0);
    const bool notEligible = !notEligibleReason.isEmpty();
    for (int attempt = 0; attempt < 60 && !people.isEmpty(); ++attempt) {
        Nominee n;
        n.dossierId = d.id;
        n.personId = people.takeAt(pick(int(people.size())));
        n.formCode = form;
        const QString subject = QStringLiteral("p%1").arg(n.personId);
        n.proceedReason = notEligibleReason;
        if (m_used.contains(subject) || !acceptable(d, n, notEligible))
            continue;
        m_used.insert(subject);
        saveNominee(n, !notEligible);
        return n;
    }
    return std::nullopt;
}

void Season::attach(const Dossier &d, int plan, const QList<Nominee> &nominees)
{
    // Small text files stand in for the scanned documents a unit sends.
    auto add = [&](DocumentKind kind, qint64 nomineeId, const QString &file, const QString &text) {
        const QString body = text + QLatin1Char('\n') + str(u"(Tệp minh họa do chương trình tạo dữ liệu mẫu sinh ra.)")
                             + QLatin1Char('\n');
        m_dossiers.addAttachment(d.id, kind, nomineeId, file, body.toUtf8());
        ++m_out.attachments;
    };
    add(DocumentKind::ToTrinh, 0, QStringLiteral("to-trinh-%1.txt").arg(d.letterNo.section(QLatin1Char('/'), 0, 0)),
        str(u"TỜ TRÌNH số %1 ngày %2\nV/v %3").arg(d.letterNo, d.letterDate.toString(QStringLiteral("dd/MM/yyyy")), d.title));
    if (plan == PlanDraft)
        return; // the draft is still being put together
    QStringList list;
    for (const Nominee &n : nominees)
        list << QStringLiteral("%1. %2 – %3").arg(list.size() + 1).arg(n.name, n.formCode);
    add(DocumentKind::DanhSach, 0, QStringLiteral("danh-sach.txt"),
        str(u"DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG\n") + list.join(QLatin1Char('\n')));
    add(DocumentKind::BienBan, 0, QStringLiteral("bien-ban-hoi-dong.txt"),
        str(u"BIÊN BẢN họp Hội đồng Thi đua – Khen thưởng của đơn vị xét đề nghị khen thưởng năm %1").arg(m_year));
    for (int i = 0; i < nominees.size(); ++i) {
        if (plan == PlanReturned && i == nominees.size() - 1)
            break; // the report the appraiser sends the dossier back for
        const Nominee &n = nominees.at(i);
        add(DocumentKind::BaoCaoThanhTich, n.id, QStringLiteral("bao-cao-thanh-tich-%1.txt").arg(n.key),
            str(u"BÁO CÁO THÀNH TÍCH đề nghị tặng %1\n%2\n%3").arg(n.formCode, n.name, n.summary));
    }
}

void Season::appraise(const Nominee &n, bool agreed, const QString &reason)
{
    // An override reason only where the appraiser's verdict differs from the engine's.
    const Verdict engine = m_dossiers.evaluate(m_dossiers.nominee(n.id)).verdict;
    QString overriding;
    if (agreed && engine == Verdict::NotEligible)
        overriding = str(u"Thành tích đột xuất đã được Ban Thi đua – Khen thưởng xác minh; trình Hội đồng xem xét.");
    else if (!agreed && engine == Verdict::Eligible)
        overriding = str(
            u"Đủ tiêu chuẩn nhưng số đề nghị của đơn vị vượt tỷ lệ khen thưởng của năm; ưu tiên cá nhân trực tiếp lao động.");
    m_dossiers.appraise(n.id, agreed, reason, overriding);
}

DemoSeason Season::run()
{
    m_out.year = m_year;
    Demo::writeLetterhead(m_db);
    chooseMovement();
    m_out.occasion = m_occasion;
    loadCandidates();

    // Only forms the provincial Chairman awards (AwardAuthority): Giấy khen and the grassroots
    // titles are the units' own, and never on a provincial dossier's decision.
    const QStringList bkTinh{QStringLiteral("BK_TINH"), QStringLiteral("CSTD_TINH")};
    const QStringList collective{QStringLiteral("BK_TINH"), QStringLiteral("CO_TD_TINH"), QStringLiteral("TTLDXS")};
    const QStringList higher{QStringLiteral("BK_TTG"), QStringLiteral("HCLD_3")};
    const QList<Slot> wanted[PlanCount] = {
        {{true, bkTinh}, {true, bkTinh}, {false, collective}}, // decided (+ forwarded + not eligible, below)
        {{true, bkTinh}, {false, collective}},                 // before the council
        {{true, bkTinh}, {true, bkTinh}},                      // appraised: the second one refused
        {{true, bkTinh}, {false, collective}},                 // under appraisal
        {{true, bkTinh}, {true, bkTinh}},                      // returned: the second one's report is missing
        {{true, bkTinh}, {false, collective}},                 // submitted
        {{true, bkTinh}, {true, bkTinh}},                      // draft: the first one's checklist not done yet
    };

    std::optional<Dossier> dossiers[PlanCount];
    QList<Nominee> nominees[PlanCount];
    qint64 forwarded = 0, notEligible = 0;
    for (int plan = 0; plan < PlanCount; ++plan) {
        // A unit with nobody to propose makes no dossier; the next one tries.
        for (int attempt = 0; attempt < m_roots.size() && nominees[plan].isEmpty(); ++attempt) {
            dossiers[plan] = newDossier(plan);
            if (!dossiers[plan])
                break;
            const Dossier &d = *dossiers[plan];
            for (int i = 0; i < wanted[plan].size(); ++i)
                if (const auto n = propose(d, wanted[plan].at(i), !(plan == PlanDraft && i == 0)))
                    nominees[plan] << *n;
            if (plan == PlanDecided && !nominees[plan].isEmpty()) {
                std::optional<Nominee> up = propose(d, {true, higher}, true);
                if (!up)
                    up = propose(d, {false, higher}, true);
                if (!up)
                    up = proposePerson(d, higher.first(), {});
                if (up) {
                    forwarded = up->id;
                    nominees[plan] << *up;
                }
                // Chiến sĩ thi đua cấp tỉnh asks for three CSTĐCS in a row: no judgement can stand in.
                if (const auto n = proposePerson(d, QStringLiteral("CSTD_TINH"),
                                                 str(u"Có thành tích đột xuất trong chuyển đổi số của đơn vị; đề nghị Hội đồng "
                                                     u"xem xét dù chưa đủ tiêu chuẩn theo quy định."))) {
                    notEligible = n->id;
                    nominees[plan] << *n;
                }
            }
            if (nominees[plan].isEmpty()) {
                m_dossiers.remove(d.id);
                --m_out.dossiers;
                dossiers[plan].reset();
            }
        }
        if (!dossiers[plan])
            continue;
        for (Nominee &n : nominees[plan])
            n = m_dossiers.nominee(n.id); // with the names the reads fill in
        m_out.nominees += int(nominees[plan].size());
        attach(*dossiers[plan], plan, nominees[plan]);
    }

    // Through the office, furthest first.
    for (int plan = PlanDecided; plan <= PlanSubmitted; ++plan) {
        if (!dossiers[plan])
            continue;
        const qint64 id = dossiers[plan]->id;
        const QList<Nominee> &list = nominees[plan];
        // The returned dossier lacks a report: submitting it without needs the clerk's reason.
        const bool reportMissing = plan == PlanReturned;
        m_dossiers.transition(
            id, Transition::Submit,
            reportMissing ? str(u"Báo cáo thành tích của %1 đang chờ thủ trưởng đơn vị ký; sẽ gửi bổ sung.").arg(list.last().name)
                          : QString());
        if (plan == PlanSubmitted)
            continue;
        m_dossiers.transition(id, Transition::StartAppraisal);
        if (plan == PlanReturned) {
            m_dossiers.transition(id, Transition::Return,
                                  str(u"Thiếu báo cáo thành tích của %1; đề nghị bổ sung và gửi lại.").arg(list.last().name));
            continue;
        }
        for (int i = 0; i < list.size(); ++i) {
            if (plan == PlanUnderAppraisal && i > 0)
                break; // the appraiser is half-way through
            const bool refuse = plan == PlanAppraised && i == 1;
            appraise(list.at(i), !refuse, refuse ? str(u"Thành tích chưa tiêu biểu so với các cá nhân khác của đơn vị.") : QString());
        }
        if (plan != PlanUnderAppraisal)
            m_dossiers.transition(id, Transition::FinishAppraisal);
    }

    const QList<CouncilMember> board = members();
    const QDate firstDay(m_year + 1, 1, 12 + pick(6));
    if (dossiers[PlanDecided]) {
        QList<CouncilMember> attending = board;
        attending[4].attended = false; // one member away: the quorum still holds
        const qint64 first = sitting(str(u"đợt 1"), firstDay, attending);
        m_council.addDossier(first, dossiers[PlanDecided]->id);
        vote(first, {notEligible}, board.at(5).fullName);
        if (forwarded)
            m_dossiers.recordOutcome(forwarded, QStringLiteral("forwarded"),
                                     str(u"Hình thức do cấp trên quyết định; đã trình qua Ban Thi đua – Khen thưởng Trung ương."));
        m_council.close(first);
        issue(first, firstDay, board);
    }
    if (dossiers[PlanBeforeCouncil]) {
        const qint64 second = sitting(str(u"đợt 2"), firstDay.addDays(28), board);
        m_council.addDossier(second, dossiers[PlanBeforeCouncil]->id);
    }
    // The units' bình xét minutes: the facts of the year, confirmed once (demominutes.cpp).
    m_out.minutes = DemoDetail::recordSeasonMinutes(m_db, m_year, m_candidates, m_candidateRoots, m_roots);
    return m_out;
}

} // namespace DemoSeasonParts

DemoSeason Demo::generateSeason(Database &db, quint32 seed, int year)
{
    Transaction tx(db.sql());
    if (Query(db.sql(), QStringLiteral("SELECT count(*) FROM dossiers")).scalar(0).toLongLong() > 0)
        throw Error(QCoreApplication::translate("Demo", "The database already has proposal dossiers. The demo award season is "
                                                        "only added to a database without any."));
    const DemoSeason season = DemoSeasonParts::Season(db, seed, year).run();
    tx.commit();
    return season;
}

std::pair<DemoResult, DemoSeason> Demo::generateProvince(Database &db, const DemoOptions &options,
                                                         const std::function<void(const QString &)> &progress)
{
    Transaction tx(db.sql()); // the two inner transactions become savepoints of this one
    const DemoResult registry = generate(db, options, progress);
    if (progress)
        progress(QCoreApplication::translate("Demo", "Playing an award season: dossiers, appraisal, the council and a decision…"));
    const DemoSeason season = generateSeason(db, options.seed, options.lastYear);
    tx.commit();
    return {registry, season};
}

} // namespace VinhDanh::Core
