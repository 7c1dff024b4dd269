#pragma once

#include "core/domain/movement.h"

#include <QList>

#include <optional>

namespace VinhDanh::Core {

class Database;

/// Movements: the read-only catalogue (the seed plans) and the office's own.
class MovementRepository
{
public:
    explicit MovementRepository(Database &db) : m_db(db) {}

    /// All movements, catalogue first, then by name; the filter ignores case and diacritics.
    QList<MovementSummary> list(const QString &filter = {}) const;
    std::optional<Movement> get(qint64 id) const;
    qint64 idForKey(const QString &key) const;
    QString keyForId(qint64 id) const;

    /// Saves a user movement (insert when id == 0). Catalogue movements are refused: copy first.
    qint64 save(Movement &movement);
    /// Copies any movement (usually from the catalogue) into a new, editable one.
    qint64 copy(qint64 id);
    /// Deletes a user movement that no award refers to.
    void remove(qint64 id);

    /// Inserts or replaces a catalogue movement (used when a database is created).
    void upsertCatalogue(const Movement &movement);
    /// Gives a user movement a new key and, where it was copied from `oldKey`, points the
    /// copies at `key` (schema step 16 only: no permission check, inside its transaction).
    void rekey(qint64 id, const QString &oldKey, const QString &key);

    /// Checks what a save needs: name, period, codes. Empty = valid.
    static QStringList validate(const Movement &movement);

private:
    qint64 write(Movement &movement);
    Database &m_db;
};

} // namespace VinhDanh::Core
