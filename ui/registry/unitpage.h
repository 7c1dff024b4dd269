#pragma once

#include "ui/registry/subjectpage.h"

class QModelIndex;
class QTableView;

namespace VinhDanh::Ui {

class PersonListModel;

/// A unit's page: its details, its people, yearly records, award ledger and disciplines
/// (SubjectPage). Opened window-modal from the list; deletes itself when closed.
class UnitPage : public SubjectPage
{
    Q_OBJECT
public:
    UnitPage(Core::Database &db, qint64 unitId, QWidget *parent = nullptr);
    qint64 unitId() const { return subject().unitId; }
    PersonListModel *peopleModel() const { return m_people; }

protected:
    void readDetails() override;
    bool runEditDialog() override;
    void readMore() override;
    const char *logName() const override { return "unit page"; }

private:
    void addPerson();
    void openPerson(const QModelIndex &index);
    void personChanged();

    PersonListModel *m_people;
    QTableView *m_peopleTable;
};

} // namespace VinhDanh::Ui
