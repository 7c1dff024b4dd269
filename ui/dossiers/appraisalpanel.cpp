#include "ui/dossiers/appraisalpanel.h"

#include "core/auditlog/auditlog.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/text/vntext.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/formwidgets.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;
namespace Elig = Core::Eligibility;

AppraisalPanel::AppraisalPanel(Core::Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_nominee(new QComboBox(this)), m_trace(new TraceView(this)), m_choice(new QButtonGroup(this)),
      m_agreed(new QRadioButton(tr("&Agreed: propose it"), this)), m_notAgreed(new QRadioButton(tr("&Not agreed"), this)),
      m_reasonLabel(new QLabel(this)), m_reason(new QPlainTextEdit(this)), m_overrideLabel(new QLabel(this)),
      m_override(new QPlainTextEdit(this)), m_recorded(new QLabel(this)), m_problem(makeProblemLabel(this)),
      m_record(new QPushButton(tr("&Record appraisal"), this))
{
    m_nominee->setObjectName(QStringLiteral("appraisedNominee"));
    m_agreed->setObjectName(QStringLiteral("agreed"));
    m_notAgreed->setObjectName(QStringLiteral("notAgreed"));
    m_reason->setObjectName(QStringLiteral("appraisalReason"));
    m_override->setObjectName(QStringLiteral("overrideReason"));
    m_record->setObjectName(QStringLiteral("recordAppraisal"));
    m_nominee->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_nominee->setMinimumContentsLength(30);
    m_choice->addButton(m_agreed);
    m_choice->addButton(m_notAgreed);
    m_reason->setTabChangesFocus(true);
    m_override->setTabChangesFocus(true);
    m_overrideLabel->setText(tr("Your verdict differs from the engine's. Write why (the &override reason):"));
    m_overrideLabel->setBuddy(m_override);
    m_overrideLabel->setWordWrap(true);
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setBuddy(m_reason);
    m_recorded->setWordWrap(true);

    auto *choiceBox = new QGroupBox(tr("Appraiser's verdict"), this);
    auto *choiceLayout = new QVBoxLayout(choiceBox);
    auto *radios = new QHBoxLayout;
    radios->addWidget(m_agreed);
    radios->addWidget(m_notAgreed);
    radios->addStretch();
    choiceLayout->addLayout(radios);
    choiceLayout->addWidget(m_reasonLabel);
    choiceLayout->addWidget(m_reason, 1);
    choiceLayout->addWidget(m_overrideLabel);
    choiceLayout->addWidget(m_override, 1);
    choiceLayout->addWidget(m_recorded);
    choiceLayout->addWidget(m_problem);
    choiceLayout->addWidget(m_record, 0, Qt::AlignRight);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_trace);
    splitter->addWidget(choiceBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Nominee:"), this));
    top->addWidget(m_nominee, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_nominee, &QComboBox::currentIndexChanged, this, &AppraisalPanel::showNominee);
    connect(m_choice, &QButtonGroup::buttonToggled, this, &AppraisalPanel::updateState);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &AppraisalPanel::updateState);
    connect(m_override, &QPlainTextEdit::textChanged, this, &AppraisalPanel::updateState);
    connect(m_record, &QPushButton::clicked, this, &AppraisalPanel::record);
    updateState();
}

void AppraisalPanel::setContent(const QList<Wf::Nominee> &nominees, const QList<Wf::Appraisal> &appraisals, bool editable)
{
    const qint64 keep = currentNomineeId();
    m_nominees = nominees;
    m_appraisals.clear();
    for (const Wf::Appraisal &a : appraisals)
        m_appraisals.insert(a.nomineeId, a);
    m_editable = editable;
    {
        const QSignalBlocker block(m_nominee);
        m_nominee->clear();
        for (const Wf::Nominee &n : nominees) {
            const QString mark = m_appraisals.contains(n.id) ? tr("✓ %1").arg(n.name) : n.name;
            m_nominee->addItem(mark, n.id);
        }
        const int row = m_nominee->findData(keep);
        m_nominee->setCurrentIndex(row < 0 ? 0 : row);
    }
    showNominee();
}

void AppraisalPanel::selectNominee(qint64 nomineeId)
{
    const int row = m_nominee->findData(nomineeId);
    if (row >= 0)
        m_nominee->setCurrentIndex(row);
}

qint64 AppraisalPanel::currentNomineeId() const
{
    return m_nominee->currentData().toLongLong();
}

void AppraisalPanel::showNominee()
{
    const qint64 id = currentNomineeId();
    const Wf::Nominee *nominee = nullptr;
    for (const Wf::Nominee &n : std::as_const(m_nominees))
        if (n.id == id)
            nominee = &n;
    m_engineVerdict.clear();
    m_trace->clear();
    showProblems(m_problem, {});
    if (nominee) {
        try {
            // Evaluated now, not at entry: ratings or disciplines may have changed since.
            const Elig::Result result = Wf::DossierRepository(m_db).evaluate(*nominee);
            m_engineVerdict = Elig::verdictCode(result.verdict);
            m_trace->setResult(result);
        } catch (const Core::Error &e) {
            showProblems(m_problem, {e.message()});
        }
    }
    const auto stored = m_appraisals.constFind(id);
    const QSignalBlocker blockReason(m_reason);
    const QSignalBlocker blockOverride(m_override);
    // No verdict preselected: the appraiser's answer is theirs to give.
    m_choice->setExclusive(false);
    m_agreed->setChecked(stored != m_appraisals.constEnd() && stored->agreed);
    m_notAgreed->setChecked(stored != m_appraisals.constEnd() && !stored->agreed);
    m_choice->setExclusive(true);
    m_reason->setPlainText(stored == m_appraisals.constEnd() ? QString() : stored->reason);
    m_override->setPlainText(stored == m_appraisals.constEnd() ? QString() : stored->overrideReason);
    m_recorded->setText(stored == m_appraisals.constEnd()
                            ? tr("Not appraised yet.")
                            : tr("Recorded by %1 on %2.")
                                  .arg(stored->appraiser.isEmpty() ? tr("(no account)") : Core::actorWords(stored->appraiser),
                                       WorkflowText::timestamp(stored->at)));
    updateState();
}

bool AppraisalPanel::overrideNeeded() const
{
    // "Needs review" leaves the judgement to people: either answer agrees with it.
    if (m_agreed->isChecked())
        return m_engineVerdict == Elig::verdictCode(Elig::Verdict::NotEligible);
    if (m_notAgreed->isChecked())
        return m_engineVerdict == Elig::verdictCode(Elig::Verdict::Eligible);
    return false;
}

void AppraisalPanel::updateState()
{
    const bool chosen = m_agreed->isChecked() || m_notAgreed->isChecked();
    const bool needsOverride = overrideNeeded();
    m_reasonLabel->setText(m_notAgreed->isChecked() ? tr("&Reason (required when not agreed):") : tr("&Reason:"));
    m_overrideLabel->setVisible(needsOverride);
    m_override->setVisible(needsOverride);
    const bool reasonOk = !m_notAgreed->isChecked() || !m_reason->toPlainText().trimmed().isEmpty();
    const bool overrideOk = !needsOverride || !m_override->toPlainText().trimmed().isEmpty();
    for (QWidget *w : std::initializer_list<QWidget *>{m_agreed, m_notAgreed, m_reason, m_override})
        w->setEnabled(m_editable && currentNomineeId() != 0);
    m_record->setEnabled(m_editable && currentNomineeId() != 0 && chosen && reasonOk && overrideOk);
}

bool AppraisalPanel::record()
{
    const qint64 id = currentNomineeId();
    if (!id || !m_record->isEnabled())
        return false;
    const bool agreed = m_agreed->isChecked();
    try {
        Wf::DossierRepository(m_db).appraise(id, agreed, Core::Text::clean(m_reason->toPlainText()),
                                             overrideNeeded() ? Core::Text::clean(m_override->toPlainText()) : QString());
    } catch (const Core::Error &e) {
        showProblems(m_problem, {e.message()});
        return false;
    }
    emit changed();
    return true;
}

} // namespace VinhDanh::Ui
