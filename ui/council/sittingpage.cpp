#include "ui/council/sittingpage.h"

#include "core/accounts/permissions.h"
#include "core/council/councilrepository.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/registry/movementrepository.h"
#include "ui/council/councilitemsmodel.h"
#include "ui/council/counciltext.h"
#include "ui/council/sittinglistmodel.h"
#include "ui/council/tallyeditor.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/editabletable.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/formwidgets.h"
#include "ui/widgets/printbutton.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

namespace {
// A function, not a braced list in the constructor's initialisers: lupdate loses the class's
// translation context at a brace there, and every tr() of the constructor would go untranslated.
/// The sitting, its members and items, their conflicts and results; the movements it may follow.
QStringList sittingTables()
{
    return {QStringLiteral("council_sessions"),  QStringLiteral("council_members"),  QStringLiteral("council_items"),
            QStringLiteral("council_conflicts"), QStringLiteral("nominee_outcomes"), QStringLiteral("movements")};
}
} // namespace

SittingPage::SittingPage(QWidget *parent)
    : QWidget(parent), RecordPage(this, sittingTables()), m_heading(new QLabel(this)), m_title(new QLineEdit(this)),
      m_date(new DateField(this)), m_place(new QLineEdit(this)), m_chair(new QLineEdit(this)), m_start(new QLineEdit(this)),
      m_end(new QLineEdit(this)), m_secretary(new QLineEdit(this)), m_year(new QSpinBox(this)), m_movement(new QComboBox(this)),
      m_members(new EditableTable({{tr("Name"), EditableColumn::Text, {}, false, 0},
                                   {tr("Title in the council"), EditableColumn::Text, {}, false, 200},
                                   {tr("Attended"), EditableColumn::Check, {}, false, 80},
                                   {tr("Secretary"), EditableColumn::Check, {}, false, 80}},
                                  this)),
      m_quorum(new QLabel(this)), m_state(new QLabel(this)), m_items(new CouncilItemsModel(this)), m_itemsView(new QTableView(this)),
      m_tally(new TallyEditor(this)), m_back(new QPushButton(tr("← All sittings"), this)), m_save(new QPushButton(tr("&Save"), this)),
      m_addDossier(new QPushButton(tr("Add &dossier…"), this)), m_close(new QPushButton(tr("C&lose sitting…"), this)),
      m_print(new PrintButton(this))
{
    m_heading->setObjectName(QStringLiteral("sessionHeading"));
    m_title->setObjectName(QStringLiteral("sessionTitle"));
    m_date->setObjectName(QStringLiteral("sessionDate"));
    m_place->setObjectName(QStringLiteral("sessionPlace"));
    m_chair->setObjectName(QStringLiteral("sessionChair"));
    m_start->setObjectName(QStringLiteral("sessionStart"));
    m_end->setObjectName(QStringLiteral("sessionEnd"));
    m_secretary->setObjectName(QStringLiteral("sessionSecretary"));
    m_year->setObjectName(QStringLiteral("sessionYear"));
    m_movement->setObjectName(QStringLiteral("sessionMovement"));
    m_members->setObjectName(QStringLiteral("members"));
    m_quorum->setObjectName(QStringLiteral("quorum"));
    m_state->setObjectName(QStringLiteral("sessionState"));
    m_itemsView->setObjectName(QStringLiteral("councilItems"));
    m_save->setObjectName(QStringLiteral("saveSession"));
    m_addDossier->setObjectName(QStringLiteral("addDossier"));
    m_close->setObjectName(QStringLiteral("closeSession"));
    m_back->setObjectName(QStringLiteral("backToSessions"));

    m_year->setRange(1945, 2100);
    m_title->setPlaceholderText(tr("e.g. the council's sitting on the year's awards"));
    m_start->setPlaceholderText(tr("hh:mm, e.g. 08:00"));
    m_end->setPlaceholderText(tr("hh:mm, e.g. 10:30"));
    m_secretary->setPlaceholderText(tr("if the secretary is not a member"));
    m_secretary->setToolTip(tr("The secretary's name when they are not a member of the council. For a member, tick "
                               "Secretary in the list of members."));
    m_members->upButton()->setToolTip(tr("Move the member up the list (the order of the minutes)"));
    m_members->addButton()->setToolTip(tr("Add a member of the council"));
    m_quorum->setWordWrap(true);
    m_state->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_heading->setFont(bold);

    auto *header = new QGroupBox(tr("Sitting"), this);
    auto *form = new QFormLayout(header);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Place:"), m_place);
    form->addRow(tr("C&hair:"), m_chair);
    auto *times = new QHBoxLayout;
    times->addWidget(m_start);
    times->addWidget(new QLabel(tr("to"), header));
    times->addWidget(m_end);
    auto *timeLabel = new QLabel(tr("T&ime:"), header); // a row of two fields has no buddy of its own
    timeLabel->setBuddy(m_start);
    form->addRow(timeLabel, times);
    form->addRow(tr("Secr&etary:"), m_secretary);
    form->addRow(tr("&Year of the awards:"), m_year);
    form->addRow(tr("&Movement:"), m_movement);

    auto *membersBox = new QGroupBox(tr("Members and attendance"), this);
    auto *membersLayout = new QVBoxLayout(membersBox);
    membersLayout->addWidget(m_members, 1);
    membersLayout->addWidget(m_quorum);

    auto *top = new QWidget(this);
    auto *topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(header, 2);
    topLayout->addWidget(membersBox, 3);

    m_itemsView->setModel(m_items);
    m_itemsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_itemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_itemsView->setAlternatingRowColors(true);
    m_itemsView->verticalHeader()->hide();
    Columns::remember(m_itemsView, QStringLiteral("councilItems"), {CouncilItemsModel::DossierColumn});

    auto *itemsBox = new QGroupBox(tr("Nominees before the council"), this);
    auto *itemsLayout = new QVBoxLayout(itemsBox);
    auto *itemsButtons = new QHBoxLayout;
    itemsButtons->addWidget(m_addDossier);
    itemsButtons->addStretch();
    itemsLayout->addLayout(itemsButtons);
    itemsLayout->addWidget(m_itemsView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(itemsBox);
    splitter->addWidget(m_tally);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addWidget(m_heading, 1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);
    m_print->addDocument(QStringLiteral("bien-ban"), tr("Minutes (biên bản)…"));
    buttons->addWidget(m_print);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(changeNotice());
    layout->addWidget(m_state);
    layout->addWidget(splitter, 1);

    addEditors({m_title, m_date, m_place, m_chair, m_start, m_end, m_secretary, m_year, m_movement});
    for (QLineEdit *edit :
         {static_cast<QLineEdit *>(m_title), static_cast<QLineEdit *>(m_date), m_place, m_chair, m_start, m_end, m_secretary})
        connect(edit, &QLineEdit::textEdited, this, [this] { markDirty(); });
    connect(m_year, &QSpinBox::valueChanged, this, [this] { markDirty(); });
    connect(m_movement, &QComboBox::currentIndexChanged, this, [this] { markDirty(); });
    connect(m_members, &EditableTable::changed, this, [this] {
        if (!isLoading())
            updateQuorum();
    });
    connect(m_members->table(), &QTableWidget::cellChanged, this, &SittingPage::onMemberItemChanged);
    // Adding, removing or moving a member changes the list: saved with the header.
    for (QPushButton *b : {m_members->addButton(), m_members->removeButton(), m_members->upButton(), m_members->downButton()})
        connect(b, &QPushButton::clicked, this, [this] { markDirty(); });
    connect(m_itemsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SittingPage::showCurrentItem);
    connect(m_tally, &TallyEditor::recorded, this, [this](qint64 itemId) {
        reloadItems(itemId);
        emit changed(m_session.id);
    });
    connect(m_save, &QPushButton::clicked, this, &SittingPage::save);
    connect(m_addDossier, &QPushButton::clicked, this, &SittingPage::addDossier);
    connect(m_close, &QPushButton::clicked, this, &SittingPage::closeSession);
    connect(m_back, &QPushButton::clicked, this, &SittingPage::backRequested);
    // Every write of this page is followed by changed(), after the page has shown its result.
    connect(this, &SittingPage::changed, this, [this] { ownChangeShown(); });
    // Votes being typed, and a member's cell being edited, are not the page's edits yet (the
    // cell counts once committed), but a reload would reset them: it waits.
    holdWhileFocused(m_tally);
    holdWhileFocused(m_members);
    updateState();
}

void SittingPage::setDatabase(Core::Database *db)
{
    m_db = db;
    watchDatabase(db);
    m_tally->setDatabase(db);
    fillMovements();
    if (!db)
        showSession(Sitting{});
}

void SittingPage::fillMovements()
{
    const Loading loading(this);
    m_movement->clear();
    m_movement->addItem(tr("(none — the regular annual track)"), qint64(0));
    if (m_db) {
        try {
            for (const Core::MovementSummary &m : Core::MovementRepository(*m_db).list())
                m_movement->addItem(m.name, m.id);
        } catch (const Core::Error &e) {
            m_state->setText(shownInPlace("sitting movements", e));
        }
    }
}

bool SittingPage::openSession(qint64 id)
{
    return m_db && loadRecord(id);
}

void SittingPage::readRecord(qint64 id)
{
    if (!m_db)
        return;
    fillMovements(); // a movement may have been added since
    showSession(CouncilRepository(*m_db).session(id));
}

bool SittingPage::holdsUnsavedInput() const
{
    // Votes typed for a nominee and not yet recorded, the focus gone to the list meanwhile.
    return m_tally->hasUnrecordedInput();
}

QString SittingPage::readErrorTitle() const
{
    return tr("Cannot open the sitting");
}

bool SittingPage::storedRecordDiffers() const
{
    return !m_db || CouncilRepository(*m_db).session(m_session.id).version != m_session.version;
}

void SittingPage::readChildren()
{
    reloadItems(m_tally->itemId());
}

void SittingPage::dirtyStateChanged()
{
    updateState();
    showCurrentItem();
}

void SittingPage::startNew(const Sitting &defaults)
{
    showSession(defaults); // not dirty: only what the clerk types asks to be saved before leaving
}

void SittingPage::showSession(const Sitting &session)
{
    // Reading the same sitting again (after a save) keeps the selected nominee.
    const qint64 keepItem = session.id > 0 && session.id == m_session.id ? m_tally->itemId() : 0;
    {
        const Loading loading(this);
        m_session = session;
        m_title->setText(session.title);
        m_date->setDate(session.heldOn);
        m_place->setText(session.place);
        m_chair->setText(session.chair);
        m_start->setText(session.startTime.isValid() ? session.startTime.toString(QStringLiteral("HH:mm")) : QString());
        m_end->setText(session.endTime.isValid() ? session.endTime.toString(QStringLiteral("HH:mm")) : QString());
        m_secretary->setText(session.secretary);
        m_year->setValue(session.year > 0 ? session.year : QDate::currentDate().year());
        selectData(m_movement, session.movementId);
        m_members->clear();
        for (const CouncilMember &member : session.members) {
            const int row = m_members->addRow();
            m_members->setText(row, NameColumn, member.fullName);
            m_members->setText(row, TitleColumn, member.title);
            m_members->setChecked(row, AttendedColumn, member.attended);
            m_members->setChecked(row, SecretaryColumn, member.secretary);
            m_members->setRowData(row, member.id);
        }
        m_members->setCurrentRow(-1);
    }
    setClean();
    setReadOnly(!m_db || !SittingMachine::changeable(session.status)
                || !Core::Permissions::allowed(*m_db, Core::Permissions::Action::RunCouncil));
    reloadItems(keepItem);
    updateQuorum();
    updateState();
}

void SittingPage::onMemberItemChanged(int row, int column)
{
    if (isLoading() || isReadOnly())
        return;
    if (column == SecretaryColumn && m_members->checked(row, SecretaryColumn)) {
        // One secretary: ticking a member unticks the others and clears a name typed for a
        // secretary who is not a member.
        const Loading loading(this);
        for (int other = 0; other < m_members->rowCount(); ++other)
            if (other != row)
                m_members->setChecked(other, SecretaryColumn, false);
        m_secretary->clear();
    }
    const qint64 memberId = m_members->rowData(row).toLongLong();
    if (column != AttendedColumn || memberId <= 0) {
        markDirty();
        return;
    }
    // The roll is taken during the sitting: a stored member's attendance is written at once.
    const bool attended = m_members->checked(row, AttendedColumn);
    try {
        CouncilRepository(*m_db).setAttendance(memberId, attended);
    } catch (const Core::Error &e) {
        {
            const Loading loading(this);
            m_members->setChecked(row, AttendedColumn, !attended);
        }
        updateQuorum();
        showError(this, tr("Cannot record the attendance"), e);
        return;
    }
    for (CouncilMember &m : m_session.members)
        if (m.id == memberId)
            m.attended = attended;
    m_tally->setMembers(m_session.members);
    emit changed(m_session.id);
}

QList<CouncilMember> SittingPage::membersFromTable() const
{
    QList<CouncilMember> members;
    for (int row = 0; row < m_members->rowCount(); ++row) {
        CouncilMember m;
        m.fullName = m_members->text(row, NameColumn).trimmed();
        if (m.fullName.isEmpty())
            continue; // a row added and left blank holds nothing to keep
        m.id = m_members->rowData(row).toLongLong();
        m.position = int(members.size());
        m.title = m_members->text(row, TitleColumn).trimmed();
        m.attended = m_members->checked(row, AttendedColumn);
        m.secretary = m_members->checked(row, SecretaryColumn);
        members << m;
    }
    return members;
}

Sitting SittingPage::fromForm() const
{
    Sitting s = m_session; // id, key, quorum, status, version
    s.title = m_title->text().trimmed();
    s.heldOn = m_date->date();
    s.place = m_place->text().trimmed();
    s.chair = m_chair->text().trimmed();
    s.startTime = Council::timeOfDay(m_start->text());
    s.endTime = Council::timeOfDay(m_end->text());
    s.secretary = m_secretary->text().trimmed();
    s.year = m_year->value();
    s.movementId = m_movement->currentData().toLongLong();
    s.members = membersFromTable();
    return s;
}

bool SittingPage::save()
{
    if (!m_db || isReadOnly())
        return false;
    if (!m_date->isAcceptable() || m_date->text().trimmed().isEmpty()) {
        showError(this, tr("Cannot save the sitting"),
                  m_date->text().trimmed().isEmpty() ? tr("Enter the date of the sitting (day/month/year).")
                                                     : badDateMessage(tr("Date"), m_date->text()));
        return false;
    }
    Sitting s;
    try {
        s = fromForm();
        CouncilRepository(*m_db).save(s);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot save the sitting"), e);
        return false;
    }
    openSession(s.id); // the stored members get their ids
    emit changed(s.id);
    return true;
}

void SittingPage::addDossier()
{
    if (!m_db || isReadOnly() || !saveIfDirty())
        return;
    // Only the appraised dossiers this sitting accepts (another movement's never; a
    // regular-track one into a movement's sitting after a confirmation).
    QList<Dossier> waiting;
    QList<CouncilRepository::Offer> offers;
    try {
        DossierFilter filter;
        filter.anyStatus = false;
        filter.status = Status::Appraised;
        const CouncilRepository council(*m_db);
        for (const Dossier &d : DossierRepository(*m_db).list(filter)) {
            for (const CouncilRepository::Offer &o : council.sittingsFor(d.id)) {
                if (o.session.id == m_session.id) {
                    waiting << d;
                    offers << o;
                    break;
                }
            }
        }
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot list the dossiers"), e);
        return;
    }
    if (waiting.isEmpty()) {
        QMessageBox::information(this, tr("Add dossier"),
                                 tr("No dossier this sitting accepts is waiting for the council. A dossier can be put "
                                    "before it once its appraisal is finished; a sitting of a movement takes that "
                                    "movement's dossiers and, after a confirmation, regular-track ones."));
        return;
    }
    QStringList labels;
    for (const Dossier &d : waiting)
        labels << tr("%1: %2 — %3 (%n nominee(s))", "register number: title — unit", d.nomineeCount)
                          .arg(Core::Workflow::Registers::text(d), d.title, d.unitName)
                      + (d.movementId ? QString() : QStringLiteral(" ") + tr("[regular track]"));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Add dossier"), tr("Dossier to put before the council (its agreed nominees are added):"), labels, 0, false, &ok);
    const int index = int(labels.indexOf(chosen));
    if (!ok || index < 0)
        return;
    const bool confirm = offers.at(index).needsConfirmation;
    if (confirm
        && QMessageBox::question(this, tr("Add dossier"),
                                 offers.at(index).note + QStringLiteral("\n\n")
                                     + tr("Put this regular-track dossier before the movement's sitting all the same?"),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               != QMessageBox::Yes)
        return;
    try {
        CouncilRepository(*m_db).addDossier(m_session.id, waiting.at(index).id, confirm);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot add the dossier"), e);
        return;
    }
    reloadItems(0);
    emit changed(m_session.id);
}

void SittingPage::closeSession()
{
    if (!m_db || isReadOnly() || m_session.id <= 0 || !saveIfDirty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Close sitting"),
        tr("Close the sitting “%1”? Its attendance, conflicts and tallies are then frozen as the minutes' record.")
            .arg(m_session.title),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    try {
        CouncilRepository(*m_db).close(m_session.id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot close the sitting"), e);
        return;
    }
    openSession(m_session.id);
    emit changed(m_session.id);
}

void SittingPage::reloadItems(qint64 selectItemId)
{
    try {
        m_items->load(m_db, m_session.id);
    } catch (const Core::Error &e) {
        m_state->setText(shownInPlace("sitting items", e));
    }
    const int row = m_items->rowForId(selectItemId);
    if (row >= 0)
        m_itemsView->setCurrentIndex(m_items->index(row, 0));
    else if (m_items->rowCount() > 0)
        m_itemsView->setCurrentIndex(m_items->index(0, 0));
    showCurrentItem();
}

void SittingPage::showCurrentItem()
{
    const QModelIndex current = m_itemsView->currentIndex();
    if (!m_db || !current.isValid()) {
        m_tally->clear();
        return;
    }
    const CouncilItem &item = m_items->item(current.row());
    Threshold threshold = item.threshold;
    if (!isReadOnly()) {
        try {
            threshold = CouncilRepository(*m_db).thresholdFor(item.formCode);
        } catch (const Core::Error &e) {
            m_state->setText(shownInPlace("vote threshold", e));
        }
    }
    // The tally counts the stored members: it waits while member edits are unsaved.
    m_tally->showItem(m_session, item, threshold, !isReadOnly() && !hasUnsavedChanges());
}

QString SittingPage::quorumText() const
{
    return m_quorum->text();
}

void SittingPage::updateQuorum()
{
    const QList<CouncilMember> members = membersFromTable();
    int present = 0;
    for (const CouncilMember &m : members)
        present += m.attended ? 1 : 0;
    m_quorum->setText(CouncilText::quorumLine(present, int(members.size()), m_session.quorumNum, m_session.quorumDen));
}

void SittingPage::updateState()
{
    const bool open = m_db != nullptr;
    const bool stored = m_session.id > 0;
    const bool editable = open && !isReadOnly();
    setEditorsReadOnly(!editable);
    m_members->setReadOnly(!editable);
    m_save->setVisible(editable);
    m_save->setEnabled(hasUnsavedChanges() || !stored);
    m_addDossier->setVisible(editable);
    m_close->setVisible(editable && stored);
    // The minutes are made from what is stored: not from a new sitting or unsaved edits.
    m_print->setRecord(m_db, stored && !hasUnsavedChanges() ? m_session.id : 0,
                       stored ? tr("Save the changes first: the minutes are made from the saved sitting.")
                              : tr("Save the sitting first: the minutes are made from the saved sitting."));

    // The register number ("Phiên 3/2026") leads: it is how the sitting is named aloud.
    m_heading->setText(
        stored ? tr("%1: %2 — %3", "a sitting's register number: title — status")
                     .arg(Core::Workflow::Registers::text(m_session), m_session.title, CouncilText::sessionStatus(m_session.status))
               : tr("New sitting"));
    if (!open)
        m_state->clear();
    else if (!SittingMachine::changeable(m_session.status))
        m_state->setText(tr("This sitting is closed: its record is read-only."));
    else if (isReadOnly())
        m_state->setText(tr("Your account may look at this sitting but not run it."));
    else if (!stored)
        m_state->setText(tr("New sitting: fill in the header and the members, then Save."));
    else if (hasUnsavedChanges())
        m_state->setText(tr("Changes not saved yet: Save writes them. Tallies can be recorded once they are saved."));
    else
        m_state->setText(tr("Tick who attended; put the appraised dossiers before the council; select a nominee to "
                            "record its tally."));
}

} // namespace VinhDanh::Ui
