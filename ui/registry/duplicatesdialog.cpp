#include "ui/registry/duplicatesdialog.h"

#include "core/error.h"
#include "ui/registry/duplicatesmodel.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

using Core::Dedup::Kind;

DuplicatesDialog::DuplicatesDialog(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_model(new DuplicatesModel(this)), m_kindBox(new QComboBox(this)), m_keepBox(new QComboBox(this)),
      m_view(new QTableView(this)), m_count(new QLabel(this)), m_merge(new QPushButton(tr("&Merge…"), this)),
      m_mergeList(new QListWidget(this)), m_undo(new QPushButton(tr("&Undo merge…"), this))
{
    setWindowTitle(tr("Likely duplicates"));
    resize(980, 620);
    m_kindBox->addItem(tr("People"));
    m_kindBox->addItem(tr("Units"));
    m_keepBox->addItem(tr("Keep the first record"));
    m_keepBox->addItem(tr("Keep the second record"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->setObjectName(QStringLiteral("duplicates"));
    // The two names and the unit tell the pair apart; the score is a short number.
    Columns::remember(m_view, QStringLiteral("duplicates"), {DuplicatesModel::First, DuplicatesModel::Second, DuplicatesModel::Unit});

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Look for:"), this));
    top->addWidget(m_kindBox);
    top->addWidget(m_count, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_keepBox);
    actions->addWidget(m_merge);
    actions->addStretch(1);
    auto *undoRow = new QHBoxLayout;
    undoRow->addWidget(m_mergeList, 1);
    undoRow->addWidget(m_undo, 0, Qt::AlignTop);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 3);
    layout->addLayout(actions);
    layout->addWidget(new QLabel(tr("Merges made (each can be undone):"), this));
    layout->addLayout(undoRow, 1);
    layout->addWidget(buttons);

    m_confirm = [this](const QString &title, const QStringList &lines) {
        QMessageBox box(QMessageBox::Question, title, lines.join(QLatin1Char('\n')), QMessageBox::Ok | QMessageBox::Cancel, this);
        box.setDefaultButton(QMessageBox::Cancel);
        return box.exec() == QMessageBox::Ok;
    };
    m_report = [this](const QString &message, const QString &detail) { showError(this, windowTitle(), message, detail); };

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, [this](int index) { setKind(index == 1 ? Kind::Units : Kind::People); });
    connect(m_merge, &QPushButton::clicked, this, &DuplicatesDialog::mergeSelected);
    connect(m_undo, &QPushButton::clicked, this, &DuplicatesDialog::undoSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DuplicatesDialog::updateButtons);
    connect(m_mergeList, &QListWidget::currentRowChanged, this, &DuplicatesDialog::updateButtons);
    refresh();
}

void DuplicatesDialog::setKind(Kind kind)
{
    m_kind = kind;
    const QSignalBlocker block(m_kindBox);
    m_kindBox->setCurrentIndex(kind == Kind::Units ? 1 : 0);
    refresh();
}

void DuplicatesDialog::refresh()
{
    try {
        m_model->setPairs(Core::Dedup::find(m_db, m_kind));
        m_merges = Core::Dedup::Merger(m_db).merges();
    } catch (const Core::Error &e) {
        m_model->setPairs({});
        m_merges.clear();
        m_report(e.message(), e.detail());
    }
    m_count->setText(tr("%n likely pair(s)", nullptr, m_model->total()));
    m_mergeList->clear();
    for (const Core::Dedup::MergeRecord &r : m_merges)
        m_mergeList->addItem(tr("%1 (%2) merged into %3 (%4)").arg(r.droppedName, r.droppedKey, r.keptName, r.keptKey));
    updateButtons();
}

void DuplicatesDialog::updateButtons()
{
    m_merge->setEnabled(m_view->selectionModel()->hasSelection());
    m_undo->setEnabled(m_mergeList->currentRow() >= 0);
}

bool DuplicatesDialog::mergeRow(int row, bool keepFirst)
{
    if (row < 0 || row >= m_model->total())
        return false;
    const Core::Dedup::Pair p = m_model->pair(row);
    const qint64 keep = keepFirst ? p.firstId : p.secondId, drop = keepFirst ? p.secondId : p.firstId;
    Core::Dedup::Merger merger(m_db);
    try {
        const Core::Dedup::MergePreview preview = merger.preview(p.kind, keep, drop);
        if (!preview.possible()) {
            m_report(preview.lines().join(QLatin1Char('\n')), {});
            return false;
        }
        if (!m_confirm(tr("Merge these records?"), preview.lines() << tr("The merge can be undone from this window.")))
            return false;
        merger.merge(p.kind, keep, drop);
    } catch (const Core::Error &e) {
        m_report(e.message(), e.detail());
        return false;
    }
    m_changed = true;
    refresh();
    return true;
}

bool DuplicatesDialog::undo(qint64 mergeId)
{
    const auto it = std::find_if(m_merges.cbegin(), m_merges.cend(),
                                 [&](const Core::Dedup::MergeRecord &r) { return r.id == mergeId; });
    if (it == m_merges.cend())
        return false;
    if (!m_confirm(tr("Undo this merge?"),
                   {tr("%1 (%2) comes back as a record of its own, with the rows it had.").arg(it->droppedName, it->droppedKey)}))
        return false;
    try {
        Core::Dedup::Merger(m_db).unmerge(mergeId);
    } catch (const Core::Error &e) {
        m_report(e.message(), e.detail());
        return false;
    }
    m_changed = true;
    refresh();
    return true;
}

void DuplicatesDialog::mergeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        mergeRow(rows.first().row(), m_keepBox->currentIndex() == 0);
}

void DuplicatesDialog::undoSelected()
{
    const int row = m_mergeList->currentRow();
    if (row >= 0 && row < m_merges.size())
        undo(m_merges.at(row).id);
}

} // namespace VinhDanh::Ui
