#include "ui/decisions/subjectworkflowtab.h"

#include "core/decisions/decisionrepository.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "ui/decisions/decisionpage.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/formwidgets.h"

#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

namespace {
QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    return table;
}

void setRow(QTableWidget *table, int row, const QStringList &cells, const QVariant &key)
{
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(cells.at(column));
        if (column == 0)
            item->setData(Qt::UserRole, key);
        table->setItem(row, column, item);
    }
}
} // namespace

SubjectWorkflowTab::SubjectWorkflowTab(Core::Database &db, const Core::Subject &subject, QWidget *parent)
    : QWidget(parent), m_db(db), m_subject(subject),
      m_dossiers(makeTable({tr("Number"), tr("Title"), tr("Proposing unit"), tr("Year"), tr("Status"), tr("Named as")}, this)),
      m_decisions(makeTable({tr("Number"), tr("Date"), tr("Title"), tr("Status")}, this)), m_error(makeProblemLabel(this))
{
    m_dossiers->setObjectName(QStringLiteral("dossiers"));
    m_decisions->setObjectName(QStringLiteral("decisions"));
    // The same lists on a person's and on a unit's page: one layout for both.
    Columns::remember(m_dossiers, QStringLiteral("subjectDossiers"), {1, 2}); // title, proposing unit
    Columns::remember(m_decisions, QStringLiteral("subjectDecisions"), {2});  // title
    connect(m_dossiers, &QTableWidget::cellDoubleClicked, this, [this](int row) { openDossier(dossierIdAt(row)); });
    connect(m_decisions, &QTableWidget::cellDoubleClicked, this, [this](int row) { openDecision(decisionIdAt(row)); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Proposal dossiers (double-click to open):"), this));
    layout->addWidget(m_dossiers, 3);
    layout->addWidget(new QLabel(tr("Award decisions (double-click to open):"), this));
    layout->addWidget(m_decisions, 2);
    layout->addWidget(m_error);
}

qint64 SubjectWorkflowTab::dossierIdAt(int row) const
{
    const QTableWidgetItem *item = m_dossiers->item(row, 0);
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

qint64 SubjectWorkflowTab::decisionIdAt(int row) const
{
    const QTableWidgetItem *item = m_decisions->item(row, 0);
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void SubjectWorkflowTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        reload();
}

void SubjectWorkflowTab::invalidate()
{
    m_dirty = true;
    if (isVisible())
        reload();
}

void SubjectWorkflowTab::reload()
{
    m_dirty = false;
    m_dossiers->setRowCount(0);
    m_decisions->setRowCount(0);
    QStringList problems;
    try {
        Wf::DossierFilter filter;
        filter.personId = m_subject.personId;
        filter.unitId = m_subject.unitId;
        const QList<Wf::Dossier> dossiers = Wf::DossierRepository(m_db).list(filter);
        m_dossiers->setRowCount(int(dossiers.size()));
        for (int row = 0; row < dossiers.size(); ++row) {
            const Wf::Dossier &d = dossiers.at(row);
            // A unit may be the proposer, a nominee, or both in one dossier; the list does not say
            // which, so "proposing unit" is told from the header and the rest is a nomination.
            const bool proposer = !m_subject.isPerson() && d.unitId == m_subject.unitId;
            setRow(m_dossiers, row,
                   {Wf::Registers::text(d), d.title, d.unitName, QString::number(d.year), Wf::statusLabel(d.status),
                    proposer ? tr("Proposing unit") : tr("Nominee")},
                   d.id);
        }
    } catch (const Core::Error &e) {
        problems << shownInPlace("subject workflow", e);
    }
    try {
        const QList<Wf::Decision> decisions = Wf::DecisionRepository(m_db).naming(m_subject.personId, m_subject.unitId);
        m_decisions->setRowCount(int(decisions.size()));
        for (int row = 0; row < decisions.size(); ++row) {
            const Wf::Decision &d = decisions.at(row);
            setRow(
                m_decisions, row,
                {d.number, WorkflowText::date(d.date), d.title, Wf::DecisionMachine::inForce(d.status) ? tr("Issued") : tr("Draft")},
                d.id);
        }
    } catch (const Core::Error &e) {
        problems << shownInPlace("subject workflow", e);
    }
    showProblems(m_error, problems);
}

void SubjectWorkflowTab::openDossier(qint64 id)
{
    if (id <= 0)
        return;
    auto *page = new DossierPage(m_db, id, this);
    connect(page, &DossierPage::changed, this, [this] {
        invalidate();
        emit changed();
    });
    // Window-modal like the page it opens from (the page's Close closes it first).
    page->open();
}

void SubjectWorkflowTab::openDecision(qint64 id)
{
    if (id <= 0)
        return;
    // The decisions register's page, in a window over this one: the person's page is modal,
    // so the main window's Decisions tab cannot be reached from here.
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("decisionWindow"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Award decision"));
    auto *page = new DecisionPage(dialog);
    page->setDatabase(&m_db);
    if (!page->openDecision(id)) {
        delete dialog;
        return;
    }
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(page);
    connect(page, &DecisionPage::backRequested, dialog, &QDialog::reject);
    connect(page, &DecisionPage::changed, this, [this] {
        invalidate();
        emit changed();
    });
    dialog->resize(960, 640);
    dialog->open();
}

} // namespace VinhDanh::Ui
