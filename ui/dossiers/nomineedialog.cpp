#include "ui/dossiers/nomineedialog.h"

#include "core/domain/codes.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "core/text/vntext.h"
#include "ui/dossiers/subjectpicker.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/formwidgets.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTableWidget>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

namespace {
constexpr int ItemIdRole = Qt::UserRole;
constexpr int RowIdRole = Qt::UserRole + 1;
} // namespace

NomineeDialog::NomineeDialog(Core::Database &db, const Wf::Dossier &dossier, qint64 nomineeId, QWidget *parent)
    : FormDialog(parent), m_db(db), m_dossier(dossier), m_picker(new SubjectPicker(db, this)), m_form(new QComboBox(this)),
      m_kind(new QComboBox(this)), m_summary(new QPlainTextEdit(this)), m_checklist(new QTableWidget(0, 2, this)),
      m_warningsLabel(new QLabel(this)), m_trace(new TraceView(this)), m_reasonLabel(new QLabel(this)),
      m_reason(new QPlainTextEdit(this))
{
    setWindowTitle(nomineeId ? tr("Edit nominee") : tr("Add nominee"));
    m_form->setObjectName(QStringLiteral("form"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_checklist->setObjectName(QStringLiteral("checklist"));
    m_warningsLabel->setObjectName(QStringLiteral("warnings"));
    m_reason->setObjectName(QStringLiteral("proceedReason"));
    m_form->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_form->setMinimumContentsLength(40);
    fillCodes(m_kind, Core::Codes::Set::AwardKind);
    m_summary->setPlaceholderText(tr("The achievements the proposal rests on, in a few lines."));
    m_summary->setTabChangesFocus(true);
    m_summary->setMaximumHeight(90);
    m_checklist->setHorizontalHeaderLabels({tr("Standard of the movement (tick when met)"), tr("Evidence note")});
    Columns::remember(m_checklist, QStringLiteral("nomineeChecklist"), {0, 1});
    m_checklist->verticalHeader()->hide();
    m_checklist->setWordWrap(true);
    m_checklist->setMaximumHeight(150);
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::PlainText);
    m_trace->setMinimumHeight(160);
    m_trace->hide();
    m_reasonLabel->setText(tr("The engine finds this nominee not eligible. Write why the proposal goes on anyway "
                              "(the appraiser reads it):"));
    m_reasonLabel->setWordWrap(true);
    m_reason->setMaximumHeight(70);
    m_reason->setTabChangesFocus(true);
    m_reasonLabel->hide();
    m_reason->hide();

    form()->addRow(tr("Nominee:"), m_picker);
    form()->addRow(tr("&Award form:"), m_form);
    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("Achievement &summary:"), m_summary);
    form()->addRow(tr("Standards:"), m_checklist);
    form()->addRow(tr("Checks:"), m_warningsLabel);
    form()->addRow(m_trace);
    form()->addRow(m_reasonLabel);
    form()->addRow(m_reason);

    try {
        m_forms = Core::RecordRepository(m_db).awardForms();
        if (nomineeId)
            m_nominee = Wf::DossierRepository(m_db).nominee(nomineeId);
        else
            m_nominee.dossierId = dossier.id;
    } catch (const Core::Error &e) {
        setProblems({e.message()});
        setSaveEnabled(false);
        m_loaded = false;
    }
    fill();

    m_warningTimer.setSingleShot(true);
    m_warningTimer.setInterval(WarningDelayMs);
    connect(&m_warningTimer, &QTimer::timeout, this, &NomineeDialog::refreshWarnings);
    connect(m_picker, &SubjectPicker::subjectChanged, this, &NomineeDialog::subjectChanged);
    connect(m_form, &QComboBox::currentIndexChanged, this, &NomineeDialog::scheduleWarnings);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NomineeDialog::scheduleWarnings);
    connect(m_checklist, &QTableWidget::itemChanged, this, &NomineeDialog::scheduleWarnings);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &NomineeDialog::updateSaveEnabled);
    if (m_nominee.id && m_nominee.checklist.isEmpty())
        subjectChanged(); // an older nominee without its checklist gets the movement's standards
    refreshWarnings();
    resize(900, 820);
}

void NomineeDialog::fill()
{
    const QSignalBlocker block(m_picker);
    if (m_nominee.id) {
        m_picker->setSubject(m_nominee.isPerson() ? Core::Subject::person(m_nominee.personId) : Core::Subject::unit(m_nominee.unitId),
                             m_nominee.name);
        m_summary->setPlainText(m_nominee.summary);
        m_reason->setPlainText(m_nominee.proceedReason);
        setChecklist(m_nominee.checklist);
    }
    m_form->setCurrentIndex(0); // so fillForms() keeps the stored form, not the one shown before
    fillForms();
    selectForm(m_nominee.formCode);
    selectData(m_kind, m_nominee.awardKind);
}

void NomineeDialog::fillForms()
{
    // Individual forms for a person, collective ones for a unit; the stored form stays listed.
    const Core::Subject s = m_picker->subject();
    const bool chosen = s.personId || s.unitId;
    const QString own = s.isPerson() ? QStringLiteral("individual") : QStringLiteral("collective");
    const QString keep = currentCode(m_form).isEmpty() ? m_nominee.formCode : currentCode(m_form);
    const QSignalBlocker block(m_form);
    m_form->clear();
    m_form->addItem(chosen ? tr("(choose)") : tr("(choose the nominee first)"), QString());
    for (const Core::AwardForm &f : std::as_const(m_forms))
        if (chosen && (f.recipients == own || f.recipients == QLatin1String("both")))
            m_form->addItem(f.name, f.code);
    selectData(m_form, keep);
}

void NomineeDialog::selectForm(const QString &code)
{
    selectData(m_form, code);
}

void NomineeDialog::subjectChanged()
{
    fillForms();
    // The standards depend on the nominee's category: take the movement's list for this one,
    // keeping what the clerk already ticked and wrote for items that stay.
    try {
        Wf::Nominee probe = collect();
        QList<Wf::ChecklistItem> fresh = Wf::DossierRepository(m_db).standardChecklist(m_dossier, probe);
        const QList<Wf::ChecklistItem> current = checklistItems();
        for (Wf::ChecklistItem &item : fresh)
            for (const Wf::ChecklistItem &old : current)
                if (old.itemId == item.itemId) {
                    item.id = old.id;
                    item.confirmed = old.confirmed;
                    item.evidence = old.evidence;
                }
        setChecklist(fresh);
    } catch (const Core::Error &e) {
        setProblems({e.message()});
    }
    scheduleWarnings();
}

void NomineeDialog::setChecklist(const QList<Wf::ChecklistItem> &items)
{
    const QSignalBlocker block(m_checklist);
    m_checklist->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const Wf::ChecklistItem &item = items.at(row);
        auto *text = new QTableWidgetItem(item.text);
        text->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        text->setCheckState(item.confirmed ? Qt::Checked : Qt::Unchecked);
        text->setData(ItemIdRole, item.itemId);
        text->setData(RowIdRole, item.id);
        text->setToolTip(item.text);
        m_checklist->setItem(row, 0, text);
        m_checklist->setItem(row, 1, new QTableWidgetItem(item.evidence));
    }
    m_checklist->resizeRowsToContents();
    m_checklist->setEnabled(!items.isEmpty());
    m_checklist->setToolTip(items.isEmpty() ? tr("No movement standards apply: the dossier follows the regular track, "
                                                 "or the movement sets none for this nominee.")
                                            : QString());
}

QList<Wf::ChecklistItem> NomineeDialog::checklistItems() const
{
    QList<Wf::ChecklistItem> items;
    for (int row = 0; row < m_checklist->rowCount(); ++row) {
        const QTableWidgetItem *text = m_checklist->item(row, 0);
        const QTableWidgetItem *note = m_checklist->item(row, 1);
        Wf::ChecklistItem item;
        item.id = text->data(RowIdRole).toLongLong();
        item.itemId = text->data(ItemIdRole).toString();
        item.text = text->text();
        item.confirmed = text->checkState() == Qt::Checked;
        item.evidence = note ? Core::Text::clean(note->text()) : QString();
        items << item;
    }
    return items;
}

Wf::Nominee NomineeDialog::collect() const
{
    Wf::Nominee n = m_nominee;
    const Core::Subject s = m_picker->subject();
    n.personId = s.personId;
    n.unitId = s.unitId;
    n.name = m_picker->subjectName();
    n.formCode = currentCode(m_form);
    n.awardKind = currentCode(m_kind);
    n.summary = Core::Text::clean(m_summary->toPlainText());
    n.checklist = checklistItems();
    // The reason is asked for (and kept) only while the engine says "not eligible".
    n.proceedReason = m_blocking ? Core::Text::clean(m_reason->toPlainText()) : QString();
    return n;
}

void NomineeDialog::scheduleWarnings()
{
    m_warningTimer.start();
}

void NomineeDialog::refreshWarnings()
{
    m_warningTimer.stop();
    m_warnings.clear();
    const Wf::Nominee n = collect();
    QString failure;
    if ((n.personId || n.unitId) && !n.formCode.isEmpty()) {
        try {
            m_warnings = Wf::DossierRepository(m_db).warningsFor(m_dossier, n);
        } catch (const Core::Error &e) {
            failure = e.message();
        }
    }
    m_blocking = false;
    QStringList lines;
    const Wf::EntryWarning *traced = nullptr;
    for (const Wf::EntryWarning &w : std::as_const(m_warnings)) {
        lines << QStringLiteral("⚠ ") + w.message;
        m_blocking |= w.blocksWithoutReason();
        if (!traced && (w.kind == Wf::EntryWarning::Kind::NotEligible || w.kind == Wf::EntryWarning::Kind::NeedsReview))
            traced = &w;
    }
    if (!failure.isEmpty())
        lines << failure;
    if (lines.isEmpty())
        lines << ((n.personId || n.unitId) && !n.formCode.isEmpty() ? tr("No warnings.")
                                                                    : tr("Choose the nominee and the award form to check them."));
    m_warningsLabel->setText(lines.join(QLatin1Char('\n')));
    m_warningsLabel->setStyleSheet(m_warnings.isEmpty() ? QString() : QStringLiteral("color: #b06a00;"));
    if (traced)
        m_trace->setResult(traced->result);
    else
        m_trace->clear();
    m_trace->setVisible(traced != nullptr);
    // The same box serves both blocking warnings; its prompt says which one it answers.
    bool notOffered = false;
    for (const Wf::EntryWarning &w : std::as_const(m_warnings))
        notOffered |= w.kind == Wf::EntryWarning::Kind::NotOffered;
    m_reasonLabel->setText(notOffered ? tr("The movement does not offer this form at the dossier's occasion. Write why "
                                           "the proposal goes on anyway (the appraiser reads it):")
                                      : tr("The engine finds this nominee not eligible. Write why the proposal goes on "
                                           "anyway (the appraiser reads it):"));
    m_reasonLabel->setVisible(m_blocking);
    m_reason->setVisible(m_blocking);
    updateSaveEnabled();
}

void NomineeDialog::updateSaveEnabled()
{
    setSaveEnabled(m_loaded && (!m_blocking || !m_reason->toPlainText().trimmed().isEmpty()));
}

void NomineeDialog::accept()
{
    // The warnings may be a moment old (the typing delay): decide on fresh ones.
    refreshWarnings();
    if (m_blocking && m_reason->toPlainText().trimmed().isEmpty()) {
        m_reason->setFocus();
        return;
    }
    FormDialog::accept();
}

QStringList NomineeDialog::check() const
{
    QStringList problems;
    const Wf::Nominee n = collect();
    if (!n.personId && !n.unitId)
        problems << tr("Nominee: search for the person or unit and click its row.");
    if (n.formCode.isEmpty())
        problems << tr("Award form: choose the form proposed.");
    problems << Wf::checklistProblems(n.checklist); // core's rule: saving refuses the same
    if (m_blocking && n.proceedReason.isEmpty())
        problems << tr("Write why the proposal goes on although the warnings above block it.");
    return problems;
}

void NomineeDialog::save()
{
    Wf::Nominee n = collect();
    n.id = Wf::DossierRepository(m_db).saveNominee(n);
    m_nominee = n;
}

QList<ConflictField> NomineeDialog::conflictFields(const Core::ConflictError &e) const
{
    const Wf::Nominee n = collect();
    const QVariantMap mine{{QStringLiteral("nominee"), n.name},
                           {QStringLiteral("form_code"), n.formCode},
                           {QStringLiteral("award_kind"), n.awardKind},
                           {QStringLiteral("summary"), n.summary},
                           {QStringLiteral("proceed_reason"), n.proceedReason}};
    // The stored row names the nominee by id: show the name, as the picker does.
    QVariantMap theirs = e.stored();
    try {
        const qint64 person = theirs.value(QStringLiteral("person_id")).toLongLong();
        const qint64 unit = theirs.value(QStringLiteral("unit_id")).toLongLong();
        theirs.insert(QStringLiteral("nominee"),
                      person > 0 ? Core::PersonRepository(m_db).name(person) : Core::UnitRepository(m_db).name(unit));
    } catch (const Core::Error &) {
        // Shown empty: the other fields can still be compared.
    }
    const auto formName = [this](const QVariant &v) {
        for (const Core::AwardForm &f : m_forms)
            if (f.code == v.toString())
                return f.name;
        return v.toString();
    };
    const auto kind = [](const QVariant &v) { return Core::Codes::label(Core::Codes::Set::AwardKind, v.toString()); };
    return ConflictDialog::fields({{tr("Nominee"), "nominee"},
                                   {tr("Award form"), "form_code", formName},
                                   {tr("Kind"), "award_kind", kind},
                                   {tr("Achievement summary"), "summary"},
                                   {tr("Reason to go on"), "proceed_reason"}},
                                  mine, theirs);
}

bool NomineeDialog::reloadStored()
{
    try {
        m_nominee = Wf::DossierRepository(m_db).nominee(m_nominee.id);
    } catch (const Core::Error &) {
        return false;
    }
    fill();
    refreshWarnings();
    return true;
}

bool NomineeDialog::adoptStoredVersion(int version)
{
    m_nominee.version = version;
    return true;
}

} // namespace VinhDanh::Ui
