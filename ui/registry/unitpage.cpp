#include "ui/registry/unitpage.h"

#include "ui/common/errorbox.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/repo/unitrepository.h"
#include "ui/documents/printbutton.h"
#include "ui/eligibility/eligibilitypanel.h"
#include "ui/registry/formwidgets.h"
#include "ui/registry/persondialog.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/personpage.h"
#include "ui/registry/recordswidget.h"
#include "ui/registry/unitdialog.h"
#include "ui/workflow/subjectworkflowtab.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}
} // namespace

UnitPage::UnitPage(Core::Database &db, qint64 unitId, QWidget *parent)
    : QDialog(parent), m_db(db), m_unitId(unitId), m_title(new QLabel(this)), m_details(new QFormLayout),
      m_people(new PersonListModel(this)), m_peopleTable(new QTableView(this)),
      m_records(new RecordsWidget(db, Core::Subject::unit(unitId), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);

    auto *edit = new QPushButton(tr("&Edit unit…"), this);
    connect(edit, &QPushButton::clicked, this, &UnitPage::editUnit);
    auto *print = new PrintButton(this);
    print->addDocument(QStringLiteral("bao-cao-tap-the"), tr("Achievement report (báo cáo thành tích)…"));
    print->setRecord(&db, unitId);
    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(print, 0, Qt::AlignTop);
    header->addWidget(edit, 0, Qt::AlignTop);

    // The people of the unit, sorted and paged like the People page.
    m_people->setUnitId(unitId);
    m_people->setDatabase(&m_db);
    m_peopleTable->setObjectName(QStringLiteral("people"));
    m_peopleTable->setModel(m_people);
    m_peopleTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peopleTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_peopleTable->verticalHeader()->hide();
    m_peopleTable->horizontalHeader()->setStretchLastSection(true);
    m_peopleTable->setWordWrap(false);
    m_peopleTable->setAlternatingRowColors(true);
    m_peopleTable->setColumnHidden(PersonListModel::Unit, true); // always this unit
    m_peopleTable->setColumnWidth(PersonListModel::Name, 220);
    // activated: a double click, or Enter on the current row.
    connect(m_peopleTable, &QTableView::activated, this, &UnitPage::openPerson);
    auto *addPersonButton = new QPushButton(tr("&Add person…"), this);
    connect(addPersonButton, &QPushButton::clicked, this, &UnitPage::addPerson);
    auto *peopleTab = new QWidget(this);
    auto *peopleLayout = new QHBoxLayout(peopleTab);
    peopleLayout->addWidget(m_peopleTable, 1);
    peopleLayout->addWidget(addPersonButton, 0, Qt::AlignTop);
    m_records->insertTab(0, peopleTab, tr("People"));
    m_records->setCurrentIndex(0);
    connect(m_records, &RecordsWidget::changed, this, &UnitPage::changed);
    // Eligibility follows every change on this page, its people's records included.
    auto *eligibility = new EligibilityPanel(db, Core::Subject::unit(unitId), m_records);
    m_records->addTab(eligibility, tr("Eligibility"));
    connect(this, &UnitPage::changed, eligibility, &EligibilityPanel::invalidate);
    // The dossiers and decisions naming this unit; a dossier opens over this page.
    auto *workflow = new SubjectWorkflowTab(db, Core::Subject::unit(unitId), m_records);
    m_records->addTab(workflow, tr("Dossiers and decisions"));
    connect(workflow, &SubjectWorkflowTab::changed, this, &UnitPage::changed);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &UnitPage::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(m_details);
    layout->addWidget(m_records, 1);
    layout->addWidget(close);
    loadDetails();
    resize(900, 640);
}

void UnitPage::loadDetails()
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    try {
        Core::UnitRepository repo(m_db);
        const std::optional<Core::Unit> unit = repo.get(m_unitId);
        if (!unit) {
            m_title->setText(tr("This unit no longer exists."));
            return;
        }
        setWindowTitle(tr("Unit: %1").arg(unit->name));
        m_title->setText(unit->name);
        QString bloc;
        for (const Core::Bloc &b : repo.blocs())
            if (b.id == unit->blocId)
                bloc = b.name;
        m_details->addRow(tr("Kind:"), new QLabel(Core::Codes::label(Core::Codes::Set::UnitKind, unit->kind), this));
        m_details->addRow(tr("Parent unit:"), new QLabel(orDash(unit->parentId ? repo.name(unit->parentId) : QString()), this));
        m_details->addRow(tr("Emulation bloc:"), new QLabel(orDash(bloc), this));
        m_details->addRow(tr("Valid from:"), new QLabel(orDash(DateField::format(unit->validFrom)), this));
        m_details->addRow(tr("Valid to:"), new QLabel(orDash(DateField::format(unit->validTo)), this));
        if (unit->succeededById)
            m_details->addRow(tr("Succeeded by:"), new QLabel(repo.name(unit->succeededById), this));
        m_details->addRow(tr("Key:"), new QLabel(unit->key, this));
    } catch (const Core::Error &e) {
        m_title->setText(shownInPlace("unit page", e));
    }
}

void UnitPage::editUnit()
{
    UnitDialog dialog(m_db, m_unitId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    loadDetails();
    m_people->reload(); // the unit's name shows in their rows elsewhere
    emit changed();
}

void UnitPage::addPerson()
{
    PersonDialog dialog(m_db, 0, m_unitId, this);
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
