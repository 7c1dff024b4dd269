#include "ui/council/tallyeditor.h"

#include "core/council/councilrepository.h"
#include "core/error.h"
#include "core/registry/recordrepository.h"
#include "ui/council/counciltext.h"
#include "ui/council/sittinglistmodel.h"
#include "ui/widgets/errorbox.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

TallyEditor::TallyEditor(QWidget *parent)
    : QGroupBox(tr("Tally of the selected nominee"), parent), m_nominee(new QLabel(this)), m_conflicts(new QListWidget(this)),
      m_agree(new QSpinBox(this)), m_disagree(new QSpinBox(this)), m_abstain(new QSpinBox(this)), m_voters(new QLabel(this)),
      m_preview(new QLabel(this)), m_record(new QPushButton(tr("&Record tally"), this))
{
    setObjectName(QStringLiteral("tallyEditor"));
    m_nominee->setObjectName(QStringLiteral("tallyNominee"));
    m_nominee->setWordWrap(true);
    m_conflicts->setObjectName(QStringLiteral("conflicts"));
    m_conflicts->setToolTip(tr("Tick the members who declared a conflict of interest for this nominee: "
                               "they do not vote on it and are left out of the count."));
    m_agree->setObjectName(QStringLiteral("agree"));
    m_disagree->setObjectName(QStringLiteral("disagree"));
    m_abstain->setObjectName(QStringLiteral("abstain"));
    for (QSpinBox *box : {m_agree, m_disagree, m_abstain})
        box->setRange(0, 999);
    m_voters->setObjectName(QStringLiteral("voters"));
    m_voters->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("tallyPreview"));
    m_preview->setWordWrap(true);
    m_record->setObjectName(QStringLiteral("recordTally"));

    auto *counts = new QFormLayout;
    counts->addRow(tr("&Agree:"), m_agree);
    counts->addRow(tr("&Disagree:"), m_disagree);
    counts->addRow(tr("A&bstain:"), m_abstain);
    counts->addRow(m_record);

    auto *conflictsBox = new QVBoxLayout;
    conflictsBox->addWidget(new QLabel(tr("Conflicts of interest:"), this));
    conflictsBox->addWidget(m_conflicts);

    auto *row = new QHBoxLayout;
    row->addLayout(conflictsBox, 1);
    row->addLayout(counts);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_nominee);
    layout->addLayout(row);
    layout->addWidget(m_voters);
    layout->addWidget(m_preview);

    for (QSpinBox *box : {m_agree, m_disagree, m_abstain})
        connect(box, &QSpinBox::valueChanged, this, [this] {
            m_unrecorded = m_unrecorded || !m_loading; // typed by the clerk, not shown by showItem
            updatePreview();
        });
    connect(m_conflicts, &QListWidget::itemChanged, this, [this] {
        if (!m_loading) {
            m_unrecorded = true;
            updatePreview();
        }
    });
    connect(m_record, &QPushButton::clicked, this, &TallyEditor::record);
    clear();
}

void TallyEditor::clear()
{
    m_unrecorded = false;
    m_session = {};
    m_item = {};
    m_editable = false;
    m_nominee->setText(tr("Select a nominee in the list above to enter its tally."));
    m_loading = true;
    m_conflicts->clear();
    for (QSpinBox *box : {m_agree, m_disagree, m_abstain})
        box->setValue(0);
    m_loading = false;
    m_voters->clear();
    m_preview->clear();
    setEnabled(false);
}

void TallyEditor::showItem(const Sitting &session, const CouncilItem &item, const Threshold &threshold, bool editable)
{
    m_unrecorded = false;
    m_session = session;
    m_item = item;
    // A closed sitting shows what was counted; an open one previews with today's rule.
    m_threshold = item.tallied && !editable ? item.threshold : threshold;
    m_editable = editable;
    setEnabled(true);
    // The form's name, never its code: this is the heading the council's secretary reads.
    const QString form = m_db ? Core::RecordRepository(*m_db).awardFormName(item.formCode) : item.formCode;
    m_nominee->setText(tr("<b>%1</b> — %2").arg(item.nomineeName.toHtmlEscaped(), form.toHtmlEscaped()));
    m_loading = true;
    m_agree->setValue(item.tallied ? item.agree : 0);
    m_disagree->setValue(item.tallied ? item.disagree : 0);
    m_abstain->setValue(item.tallied ? item.abstain : 0);
    m_loading = false;
    for (QSpinBox *box : {m_agree, m_disagree, m_abstain})
        box->setReadOnly(!editable);
    m_record->setVisible(editable);
    m_record->setText(item.tallied ? tr("&Record tally again") : tr("&Record tally"));
    fillConflicts();
    updatePreview();
}

void TallyEditor::setMembers(const QList<CouncilMember> &members)
{
    if (m_item.id <= 0)
        return;
    const QList<qint64> ticked = conflicted();
    m_session.members = members;
    m_item.conflictedMemberIds = ticked; // keep what the clerk ticked but has not recorded
    fillConflicts();
    updatePreview();
}

void TallyEditor::fillConflicts()
{
    m_loading = true;
    m_conflicts->clear();
    for (const CouncilMember &m : m_session.members) {
        auto *entry = new QListWidgetItem(CouncilText::member(m), m_conflicts);
        entry->setData(Qt::UserRole, m.id);
        entry->setFlags(m_editable ? Qt::ItemIsEnabled | Qt::ItemIsUserCheckable : Qt::ItemIsEnabled);
        entry->setCheckState(m_item.conflictedMemberIds.contains(m.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_loading = false;
}

QList<qint64> TallyEditor::conflicted() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_conflicts->count(); ++i)
        if (m_conflicts->item(i)->checkState() == Qt::Checked)
            ids << m_conflicts->item(i)->data(Qt::UserRole).toLongLong();
    return ids;
}

Council::TallyInput TallyEditor::input() const
{
    Council::TallyInput in;
    const QList<qint64> ids = conflicted();
    for (const CouncilMember &m : m_session.members) {
        ++in.members;
        in.present += m.attended ? 1 : 0;
        if (ids.contains(m.id)) {
            ++in.conflictedMembers;
            in.conflictedPresent += m.attended ? 1 : 0;
        }
    }
    in.agree = m_agree->value();
    in.disagree = m_disagree->value();
    in.abstain = m_abstain->value();
    return in;
}

QString TallyEditor::votersText() const
{
    return m_voters->text();
}

QString TallyEditor::previewText() const
{
    return m_preview->text();
}

void TallyEditor::updatePreview()
{
    if (m_loading || m_item.id <= 0)
        return;
    const Council::TallyInput in = input();
    const Council::TallyOutcome out = Council::evaluate(m_threshold, in);
    m_voters->setText(
        in.conflictedMembers > 0
            ? tr("Voters: %1 (%n member(s) with a conflict of interest left out). Needed: %2.", nullptr, in.conflictedMembers)
                  .arg(out.voters)
                  .arg(CouncilText::threshold(m_threshold))
            : tr("Voters: %1. Needed: %2.").arg(out.voters).arg(CouncilText::threshold(m_threshold)));
    QStringList lines;
    if (!Council::quorumMet(in.members, in.present, m_session.quorumNum, m_session.quorumDen))
        lines << CouncilText::quorumLine(in.present, in.members, m_session.quorumNum, m_session.quorumDen);
    if (!out.valid)
        lines << out.problem;
    else if (out.passed)
        lines << tr("Passes: %1 of %2 voters agree.").arg(in.agree).arg(out.base);
    else
        lines << tr("Does not pass: %1 of %2 voters agree.").arg(in.agree).arg(out.base);
    m_preview->setText(lines.join(QLatin1Char('\n')));
}

void TallyEditor::record()
{
    if (!m_db || m_item.id <= 0 || !m_editable)
        return;
    const qint64 itemId = m_item.id;
    try {
        CouncilRepository repo(*m_db);
        // Conflicts first: the core counts the voters from them when it records the tally.
        repo.setConflicts(itemId, conflicted());
        repo.recordTally(itemId, m_agree->value(), m_disagree->value(), m_abstain->value());
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot record the tally"), e);
        return;
    }
    m_unrecorded = false;
    emit recorded(itemId);
}

} // namespace VinhDanh::Ui
