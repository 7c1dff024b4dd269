#include "core/eligibility/rulesetdiff.h"

#include "core/eligibility/ruleset.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

/// The award rules of a set's text by (code, recipients), each as its JSON object. The text was
/// validated by the strict parser when it was read, so QJsonDocument only re-reads it.
QMap<QPair<QString, QString>, QJsonObject> awardsOf(const RuleSet &set)
{
    QMap<QPair<QString, QString>, QJsonObject> out;
    const QJsonArray awards = QJsonDocument::fromJson(set.text).object().value(QStringLiteral("awards")).toArray();
    for (const QJsonValue &v : awards) {
        const QJsonObject o = v.toObject();
        out.insert({o.value(QStringLiteral("code")).toString(), o.value(QStringLiteral("recipients")).toString()}, o);
    }
    return out;
}

QString formText(const QJsonObject &rule)
{
    const QString name = rule.value(QStringLiteral("name")).toString();
    const QString who = rule.value(QStringLiteral("recipients")).toString() == QLatin1String("collective") ? Tr::tr("collectives")
                                                                                                           : Tr::tr("individuals");
    return Tr::tr("%1 (%2)").arg(name.isEmpty() ? rule.value(QStringLiteral("code")).toString() : name, who);
}

QJsonValue member(const RuleSet &set, const char *name)
{
    return QJsonDocument::fromJson(set.text).object().value(QLatin1String(name));
}
} // namespace

QStringList describeChanges(const RuleSet &before, const RuleSet &after)
{
    const auto was = awardsOf(before);
    const auto now = awardsOf(after);
    QStringList added, removed, changed;
    for (auto it = now.begin(); it != now.end(); ++it) {
        const auto old = was.constFind(it.key());
        if (old == was.constEnd())
            added << formText(*it);
        else if (*old != *it)
            changed << formText(*it);
    }
    for (auto it = was.begin(); it != was.end(); ++it)
        if (!now.contains(it.key()))
            removed << formText(*it);
    QStringList out;
    if (!added.isEmpty())
        out << Tr::tr("standards added for: %1").arg(added.join(QStringLiteral("; ")));
    if (!removed.isEmpty())
        out << Tr::tr("standards removed for: %1").arg(removed.join(QStringLiteral("; ")));
    if (!changed.isEmpty())
        out << Tr::tr("standards changed for: %1").arg(changed.join(QStringLiteral("; ")));
    if (member(before, "common") != member(after, "common"))
        out << Tr::tr("the standards common to every form changed");
    if (member(before, "citations") != member(after, "citations"))
        out << Tr::tr("the legal bases cited changed");
    if (before.info.effectiveFrom != after.info.effectiveFrom)
        out << Tr::tr("in force from %1 instead of %2")
                   .arg(after.info.effectiveFrom.toString(QStringLiteral("dd/MM/yyyy")),
                        before.info.effectiveFrom.toString(QStringLiteral("dd/MM/yyyy")));
    return out;
}

} // namespace VinhDanh::Core::Eligibility
