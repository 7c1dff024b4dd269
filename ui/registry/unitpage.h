#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;
class QModelIndex;
class QTableView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class PersonListModel;
class RecordsWidget;

/// A unit's page: its details, its people, yearly records, award ledger and disciplines.
/// Opened window-modal from the list; deletes itself when closed.
class UnitPage : public QDialog
{
    Q_OBJECT
public:
    UnitPage(Core::Database &db, qint64 unitId, QWidget *parent = nullptr);
    qint64 unitId() const { return m_unitId; }
    PersonListModel *peopleModel() const { return m_people; }
    RecordsWidget *records() const { return m_records; }

signals:
    /// The unit, one of its people or one of its records was written.
    void changed();

private:
    void loadDetails();
    void editUnit();
    void addPerson();
    void openPerson(const QModelIndex &index);
    void personChanged();

    Core::Database &m_db;
    qint64 m_unitId;
    QLabel *m_title;
    QFormLayout *m_details;
    PersonListModel *m_people;
    QTableView *m_peopleTable;
    RecordsWidget *m_records;
};

} // namespace VinhDanh::Ui
