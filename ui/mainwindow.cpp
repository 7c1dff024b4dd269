#include "ui/mainwindow.h"
#include "core/db/changes.h"
#include "core/store/backup.h"
#include "ui/common/backupactions.h"
#include "ui/common/keyboard.h"
#include "ui/startpage.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/filedialogs.h"

#include "core/accounts/accountrepository.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "core/settings.h"
#include "ui/accounts/accountsmenu.h"
#include "ui/accounts/logindialog.h"
#include "ui/council/councilview.h"
#include "ui/council/paydatadialog.h"
#include "ui/decisions/decisionsview.h"
#include "ui/documents/letterheaddialog.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/eligibility/candidatesview.h"
#include "ui/eligibility/rulesetsview.h"
#include "ui/movements/movementsview.h"
#include "ui/registry/duplicatesdialog.h"
#include "ui/registry/importtabledialog.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/unitsview.h"
#include "ui/widgets/errorbox.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include <exception>
#include <optional>

namespace VinhDanh::Ui {

namespace {
using Mode = Core::Database::Mode;

QString fileFilter()
{
    return QCoreApplication::translate("VinhDanh::Ui::MainWindow", "Vinh Danh databases (*.sqlite *.db);;All files (*)");
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_pages(new QTabWidget(this)), m_units(new UnitsView(this)), m_people(new PeopleView(this)),
      m_movements(new MovementsView(this)), m_unitCount(new QLabel(this)), m_personCount(new QLabel(this))
{
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    // Every tab has an Alt+letter of its own, unused by the menu bar and by the buttons of any
    // page (tests/ui/keyboard_mnemonics_test.cpp checks it, in English; the Vietnamese letters are
    // chosen in the translation the same way).
    m_pages->addTab(m_units, tr("&Units"));
    m_pages->addTab(m_people, tr("&People"));
    m_pages->addTab(m_movements, tr("M&ovements"));
    m_dossiers = new DossiersView(this);
    m_pages->addTab(m_dossiers, tr("&Dossiers"));
    m_council = new CouncilView(this);
    m_pages->addTab(m_council, tr("&Council"));
    m_decisions = new DecisionsView(this);
    m_pages->addTab(m_decisions, tr("Decisio&ns"));
    m_candidates = new CandidatesView(this);
    m_pages->addTab(m_candidates, tr("Candida&tes"));
    m_ruleSets = new RuleSetsView(this);
    m_pages->addTab(m_ruleSets, tr("Ru&le sets"));
    m_central = new QStackedWidget(this);
    m_central->addWidget(m_pages);
    setCentralWidget(m_central);
    // Every dialog opened from here on starts with its first field focused.
    Keyboard::installFirstFieldFocus();
    statusBar()->addPermanentWidget(m_unitCount);
    statusBar()->addPermanentWidget(m_personCount);
    createMenus();
    createStartPage(); // after the menus: it reuses their actions
    statusBar()->addPermanentWidget(m_accounts->sessionLabel());

    // No reload is routed from here (issue 17): every page follows the database's change
    // notifier itself. The window only keeps its own status-bar counts in step.
    m_counts = new ChangeWatch(
        {QStringLiteral("units"), QStringLiteral("people")}, [this](const Core::ChangeSet &) { updateCounts(); }, this);
    // Other programs' changes are looked for while the window is in use; coming back to it
    // looks at once (core/db/changes.h: a paused watch announces what it missed).
    connect(qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (!m_db)
            return;
        if (state == Qt::ApplicationActive)
            m_db->changes().watchOutside();
        else
            m_db->changes().pauseOutside();
    });
    connect(m_movements, &MovementsView::dossierRequested, this, &MainWindow::showDossier);
    connect(m_movements, &MovementsView::decisionRequested, this, &MainWindow::showDecision);
    connect(m_accounts, &AccountsMenu::closeRequested, this, &MainWindow::closeDatabase);
    connect(m_accounts, &AccountsMenu::sessionChanged, this, [this] { setPagesDatabase(m_db.get()); });
    setPagesDatabase(nullptr);
    updateTitle();
    resize(1200, 760);
}

MainWindow::~MainWindow()
{
    // The pages hold raw pointers to the database: detach them before it closes.
    setPagesDatabase(nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), this, &MainWindow::newDatabase);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDatabaseFile);
    file->addAction(tr("&Connect to a server…"), this, &MainWindow::connectToServer);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addAction(tr("Save a &copy…"), this, &MainWindow::saveCopy);
    m_backups = new BackupActions(this);
    file->addAction(m_backups->backupNowAction());
    file->addAction(m_backups->restoreAction());
    connect(m_backups, &BackupActions::restoreRequested, this, &MainWindow::restoreFromBackup);
    file->addSeparator();
    m_importTable = file->addAction(tr("&Import staff list from Excel…"), this, &MainWindow::importStaffList);
    m_importTable->setObjectName(QStringLiteral("importStaffList"));
    file->addSeparator();
    m_accounts = new AccountsMenu(this);
    file->addAction(m_accounts->switchUserAction());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    // Registry ▸ Likely duplicates… (issue 15): the dialog merges and undoes; the lists then reload.
    QMenu *registry = menuBar()->addMenu(tr("Re&gistry"));
    QAction *duplicates = registry->addAction(tr("Likely &duplicates…"), this, [this] {
        if (!m_db)
            return;
        DuplicatesDialog dialog(*m_db, this);
        dialog.exec(); // its merges and undos reach the lists through the change notifier
    });
    duplicates->setObjectName(QStringLiteral("likelyDuplicates"));
    connect(registry, &QMenu::aboutToShow, duplicates, [this, duplicates] { duplicates->setEnabled(m_db != nullptr); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // Window-wide shortcuts: they reach the window before a focused table or text box, which
    // would otherwise take Ctrl+Tab as "next cell" and Ctrl+PgDn as nothing.
    QAction *find = view->addAction(tr("&Find in the list"), this, &MainWindow::focusSearch);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    QAction *next = view->addAction(tr("&Next page"), this, [this] { switchPage(+1); });
    next->setObjectName(QStringLiteral("nextPageAction"));
    next->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    QAction *previous = view->addAction(tr("&Previous page"), this, [this] { switchPage(-1); });
    previous->setObjectName(QStringLiteral("previousPageAction"));
    // Shift+Tab arrives as Backtab from a keyboard, as Tab with Shift from some input methods.
    previous->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                            QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    view->addSeparator();
    QMenu *language = view->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    // Language names are written in their own language, so nobody has to read a foreign
    // word to find theirs: these two are deliberately not translated.
    for (const auto &[code, name] : {std::pair{"vi", "Tiếng Việt"}, std::pair{"en", "English"}}) {
        QAction *action = language->addAction(QString::fromUtf8(name));
        action->setCheckable(true);
        action->setChecked(Core::Settings::language() == QLatin1String(code));
        group->addAction(action);
        const QString lang = QString::fromLatin1(code);
        connect(action, &QAction::triggered, this, [this, lang] { setLanguage(lang); });
    }

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    m_payData = settings->addAction(tr("&Bonuses and votes…"), this, &MainWindow::editPayData);
    m_letterhead = settings->addAction(tr("&Letterhead…"), this, &MainWindow::editLetterhead);
    m_letterhead->setObjectName(QStringLiteral("editLetterhead"));

    menuBar()->addMenu(m_accounts->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Vinh Danh"), this, &MainWindow::about);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Core::Settings::recentDatabases();
    for (const QString &path : recent) {
        m_recentMenu->addAction(path, this,
                                [this, path] { openDatabaseOrWarn(Core::ConnectionSettings::sqlite(path), Mode::OpenExisting); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

QString MainWindow::openDatabase(const Core::ConnectionSettings &settings, Core::Database::Mode mode, QString *detail)
{
    const bool sqliteFile = settings.backend == Core::Backend::Sqlite && settings.path != QLatin1String(":memory:");
    std::unique_ptr<Core::Database> next;
    try {
        if (sqliteFile && mode == Mode::OpenOrCreate)
            QDir().mkpath(QFileInfo(settings.path).absolutePath()); // first start: the data folder
        next = std::make_unique<Core::Database>(settings, mode);
    } catch (const Core::Error &e) {
        if (detail)
            *detail = e.detail(); // the driver's reason (a DatabaseError): the box's details
        return e.message();
    }
    // A database with accounts shows nothing until someone logs in. A headless run
    // (--screenshot) must never wait on a dialog nobody can answer.
    if (m_headless && !Core::AccountRepository(*next).list().isEmpty())
        return tr("%1 has accounts; a run without a screen cannot log in.").arg(settings.displayName());
    if (!LoginDialog::logIn(*next, this))
        return tr("Nobody logged in, so %1 was not opened.").arg(settings.displayName());
    // The new one is open: only now close the old one, so a failure never leaves the clerk
    // with nothing.
    setPagesDatabase(nullptr);
    m_db = std::move(next);
    m_startDismissed = false; // another database: its own start page, if it is empty
    setPagesDatabase(m_db.get());
    QStringList notices = m_db->notices();
    if (m_db->readOnly())
        notices.prepend(m_db->readOnlyReason()); // what is wrong, and the way back (restore)
    for (const QString &notice : notices) {
        if (m_headless)
            statusBar()->showMessage(notice);
        else
            QMessageBox::warning(this, tr("Vinh Danh"), notice);
    }
    // Only file paths are remembered: a server address would carry the password.
    if (sqliteFile)
        Core::Settings::setLastDatabase(QFileInfo(settings.path).absoluteFilePath());
    updateTitle();
    return {};
}

bool MainWindow::openDatabaseOrWarn(const Core::ConnectionSettings &settings, Core::Database::Mode mode)
{
    QString detail;
    const QString error = openDatabase(settings, mode, &detail);
    if (!error.isEmpty())
        showError(this, tr("Cannot open the database"), error, detail);
    return error.isEmpty();
}

void MainWindow::openAtStart(const QString &requested, Core::Database::Mode requestedMode)
{
    Core::ConnectionSettings settings;
    Mode mode = Mode::OpenOrCreate;
    const QString last = Core::Settings::lastDatabase();
    if (!requested.isEmpty()) {
        settings = Core::ConnectionSettings::parse(requested);
        mode = requestedMode;
    } else if (!last.isEmpty() && QFileInfo::exists(last)) {
        settings = Core::ConnectionSettings::sqlite(last);
        mode = Mode::OpenExisting;
    } else {
        settings = Core::ConnectionSettings::sqlite(Core::Settings::defaultDatabasePath());
    }
    if (!openDatabaseOrWarn(settings, mode))
        chooseDatabase();
}

void MainWindow::chooseDatabase()
{
    while (!m_db) {
        QMessageBox box(QMessageBox::Question, tr("Choose a database"),
                        tr("No database is open. Open an existing database file, or create a new one?"), QMessageBox::Cancel, this);
        QPushButton *open = box.addButton(tr("&Open…"), QMessageBox::AcceptRole);
        QPushButton *create = box.addButton(tr("&New…"), QMessageBox::AcceptRole);
        box.exec();
        if (box.clickedButton() == open)
            openDatabaseFile();
        else if (box.clickedButton() == create)
            newDatabase();
        else
            return; // the window stays, empty; File ▸ Open is still there
    }
}

void MainWindow::newDatabase()
{
    QString path = FileDialogs::saveFile(this, tr("New database"), QDir::homePath(), fileFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite");
    // Never build a new database over an existing file, even if the dialog allowed it.
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(
            this, tr("New database"),
            tr("The file %1 already exists. Choose another name, or use File ▸ Open to open it.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    openDatabaseOrWarn(Core::ConnectionSettings::sqlite(path), Mode::OpenOrCreate);
}

void MainWindow::openDatabaseFile()
{
    const QString path = FileDialogs::openFile(this, tr("Open database"), QDir::homePath(), fileFilter());
    if (!path.isEmpty())
        openDatabaseOrWarn(Core::ConnectionSettings::sqlite(path), Mode::OpenExisting);
}

void MainWindow::connectToServer()
{
    bool ok = false;
    const QString address = QInputDialog::getText(this, tr("Connect to a server"),
                                                  tr("Address (postgresql://user:password@host:port/database):"), QLineEdit::Normal,
                                                  QStringLiteral("postgresql://"), &ok);
    if (!ok || address.trimmed().isEmpty())
        return;
    const Core::ConnectionSettings settings = Core::ConnectionSettings::parse(address.trimmed());
    if (settings.backend != Core::Backend::Postgres) {
        QMessageBox::warning(this, tr("Connect to a server"), tr("A server address starts with postgresql://."));
        return;
    }
    openDatabaseOrWarn(settings, Mode::OpenExisting);
}

void MainWindow::saveCopy()
{
    if (!m_db)
        return;
    const QString path = FileDialogs::saveFile(this, tr("Save a copy"), QDir::homePath(), fileFilter());
    if (path.isEmpty())
        return;
    const QFileInfo target(path);
    if (m_db->backend() == Core::Backend::Sqlite && target.absoluteFilePath() == QFileInfo(m_db->settings().path).absoluteFilePath()) {
        QMessageBox::warning(this, tr("Save a copy"), tr("Choose another file: this is the database that is open."));
        return;
    }
    try {
        // The file dialog has already asked whether to replace an existing file; the old one
        // is replaced only once the new copy is whole and checked (Core::Backup::write).
        m_db->saveCopy(path);
    } catch (const Core::Error &e) {
        showError(this, tr("Save a copy"), e);
        return;
    }
    statusBar()->showMessage(tr("A copy was saved to %1.").arg(QDir::toNativeSeparators(path)), 8000);
}

void MainWindow::restoreFromBackup(const QString &backupPath)
{
    if (!m_db)
        return;
    const Core::ConnectionSettings settings = m_db->settings();
    // Our own connection goes first: the restore swaps the whole file under SQLite's lock, and
    // the pages must read the restored records afresh.
    setPagesDatabase(nullptr);
    m_db.reset();
    QString kept;
    // Kept whole (a DatabaseError stays one, for the log): shown after reopening, so the box
    // stands over a window with its database.
    std::exception_ptr failed;
    try {
        kept = Core::Backup::restore(settings.path, backupPath);
    } catch (const Core::Error &) {
        failed = std::current_exception();
    }
    const bool reopened = openDatabaseOrWarn(settings, Mode::OpenExisting);
    if (failed) {
        try {
            std::rethrow_exception(failed);
        } catch (const Core::Error &e) {
            showError(this, tr("Restore from a backup"), e);
        }
    } else if (reopened) {
        QMessageBox::information(
            this, tr("Restore from a backup"),
            tr("The backup was restored. The replaced database was kept as %1.").arg(QDir::toNativeSeparators(kept)));
    }
    if (!m_db)
        updateTitle();
}

void MainWindow::setLanguage(const QString &language)
{
    if (language == Core::Settings::language())
        return;
    Core::Settings::setLanguage(language);
    QMessageBox::information(this, tr("Language"), tr("The new language will be used the next time you start Vinh Danh."));
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Vinh Danh"),
                       tr("<h3>Vinh Danh %1</h3><p>Emulation and commendation records for Vietnamese offices: "
                          "units, people, yearly ratings, titles, awards and movements.</p>")
                           .arg(QStringLiteral(VINHDANH_VERSION)));
}

void MainWindow::setPagesDatabase(Core::Database *db)
{
    m_units->setDatabase(db);
    m_people->setDatabase(db);
    m_movements->setDatabase(db);
    m_candidates->setDatabase(db);
    m_ruleSets->setDatabase(db);
    m_dossiers->setDatabase(db);
    m_council->setDatabase(db);
    m_decisions->setDatabase(db);
    m_accounts->setDatabase(db);
    m_backups->setDatabase(db);
    m_counts->setDatabase(db);
    if (db)
        db->changes().watchOutside(); // paused when the application goes inactive (above)
    m_payData->setEnabled(db != nullptr);
    m_letterhead->setEnabled(db != nullptr);
    m_importTable->setEnabled(db != nullptr);
    updateCounts();
}

void MainWindow::closeDatabase()
{
    setPagesDatabase(nullptr);
    m_db.reset();
    updateTitle();
}

void MainWindow::updateTitle()
{
    if (m_db)
        setWindowTitle(tr("%1 – Vinh Danh").arg(m_db->settings().displayName()));
    else
        setWindowTitle(tr("Vinh Danh"));
}

void MainWindow::updateCounts()
{
    if (!m_db) {
        m_unitCount->clear();
        m_personCount->clear();
        updateStartPage(0, 0);
        return;
    }
    try {
        const int units = Core::UnitRepository(*m_db).count();
        const int people = Core::PersonRepository(*m_db).count();
        m_unitCount->setText(tr("%Ln unit(s)", nullptr, units));
        m_personCount->setText(tr("%Ln person(s)", nullptr, people));
        updateStartPage(units, people);
    } catch (const Core::Error &e) {
        statusBar()->showMessage(e.message());
        updateStartPage(1, 1); // unknown: the pages, which show the error themselves
    }
}

void MainWindow::createStartPage()
{
    m_start = new StartPage(this);
    m_central->addWidget(m_start);
    connect(m_start, &StartPage::letterheadRequested, this, &MainWindow::editLetterhead);
    connect(m_start, &StartPage::payDataRequested, this, &MainWindow::editPayData);
    connect(m_start, &StartPage::firstAccountRequested, m_accounts, &AccountsMenu::createFirstAccount);
    connect(m_start, &StartPage::importRequested, this, &MainWindow::importStaffList);
    connect(m_start, &StartPage::enterByHandRequested, this, &MainWindow::enterUnitsByHand);
    connect(m_start, &StartPage::sampleRequested, this, &MainWindow::openSampleProvince);
    connect(m_start, &StartPage::openFileRequested, this, &MainWindow::openDatabaseFile);
}

bool MainWindow::isStartPageShown() const
{
    return m_central->currentWidget() == m_start;
}

void MainWindow::updateStartPage(int units, int people)
{
    const bool empty = !m_db || (units == 0 && people == 0);
    const auto *firstAccount = findChild<QAction *>(QStringLiteral("firstAccountAction"));
    m_start->setDatabaseOpen(m_db != nullptr, firstAccount && firstAccount->isEnabled());
    m_central->setCurrentWidget(empty && !m_startDismissed ? static_cast<QWidget *>(m_start) : m_pages);
}

void MainWindow::enterUnitsByHand()
{
    m_startDismissed = true;
    m_central->setCurrentWidget(m_pages);
    m_pages->setCurrentWidget(m_units);
    m_units->newRecord();
}

void MainWindow::openSampleProvince()
{
    const QString path = StartPage::makeSampleProvince(this);
    if (!path.isEmpty())
        openDatabaseOrWarn(Core::ConnectionSettings::sqlite(path), Mode::OpenExisting);
}

void MainWindow::focusSearch()
{
    if (isStartPageShown())
        return;
    if (QLineEdit *search = Keyboard::searchFieldOf(m_pages->currentWidget())) {
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    } else {
        statusBar()->showMessage(tr("This page has no search field."), 4000);
    }
}

void MainWindow::switchPage(int step)
{
    if (isStartPageShown() || m_pages->count() == 0)
        return;
    const int count = m_pages->count();
    m_pages->setCurrentIndex((m_pages->currentIndex() + step + count) % count);
}

void MainWindow::editPayData()
{
    if (!m_db)
        return;
    PayDataDialog dialog(*m_db, this);
    dialog.exec();
}

void MainWindow::importStaffList()
{
    if (!m_db)
        return;
    ImportTableDialog dialog(*m_db, this);
    dialog.exec(); // the import's commit reaches the lists and the counts through the change notifier
}

void MainWindow::editLetterhead()
{
    if (!m_db)
        return;
    LetterheadDialog dialog(*m_db, this);
    dialog.exec();
}

void MainWindow::showDossier(qint64 id)
{
    m_pages->setCurrentWidget(m_dossiers);
    m_dossiers->openDossier(id);
}

void MainWindow::showDecision(qint64 id)
{
    m_pages->setCurrentWidget(m_decisions);
    m_decisions->openDecision(id);
}

} // namespace VinhDanh::Ui
