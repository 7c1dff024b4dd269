// Who may award a form, from data (resources/catalogue/award_authority.json; the form's
// award_forms.level when the file does not name it).
#include "core/decisions/awardauthority.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/proposals/workflowrows.h"
#include "core/proposals/workflowsql_p.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Core::Workflow::AwardAuthority {

namespace {
struct Entry
{
    QString level;
    bool confirmed = true;
    QString source;
};

const QHash<QString, Entry> &entries()
{
    static const QHash<QString, Entry> table = [] {
        QHash<QString, Entry> out;
        QFile file(QStringLiteral(":/vinhdanh/catalogue/award_authority.json"));
        if (!file.open(QIODevice::ReadOnly))
            return out; // a build without the file: every form falls back to award_forms.level
        const QJsonArray forms = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("forms")).toArray();
        for (const QJsonValue &v : forms) {
            const QJsonObject o = v.toObject();
            out.insert(o.value(QStringLiteral("code")).toString(),
                       Entry{o.value(QStringLiteral("level")).toString(), o.value(QStringLiteral("confirmed")).toBool(true),
                             o.value(QStringLiteral("source")).toString()});
        }
        return out;
    }();
    return table;
}
} // namespace

QString officeLevel(const Database &db)
{
    return PayData(const_cast<Database &>(db)).setting(QStringLiteral("office.level"), QStringLiteral("tinh"));
}

QString authorityName(const QString &level)
{
    if (level == QLatin1String("co_so"))
        return Tr::tr("the head of the agency or unit, or the Chairman of the commune People's Committee");
    if (level == QLatin1String("tinh"))
        return Tr::tr("the Chairman of the provincial People's Committee");
    if (level == QLatin1String("trung_uong"))
        return Tr::tr("the Prime Minister");
    if (level == QLatin1String("nha_nuoc"))
        return Tr::tr("the State President");
    return Tr::tr("an authority the program does not know");
}

Check check(const Database &db, const QString &formCode)
{
    Check c;
    c.officeLevel = officeLevel(db);
    Query q(db.sql(), QStringLiteral("SELECT name, level FROM award_forms WHERE code = :c"));
    q.bind(QStringLiteral(":c"), formCode).exec();
    if (!q.next())
        throw Error(Tr::tr("The award form \"%1\" is not known; choose one from the list.").arg(formCode));
    c.formName = q.text(0);
    c.level = q.text(1);
    bool confirmed = true;
    if (const auto it = entries().constFind(formCode); it != entries().constEnd() && Rows::levelRank(it->level) >= 0) {
        c.level = it->level;
        confirmed = it->confirmed;
        c.source = it->source;
    }
    const int form = Rows::levelRank(c.level), office = Rows::levelRank(c.officeLevel);
    const QString who = authorityName(c.level), us = authorityName(c.officeLevel);
    if (form > office) {
        c.verdict = Check::Verdict::Upward;
        c.message =
            Tr::tr("%1 is awarded by %2, not by %3: propose it upward and record the nominee as forwarded.").arg(c.formName, who, us);
    } else if (form < office) {
        c.verdict = confirmed ? Check::Verdict::Refused : Check::Verdict::Unconfirmed;
        c.message = confirmed ? Tr::tr("%1 is awarded by %2, not by %3, who issues this office's decisions.").arg(c.formName, who, us)
                              : Tr::tr("%1 is probably awarded by %2, not by %3; the law notes do not confirm who awards it.")
                                    .arg(c.formName, who, us);
    } else if (!confirmed) {
        c.verdict = Check::Verdict::Unconfirmed;
        c.message =
            Tr::tr("Who awards %1 is not confirmed in the law notes (%2); it is taken to be %3.").arg(c.formName, c.source, who);
    }
    return c;
}

} // namespace VinhDanh::Core::Workflow::AwardAuthority
