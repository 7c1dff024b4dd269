// Numbers a person can say, on screen (issue 16): the dossier page and the dossier list name a
// dossier by its register number ("HS 1/2025"; "Dossier 1/2025" in English), no text on the
// page shows its internal key, and its documents are offered under a file name made of the
// number.
#include "workflowtesthelpers.h"

#include "core/dossiers/dossierrepository.h"
#include "core/proposals/registernumbers.h"
#include "tests/support/testdatabase.h"
#include "ui/dossiers/dossierlistmodel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/widgets/documentdialog.h"
#include "ui/widgets/printbutton.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpression>

using namespace VinhDanh;
namespace Wf = Core::Workflow;

namespace {
/// Every text the page shows: labels, buttons, line edits, the window title and every cell
/// and header of its lists and tables.
QStringList shownTexts(QWidget *page)
{
    QStringList out{page->windowTitle()};
    for (QLabel *l : page->findChildren<QLabel *>())
        out << l->text() << l->toolTip();
    for (QAbstractButton *b : page->findChildren<QAbstractButton *>())
        out << b->text() << b->toolTip();
    for (QLineEdit *e : page->findChildren<QLineEdit *>())
        out << e->text() << e->placeholderText();
    for (QAbstractItemView *v : page->findChildren<QAbstractItemView *>()) {
        const QAbstractItemModel *m = v->model();
        if (!m)
            continue;
        for (int c = 0; c < m->columnCount(); ++c)
            out << m->headerData(c, Qt::Horizontal).toString();
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                out << m->index(r, c).data().toString() << m->index(r, c).data(Qt::ToolTipRole).toString();
    }
    return out;
}
} // namespace

TEST_CASE("dossierPage_namesTheDossierByItsRegisterNumber_andShowsNoInternalKey", "[ui][workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier d = Test::addDraftWithNominee(db, QStringLiteral("Sở Tư pháp"), QStringLiteral("Đỗ Thị Hoa"));
        const Wf::Dossier stored = Wf::DossierRepository(db).dossier(d.dossier);
        const QString number = Wf::Registers::text(stored);
        REQUIRE(number == QStringLiteral("Dossier %1/%2").arg(stored.registerSeq).arg(stored.registerYear));
        REQUIRE(stored.key.startsWith(QStringLiteral("dossier-")));

        auto *page = new Ui::DossierPage(db, d.dossier);
        page->show();
        auto *title = page->findChild<QLabel *>(QStringLiteral("title"));
        REQUIRE(title);
        CHECK(title->text().startsWith(number + QStringLiteral(" — ")));
        static const QRegularExpression uuid(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}"));
        int checked = 0;
        for (const QString &text : shownTexts(page)) {
            INFO(text.toStdString());
            CHECK_FALSE(text.contains(stored.key));
            CHECK_FALSE(text.contains(uuid));
            ++checked;
        }
        CHECK(checked > 20); // the walk saw the page, not an empty widget

        // The tờ trình is offered as "HS-1-2025-to-trinh.pdf": ASCII, the number, the kind.
        QAction *letter = page->printButton()->documentAction(QStringLiteral("to-trinh"));
        REQUIRE(letter);
        letter->trigger();
        QPointer<Ui::DocumentDialog> dialog;
        REQUIRE(Test::waitUntil([&] {
            dialog = page->window()->findChild<Ui::DocumentDialog *>();
            return dialog && dialog->isVisible();
        }));
        CHECK(dialog->document().fileStem == QStringLiteral("HS-%1-%2-to-trinh").arg(stored.registerSeq).arg(stored.registerYear));
        dialog->close();
        page->close();
    });
}

TEST_CASE("dossierList_showsTheRegisterNumber_andFindsTheDossierByIt", "[ui][workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        const Test::DraftDossier first = Test::addDraftWithNominee(db, QStringLiteral("Sở Tư pháp"), QStringLiteral("Đỗ Thị Hoa"));
        const Wf::Dossier stored = Wf::DossierRepository(db).dossier(first.dossier);
        Ui::DossierListModel model;
        model.setDatabase(&db);
        REQUIRE(model.rowCount() == 1);
        CHECK(model.headerData(Ui::DossierListModel::Key, Qt::Horizontal).toString() == QStringLiteral("Number"));
        CHECK(model.index(0, Ui::DossierListModel::Key).data().toString() == Wf::Registers::text(stored));
        // Typing the number as a clerk says it, without the prefix, keeps the dossier in the list.
        model.setText(QStringLiteral("%1/%2").arg(stored.registerSeq).arg(stored.registerYear));
        CHECK(model.rowCount() == 1);
        model.setText(QStringLiteral("%1/%2").arg(stored.registerSeq + 5).arg(stored.registerYear));
        CHECK(model.rowCount() == 0);
    });
}
