#include "ui/registry/unitpage.h"

#include "core/domain/codes.h"
#include "core/registry/unitrepository.h"
#include "ui/registry/persondialog.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/personpage.h"
#include "ui/registry/recordswidget.h"
#include "ui/registry/unitdialog.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/formwidgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>

namespace VinhDanh::Ui {

UnitPage::UnitPage(Core::Database &db, qint64 unitId, QWidget *parent)
    : SubjectPage(db, Core::Subject::unit(unitId), QStringLiteral("bao-cao-tap-the"), tr("&Edit unit…"), parent),
      m_people(new PersonListModel(this)), m_peopleTable(new QTableView(this))
{
    // The people of the unit, sorted and paged like the People page.
    m_people->setUnitId(unitId);
    m_people->setDatabase(&m_db);
    m_peopleTable->setObjectName(QStringLiteral("people"));
    m_peopleTable->setModel(m_people);
    m_peopleTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peopleTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peopleTable->verticalHeader()->hide();
    m_peopleTable->setWordWrap(false);
    m_peopleTable->setAlternatingRowColors(true);
    m_peopleTable->setColumnHidden(PersonListModel::Unit, true); // always this unit: hidden before remember(), not offered
    Columns::remember(m_peopleTable, QStringLiteral("unitPeople"), {PersonListModel::Name});
    // activated: a double click, or Enter on the current row.
    connect(m_peopleTable, &QTableView::activated, this, &UnitPage::openPerson);
    auto *addPersonButton = new QPushButton(tr("&Add person…"), this);
    connect(addPersonButton, &QPushButton::clicked, this, &UnitPage::addPerson);
    auto *peopleTab = new QWidget(this);
    auto *peopleLayout = new QHBoxLayout(peopleTab);
    peopleLayout->addWidget(m_peopleTable, 1);
    peopleLayout->addWidget(addPersonButton, 0, Qt::AlignTop);
    records()->insertTab(0, peopleTab, tr("People"));
    records()->setCurrentIndex(0);
    loadDetails();
    resize(900, 640);
}

void UnitPage::readDetails()
{
    Core::UnitRepository repo(m_db);
    const std::optional<Core::Unit> unit = repo.get(unitId());
    if (!unit) {
        setTitle(tr("This unit no longer exists."));
        return;
    }
    setWindowTitle(tr("Unit: %1").arg(unit->name));
    setTitle(unit->name);
    QString bloc;
    for (const Core::Bloc &b : repo.blocs())
        if (b.id == unit->blocId)
            bloc = b.name;
    addDetail(tr("Kind:"), Core::Codes::label(Core::Codes::Set::UnitKind, unit->kind));
    addDetail(tr("Parent unit:"), unit->parentId ? repo.name(unit->parentId) : QString());
    addDetail(tr("Emulation bloc:"), bloc);
    addDetail(tr("Valid from:"), DateField::format(unit->validFrom));
    addDetail(tr("Valid to:"), DateField::format(unit->validTo));
    if (unit->succeededById)
        addDetail(tr("Succeeded by:"), repo.name(unit->succeededById));
    addDetail(tr("Key:"), unit->key);
}

bool UnitPage::runEditDialog()
{
    UnitDialog dialog(m_db, unitId(), this);
    return dialog.exec() == QDialog::Accepted;
}

void UnitPage::readMore()
{
    m_people->reload(); // the unit's name shows in their rows elsewhere; people come and go
}

void UnitPage::addPerson()
{
    PersonDialog dialog(m_db, 0, unitId(), this);
    if (dialog.exec() == QDialog::Accepted)
        personChanged();
}

void UnitPage::openPerson(const QModelIndex &index)
{
    auto *page = new PersonPage(m_db, m_people->idAt(index.row()), this);
    connect(page, &PersonPage::changed, this, &UnitPage::personChanged);
    page->open();
}

void UnitPage::personChanged()
{
    m_people->reload();
    emit changed();
}

} // namespace VinhDanh::Ui
