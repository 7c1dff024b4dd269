#pragma once

#include "core/registry/keys.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

/// The keys records had before short keys (issue 16): a generated "person-<UUID>" is replaced
/// by a key a clerk can say (schema step 16), and the old one kept as an alias that every
/// look-up by key still accepts (Lookup::idForKey; the interchange importer through Aliases).
namespace VinhDanh::Core::Keys {

/// Whether `key` is one the program generated (Keys::generate: a lowercase prefix, a dash and a
/// UUID), not one an office typed or a short one.
bool isGenerated(const QString &key);

/// Whether `table` is one whose old keys may have aliases (blocs, units, people, movements).
bool hasAliases(const char *table);

/// Schema step 16: every bloc, unit, person and movement whose key is generated gets the next
/// short key (KTD003, DV0007, CN000123, PT004, in id order), its search text follows, and the
/// old key becomes an alias. A merged-away person or unit whose merge stands gets one too, in
/// registry_merges, so an undo brings it back under a short key. Runs inside the ladder's
/// transaction; the audit log records each change.
void replaceGenerated(Database &db);

/// The aliases of one table, read once: the importer writes records by key (ON CONFLICT on
/// ext_key), so an old key must become the record's current one before the write.
/// Adds the old keys of `table` (blocs, units, people, movements) to a key → id map read from
/// it, for readers that hold their own index of keys (the spreadsheet imports): a template
/// filled before the upgrade still names its units by their old keys. A key the map already
/// holds wins; nothing on a database without aliases.
void addOldKeys(const Database &db, const char *table, QHash<QString, qint64> &byKey);

class Aliases
{
public:
    Aliases(const Database &db, const char *table);
    /// The record's current key for an old one; any other key as it is.
    QString current(const QString &key) const { return m_current.value(key, key); }

private:
    QHash<QString, QString> m_current;
};

/// This database's office id (schema_info "office_id"): a UUID made once, when the database
/// is made or upgraded to schema 17, and kept by a backup, a restore and an import into a new
/// file. The interchange export writes it in the file's header, and the import tells an
/// office's own file (matched by key, as always) from another office's (docs/interchange.md).
/// Empty on a database older than schema 17 (during its own upgrade).
QString officeId(const Database &db);
/// The office's name for messages: its letterhead's issuing body ("letterhead.body"), as
/// stored (its lines kept); empty when the letterhead has none.
QString officeName(const Database &db);
/// Schema step 17: gives the database its office id, a new UUID.
void makeOfficeId(Database &db);
/// A database becomes a copy of the office that wrote a file (import --new, or --same-office
/// into a database with no registry records): it takes the office's id, and its letterhead
/// body when it has none. Its former id stays known as one of this office's (its earlier
/// files still match by key). In the caller's transaction.
void takeOfficeIdentity(Database &db, const QString &id, const QString &name);

/// What this database knows of the office id in a file's header.
enum class KnownOffice {
    Unknown, ///< never seen: the import must be told whose the file is
    This,    ///< this database's own id
    Same,    ///< another id of this office (a file imported with --same-office)
    Other,   ///< another office, whose files were imported with --other-office
};
KnownOffice knownOffice(const Database &db, const QString &id);
/// Remembers `id` as another id of this office, or as another office's (schema_info rows
/// "same_office:<id>" / "other_office:<id>", the office's name as the value for whoever reads
/// the table). Only the interchange import calls them, in its transaction.
void rememberSameOffice(Database &db, const QString &id, const QString &name);
void rememberOtherOffice(Database &db, const QString &id, const QString &name);

/// The keys one other office's records have in this database, for one table (blocs, units,
/// people, movements, awards, initiatives, disciplines), read once from office_key_aliases.
/// The interchange import asks it for the key under which to write each record of that
/// office's file (record()) and under which to find each record the file refers to (current()).
/// The only writer of office_key_aliases.
class OfficeKeys
{
public:
    OfficeKeys(Database &db, QString officeId, const char *table);
    /// The key the file's record `fileKey` is written under here, decided on its first call:
    /// the key given to it by an earlier file of the office; else the file's key when no
    /// record here has it and no other name points at it (takenHere) (or it is a generated key, "person-<UUID>", which only the record
    /// it was made for can have); else a new key from the issuer that no record here and no
    /// record of `fileKeys` (every key of the file's section) has. Each decision is stored (in
    /// the import's transaction), so the office's next file finds it.
    QString record(const QString &fileKey, const QSet<QString> &fileKeys);
    /// The key here of a record the file names: the one decided or stored for it, else the key
    /// as it is (a record of this database the file refers to).
    QString current(const QString &fileKey) const { return m_local.value(fileKey, fileKey); }
    /// How many of the file's records got a new key (a key other than the file's).
    int renamed() const { return m_renamed; }

private:
    bool takenHere(const QString &key);

    Database &m_db;
    QString m_office;
    const char *m_table;
    QHash<QString, QString> m_local; // the file's key → the key here
    QSet<QString> m_given;           // keys given by this import, maybe not written yet (rows go in by chunks)
    std::optional<ShortKeys> m_issuer;
    int m_renamed = 0;
};

} // namespace VinhDanh::Core::Keys
