#include "ui/registry/peopleview.h"

#include "core/db/changes.h"

#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "ui/registry/persondialog.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/personpage.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/formwidgets.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTableView>

namespace VinhDanh::Ui {

PeopleView::PeopleView(QWidget *parent) : PeopleView(new PersonListModel, parent) {}

PeopleView::PeopleView(PersonListModel *model, QWidget *parent)
    : ListPage(model, parent), m_people(model), m_unitFilter(new UnitPicker(this))
{
    m_unitFilter->setObjectName(QStringLiteral("unitFilter"));
    auto *label = new QLabel(tr("Un&it:"), this);
    label->setBuddy(m_unitFilter);
    filterRow()->addWidget(label);
    filterRow()->addWidget(m_unitFilter, 1);
    connect(m_unitFilter, &QComboBox::currentIndexChanged, this, &PeopleView::applyUnitFilter);
    // Nine "Nguyễn Văn An" are told apart by their unit: the name and the unit get the room.
    Columns::remember(table(), QStringLiteral("people"), {PersonListModel::Name, PersonListModel::Unit});
    // The list shows each person's unit: a unit renamed or merged anywhere reads it again.
    watchTables({QStringLiteral("people"), QStringLiteral("units")});
}

void PeopleView::reloadAfter(const Core::ChangeSet &changes)
{
    if (changes.touches({QStringLiteral("units")}))
        refreshUnits();
    reload();
}

void PeopleView::setDatabase(Core::Database *db)
{
    // The unit filter of the previous database means nothing in the next one.
    m_unitFilter->blockSignals(true);
    m_unitFilter->clear();
    m_unitFilter->blockSignals(false);
    m_people->setUnitId(0);
    ListPage::setDatabase(db);
    refreshUnits();
}

void PeopleView::refreshUnits()
{
    // Refilling must not reload the list through currentIndexChanged on every step.
    const QSignalBlocker block(m_unitFilter);
    if (!database()) {
        m_unitFilter->clear();
        return;
    }
    try {
        const QList<Core::IdName> units = Core::UnitRepository(*database()).visibleNames();
        // The picker's model fills a row at a time, and the completer over it filters its
        // folded names again at every row: 2,400 units of a province took 0.6 s (n²). Detached
        // meanwhile, the completer reads the filled model once when it is given back.
        QCompleter *completer = m_unitFilter->completer();
        QAbstractItemModel *names = completer ? completer->model() : nullptr;
        if (completer)
            completer->setModel(nullptr); // not its parent: the model is not deleted
        m_unitFilter->setUnits(units, tr("(all units)"));
        if (completer)
            completer->setModel(names);
    } catch (const Core::Error &e) {
        m_unitFilter->clear();
        m_unitFilter->setToolTip(e.message());
    }
    m_unitFilter->setUnitId(m_people->unitId());
}

void PeopleView::applyUnitFilter()
{
    const qint64 unitId = m_unitFilter->unitId();
    if (unitId >= 0)
        m_people->setUnitId(unitId);
}

qint64 PeopleView::createRecord()
{
    PersonDialog dialog(*database(), 0, m_people->unitId(), this);
    return dialog.exec() == QDialog::Accepted ? dialog.personId() : 0;
}

bool PeopleView::editRecord(qint64 id)
{
    PersonDialog dialog(*database(), id, 0, this);
    return dialog.exec() == QDialog::Accepted;
}

QString PeopleView::deleteQuestion(const QString &name) const
{
    return tr("Delete the person “%1”? This cannot be undone.").arg(name);
}

void PeopleView::removeRecord(qint64 id)
{
    Core::PersonRepository(*database()).remove(id);
}

void PeopleView::openRecord(qint64 id)
{
    auto *page = new PersonPage(*database(), id, this);
    connect(page, &PersonPage::changed, this, &PeopleView::recordChangedElsewhere);
    page->open();
}

bool PeopleView::isFiltered() const
{
    return ListPage::isFiltered() || m_people->unitId() > 0;
}

QString PeopleView::filterTextFor(qint64 id) const
{
    try {
        const auto record = Core::PersonRepository(*database()).get(id);
        return record ? record->fullName : QString();
    } catch (const Core::Error &) {
        return {}; // the list then simply stays as it is
    }
}

QString PeopleView::countText(int total) const
{
    if (const int atLeast = model()->totalAtLeast(); atLeast > 0)
        return tr("More than %1 people match: type more of the name").arg(QLocale().toString(atLeast));
    return tr("%n person(s) match", nullptr, total);
}

} // namespace VinhDanh::Ui
