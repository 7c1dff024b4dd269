#include "ui/registry/unitsview.h"

#include "core/error.h"
#include "core/repo/unitrepository.h"
#include "ui/registry/unitdialog.h"
#include "ui/registry/unitlistmodel.h"
#include "ui/registry/unitpage.h"

#include <QHeaderView>
#include <QTableView>

namespace VinhDanh::Ui {

UnitsView::UnitsView(QWidget *parent) : UnitsView(new UnitListModel, parent) {}

UnitsView::UnitsView(UnitListModel *model, QWidget *parent) : ListPage(model, parent), m_units(model)
{
    table()->setColumnWidth(UnitListModel::Name, 280);
    table()->setColumnWidth(UnitListModel::Kind, 200);
    table()->setColumnWidth(UnitListModel::Parent, 200);
    table()->setColumnWidth(UnitListModel::Bloc, 140);
    table()->setColumnWidth(UnitListModel::ValidTo, 90);
    table()->setColumnWidth(UnitListModel::SucceededBy, 160);
}

qint64 UnitsView::createRecord()
{
    UnitDialog dialog(*database(), 0, this);
    return dialog.exec() == QDialog::Accepted ? dialog.unitId() : 0;
}

bool UnitsView::editRecord(qint64 id)
{
    UnitDialog dialog(*database(), id, this);
    return dialog.exec() == QDialog::Accepted;
}

QString UnitsView::deleteQuestion(const QString &name) const
{
    return tr("Delete the unit “%1”? This cannot be undone.").arg(name);
}

void UnitsView::removeRecord(qint64 id)
{
    Core::UnitRepository(*database()).remove(id);
}

void UnitsView::openRecord(qint64 id)
{
    auto *page = new UnitPage(*database(), id, this);
    connect(page, &UnitPage::changed, this, &UnitsView::recordChangedElsewhere);
    page->open();
}

QString UnitsView::filterTextFor(qint64 id) const
{
    try {
        const auto record = Core::UnitRepository(*database()).get(id);
        return record ? record->name : QString();
    } catch (const Core::Error &) {
        return {}; // the list then simply stays as it is
    }
}

QString UnitsView::countText(int total) const
{
    return tr("%n unit(s) match", nullptr, total);
}

} // namespace VinhDanh::Ui
