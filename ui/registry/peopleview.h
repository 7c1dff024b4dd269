#pragma once

#include "ui/widgets/listpage.h"

namespace VinhDanh::Ui {

class PersonListModel;
class UnitPicker;

/// The People page (Cá nhân): the people list, filtered by name as you type and optionally
/// by unit, with new / edit / delete and the person's page on double-click.
class PeopleView : public ListPage
{
    Q_OBJECT
public:
    explicit PeopleView(QWidget *parent = nullptr);
    PersonListModel *personModel() const { return m_people; }
    UnitPicker *unitFilter() const { return m_unitFilter; }

    void setDatabase(Core::Database *db) override;

public slots:
    /// Refills the unit filter (after units were added, renamed or deleted).
    void refreshUnits();

protected:
    qint64 createRecord() override;
    bool editRecord(qint64 id) override;
    QString deleteQuestion(const QString &name) const override;
    void removeRecord(qint64 id) override;
    void openRecord(qint64 id) override;
    QString countText(int total) const override;
    QString filterTextFor(qint64 id) const override;
    bool isFiltered() const override;
    void reloadAfter(const Core::ChangeSet &changes) override;

private:
    PeopleView(PersonListModel *model, QWidget *parent);
    void applyUnitFilter();

    PersonListModel *m_people;
    UnitPicker *m_unitFilter;
};

} // namespace VinhDanh::Ui
