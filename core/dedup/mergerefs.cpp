#include "core/dedup/mergerefs_p.h"

#include "core/council/sitting.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/dossiers/dossierrepository.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/minutesrepository.h"
#include "core/error.h"
#include "core/proposals/recordstates.h"
#include "core/proposals/statemachine.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/unitrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace VinhDanh::Core::Dedup::Refs {

namespace {
// Guards of core/proposals/workflowschema.cpp, as conditions over the row r: the merge checks
// them first so a clerk reads why in the preview instead of the database's refusal.
constexpr const char *kAwardIssued = "r.decision_id IS NOT NULL";
constexpr const char *kConfirmationKey = "form_code,year,movement_id,item_id";

QString idList(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const qint64 id : ids)
        parts << QString::number(id); // numbers only: safe to write into the SQL text
    return parts.join(QLatin1Char(','));
}

QVariant variantOf(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QVariant();
    if (v.isDouble()) {
        // JSON numbers come back as doubles; ids and years must bind as integers.
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QVariant(qint64(d));
        return QVariant(d);
    }
    if (v.isBool())
        return QVariant(v.toBool() ? 1 : 0);
    return QVariant(v.toString());
}
} // namespace

const QList<Ref> &refs(Kind kind)
{
    // The workflow's rules as SQL (a closed dossier, an issued decision), made from its codes
    // on the first call (not at start-up: the codes' tables are another file's statics).
    static const QByteArray dossierClosed = QStringLiteral("(SELECT status FROM dossiers WHERE id = r.dossier_id) NOT IN %1")
                                                .arg(Workflow::StateMachine::contentEditableSql())
                                                .toUtf8();
    static const QByteArray ownDossierClosed =
        QStringLiteral("r.status NOT IN %1").arg(Workflow::StateMachine::contentEditableSql()).toUtf8();
    static const QByteArray decisionIssued = QStringLiteral("(SELECT status FROM decisions WHERE id = r.decision_id) = %1")
                                                 .arg(Workflow::decisionStatusSql(Workflow::DecisionStatus::Issued))
                                                 .toUtf8();
    const char *const kDossierClosed = dossierClosed.constData();
    const char *const kOwnDossierClosed = ownDossierClosed.constData();
    const char *const kDecisionIssued = decisionIssued.constData();
    static const QList<Ref> people = {
        {"ratings", "person_id", "id", "year", QT_TRANSLATE_N_NOOP("Dedup", "%n yearly rating(s)"), nullptr, true},
        {"awards", "person_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n award(s) in the ledger"), kAwardIssued, true},
        {"initiative_holders", "person_id", "initiative_id", "initiative_id",
         QT_TRANSLATE_N_NOOP("Dedup", "%n initiative(s) as author"), nullptr, false},
        {"disciplines", "person_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n disciplinary record(s)"), nullptr, true},
        {"dossier_nominees", "person_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n nomination(s) in dossiers"), kDossierClosed,
         true},
        {"decision_awardees", "person_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n place(s) on decisions' lists"),
         kDecisionIssued, true},
        {"eligibility_confirmations", "person_id", "id", kConfirmationKey,
         QT_TRANSLATE_N_NOOP("Dedup", "%n confirmation(s) of standards"), nullptr, true},
        {"review_minutes_subjects", "person_id", "id", "minutes_id", QT_TRANSLATE_N_NOOP("Dedup", "%n mention(s) in bình xét minutes"),
         nullptr, false},
    };
    static const QList<Ref> units = {
        {"units", "parent_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n unit(s) under it"), nullptr, true},
        {"units", "succeeded_by_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n earlier unit(s) it succeeded"), nullptr, true},
        {"people", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n person(s) working in it"), nullptr, true},
        {"ratings", "unit_id", "id", "year", QT_TRANSLATE_N_NOOP("Dedup", "%n yearly rating(s)"), nullptr, true},
        {"awards", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n award(s) in the ledger"), kAwardIssued, true},
        {"disciplines", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n disciplinary record(s)"), nullptr, true},
        {"accounts", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n clerk account(s)"), nullptr, true},
        {"dossiers", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n dossier(s) it proposed"), kOwnDossierClosed, true},
        {"dossier_nominees", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n nomination(s) in dossiers"), kDossierClosed,
         true},
        {"decision_awardees", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n place(s) on decisions' lists"),
         kDecisionIssued, true},
        {"eligibility_confirmations", "unit_id", "id", kConfirmationKey,
         QT_TRANSLATE_N_NOOP("Dedup", "%n confirmation(s) of standards"), nullptr, true},
        {"review_minutes", "unit_id", "id", nullptr, QT_TRANSLATE_N_NOOP("Dedup", "%n bình xét minutes it held"), nullptr, true},
        {"review_minutes_subjects", "unit_id", "id", "minutes_id", QT_TRANSLATE_N_NOOP("Dedup", "%n mention(s) in bình xét minutes"),
         nullptr, false},
    };
    return kind == Kind::Units ? units : people;
}

const char *recordTable(Kind kind)
{
    return kind == Kind::Units ? "units" : "people";
}

QString kindCode(Kind kind)
{
    return kind == Kind::Units ? QStringLiteral("unit") : QStringLiteral("person");
}

QStringList unknownReferences(const Database &db, Kind kind)
{
    const QString target = QLatin1String(recordTable(kind));
    Query q(db.sql(), db.backend() == Backend::Sqlite
                          ? QStringLiteral("SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                                           "WHERE m.type = 'table' AND f.\"table\" = :t")
                          : QStringLiteral("SELECT cl.relname, a.attname FROM pg_constraint c "
                                           "JOIN pg_class cl ON cl.oid = c.conrelid "
                                           "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
                                           "WHERE c.contype = 'f' AND c.confrelid = to_regclass(:t)"));
    q.bind(QStringLiteral(":t"), target).exec();
    QSet<QString> known;
    for (const Ref &r : refs(kind))
        known.insert(r.key());
    QStringList out;
    while (q.next()) {
        const QString key = q.text(0) + QLatin1Char('.') + q.text(1);
        if (!known.contains(key) && !out.contains(key))
            out << key;
    }
    return out;
}

QList<qint64> rowsOf(const Database &db, const Ref &ref, qint64 recordId)
{
    Query q(db.sql(), QStringLiteral("SELECT %1 FROM %2 WHERE %3 = :id ORDER BY %1")
                          .arg(QLatin1String(ref.rowId), QLatin1String(ref.table), QLatin1String(ref.column)));
    q.bind(QStringLiteral(":id"), recordId).exec();
    QList<qint64> out;
    while (q.next())
        out << q.id(0);
    return out;
}

QList<qint64> conflictingRows(const Database &db, const Ref &ref, qint64 keepId, qint64 dropId)
{
    if (!ref.unique)
        return {};
    QStringList same;
    for (const QString &c : QString::fromLatin1(ref.unique).split(QLatin1Char(',')))
        same << QStringLiteral("k.%1 IS NOT DISTINCT FROM d.%1").arg(c);
    Query q(db.sql(), QStringLiteral("SELECT d.%1 FROM %2 d WHERE d.%3 = :drop AND EXISTS (SELECT 1 FROM %2 k "
                                     "WHERE k.%3 = :keep AND %4) ORDER BY d.%1")
                          .arg(QLatin1String(ref.rowId), QLatin1String(ref.table), QLatin1String(ref.column),
                               same.join(QStringLiteral(" AND "))));
    q.bind(QStringLiteral(":drop"), dropId).bind(QStringLiteral(":keep"), keepId).exec();
    QList<qint64> out;
    while (q.next())
        out << q.id(0);
    return out;
}

int lockedRows(const Database &db, const Ref &ref, qint64 recordId)
{
    if (!ref.locked)
        return 0;
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM %1 r WHERE r.%2 = :id AND %3")
                               .arg(QLatin1String(ref.table), QLatin1String(ref.column), QLatin1String(ref.locked)))
        .bind(QStringLiteral(":id"), recordId)
        .scalar(0)
        .toInt();
}

void move(const Database &db, const Ref &ref, const QList<qint64> &rowIds, qint64 from, qint64 to)
{
    const QString bump = ref.versioned ? QStringLiteral(", version = version + 1") : QString();
    // In slices: a unit with thousands of people must not make one statement of megabytes.
    constexpr int kSlice = 500;
    for (qsizetype i = 0; i < rowIds.size(); i += kSlice) {
        Query(db.sql(), QStringLiteral("UPDATE %1 SET %2 = :to%3 WHERE %2 = :from AND %4 IN (%5)")
                            .arg(QLatin1String(ref.table), QLatin1String(ref.column), bump, QLatin1String(ref.rowId),
                                 idList(rowIds.mid(i, kSlice))))
            .bind(QStringLiteral(":to"), to)
            .bind(QStringLiteral(":from"), from)
            .exec();
    }
}

QJsonObject deletedRow(const Database &db, const QString &table, qint64 recordId, const QString &matchColumn, qint64 matchValue)
{
    Query q(db.sql(), QStringLiteral("SELECT old_values FROM audit_log WHERE table_name = :t AND record_id = :id "
                                     "AND action = 'delete' ORDER BY id DESC"));
    q.bind(QStringLiteral(":t"), table).bind(QStringLiteral(":id"), recordId).exec();
    while (q.next()) {
        const QJsonObject row = QJsonDocument::fromJson(q.text(0).toUtf8()).object();
        if (matchColumn.isEmpty() || qint64(row.value(matchColumn).toDouble()) == matchValue)
            return row;
    }
    return {};
}

const RowWriter &writer(const QString &table)
{
    // Each table a merge deletes rows of (the dropped record, the rows set aside, the folded
    // nominations) is written back by its repository's one writer.
    const RowWriter *const writers[] = {&PersonRepository::rows(),
                                        &UnitRepository::unitRows(),
                                        &RecordRepository::ratingRows(),
                                        &RecordRepository::holderRows(),
                                        &Eligibility::ConfirmationRepository::rows(),
                                        &Eligibility::MinutesRepository::subjectRows(),
                                        &Workflow::DossierRepository::nomineeRows()};
    for (const RowWriter *w : writers)
        if (w->table() == table)
            return *w;
    throw Error(QCoreApplication::translate("Dedup", "The merge cannot put back a row of this table."), table);
}

void insertRow(const Database &db, const QString &table, const QJsonObject &values, const QVariantMap &extra)
{
    const RowWriter &rows = writer(table);
    QStringList names;
    QVariantList bound;
    for (const QString &c : rows.restorable()) {
        if (!values.contains(c) && !extra.contains(c))
            continue; // a column the table no longer has, or the database's default (a new id)
        names << c;
        bound << (extra.contains(c) ? extra.value(c) : variantOf(values.value(c)));
    }
    Query q(db.sql(), rows.restore(names));
    for (int i = 0; i < bound.size(); ++i)
        q.bind(QLatin1Char(':') + names[i], bound[i]);
    q.exec();
}

QJsonObject toJson(const QMap<QString, QList<qint64>> &ids)
{
    QJsonObject o;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        QJsonArray a;
        for (const qint64 id : it.value())
            a.append(double(id));
        o.insert(it.key(), a);
    }
    return o;
}

QMap<QString, QList<qint64>> idsFromJson(const QString &json)
{
    QMap<QString, QList<qint64>> out;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        for (const QJsonValue &v : it.value().toArray())
            out[it.key()].append(qint64(v.toDouble()));
    return out;
}

} // namespace VinhDanh::Core::Dedup::Refs
