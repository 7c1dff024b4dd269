// The ledger half of the demo generator: people, their ratings, titles, awards,
// initiatives and disciplines, and the collectives' titles. See demogenerator.cpp for the rules.
#include "core/demo/demogenerator_p.h"

#include <QCoreApplication>

namespace VinhDanh::Core::DemoDetail {

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
    const QString symbol = issuer == kProvince ? str(u"QĐ-UBND") : issuer == kPrimeMinister ? str(u"QĐ-TTg") : m_units[issuer].symbol;
    Decision d;
    d.number = QString::number(issuer < 0 ? 100 + pick(2400) : 1 + pick(300)) + QLatin1Char('/') + symbol;
    const QDate date = ownDecision ? dateIn(year, 2, 12) : issuer == kPrimeMinister ? dateIn(year + 1, 4, 9) : dateIn(year + 1, 1, 3);
    d.date = date.toString(Qt::ISODate);
    if (!ownDecision)
        m_decisions.emplace(key, d);
    return d;
}

qint64 Generator::award(qint64 personId, qint64 unitId, const QString &form, int year, int issuer, const QString &kind, bool returning,
                        const QString &note)
{
    const QString &awardKind = kind.isEmpty() ? m_congTrang : kind;
    const bool theoDot = awardKind == m_theoDot;
    const Decision d = decision(issuer, year, theoDot ? form + QStringLiteral("/theo_dot") : form, awardKind == m_dotXuat);
    const QString authority = issuer == kProvince        ? str(u"Chủ tịch UBND tỉnh")
                              : issuer == kPrimeMinister ? str(u"Thủ tướng Chính phủ")
                                                         : m_units[issuer].authority;
    if (!returning) {
        m_insAward->add(numbered("A", ++m_result.awards, 7), idOrNull(personId), idOrNull(unitId), form, awardKind, year, d.number,
                        d.date, authority, idOrNull(theoDot ? m_movementId : 0), textOrNull(note));
        return 0;
    }
    const QString key = numbered("A", ++m_result.awards, 7);
    m_insAwardId->add(key, idOrNull(personId), idOrNull(unitId), form, awardKind, year, d.number, d.date, authority,
                      idOrNull(theoDot ? m_movementId : 0), textOrNull(note));
    m_pendingAwards << key;
    return -qint64(m_pendingAwards.size()); // a placeholder, non-zero: the initiative counts as used
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
        QString category = staffing.head, position = unit.headTitle;
        const int roll = pick(100);
        if (i > 0 && i <= 2 && unit.people > 8) {
            position = str(u"Phó ") + unit.headTitle; // deputies share the head's category
        } else if (i > 0) {
            for (const auto &[upTo, code] : staffing.categories)
                if (roll < upTo) {
                    category = code;
                    break;
                }
            position = category == QLatin1String("doanh_nhan") ? str(u"Phó ") + unit.headTitle
                       : category == QLatin1String("nhan_dan") ? oneOf(villagePositions)
                                                               : oneOf(staffing.positions);
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
        // The search text is the name and the key, as the repositories write it (a clerk finds
        // "P050000" by its key, and the duplicate finder reads the name back out of it).
        const QString key = numbered("P", ++m_result.people, 6);
        m_insPeople->add(key, fullName, Text::givenName(fullName), female ? QStringLiteral("female") : QStringLiteral("male"),
                         birth.toString(Qt::ISODate), textOrNull(cccd), unit.id, textOrNull(position), category,
                         Text::fold(fullName + QLatin1Char(' ') + key));

        rate(p.rating, 0.6745, -1.0364, -1.8808); // normal quantiles of 25 % / 60 % / 12 % / 3 %
        if (chance(0.01)) {
            p.disciplineYear = pick(kYears);
            p.canhCao = chance(0.3);
            p.rating[p.disciplineYear] = Kht;
        }
    }
    // The unit's people in a few statements, then their ratings in the order they always had
    // (the random draws above are unchanged: the same seed still gives the same province).
    const QHash<QString, qint64> ids = m_insPeople->flush();
    for (int i = 0; i < unit.people; ++i) {
        PersonGen &p = people[i];
        p.id = ids.value(numbered("P", m_result.people - unit.people + i + 1, 6));
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
    if (!m_pendingAwards.isEmpty()) { // the awards the initiatives were used for, before the initiatives
        const QHash<QString, qint64> awardIds = m_insAwardId->flush();
        for (InitiativeGen &init : inits)
            if (init.usedFor < 0)
                init.usedFor = awardIds.value(m_pendingAwards.at(qsizetype(-init.usedFor - 1)));
        m_pendingAwards.clear();
    }

    // The unit's initiatives in a few statements, then their holders by the ids they got.
    QStringList initiativeKeys;
    for (const InitiativeGen &init : inits) {
        const bool local = init.level == QLatin1String("co_so");
        const Decision d = decision(local ? issuerOf(u) : kProvince, m_first + init.year, init.level, true);
        const QString number = init.level == QLatin1String("toan_quoc") ? d.number.section(QLatin1Char('/'), 0, 0) + str(u"/QĐ-BKHCN")
                                                                        : d.number;
        initiativeKeys << numbered("SK", ++m_result.initiatives, 6);
        m_insInitiatives->add(initiativeKeys.last(), init.title, number, d.date, init.level, idOrNull(init.usedFor));
    }
    const QHash<QString, qint64> initiativeIds = m_insInitiatives->flush();
    for (size_t i = 0; i < inits.size(); ++i)
        for (int h : inits[i].holders)
            m_insHolder->add(initiativeIds.value(initiativeKeys.at(qsizetype(i))), people[h].id);
    for (const PersonGen &p : people) {
        if (p.disciplineYear < 0)
            continue;
        const QDate start = dateIn(m_first + p.disciplineYear, 1, 12);
        m_insDiscipline->add(numbered("KL", ++m_result.disciplines, 5), p.id,
                             p.canhCao ? QStringLiteral("canh_cao") : QStringLiteral("khien_trach"), start.toString(Qt::ISODate),
                             start.addMonths(12).toString(Qt::ISODate), decision(issuerOf(u), start.year(), QString(), true).number);
    }
    awardUnit(u, people);
}

void Generator::awardPeople(int u, std::vector<PersonGen> &people, std::vector<InitiativeGen> &inits)
{
    static const QStringList feats = words(kFeats);
    const int issuer = issuerOf(u);                                  // departments' staff are decided by their agency
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
                award(p.id, 0, province ? bkTinh : giayKhen, year, province ? kProvince : issuer, m_theoDot, false, m_movementNote);
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

} // namespace VinhDanh::Core::DemoDetail
