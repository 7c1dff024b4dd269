// Keyboard first (issue 16, item 6): every dialog opens on its first field, Ctrl+F finds the
// list's search, Ctrl+Tab and Ctrl+PgDn switch the main tabs even from a table, Enter opens the
// selected row, and a new record is selected and shown after it is saved.
#include "uitesthelpers.h"

#include "clerkwords.h"
#include "core/demo/demogenerator.h"
#include "core/dossiers/dossierrepository.h"
#include "core/registry/movementrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/accountdialogs.h"
#include "ui/accounts/auditview.h"
#include "ui/common/backupactions.h"
#include "ui/common/keyboard.h"
#include "ui/council/paydatadialog.h"
#include "ui/documents/letterheaddialog.h"
#include "ui/dossiers/dossierdialog.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/dossiers/nomineedialog.h"
#include "ui/dossiers/nomineelistdialog.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/eligibility/minutesdialog.h"
#include "ui/mainwindow.h"
#include "ui/movements/movementeditordialog.h"
#include "ui/registry/importtabledialog.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/persondialog.h"
#include "ui/registry/personlistmodel.h"
#include "ui/registry/personpage.h"
#include "ui/registry/recorddialogs.h"
#include "ui/registry/unitdialog.h"
#include "ui/registry/unitpage.h"
#include "ui/registry/unitsview.h"

#include <catch2/catch.hpp>

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPointer>
#include <QSqlQuery>
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

/// Every field the clerk could type in now, in the dialog's coordinates.
QList<QWidget *> reachableFields(QWidget *dialog)
{
    QList<QWidget *> fields;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (w->window() == dialog && Ui::Keyboard::isEditableField(w) && w->isVisibleTo(dialog) && w->isEnabled()
            && (w->focusPolicy() & Qt::TabFocus) && !w->focusProxy())
            fields << w;
    }
    return fields;
}

/// The dialog shows with a field focused, and no field lies above it: the clerk can type at
/// once, into the field at the top of the form.
void checkOpensOnFirstField(QDialog &dialog, QStringList &clashes)
{
    INFO(dialog.metaObject()->className() << " – " << dialog.windowTitle().toStdString());
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
    // Alt+letter does one thing in the dialog as shown (its first tab, if it has tabs).
    clashes << Test::collisions(&dialog, QString::fromLatin1(dialog.metaObject()->className()));
    // VINHDANH_DUMP_MNEMONICS=1 lists every letter in use, to choose a free one.
    if (qEnvironmentVariableIsSet("VINHDANH_DUMP_MNEMONICS")) {
        const auto all = Test::mnemonics(&dialog);
        QStringList line;
        for (auto it = all.cbegin(); it != all.cend(); ++it)
            line << QStringLiteral("%1=%2").arg(it.key(), it.value().join(QLatin1Char('/')));
        qWarning("%s: %s", dialog.metaObject()->className(), qPrintable(line.join(QStringLiteral(", "))));
    }
    const QList<QWidget *> fields = reachableFields(&dialog);
    QWidget *focused = dialog.focusWidget();
    REQUIRE(focused);
    if (fields.isEmpty()) {
        // A page to read (a unit's page): its list, where the arrow keys and Enter work.
        INFO("focused: " << focused->metaObject()->className() << " " << focused->objectName().toStdString());
        CHECK(qobject_cast<QAbstractItemView *>(focused));
        dialog.close();
        return;
    }
    // An editable combo hands its focus to its own line edit.
    if (auto *combo = qobject_cast<QComboBox *>(focused->parentWidget()); combo && combo->lineEdit() == focused)
        focused = combo;
    INFO("focused: " << focused->metaObject()->className() << " " << focused->objectName().toStdString());
    CHECK(Ui::Keyboard::isEditableField(focused));
    const int top = focused->mapTo(&dialog, QPoint(0, 0)).y();
    for (QWidget *field : fields) {
        INFO("field above it: " << field->metaObject()->className() << " " << field->objectName().toStdString());
        CHECK(field->mapTo(&dialog, QPoint(0, 0)).y() >= top - 4);
    }
    dialog.close();
}

} // namespace

TEST_CASE("everyDialog_opensWithItsFirstFieldFocused_andItsAltLettersNeverCollide_inBothLanguages", "[ui][keyboard][mnemonics]")
{
    // The translation chooses its own letters, so each language is checked.
    const bool vietnamese = GENERATE(false, true);
    std::optional<Test::VietnameseUi> vi;
    if (vietnamese) {
        vi.emplace();
        REQUIRE(vi->installed());
    }
    INFO((vietnamese ? "Vietnamese" : "English"));
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Core::DemoOptions options;
    options.units = 8;
    options.people = 40;
    Core::Demo::generateProvince(db, options);
    const qint64 unit = firstId(db, QStringLiteral("units"));
    const qint64 person = firstId(db, QStringLiteral("people"));
    const qint64 dossierId = firstId(db, QStringLiteral("dossiers"));
    REQUIRE(unit);
    REQUIRE(person);
    REQUIRE(dossierId);
    const Core::Workflow::Dossier dossier = Core::Workflow::DossierRepository(db).dossier(dossierId);
    const std::optional<Core::Movement> movement = Core::MovementRepository(db).get(firstId(db, QStringLiteral("movements")));
    REQUIRE(movement);

    // The main window installs the focus rule for every dialog of the program.
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    Core::Database &shown = *window.database();

    Core::Rating rating;
    rating.subject = Core::Subject::person(person);
    Core::Award award;
    award.subject = Core::Subject::person(person);
    Core::Initiative initiative;
    initiative.holderIds = {person};
    Core::Discipline discipline;
    discipline.subject = Core::Subject::person(person);

    // Pages delete themselves when closed (WA_DeleteOnClose), hence QPointer.
    std::vector<QPointer<QDialog>> dialogs;
    dialogs.emplace_back(new Ui::UnitDialog(shown, 0, &window));
    dialogs.emplace_back(new Ui::UnitDialog(shown, unit, &window));
    dialogs.emplace_back(new Ui::BlocDialog(shown, &window));
    dialogs.emplace_back(new Ui::PersonDialog(shown, 0, unit, &window));
    dialogs.emplace_back(new Ui::PersonDialog(shown, person, 0, &window));
    dialogs.emplace_back(new Ui::RatingDialog(shown, rating, false, &window));
    dialogs.emplace_back(new Ui::AwardDialog(shown, award, &window));
    dialogs.emplace_back(new Ui::InitiativeDialog(shown, initiative, &window));
    dialogs.emplace_back(new Ui::DisciplineDialog(shown, discipline, &window));
    dialogs.emplace_back(new Ui::UnitPage(shown, unit, &window));
    dialogs.emplace_back(new Ui::PersonPage(shown, person, &window));
    dialogs.emplace_back(new Ui::DossierDialog(shown, 0, &window));
    dialogs.emplace_back(new Ui::DossierDialog(shown, dossierId, &window));
    dialogs.emplace_back(new Ui::DossierPage(shown, dossierId, &window));
    dialogs.emplace_back(new Ui::NomineeDialog(shown, dossier, 0, &window));
    dialogs.emplace_back(new Ui::NomineeListDialog(shown, dossier, &window));
    dialogs.emplace_back(new Ui::ReasonDialog(QStringLiteral("Trả lại hồ sơ"), QStringLiteral("Lý do:"), &window));
    dialogs.emplace_back(new Ui::AccountDialog(shown, Ui::AccountDialog::FirstAccount, &window));
    dialogs.emplace_back(new Ui::AuditView(shown, &window));
    dialogs.emplace_back(new Ui::PayDataDialog(shown, &window));
    dialogs.emplace_back(new Ui::LetterheadDialog(shown, &window));
    dialogs.emplace_back(new Ui::ImportTableDialog(shown, &window));
    dialogs.emplace_back(new Ui::MinutesDialog(shown, {Core::Subject::person(person)}, 2025, &window));
    dialogs.emplace_back(new Ui::MovementEditorDialog(shown, *movement, &window));
    dialogs.emplace_back(new Ui::RestoreDialog(t.path(), &window));
    QStringList clashes;
    for (const QPointer<QDialog> &dialog : dialogs)
        checkOpensOnFirstField(*dialog, clashes);
    INFO(clashes.join(QLatin1Char('\n')).toStdString());
    CHECK(clashes.isEmpty());
    for (const QPointer<QDialog> &dialog : dialogs)
        delete dialog.data();
}

TEST_CASE("firstFieldFocus_keepsTheFieldADialogChoseItself", "[ui][keyboard]")
{
    Ui::MainWindow window; // installs the rule
    QDialog dialog(&window);
    auto *first = new QLineEdit(&dialog);
    auto *second = new QLineEdit(&dialog);
    first->move(0, 0);
    second->move(0, 40);
    second->setFocus(); // e.g. the password when the name is already known
    dialog.show();
    QApplication::processEvents();
    CHECK(dialog.focusWidget() == second);
}

TEST_CASE("ctrlF_focusesTheSearchOfTheCurrentList", "[ui][keyboard]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addPerson(db, QStringLiteral("Đặng Thu Thảo"), Test::addUnit(db, QStringLiteral("Sở Y tế")));
    t.close();
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));

    window.pages()->setCurrentWidget(window.peopleView());
    window.peopleView()->table()->setFocus();
    window.peopleView()->filterEdit()->setText(QStringLiteral("thao"));
    QTest::keyClick(window.peopleView()->table(), Qt::Key_F, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == window.peopleView()->filterEdit());
    CHECK(window.peopleView()->filterEdit()->selectedText() == QStringLiteral("thao")); // typing replaces it

    window.pages()->setCurrentWidget(window.dossiersView());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
    QLineEdit *dossierSearch = Ui::Keyboard::searchFieldOf(window.dossiersView());
    REQUIRE(dossierSearch);
    CHECK(QApplication::focusWidget() == dossierSearch);

    window.pages()->setCurrentWidget(window.unitsView());
    window.unitsView()->view()->setFocus(); // the units tree
    QTest::keyClick(window.unitsView()->view(), Qt::Key_F, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == window.unitsView()->filterEdit());
}

TEST_CASE("ctrlTab_switchesTabsEvenFromATable", "[ui][keyboard]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
    t.close();
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTabWidget *pages = window.pages();
    pages->setCurrentWidget(window.unitsView());
    QAbstractItemView *table = window.unitsView()->view(); // the units tree
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    REQUIRE(QApplication::focusWidget() == table);

    const auto press = [](int key, Qt::KeyboardModifiers modifiers) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), modifiers);
    };
    press(Qt::Key_Tab, Qt::ControlModifier);
    CHECK(pages->currentWidget() == window.peopleView());
    press(Qt::Key_PageDown, Qt::ControlModifier);
    CHECK(pages->currentIndex() == 2);
    press(Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(pages->currentIndex() == 1);
    press(Qt::Key_PageUp, Qt::ControlModifier);
    CHECK(pages->currentIndex() == 0);
    // Backwards from the first tab wraps to the last, and on again to the first.
    press(Qt::Key_PageUp, Qt::ControlModifier);
    CHECK(pages->currentIndex() == pages->count() - 1);
    press(Qt::Key_Tab, Qt::ControlModifier);
    CHECK(pages->currentIndex() == 0);
    // Back in the table the keys still do their own work: Ctrl+Tab did not move the row.
    CHECK(table->currentIndex().row() == 0);
}

TEST_CASE("enterOnTheSelectedRow_opensItsPage", "[ui][keyboard]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    Test::addPerson(db, QStringLiteral("Lò Văn Páo"), Test::addUnit(db, QStringLiteral("UBND xã Mường Phăng")));
    t.close();
    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    QApplication::setActiveWindow(&window);
    REQUIRE(QTest::qWaitForWindowActive(&window));

    window.pages()->setCurrentWidget(window.unitsView());
    QAbstractItemView *units = window.unitsView()->view(); // the units tree
    units->setFocus();
    units->setCurrentIndex(units->model()->index(0, 0));
    QTest::keyClick(units, Qt::Key_Return);
    REQUIRE(Test::waitUntil([&] { return window.unitsView()->findChild<Ui::UnitPage *>() != nullptr; }));
    delete window.unitsView()->findChild<Ui::UnitPage *>();

    window.pages()->setCurrentWidget(window.peopleView());
    QTableView *people = window.peopleView()->table();
    people->setFocus();
    people->selectRow(0);
    QTest::keyClick(people, Qt::Key_Enter, Qt::KeypadModifier); // the keypad's Enter too
    REQUIRE(Test::waitUntil([&] { return window.peopleView()->findChild<Ui::PersonPage *>() != nullptr; }));
    delete window.peopleView()->findChild<Ui::PersonPage *>();
}

TEST_CASE("savedNewPerson_isSelectedInTheList", "[ui][keyboard]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Giáo dục và Đào tạo"));
    for (int i = 0; i < 30; ++i)
        Test::addPerson(db, QStringLiteral("Nguyễn Văn An %1").arg(i, 2, 10, QLatin1Char('0')), unit);
    t.close();

    Ui::MainWindow window;
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    Ui::PeopleView *view = window.peopleView();
    window.pages()->setCurrentWidget(view);
    // Small pages, so the new person (given name Yến, sorted last) is not among the rows read.
    view->personModel()->setPageSize(5);
    view->reload();
    REQUIRE(view->personModel()->cachedPages() == 1);

    bool filled = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<Ui::PersonDialog *>(QApplication::activeModalWidget());
        if (!dialog || filled)
            return;
        filled = true;
        // The form opened on its first field: the name is typed straight in.
        CHECK(dialog->focusWidget() == dialog->findChild<QLineEdit *>(QStringLiteral("fullName")));
        Test::typeText(dialog->focusWidget(), QStringLiteral("Trần Thị Yến"));
        auto *category = dialog->findChild<QComboBox *>(QStringLiteral("category"));
        category->setCurrentIndex(category->findData(QStringLiteral("cong_chuc")));
        auto *unitPicker = dialog->findChild<QComboBox *>(QStringLiteral("unit"));
        unitPicker->setCurrentIndex(unitPicker->findText(QStringLiteral("Sở Giáo dục và Đào tạo")));
        dialog->accept();
    });
    poll.start();
    view->newRecord();
    poll.stop();
    REQUIRE(filled);

    const qint64 selected = view->currentId();
    REQUIRE(selected);
    const int row = view->personModel()->rowOfId(selected);
    CHECK(view->personModel()->index(row, Ui::PersonListModel::Name).data().toString() == QStringLiteral("Trần Thị Yến"));
    CHECK(row == 30); // the last row, read for it
    QTableView *table = view->table();
    CHECK(table->viewport()->rect().intersects(table->visualRect(view->personModel()->index(row, 0))));
    CHECK(window.focusWidget() == table); // Enter now opens it, F2 edits it
}

TEST_CASE("savedNewUnit_underACollapsedParent_isSelectedAndShownInTheTree", "[ui][keyboard]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 parent = Test::addUnit(db, QStringLiteral("UBND huyện Bảo Thắng"));
    for (int i = 0; i < 40; ++i)
        Test::addUnit(db, QStringLiteral("Sở %1").arg(i, 2, 10, QLatin1Char('0')));
    for (int i = 0; i < 20; ++i)
        Test::addUnit(db, QStringLiteral("UBND xã %1").arg(i, 2, 10, QLatin1Char('0')), parent, QStringLiteral("commune_ward"));
    t.close();

    Ui::MainWindow window;
    window.resize(1000, 500); // fewer rows than units: the new one must be scrolled to
    window.show();
    REQUIRE(window.openDatabase(t.settings(), Core::Database::Mode::OpenExisting).isEmpty());
    Ui::UnitsView *view = window.unitsView();
    window.pages()->setCurrentWidget(view);

    bool filled = false;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<Ui::UnitDialog *>(QApplication::activeModalWidget());
        if (!dialog || filled)
            return;
        filled = true;
        CHECK(dialog->focusWidget() == dialog->findChild<QLineEdit *>(QStringLiteral("name")));
        Test::typeText(dialog->focusWidget(), QStringLiteral("UBND xã Xuân Quang"));
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kind"));
        if (const int k = kind->findData(QStringLiteral("commune_ward")); k >= 0)
            kind->setCurrentIndex(k);
        auto *parentPicker = dialog->findChild<QComboBox *>(QStringLiteral("parent"));
        parentPicker->setCurrentIndex(parentPicker->findText(QStringLiteral("UBND huyện Bảo Thắng")));
        dialog->accept();
    });
    poll.start();
    view->newRecord();
    poll.stop();
    REQUIRE(filled);

    const qint64 selected = view->currentId();
    REQUIRE(selected);
    QSqlQuery q(window.database()->sql());
    q.exec(QStringLiteral("SELECT name, parent_id FROM units WHERE id = %1").arg(selected));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("UBND xã Xuân Quang"));
    CHECK(q.value(1).toLongLong() == parent);
    QTreeView *tree = view->tree();
    const QModelIndex current = tree->currentIndex();
    REQUIRE(current.isValid());
    CHECK(current.parent().isValid()); // under its parent, which was opened for it
    CHECK(tree->isExpanded(current.parent()));
    CHECK(tree->viewport()->rect().intersects(tree->visualRect(current)));
}
