#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class RecordsWidget;

/// A person's page: details (the one page where the CCCD and birth date appear), yearly
/// records, award ledger, initiatives and disciplines. Window-modal; deletes itself on close.
class PersonPage : public QDialog
{
    Q_OBJECT
public:
    PersonPage(Core::Database &db, qint64 personId, QWidget *parent = nullptr);
    qint64 personId() const { return m_personId; }
    RecordsWidget *records() const { return m_records; }

signals:
    void changed();

private:
    void loadDetails();
    void editPerson();

    Core::Database &m_db;
    qint64 m_personId;
    QLabel *m_title;
    QFormLayout *m_details;
    RecordsWidget *m_records;
};

} // namespace VinhDanh::Ui
