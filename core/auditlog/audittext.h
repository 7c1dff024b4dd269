#pragma once

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {

class Database;
struct AuditEntry;

/// The audit log in the words a leader reads (issue 16 item 1): tables as Vietnamese nouns,
/// columns as the forms label them, values as the forms show them (code labels, dd/MM/yyyy,
/// names instead of ids, có/không), the action as thêm / sửa / xoá and "who" never empty.
/// The GUI's audit view and the CLI's text output use it; JSON, CSV and --codes keep the
/// stored codes. Internal columns (id, version, ext_key, search_key, …) are left out.
class AuditText
{
public:
    /// `db`, when given, turns ids of people, units, movements, … and account names into names
    /// (looked up once each and cached); without it an id reads "#12".
    explicit AuditText(Database *db = nullptr);

    /// "hồ sơ đề nghị" for "dossiers"; an unknown table (a newer schema) reads as itself.
    static QString tableNoun(const QString &table);
    /// The label of a column as the form names it ("Số tờ trình" for dossiers.letter_no), or
    /// an empty string for an internal column the leader never sees.
    static QString fieldLabel(const QString &table, const QString &column);
    /// "thêm", "sửa", "xoá".
    static QString actionWord(const QString &action);
    /// An ISO UTC time ("2025-03-01T08:15:02.120Z") as local dd/MM/yyyy HH:mm.
    static QString when(const QString &at);

    /// Who made the change, never empty: an account as "Full Name (username)", an operating
    /// system login ("os:root") as "root (computer account)".
    QString who(const QString &actor) const;
    /// A stored value as the form shows it.
    QString value(const QString &table, const QString &column, const QJsonValue &v) const;
    /// What the row is, for people: its name, title or number, else its key or "#id".
    QString recordName(const AuditEntry &entry) const;

    struct Field
    {
        QString label;
        QString before; // empty when that side does not exist
        QString after;
        bool changed = false;
    };
    /// Every shown column of the entry, in the table's column order when known (else by name).
    QList<Field> fields(const AuditEntry &entry, bool maskPersonal = false) const;
    /// What changed: "Số tờ trình: 12/TTr → 14/TTr" for an update, "Họ và tên: …" (set values
    /// only) for an insert or delete.
    QStringList changes(const AuditEntry &entry, bool maskPersonal = false) const;
    /// One line: time, who, action, table, record, changes. A bulk import's entry reads
    /// "Imported 10,000 rows from the file X (SHA-256 …): added 9,800 individuals, …".
    QString line(const AuditEntry &entry, bool maskPersonal = false) const;
    /// A bulk import's entry (an insert into import_batches) as that sentence, without time and who.
    QString batchText(const AuditEntry &entry) const;

private:
    QString nameOf(const QString &column, qint64 id) const;
    QString formName(const QString &code) const;
    QString itemLabel(const QString &itemId) const;

    Database *m_db = nullptr;
    mutable QHash<QString, QString> m_cache; // "column:id" or "form:code" or "account:name" → words
};

} // namespace VinhDanh::Core
