// The candidates sweep: the registry rows the in-force rules can look at in a handful of
// queries (history.cpp, loadForSweep), then every award rule for every person and unit in
// memory, first without words (Screen mode), then with the trace for the nominees who pass.
#include "core/eligibility/sweep.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/domain/movement.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/evaluator.h"
#include "core/eligibility/history.h"
#include "core/eligibility/rulesets.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

/// The award codes each person and unit is proposed for in a dossier of the year (and
/// movement), in one query; the sweep looks every subject up in it.
struct Proposals
{
    QHash<qint64, QStringList> people, units;
    bool has(bool collective, qint64 id, const QString &code) const
    {
        const QHash<qint64, QStringList> &map = collective ? units : people;
        const auto it = map.constFind(id);
        return it != map.constEnd() && it->contains(code);
    }
};

/// One copy of each text and each list of texts the rows repeat (see the sweep).
struct Pool
{
    QHash<QString, QString> texts;
    QHash<QStringList, QStringList> lists;
    QString text(const QString &t)
    {
        const auto it = texts.constFind(t);
        if (it != texts.constEnd())
            return *it;
        texts.insert(t, t);
        return t;
    }
    QStringList list(const QStringList &l)
    {
        if (l.isEmpty())
            return {};
        const auto it = lists.constFind(l);
        if (it != lists.constEnd())
            return *it;
        QStringList copy;
        copy.reserve(l.size());
        for (const QString &t : l)
            copy << text(t);
        lists.insert(copy, copy);
        return copy;
    }
};

Proposals proposals(const Database &db, int year, qint64 movementId)
{
    Query q(db.sql(), QStringLiteral("SELECT n.person_id, n.unit_id, n.form_code FROM dossier_nominees n "
                                     "JOIN dossiers d ON d.id = n.dossier_id WHERE d.year = :y")
                          + (movementId ? QStringLiteral(" AND d.movement_id = :m") : QString()));
    q.bind(QStringLiteral(":y"), year);
    if (movementId)
        q.bind(QStringLiteral(":m"), movementId);
    q.exec();
    Proposals out;
    while (q.next())
        (q.id(0) ? out.people[q.id(0)] : out.units[q.id(1)]) << q.text(2);
    return out;
}
} // namespace

QList<Candidate> Service::candidates(int year, qint64 movementId, const std::function<void(int, int)> &progress) const
{
    // PostgreSQL: every row crosses the network, so the server sums the rows up and the client
    // holds a few thousand people at a time. SQLite reads its own file faster row by row.
    return sweepCandidates(m_db, year, movementId, m_db.backend() == Backend::Postgres ? SweepLoad::Streamed : SweepLoad::Needed,
                           progress);
}

QList<Candidate> sweepCandidates(Database &db, int year, qint64 movementId, SweepLoad load,
                                 const std::function<void(int, int)> &progress, int streamShare)
{
    // A connection nobody logged in on (a worker's own, say) must not sweep a database with
    // accounts as if it had none: that would list the whole province to a clerk.
    Permissions::require(db, Permissions::Action::ViewRegistry);
    const RuleSet set = RuleSets::inForce(db, QDate(year, 12, 31));
    std::optional<Movement> movement;
    if (movementId) {
        movement = MovementRepository(db).get(movementId);
        if (!movement)
            throw Error(Tr::tr("There is no movement with the id %1.").arg(movementId));
    }
    // With a movement: only the award forms it names, for the nominee categories it names
    // (the movement's standards node answers not eligible for other categories).
    QStringList codes = set.codes();
    if (movement) {
        QStringList named;
        for (const MovementAward &a : movement->awards)
            named << a.awardCodes;
        codes.erase(std::remove_if(codes.begin(), codes.end(), [&](const QString &c) { return !named.contains(c); }), codes.end());
    }
    std::vector<const AwardRule *> individualRules, collectiveRules;
    for (const AwardRule &rule : set.rules)
        if (codes.contains(rule.code))
            (rule.recipients == QLatin1String("collective") ? collectiveRules : individualRules).push_back(&rule);
    std::vector<const AwardRule *> swept = individualRules;
    swept.insert(swept.end(), collectiveRules.begin(), collectiveRules.end());
    // A clerk's sweep lists the people and units of their subtree only (the rules still read the
    // whole registry, e.g. a bloc's ranking). nullopt: everything is visible.
    const std::optional<QSet<qint64>> visible = Permissions::visibleUnitIds(db);
    const Proposals proposed = proposals(db, year, movementId);
    // The clerk's confirmations count here too: a confirmed route judgement (say, leading the
    // emulation bloc) makes the nominee a candidate, and confirmed items are met in the verdict.
    const ConfirmationRepository confirmationStore(db);
    const QHash<qint64, GivenConfirmations> confirmedPeople = confirmationStore.effectiveForPeople(year, movementId);
    const QHash<qint64, GivenConfirmations> confirmedUnits = confirmationStore.effectiveForUnits(year, movementId);

    EvalOptions screen;
    screen.year = year;
    screen.movement = movement ? &*movement : nullptr;
    screen.mode = Mode::Screen;
    screen.explain = false;
    screen.earliest = false;
    EvalOptions full = screen;
    full.mode = Mode::Normal;
    full.explain = true;
    // The straightforward path screens with evaluateRule() and every condition's whole result;
    // the sweep with ruleVerdict() and states only. The test of the two holds them together.
    const bool straightforward = load == SweepLoad::Everything;
    if (straightforward)
        screen.explain = true;

    // Streamed, the registry comes in shares (streamForSweep): the total is counted first.
    std::optional<Registry> whole;
    const SweepNeeds needs = sweepNeeds(set, swept, year);
    if (load == SweepLoad::Everything)
        whole = loadAll(db);
    else if (load == SweepLoad::Needed)
        whole = loadForSweep(db, needs);
    const int total = whole
                          ? int(whole->people.size() + whole->units.size())
                          : int(Query(db.sql(), QStringLiteral("SELECT (SELECT COUNT(*) FROM people) + (SELECT COUNT(*) FROM units)"))
                                    .scalar(0)
                                    .toLongLong());
    const int shares = std::clamp(QThread::idealThreadCount(), 1, 8);
    // One list for every core's rows (appended under a lock, a few hundred nanoseconds a row
    // beside the rules' microseconds): merging per-core lists at the end held every row twice.
    // Reserved once for about one row per subject (most staff are LĐTT candidates): pages of
    // the reservation that stay unused are never touched, and a regrowth would copy the rows.
    QList<Candidate> out;
    out.reserve(qsizetype(total) + total / 4 + 16);
    std::mutex outLock;
    std::atomic<int> done{0};
    const int step = std::max(1, total / 100); // about a hundred steps for a progress bar
    // A hundred thousand nominees wait for the same few checklist items, with a few progress
    // texts: one copy of each text and of each list per core's share (a fresh string and list
    // per nominee cost 130 MB), kept from one streamed share to the next.
    std::vector<Pool> pools(static_cast<size_t>(shares));

    // Sweeps the subjects of one registry: in a fixed order, split into one contiguous share per
    // core. The rules only read the registry, the set and these options, so the shares need no
    // locks. Only the calling thread reports progress (a GUI's callback may touch its widgets).
    auto sweepRegistry = [&](const Registry &registry) {
        std::vector<std::pair<const SubjectHistory *, bool>> subjects; // (subject, collective)
        subjects.reserve(registry.people.size() + registry.units.size());
        for (const SubjectHistory &s : registry.people)
            subjects.emplace_back(&s, false);
        for (const SubjectHistory &s : registry.units)
            subjects.emplace_back(&s, true);
        const int count = int(subjects.size());
        std::vector<std::exception_ptr> failed(shares);
        auto sweepShare = [&](int share) {
            const int first = int(qint64(count) * share / shares), last = int(qint64(count) * (share + 1) / shares);
            Pool &pool = pools[size_t(share)];
            for (int i = first; i < last; ++i) {
                const auto [sp, collective] = subjects[size_t(i)];
                const SubjectHistory &s = *sp;
                const int nowDone = done.fetch_add(1, std::memory_order_relaxed) + 1;
                if (share == 0 && progress && nowDone % step == 0)
                    progress(std::min(nowDone, total), total);
                if (visible && !visible->contains(collective ? s.id : s.unitId))
                    continue;
                const QHash<qint64, GivenConfirmations> &confirmed = collective ? confirmedUnits : confirmedPeople;
                const auto given = confirmed.constFind(s.id);
                for (const AwardRule *rp : collective ? collectiveRules : individualRules) {
                    const AwardRule &rule = *rp;
                    // Listed: whoever the registry qualifies, and whoever is proposed even if it does not.
                    const bool isProposed = proposed.has(collective, s.id, rule.code);
                    // Rare: copy the options only for a nominee with confirmations for this award.
                    std::optional<EvalOptions> screenWith, fullWith;
                    // The empty code: year facts, which count for every form (forAward merges them).
                    if (given != confirmed.constEnd() && (given->contains(rule.code) || given->contains(QString()))) {
                        QMap<QString, QString> notes;
                        const QMap<QString, Confirmation> items = forAward(*given, rule.code);
                        for (auto it = items.begin(); it != items.end(); ++it)
                            notes.insert(it.key(), it->note);
                        screenWith = screen;
                        screenWith->confirmations = notes;
                        fullWith = full;
                        fullWith->confirmations = notes;
                    }
                    const EvalOptions &screenOptions = screenWith ? *screenWith : screen;
                    if (!isProposed
                        && (straightforward ? evaluateRule(set, rule, registry, s, screenOptions).verdict
                                            : ruleVerdict(set, rule, registry, s, screenOptions))
                               == Verdict::NotEligible)
                        continue;
                    const Result r = evaluateRule(set, rule, registry, s, fullWith ? *fullWith : full);
                    Candidate c;
                    (collective ? c.unitId : c.personId) = s.id;
                    c.key = s.key;
                    c.name = s.name;
                    c.unitName = registry.unitNames.value(s.unitId);
                    c.awardCode = rule.code;
                    c.verdict = r.verdict;
                    c.outcome = r.outcome;
                    c.pending = pool.list(r.checklist);
                    c.missing = pool.list(r.missing);
                    c.progress = pool.text(r.progress);
                    c.proposed = isProposed;
                    const std::lock_guard<std::mutex> hold(outLock);
                    out << std::move(c);
                }
            }
        };
        std::vector<std::thread> workers;
        for (int share = 1; share < shares; ++share)
            workers.emplace_back([&, share] {
                try {
                    sweepShare(share);
                } catch (...) {
                    failed[size_t(share)] = std::current_exception();
                }
            });
        try {
            sweepShare(0);
        } catch (...) {
            failed[0] = std::current_exception();
        }
        for (std::thread &w : workers)
            w.join();
        for (const std::exception_ptr &e : failed)
            if (e)
                std::rethrow_exception(e);
    };
    if (whole)
        sweepRegistry(*whole);
    else
        streamForSweep(db, needs, std::max(1, streamShare), sweepRegistry);
    whole.reset(); // the rows keep their own copies of names and keys
    if (progress)
        progress(total, total);

    // Award by the set's order, then the key (stable and fast; the views sort by name themselves).
    QHash<QString, int> order;
    for (int i = 0; i < codes.size(); ++i)
        order.insert(codes.at(i), i);
    std::vector<std::pair<int, int>> keys; // (award order, index)
    keys.reserve(out.size());
    for (int i = 0; i < out.size(); ++i)
        keys.emplace_back(order.value(out.at(i).awardCode), i);
    // Ties (a unit and a person with one key) by person, then id: the same order whatever order
    // the subjects came in (a streamed sweep meets them unit by unit).
    std::sort(keys.begin(), keys.end(), [&](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        const Candidate &x = out.at(a.second), &y = out.at(b.second);
        if (x.key != y.key)
            return x.key < y.key;
        return std::make_pair(x.unitId, x.personId) < std::make_pair(y.unitId, y.personId);
    });
    // Put in that order in place, cycle by cycle: a second list of 100,000 rows would add its
    // whole array to the peak (moving a Candidate only swaps pointers).
    std::vector<bool> placed(keys.size(), false);
    for (size_t start = 0; start < keys.size(); ++start) {
        if (placed[start])
            continue;
        Candidate held = std::move(out[qsizetype(start)]);
        size_t at = start;
        for (;;) {
            placed[at] = true;
            const size_t from = size_t(keys[at].second); // the row that belongs at `at`
            if (from == start) {
                out[qsizetype(at)] = std::move(held);
                break;
            }
            out[qsizetype(at)] = std::move(out[qsizetype(from)]);
            at = from;
        }
    }
    return out;
}

} // namespace VinhDanh::Core::Eligibility
