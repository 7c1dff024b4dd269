

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
#include "core/audit/bulkwrite.h"
#include "core/db/bulktuning.h"
#include "core/demo/demogenerator_p.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/unitrepository.h"

#include <QCoreApplication>

namespace VinhDanh::Core {
namespace DemoDetail {

Generator::Generator(Database &db, const DemoOptions &o, const std::function<void(const QString &)> &progress)
    : m_db(db), m_o(o), m_rng(o.seed), m_progress(progress), m_first(o.lastYear - kYears + 1), m_mergerYear(std::min(o.lastYear, 2025))
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
    const QSet<QString> family(Demo::nameParts().familyNames.begin(), Demo::nameParts().familyNames.end());
    for (const QString &a : real)
        for (const QString &b : real) { // not from a person's name: "Lê Lợi" gives no "Lê Thắng"
            const QString head = a.section(QLatin1Char(' '), 0, 0), tail = b.section(QLatin1Char(' '), -1);
            const QString name = head + QLatin1Char(' ') + tail;
            if (a.count(QLatin1Char(' ')) == 1 && b.count(QLatin1Char(' ')) == 1 && head != tail && !seen.contains(name)
                && !family.contains(head) && !family.contains(b.section(QLatin1Char(' '), 0, 0))) {
                seen.insert(name);
                places << name;
            }
        }
    auto shuffle = [&](qsizetype from, qsizetype to) { // [from, to)
        for (qsizetype i = to - 1; i > from; --i)
            places.swapItemsAt(i, from + pick(int(i - from + 1)));
    };
    shuffle(0, real.size()); // the real names first, then the recombined ones
    shuffle(real.size(), places.size());
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
            }),
            KhoiFront);
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
        m_units[communes[i]].successor = near.empty() ? communes[merged + pick(int(communes.size()) - merged)]
                                                      : near[pick(int(near.size()))];
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
    for (const QString &word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word == str(u"xã") || word == str(u"phường")) // a local society: "Hội Chữ thập đỏ xã …"
            break;
        if (skip.contains(word))
            continue;
        if (word.size() > 1 && word == word.toUpper()) // an acronym (UBND, MTTQ) stays whole
            u.symbol += word;
        else
            u.symbol += word.at(0).toLower() == QChar(0x0111) ? QChar(0x0110) : Text::fold(word).at(0).toUpper();
    }
}

void Generator::insertBlocsAndUnits()
{
    int blocs = KhoiCount;
    for (const UnitGen &unit : m_units)
        blocs = std::max(blocs, unit.bloc + 1);
    const QStringList khoi = words(kKhoi);
    auto insBloc = prepare(UnitRepository::blocRows().values({}, u"?, ?, ?", QStringLiteral("RETURNING id")));
    for (int b = 0; b < blocs; ++b) {
        const bool isKhoi = b < KhoiCount;
        execute(*insBloc, numbered("B", b + 1, 2), isKhoi ? khoi[b] : str(u"Cụm thi đua số %1").arg(b - KhoiCount + 1),
                isKhoi ? QStringLiteral("khoi") : QStringLiteral("cum"));
        insBloc->next();
        m_blocIds.push_back(insBloc->id(0));
        insBloc->raw().finish();
    }
    m_flagCandidates.resize(blocs);
    const RowWriter &units = UnitRepository::unitRows();
    auto ins = prepare(units.values(units.without({QStringLiteral("valid_from"), QStringLiteral("succeeded_by_id")}),
                                    u"?, ?, ?, ?, ?, ?, ?", QStringLiteral("RETURNING id")));
    const QString mergedOn = QDate(m_mergerYear, 6, 30).toString(Qt::ISODate);
    for (int i = 0; i < int(m_units.size()); ++i) {
        UnitGen &u = m_units[i];
        const QString key = numbered("U", i + 1, 4);
        execute(*ins, key, u.name, QString::fromLatin1(kKindCodes[u.kind]), idOrNull(u.parent >= 0 ? m_units[u.parent].id : 0),
                idOrNull(u.bloc >= 0 ? m_blocIds[u.bloc] : 0), textOrNull(u.successor >= 0 ? mergedOn : QString()),
                Text::fold(u.name + QLatin1Char(' ') + key));
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

DemoResult Generator::run()
{
    if (m_o.units < KindCount)
        throw Error(
            QCoreApplication::translate("Demo", "A demo province needs at least %1 units, one of each kind.").arg(int(KindCount)));
    if (m_o.units > 10000)
        throw Error(QCoreApplication::translate("Demo", "A demo province can have at most %1 units.").arg(10000));
    if (m_o.people < 0 || m_o.people > 1000000)
        throw Error(
            QCoreApplication::translate("Demo", "The number of people in a demo province must be between 0 and %1.").arg(1000000));
    if (m_o.lastYear < 1960 || m_o.lastYear > 2190)
        throw Error(
            QCoreApplication::translate("Demo", "The last year of the demo data must be between %1 and %2.").arg(1960).arg(2190));

    Transaction transaction(m_db.sql());
    // Like an import, the sample province is one audit entry (its counts per table), not a
    // hash-chained audit row per generated record: on PostgreSQL those rows' trigger work made
    // `demo` 4× slower than on SQLite.
    BulkWrite bulk(m_db, transaction, BulkWrite::Source{QStringLiteral("demo"), {}, {}, 0});
    if (Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM units")).scalar(0).toLongLong() > 0)
        throw Error(QCoreApplication::translate("Demo",
                                                "The database already has units. Demo data is only added to an empty database, "
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

    say(QCoreApplication::translate("Demo", "Creating emulation blocs and units…"));
    planUnits();
    insertBlocsAndUnits();
    distributePeople();

    // The registry's big tables are empty here (checked above): their secondary indexes (and
    // on PostgreSQL their foreign keys) are made once after the rows, not row by row.
    withIndexesDeferred(m_db,
                        {QStringLiteral("people"), QStringLiteral("ratings"), QStringLiteral("awards"), QStringLiteral("initiatives"),
                         QStringLiteral("initiative_holders"), QStringLiteral("disciplines")},
                        [&] {
                            // The heads come from the tables' repositories (their one INSERT each); the demo
                            // leaves notes, decision links and a person's discipline's unit at their defaults.
                            const QString note = QStringLiteral("note");
                            m_insPeople = std::make_unique<ReturningInsert>(m_db.sql(), PersonRepository::rows().head(), 10);
                            const RowWriter &ratings = RecordRepository::ratingRows();
                            m_insRating = std::make_unique<BatchInsert>(m_db, ratings.head(ratings.without({note})), 4);
                            const RowWriter &awards = RecordRepository::awardRows();
                            const QString awardSql = awards.head(awards.without({QStringLiteral("decision_id")}));
                            m_insAward = std::make_unique<BatchInsert>(m_db, awardSql, 11);
                            m_insAwardId = std::make_unique<ReturningInsert>(m_db.sql(), awardSql, 11);
                            const RowWriter &initiatives = RecordRepository::initiativeRows();
                            m_insInitiatives = std::make_unique<ReturningInsert>(m_db.sql(),
                                                                                 initiatives.head(initiatives.without({note})), 6);
                            m_insHolder = std::make_unique<BatchInsert>(m_db, RecordRepository::holderRows().head(), 2);
                            const RowWriter &disciplines = RecordRepository::disciplineRows();
                            m_insDiscipline = std::make_unique<BatchInsert>(
                                m_db, disciplines.head(disciplines.without({QStringLiteral("unit_id"), note})), 6);
                            const int step = std::max(1, int(m_units.size()) / 10);
                            for (int u = 0; u < int(m_units.size()); ++u) {
                                if (u % step == 0)
                                    say(QCoreApplication::translate("Demo", "Adding people, ratings and awards: %1 of %2 units…")
                                            .arg(u)
                                            .arg(m_units.size()));
                                fillUnit(u);
                            }

                            say(QCoreApplication::translate("Demo", "Awarding the emulation flags of the blocs…"));
                            for (const auto &perYear : m_flagCandidates)
                                for (int k = 0; k < kYears; ++k)
                                    if (!perYear[k].empty() && chance(0.6)) {
                                        const int leader = perYear[k][pick(int(perYear[k].size()))];
                                        award(0, m_units[leader].id, QStringLiteral("CO_TD_TINH"), m_first + k, kProvince);
                                    }

                            m_insRating->flush();
                            m_insAward->flush();
                            m_insHolder->flush();
                            m_insDiscipline->flush();
                        });
    say(QCoreApplication::translate("Demo", "Saving the demo province…"));
    bulk.finish();
    transaction.commit();
    return m_result;
}

} // namespace DemoDetail

DemoResult Demo::generate(Database &db, const DemoOptions &options, const std::function<void(const QString &)> &progress)
{
    return DemoDetail::Generator(db, options, progress).run();
}

} // namespace VinhDanh::Core
