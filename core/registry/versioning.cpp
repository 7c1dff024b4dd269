#include "core/registry/versioning.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/keys.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace VinhDanh::Core::Versioning {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Versioning)
};

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}
} // namespace

QVariantMap storedRow(const Database &db, const QString &table, qint64 id)
{
    Query q(db.sql(), QStringLiteral("SELECT * FROM %1 WHERE id = :id").arg(table));
    q.bind(QStringLiteral(":id"), id).exec();
    QVariantMap row;
    if (!q.next())
        return row;
    const QSqlRecord record = q.raw().record();
    for (int i = 0; i < record.count(); ++i)
        if (record.fieldName(i) != QLatin1String("search_key"))
            row.insert(record.fieldName(i), q.value(i));
    return row;
}

void checkUpdated(const Database &db, const Query &update, const QString &table, qint64 id, const QString &goneMessage)
{
    if (update.numRowsAffected() > 0)
        return;
    const QVariantMap stored = storedRow(db, table, id);
    if (stored.isEmpty())
        throw Error(goneMessage);
    throw ConflictError(Tr::tr("Someone else saved this record after you opened it (it is now at version %1). "
                               "Nothing was saved: compare the changes and choose which to keep.")
                            .arg(stored.value(QStringLiteral("version")).toInt()),
                        table, id, stored);
}

QVariantMap columns(const Unit &u)
{
    return {{QStringLiteral("name"), u.name},
            {QStringLiteral("kind"), u.kind},
            {QStringLiteral("parent_id"), idOrNull(u.parentId)},
            {QStringLiteral("bloc_id"), idOrNull(u.blocId)},
            {QStringLiteral("valid_from"), Keys::dateValue(u.validFrom)},
            {QStringLiteral("valid_to"), Keys::dateValue(u.validTo)},
            {QStringLiteral("succeeded_by_id"), idOrNull(u.succeededById)}};
}

QVariantMap columns(const Person &p)
{
    return {{QStringLiteral("full_name"), p.fullName},
            {QStringLiteral("gender"), textOrNull(p.gender)},
            {QStringLiteral("birth_date"), Keys::dateValue(p.birthDate)},
            {QStringLiteral("cccd"), textOrNull(p.cccd)},
            {QStringLiteral("unit_id"), idOrNull(p.unitId)},
            {QStringLiteral("position"), textOrNull(p.position)},
            {QStringLiteral("category"), p.category}};
}

QVariantMap columns(const Rating &r)
{
    return {{QStringLiteral("year"), r.year}, {QStringLiteral("rating"), r.rating}, {QStringLiteral("note"), textOrNull(r.note)}};
}

QVariantMap columns(const Award &a)
{
    return {{QStringLiteral("form_code"), a.formCode},
            {QStringLiteral("kind"), a.kind},
            {QStringLiteral("year"), a.year},
            {QStringLiteral("decision_no"), textOrNull(a.decisionNo)},
            {QStringLiteral("decision_date"), Keys::dateValue(a.decisionDate)},
            {QStringLiteral("authority"), textOrNull(a.authority)},
            {QStringLiteral("movement_id"), idOrNull(a.movementId)},
            {QStringLiteral("note"), textOrNull(a.note)}};
}

QVariantMap columns(const Initiative &i)
{
    return {{QStringLiteral("title"), i.title},
            {QStringLiteral("level"), i.level},
            {QStringLiteral("decision_no"), textOrNull(i.decisionNo)},
            {QStringLiteral("decision_date"), Keys::dateValue(i.decisionDate)},
            {QStringLiteral("note"), textOrNull(i.note)}};
}

QVariantMap columns(const Discipline &d)
{
    return {{QStringLiteral("kind"), d.kind},
            {QStringLiteral("start_date"), Keys::dateValue(d.startDate)},
            {QStringLiteral("end_date"), Keys::dateValue(d.endDate)},
            {QStringLiteral("decision_no"), textOrNull(d.decisionNo)},
            {QStringLiteral("note"), textOrNull(d.note)}};
}

} // namespace VinhDanh::Core::Versioning
