#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace VinhDanh::Core {
class Database;
namespace Eligibility {
struct RuleSetInfo;
}
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class ChangeWatch;

/// The Rule sets page (Bộ quy tắc): which set of award rules is in force today, every set the
/// database knows (built-in and imported) with its id, version, title, effective-from date
/// and legal citations, Import… for a new set file and Retire for an imported one. A bad file
/// is refused with the engine's message, which names the line and the reason; nothing is
/// stored. Importing and retiring change the law the checks apply: only accounts with
/// ManageRuleSets (administrators) get the buttons enabled, and core refuses the others anyway.
class RuleSetsView : public QWidget
{
    Q_OBJECT
public:
    enum Column { IdColumn, VersionColumn, TitleColumn, EffectiveColumn, OriginColumn, ColumnCount };

    explicit RuleSetsView(QWidget *parent = nullptr);

    void setDatabase(Core::Database *db);

    QTableWidget *table() const { return m_table; }
    QLabel *inForceLabel() const { return m_inForce; }
    QTextBrowser *details() const { return m_details; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *retireButton() const { return m_retire; }

public slots:
    void reload();
    /// ruleSetChanges in one line, or why it cannot be worked out.
    QString changesOf(const Core::Eligibility::RuleSetInfo &set) const;
    /// Asks for a file, then imports it.
    void importFile();
    /// Imports `path`; shows the result (a message box on failure). Returns true when stored.
    bool importPath(const QString &path);
    /// Asks, then retires the selected imported set (it stays listed, no longer chosen).
    void retireSelected();
    /// Retires without asking; shows a failure in a message box. Returns true when retired.
    bool retire(const QString &setId, int version);

signals:
    /// A rule set was imported: eligibility shown elsewhere may have changed.
    void ruleSetsChanged();

private:
    void showDetails();
    void updateButtons();

    Core::Database *m_db = nullptr;
    ChangeWatch *m_watch = nullptr;
    QLabel *m_inForce;
    QTableWidget *m_table;
    QTextBrowser *m_details;
    QPushButton *m_import;
    QPushButton *m_retire;
    bool m_mayManage = false;
    QString m_inForceKey; // id + version of the set in force, to mark its row
    QString m_selectNext; // id + version of a set just imported, chosen by the next reload
};

} // namespace VinhDanh::Ui
