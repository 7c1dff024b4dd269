#include "core/audit/bulkwrite.h"

#include "core/audit/auditschema.h"
#include "core/db/changes.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/sqlfunctions.h"
#include "core/db/transaction.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

#include <exception>

namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(BulkWrite)
};

const char *const kOps[] = {"insert", "update", "delete"};

QString hex(const unsigned char *digest)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), crypto_hash_sha256_BYTES).toHex());
}

void initSodium()
{
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
}

void add(QMap<QString, BulkWrite::Count> &counts, const QString &table, const QString &action, qint64 n)
{
    if (n <= 0)
        return;
    BulkWrite::Count &c = counts[table];
    if (action == QLatin1String("insert"))
        c.added += n;
    else if (action == QLatin1String("update"))
        c.changed += n;
    else
        c.deleted += n;
}
} // namespace

BulkWrite::BulkWrite(Database &db, const Transaction &, Source source) : m_db(db), m_source(std::move(source))
{
    if (active(db))
        throw Error(Tr::tr("An import is already being written on this connection; wait for it to finish."),
                    QStringLiteral("bulk-write mode is already on"));
    if (ActorSlot *slot = db.sqliteSlot()) {
        // Writers are serialised on SQLite (BEGIN IMMEDIATE), so every audit row after this one
        // until finish() is ours: the changed and deleted rows are counted from them.
        m_auditBefore = Query(db.sql(), QStringLiteral("SELECT COALESCE(max(id), 0) FROM audit_log")).scalar(0).toLongLong();
        slot->bulkAdded.clear();
        slot->bulk = true;
    } else {
        Query::run(db.sql(), QStringLiteral("SELECT set_config('vinhdanh.bulk', 'on', true)"));
    }
    m_on = true;
}

BulkWrite::~BulkWrite()
{
    switchOff();
}

void BulkWrite::switchOff() noexcept
{
    if (!m_on)
        return;
    m_on = false;
    if (ActorSlot *slot = m_db.sqliteSlot()) {
        slot->bulk = false;
        slot->bulkAdded.clear();
        return;
    }
    // Unwinding from an error: the PostgreSQL transaction is aborted and will be rolled back,
    // which reverts the setting; a statement now would only fail (and QPSQL warn).
    if (std::uncaught_exceptions() > 0)
        return;
    try {
        Query::run(m_db.sql(), QStringLiteral("SELECT set_config('vinhdanh.bulk', '', true)"));
    } catch (const Error &) {
        // A failed statement leaves the PostgreSQL transaction aborted, so this cannot run;
        // the rollback that follows reverts the setting anyway.
    }
}

bool BulkWrite::active(const Database &db)
{
    if (const ActorSlot *slot = db.sqliteSlot())
        return slot->bulk;
    return Query(db.sql(), QStringLiteral("SELECT current_setting('vinhdanh.bulk', true)")).scalar().toString() == QLatin1String("on");
}

QMap<QString, BulkWrite::Count> BulkWrite::finish()
{
    if (!m_on)
        throw Error(Tr::tr("The import's batch was already recorded."), QStringLiteral("BulkWrite::finish called twice"));
    QMap<QString, Count> counts;
    if (ActorSlot *slot = m_db.sqliteSlot()) {
        for (auto it = slot->bulkAdded.cbegin(); it != slot->bulkAdded.cend(); ++it)
            add(counts, QString::fromUtf8(it.key()), QStringLiteral("insert"), it.value());
        Query q(m_db.sql(), QStringLiteral("SELECT table_name, action, count(*) FROM audit_log WHERE id > :before "
                                           "GROUP BY table_name, action"));
        q.bind(QStringLiteral(":before"), m_auditBefore).exec();
        while (q.next())
            add(counts, q.text(0), q.text(1), q.value(2).toLongLong());
    } else {
        // vd_audit counted every row in transaction-local settings, one per action and table.
        QStringList columns;
        QList<QPair<QString, QString>> names;
        for (const AuditSchema::AuditedTable &t : AuditSchema::auditedTables())
            for (const char *op : kOps) {
                columns
                    << QStringLiteral("current_setting('vinhdanh.bulk_%1_%2', true)").arg(QLatin1String(op), QLatin1String(t.table));
                names.append({QString::fromLatin1(t.table), QString::fromLatin1(op)});
            }
        Query q(m_db.sql(), QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")));
        q.exec();
        if (q.next())
            for (int i = 0; i < names.size(); ++i)
                add(counts, names.at(i).first, names.at(i).second, q.value(i).toString().toLongLong());
    }
    // Off before the batch's row goes in: its INSERT must write its audit row (the entry).
    switchOff();
    // The rows added without audit rows of their own: the views hear of their tables (ids not
    // known) through the change notifier, at the commit.
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it->added)
            m_db.changes().record(it.key(), Change::Kind::Added);
    if (counts.isEmpty())
        return counts; // nothing was written: no entry
    QJsonObject json;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        QJsonObject c;
        if (it->added)
            c.insert(QStringLiteral("added"), it->added);
        if (it->changed)
            c.insert(QStringLiteral("changed"), it->changed);
        if (it->deleted)
            c.insert(QStringLiteral("deleted"), it->deleted);
        json.insert(it.key(), c);
    }
    // The audit rows' own time format (ISO UTC with milliseconds), so the log sorts alike.
    Query(m_db.sql(), QStringLiteral("INSERT INTO import_batches (at, actor, source, file_name, file_sha256, row_count, counts) "
                                     "VALUES (:at, vd_actor(), :source, :file, :sha, :rows, :counts)"))
        .bind(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))
        .bind(QStringLiteral(":source"), m_source.kind)
        .bindOptional(QStringLiteral(":file"), m_source.fileName)
        .bindOptional(QStringLiteral(":sha"), m_source.sha256)
        .bind(QStringLiteral(":rows"), m_source.rows)
        .bind(QStringLiteral(":counts"), QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)))
        .exec();
    return counts;
}

QString BulkWrite::sha256(const QByteArray &bytes)
{
    initSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.constData()), quint64(bytes.size()));
    return hex(digest);
}

QString BulkWrite::fileSha256(const QString &path)
{
    initSodium();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Could not read the file \"%1\": %2").arg(path, file.errorString()));
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    // In pieces: a province's file is hundreds of MB, and memory stays flat.
    QByteArray piece(1 << 20, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(piece.data(), piece.size());
        if (n < 0)
            throw Error(Tr::tr("Could not read the file \"%1\": %2").arg(path, file.errorString()));
        if (n == 0)
            break;
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(piece.constData()), quint64(n));
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return hex(digest);
}

BulkWrite::Source BulkWrite::fileSource(const QString &kind, const QString &path, qint64 rows, const QString &sha256)
{
    if (path.isEmpty())
        return Source{kind, {}, {}, rows};
    if (!sha256.isEmpty())
        return Source{kind, QFileInfo(path).fileName(), sha256, rows};
    QString sha;
    try {
        sha = fileSha256(path);
    } catch (const Error &) {
        // Moved or deleted since it was read: the entry names the file without a hash rather
        // than refusing an import the clerk has already checked.
    }
    return Source{kind, QFileInfo(path).fileName(), sha, rows};
}

} // namespace VinhDanh::Core
