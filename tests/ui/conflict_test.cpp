// Two clerks save the same record: the second sees what changed and chooses (keep theirs,
// overwrite with mine, or cancel); nothing is overwritten silently. The unit form first, then
// every other form of a versioned record: the yearly rating, an award of the ledger, an
// initiative, a discipline, a dossier's nominee and the movement editor, on both backends.
#include "uitesthelpers.h"
#include "workflowtesthelpers.h"

#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/dossiers/nomineedialog.h"
#include "ui/movements/movementeditordialog.h"
#include "ui/registry/recorddialogs.h"
#include "ui/registry/unitdialog.h"
#include "ui/widgets/conflictdialog.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace VinhDanh;

namespace {
/// Waits for the conflict dialog, records its differences and presses `button`.
struct ConflictAnswer
{
    QStringList rows;
    bool seen = false;
};

/// `button` nullptr closes the dialog without a choice (Esc): cancel.
void answerConflict(ConflictAnswer &answer, const char *button)
{
    QTimer::singleShot(50, [&answer, button] {
        auto *dialog = qobject_cast<Ui::ConflictDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            answerConflict(answer, button);
            return;
        }
        answer.seen = true;
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("differences"));
        for (int r = 0; table && r < table->rowCount(); ++r)
            answer.rows << table->item(r, 0)->text() + QLatin1Char('|') + table->item(r, 1)->text() + QLatin1Char('|')
                               + table->item(r, 2)->text();
        if (button)
            QTest::mouseClick(dialog->findChild<QPushButton *>(QString::fromLatin1(button)), Qt::LeftButton);
        else
            dialog->reject();
    });
}

void saveAsOtherUser(Test::TestDatabase &t, qint64 id, const QString &name)
{
    Core::Database other(t.settings(), Core::Database::Mode::OpenExisting);
    Core::Unit u = *Core::UnitRepository(other).get(id);
    u.name = name;
    Core::UnitRepository(other).save(u);
}

void clickOk(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
}
} // namespace

TEST_CASE("unitForm_savedMeanwhileByAnother_showsDifferences_andKeepTheirsReloads", "[ui][conflict]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 id = Test::addUnit(db, QStringLiteral("Sở Nội vụ"));
    Ui::UnitDialog dialog(db, id);
    dialog.show();
    saveAsOtherUser(t, id, QStringLiteral("Sở Nội vụ tỉnh Hưng Yên"));

    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
    name->setText(QStringLiteral("Sở Nội vụ (của tôi)"));
    ConflictAnswer answer;
    answerConflict(answer, "keepTheirs");
    clickOk(dialog);
    REQUIRE(answer.seen);
    CHECK(answer.rows == QStringList{QStringLiteral("Name|Sở Nội vụ (của tôi)|Sở Nội vụ tỉnh Hưng Yên")});
    CHECK(dialog.isVisible()); // still open, now showing the stored record
    CHECK(name->text() == QStringLiteral("Sở Nội vụ tỉnh Hưng Yên"));
    CHECK(Core::UnitRepository(db).get(id)->name == QStringLiteral("Sở Nội vụ tỉnh Hưng Yên"));
}

TEST_CASE("unitForm_savedMeanwhileByAnother_overwriteWithMine_savesOnTheNewVersion", "[ui][conflict]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const qint64 id = Test::addUnit(db, QStringLiteral("Sở Tư pháp"));
    Ui::UnitDialog dialog(db, id);
    dialog.show();
    saveAsOtherUser(t, id, QStringLiteral("Sở Tư pháp tỉnh"));

    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Sở Tư pháp (sửa)"));
    ConflictAnswer answer;
    answerConflict(answer, "overwriteWithMine");
    clickOk(dialog);
    REQUIRE(answer.seen);
    CHECK(dialog.result() == QDialog::Accepted);
    const Core::Unit stored = *Core::UnitRepository(db).get(id);
    CHECK(stored.name == QStringLiteral("Sở Tư pháp (sửa)"));
    CHECK(stored.version == 3);
}

namespace {

/// One record form raced by two clerks. For each answer a fresh record is made: `open` creates
/// it on `db` and returns its form; `saveTheirs` changes the field on a second connection (the
/// other clerk); `typeMine` changes the same field in the form; `shown` reads the form's field;
/// `stored` reads the field and the version from the database.
struct FormRace
{
    std::function<QDialog *(Core::Database &db, int run)> open;
    std::function<void(Core::Database &other)> saveTheirs;
    std::function<void(QDialog *form)> typeMine;
    std::function<QString(QDialog *form)> shown;
    std::function<std::pair<QString, int>(Core::Database &db)> stored;
    QString label; // the field's row in the conflict dialog
    QString mine;
    QString theirs;
};

void clickSave(QDialog &dialog)
{
    auto *box = dialog.findChild<QDialogButtonBox *>();
    QPushButton *save = box->button(QDialogButtonBox::Ok) ? box->button(QDialogButtonBox::Ok) : box->button(QDialogButtonBox::Save);
    QTest::mouseClick(save, Qt::LeftButton);
}

/// Keep theirs reloads the stored record into the form; overwrite with mine saves on the new
/// version; cancel leaves both the form and the stored record as they are.
void race(Test::TestDatabase &t, const FormRace &r)
{
    const char *answers[] = {"keepTheirs", "overwriteWithMine", nullptr};
    int run = 0;
    for (const char *button : answers) {
        INFO("answer: " << (button ? button : "cancel"));
        Core::Database &db = t.db();
        std::unique_ptr<QDialog> form(r.open(db, ++run));
        form->show();
        {
            Core::Database other(t.settings(), Core::Database::Mode::OpenExisting);
            r.saveTheirs(other);
        }
        r.typeMine(form.get());
        ConflictAnswer answer;
        answerConflict(answer, button);
        clickSave(*form);
        REQUIRE(answer.seen);
        // Only the raced field differs: the others show the same on both sides.
        CHECK(answer.rows == QStringList{r.label + QLatin1Char('|') + r.mine + QLatin1Char('|') + r.theirs});
        const auto [value, version] = r.stored(db);
        if (button == answers[0]) {
            CHECK(form->isVisible());
            CHECK(r.shown(form.get()) == r.theirs);
            CHECK(value == r.theirs);
            CHECK(version == 2);
        } else if (button == answers[1]) {
            CHECK(form->result() == QDialog::Accepted);
            CHECK(value == r.mine);
            CHECK(version == 3);
        } else {
            CHECK(form->isVisible());
            CHECK(r.shown(form.get()) == r.mine);
            CHECK(value == r.theirs);
            CHECK(version == 2);
        }
    }
}

QString lineText(QDialog *form, const char *name)
{
    return form->findChild<QLineEdit *>(QString::fromLatin1(name))->text();
}

void setLine(QDialog *form, const char *name, const QString &text)
{
    form->findChild<QLineEdit *>(QString::fromLatin1(name))->setText(text);
}

Core::Subject personIn(Core::Database &db, int run)
{
    const qint64 unit = Test::addUnit(db, QStringLiteral("Sở Xây dựng %1").arg(run));
    return Core::Subject::person(Test::addPerson(db, QStringLiteral("Đặng Văn Hùng"), unit));
}

template<typename T>
T byId(const QList<T> &list, qint64 id)
{
    for (const T &item : list)
        if (item.id == id)
            return item;
    FAIL("record " << id << " not found");
    return {};
}

} // namespace

TEST_CASE("ratingForm_savedMeanwhileByAnother_clerkKeepsTheirsOverwritesOrCancels", "[ui][conflict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Subject subject;
        const auto rating = [&](Core::Database &db) { return Core::RecordRepository(db).ratings(subject).first(); };
        FormRace r;
        r.open = [&](Core::Database &db, int run) {
            subject = personIn(db, run);
            Core::RecordRepository(db).setRating({0, subject, 2024, QStringLiteral("HTTNV"), QStringLiteral("Đạt")});
            return new Ui::RatingDialog(db, rating(db), true);
        };
        r.saveTheirs = [&](Core::Database &other) {
            Core::Rating theirs = rating(other);
            theirs.note = QStringLiteral("Theo biên bản họp");
            Core::RecordRepository(other).setRating(theirs);
        };
        r.typeMine = [](QDialog *form) { setLine(form, "note", QStringLiteral("Ghi chú của tôi")); };
        r.shown = [](QDialog *form) { return lineText(form, "note"); };
        r.stored = [&](Core::Database &db) { return std::pair{rating(db).note, rating(db).version}; };
        r.label = QStringLiteral("Note");
        r.mine = QStringLiteral("Ghi chú của tôi");
        r.theirs = QStringLiteral("Theo biên bản họp");
        race(t, r);
    });
}

TEST_CASE("rateAYear_ratedMeanwhileByAnother_asksInsteadOfReplacing_thenKeepsTheirsOrOverwrites", "[ui][conflict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        for (const char *button : {"keepTheirs", "overwriteWithMine"}) {
            INFO("answer: " << button);
            Core::Database &db = t.db();
            const Core::Subject subject = personIn(db, button[0] == 'k' ? 1 : 2);
            // The clerk starts rating 2024; another clerk rates 2024 first.
            Ui::RatingDialog form(db, {0, subject, 2024, QStringLiteral("HTTNV"), QString()}, false);
            form.show();
            {
                Core::Database other(t.settings(), Core::Database::Mode::OpenExisting);
                Core::RecordRepository(other).setRating(
                    {0, subject, 2024, QStringLiteral("HTTNV"), QStringLiteral("Theo biên bản họp")});
            }
            setLine(&form, "note", QStringLiteral("Ghi chú của tôi"));
            ConflictAnswer answer;
            answerConflict(answer, button);
            clickSave(form);
            REQUIRE(answer.seen);
            CHECK(answer.rows == QStringList{QStringLiteral("Note|Ghi chú của tôi|Theo biên bản họp")});
            const QList<Core::Rating> stored = Core::RecordRepository(db).ratings(subject);
            REQUIRE(stored.size() == 1);
            if (button[0] == 'k') {
                CHECK(form.isVisible());
                CHECK(lineText(&form, "note") == QStringLiteral("Theo biên bản họp"));
                CHECK(stored.first().note == QStringLiteral("Theo biên bản họp"));
            } else {
                CHECK(form.result() == QDialog::Accepted);
                CHECK(stored.first().note == QStringLiteral("Ghi chú của tôi"));
                CHECK(stored.first().version == 2);
            }
        }
    });
}

TEST_CASE("awardForm_savedMeanwhileByAnother_clerkKeepsTheirsOverwritesOrCancels", "[ui][conflict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Subject subject;
        const auto award = [&](Core::Database &db) { return Core::RecordRepository(db).awards(subject).first().award; };
        FormRace r;
        r.open = [&](Core::Database &db, int run) {
            subject = personIn(db, run);
            Core::Award a;
            a.subject = subject;
            a.formCode = QStringLiteral("CSTDCS");
            a.kind = QStringLiteral("cong_trang");
            a.year = 2024;
            a.decisionNo = QStringLiteral("12/QĐ-UBND");
            a.decisionDate = QDate(2025, 1, 15);
            Core::RecordRepository(db).saveAward(a);
            return new Ui::AwardDialog(db, award(db));
        };
        r.saveTheirs = [&](Core::Database &other) {
            Core::Award theirs = award(other);
            theirs.decisionNo = QStringLiteral("12/QĐ-UBND (đính chính)");
            Core::RecordRepository(other).saveAward(theirs);
        };
        r.typeMine = [](QDialog *form) { setLine(form, "decisionNo", QStringLiteral("21/QĐ-UBND")); };
        r.shown = [](QDialog *form) { return lineText(form, "decisionNo"); };
        r.stored = [&](Core::Database &db) { return std::pair{award(db).decisionNo, award(db).version}; };
        r.label = QStringLiteral("Decision number");
        r.mine = QStringLiteral("21/QĐ-UBND");
        r.theirs = QStringLiteral("12/QĐ-UBND (đính chính)");
        race(t, r);
    });
}

TEST_CASE("initiativeForm_savedMeanwhileByAnother_clerkKeepsTheirsOverwritesOrCancels", "[ui][conflict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Subject holder;
        const auto initiative = [&](Core::Database &db) { return Core::RecordRepository(db).initiatives(holder.personId).first(); };
        FormRace r;
        r.open = [&](Core::Database &db, int run) {
            holder = personIn(db, run);
            Core::Initiative i;
            i.title = QStringLiteral("Số hoá hồ sơ thi đua");
            i.level = QStringLiteral("co_so");
            i.decisionDate = QDate(2024, 11, 2);
            i.holderIds = {holder.personId};
            Core::RecordRepository(db).saveInitiative(i);
            return new Ui::InitiativeDialog(db, initiative(db));
        };
        r.saveTheirs = [&](Core::Database &other) {
            Core::Initiative theirs = initiative(other);
            theirs.title = QStringLiteral("Số hoá hồ sơ thi đua, khen thưởng");
            Core::RecordRepository(other).saveInitiative(theirs);
        };
        r.typeMine = [](QDialog *form) { setLine(form, "title", QStringLiteral("Số hoá hồ sơ (bản của tôi)")); };
        r.shown = [](QDialog *form) { return lineText(form, "title"); };
        r.stored = [&](Core::Database &db) { return std::pair{initiative(db).title, initiative(db).version}; };
        r.label = QStringLiteral("Title");
        r.mine = QStringLiteral("Số hoá hồ sơ (bản của tôi)");
        r.theirs = QStringLiteral("Số hoá hồ sơ thi đua, khen thưởng");
        race(t, r);
    });
}

TEST_CASE("disciplineForm_savedMeanwhileByAnother_clerkKeepsTheirsOverwritesOrCancels", "[ui][conflict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Subject subject;
        const auto discipline = [&](Core::Database &db) { return Core::RecordRepository(db).disciplines(subject).first(); };
        FormRace r;
        r.open = [&](Core::Database &db, int run) {
            subject = personIn(db, run);
            Core::Discipline d;
            d.subject = subject;
            d.kind = QStringLiteral("khien_trach");
            d.startDate = QDate(2024, 3, 1);
            Core::RecordRepository(db).saveDiscipline(d);
            return new Ui::DisciplineDialog(db, discipline(db));
        };
        r.saveTheirs = [&](Core::Database &other) {
            Core::Discipline theirs = discipline(other);
            theirs.decisionNo = QStringLiteral("05/QĐ-KL");
            Core::RecordRepository(other).saveDiscipline(theirs);
        };
        r.typeMine = [](QDialog *form) { setLine(form, "decisionNo", QStringLiteral("07/QĐ-KL")); };
        r.shown = [](QDialog *form) { return lineText(form, "decisionNo"); };
        r.stored = [&](Core::Database &db) { return std::pair{discipline(db).decisionNo, discipline(db).version}; };
        r.label = QStringLiteral("Decision number");
        r.mine = QStringLiteral("07/QĐ-KL");
        r.theirs = QStringLiteral("05/QĐ-KL");
        race(t, r);
    });
}

TEST_CASE("nomineeForm_savedMeanwhileByAnother_clerkKeepsTheirsOverwritesOrCancels", "[ui][conflict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        qint64 nomineeId = 0;
        const auto nominee = [&](Core::Database &db) { return Core::Workflow::DossierRepository(db).nominee(nomineeId); };
        FormRace r;
        r.open = [&](Core::Database &db, int run) {
            const Test::DraftDossier seed = Test::addDraftWithNominee(db, QStringLiteral("Sở Công Thương %1").arg(run),
                                                                      QStringLiteral("Lý Thị Mai"));
            nomineeId = Core::Workflow::DossierRepository(db).nominees(seed.dossier).first().id;
            return new Ui::NomineeDialog(db, Core::Workflow::DossierRepository(db).dossier(seed.dossier), nomineeId);
        };
        r.saveTheirs = [&](Core::Database &other) {
            Core::Workflow::Nominee theirs = nominee(other);
            theirs.summary = QStringLiteral("Hoàn thành xuất sắc; sáng kiến cấp cơ sở.");
            Core::Workflow::DossierRepository(other).saveNominee(theirs);
        };
        r.typeMine = [](QDialog *form) {
            form->findChild<QPlainTextEdit *>(QStringLiteral("summary"))->setPlainText(QStringLiteral("Tóm tắt của tôi."));
        };
        r.shown = [](QDialog *form) { return form->findChild<QPlainTextEdit *>(QStringLiteral("summary"))->toPlainText(); };
        r.stored = [&](Core::Database &db) { return std::pair{nominee(db).summary, nominee(db).version}; };
        r.label = QStringLiteral("Achievement summary");
        r.mine = QStringLiteral("Tóm tắt của tôi.");
        r.theirs = QStringLiteral("Hoàn thành xuất sắc; sáng kiến cấp cơ sở.");
        race(t, r);
    });
}

TEST_CASE("movementEditor_savedMeanwhileByAnother_clerkKeepsTheirsOverwritesOrCancels", "[ui][conflict]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        qint64 id = 0;
        const auto movement = [&](Core::Database &db) { return *Core::MovementRepository(db).get(id); };
        FormRace r;
        r.open = [&](Core::Database &db, int) {
            const qint64 catalogue = Core::MovementRepository(db).idForKey(QStringLiteral("catalogue-002"));
            id = Core::MovementRepository(db).copy(catalogue);
            return new Ui::MovementEditorDialog(db, movement(db));
        };
        r.saveTheirs = [&](Core::Database &other) {
            Core::Movement theirs = movement(other);
            theirs.name = QStringLiteral("Chuyển đổi số (bản đã duyệt)");
            Core::MovementRepository(other).save(theirs);
        };
        r.typeMine = [](QDialog *form) { setLine(form, "name", QStringLiteral("Chuyển đổi số (bản của tôi)")); };
        r.shown = [](QDialog *form) { return lineText(form, "name"); };
        r.stored = [&](Core::Database &db) { return std::pair{movement(db).name, movement(db).version}; };
        r.label = QStringLiteral("Name");
        r.mine = QStringLiteral("Chuyển đổi số (bản của tôi)");
        r.theirs = QStringLiteral("Chuyển đổi số (bản đã duyệt)");
        race(t, r);
    });
}
