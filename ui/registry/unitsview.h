#pragma once

#include "ui/registry/listpage.h"

namespace VinhDanh::Ui {

class UnitListModel;

/// The Units page (Đơn vị): the unit list with filter, new / edit / delete, and the unit's
/// page on double-click.
class UnitsView : public ListPage
{
    Q_OBJECT
public:
    explicit UnitsView(QWidget *parent = nullptr);
    UnitListModel *unitModel() const { return m_units; }

protected:
    qint64 createRecord() override;
    bool editRecord(qint64 id) override;
    QString deleteQuestion(const QString &name) const override;
    void removeRecord(qint64 id) override;
    void openRecord(qint64 id) override;
    QString countText(int total) const override;
    QString filterTextFor(qint64 id) const override;

private:
    UnitsView(UnitListModel *model, QWidget *parent);
    UnitListModel *m_units;
};

} // namespace VinhDanh::Ui
