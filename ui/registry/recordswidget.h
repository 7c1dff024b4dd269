#pragma once

#include "core/registry/recordrepository.h"
#include "core/registry/registry.h"

#include <QTabWidget>
#include <QVariant>

class QTableWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// One table of a record page with Add / Edit / Remove buttons. Each row carries a key (an
/// id, or the year for ratings) that the requests pass back.
class RecordSection : public QWidget
{
    Q_OBJECT
public:
    /// `list` names the section's remembered columns (ui/widgets/columns.h); `wide` get the room left.
    RecordSection(const QStringList &headers, const QString &list, const QList<int> &wide, QWidget *parent = nullptr);

    void setRows(const QList<QStringList> &rows, const QList<QVariant> &keys);
    /// The selected row's key; invalid when nothing is selected.
    QVariant currentKey() const;
    QTableWidget *table() const { return m_table; }

signals:
    void addRequested();
    void editRequested(const QVariant &key);
    void removeRequested(const QVariant &key);

private:
    QTableWidget *m_table;
};

/// The tabs a person's or a unit's page shares: yearly records (rating and titles), the award
/// ledger, initiatives (people only) and disciplines, each editable through its small dialog.
class RecordsWidget : public QTabWidget
{
    Q_OBJECT
public:
    RecordsWidget(Core::Database &db, const Core::Subject &subject, QWidget *parent = nullptr);

    /// Reads every section again; shows a read failure in place of the rows.
    void reload();

signals:
    /// A record was added, changed or removed.
    void changed();

private:
    void loadYears(Core::RecordRepository &repo);
    void loadAwards(Core::RecordRepository &repo);
    void loadInitiatives(Core::RecordRepository &repo);
    void loadDisciplines(Core::RecordRepository &repo);

    void editRating(const QVariant &year);
    void removeRating(const QVariant &year);
    void editAward(const QVariant &id);
    void removeAward(const QVariant &id);
    void editInitiative(const QVariant &id);
    void removeInitiative(const QVariant &id);
    void editDiscipline(const QVariant &id);
    void removeDiscipline(const QVariant &id);

    /// Asks, runs `remove` (which may throw Core::Error) and reloads; shows why it could not.
    template<typename F>
    void confirmRemove(const QString &question, F remove);
    bool runDialog(QDialog &dialog);

    Core::Database &m_db;
    Core::Subject m_subject;
    RecordSection *m_years;
    RecordSection *m_awards;
    RecordSection *m_initiatives = nullptr;
    RecordSection *m_disciplines;
    QList<Core::Rating> m_ratingCache;
    QList<Core::AwardRow> m_awardCache;
    QList<Core::Initiative> m_initiativeCache;
    QList<Core::Discipline> m_disciplineCache;
};

} // namespace VinhDanh::Ui
