#include "ui/movements/movementsview.h"

#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"

#include "core/catalogue/movementhtml.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "ui/decisions/movementproposals.h"
#include "ui/movements/movementeditordialog.h"
#include "ui/movements/movementlistmodel.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/printbutton.h"

#include <QAction>
#include <QDate>
#include <QGroupBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

MovementsView::MovementsView(QWidget *parent) : QWidget(parent)
{
    m_model = new MovementListModel(this);

    m_new = new QAction(tr("&New movement…"), this);
    m_new->setObjectName(QStringLiteral("newMovement"));
    m_new->setToolTip(tr("Create a movement of your own from an empty form"));
    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("copyMovement"));
    m_copy->setToolTip(tr("Make an editable copy of the selected movement (the usual way to start from the catalogue)"));
    m_edit = new QAction(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editMovement"));
    m_delete = new QAction(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteMovement"));

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_new);
    toolbar->addAction(m_copy);
    toolbar->addAction(m_edit);
    toolbar->addAction(m_delete);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("movementFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, issuer, scope or plan number"));
    m_filter->setClearButtonEnabled(true);

    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("movementList"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    // Movement names are long sentences: wrap them rather than cut them off.
    m_list->setWordWrap(true);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The name (a long sentence) takes what the short columns leave.
    Columns::remember(m_list, QStringLiteral("movements"), {MovementListModel::NameColumn});

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("movementStatus"));
    m_status->setWordWrap(true);

    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("movementDetails"));
    m_details->setOpenLinks(false);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_status);

    // Below the plan: the dossiers and decisions that refer to the movement, by phase.
    m_proposals = new MovementProposals(this);
    auto *proposalsBox = new QGroupBox(tr("Proposals and decisions"), this);
    auto *proposalsLayout = new QVBoxLayout(proposalsBox);
    proposalsLayout->setContentsMargins(4, 4, 4, 4);
    proposalsLayout->addWidget(m_proposals);
    // Above the plan: its report for a year or a review, made from the ledger.
    m_print = new PrintButton(this);
    m_print->addDocument(QStringLiteral("bao-cao-phong-trao"), tr("Movement report (báo cáo phong trào)…"));
    m_print->setOccasionChooser([this](int *year, QString *occasion) { return chooseReportOccasion(year, occasion); });
    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    auto *detailsButtons = new QHBoxLayout;
    detailsButtons->addStretch();
    detailsButtons->addWidget(m_print);
    detailsLayout->addLayout(detailsButtons);
    detailsLayout->addWidget(m_details, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(detailsPane);
    right->addWidget(proposalsBox);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);

    connect(m_proposals, &MovementProposals::dossierRequested, this, &MovementsView::dossierRequested);
    connect(m_proposals, &MovementProposals::decisionRequested, this, &MovementsView::decisionRequested);
    connect(m_new, &QAction::triggered, this, &MovementsView::newMovement);
    connect(m_copy, &QAction::triggered, this, &MovementsView::copyMovement);
    connect(m_edit, &QAction::triggered, this, &MovementsView::editMovement);
    connect(m_delete, &QAction::triggered, this, &MovementsView::deleteMovement);
    connect(m_filter, &QLineEdit::textChanged, this, &MovementsView::reload);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MovementsView::onCurrentChanged);
    // activated: a double click, or Enter on the current row.
    connect(m_list, &QTableView::activated, this, [this] {
        if (currentIsCatalogue())
            m_status->setText(tr("Catalogue movements are read-only: use Copy to make your own version, then edit it."));
        else
            editMovement();
    });
    // The detail pane lists each movement's proposals and decisions: it follows their writes
    // (a dossier moved on, a decision issued), here or on another desk.
    m_watch = new ChangeWatch(
        {QStringLiteral("movements"), QStringLiteral("dossiers"), QStringLiteral("dossier_nominees"), QStringLiteral("decisions"),
         QStringLiteral("decision_awardees"), QStringLiteral("awards")},
        [this](const Core::ChangeSet &) { reload(); }, this);
    onCurrentChanged();
}

MovementsView::~MovementsView()
{
    // Children outlive this destructor (QWidget deletes them later): keep their last
    // signals from reaching handlers of a half-destroyed view.
    for (QObject *child : findChildren<QObject *>())
        QObject::disconnect(child, nullptr, this, nullptr);
}

void MovementsView::setDatabase(Core::Database *db)
{
    m_db = db;
    m_watch->setDatabase(db);
    m_awardNames.clear();
    if (m_db) {
        try {
            for (const Core::AwardForm &f : Core::RecordRepository(*m_db).awardForms())
                m_awardNames.insert(f.code, f.name);
        } catch (const Core::Error &e) {
            m_status->setText(shownInPlace("movement award forms", e));
        }
    }
    m_model->setDatabase(db);
    m_proposals->setDatabase(db);
    reload();
}

qint64 MovementsView::currentId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? m_model->summary(current.row()).id : 0;
}

bool MovementsView::currentIsCatalogue() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() && m_model->summary(current.row()).isCatalogue;
}

void MovementsView::selectMovement(qint64 id)
{
    const int row = m_model->rowForId(id);
    if (row < 0)
        return;
    m_list->setCurrentIndex(m_model->index(row, MovementListModel::NameColumn));
    m_list->scrollTo(m_list->currentIndex());
}

void MovementsView::reload()
{
    const qint64 keep = currentId();
    m_model->setFilter(m_filter->text());
    QString error;
    try {
        m_model->reload();
    } catch (const Core::Error &e) {
        error = e.message();
    }
    // Keep the selection across a reload; otherwise show the first movement so the detail
    // pane is never blank while the list has rows.
    if (m_model->rowForId(keep) >= 0)
        selectMovement(keep);
    else if (m_model->rowCount() > 0)
        m_list->setCurrentIndex(m_model->index(0, MovementListModel::NameColumn));
    onCurrentChanged();
    if (!error.isEmpty())
        m_status->setText(error);
    else if (m_db)
        m_status->setText(tr("%n movement(s)", nullptr, m_model->rowCount()));
    else
        m_status->clear();
}

void MovementsView::onCurrentChanged()
{
    const bool open = m_db != nullptr;
    const qint64 id = currentId();
    const bool catalogue = currentIsCatalogue();
    m_new->setEnabled(open);
    m_copy->setEnabled(open && id > 0);
    m_edit->setEnabled(open && id > 0 && !catalogue);
    m_delete->setEnabled(open && id > 0 && !catalogue);
    // The tooltip of a disabled Edit says why, and what to do instead.
    m_edit->setToolTip(catalogue ? tr("Catalogue movements are read-only: copy this one first, then edit the copy.")
                                 : tr("Edit the selected movement"));
    m_delete->setToolTip(catalogue ? tr("Catalogue movements cannot be deleted.") : tr("Delete the selected movement"));
    m_print->setRecord(m_db, open ? id : 0, tr("Select a movement first."));

    if (!open || id <= 0) {
        m_details->clear();
        m_proposals->showMovement(nullptr);
        return;
    }
    try {
        const std::optional<Core::Movement> movement = Core::MovementRepository(*m_db).get(id);
        if (movement)
            m_details->setHtml(Core::MovementHtml::render(*movement, m_awardNames));
        else
            m_details->setPlainText(tr("The movement no longer exists; it may have been deleted by someone else."));
        m_proposals->showMovement(movement ? &*movement : nullptr);
    } catch (const Core::Error &e) {
        m_details->setPlainText(e.message());
        m_proposals->showMovement(nullptr);
    }
}

void MovementsView::newMovement()
{
    if (!m_db)
        return;
    MovementEditorDialog dialog(*m_db, Core::Movement{}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_filter->clear(); // the new movement must be visible to be selected
    reload();
    selectMovement(dialog.savedId());
    emit movementsChanged();
}

void MovementsView::copyMovement()
{
    const qint64 id = currentId();
    if (!m_db || id <= 0)
        return;
    qint64 copyId = 0;
    try {
        copyId = Core::MovementRepository(*m_db).copy(id);
    } catch (const Core::Error &e) {
        reportError(tr("Cannot copy the movement"), e);
        return;
    }
    reload();
    if (m_model->rowForId(copyId) < 0)
        m_filter->clear(); // reloads
    selectMovement(copyId);
    m_status->setText(tr("Copied. The copy is your own movement: edit it to adapt it for your office."));
    emit movementsChanged();
}

void MovementsView::editMovement()
{
    const qint64 id = currentId();
    if (!m_db || id <= 0 || currentIsCatalogue())
        return;
    std::optional<Core::Movement> movement;
    try {
        movement = Core::MovementRepository(*m_db).get(id);
    } catch (const Core::Error &e) {
        reportError(tr("Cannot open the movement"), e);
        return;
    }
    if (!movement) {
        reload();
        return;
    }
    MovementEditorDialog dialog(*m_db, *movement, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    reload();
    selectMovement(dialog.savedId());
    onCurrentChanged(); // same row, new content
    emit movementsChanged();
}

void MovementsView::deleteMovement()
{
    const QModelIndex current = m_list->currentIndex();
    if (!m_db || !current.isValid() || currentIsCatalogue())
        return;
    const Core::MovementSummary summary = m_model->summary(current.row());
    const auto answer = QMessageBox::question(this, tr("Delete movement"),
                                              tr("Delete the movement “%1”? This cannot be undone.").arg(summary.name),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    try {
        Core::MovementRepository(*m_db).remove(summary.id);
    } catch (const Core::Error &e) {
        // Typically: awards in the ledger still refer to it. The message says so.
        reportError(tr("Cannot delete the movement"), e);
        return;
    }
    reload();
    emit movementsChanged();
}

bool MovementsView::chooseReportOccasion(int *year, QString *occasion)
{
    std::optional<Core::Movement> movement;
    try {
        movement = Core::MovementRepository(*m_db).get(currentId());
    } catch (const Core::Error &e) {
        reportError(tr("Cannot open the movement"), e);
        return false;
    }
    if (!movement)
        return false;
    // The years of the plan's period, then the reviews its phases name (both when the plan
    // names none: any movement is reviewed at its end, and may be at mid-term).
    const int thisYear = QDate::currentDate().year();
    const int from = movement->periodFrom > 0 ? movement->periodFrom : thisYear;
    const int to = movement->periodTo >= from ? movement->periodTo : from;
    QStringList items;
    QList<std::pair<int, QString>> choices;
    for (int y = from; y <= to; ++y) {
        items << tr("Year %1").arg(y);
        choices.append({y, QStringLiteral("annual")});
    }
    QStringList reviews;
    for (const Core::MovementPhase &phase : movement->phases)
        if (!phase.review.isEmpty() && !reviews.contains(phase.review))
            reviews << phase.review;
    if (reviews.isEmpty())
        reviews = {QStringLiteral("so_ket"), QStringLiteral("tong_ket")};
    for (const QString &review : {QStringLiteral("so_ket"), QStringLiteral("tong_ket")}) {
        if (!reviews.contains(review))
            continue;
        items << Core::Codes::label(Core::Codes::Set::Occasion, review);
        choices.append({0, review});
    }
    const int current = thisYear >= from && thisYear <= to ? thisYear - from : to - from;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Movement report"), tr("Report on:"), items, current, false, &ok);
    const int index = int(items.indexOf(chosen));
    if (!ok || index < 0)
        return false;
    *year = choices.at(index).first;
    *occasion = choices.at(index).second;
    return true;
}

void MovementsView::reportError(const QString &title, const Core::Error &error)
{
    m_status->setText(error.message());
    showError(this, title, error);
}

} // namespace VinhDanh::Ui
