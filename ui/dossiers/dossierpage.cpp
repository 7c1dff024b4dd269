#include "ui/dossiers/dossierpage.h"

#include "core/accounts/permissions.h"
#include "core/auditlog/auditlog.h"
#include "core/db/changes.h"
#include "core/domain/codes.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/proposals/statemachine.h"
#include "core/settings.h"
#include "ui/dossiers/appraisalpanel.h"
#include "ui/dossiers/attachmentspanel.h"
#include "ui/dossiers/dossierdialog.h"
#include "ui/dossiers/nomineedialog.h"
#include "ui/dossiers/nomineelistdialog.h"
#include "ui/dossiers/nomineemodel.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/registry/personpage.h"
#include "ui/registry/unitpage.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/printbutton.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollBar>
#include <QStyleOptionViewItem>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;
using Wf::Status;
using Wf::Transition;

namespace {
QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

// A function, not a braced list in the constructor's initialisers: lupdate loses the class's
// translation context at a brace there, and every tr() of the constructor would go untranslated.
/// The dossier, everything it holds, and where the council and the decisions put its nominees.
QStringList dossierTables()
{
    return {QStringLiteral("dossiers"),           QStringLiteral("dossier_nominees"),
            QStringLiteral("nominee_checklist"),  QStringLiteral("dossier_attachments"),
            QStringLiteral("nominee_appraisals"), QStringLiteral("nominee_outcomes"),
            QStringLiteral("dossier_events"),     QStringLiteral("council_items")};
}
} // namespace

DossierPage::DossierPage(Core::Database &db, qint64 dossierId, QWidget *parent)
    : QDialog(parent), RecordPage(this, dossierTables()), m_db(db), m_formNames(WorkflowText::awardFormNames(db)),
      m_title(new QLabel(this)), m_status(new QLabel(this)), m_header(new QFormLayout), m_readOnly(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_nominees(new NomineeTableModel(this)), m_nomineeTable(new QTableView(this)),
      m_attachments(new AttachmentsPanel(db, this)), m_appraisal(new AppraisalPanel(db, this)),
      m_history(new QTableWidget(0, 5, this)), m_editHeader(new QPushButton(tr("Edit &header…"), this)),
      m_delete(new QPushButton(tr("&Delete dossier…"), this)), m_addNominee(new QPushButton(tr("&Add…"), this)),
      m_editNominee(new QPushButton(tr("&Edit…"), this)), m_removeNominee(new QPushButton(tr("&Remove…"), this)),
      m_openNominee(new QPushButton(tr("Open &page"), this)), m_print(new PrintButton(this)), m_actions(new QHBoxLayout)
{
    setAttribute(Qt::WA_DeleteOnClose);
    // A window of its own: clerks keep several dossiers open side by side.
    setWindowFlag(Qt::Window);
    m_dossier.id = dossierId;
    m_title->setObjectName(QStringLiteral("title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_readOnly->setObjectName(QStringLiteral("readOnlyReason"));
    m_readOnly->setWordWrap(true);
    m_readOnly->setStyleSheet(QStringLiteral("background: #fff4ce; padding: 4px;"));
    m_editHeader->setObjectName(QStringLiteral("editHeader"));
    m_delete->setObjectName(QStringLiteral("deleteDossier"));

    m_history->setObjectName(QStringLiteral("history"));
    m_history->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Action"), tr("Status"), tr("Reason")});
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->verticalHeader()->hide();
    Columns::remember(m_history, QStringLiteral("dossierHistory"), {2, 4});

    m_tabs->addTab(makeNomineesTab(), tr("Nominees"));
    m_tabs->addTab(m_attachments, tr("Documents"));
    m_tabs->addTab(m_appraisal, tr("Appraisal"));
    m_tabs->addTab(m_history, tr("History"));

    auto *headerButtons = new QVBoxLayout;
    headerButtons->addWidget(m_editHeader);
    headerButtons->addWidget(m_delete);
    headerButtons->addStretch();
    auto *top = new QHBoxLayout;
    top->addLayout(m_header, 1);
    top->addLayout(headerButtons);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &DossierPage::reject);
    // The unit's letter and its list, at any status (a draft is printed to be signed).
    m_print->addDocument(QStringLiteral("to-trinh"), tr("Proposal letter (tờ trình)…"));
    m_print->addDocument(QStringLiteral("danh-sach"), tr("List of nominees (danh sách)…"));
    auto *bottom = new QHBoxLayout;
    bottom->addLayout(m_actions);
    bottom->addStretch();
    bottom->addWidget(m_print);
    bottom->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_status);
    layout->addLayout(top);
    layout->addWidget(changeNotice());
    layout->addWidget(m_readOnly);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bottom);

    // One button per transition, made once; reload() shows those the status allows, in the
    // state machine's order (a button deleted inside its own click would crash).
    for (Transition t : Wf::allTransitions()) {
        auto *button = new QPushButton(Wf::transitionLabel(t), this);
        button->setObjectName(QStringLiteral("transition_") + Wf::transitionCode(t));
        button->hide();
        connect(button, &QPushButton::clicked, this, [this, t] { runTransition(t); });
        m_transitionButtons.insert(t, button);
    }

    connect(m_editHeader, &QPushButton::clicked, this, &DossierPage::editHeader);
    connect(m_delete, &QPushButton::clicked, this, &DossierPage::deleteDossier);
    connect(m_attachments, &AttachmentsPanel::changed, this, &DossierPage::contentChanged);
    connect(m_appraisal, &AppraisalPanel::changed, this, &DossierPage::contentChanged);
    // The appraisal being typed is the clerk's unsaved edit: a change elsewhere must not wipe it.
    // (The panel fills its form with signals blocked, so only the clerk's input arrives here.)
    for (QPlainTextEdit *edit : m_appraisal->findChildren<QPlainTextEdit *>())
        connect(edit, &QPlainTextEdit::textChanged, this, [this] { markDirty(); });
    for (QRadioButton *choice : m_appraisal->findChildren<QRadioButton *>())
        connect(choice, &QRadioButton::clicked, this, [this] { markDirty(); });
    watchDatabase(&db);
    reload();
    sizeToScreen();
}

void DossierPage::sizeToScreen()
{
    const QRect available = screen()->availableGeometry();
    const QSize most(available.width() * 9 / 10, available.height() * 9 / 10);
    QSize size = Core::Settings::windowSize(QStringLiteral("dossier"));
    if (!size.isValid()) {
        // The eight nominee columns as wide as their headers and cells want (a dossier has
        // tens of rows, not thousands), plus the buttons beside them, the frames and margins:
        // a fixed 1000 px clipped the headers and cut every cell.
        const QHeaderView *header = m_nomineeTable->horizontalHeader();
        QStyleOptionViewItem option;
        option.initFrom(m_nomineeTable);
        int columns = 0;
        for (int c = 0; c < header->count(); ++c) {
            if (header->isSectionHidden(c))
                continue;
            int width = header->sectionSizeHint(c);
            for (int r = 0; r < m_nominees->rowCount(); ++r) {
                const QModelIndex index = m_nominees->index(r, c);
                width = qMax(width, m_nomineeTable->itemDelegateForIndex(index)->sizeHint(option, index).width() + 2);
            }
            columns += width;
        }
        const QWidget *tab = m_tabs->widget(0);
        const QMargins outer = layout()->contentsMargins();
        const int margins = tab->sizeHint().width() - m_nomineeTable->sizeHint().width() + 2 * m_nomineeTable->frameWidth()
                            + m_nomineeTable->verticalScrollBar()->sizeHint().width() + outer.left() + outer.right() + 16;
        size = QSize(qMax(1000, columns + margins), qMax(720, sizeHint().height()));
    }
    // A size remembered on a larger screen still fits this one.
    m_fittedSize = size.boundedTo(most).expandedTo(minimumSizeHint());
    resize(m_fittedSize);
}

void DossierPage::done(int result)
{
    // Only a size the clerk chose: saving the fitted one would freeze the next dossier (with
    // longer names or warnings) at this one's width.
    if (size() != m_fittedSize)
        Core::Settings::setWindowSize(QStringLiteral("dossier"), size());
    QDialog::done(result);
}

QWidget *DossierPage::makeNomineesTab()
{
    m_nomineeTable->setObjectName(QStringLiteral("nominees"));
    m_nomineeTable->setModel(m_nominees);
    m_nomineeTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nomineeTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_nomineeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nomineeTable->setAlternatingRowColors(true);
    m_nomineeTable->setWordWrap(false);
    m_nomineeTable->verticalHeader()->hide();
    // The warnings are spelled out in their column (and every one in its tooltip): it gets room.
    Columns::remember(m_nomineeTable, QStringLiteral("nominees"), {NomineeTableModel::Name, NomineeTableModel::Warnings});
    m_addNominee->setObjectName(QStringLiteral("addNominee"));
    m_editNominee->setObjectName(QStringLiteral("editNominee"));
    m_removeNominee->setObjectName(QStringLiteral("removeNominee"));
    m_openNominee->setObjectName(QStringLiteral("openNominee"));
    m_openNominee->setToolTip(tr("Open the person's or unit's page in the registry."));
    connect(m_addNominee, &QPushButton::clicked, this, &DossierPage::addNominee);
    connect(m_editNominee, &QPushButton::clicked, this, &DossierPage::editNominee);
    connect(m_removeNominee, &QPushButton::clicked, this, &DossierPage::removeNominee);
    connect(m_openNominee, &QPushButton::clicked, this, &DossierPage::openNomineePage);
    m_importList = new QPushButton(tr("&Import list…"), this);
    m_importList->setObjectName(QStringLiteral("importList"));
    m_importList->setToolTip(tr("Add the nominees of a list a lower unit sent (Excel, Word or CSV), after a preview of every row."));
    connect(m_importList, &QPushButton::clicked, this, &DossierPage::importList);
    m_fromMinutes = new QPushButton(tr("Confirm from &minutes…"), this);
    m_fromMinutes->setObjectName(QStringLiteral("fromMinutes"));
    m_fromMinutes->setToolTip(tr("Confirm, from a unit's bình xét minutes, the facts of the year (not under disciplinary "
                                 "review, solidarity, active emulation) for the selected nominee, or for every nominee."));
    connect(m_fromMinutes, &QPushButton::clicked, this, &DossierPage::confirmFromMinutes);
    // activated: a double click, or Enter on the current row.
    connect(m_nomineeTable, &QTableView::activated, this, &DossierPage::nomineeActivated);
    connect(m_nomineeTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DossierPage::updateNomineeButtons);

    auto *tab = new QWidget(this);
    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_addNominee, m_importList, m_editNominee, m_removeNominee, m_openNominee, m_fromMinutes})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(tab);
    layout->addWidget(m_nomineeTable, 1);
    layout->addLayout(buttons);
    return tab;
}

void DossierPage::reload()
{
    loadRecord(m_dossier.id);
}

QString DossierPage::readErrorTitle() const
{
    return tr("Cannot open the dossier");
}

bool DossierPage::storedRecordDiffers() const
{
    return Wf::DossierRepository(m_db).dossier(m_dossier.id).version != m_dossier.version;
}

bool DossierPage::concerns(const Core::ChangeSet &changes) const
{
    // Another dossier's header is not this page's business.
    if (!changes.tablesKnown() || changes.tables() != QStringList{QStringLiteral("dossiers")})
        return true;
    const QList<qint64> ids = changes.ids(QStringLiteral("dossiers"));
    return ids.isEmpty() || ids.contains(m_dossier.id);
}

void DossierPage::readRecord(qint64 id)
{
    const Loading loading(this);
    m_dossier.id = id;
    const qint64 keepNominee = selectedNomineeId();
    m_awaiting.clear(); // confirmations may have changed with the content
    Wf::DossierRepository repo(m_db);
    QList<Wf::Nominee> nominees;
    QList<Wf::Appraisal> appraisals;
    QList<Wf::Outcome> outcomes;
    try {
        m_dossier = repo.dossier(m_dossier.id);
        nominees = repo.nominees(m_dossier.id);
        appraisals = repo.appraisals(m_dossier.id);
        outcomes = repo.outcomes(m_dossier.id);
        m_missing = false;
    } catch (const Core::Error &e) {
        m_missing = true;
        m_title->setText(shownInPlace("dossier page", e));
    }
    m_nominees->setContent(nominees, appraisals, outcomes, m_formNames);
    const int row = m_nominees->rowOfId(keepNominee);
    if (row >= 0)
        m_nomineeTable->selectRow(row);
    const bool appraising = !m_missing && m_dossier.status == Status::UnderAppraisal;
    m_tabs->setTabVisible(m_tabs->indexOf(m_appraisal), appraising);
    if (appraising)
        m_appraisal->setContent(nominees, appraisals, Core::Permissions::allowed(m_db, Core::Permissions::Action::AppraiseDossiers));
    m_attachments->setDossier(m_missing ? 0 : m_dossier.id, isEditable());
    loadHeader();
    loadHistory();
    updateControls();
    setClean();
}

void DossierPage::loadHeader()
{
    while (m_header->rowCount() > 0)
        m_header->removeRow(0);
    if (m_missing)
        return;
    const Wf::Dossier &d = m_dossier;
    setWindowTitle(tr("Dossier: %1").arg(d.title));
    m_title->setText(tr("%1 — %2").arg(Wf::Registers::text(d), d.title)); // the number a clerk says, never the key
    m_status->setText(d.status == Status::Returned && !d.returnReason.isEmpty()
                          ? tr("Status: %1. Reason: %2").arg(Wf::statusLabel(d.status), d.returnReason)
                          : tr("Status: %1").arg(Wf::statusLabel(d.status)));
    auto add = [this](const QString &label, const QString &value) {
        auto *field = new QLabel(orDash(value), this);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        field->setWordWrap(true);
        m_header->addRow(label, field);
    };
    add(tr("Proposing unit:"), d.unitName);
    add(tr("Movement:"), WorkflowText::trackText(d));
    add(tr("Occasion:"), Core::Codes::label(Core::Codes::Set::Occasion, d.occasion));
    add(tr("Year:"), QString::number(d.year));
    add(tr("Letter:"), d.letterNo.isEmpty() && !d.letterDate.isValid()
                           ? QString()
                           : tr("%1 dated %2").arg(orDash(d.letterNo), orDash(WorkflowText::date(d.letterDate))));
}

void DossierPage::loadHistory()
{
    m_history->setRowCount(0);
    if (m_missing)
        return;
    try {
        const QList<Wf::Event> events = Wf::DossierRepository(m_db).history(m_dossier.id);
        m_history->setRowCount(int(events.size()));
        for (int row = 0; row < events.size(); ++row) {
            const Wf::Event &e = events.at(row);
            Transition t;
            const QString action = Wf::transitionFromCode(e.transition, &t)  ? Wf::transitionLabel(t)
                                   : e.transition == QLatin1String("create") ? tr("Created")
                                                                             : e.transition;
            QString status;
            try {
                status = Wf::statusLabel(Wf::statusFromCode(e.toStatus));
            } catch (const Core::Error &) {
                status = e.toStatus;
            }
            const QStringList cells{WorkflowText::timestamp(e.at), e.actor.isEmpty() ? tr("(no account)") : Core::actorWords(e.actor),
                                    action, status, e.reason};
            for (int column = 0; column < cells.size(); ++column) {
                auto *item = new QTableWidgetItem(cells.at(column));
                item->setToolTip(cells.at(column));
                m_history->setItem(row, column, item);
            }
        }
    } catch (const Core::Error &e) {
        m_history->setRowCount(1);
        m_history->setItem(0, 0, new QTableWidgetItem(e.message()));
    }
}

QString DossierPage::readOnlyReason() const
{
    return m_readOnly->isHidden() ? QString() : m_readOnly->text();
}

QList<QWidget *> DossierPage::contentControls() const
{
    QList<QWidget *> controls{m_editHeader, m_delete, m_addNominee, m_importList, m_editNominee, m_removeNominee};
    controls << m_attachments->contentControls();
    return controls;
}

QPushButton *DossierPage::transitionButton(Transition t) const
{
    QPushButton *button = m_transitionButtons.value(t);
    return button && !button->isHidden() ? button : nullptr;
}

bool DossierPage::isEditable() const
{
    return !m_missing && Wf::StateMachine::contentEditable(m_dossier.status)
           && Core::Permissions::allowed(m_db, Core::Permissions::Action::EditDossiers);
}

void DossierPage::updateNomineeButtons()
{
    const bool editable = isEditable();
    const bool selected = selectedNomineeId() != 0;
    m_addNominee->setEnabled(editable);
    m_importList->setEnabled(editable);
    m_editNominee->setEnabled(editable && selected);
    m_removeNominee->setEnabled(editable && selected);
    m_openNominee->setEnabled(selected);
    // The dossier's content does not change, so any status will do; but the minutes only help
    // a nominee with something awaiting confirmation.
    m_fromMinutes->setEnabled(!m_missing && !minutesSubjects().isEmpty());
}

void DossierPage::updateControls()
{
    using Core::Permissions::Action;
    const Status status = m_dossier.status;
    const bool statusEditable = !m_missing && Wf::StateMachine::contentEditable(status);
    const bool mayEdit = Core::Permissions::allowed(m_db, Action::EditDossiers);
    const bool editable = statusEditable && mayEdit;

    QString why;
    if (m_missing)
        why = tr("The dossier cannot be shown; close this window and open it again from the list.");
    else if (status == Status::Submitted)
        why = tr("This dossier has been submitted, so its content is read-only. Recall it to make changes "
                 "(possible until appraisal starts).");
    else if (status == Status::UnderAppraisal)
        why = tr("This dossier is under appraisal, so its content is read-only. The appraiser can return it "
                 "for supplement.");
    else if (!statusEditable)
        why = tr("This dossier is %1, so its content is read-only.").arg(Wf::statusLabel(status).toLower());
    else if (!mayEdit)
        why = tr("Your account may read this dossier but not change it (%1 is not among its rights).")
                  .arg(Core::Permissions::actionName(Action::EditDossiers));
    m_readOnly->setText(why);
    m_readOnly->setVisible(!why.isEmpty());
    m_print->setRecord(&m_db, m_missing ? 0 : m_dossier.id, why);

    m_editHeader->setEnabled(editable);
    // Only a draft can be deleted; a returned dossier has a history the office keeps.
    m_delete->setEnabled(editable && status == Status::Draft);
    updateNomineeButtons();

    // The transition buttons: exactly what the state machine allows from here, in its order.
    for (QPushButton *button : std::as_const(m_transitionButtons)) {
        m_actions->removeWidget(button);
        button->hide();
    }
    if (m_missing)
        return;
    for (Transition t : Wf::StateMachine::allowedFrom(status)) {
        QPushButton *button = m_transitionButtons.value(t);
        const Action action = Wf::StateMachine::requiredAction(t);
        const bool allowed = Core::Permissions::allowed(m_db, action);
        button->setEnabled(allowed);
        button->setToolTip(
            allowed ? QString()
                    : tr("Your account may not do this: %1 is not among its rights.").arg(Core::Permissions::actionName(action)));
        m_actions->addWidget(button);
        button->show();
    }
}

qint64 DossierPage::selectedNomineeId() const
{
    const QModelIndexList rows = m_nomineeTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(NomineeTableModel::IdRole).toLongLong();
}

void DossierPage::contentChanged()
{
    reload();
    emit changed();
}

void DossierPage::editHeader()
{
    DossierDialog dialog(m_db, m_dossier.id, this);
    if (dialog.exec() == QDialog::Accepted)
        contentChanged();
}

void DossierPage::addNominee()
{
    NomineeDialog dialog(m_db, m_dossier, 0, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    contentChanged();
    const int row = m_nominees->rowOfId(dialog.nomineeId());
    if (row >= 0)
        m_nomineeTable->selectRow(row);
}

void DossierPage::importList()
{
    NomineeListDialog dialog(m_db, m_dossier, this);
    if (dialog.exec() == QDialog::Accepted)
        contentChanged(); // the nominee list shows the rows just added
}

void DossierPage::editNominee()
{
    const qint64 id = selectedNomineeId();
    if (!id)
        return;
    NomineeDialog dialog(m_db, m_dossier, id, this);
    if (dialog.exec() == QDialog::Accepted)
        contentChanged();
}

void DossierPage::removeNominee()
{
    const qint64 id = selectedNomineeId();
    const Wf::Nominee *n = m_nominees->nomineeAt(m_nominees->rowOfId(id));
    if (!n)
        return;
    if (QMessageBox::question(this, tr("Remove nominee"), tr("Remove “%1” from the dossier?").arg(n->name),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    try {
        Wf::DossierRepository(m_db).removeNominee(id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot remove the nominee"), e);
        return;
    }
    contentChanged();
}

void DossierPage::nomineeActivated()
{
    // Double-click: edit while the content may change, appraise while under appraisal.
    if (m_editNominee->isEnabled())
        editNominee();
    else if (m_tabs->isTabVisible(m_tabs->indexOf(m_appraisal))) {
        m_appraisal->selectNominee(selectedNomineeId());
        m_tabs->setCurrentWidget(m_appraisal);
    }
}

void DossierPage::openNomineePage()
{
    const Wf::Nominee *n = m_nominees->nomineeAt(m_nominees->rowOfId(selectedNomineeId()));
    if (!n)
        return;
    QDialog *page = n->isPerson() ? static_cast<QDialog *>(new PersonPage(m_db, n->personId, this))
                                  : new UnitPage(m_db, n->unitId, this);
    page->open();
}

void DossierPage::deleteDossier()
{
    if (QMessageBox::question(
            this, tr("Delete dossier"),
            tr("Delete the draft dossier “%1” with its nominees and documents? This cannot be undone.").arg(m_dossier.title),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    try {
        Wf::DossierRepository(m_db).remove(m_dossier.id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot delete the dossier"), e);
        return;
    }
    emit changed();
    close();
}

} // namespace VinhDanh::Ui
