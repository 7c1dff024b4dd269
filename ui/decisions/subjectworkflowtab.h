#pragma once

#include "core/registry/registry.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The "Dossiers and decisions" tab of a person's or unit's page: the proposal dossiers that
/// name them (for a unit also those it proposes) and the decisions that name them.
/// Double-click a dossier or a decision to open it. Reads when first shown and after every change.
class SubjectWorkflowTab : public QWidget
{
    Q_OBJECT
public:
    SubjectWorkflowTab(Core::Database &db, const Core::Subject &subject, QWidget *parent = nullptr);

    QTableWidget *dossiers() const { return m_dossiers; }
    QTableWidget *decisions() const { return m_decisions; }
    /// The dossier id of a row of dossiers().
    qint64 dossierIdAt(int row) const;
    /// The decision id of a row of decisions().
    qint64 decisionIdAt(int row) const;

public slots:
    /// Reads again now.
    void reload();
    /// The registry or a dossier changed: read again when next shown.
    void invalidate();
    /// Opens a dossier's page over this one.
    void openDossier(qint64 id);
    /// Opens a decision's page over this one.
    void openDecision(qint64 id);

signals:
    /// Something was written in a dossier opened from here.
    void changed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    Core::Database &m_db;
    Core::Subject m_subject;
    bool m_dirty = true;
    QTableWidget *m_dossiers;
    QTableWidget *m_decisions;
    QLabel *m_error;
};

} // namespace VinhDanh::Ui
