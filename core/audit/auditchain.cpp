#include "core/audit/auditchain.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"

#include <QCoreApplication>

#include <sodium.h>

namespace VinhDanh::Core::AuditChain {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AuditChain)
};

// Rows per batch: keyset pages (id > last) keep memory flat and work the same on both
// backends (QPSQL would otherwise fetch a whole result into memory).
constexpr int kBatch = 5000;

const QString kSelect = QStringLiteral("SELECT id, at, actor, action, table_name, record_id, record_key, old_values, "
                                       "new_values, row_hash FROM audit_log WHERE id > :last ORDER BY id LIMIT %1")
                            .arg(kBatch);

/// Text of a value as SQL would give it (record_id as decimal); a null QVariant is NULL.
QByteArray utf8(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::ULongLong)
        return QByteArray::number(v.toLongLong());
    return v.toString().toUtf8();
}

struct Row
{
    qint64 id = 0;
    QVariant values[8]; // at … new_values
    QString stored;
};

QString hashRow(const QString &previous, const Row &r)
{
    QByteArray bytes[9];
    Field fields[9];
    bytes[0] = previous.toUtf8();
    fields[0] = previous.isNull() ? Field{} : Field{bytes[0].constData(), bytes[0].size()};
    for (int i = 0; i < 8; ++i) {
        bytes[i + 1] = utf8(r.values[i]);
        fields[i + 1] = r.values[i].isNull() ? Field{} : Field{bytes[i + 1].constData(), bytes[i + 1].size()};
    }
    return hashFields(fields, 9);
}

/// Reads one batch after `last`; false when there is nothing left.
bool readBatch(const Database &db, qint64 last, QList<Row> &rows)
{
    rows.clear();
    Query q(db.sql(), kSelect);
    q.bind(QStringLiteral(":last"), last).exec();
    while (q.next()) {
        Row r;
        r.id = q.value(0).toLongLong();
        for (int i = 0; i < 8; ++i)
            r.values[i] = q.value(i + 1);
        r.stored = q.value(9).toString();
        rows << r;
    }
    return !rows.isEmpty();
}
} // namespace

QString rowHash(const QString &previousHash, const QString &at, const QVariant &actor, const QString &action, const QString &tableName,
                const QVariant &recordId, const QVariant &recordKey, const QVariant &oldValues, const QVariant &newValues)
{
    Row r;
    r.values[0] = at;
    r.values[1] = actor;
    r.values[2] = action;
    r.values[3] = tableName;
    r.values[4] = recordId;
    r.values[5] = recordKey;
    r.values[6] = oldValues;
    r.values[7] = newValues;
    return hashRow(previousHash, r);
}

Verification verify(const Database &db, const std::function<bool(qint64)> &progress)
{
    Permissions::require(db, Permissions::Action::ViewAudit);
    Verification v;
    QString previous; // null: the first row has no predecessor
    qint64 last = 0;
    QList<Row> rows;
    while (readBatch(db, last, rows)) {
        for (const Row &r : rows) {
            const QString expected = hashRow(previous, r);
            if (r.stored.isEmpty() || r.stored != expected) {
                v.intact = false;
                v.missingHash = r.stored.isEmpty();
                v.brokenId = r.id;
                v.previousId = last;
                v.brokenAt = r.values[0].toString();
                v.brokenAction = r.values[2].toString();
                v.brokenTable = r.values[3].toString();
                v.brokenRecord = r.values[5].isNull() ? QString::fromUtf8(utf8(r.values[4])) : r.values[5].toString();
                return v;
            }
            ++v.rows;
            previous = r.stored;
            last = r.id;
        }
        v.lastId = last;
        v.lastHash = previous;
        if (progress && !progress(v.rows))
            break;
    }
    return v;
}

void fill(Database &db)
{
    QString previous;
    qint64 last = 0;
    QList<Row> rows;
    while (readBatch(db, last, rows)) {
        Query update(db.sql(), QStringLiteral("UPDATE audit_log SET row_hash = :h WHERE id = :id"));
        for (const Row &r : rows) {
            previous = hashRow(previous, r);
            update.bind(QStringLiteral(":h"), previous).bind(QStringLiteral(":id"), r.id).exec();
            last = r.id;
        }
    }
}

QString Verification::summary() const
{
    if (intact) {
        if (rows == 0)
            return Tr::tr("The audit log is empty; there is nothing to verify.");
        return Tr::tr("The audit log is intact: %n row(s) verified; the newest is #%1 (hash %2…).", nullptr, int(rows))
            .arg(lastId)
            .arg(lastHash.left(16));
    }
    const QString row = Tr::tr("#%1 (%2, %3 of %4 %5)").arg(brokenId).arg(brokenAt, brokenAction, brokenTable, brokenRecord);
    if (missingHash)
        return Tr::tr("The audit log is broken at row %1: it has no hash, so it was written past the audit triggers.").arg(row);
    if (previousId == 0)
        return Tr::tr("The audit log is broken at row %1, the first row: it was changed, or older rows were deleted.").arg(row);
    return Tr::tr("The audit log is broken at row %1: it was changed, or rows between #%2 and it were deleted "
                  "or inserted.")
        .arg(row)
        .arg(previousId);
}

} // namespace VinhDanh::Core::AuditChain
