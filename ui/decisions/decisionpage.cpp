#include "ui/decisions/decisionpage.h"

#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"

#include "core/accounts/permissions.h"
#include "core/auditlog/auditlog.h"
#include "core/council/councilrepository.h"
#include "core/db/changes.h"
#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "ui/council/councilfilldialog.h"
#include "ui/council/counciltext.h"
#include "ui/decisions/awardeesmodel.h"
#include "ui/documents/certificatedialog.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/formwidgets.h"
#include "ui/widgets/printbutton.h"

#include <QAction>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

namespace {
// A function, not a braced list in the constructor's initialisers: lupdate loses the class's
// translation context at a brace there, and every tr() of the constructor would go untranslated.
/// Its header, its list, the sittings it may follow; pay data changes show at the next pricing.
QStringList decisionTables()
{
    return {QStringLiteral("decisions"), QStringLiteral("decision_awardees"), QStringLiteral("council_sessions")};
}
} // namespace

DecisionPage::DecisionPage(QWidget *parent)
    : QWidget(parent), RecordPage(this, decisionTables()), m_heading(new QLabel(this)), m_state(new QLabel(this)),
      m_issuer(new QLineEdit(this)), m_year(new QSpinBox(this)), m_registerNo(new QSpinBox(this)), m_number(new QLabel(this)),
      m_numberWarning(makeProblemLabel(this)), m_date(new DateField(this)), m_title(new QLineEdit(this)),
      m_signer(new QLineEdit(this)), m_signerTitle(new QLineEdit(this)), m_authority(new QComboBox(this)),
      m_session(new QComboBox(this)), m_amends(new QLabel(this)), m_awardees(new AwardeesModel(this)),
      m_awardeesView(new QTableView(this)), m_total(new QLabel(this)), m_pricing(makeProblemLabel(this)),
      m_back(new QPushButton(tr("← All decisions"), this)), m_save(new QPushButton(tr("&Save draft"), this)),
      m_fill(new QPushButton(tr("&Fill from the council's result"), this)),
      m_removeAwardee(new QPushButton(tr("&Remove awardee"), this)), m_issue(new QPushButton(tr("&Issue…"), this)),
      m_delete(new QPushButton(tr("&Delete draft"), this)), m_amend(new QPushButton(tr("New &amending decision"), this)),
      m_print(new PrintButton(this))
{
    const QList<QPair<QWidget *, const char *>> names{{m_heading, "decisionHeading"},
                                                      {m_state, "decisionState"},
                                                      {m_issuer, "issuer"},
                                                      {m_year, "decisionYear"},
                                                      {m_registerNo, "registerNo"},
                                                      {m_number, "decisionNumber"},
                                                      {m_numberWarning, "numberWarning"},
                                                      {m_date, "decisionDate"},
                                                      {m_title, "decisionTitle"},
                                                      {m_signer, "signer"},
                                                      {m_signerTitle, "signerTitle"},
                                                      {m_authority, "authority"},
                                                      {m_session, "decisionSession"},
                                                      {m_amends, "amends"},
                                                      {m_awardeesView, "awardees"},
                                                      {m_total, "decisionTotal"},
                                                      {m_pricing, "pricingProblem"},
                                                      {m_back, "backToDecisions"},
                                                      {m_save, "saveDecision"},
                                                      {m_fill, "fillFromCouncil"},
                                                      {m_removeAwardee, "removeAwardee"},
                                                      {m_issue, "issueDecision"},
                                                      {m_delete, "deleteDecision"},
                                                      {m_amend, "amendDecision"}};
    for (const auto &[widget, name] : names)
        widget->setObjectName(QLatin1String(name));

    m_year->setRange(1945, 2100);
    m_registerNo->setRange(1, 999999);
    m_title->setPlaceholderText(tr("Trích yếu, e.g. on awarding the Certificate of Merit for 2025"));
    m_issuer->setToolTip(tr("The register the number is taken from (default: Settings ▸ Bonuses and votes)"));
    for (const Core::Codes::Authority a : Core::Codes::authorities()) {
        m_authority->addItem(Core::Codes::authorityLabel(a), Core::Codes::authorityCode(a));
        m_authority->setItemData(m_authority->count() - 1, Core::Codes::authorityToolTip(a), Qt::ToolTipRole);
    }
    m_fill->setToolTip(tr("Replace the list by the nominees the chosen sitting passed that are not in another decision"));
    m_amends->setWordWrap(true);
    m_state->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_heading->setFont(bold);
    m_number->setFont(bold);

    auto *numberRow = new QHBoxLayout;
    numberRow->addWidget(m_registerNo);
    numberRow->addWidget(m_number, 1);
    auto *header = new QGroupBox(tr("Decision"), this);
    auto *form = new QFormLayout(header);
    form->addRow(tr("Iss&uer (register):"), m_issuer);
    form->addRow(tr("&Year:"), m_year);
    // A row holding a layout gets no buddy from addRow(), so its "&" would show literally.
    auto *numberLabel = new QLabel(tr("&Number:"), header);
    numberLabel->setBuddy(m_registerNo);
    form->addRow(numberLabel, numberRow);
    form->addRow(QString(), m_numberWarning);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Title (trích yếu):"), m_title);
    form->addRow(tr("Si&gner:"), m_signer);
    form->addRow(tr("Signer's &position:"), m_signerTitle);
    form->addRow(tr("Au&thority:"), m_authority);
    form->addRow(tr("&Council sitting:"), m_session);
    form->addRow(QString(), m_amends);

    m_awardeesView->setModel(m_awardees);
    m_awardeesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_awardeesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_awardeesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_awardeesView->setAlternatingRowColors(true);
    m_awardeesView->verticalHeader()->hide();
    // Widths from the content with the name and its unit wide (a stretched name column was
    // squeezed to "…" once the others had taken their content's width).
    Columns::remember(m_awardeesView, QStringLiteral("awardees"), {AwardeesModel::NameColumn, AwardeesModel::ContextColumn});

    auto *listBox = new QGroupBox(tr("Awardees"), this);
    auto *listLayout = new QVBoxLayout(listBox);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_fill);
    listButtons->addWidget(m_removeAwardee);
    listButtons->addStretch();
    listButtons->addWidget(m_total);
    listLayout->addLayout(listButtons);
    listLayout->addWidget(m_awardeesView, 1);
    listLayout->addWidget(m_pricing);

    auto *top = new QHBoxLayout;
    top->addWidget(m_back);
    top->addWidget(m_heading, 1);
    top->addWidget(m_save);
    top->addWidget(m_issue);
    top->addWidget(m_delete);
    top->addWidget(m_amend);
    m_print->addDocument(QStringLiteral("quyet-dinh"), tr("Decision with its list (quyết định)…"));
    m_certificates = m_print->menu()->addAction(tr("Certificates on blanks (in phôi)…"));
    m_certificates->setObjectName(QStringLiteral("print_certificates"));
    connect(m_certificates, &QAction::triggered, this, [this] {
        if (m_db)
            CertificateDialog::show(window(), *m_db, m_decision.id);
    });
    top->addWidget(m_print);

    auto *body = new QHBoxLayout;
    body->addWidget(header, 2);
    body->addWidget(listBox, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(changeNotice());
    layout->addWidget(m_state);
    layout->addLayout(body, 1);

    addEditors({m_issuer, m_title, m_signer, m_signerTitle, m_date, m_year, m_registerNo, m_authority, m_session});
    for (QLineEdit *edit : {m_issuer, m_title, m_signer, m_signerTitle, static_cast<QLineEdit *>(m_date)})
        connect(edit, &QLineEdit::textEdited, this, [this] { markDirty(); });
    connect(m_issuer, &QLineEdit::textEdited, this, &DecisionPage::onRegisterChanged);
    connect(m_year, &QSpinBox::valueChanged, this, [this] {
        markDirty();
        onRegisterChanged();
    });
    connect(m_registerNo, &QSpinBox::valueChanged, this, [this] {
        if (isLoading())
            return;
        m_numberTouched = true;
        markDirty();
        updateNumber();
    });
    for (QComboBox *combo : {m_authority, m_session})
        connect(combo, &QComboBox::currentIndexChanged, this, [this] { markDirty(); });
    connect(m_back, &QPushButton::clicked, this, &DecisionPage::backRequested);
    connect(m_save, &QPushButton::clicked, this, &DecisionPage::save);
    connect(m_fill, &QPushButton::clicked, this, &DecisionPage::fillFromCouncil);
    connect(m_removeAwardee, &QPushButton::clicked, this, &DecisionPage::removeAwardee);
    connect(m_issue, &QPushButton::clicked, this, &DecisionPage::issue);
    connect(m_delete, &QPushButton::clicked, this, &DecisionPage::removeDraft);
    connect(m_amend, &QPushButton::clicked, this, &DecisionPage::newAmendment);
    connect(m_awardeesView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DecisionPage::updateState);
    // Every write of this page is followed by changed(), after the page has shown its result.
    connect(this, &DecisionPage::changed, this, [this] { ownChangeShown(); });
    updateState();
}

void DecisionPage::setDatabase(Core::Database *db)
{
    m_db = db;
    watchDatabase(db);
    fillSessions();
    if (!db)
        showDecision(Decision{});
}

void DecisionPage::fillSessions()
{
    const Loading loading(this);
    m_session->clear();
    m_sessionMovement.clear();
    m_session->addItem(tr("(none)"), qint64(0));
    if (m_db) {
        try {
            for (const Sitting &s : CouncilRepository(*m_db).sessions()) {
                m_session->addItem(tr("%1: %2 — %3 (%4)", "register number: title — date (status)")
                                       .arg(Core::Workflow::Registers::text(s), s.title, CouncilText::date(s.heldOn),
                                            CouncilText::sessionStatus(s.status)),
                                   s.id);
                m_sessionMovement.insert(s.id, s.movementId);
            }
        } catch (const Core::Error &e) {
            m_state->setText(shownInPlace("decision page", e));
        }
    }
}

bool DecisionPage::openDecision(qint64 id)
{
    return m_db && loadRecord(id);
}

void DecisionPage::readRecord(qint64 id)
{
    if (m_db)
        showDecision(DecisionRepository(*m_db).decision(id));
}

QString DecisionPage::readErrorTitle() const
{
    return tr("Cannot open the decision");
}

bool DecisionPage::storedRecordDiffers() const
{
    return !m_db || DecisionRepository(*m_db).decision(m_decision.id).version != m_decision.version;
}

bool DecisionPage::concerns(const Core::ChangeSet &changes) const
{
    // Another decision's header is not this page's business; its list, pricing and sittings are.
    if (!changes.tablesKnown() || changes.tables() != QStringList{QStringLiteral("decisions")})
        return true;
    const QList<qint64> ids = changes.ids(QStringLiteral("decisions"));
    return ids.isEmpty() || ids.contains(m_decision.id);
}

void DecisionPage::startNew(const Decision &defaults)
{
    Decision d = defaults;
    if (m_db && d.registerNo <= 0) {
        try {
            d.registerNo = DecisionRepository(*m_db).nextRegisterNo(d.issuer, d.year);
        } catch (const Core::Error &e) {
            m_state->setText(shownInPlace("decision page", e));
        }
    }
    showDecision(d); // not dirty: only what the clerk types asks to be saved before leaving
}

void DecisionPage::showDecision(const Decision &d)
{
    fillSessions(); // a sitting may have been added since
    {
        const Loading loading(this);
        m_decision = d;
        m_issuer->setText(d.issuer);
        m_year->setValue(d.year > 0 ? d.year : QDate::currentDate().year());
        m_registerNo->setValue(qMax(1, d.registerNo));
        m_date->setDate(d.date);
        m_title->setText(d.title);
        m_signer->setText(d.signer);
        m_signerTitle->setText(d.signerTitle);
        selectData(m_authority, d.authority);
        selectData(m_session, d.sessionId);
    }
    setClean();
    m_numberTouched = d.id > 0;
    setReadOnly(!m_db || !DecisionMachine::changeable(d.status)
                || !Core::Permissions::allowed(*m_db, Core::Permissions::Action::DraftDecisions));
    m_amends->clear();
    if (m_db && d.amendsId > 0) {
        try {
            const Decision old = DecisionRepository(*m_db).decision(d.amendsId);
            m_amends->setText(tr("Amends decision %1 of %2.").arg(old.number, CouncilText::date(old.date)));
        } catch (const Core::Error &e) {
            m_amends->setText(shownInPlace("amended decision", e));
        }
    }
    m_pricing->hide();
    reloadAwardees();
    updateNumber();
    updateState();
}

void DecisionPage::onRegisterChanged()
{
    if (isLoading())
        return;
    // A new draft follows its register until the clerk picks a number of their own.
    if (!m_numberTouched && m_decision.id == 0 && m_db) {
        try {
            const int next = DecisionRepository(*m_db).nextRegisterNo(m_issuer->text().trimmed(), m_year->value());
            const Loading loading(this);
            m_registerNo->setValue(next);
        } catch (const Core::Error &e) {
            m_state->setText(shownInPlace("decision page", e));
        }
    }
    updateNumber();
}

void DecisionPage::updateNumber()
{
    QStringList others;
    if (m_db) {
        try {
            const DecisionRepository repo(*m_db);
            m_number->setText(repo.formatNumber(m_registerNo->value()));
            if (!isReadOnly())
                others = repo.numberInUse(m_issuer->text().trimmed(), m_year->value(), m_registerNo->value(), m_decision.id);
        } catch (const Core::Error &e) {
            others << e.message();
        }
    } else {
        m_number->clear();
    }
    showProblems(m_numberWarning, others.isEmpty()
                                      ? QStringList()
                                      : QStringList{tr("Number %1 of %2 in %3 is already used: %4. A decision cannot be issued "
                                                       "under a number another issued decision holds.")
                                                        .arg(m_number->text(), QString::number(m_year->value()),
                                                             m_issuer->text().trimmed(), others.join(QStringLiteral("; ")))});
}

QString DecisionPage::numberText() const
{
    return m_number->text();
}

QString DecisionPage::numberWarning() const
{
    return m_numberWarning->isHidden() ? QString() : m_numberWarning->text();
}

QString DecisionPage::totalText() const
{
    return m_total->text();
}

void DecisionPage::reloadAwardees()
{
    // Reading the list again (a save, a change elsewhere) keeps the selected awardee.
    const QModelIndex current = m_awardeesView->currentIndex();
    const qint64 keep = current.isValid() ? m_awardees->awardee(current.row()).id : 0;
    try {
        m_awardees->load(m_db, m_decision.id);
    } catch (const Core::Error &e) {
        m_state->setText(shownInPlace("decision page", e));
    }
    for (int row = 0; keep > 0 && row < m_awardees->rowCount(); ++row)
        if (m_awardees->awardee(row).id == keep)
            m_awardeesView->setCurrentIndex(m_awardees->index(row, 0));
    m_total->setText(tr("Total: %1 VND").arg(Money::amountText(m_awardees->total())));
}

Decision DecisionPage::fromForm() const
{
    Decision d = m_decision; // id, key, status, amends, version
    d.issuer = m_issuer->text().trimmed();
    d.year = m_year->value();
    d.registerNo = m_registerNo->value();
    d.date = m_date->date();
    d.title = m_title->text().trimmed();
    d.signer = m_signer->text().trimmed();
    d.signerTitle = m_signerTitle->text().trimmed();
    d.authority = m_authority->currentData().toString();
    d.sessionId = m_session->currentData().toLongLong();
    if (d.movementId == 0 && d.sessionId > 0)
        d.movementId = m_sessionMovement.value(d.sessionId);
    return d;
}

bool DecisionPage::save()
{
    if (!m_db || isReadOnly())
        return false;
    if (!m_date->isAcceptable()) {
        showError(this, tr("Cannot save the decision"), badDateMessage(tr("Date"), m_date->text()));
        return false;
    }
    Decision d = fromForm();
    try {
        DecisionRepository(*m_db).save(d);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot save the decision"), e);
        return false;
    }
    openDecision(d.id);
    price(); // the date may have moved to another base salary or coefficient
    emit changed(d.id);
    return true;
}

void DecisionPage::price()
{
    if (!m_db || isReadOnly() || m_decision.id <= 0 || m_awardees->rowCount() == 0)
        return;
    QString problem;
    try {
        DecisionRepository repo(*m_db);
        repo.price(m_decision.id);
        m_decision = repo.decision(m_decision.id); // base salary, total, version
    } catch (const Core::Error &e) {
        problem = e.message();
    }
    reloadAwardees();
    // Not a message box: the clerk may fix the pay data later; Issue refuses until then.
    showProblems(m_pricing, problem.isEmpty() ? QStringList() : QStringList{problem});
}

void DecisionPage::fillFromCouncil()
{
    if (!m_db || isReadOnly())
        return;
    if (m_session->currentData().toLongLong() <= 0) {
        showError(this, tr("Fill from the council's result"), tr("Choose the council sitting whose result this decision follows."));
        return;
    }
    if (m_awardees->rowCount() > 0) {
        const auto answer = QMessageBox::question(
            this, tr("Fill from the council's result"),
            tr("Replace the %n awardee(s) listed by the sitting's result?", nullptr, m_awardees->rowCount()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return;
    }
    if (!saveIfDirty())
        return;
    // The clerk picks the dossiers: a sitting may hold dossiers of other movements or
    // occasions, which belong on other decisions (issue 13).
    CouncilFillDialog picker(*m_db, m_decision.id, m_decision.sessionId, this);
    if (picker.offered().isEmpty()) {
        showError(this, tr("Fill from the council's result"),
                  picker.problem().isEmpty() ? tr("The sitting passed no nominee that this office awards and that is not "
                                                  "already on another decision or settled.")
                                             : picker.problem());
        return;
    }
    if (picker.exec() != QDialog::Accepted)
        return;
    QStringList leftOut;
    try {
        leftOut = DecisionRepository(*m_db).fillFromCouncil(m_decision.id, m_decision.sessionId, picker.picked());
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot fill the decision"), e);
        return;
    }
    reloadAwardees();
    price();
    // Not a message box: the clerk reads it beside the list (the page's state line).
    if (!leftOut.isEmpty())
        m_state->setText(tr("Left out of the list:") + QLatin1Char('\n') + leftOut.join(QLatin1Char('\n')));
    else if (m_awardees->rowCount() == 0)
        m_state->setText(tr("The sitting passed no nominee that this office decides and that is not already in another "
                            "decision."));
    emit changed(m_decision.id);
}

void DecisionPage::removeAwardee()
{
    const QModelIndex current = m_awardeesView->currentIndex();
    if (!m_db || isReadOnly() || !current.isValid())
        return;
    try {
        DecisionRepository(*m_db).removeAwardee(m_awardees->awardee(current.row()).id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot remove the awardee"), e);
        return;
    }
    price();
    reloadAwardees();
    emit changed(m_decision.id);
}

void DecisionPage::updateState()
{
    const bool open = m_db != nullptr;
    const bool stored = m_decision.id > 0;
    const bool issued = DecisionMachine::inForce(m_decision.status);
    const bool editable = open && !isReadOnly();
    setEditorsReadOnly(!editable);
    m_save->setVisible(editable);
    m_save->setEnabled(hasUnsavedChanges() || !stored);
    m_fill->setVisible(editable);
    m_removeAwardee->setVisible(editable);
    m_removeAwardee->setEnabled(m_awardeesView->currentIndex().isValid());
    m_issue->setVisible(editable);
    m_delete->setVisible(editable);
    m_amend->setVisible(open && DecisionMachine::target(m_decision.status, DecisionAction::Amend));
    m_amend->setEnabled(open && Core::Permissions::allowed(*m_db, Core::Permissions::Action::DraftDecisions));
    // A draft prints too (to be checked and signed), but only as it is saved.
    m_print->setRecord(m_db, stored && !hasUnsavedChanges() ? m_decision.id : 0,
                       stored ? tr("Save the changes first: the document is made from the saved decision.")
                              : tr("Save the draft first: the document is made from the saved decision."));

    // Certificates carry the final number and date: only an issued decision has them.
    m_certificates->setEnabled(open && issued);
    m_certificates->setToolTip(issued ? QString() : tr("Certificates are printed once the decision is issued."));

    m_heading->setText(stored ? tr("Decision %1 — %2").arg(m_decision.number, CouncilText::decisionStatus(m_decision.status))
                              : tr("New decision"));
    if (!open)
        m_state->clear();
    else if (issued)
        m_state->setText(tr("Issued on %1 by %2: read-only. A correction is made by an amending decision.")
                             .arg(m_decision.issuedAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                                  m_decision.issuedBy.isEmpty() ? tr("(no account)") : Core::actorWords(m_decision.issuedBy)));
    else if (isReadOnly())
        m_state->setText(tr("Your account may look at this draft but not change it."));
    else if (!stored)
        m_state->setText(tr("New draft: check the number, fill in the date, title and signer, choose the sitting, then "
                            "fill the list from its result."));
    else if (hasUnsavedChanges())
        m_state->setText(tr("Changes not saved yet."));
    else
        m_state->setText(tr("Draft: not in force until it is issued."));
}

} // namespace VinhDanh::Ui
