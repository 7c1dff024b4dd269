#include "ui/council/registerview.h"

#include "core/error.h"
#include "ui/council/registerlistmodel.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

RegisterView::RegisterView(QWidget *parent)
    : QWidget(parent), m_watch(new ChangeWatch(
                           {}, [this](const Core::ChangeSet &) { reload(); }, this)),
      m_stack(new QStackedWidget(this)), m_list(new QTableView(this)), m_status(new QLabel(this)), m_new(new QAction(this)),
      m_open(new QAction(tr("&Open"), this))
{
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_new);
    toolbar->addAction(m_open);

    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->verticalHeader()->hide();

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(toolbar);
    listLayout->addWidget(m_list, 1);
    listLayout->addWidget(m_status);

    m_stack->addWidget(listPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_open, &QAction::triggered, this, &RegisterView::openSelected);
    connect(m_list, &QTableView::activated, this, &RegisterView::openSelected);
    updateActions();
}

RegisterView::~RegisterView()
{
    // Children (the page, the selection model) may signal while ~QWidget deletes them; the
    // slots would reach hooks whose derived part is already gone.
    for (QObject *child : findChildren<QObject *>())
        QObject::disconnect(child, nullptr, this, nullptr);
}

void RegisterView::setRegister(RegisterListModel *model, std::unique_ptr<RegisterPage> page, int stretchColumn,
                               Core::Permissions::Action create, const QString &stem)
{
    m_model = model;
    m_page = std::move(page);
    m_create = create;
    QString noun = stem;
    noun[0] = noun[0].toUpper();
    m_new->setObjectName(QStringLiteral("new") + noun);
    m_open->setObjectName(QStringLiteral("open") + noun);
    m_list->setObjectName(stem + QStringLiteral("List"));
    m_status->setObjectName(stem + QStringLiteral("ListStatus"));

    m_list->setModel(model); // the selection model exists from here
    // Fitted to the content, the stretch column taking what is left, until the clerk sets them.
    Columns::remember(m_list, stem + QStringLiteral("s"), {stretchColumn});
    m_stack->addWidget(m_page->widget());
    m_page->connectSignals(
        this, [this] { showList(); },
        [this] {
            reload();
            m_watch->discardPending(); // read already
            emit recordsChanged();
        });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RegisterView::updateActions);
    updateActions();
}

void RegisterView::setDatabase(Core::Database *db)
{
    m_db = db;
    m_watch->setDatabase(db);
    m_model->setDatabase(db);
    m_page->setDatabase(db);
    m_stack->setCurrentIndex(0);
    reload();
}

bool RegisterView::isPageShown() const
{
    return m_page && m_stack->currentWidget() == m_page->widget();
}

void RegisterView::watchTables(const QStringList &tables)
{
    m_watch->setTables(tables);
}

void RegisterView::setStatusText(const QString &text)
{
    m_status->setText(text);
}

void RegisterView::reload()
{
    const QModelIndex current = m_list->currentIndex();
    const qint64 keep = current.isValid() ? m_model->idAt(current.row()) : m_page->recordId();
    QString error;
    try {
        m_model->reload();
    } catch (const Core::Error &e) {
        error = e.message();
    }
    const int row = m_model->rowForId(keep);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
    if (!error.isEmpty())
        m_status->setText(error);
    else if (m_db)
        m_status->setText(countText(m_model->rowCount()));
    else
        m_status->clear();
    updateActions();
}

void RegisterView::updateActions()
{
    const bool open = m_db != nullptr;
    m_new->setEnabled(open && Core::Permissions::allowed(*m_db, m_create));
    m_open->setEnabled(open && m_list->currentIndex().isValid());
}

void RegisterView::openSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid())
        openRecord(m_model->idAt(current.row()));
}

void RegisterView::openRecord(qint64 id)
{
    if (!m_db || id <= 0)
        return;
    if (m_page->open(id))
        showPage();
}

void RegisterView::showPage()
{
    m_stack->setCurrentWidget(m_page->widget());
}

void RegisterView::showList()
{
    if (m_page->hasUnsavedChanges()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"), unsavedQuestion(),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !m_page->save()))
            return;
    }
    reload();
    m_stack->setCurrentIndex(0);
}

} // namespace VinhDanh::Ui
