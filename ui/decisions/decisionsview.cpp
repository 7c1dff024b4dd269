#include "ui/decisions/decisionsview.h"

#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "ui/decisions/decisionlistmodel.h"
#include "ui/decisions/decisionpage.h"

#include <QAction>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

DecisionsView::DecisionsView(QWidget *parent)
    : RegisterView(parent), m_model(new DecisionListModel(this)), m_page(new DecisionPage(this))
{
    newAction()->setText(tr("&New decision"));
    newAction()->setToolTip(tr("Draft a decision with the next number of the register"));
    using Page = RegisterPageOf<DecisionPage, &DecisionPage::decisionId, &DecisionPage::openDecision>;
    setRegister(m_model, std::make_unique<Page>(m_page), DecisionListModel::SummaryColumn, Core::Permissions::Action::DraftDecisions,
                QStringLiteral("decision"));

    connect(newAction(), &QAction::triggered, this, &DecisionsView::newDecision);
    connect(this, &RegisterView::recordsChanged, this, &DecisionsView::decisionsChanged);
    watchTables({QStringLiteral("decisions"), QStringLiteral("decision_awardees")});
}

void DecisionsView::openDecision(qint64 id)
{
    openRecord(id);
}

void DecisionsView::newDecision()
{
    Core::Database *db = database();
    if (!db)
        return;
    Decision d; // when the defaults cannot be read: an empty draft of today
    d.date = QDate::currentDate();
    d.year = d.date.year();
    try {
        d = DecisionRepository(*db).draftDefaults(d.date); // the same defaults as the CLI's
    } catch (const Core::Error &e) {
        setStatusText(e.message());
    }
    m_page->startNew(d);
    showPage();
}

QString DecisionsView::countText(int rows) const
{
    return tr("%n decision(s)", nullptr, rows);
}

QString DecisionsView::unsavedQuestion() const
{
    return tr("The decision has changes that are not saved. Save them?");
}

} // namespace VinhDanh::Ui
