#pragma once

#include "core/db/database.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;

namespace VinhDanh::Ui {

class AccountsMenu;
class BackupActions;
class CandidatesView;
class ChangeWatch;
class CouncilView;
class DecisionsView;
class DossiersView;
class MovementsView;
class PeopleView;
class RuleSetsView;
class StartPage;
class UnitsView;

/// The main window only coordinates: it owns the open database, hands it to the pages
/// (Units, People, Movements, Dossiers, Council, Decisions, Candidates, Rule sets), routes
/// "open this dossier / decision" from one page to another, keeps the title, menus and status
/// bar in step, and nothing else. Every form and list lives in its own class.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a database and shows it. A database with accounts first asks to log in (before
    /// any of its data is shown); Cancel there counts as a failure. On failure the current
    /// database stays open and the message is returned; on success the result is empty.
    /// Without a screen (--screenshot): opening a database that needs a login fails instead of
    /// showing the login dialog.
    void setHeadless(bool headless) { m_headless = headless; }
    /// `detail`, when given, receives the failure's technical detail (the driver's text).
    QString openDatabase(const Core::ConnectionSettings &settings, Core::Database::Mode mode = Core::Database::Mode::OpenOrCreate,
                         QString *detail = nullptr);
    /// The same, showing a failure in a message box. Returns true when opened.
    bool openDatabaseOrWarn(const Core::ConnectionSettings &settings, Core::Database::Mode mode);
    /// Start-up: `requested` (the --database option) when given, else the last database when
    /// its file still exists, else the default file (created). If that fails, says why and
    /// lets the clerk open or create another file instead. `mode` OpenExisting (`vinhdanh FILE`)
    /// never creates the requested file.
    void openAtStart(const QString &requested, Core::Database::Mode mode = Core::Database::Mode::OpenOrCreate);

    Core::Database *database() const { return m_db.get(); }
    UnitsView *unitsView() const { return m_units; }
    PeopleView *peopleView() const { return m_people; }
    CandidatesView *candidatesView() const { return m_candidates; }
    RuleSetsView *ruleSetsView() const { return m_ruleSets; }
    DossiersView *dossiersView() const { return m_dossiers; }
    CouncilView *councilView() const { return m_council; }
    DecisionsView *decisionsView() const { return m_decisions; }
    QTabWidget *pages() const { return m_pages; }
    /// Shown instead of the pages while the registry is empty (or nothing is open).
    StartPage *startPage() const { return m_start; }
    bool isStartPageShown() const;
    AccountsMenu *accountsMenu() const { return m_accounts; }

public slots:
    void newDatabase();
    void openDatabaseFile();
    void connectToServer();
    void saveCopy();
    /// Closes the database, restores `backupPath` into its file and opens it again.
    void restoreFromBackup(const QString &backupPath);
    /// After a failed open: offers Open… / New… until one works or the clerk cancels.
    void chooseDatabase();
    /// Settings ▸ Bonuses and votes: base salaries, coefficients, thresholds, quorum, register.
    void editPayData();
    /// Settings ▸ Letterhead: the header, signers and recipients of the office's documents.
    void editLetterhead();
    /// File ▸ Import staff list from Excel: the import dialog; the pages read again after it.
    void importStaffList();
    /// Shows the Dossiers page with dossier `id` open.
    void showDossier(qint64 id);
    /// Shows the Decisions page with decision `id` open.
    void showDecision(qint64 id);
    /// Ctrl+F: the search field of the page shown, focused and selected.
    void focusSearch();
    /// Ctrl+Tab / Ctrl+PgDn (+1) and Ctrl+Shift+Tab / Ctrl+PgUp (-1), wrapping around.
    void switchPage(int step);

private:
    void createMenus();
    void createStartPage();
    /// The start page while nothing is open or the registry is empty, the pages otherwise.
    void updateStartPage(int units, int people);
    /// Start page ▸ "Enter units by hand": the Units page, and its New form.
    void enterUnitsByHand();
    void openSampleProvince();
    void fillRecentMenu();
    void setLanguage(const QString &language);
    void about();
    void setPagesDatabase(Core::Database *db);
    void updateTitle();
    void updateCounts();
    /// Stops showing the database and closes it (nobody logged in after "switch user").
    void closeDatabase();

    std::unique_ptr<Core::Database> m_db;
    BackupActions *m_backups = nullptr;
    QStackedWidget *m_central = nullptr;
    StartPage *m_start = nullptr;
    bool m_startDismissed = false; // "by hand" chosen: the empty pages stay for this database
    QTabWidget *m_pages;
    UnitsView *m_units;
    PeopleView *m_people;
    MovementsView *m_movements;
    CandidatesView *m_candidates = nullptr;
    RuleSetsView *m_ruleSets = nullptr;
    DossiersView *m_dossiers = nullptr;
    CouncilView *m_council = nullptr;
    DecisionsView *m_decisions = nullptr;
    QAction *m_payData = nullptr;
    QAction *m_letterhead = nullptr;
    QAction *m_importTable = nullptr;
    ChangeWatch *m_counts = nullptr; // the status bar's counts follow writes to units and people
    QLabel *m_unitCount;
    QLabel *m_personCount;
    QMenu *m_recentMenu = nullptr;
    AccountsMenu *m_accounts = nullptr;
    bool m_headless = false;
};

} // namespace VinhDanh::Ui
