#pragma once

#include "core/dedup/merge.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class DuplicatesModel;

/// Registry ▸ Likely duplicates…: the pairs Core::Dedup finds (people or units), a merge of
/// the selected pair after a confirmation that shows what moves and what conflicts, and the
/// merges recorded so far, each of which can be undone.
class DuplicatesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DuplicatesDialog(Core::Database &db, QWidget *parent = nullptr);

    DuplicatesModel *model() const { return m_model; }
    /// Finds the pairs again (after a merge, an undo, or a change of kind).
    void refresh();
    void setKind(Core::Dedup::Kind kind);

    /// Merges the pair in `row` of the model (keeping its first or second record) after the
    /// confirmation; false when refused, cancelled or failed (the reason was shown).
    bool mergeRow(int row, bool keepFirst);
    /// Undoes a recorded merge after a confirmation.
    bool undo(qint64 mergeId);
    /// The standing merges, newest first, as listed.
    QList<Core::Dedup::MergeRecord> merges() const { return m_merges; }
    /// Whether a merge or an undo was made: the registry's lists must read again.
    bool changed() const { return m_changed; }

    /// What asks "merge?" (a message box by default) and what shows a refusal; tests replace them.
    void setConfirm(std::function<bool(const QString &title, const QStringList &lines)> confirm) { m_confirm = std::move(confirm); }
    /// How a refusal is shown (message, detail); by default Ui::showError.
    void setReport(std::function<void(const QString &message, const QString &detail)> report) { m_report = std::move(report); }

private:
    void mergeSelected();
    void undoSelected();
    void updateButtons();

    Core::Database &m_db;
    Core::Dedup::Kind m_kind = Core::Dedup::Kind::People;
    DuplicatesModel *m_model;
    QComboBox *m_kindBox;
    QComboBox *m_keepBox;
    QTableView *m_view;
    QLabel *m_count;
    QPushButton *m_merge;
    QListWidget *m_mergeList;
    QPushButton *m_undo;
    QList<Core::Dedup::MergeRecord> m_merges;
    bool m_changed = false;
    std::function<bool(const QString &, const QStringList &)> m_confirm;
    std::function<void(const QString &, const QString &)> m_report;
};

} // namespace VinhDanh::Ui
