#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace VinhDanh::Core {
class Database;
struct Movement;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

/// "Proposals and decisions" on the movement page: the plan's phases, and under each the
/// years it covers with the movement's dossiers (grouped by occasion: annual, sơ kết, tổng
/// kết) and decisions. Double-click (or Enter) opens one.
class MovementProposals : public QWidget
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, IdRole };
    enum Kind { GroupKind, DossierKind, DecisionKind };

    explicit MovementProposals(QWidget *parent = nullptr);
    ~MovementProposals() override;

    void setDatabase(Core::Database *db) { m_db = db; }
    /// Lists what refers to `movement`; nullptr empties the list.
    void showMovement(const Core::Movement *movement);
    QTreeWidget *tree() const { return m_tree; }

signals:
    void dossierRequested(qint64 id);
    void decisionRequested(qint64 id);

private:
    void activate(QTreeWidgetItem *item);

    Core::Database *m_db = nullptr;
    QTreeWidget *m_tree;
    QLabel *m_note;
};

} // namespace VinhDanh::Ui
