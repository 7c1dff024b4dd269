#pragma once

#include "core/registry/registry.h"
#include "ui/eligibility/eligibilitymodel.h"

#include <QHash>
#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTreeView;

namespace VinhDanh::Core {
class ChangeSet;
class Database;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class ChangeWatch;

/// The "Eligibility" tab of a person's or unit's page: for a year (last year by default) and
/// optionally a movement and its occasion, every award form the nominee can receive with its
/// verdict, progress and earliest year; expanding a row shows the trace. The clerk confirms a
/// movement's own standards (and conditions left to review) here with an evidence note: the
/// engine counts a standard as met only with a note. A tick is saved at once (table
/// eligibility_confirmations, audited) and counts in every later check — this page, the
/// candidates sweep, `vinhdanh-cli check`; un-ticking withdraws it. An item a dossier's
/// checklist confirms shows ticked with the dossier named, and is changed on the dossier.
/// Evaluates lazily: when first shown and after every change of year, movement or record —
/// a record written anywhere, in this program or another (the database's change notifier).
class EligibilityPanel : public QWidget
{
    Q_OBJECT
public:
    EligibilityPanel(Core::Database &db, const Core::Subject &subject, QWidget *parent = nullptr);

    int year() const;
    void setYear(int year);
    qint64 movementId() const;
    /// Chooses a movement (0 = none) and an occasion (empty = annual).
    void setMovement(qint64 movementId, const QString &occasion = {});

    /// Confirms one condition of an award form with an evidence note and saves it (an empty
    /// note withdraws the confirmation), then evaluates again. A refusal (permission, a
    /// confirmation changed meanwhile) is shown above the tree.
    void setConfirmation(const QString &awardCode, const QString &conditionId, const QString &note);
    /// What the last evaluation counted as confirmed: award code → condition id → note.
    Confirmations confirmations() const { return m_model->confirmations(); }

    EligibilityModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    /// The last evaluation's error, empty when it succeeded.
    QString errorText() const;

public slots:
    /// Evaluates now.
    void evaluate();
    /// The registry changed (a rating, an award…): evaluate again now if visible, else when shown.
    void invalidate();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fillMovements();
    void onDatabaseChanged(const Core::ChangeSet &changes);
    void parametersChanged();
    void onCurrentChanged();
    void onNoteEdited();
    void onTreeToggled(const QString &awardCode, const QString &conditionId, bool confirmed);

    Core::Database &m_db;
    Core::Subject m_subject;
    /// The stored rows of the shown year and movement ("AWARD/item" → version, note): the
    /// version a save expects, and the note of an item ticked before and un-ticked since.
    struct Stored
    {
        int version = 0;
        QString note;
    };
    QHash<QString, Stored> m_stored;
    bool m_dirty = true;
    ChangeWatch *m_watch;
    QSpinBox *m_year;
    QComboBox *m_movement;
    QComboBox *m_occasion;
    QLabel *m_ruleSet;
    QLabel *m_error;
    EligibilityModel *m_model;
    QTreeView *m_tree;
    QGroupBox *m_confirmBox;
    QLabel *m_confirmText;
    QCheckBox *m_confirmed;
    QLineEdit *m_note;
    QString m_confirmAward; // the condition the confirmation editor shows
    QString m_confirmId;
};

} // namespace VinhDanh::Ui
