// Keyboard first (issue 16, item 6) for the lists' columns menus (Ui::Columns): on every list
// that has one, in both languages, Shift+F10 and the Menu key open it on its first entry, the
// arrows move in it, no two entries answer to one letter, and Esc closes it, changes nothing
// and leaves the keyboard in the list.
#include "uitesthelpers.h"

#include "clerkwords.h"
#include "core/demo/demogenerator.h"
#include "core/settings.h"
#include "tests/support/testdatabase.h"
#include "ui/decisions/decisionsview.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/mainwindow.h"
#include "ui/registry/unitsview.h"
#include "ui/widgets/columns.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <optional>

using namespace VinhDanh;

namespace {

qint64 firstId(Core::Database &db, const QString &table)
{
    QSqlQuery q(db.sql());
    q.exec(QStringLiteral("SELECT MIN(id) FROM %1").arg(table));
    return q.next() ? q.value(0).toLongLong() : 0;
}

QHeaderView *headerOf(QAbstractItemView *list)
{
    if (auto *table = qobject_cast<QTableView *>(list))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(list))
        return tree->header();
    return nullptr;
}

QMenu *openColumnsMenu()
{
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    return menu && menu->objectName() == QLatin1String("columnsMenu") ? menu : nullptr;
}

QList<int> hiddenSections(QHeaderView *header)
{
    QList<int> hidden;
    for (int c = 0; c < header->count(); ++c)
        if (header->isSectionHidden(c))
            hidden << c;
    return hidden;
}

/// Every visible list in `root` whose header has the columns menu, checked from the keyboard;
/// returns the lists checked, adds what went wrong to `problems`.
QStringList checkColumnMenus(QWidget *root, const QString &where, QStringList &problems)
{
    QStringList checked;
    for (const QPointer<QAbstractItemView> list : root->findChildren<QAbstractItemView *>()) {
        QHeaderView *header = list ? headerOf(list) : nullptr;
        if (!header || !list->isVisible() || header->isHidden() || header->contextMenuPolicy() != Qt::CustomContextMenu)
            continue;
        const QString name = QStringLiteral("%1, %2").arg(where, list->objectName());
        checked << name;
        const QList<int> hidden = hiddenSections(header);
        // The first column offered: with the settings fresh, a hidden column is one the page
        // keeps for itself (the rule sets' id), which the menu does not offer.
        int firstShown = 0;
        while (firstShown < header->count() - 1 && header->isSectionHidden(header->logicalIndex(firstShown)))
            ++firstShown;
        const QString first = list->model()->headerData(header->logicalIndex(firstShown), Qt::Horizontal).toString();
        for (const QKeyCombination key : {QKeyCombination(Qt::ShiftModifier, Qt::Key_F10), QKeyCombination(Qt::Key_Menu)}) {
            const QString how = QStringLiteral("%1 (%2)").arg(name, QKeySequence(key).toString());
            list->window()->activateWindow();
            list->setFocus(Qt::OtherFocusReason);
            if (!Test::waitUntil([&] { return list && list->hasFocus(); }, 1000)) {
                problems << how + QStringLiteral(": the list does not take the focus");
                break;
            }
            QTest::keyClick(list, key.key(), key.keyboardModifiers());
            QMenu *menu = openColumnsMenu();
            if (!menu) {
                problems << how + QStringLiteral(": no columns menu");
                continue;
            }
            // Ready for the arrows at once: the first column's entry is the active one.
            const QList<QAction *> actions = menu->actions();
            if (menu->activeAction() != actions.value(0))
                problems << how + QStringLiteral(": the first entry is not active");
            else if (QString(actions.first()->text()).replace(QStringLiteral("&&"), QStringLiteral("&")) != first)
                problems << how
                                + QStringLiteral(": the first entry \"%1\" is not the first column \"%2\"")
                                      .arg(actions.first()->text(), first);
            QTest::keyClick(menu, Qt::Key_Down);
            if (menu->activeAction() == actions.value(0))
                problems << how + QStringLiteral(": Down does not move");
            // A letter pressed in the menu does one thing.
            QMap<QChar, QStringList> letters;
            for (QAction *a : actions)
                if (const QChar c = Test::mnemonicOf(a->text()); !c.isNull())
                    letters[c.toLower()] << a->text();
            for (auto it = letters.cbegin(); it != letters.cend(); ++it)
                if (it.value().size() > 1)
                    problems << how + QStringLiteral(": the letter %1 opens %2").arg(it.key(), it.value().join(QStringLiteral(" | ")));
            QTest::keyClick(menu, Qt::Key_Escape);
            if (!Test::waitUntil([] { return !openColumnsMenu(); }, 1000))
                problems << how + QStringLiteral(": Esc does not close it");
            if (hiddenSections(header) != hidden)
                problems << how + QStringLiteral(": Esc changed the shown columns");
            if (!Test::waitUntil([&] { return list && list->hasFocus(); }, 1000))
                problems << how + QStringLiteral(": after Esc the keyboard is no longer in the list");
        }
    }
    return checked;
}

} // namespace

TEST_CASE("everyListsColumnsMenu_opensFromTheKeyboardOnItsFirstEntry_andEscChangesNothing_inBothLanguages", "[ui][keyboard][columns]")
{
    // The translation chooses its own words (and would choose its own letters), so each
    // language is checked.
    const bool vietnamese = GENERATE(false, true);
    std::optional<Test::VietnameseUi> vi;
    if (vietnamese) {
        vi.emplace();
        REQUIRE(vi->installed());
    }
    INFO((vietnamese ? "Vietnamese" : "English"));
    Test::TestDatabase t;
    Core::Database &seed = t.open();
    Core::DemoOptions options;
    options.units = 8;
    options.people = 40;
    Core::Demo::generateProvince(seed, options);
    const qint64 dossier = firstId(seed, QStringLiteral("dossiers"));
    const qint64 decision = firstId(seed, QStringLiteral("decisions"));
    REQUIRE(dossier);
    REQUIRE(decision);

    Ui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());

    QStringList problems;
    QStringList checked;
    QTabWidget *pages = window.pages();
    for (int i = 0; i < pages->count(); ++i) {
        pages->setCurrentIndex(i);
        QTest::qWait(200); // the lists read their first rows
        checked << checkColumnMenus(pages->widget(i), QString(pages->tabText(i)).remove(QLatin1Char('&')), problems);
    }
    // The units page while searching shows the flat list instead of the tree.
    pages->setCurrentWidget(window.unitsView());
    window.unitsView()->filterEdit()->setText(QStringLiteral("a"));
    window.unitsView()->applyFilter();
    REQUIRE_FALSE(window.unitsView()->showsTree());
    checked << checkColumnMenus(window.unitsView(), QStringLiteral("units, searching"), problems);
    window.unitsView()->filterEdit()->clear();
    window.unitsView()->applyFilter();

    // A dossier's nominees, a decision's awardees.
    window.showDossier(dossier);
    QTest::qWait(200);
    Ui::DossierPage *dossierPage = window.dossiersView()->pageOf(dossier);
    REQUIRE(dossierPage);
    checked << checkColumnMenus(dossierPage, QStringLiteral("dossier page"), problems);
    dossierPage->close();
    window.showDecision(decision);
    QTest::qWait(200);
    checked << checkColumnMenus(window.decisionsView(), QStringLiteral("decision page"), problems);

    INFO("lists checked:\n" << checked.join(QLatin1Char('\n')).toStdString());
    const QString all = checked.join(QLatin1Char('\n'));
    for (const char *list : {"unitTree", "units, searching, table", "nominees", "sessionList", "decisionList", "awardees"}) {
        INFO(list);
        CHECK(all.contains(QString::fromLatin1(list)));
    }
    CHECK(checked.size() >= 8); // and people, dossiers
    INFO(problems.join(QLatin1Char('\n')).toStdString());
    CHECK(problems.isEmpty());
}

TEST_CASE("columnsMenu_headerWithAnAmpersand_readsAsItIs_andTakesNoLetter", "[ui][keyboard][columns]")
{
    // A header is shown literally ("Thi đua & khen thưởng"); in a menu a lone "&" would
    // underline the next letter and take it from the keyboard.
    QStandardItemModel model(1, 2);
    model.setHorizontalHeaderLabels({QStringLiteral("R&D"), QStringLiteral("Thi đua & khen thưởng")});
    QTableView view;
    view.setModel(&model);
    Ui::Columns::remember(&view, QStringLiteral("ampersandTest"));
    std::unique_ptr<QMenu> menu(Ui::Columns::headerMenu(&view, nullptr));
    REQUIRE(menu->actions().size() >= 2);
    CHECK(Test::mnemonicOf(menu->actions().at(0)->text()).isNull());
    CHECK(menu->actions().at(0)->text() == QStringLiteral("R&&D"));
    CHECK(menu->actions().at(1)->text() == QStringLiteral("Thi đua && khen thưởng"));
    Core::Settings::setListColumns(QStringLiteral("ampersandTest"), 2, {});
}
