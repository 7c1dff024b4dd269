#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QGroupBox>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The tally of the nominee selected on a sitting's page: the members who declared a conflict
/// of interest (ticked, left out of the vote), the three counts of the secret ballot, and the
/// result as Council::evaluate gives it with the threshold in force for the form — shown live,
/// before anything is saved. "Record tally" stores the conflicts and the tally; the core
/// refuses it without quorum, on a closed sitting or with more ballots than voters.
class TallyEditor : public QGroupBox
{
    Q_OBJECT
public:
    explicit TallyEditor(QWidget *parent = nullptr);

    void setDatabase(Core::Database *db) { m_db = db; }
    /// Shows one item of `session` (its members with attendance). `threshold` is the one in
    /// force for the item's form (used for the preview); a tallied item on a read-only page
    /// shows the threshold it was counted with.
    void showItem(const Core::Workflow::Sitting &session, const Core::Workflow::CouncilItem &item,
                  const Core::Workflow::Threshold &threshold, bool editable);
    /// Attendance changed on the page: the voters follow.
    void setMembers(const QList<Core::Workflow::CouncilMember> &members);
    void clear();

    qint64 itemId() const { return m_item.id; }
    QString votersText() const;
    QString previewText() const;

    /// Votes or conflicts the clerk typed and has not recorded: the sitting page does not read
    /// its record again under them.
    bool hasUnrecordedInput() const { return m_unrecorded; }

signals:
    /// The tally (and conflicts) of `itemId` were stored.
    void recorded(qint64 itemId);

private:
    Core::Workflow::Council::TallyInput input() const;
    QList<qint64> conflicted() const;
    void fillConflicts();
    void updatePreview();
    void record();

    Core::Database *m_db = nullptr;
    Core::Workflow::Sitting m_session;
    Core::Workflow::CouncilItem m_item;
    Core::Workflow::Threshold m_threshold;
    bool m_editable = false;
    bool m_loading = false;
    bool m_unrecorded = false; // votes or conflicts typed and not yet recorded
    QLabel *m_nominee;
    QListWidget *m_conflicts;
    QSpinBox *m_agree;
    QSpinBox *m_disagree;
    QSpinBox *m_abstain;
    QLabel *m_voters;
    QLabel *m_preview;
    QPushButton *m_record;
};

} // namespace VinhDanh::Ui
