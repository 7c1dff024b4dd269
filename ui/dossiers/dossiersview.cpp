#include "ui/dossiers/dossiersview.h"

#include "core/accounts/permissions.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "ui/dossiers/dossierdialog.h"
#include "ui/dossiers/dossierlistmodel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/formwidgets.h"
#include "ui/widgets/listpage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

namespace {
// The status list's item data: whether it is "All", the status, and the count shown.
constexpr int AllRole = Qt::UserRole;
constexpr int StatusRole = Qt::UserRole + 1;
constexpr int CountRole = Qt::UserRole + 2;
} // namespace

DossiersView::DossiersView(QWidget *parent)
    : QWidget(parent), m_model(new DossierListModel(this)), m_statuses(new QListWidget(this)), m_movement(new QComboBox(this)),
      m_year(new QSpinBox(this)), m_filter(new QLineEdit(this)),
      m_new(new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("Ne&w dossier…"), this)), m_table(new QTableView(this)),
      m_error(makeProblemLabel(this)), m_count(new QLabel(this))
{
    m_statuses->setObjectName(QStringLiteral("statuses"));
    m_movement->setObjectName(QStringLiteral("movementFilter"));
    m_year->setObjectName(QStringLiteral("yearFilter"));
    m_filter->setObjectName(QStringLiteral("filter"));
    m_new->setObjectName(QStringLiteral("newDossier"));
    m_table->setObjectName(QStringLiteral("dossiers"));

    auto *all = new QListWidgetItem(m_statuses);
    all->setData(AllRole, true);
    for (Wf::Status s : Wf::allStatuses()) {
        auto *item = new QListWidgetItem(m_statuses);
        item->setData(AllRole, false);
        item->setData(StatusRole, int(s));
    }
    m_statuses->setCurrentRow(0);
    m_statuses->setMaximumWidth(260);

    m_movement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_movement->setMinimumContentsLength(24);
    m_year->setRange(0, 2100);
    m_year->setSpecialValueText(tr("(any year)"));
    m_year->setGroupSeparatorShown(false);
    m_year->setValue(0);
    m_filter->setPlaceholderText(tr("Filter: number, title, unit or movement, with or without accents"));
    m_filter->setClearButtonEnabled(true);
    m_filterTimer.setSingleShot(true);
    m_filterTimer.setInterval(ListPage::FilterDelayMs);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    Columns::remember(m_table, QStringLiteral("dossiers"), {DossierListModel::Title, DossierListModel::Unit});

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 2);
    auto *movementLabel = new QLabel(tr("&Movement:"), this);
    movementLabel->setBuddy(m_movement);
    filters->addWidget(movementLabel);
    filters->addWidget(m_movement, 1);
    auto *yearLabel = new QLabel(tr("&Year:"), this);
    yearLabel->setBuddy(m_year);
    filters->addWidget(yearLabel);
    filters->addWidget(m_year);
    filters->addSpacing(12);
    filters->addWidget(m_new);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_error, 1);
    bottom->addStretch();
    bottom->addWidget(m_count);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(filters);
    rightLayout->addWidget(m_table, 1);
    rightLayout->addLayout(bottom);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_statuses);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_statuses, &QListWidget::currentRowChanged, this, &DossiersView::filtersChanged);
    connect(m_movement, &QComboBox::currentIndexChanged, this, &DossiersView::filtersChanged);
    connect(m_year, &QSpinBox::valueChanged, this, &DossiersView::filtersChanged);
    connect(m_filter, &QLineEdit::textChanged, &m_filterTimer, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, &DossiersView::applyFilter);
    connect(&m_filterTimer, &QTimer::timeout, this, &DossiersView::applyFilter);
    connect(m_new, &QPushButton::clicked, this, &DossiersView::newDossier);
    // activated: a double click, or Enter on the current row.
    connect(m_table, &QTableView::activated, this, &DossiersView::openSelected);
    connect(m_model, &DossierListModel::reloaded, this, [this] {
        showProblems(m_error, m_model->lastError().isEmpty() ? QStringList() : QStringList{m_model->lastError()});
        m_count->setText(tr("%n dossier(s)", nullptr, m_model->totalCount()));
    });
    // A sitting or a decision moves dossiers on (their status, outcome): the list follows any
    // write to them, here or on another desk. Open dossier pages are left alone (their edits stay).
    m_watch = new ChangeWatch(
        {QStringLiteral("dossiers"), QStringLiteral("dossier_nominees"), QStringLiteral("nominee_outcomes"),
         QStringLiteral("movements"), QStringLiteral("units")},
        [this](const Core::ChangeSet &) { reload(); }, this);
    setDatabase(nullptr);
}

DossiersView::~DossiersView()
{
    closePages();
}

void DossiersView::setDatabase(Core::Database *db)
{
    closePages();
    // Empty first, without a query: the previous database may be on its way out.
    m_model->setDatabase(nullptr);
    m_db = db;
    m_watch->setDatabase(db);
    fillMovements();
    {
        const QSignalBlocker block(m_filter);
        m_filter->clear();
    }
    m_filterTimer.stop();
    m_model->setText({});
    filtersChanged();
    m_model->setDatabase(db); // the one read of the list
    setEnabled(db != nullptr);
    m_new->setEnabled(db && Core::Permissions::allowed(*db, Core::Permissions::Action::EditDossiers));
    loadCounts();
}

void DossiersView::fillMovements()
{
    const QSignalBlocker block(m_movement);
    m_movement->clear();
    m_movement->addItem(tr("(all)"), qint64(0));
    m_movement->addItem(tr("Regular (annual) track"), DossierListModel::RegularTrack);
    if (!m_db)
        return;
    try {
        for (const Core::MovementSummary &m : Core::MovementRepository(*m_db).list())
            m_movement->addItem(m.name, m.id);
    } catch (const Core::Error &e) {
        m_movement->setToolTip(e.message());
    }
}

void DossiersView::loadCounts()
{
    Wf::StatusCounts counts;
    QString failure;
    if (m_db) {
        try {
            counts = Wf::DossierRepository(*m_db).counts();
        } catch (const Core::Error &e) {
            failure = e.message();
        }
    }
    int total = 0;
    for (int row = 1; row < m_statuses->count(); ++row) {
        QListWidgetItem *item = m_statuses->item(row);
        const auto status = Wf::Status(item->data(StatusRole).toInt());
        const int n = counts.value(status, 0);
        total += n;
        item->setData(CountRole, n);
        item->setText(tr("%1 (%2)").arg(Wf::statusLabel(status)).arg(n));
    }
    QListWidgetItem *all = m_statuses->item(0);
    all->setData(CountRole, total);
    all->setText(tr("All (%1)").arg(total));
    if (!failure.isEmpty())
        showProblems(m_error, {failure});
}

int DossiersView::shownCount(Wf::Status status) const
{
    for (int row = 1; row < m_statuses->count(); ++row)
        if (Wf::Status(m_statuses->item(row)->data(StatusRole).toInt()) == status)
            return m_statuses->item(row)->data(CountRole).toInt();
    return 0;
}

int DossiersView::shownTotal() const
{
    return m_statuses->item(0)->data(CountRole).toInt();
}

void DossiersView::showStatus(Wf::Status status, bool all)
{
    for (int row = 0; row < m_statuses->count(); ++row) {
        const QListWidgetItem *item = m_statuses->item(row);
        if (all ? item->data(AllRole).toBool() : !item->data(AllRole).toBool() && Wf::Status(item->data(StatusRole).toInt()) == status)
            m_statuses->setCurrentRow(row);
    }
}

void DossiersView::filtersChanged()
{
    const QListWidgetItem *item = m_statuses->currentItem();
    const bool all = !item || item->data(AllRole).toBool();
    const auto status = all ? Wf::Status::Draft : Wf::Status(item->data(StatusRole).toInt());
    m_model->setFilter(all, status, m_movement->currentData().toLongLong(), m_year->value());
}

void DossiersView::applyFilter()
{
    m_filterTimer.stop();
    m_model->setText(m_filter->text());
}

void DossiersView::reload()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const qint64 keep = rows.isEmpty() ? 0 : m_model->idAt(rows.first().row());
    loadCounts();
    m_model->reload();
    const int row = m_model->rowOfId(keep);
    if (row >= 0)
        m_table->selectRow(row);
}

void DossiersView::openSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        openDossier(m_model->idAt(rows.first().row()));
}

void DossiersView::openDossier(qint64 id)
{
    if (!m_db || id <= 0)
        return;
    if (DossierPage *open = pageOf(id)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *page = new DossierPage(*m_db, id, this);
    m_pages.insert(id, page);
    connect(page, &DossierPage::changed, this, &DossiersView::pageChanged);
    connect(page, &QObject::destroyed, this, [this, id] { m_pages.remove(id); });
    page->show();
}

DossierPage *DossiersView::pageOf(qint64 dossierId) const
{
    return m_pages.value(dossierId).data();
}

void DossiersView::newDossier()
{
    if (!m_db)
        return;
    DossierDialog dialog(*m_db, 0, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    m_watch->discardPending();
    emit changed();
    openDossier(dialog.dossierId());
}

void DossiersView::pageChanged()
{
    reload();
    m_watch->discardPending();
    emit changed();
}

void DossiersView::closePages()
{
    // The pages hold the database by reference: none may outlive it.
    const QList<QPointer<DossierPage>> pages = m_pages.values();
    m_pages.clear();
    for (const QPointer<DossierPage> &page : pages)
        if (page)
            delete page.data();
}

} // namespace VinhDanh::Ui
