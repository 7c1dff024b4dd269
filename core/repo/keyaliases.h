#pragma once

#include <QHash>
#include <QString>

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

} // namespace VinhDanh::Core::Keys
