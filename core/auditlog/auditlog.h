#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace VinhDanh::Core {

class Database;

/// How a clerk reads an actor as Database::actorName() records it (audit log, history, "by"
/// columns): an account's username as it is; an operating-system login, stored as "os:root"
/// when the database has no accounts, as "root (computer account)", translated. Empty stays
/// empty. JSON output, filters and the CLI's --codes keep the stored value.
QString actorWords(const QString &actor);

/// One row of audit_log: who changed which record, when, and its values before and after
/// (JSON objects of column → value; empty for the side that does not exist).
struct AuditEntry
{
    qint64 id = 0;
    QString at; // ISO UTC, e.g. 2025-03-01T08:15:02.120Z
    QString actor;
    QString action; // insert | update | delete
    QString table;
    qint64 recordId = 0;
    QString recordKey;
    QString oldValues;
    QString newValues;
};

struct AuditFilter
{
    QString actor; // exact account name, or an OS login with or without its "os:" prefix
    QString table; // e.g. "people"
    qint64 recordId = 0;
    QString recordKey; // exact external key (or username for accounts)
    QString action;    // insert | update | delete; empty = all
    QDate from;        // inclusive, by UTC date
    QDate to;          // inclusive
    int limit = 0;     // 0 = all
    int offset = 0;
};

/// Reads the audit log (reading needs Permissions::Action::ViewAudit). Writing is done only by
/// the database triggers; there is deliberately no way to change or remove a row.
class AuditLog
{
public:
    explicit AuditLog(Database &db) : m_db(db) {}

    /// Newest first.
    QList<AuditEntry> entries(const AuditFilter &filter) const;
    int count(const AuditFilter &filter) const;
    /// The names that appear as actors, for the view's filter.
    QStringList actors() const;

    /// An export of the rows `filter` matches as "csv", "json" or "text", with CCCD numbers and
    /// birth dates masked (masked()) unless `unmasked` — which only an administrator may ask for
    /// (Action::ExportPersonalData). Every export is recorded in audit_exports (who, when, format,
    /// unmasked, row count), itself an audited table, so an unmasked export leaves its own trace.
    /// On a database opened read-only nothing can be recorded: only masked exports are allowed.
    /// `rawActors`: text shows the stored actor ("os:root", the CLI's --codes), not actorWords().
    QByteArray exportEntries(const AuditFilter &filter, const QString &format, bool unmasked = false, bool rawActors = false);

    /// The entry with the personal-data columns (cccd, birth_date) of its values replaced by a
    /// mask; a null value stays null, so the export still shows that the field was set or cleared.
    static AuditEntry masked(const AuditEntry &entry);
    static const QString &mask();
    /// RFC 4180 CSV with a header row, UTF-8 (with BOM so Excel reads Vietnamese right).
    /// `maskPersonal`: values and changes show mask() for cccd and birth_date.
    static QByteArray csv(const QList<AuditEntry> &entries, bool maskPersonal = false);
    /// A JSON array, one object per entry (values before and after as objects), UTF-8.
    static QByteArray json(const QList<AuditEntry> &entries, bool maskPersonal = false);
    /// One line per entry in words (AuditText: time, who, thêm/sửa/xoá, the table as a noun, the
    /// record's name, the changed fields as the forms label them; `names` turns ids into names).
    /// `rawActors` (the CLI's --codes): the stored codes instead — ISO time, "os:root", table
    /// and column names.
    static QString text(const QList<AuditEntry> &entries, bool maskPersonal = false, bool rawActors = false,
                        Database *names = nullptr);
    /// The columns whose values differ between before and after, "name: old → new" (with
    /// `maskPersonal`, a changed CCCD reads "cccd: *** → ***": changed, but not what to).
    static QStringList changes(const AuditEntry &entry, bool maskPersonal = false);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core
