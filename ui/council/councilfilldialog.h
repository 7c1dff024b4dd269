#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// "Fill from the council's result": the sitting's dossiers this decision may be filled from
/// (DecisionRepository::offeredDossiers), each with its track, occasion and year in words, to
/// tick. One decision follows one basis, so OK stays disabled while the dossiers ticked differ
/// in track, movement, occasion or year (core refuses that too), and the line below says so.
/// The dossiers of the newest one's basis are ticked to start with.
class CouncilFillDialog : public QDialog
{
    Q_OBJECT
public:
    CouncilFillDialog(Core::Database &db, qint64 decisionId, qint64 sessionId, QWidget *parent = nullptr);

    /// The offered dossiers, in the list's order; empty when none is (or on a read failure,
    /// then problem() says why).
    const QList<Core::Workflow::Dossier> &offered() const { return m_offered; }
    QString problem() const { return m_problem; }
    QTreeWidget *list() const { return m_list; }
    QPushButton *okButton() const { return m_ok; }
    /// The ids of the dossiers ticked.
    QList<qint64> picked() const;
    /// Ticks exactly the dossiers with these ids.
    void setPicked(const QList<qint64> &ids);
    /// How the basis of a dossier reads: "Regular (annual) track; annual; 2025".
    static QString basisText(const Core::Workflow::Dossier &d);

private:
    void updateState();

    QList<Core::Workflow::Dossier> m_offered;
    QString m_problem;
    QTreeWidget *m_list;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace VinhDanh::Ui
