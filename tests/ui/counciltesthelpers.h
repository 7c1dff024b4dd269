#pragma once
// Helpers shared by the council and decision widget tests (header-only), on top of the core
// tests' WorkflowFixture: appraised dossiers, sittings with a roll, and a closed sitting whose
// tallies passed, all made through the repositories.

#include "tests/core/workflow_fixture.h"
#include "tests/ui/accountstesthelpers.h"
#include "tests/ui/uitesthelpers.h"
#include "tests/ui/workflowtesthelpers.h"

#include "core/proposals/paydata.h"
#include "ui/council/councilfilldialog.h"

#include "core/council/councilrepository.h"
#include "ui/widgets/editabletable.h"

#include <QInputDialog>

#include <QPushButton>
#include <QTest>
#include <memory>

namespace VinhDanh::Test {

struct CouncilOffice : WorkflowFixture
{
    explicit CouncilOffice(Core::Database &database) : WorkflowFixture(database) {}

    Core::Workflow::CouncilRepository council() { return Core::Workflow::CouncilRepository(db); }

    /// The office issues at the grassroots level (the head of the agency, the commune
    /// Chairman), so its decisions may award LDTT, which the fixture's people qualify for; a
    /// provincial office may not (issue 13).
    void grassrootsOffice() { Core::Workflow::PayData(db).setSetting(QStringLiteral("office.level"), QStringLiteral("co_so")); }

    /// An appraised 2025 dossier with one LDTT nominee per name (eligible people).
    qint64 appraised(const QStringList &names)
    {
        QList<qint64> people;
        for (const QString &name : names)
            people << eligiblePerson(2025, name);
        return dossierIn(Core::Workflow::Status::Appraised, people);
    }

    /// An open sitting of `members` members of whom the first `attending` attended.
    qint64 sitting(int members, int attending, const QString &title = QStringLiteral("Phiên họp Hội đồng Thi đua – Khen thưởng"))
    {
        Core::Workflow::Sitting s;
        s.title = title;
        s.heldOn = QDate(2026, 1, 10);
        s.year = 2025;
        for (int i = 0; i < members; ++i) {
            Core::Workflow::CouncilMember m;
            m.fullName = QStringLiteral("Thành viên %1").arg(i + 1);
            m.title = i == 0 ? QStringLiteral("Chủ tịch Hội đồng") : QStringLiteral("Ủy viên");
            m.attended = i < attending;
            s.members << m;
        }
        return council().save(s);
    }

    /// A closed sitting (9 members, all present) that passed every nominee of `dossierId`
    /// with 9 votes; returns the sitting.
    qint64 passedSitting(qint64 dossierId)
    {
        const qint64 s = sitting(9, 9);
        auto repo = council();
        repo.addDossier(s, dossierId);
        for (const Core::Workflow::CouncilItem &item : repo.items(s))
            repo.recordTally(item.id, 9, 0, 0);
        repo.close(s);
        return s;
    }
};

/// Answers the next "Fill from the council's result" dialog with OK on the dossiers it
/// ticked to start with (those of the newest dossier's basis).
inline std::shared_ptr<bool> acceptFill()
{
    return onNextDialog<Ui::CouncilFillDialog>([](Ui::CouncilFillDialog *dialog) { dialog->okButton()->click(); });
}

/// Answers the next QInputDialog::getItem with the entry that contains `text`.
inline std::shared_ptr<bool> chooseItem(const QString &text)
{
    auto ran = std::make_shared<bool>(false);
    onModal<QInputDialog>([text, ran](QInputDialog *dialog) {
        *ran = true;
        for (const QString &item : dialog->comboBoxItems()) {
            if (item.contains(text)) {
                dialog->setTextValue(item);
                dialog->accept();
                return;
            }
        }
        dialog->reject();
    });
    return ran;
}

/// Adds a member row the way a clerk does: Add, then the name and title typed in.
inline void addMember(Ui::EditableTable *table, const QString &name, const QString &title, bool attended)
{
    QTest::mouseClick(table->addButton(), Qt::LeftButton);
    const int row = table->rowCount() - 1;
    table->setText(row, 0, name);
    table->setText(row, 1, title);
    table->setChecked(row, 2, attended);
}

} // namespace VinhDanh::Test
