#pragma once

#include "core/registry/registry.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace VinhDanh::Core {

class Database;
class RowWriter;

/// One row of the people list. Deliberately without CCCD or birth date: personal data is
/// shown only on the person's own page and form.
struct PersonRow
{
    qint64 id = 0;
    QString key;
    QString fullName;
    QString gender;   // code
    QString category; // code
    QString position;
    QString unitName;
};

class PersonRepository
{
public:
    /// Name sorts the Vietnamese way: by given name, then the whole name.
    enum class Sort { Name, Unit, Category, Key };

    explicit PersonRepository(Database &db) : m_db(db) {}

    /// The people table's one INSERT (core/registry/rowwriter.h): the importer, the staff-list
    /// commit and the demo build theirs from it.
    static const RowWriter &rows();

    int count(const QString &filter = {}, qint64 unitId = 0) const;
    /// count(), stopping at limit + 1: a common name's list shows "more than 1,000" without
    /// counting every Nguyễn (a count is a full read on both engines).
    int countUpTo(int limit, const QString &filter = {}, qint64 unitId = 0) const;
    /// unitId > 0 limits the page to the people of that unit.
    QList<PersonRow> page(const QString &filter, Sort sort, bool ascending, int offset, int limit, qint64 unitId = 0) const;
    /// Where person `id` stands in the list page() reads with the same filter, sort and unit:
    /// the number of rows before it, or -1 when it is not in that list (so a list can jump to a
    /// record sorted past the pages it has read).
    int positionOf(qint64 id, const QString &filter, Sort sort, bool ascending, qint64 unitId = 0) const;

    std::optional<Person> get(qint64 id) const;
    qint64 idForKey(const QString &key) const;
    QString keyForId(qint64 id) const;
    QString name(qint64 id) const;

    /// Inserts or updates; validates, checks the CCCD is not someone else's. Returns the id.
    qint64 save(Person &person);

    /// Saves many people (a staff list imported from Excel) with the statements prepared once
    /// and each unit's permission checked once: each person is validated, checked and audited
    /// as save() does, inside the caller's transaction (which a failure must roll back). save()
    /// writes through one as well, so people have one writer.
    class Batch
    {
    public:
        explicit Batch(Database &db);
        ~Batch();
        qint64 save(Person &person);

        /// For many new people (id 0) at once (issue 15: on PostgreSQL every statement is a
        /// round trip). checkNew() cleans, validates and checks one as save() does and gives
        /// it a key; insertChecked() then writes them with multi-row INSERTs and fills in
        /// each one's id and version.
        void checkNew(Person &person);
        void insertChecked(QList<Person> &people);
        /// Looks up who holds these CCCD numbers, 500 a query, so that checkNew() and save()
        /// of people carrying them ask nothing more (a staff list's numbers, before its commit).
        void prefetchCccds(const QStringList &numbers);

    private:
        struct Statements;
        void requireUnit(qint64 unitId);
        void insertByCopy(QList<Person> &people);
        /// Error when another person (stored, or new in this batch) holds `person`'s CCCD.
        void requireFreeCccd(const Person &person);
        Database &m_db;
        std::unique_ptr<Statements> m_statements;
        QSet<qint64> m_unitsChecked;
    };
    QStringList dependents(qint64 id) const;
    void remove(qint64 id);

private:
    Database &m_db;
};

} // namespace VinhDanh::Core
