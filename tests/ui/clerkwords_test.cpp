// Issue 16, item 1: every page of the main window, every dialog its menus and its pages' "…"
// buttons open, in Vietnamese, on the demo province with a played season: no code, no stray
// "&", no English, and every text looked up has its Vietnamese.
#include "clerkwords.h"
#include "uitesthelpers.h"

#include "core/db/database.h"
#include "core/demo/demogenerator.h"
#include "ui/accounts/usersdialog.h"
#include "ui/council/councilfilldialog.h"
#include "ui/council/councilview.h"
#include "ui/decisions/decisionsview.h"
#include "ui/documents/certificatedialog.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/mainwindow.h"
#include "ui/registry/unitsview.h"
#include "ui/widgets/conflictdialog.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace VinhDanh;
using Test::ClerkWords;

namespace {

// Menu actions never triggered by the walk, by objectName: they switch page or focus (no
// dialog), or end the session. Actions without a name are recognised below by what they are.
const QStringList kSkippedActions{
    QStringLiteral("findAction"),         // focuses the search field
    QStringLiteral("nextPageAction"),     // switches tab
    QStringLiteral("previousPageAction"), // switches tab
    QStringLiteral("switchUserAction"),   // logs out: closes the database
    QStringLiteral("backupNow"),          // writes a backup at once, no dialog
};

// Page buttons never clicked: they delete or remove after a confirmation the walk would answer.
const QStringList kSkippedButtons{
    QStringLiteral("deleteDossier"),
    QStringLiteral("removeNominee"),
    QStringLiteral("removeFile"),
    QStringLiteral("remove"),
};

/// File ▸ Quit has no objectName to skip it by: while the walk runs, the window refuses to close
/// (a Quit triggered by the walk is then harmless, and its absence of a dialog is fine).
class KeepOpen : public QObject
{
public:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::Close)
            return false;
        event->ignore();
        return true;
    }
};

qint64 firstId(Core::Database &db, const char *sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(QString::fromLatin1(sql)) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

void settle(int ms = 200)
{
    QTest::qWait(ms);
}

QString bare(QString text)
{
    return text.remove(QLatin1Char('&'));
}

void walkMenusAndTheirDialogs(ClerkWords &words, Ui::MainWindow &window, QStringList &triggered)
{
    for (QAction *top : window.menuBar()->actions()) {
        QMenu *menu = top->menu();
        if (!menu)
            continue;
        const QString menuName = bare(menu->title());
        for (QAction *a : menu->actions()) {
            // Separators, submenus (Open recent: paths; Language: a setting), toggles, Quit.
            if (a->isSeparator() || a->menu() || a->isCheckable() || !a->isEnabled() || !a->isVisible()
                || kSkippedActions.contains(a->objectName()))
                continue;
            const QString screen = QStringLiteral("menu %1 > %2").arg(menuName, bare(a->text()));
            triggered << screen;
            Test::openAndWalk(words, screen, [a] { a->trigger(); });
        }
    }
}

/// Every tab of every tab widget inside `root` (a dossier's nominees, files, history…): shown,
/// walked, and its "…" buttons clicked.
void walkEveryTab(ClerkWords &words, QWidget *root, const QString &screen, QStringList &opened)
{
    for (QTabWidget *tabs : root->findChildren<QTabWidget *>()) {
        if (!tabs->isVisible())
            continue;
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            settle(150);
            Test::selectFirstRows(tabs->widget(i));
            const QString here = QStringLiteral("%1, tab %2").arg(screen, bare(tabs->tabText(i)));
            words.walk(root->window(), here);
            opened << Test::clickEllipsisButtons(words, tabs->widget(i), here, kSkippedButtons);
        }
    }
}

/// What one walk of the whole program saw.
struct Walk
{
    QStringList opened;    // page buttons clicked
    QStringList triggered; // menu commands
    QStringList uuids;     // list cells showing a UUID (where, what)
};

/// The cells of the first rows of every visible list in `page` that show a UUID: the words
/// walk leaves cell data alone, but an internal key must not reach a list either (issue 16).
QStringList uuidsInLists(QWidget *page, const QString &screen)
{
    static const QRegularExpression uuid(QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"));
    QStringList found;
    for (QAbstractItemView *list : page->findChildren<QAbstractItemView *>()) {
        QAbstractItemModel *model = list->isVisible() ? list->model() : nullptr;
        if (!model)
            continue;
        for (int row = 0; row < qMin(model->rowCount(list->rootIndex()), 50); ++row)
            for (int column = 0; column < model->columnCount(list->rootIndex()); ++column) {
                const QModelIndex at = model->index(row, column, list->rootIndex());
                for (const int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                    const QString text = at.data(role).toString();
                    if (uuid.match(text).hasMatch())
                        found << QStringLiteral("%1, %2: %3").arg(screen, list->objectName(), text.left(120));
                }
            }
    }
    return found;
}

/// Opens the demo province in a main window and walks the start page, every page, the pages
/// opened from the lists, their "…" buttons and every menu command that opens a dialog; `more`
/// opens more screens before the menus are walked.
Walk walkEverything(ClerkWords &words, const QString &path, const std::function<void(Ui::MainWindow &, Core::Database &)> &more = {})
{
    Walk walk;
    Ui::MainWindow window;
    KeepOpen keepOpen;
    window.installEventFilter(&keepOpen);
    window.show();
    settle();
    words.walk(&window, QStringLiteral("start page, nothing open"));
    REQUIRE(window.openDatabase(Core::ConnectionSettings::sqlite(path), Core::Database::Mode::OpenExisting).isEmpty());
    settle(300);
    Core::Database &db = *window.database();

    // Every page, with a row selected so the buttons that act on one are live.
    QTabWidget *pages = window.pages();
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        settle(400); // the lists load their first rows
        QWidget *page = pages->widget(i);
        Test::selectFirstRows(page);
        settle(200);
        const QString screen = QStringLiteral("page %1").arg(bare(pages->tabText(i)));
        words.walk(&window, screen);
        walk.opened << Test::clickEllipsisButtons(words, page, screen, kSkippedButtons);
        words.walkColumnMenus(page, screen);
        walk.uuids << uuidsInLists(page, screen);
        // A registry list opens the unit's or person's own page on double-click.
        if (auto *table = page->findChild<QTableView *>(QStringLiteral("table")); table && table->currentIndex().isValid()) {
            Test::selectFirstRows(page);
            Test::openAndWalk(words, screen + QStringLiteral(" > detail page"),
                              [table] { emit table->doubleClicked(table->currentIndex()); });
            walk.opened << screen + QStringLiteral(" (detail page)");
        }
    }

    // The units page while a search has text: the flat list of matches, with its own columns.
    pages->setCurrentWidget(window.unitsView());
    window.unitsView()->filterEdit()->setText(QStringLiteral("a"));
    window.unitsView()->applyFilter();
    settle(300);
    REQUIRE_FALSE(window.unitsView()->showsTree());
    words.walk(&window, QStringLiteral("page units, searching"));
    words.walkColumnMenus(window.unitsView(), QStringLiteral("page units, searching"));
    window.unitsView()->filterEdit()->clear();
    window.unitsView()->applyFilter();

    // The pages opened from the lists: a dossier, a council sitting, a decision.
    // Editable ones first: a draft or open record shows the most buttons.
    const qint64 dossier = firstId(db, "SELECT id FROM dossiers ORDER BY status = 'draft' DESC, id");
    const qint64 sitting = firstId(db, "SELECT id FROM council_sessions ORDER BY status = 'open' DESC, id");
    const qint64 decision = firstId(db, "SELECT id FROM decisions ORDER BY status = 'draft' DESC, id");
    REQUIRE(dossier > 0);
    REQUIRE(sitting > 0);
    REQUIRE(decision > 0);

    window.showDossier(dossier);
    settle(300);
    Ui::DossierPage *dossierPage = window.dossiersView()->pageOf(dossier);
    REQUIRE(dossierPage);
    Test::selectFirstRows(dossierPage);
    words.walk(dossierPage, QStringLiteral("dossier page"));
    walk.opened << Test::clickEllipsisButtons(words, dossierPage, QStringLiteral("dossier page"), kSkippedButtons);
    walk.uuids << uuidsInLists(dossierPage, QStringLiteral("dossier page"));
    words.walkColumnMenus(dossierPage, QStringLiteral("dossier page"));
    walkEveryTab(words, dossierPage, QStringLiteral("dossier page"), walk.opened);
    dossierPage->close();

    pages->setCurrentWidget(window.councilView());
    window.councilView()->openSession(sitting);
    settle(300);
    Test::selectFirstRows(window.councilView());
    words.walk(&window, QStringLiteral("council sitting page"));
    walk.opened << Test::clickEllipsisButtons(words, window.councilView(), QStringLiteral("council sitting page"), kSkippedButtons);
    words.walkColumnMenus(window.councilView(), QStringLiteral("council sitting page"));
    walkEveryTab(words, window.councilView(), QStringLiteral("council sitting page"), walk.opened);
    walk.uuids << uuidsInLists(window.councilView(), QStringLiteral("council sitting page"));

    window.showDecision(decision);
    settle(300);
    Test::selectFirstRows(window.decisionsView());
    words.walk(&window, QStringLiteral("decision page"));
    walk.opened << Test::clickEllipsisButtons(words, window.decisionsView(), QStringLiteral("decision page"), kSkippedButtons);
    words.walkColumnMenus(window.decisionsView(), QStringLiteral("decision page"));
    walkEveryTab(words, window.decisionsView(), QStringLiteral("decision page"), walk.opened);
    walk.uuids << uuidsInLists(window.decisionsView(), QStringLiteral("decision page"));

    if (more)
        more(window, db);

    // Every menu command that opens a dialog.
    walkMenusAndTheirDialogs(words, window, walk.triggered);
    return walk;
}

/// The columns menu of every kind of list was opened and walked: the units tree and its flat
/// search list, people, dossiers and a dossier's nominees, sittings, decisions and a decision's
/// awardees, the audit log.
void checkColumnMenusOpened(const ClerkWords &words)
{
    // VINHDANH_DUMP_LISTS=1 names the lists the walk met without a columns menu.
    if (qEnvironmentVariableIsSet("VINHDANH_DUMP_LISTS"))
        qWarning("lists without a columns menu:\n%s", qPrintable(words.listsWithoutColumnMenu().join(QLatin1Char('\n'))));
    const QString opened = words.columnMenus().join(QLatin1Char('\n'));
    INFO("columns menus opened:\n" << opened.toStdString());
    for (const char *list :
         {"QTreeView#unitTree", "page units, searching > columns menu of", "PeopleView", "DossiersView", "QTableView#nominees",
          "QTableView#sessionList", "QTableView#decisionList", "QTableView#awardees", "AuditView"}) {
        INFO(list);
        CHECK(opened.contains(QString::fromLatin1(list), Qt::CaseInsensitive));
    }
}

QString makeProvince(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("tinh-mau.sqlite"));
    Core::Database seed(Core::ConnectionSettings::sqlite(path));
    Core::DemoOptions options;
    options.units = 15;
    options.people = 150;
    Core::Demo::generateProvince(seed, options);
    return path;
}

} // namespace

TEST_CASE("clerkWords_everyPageMenuAndDialogInVietnamese_showsNoCodeStrayAmpersandOrEnglish", "[ui][clerkwords]")
{
    QTemporaryDir dir;
    const QString path = makeProvince(dir);
    Test::VietnameseUi vietnamese;
    REQUIRE(vietnamese.installed());
    Test::RecordingTranslator recorder;
    ClerkWords words;

    const Walk walk = walkEverything(words, path);
    words.checkTranslated(recorder.lookups(), vietnamese.catalogue());

    INFO("page buttons clicked: " << walk.opened.join(QStringLiteral(", ")).toStdString());
    INFO("menu commands: " << walk.triggered.join(QStringLiteral(", ")).toStdString());
    INFO("texts checked: " << words.textsChecked());
    CHECK(words.textsChecked() > 500); // the walk reached the screens
    CHECK(walk.triggered.size() >= 8);
    checkColumnMenusOpened(words);
    INFO(walk.uuids.join(QLatin1Char('\n')).toStdString());
    CHECK(walk.uuids.isEmpty());
    const QStringList findings = words.findings();
    INFO(findings.join(QLatin1Char('\n')).toStdString());
    CHECK(findings.isEmpty());
}

TEST_CASE("clerkWords_everyPageMenuAndDialogInEnglish_showsNoCodeOrStrayAmpersand", "[ui][clerkwords]")
{
    QTemporaryDir dir;
    const QString path = makeProvince(dir);
    ClerkWords words;
    words.setEnglishExpected(true); // the test program runs in English

    const Walk walk = walkEverything(words, path);

    INFO("texts checked: " << words.textsChecked());
    CHECK(words.textsChecked() > 500);
    CHECK(walk.triggered.size() >= 8);
    checkColumnMenusOpened(words);
    INFO(walk.uuids.join(QLatin1Char('\n')).toStdString());
    CHECK(walk.uuids.isEmpty());
    const QStringList findings = words.findings();
    INFO(findings.join(QLatin1Char('\n')).toStdString());
    CHECK(findings.isEmpty());
}

/// Screens with lists the words walk does not reach (a unit's page, the nominee dialogs, the
/// decision's dialogs, the accounts), opened and walked (their lists noted) by `more`.
std::function<void(Ui::MainWindow &, Core::Database &)> walkDialogsTheWalkMisses(ClerkWords &words)
{
    return [&words](Ui::MainWindow &window, Core::Database &db) {
        window.pages()->setCurrentWidget(window.unitsView());
        settle();
        const qint64 unitId = firstId(db, "SELECT id FROM units WHERE id IN (SELECT unit_id FROM people) ORDER BY id");
        REQUIRE(unitId > 0);
        Test::openAndWalk(words, QStringLiteral("unit page"), [&] {
            window.unitsView()->selectId(unitId);
            window.unitsView()->openSelected();
        });

        const qint64 dossier = firstId(db, "SELECT dossier_id FROM dossier_nominees ORDER BY dossier_id");
        REQUIRE(dossier > 0);
        window.showDossier(dossier);
        settle(300);
        Ui::DossierPage *page = window.dossiersView()->pageOf(dossier);
        REQUIRE(page);
        Test::openAndWalk(words, QStringLiteral("dossier page > add a nominee"), [page] { page->addNominee(); });
        Test::openAndWalk(words, QStringLiteral("dossier page > import a nominee list"), [page] { page->importList(); });
        page->nomineeTable()->selectRow(0);
        Test::openAndWalk(words, QStringLiteral("dossier page > edit a nominee"), [page] { page->editNominee(); });
        page->close();

        const qint64 decision = firstId(db, "SELECT id FROM decisions ORDER BY id");
        const qint64 sitting = firstId(db, "SELECT id FROM council_sessions ORDER BY id");
        Test::openAndWalk(words, QStringLiteral("certificates"), [&] {
            auto *dialog = new Ui::CertificateDialog(db, decision, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        Test::openAndWalk(words, QStringLiteral("fill from the council"), [&] {
            auto *dialog = new Ui::CouncilFillDialog(db, decision, sitting, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        Test::openAndWalk(words, QStringLiteral("user accounts"), [&] {
            auto *dialog = new Ui::UsersDialog(db, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
        Test::openAndWalk(words, QStringLiteral("someone else changed"), [&] {
            auto *dialog = new Ui::ConflictDialog(QStringLiteral("…"),
                                                  {{QStringLiteral("Tên"), QStringLiteral("A"), QStringLiteral("B")}}, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    };
}

TEST_CASE("everyListOnEveryPageAndDialog_remembersItsColumns", "[ui][columns][clerkwords]")
{
    // Every list a clerk reads fits its columns to the content and keeps the clerk's widths,
    // order, hidden columns and sort (Ui::Columns::remember): a list made without it forgets
    // them each time it is opened.
    QTemporaryDir dir;
    const QString path = makeProvince(dir);
    ClerkWords words;
    words.setEnglishExpected(true);
    const Walk walk = walkEverything(words, path, walkDialogsTheWalkMisses(words));
    INFO("page buttons clicked: " << walk.opened.join(QStringLiteral(", ")).toStdString());
    INFO("menu commands: " << walk.triggered.join(QStringLiteral(", ")).toStdString());

    const QStringList forgetting = words.listsNotRemembered();
    INFO("lists seen:\n" << words.listsSeen().join(QLatin1Char('\n')).toStdString());
    CHECK(words.listsSeen().size() >= 30); // the walk reached the pages and the dialogs
    INFO("lists that forget the clerk's columns:\n" << forgetting.join(QLatin1Char('\n')).toStdString());
    CHECK(forgetting.isEmpty());
}
