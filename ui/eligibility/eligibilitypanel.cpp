#include "ui/eligibility/eligibilitypanel.h"

#include "core/auditlog/auditlog.h"
#include "core/db/changes.h"
#include "core/domain/codes.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "ui/eligibility/eligibilitymodel.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/formwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Elig = Core::Eligibility;

namespace {
/// m_stored's key: a year fact is stored under no award code (it counts for every form).
QString storedKey(const QString &awardCode, const QString &itemId)
{
    return Elig::ConfirmationRepository::storedAwardCode(awardCode, itemId) + QLatin1Char('/') + itemId;
}
} // namespace

namespace {
/// Every expanded row's path, so a re-evaluation (a model reset) keeps what the clerk opened.
void collectExpanded(const QTreeView *tree, const EligibilityModel *model, const QModelIndex &parent, QStringList &out)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (tree->isExpanded(index)) {
            out << model->pathOf(index);
            collectExpanded(tree, model, index, out);
        }
    }
}
} // namespace

EligibilityPanel::EligibilityPanel(Core::Database &db, const Core::Subject &subject, QWidget *parent)
    : QWidget(parent), m_db(db), m_subject(subject), m_year(new QSpinBox(this)), m_movement(new QComboBox(this)),
      m_occasion(new QComboBox(this)), m_ruleSet(new QLabel(this)), m_error(new QLabel(this)), m_model(new EligibilityModel(this)),
      m_tree(new QTreeView(this)), m_confirmBox(new QGroupBox(tr("Confirmed by the clerk"), this)),
      m_confirmText(new QLabel(m_confirmBox)), m_confirmed(new QCheckBox(tr("&Confirmed"), m_confirmBox)),
      m_note(new QLineEdit(m_confirmBox))
{
    // What a verdict is made of: the subject and its unit, its records, the confirmations, the
    // rules, the movements and the minutes that confirm facts.
    m_watch = new ChangeWatch(
        {QStringLiteral("people"), QStringLiteral("units"), QStringLiteral("ratings"), QStringLiteral("awards"),
         QStringLiteral("initiatives"), QStringLiteral("initiative_holders"), QStringLiteral("disciplines"),
         QStringLiteral("eligibility_confirmations"), QStringLiteral("nominee_checklist"), QStringLiteral("rule_sets"),
         QStringLiteral("award_forms"), QStringLiteral("movements"), QStringLiteral("review_minutes"),
         QStringLiteral("review_minutes_subjects")},
        [this](const Core::ChangeSet &changes) { onDatabaseChanged(changes); }, this);
    m_watch->setDatabase(&db);
    m_year->setObjectName(QStringLiteral("year"));
    m_year->setRange(1990, QDate::currentDate().year() + 1);
    m_year->setValue(QDate::currentDate().year() - 1); // the year being rewarded is usually the last one
    m_year->setAccelerated(true);
    m_movement->setObjectName(QStringLiteral("movement"));
    m_movement->setMinimumContentsLength(30);
    m_movement->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_occasion->setObjectName(QStringLiteral("occasion"));
    fillCodes(m_occasion, Core::Codes::Set::Occasion);
    fillMovements();

    auto *yearLabel = new QLabel(tr("&Year:"), this);
    yearLabel->setBuddy(m_year);
    auto *movementLabel = new QLabel(tr("&Movement:"), this);
    movementLabel->setBuddy(m_movement);
    auto *occasionLabel = new QLabel(tr("&Occasion:"), this);
    occasionLabel->setBuddy(m_occasion);
    auto *choices = new QHBoxLayout;
    choices->addWidget(yearLabel);
    choices->addWidget(m_year);
    choices->addSpacing(12);
    choices->addWidget(movementLabel);
    choices->addWidget(m_movement, 1);
    choices->addWidget(occasionLabel);
    choices->addWidget(m_occasion);

    m_ruleSet->setObjectName(QStringLiteral("ruleSet"));
    m_ruleSet->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    m_tree->setObjectName(QStringLiteral("trace"));
    m_tree->setModel(m_model);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(false);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    Columns::remember(m_tree, QStringLiteral("eligibilityTrace"), {EligibilityModel::NameColumn});

    m_confirmText->setWordWrap(true);
    m_confirmed->setObjectName(QStringLiteral("confirmed"));
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("Evidence: a report, a decision number, a minute…"));
    auto *confirmLayout = new QFormLayout(m_confirmBox);
    confirmLayout->addRow(m_confirmText);
    confirmLayout->addRow(m_confirmed);
    confirmLayout->addRow(tr("Evidence &note:"), m_note);
    m_confirmBox->setEnabled(false);
    m_confirmBox->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(choices);
    layout->addWidget(m_ruleSet);
    layout->addWidget(m_error);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_confirmBox);

    connect(m_year, &QSpinBox::valueChanged, this, &EligibilityPanel::parametersChanged);
    connect(m_movement, &QComboBox::currentIndexChanged, this, &EligibilityPanel::parametersChanged);
    connect(m_occasion, &QComboBox::currentIndexChanged, this, &EligibilityPanel::parametersChanged);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &EligibilityPanel::onCurrentChanged);
    connect(m_confirmed, &QCheckBox::clicked, this,
            [this](bool checked) { setConfirmation(m_confirmAward, m_confirmId, checked ? m_note->text().trimmed() : QString()); });
    connect(m_note, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_confirmed->setEnabled(!text.trimmed().isEmpty() || m_confirmed->isChecked()); });
    connect(m_note, &QLineEdit::editingFinished, this, &EligibilityPanel::onNoteEdited);
    // Queued: the tick arrives inside the view's setData, and evaluating resets the model.
    connect(m_model, &EligibilityModel::confirmationToggled, this, &EligibilityPanel::onTreeToggled, Qt::QueuedConnection);
    parametersChanged();
}

void EligibilityPanel::fillMovements()
{
    const QSignalBlocker block(m_movement);
    const qint64 keep = m_movement->count() > 0 ? movementId() : 0;
    m_movement->clear();
    m_movement->addItem(tr("(no movement)"), 0);
    try {
        for (const Core::MovementSummary &m : Core::MovementRepository(m_db).list())
            m_movement->addItem(m.name, m.id);
    } catch (const Core::Error &e) {
        m_movement->setToolTip(e.message());
    }
    const int row = m_movement->findData(keep);
    m_movement->setCurrentIndex(row < 0 ? 0 : row);
}

void EligibilityPanel::onDatabaseChanged(const Core::ChangeSet &changes)
{
    if (changes.touches({QStringLiteral("movements")}))
        fillMovements(); // keeps the chosen one while it exists
    // An evidence note being typed would be overwritten by the new evaluation: it waits for the
    // clerk's Enter (which evaluates) or the next time the tab is shown.
    if (m_note->isModified() && m_note->hasFocus()) {
        m_dirty = true;
        return;
    }
    invalidate();
}

int EligibilityPanel::year() const
{
    return m_year->value();
}

void EligibilityPanel::setYear(int year)
{
    m_year->setValue(year);
}

qint64 EligibilityPanel::movementId() const
{
    return m_movement->currentData().toLongLong();
}

void EligibilityPanel::setMovement(qint64 movementId, const QString &occasion)
{
    const QSignalBlocker blockOccasion(m_occasion);
    const QSignalBlocker blockMovement(m_movement);
    selectData(m_occasion, occasion.isEmpty() ? QStringLiteral("annual") : occasion);
    selectData(m_movement, movementId);
    parametersChanged();
}

QString EligibilityPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void EligibilityPanel::parametersChanged()
{
    m_occasion->setEnabled(movementId() != 0);
    invalidate();
}

void EligibilityPanel::invalidate()
{
    m_dirty = true;
    if (isVisible())
        evaluate();
}

void EligibilityPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        evaluate();
}

void EligibilityPanel::evaluate()
{
    m_dirty = false;
    QStringList expanded;
    collectExpanded(m_tree, m_model, {}, expanded);
    const QString current = m_model->pathOf(m_tree->currentIndex());
    m_stored.clear();
    try {
        const Elig::Service service(m_db);
        const int year = m_year->value();
        const qint64 movement = movementId();
        // The saved confirmations count in evaluateAll itself.
        const QList<Elig::Result> results = service.evaluateAll(m_subject.personId, m_subject.unitId, year, movement,
                                                                movement ? currentCode(m_occasion) : QString());
        for (const Elig::SavedConfirmation &c : Elig::ConfirmationRepository(m_db).forNominee(m_subject, year, movement))
            m_stored.insert(c.key.awardCode + QLatin1Char('/') + c.key.itemId, {c.version, c.evidence});
        m_model->setResults(results);
        const Elig::RuleSetInfo set = results.isEmpty() ? service.ruleSetInForce(QDate(year, 12, 31)) : results.first().ruleSet;
        m_ruleSet->setText(tr("Rule set used: %1, version %2 (in force from %3).")
                               .arg(set.title.isEmpty() ? set.id : set.title)
                               .arg(set.version)
                               .arg(DateField::format(set.effectiveFrom)));
        m_ruleSet->setToolTip(set.citations.join(QLatin1Char('\n')));
        m_error->hide();
    } catch (const Core::Error &e) {
        m_model->clear();
        m_ruleSet->clear();
        m_error->setText(shownInPlace("eligibility panel", e));
        m_error->show();
    } catch (const std::exception &e) {
        // Not a Core::Error: a defect, but a page must not take the program down with it.
        m_model->clear();
        m_ruleSet->clear();
        m_error->setText(tr("The eligibility check failed: %1").arg(QString::fromLocal8Bit(e.what())));
        m_error->show();
    }
    for (const QString &path : std::as_const(expanded))
        m_tree->expand(m_model->indexOfPath(path));
    if (!current.isEmpty())
        m_tree->setCurrentIndex(m_model->indexOfPath(current));
    onCurrentChanged();
}

void EligibilityPanel::onCurrentChanged()
{
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(0);
    const bool confirmable = m_model->isConfirmable(index);
    const Elig::Confirmation given = m_model->confirmationAt(index);
    const bool inDossier = given.source == Elig::Confirmation::Source::Dossier;
    // Shown while a movement is chosen, or while a condition to confirm is selected.
    m_confirmBox->setVisible(movementId() != 0 || confirmable || inDossier);
    m_confirmBox->setEnabled(confirmable);
    m_confirmAward = confirmable ? index.data(EligibilityModel::AwardCodeRole).toString() : QString();
    m_confirmId = confirmable ? m_model->conditionId(index) : QString();
    const QSignalBlocker blockCheck(m_confirmed);
    const QSignalBlocker blockNote(m_note);
    if (inDossier) {
        m_confirmText->setText(tr("%1\nConfirmed on the checklist of dossier %2; change it on the dossier.")
                                   .arg(m_model->conditionText(index), given.dossier));
        m_confirmed->setChecked(true);
        m_note->setText(given.note);
        return;
    }
    if (!confirmable) {
        m_confirmText->setText(tr("Select a condition to review or one of the movement's standards to confirm it."));
        m_confirmed->setChecked(false);
        m_note->clear();
        return;
    }
    const bool confirmed = given.isSet();
    // An item ticked before and un-ticked since offers its old note again.
    const QString note = confirmed ? given.note : m_stored.value(storedKey(m_confirmAward, m_confirmId)).note;
    m_confirmText->setText(confirmed && !given.by.isEmpty()
                               ? tr("%1\nConfirmed by %2.").arg(m_model->conditionText(index), Core::actorWords(given.by))
                               : m_model->conditionText(index));
    m_confirmed->setChecked(confirmed);
    m_confirmed->setEnabled(!note.isEmpty());
    m_note->setText(note);
}

void EligibilityPanel::onNoteEdited()
{
    // Typing an evidence note and pressing Enter confirms the standard with it.
    const QString note = m_note->text().trimmed();
    if (!note.isEmpty())
        setConfirmation(m_confirmAward, m_confirmId, note);
}

void EligibilityPanel::onTreeToggled(const QString &awardCode, const QString &conditionId, bool confirmed)
{
    if (!confirmed) {
        setConfirmation(awardCode, conditionId, {});
        return;
    }
    // A tick needs its evidence: take the note typed for this condition, or ask for one.
    const QString note = conditionId == m_confirmId && awardCode == m_confirmAward ? m_note->text().trimmed() : QString();
    if (!note.isEmpty()) {
        setConfirmation(awardCode, conditionId, note);
        return;
    }
    const QModelIndex index = m_model->indexOfCondition(awardCode, conditionId);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    m_confirmText->setText(tr("%1\nType the evidence note, then press Enter to confirm.").arg(m_confirmText->text()));
    m_note->setFocus();
}

void EligibilityPanel::setConfirmation(const QString &awardCode, const QString &conditionId, const QString &note)
{
    if (awardCode.isEmpty() || conditionId.isEmpty())
        return;
    const QString clean = note.trimmed();
    const QModelIndex index = m_model->indexOfCondition(awardCode, conditionId);
    const Elig::Confirmation given = m_model->confirmationAt(index);
    const bool savedHere = given.source == Elig::Confirmation::Source::Saved;
    if ((savedHere && given.note == clean) || (!savedHere && clean.isEmpty()))
        return; // nothing changes
    QString refused;
    try {
        Elig::Request request;
        request.personId = m_subject.personId;
        request.unitId = m_subject.unitId;
        request.awardCode = awardCode;
        request.year = m_year->value();
        request.movementId = movementId();
        request.occasion = request.movementId ? currentCode(m_occasion) : QString();
        // The version this page read: someone else's change in between is a conflict, not overwritten.
        Elig::Service(m_db).confirm(request, conditionId, !clean.isEmpty(), clean,
                                    m_stored.value(storedKey(awardCode, conditionId)).version);
    } catch (const Core::Error &e) {
        refused = e.message();
    }
    evaluate();
    m_watch->discardPending(); // read just now
    if (!refused.isEmpty()) {
        m_error->setText(refused);
        m_error->show();
    }
}

} // namespace VinhDanh::Ui
