#include "core/eligibility/rulesets.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>

namespace VinhDanh::Core::Eligibility::RuleSets {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

const QList<RuleSet> &builtIns()
{
    static const QList<RuleSet> sets = [] {
        QList<RuleSet> out;
        const QDir dir(QStringLiteral(":/vinhdanh/rules"));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                throw Error(Tr::tr("The program is missing its rule-set file %1.").arg(name));
            out << parseRuleSet(f.readAll(), name);
        }
        return out;
    }();
    return sets;
}

/// Imported sets, parsed once per (id, version): the stored text never changes.
RuleSet parsedImport(const QString &id, int version, const QString &content)
{
    static QMutex mutex;
    static QHash<QString, RuleSet> cache;
    const QString key = id + QLatin1Char('/') + QString::number(version) + QLatin1Char('/') + QString::number(qHash(content));
    QMutexLocker lock(&mutex);
    auto it = cache.find(key);
    if (it == cache.end()) {
        RuleSet s = parseRuleSet(content.toUtf8(), id);
        s.info.builtIn = false;
        it = cache.insert(key, s);
    }
    return *it;
}
} // namespace

QList<RuleSet> all(const Database &db)
{
    QList<RuleSet> out = builtIns();
    Query q(db.sql(), QStringLiteral("SELECT set_id, version, content FROM rule_sets ORDER BY id"));
    q.exec();
    while (q.next())
        out << parsedImport(q.text(0), q.integer(1), q.text(2));
    std::stable_sort(out.begin(), out.end(), [](const RuleSet &a, const RuleSet &b) {
        if (a.info.effectiveFrom != b.info.effectiveFrom)
            return a.info.effectiveFrom < b.info.effectiveFrom;
        if (a.info.id != b.info.id)
            return a.info.id < b.info.id;
        return a.info.version < b.info.version;
    });
    return out;
}

std::optional<RuleSet> findInForce(const Database &db, const QDate &date)
{
    const QList<RuleSet> sets = all(db);
    // A retired imported set stays listed and audited but is never chosen (see
    // Service::retireRuleSet); built-in sets are never retired.
    QSet<QString> retired;
    Query q(db.sql(), QStringLiteral("SELECT set_id, version FROM rule_sets WHERE retired_at IS NOT NULL"));
    q.exec();
    while (q.next())
        retired.insert(q.text(0) + QLatin1Char('/') + QString::number(q.integer(1)));
    const RuleSet *best = nullptr;
    for (const RuleSet &s : sets)
        if (s.info.effectiveFrom <= date
            && (s.info.builtIn || !retired.contains(s.info.id + QLatin1Char('/') + QString::number(s.info.version)))
            && (!best || s.info.effectiveFrom > best->info.effectiveFrom
                || (s.info.effectiveFrom == best->info.effectiveFrom && s.info.version >= best->info.version)))
            best = &s;
    if (!best)
        return std::nullopt;
    return *best;
}

RuleSet inForce(const Database &db, const QDate &date)
{
    if (std::optional<RuleSet> set = findInForce(db, date))
        return std::move(*set);
    const QList<RuleSet> sets = all(db);
    throw Error(
        Tr::tr("No rule set is in force on %1: the earliest takes effect on %2.")
            .arg(date.toString(QStringLiteral("dd/MM/yyyy")),
                 sets.isEmpty() ? QStringLiteral("-") : sets.first().info.effectiveFrom.toString(QStringLiteral("dd/MM/yyyy"))));
}

} // namespace VinhDanh::Core::Eligibility::RuleSets
