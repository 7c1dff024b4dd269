// What a leader reads in the audit view and the council's tally heading is words, not the
// table names, column names and codes the database stores (issue 16 item 1).
#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "tests/support/testdatabase.h"
#include "ui/accounts/auditmodel.h"
#include "ui/accounts/auditview.h"
#include "ui/council/tallyeditor.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QLabel>
#include <QRegularExpression>
#include <QTableView>
#include <QTableWidget>

using namespace VinhDanh;

namespace {
// snake_case names and codes (council_items, letter_no, cong_chuc), upper-case codes with an
// underscore (BK_TINH), ISO dates and an "os:" login.
QStringList codesIn(const QStringList &texts)
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b[a-z]+_[a-z_]+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b\d{4}-\d{2}-\d{2}|\bos:)"));
    QStringList found;
    for (const QString &text : texts)
        for (auto it = re.globalMatch(text); it.hasNext();)
            found << it.next().captured(0) + QStringLiteral("  ⟵  ") + text.left(160);
    return found;
}
} // namespace

TEST_CASE("auditViewCells_andDetail_containNoCodes", "[ui][accounts][audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Core::Database &db = t.db();
        // No account: the changes are recorded under the computer's login.
        Core::Unit u;
        u.name = QStringLiteral("Sở Nội vụ");
        u.kind = QStringLiteral("provincial_agency");
        Core::UnitRepository(db).save(u);
        Core::Person p;
        p.fullName = QStringLiteral("Trần Thị Bình");
        p.gender = QStringLiteral("female");
        p.birthDate = QDate(1985, 3, 14);
        p.unitId = u.id;
        p.category = QStringLiteral("cong_chuc");
        Core::PersonRepository(db).save(p);
        p.category = QStringLiteral("nguoi_lao_dong");
        p.position = QStringLiteral("Chuyên viên");
        Core::PersonRepository(db).save(p);
        Core::RecordRepository records(db);
        records.setRating({0, Core::Subject::person(p.id), 2025, QStringLiteral("HTXSNV"), {}});
        Core::Award a;
        a.subject = Core::Subject::unit(u.id);
        a.formCode = QStringLiteral("BK_TINH");
        a.kind = QStringLiteral("cong_trang");
        a.year = 2025;
        a.decisionDate = QDate(2026, 1, 20);
        records.saveAward(a);

        Ui::AuditView view(db);
        view.show();
        Ui::AuditModel *model = view.model();
        REQUIRE(model->rowCount() >= 5);
        auto *entries = view.findChild<QTableView *>(QStringLiteral("entries"));
        auto *detail = view.findChild<QTableWidget *>(QStringLiteral("detail"));
        QStringList texts;
        for (int c = 0; c < model->columnCount(); ++c)
            texts << model->headerData(c, Qt::Horizontal).toString();
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QString cell = model->index(r, c).data().toString();
                CHECK_FALSE(cell.isEmpty()); // "who" included: never an empty cell
                texts << cell;
            }
            CHECK(model->index(r, Ui::AuditModel::Table).data().toString() != model->entry(r).table);
            entries->setCurrentIndex(model->index(r, 0));
            REQUIRE(detail->rowCount() > 0);
            for (int dr = 0; dr < detail->rowCount(); ++dr)
                for (int dc = 0; dc < detail->columnCount(); ++dc)
                    if (QTableWidgetItem *item = detail->item(dr, dc))
                        texts << item->text();
        }
        for (const char *name : {"actor", "table", "action"}) {
            auto *box = view.findChild<QComboBox *>(QLatin1String(name));
            for (int i = 0; i < box->count(); ++i)
                texts << box->itemText(i);
        }
        const QStringList codes = codesIn(texts);
        INFO(codes.join(QLatin1Char('\n')).toStdString());
        CHECK(codes.isEmpty());
        // The values as the forms show them, the ids as names.
        const QString all = texts.join(QLatin1Char('\n'));
        CHECK(all.contains(QStringLiteral("Civil servant")));
        CHECK(all.contains(Core::RecordRepository(db).awardFormName(QStringLiteral("BK_TINH"))));
        CHECK(all.contains(QStringLiteral("20/01/2026")));
        CHECK(all.contains(QStringLiteral("(computer account)")));
    });
}

TEST_CASE("tallyHeading_namesTheForm", "[ui][council]")
{
    Test::TestDatabase t;
    Core::Database &db = t.open();
    const QString formName = Core::RecordRepository(db).awardFormName(QStringLiteral("BK_TINH"));
    REQUIRE(formName != QStringLiteral("BK_TINH")); // the seeded catalogue names it

    Ui::TallyEditor editor;
    editor.setDatabase(&db);
    Core::Workflow::CouncilItem item;
    item.id = 1;
    item.nomineeName = QStringLiteral("Sở Nội vụ");
    item.formCode = QStringLiteral("BK_TINH");
    Core::Workflow::Threshold threshold;
    threshold.formCode = item.formCode;
    editor.showItem(Core::Workflow::Sitting{}, item, threshold, false);
    const QString heading = editor.findChild<QLabel *>(QStringLiteral("tallyNominee"))->text();
    INFO(heading.toStdString());
    CHECK(heading.contains(formName.toHtmlEscaped()));
    CHECK_FALSE(heading.contains(QStringLiteral("BK_TINH")));
    CHECK(codesIn({heading, editor.title(), editor.previewText()}).isEmpty());
}
