#pragma once

// Who a row of an award or discipline list is about, and reading its cells: shared by both
// lists (core/tables/awardimport.cpp, disciplineimport.cpp).

#include "core/registry/registry.h"
#include "core/tables/awardmapping.h"
#include "core/tables/table.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

/// Reads the rows of a mapped award or discipline list against the registry, loaded once.
///
/// The subject rule: a row whose name (or key) cell is filled is about that person, who must be
/// in the registry already (import the staff list first) and is matched as the staff import
/// matches: by key (whose stored name must agree), else by full name + birth date + unit, and
/// when the list gives no birth date, by name + unit if only one person there has the name.
/// A key that matches nobody is an error unless name + birth date find exactly one person
/// (then that person, with Found::warning).
/// A row whose "Tập thể" cell is filled and name cell empty is about that unit (its key or
/// name). Both filled, or neither, is an error.
class SubjectReader
{
public:
    SubjectReader(Database &db, const Sheet &sheet, const RecordMapping &mapping);

    struct Found
    {
        Subject subject;
        QString name; // the person's or unit's name as stored
        // For the preview's warnings: a key matching nobody, the person taken by name and
        // birth date instead (see byUnknownKey()). Empty otherwise.
        QString warning;
    };
    /// The row's subject, or nullopt with the reasons added to `errors`. Also refuses a cell the
    /// file gives no value for (a formula never computed) or a yes/no cell in a mapped column.
    std::optional<Found> subject(const Row &row, QStringList &errors) const;

    /// The cleaned text of the row's `field` column ("" when there is none or it is empty).
    QString text(const Row &row, RecordField field) const;
    QString text(const Row &row, int column) const;
    /// The date of the row's `field` column (null when empty); an impossible one is an error.
    QDate date(const Row &row, RecordField field, QStringList &errors) const;
    /// "column C (Ngày QĐ): …"
    QString at(int column, const QString &problem) const;
    /// The name of the row's subject as written (for the preview's name column).
    QString writtenName(const Row &row) const;
    /// Nothing in the mapped columns: a numbered blank line of a template.
    bool isBlank(const Row &row) const;
    /// The row's cells as text (for the rejected-rows file).
    QStringList cells(const Row &row) const;

private:
    std::optional<Found> person(const Row &row, QStringList &errors) const;
    std::optional<Found> unit(const QString &typed, int column, QStringList &errors) const;
    std::optional<Found> byUnknownKey(const Row &row, const QString &key, const QString &name, QStringList &errors) const;
    bool unitEditable(qint64 unitId) const;

    const Sheet &m_sheet;
    const RecordMapping &m_map;
    QHash<QString, qint64> m_unitByKey;
    QHash<QString, QList<qint64>> m_unitsByName; // folded name → ids
    QHash<qint64, QString> m_unitNames;
    std::optional<QSet<qint64>> m_editable; // a clerk's subtree; nullopt = every unit
    QHash<QString, qint64> m_personByKey;
    QHash<QString, QList<qint64>> m_peopleByIdentity;  // folded name|birth|unit → ids
    QHash<QString, QList<qint64>> m_peopleByNameUnit;  // folded name|unit → ids
    QHash<QString, QList<qint64>> m_peopleByNameBirth; // folded name|birth → ids
    QHash<qint64, QString> m_personKeys;
    QHash<qint64, QString> m_personNames;
    QHash<qint64, qint64> m_personUnit;
};

} // namespace VinhDanh::Core::Tables
