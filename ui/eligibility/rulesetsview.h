#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// The Rule sets page (Bộ quy tắc): which set of award rules is in force today, every set the
/// database knows (built-in and imported) with its id, version, title, effective-from date
/// and legal citations, and Import… for a new set file. A bad file is refused with the
/// engine's message, which names the line and the reason; nothing is stored.
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

public slots:
    void reload();
    /// Asks for a file, then imports it.
    void importFile();
    /// Imports `path`; shows the result (a message box on failure). Returns true when stored.
    bool importPath(const QString &path);

signals:
    /// A rule set was imported: eligibility shown elsewhere may have changed.
    void ruleSetsChanged();

private:
    void showDetails();

    Core::Database *m_db = nullptr;
    QLabel *m_inForce;
    QTableWidget *m_table;
    QTextBrowser *m_details;
    QPushButton *m_import;
    QString m_inForceKey; // id + version of the set in force, to mark its row
};

} // namespace VinhDanh::Ui
