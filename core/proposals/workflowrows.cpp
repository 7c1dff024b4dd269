#include "core/proposals/workflowrows.h"

#include "core/db/query.h"

#include <QStringList>

namespace VinhDanh::Core::Workflow::Rows {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString subjectJoins(const QString &alias)
{
    return QStringLiteral(" LEFT JOIN people sp ON sp.id = %1.person_id LEFT JOIN units su ON su.id = %1.unit_id "
                          "LEFT JOIN units spu ON spu.id = sp.unit_id LEFT JOIN units sup ON sup.id = su.parent_id ")
        .arg(alias);
}

QString subjectColumns()
{
    return QStringLiteral("COALESCE(sp.ext_key, su.ext_key), COALESCE(sp.full_name, su.name), sp.position, spu.name, "
                          "sup.name");
}

QString subjectContext(const Query &q, int firstColumn)
{
    QStringList parts;
    for (int c = firstColumn + 2; c <= firstColumn + 4; ++c)
        if (!q.text(c).isEmpty())
            parts << q.text(c);
    return parts.join(QStringLiteral(", "));
}

int levelRank(const QString &level)
{
    static const QStringList order = {QStringLiteral("co_so"), QStringLiteral("tinh"), QStringLiteral("trung_uong"),
                                      QStringLiteral("nha_nuoc")};
    return order.indexOf(level);
}

} // namespace VinhDanh::Core::Workflow::Rows
