// The demo season's bình xét minutes (issue 13 item 6): without them every nominee of the demo
// province waits for the same qualitative ticks and the candidates list shows nobody eligible.
// A top-level unit's emulation council meets in January and names the people and units of its
// subtree it reviewed; the facts of the year are then confirmed from the minutes, as a clerk
// would in one step.
#include "core/demo/demominutes.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/eligibility/minutesrepository.h"
#include "core/registry/keys.h"

#include <QDate>
#include <QHash>
#include <QSet>

namespace VinhDanh::Core::DemoDetail {

namespace {
constexpr int kMaxMinutes = 24; // units that record minutes: enough for a visible shortlist
constexpr int kMaxNamed = 30;   // people and units one meeting names
constexpr int kMembers[] = {7, 9, 11, 5};

QString u16(const char16_t *text)
{
    return QString::fromUtf16(text);
}
} // namespace

int recordSeasonMinutes(Database &db, int year, const QList<Eligibility::Candidate> &candidates, const QList<qint64> &candidateRoots,
                        const QList<qint64> &roots)
{
    // A meeting is held after the year it reviews and never after today (a demo of this year).
    const QDate today = QDate::currentDate();
    if (QDate(year + 1, 1, 1) > today && QDate(year, 1, 1) > today)
        return 0;

    QHash<qint64, QList<Subject>> named; // root → whom its minutes name, in order
    QSet<QString> seen;
    const auto add = [&](qint64 root, const Subject &s) {
        const QString key = s.isPerson() ? QStringLiteral("p%1").arg(s.personId) : QStringLiteral("u%1").arg(s.unitId);
        QList<Subject> &list = named[root];
        if (list.size() >= kMaxNamed || seen.contains(key))
            return;
        seen.insert(key);
        list << s;
    };
    const QList<qint64> chosen = roots.mid(0, kMaxMinutes);
    // First the season's own nominees (a dossier's unit is a top-level unit proposing its own).
    Query nominees(db.sql(), QStringLiteral("SELECT d.unit_id, n.person_id, n.unit_id FROM dossier_nominees n "
                                            "JOIN dossiers d ON d.id = n.dossier_id WHERE d.year = :y ORDER BY n.id"));
    nominees.bind(QStringLiteral(":y"), year).exec();
    QList<std::pair<qint64, Subject>> proposed;
    while (nominees.next())
        proposed.append({nominees.id(0), Subject{nominees.id(1), nominees.id(2)}});
    for (const auto &[root, subject] : proposed)
        if (chosen.contains(root))
            add(root, subject);
    // Then the others the engine found for the same unit: plausible names on a real list.
    for (int i = 0; i < candidates.size() && i < candidateRoots.size(); ++i) {
        const Eligibility::Candidate &c = candidates.at(i);
        if (c.verdict != Eligibility::Verdict::NotEligible && chosen.contains(candidateRoots.at(i)))
            add(candidateRoots.at(i), Subject{c.personId, c.unitId});
    }

    Eligibility::MinutesRepository repo(db);
    int recorded = 0;
    for (int i = 0; i < chosen.size(); ++i) {
        const qint64 root = chosen.at(i);
        const QList<Subject> list = named.value(root);
        if (list.isEmpty())
            continue;
        const int members = kMembers[i % int(std::size(kMembers))];
        Eligibility::ReviewMinutes m;
        m.unitId = root;
        m.year = year;
        m.date = std::min(QDate(year + 1, 1, 4 + i % 12), today);
        m.number = QStringLiteral("%1/BB-HĐTĐKT").arg(i + 1, 2, 10, QLatin1Char('0'));
        m.attendees = u16(u"Hội đồng Thi đua – Khen thưởng đơn vị: %1/%2 thành viên có mặt").arg(members - i % 2).arg(members);
        m.note = u16(u"Bình xét danh hiệu thi đua và hình thức khen thưởng năm %1; các cá nhân, tập thể có tên "
                     u"không đang bị xem xét kỷ luật, nội bộ đoàn kết, tích cực tham gia phong trào thi đua.")
                     .arg(year);
        m.subjects = list;
        const Eligibility::ReviewMinutes saved = repo.add(m);
        repo.confirmFrom(saved.id);
        ++recorded;
    }
    return recorded;
}

} // namespace VinhDanh::Core::DemoDetail
