#include "ui/council/councilview.h"

#include "core/council/councilrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "ui/council/sittinglistmodel.h"
#include "ui/council/sittingpage.h"

#include <QAction>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

CouncilView::CouncilView(QWidget *parent) : RegisterView(parent), m_model(new SittingListModel(this)), m_page(new SittingPage(this))
{
    newAction()->setText(tr("&New sitting"));
    newAction()->setToolTip(tr("Start the record of a council sitting (the members of the latest sitting are copied)"));
    using Page = RegisterPageOf<SittingPage, &SittingPage::sessionId, &SittingPage::openSession>;
    setRegister(m_model, std::make_unique<Page>(m_page), SittingListModel::TitleColumn, Core::Permissions::Action::RunCouncil,
                QStringLiteral("session"));

    connect(newAction(), &QAction::triggered, this, &CouncilView::newSession);
    connect(this, &RegisterView::recordsChanged, this, &CouncilView::sessionsChanged);
    // A sitting's items are dossiers: their moves (here or on another desk) show in the list.
    watchTables({QStringLiteral("council_sessions"), QStringLiteral("council_items"), QStringLiteral("council_members"),
                 QStringLiteral("dossiers")});
}

void CouncilView::openSession(qint64 id)
{
    openRecord(id);
}

void CouncilView::newSession()
{
    Core::Database *db = database();
    if (!db)
        return;
    Sitting s;
    s.heldOn = QDate::currentDate();
    s.year = s.heldOn.year();
    try {
        PayData(*db).quorum(&s.quorumNum, &s.quorumDen);
        // A council sits with much the same members each time: start from the latest list.
        const CouncilRepository repo(*db);
        const QList<Sitting> sessions = repo.sessions();
        if (!sessions.isEmpty()) {
            for (CouncilMember m : repo.session(sessions.first().id).members) {
                m.id = 0;
                m.attended = true;
                s.members << m;
            }
        }
    } catch (const Core::Error &e) {
        setStatusText(e.message());
    }
    m_page->startNew(s);
    showPage();
}

QString CouncilView::countText(int rows) const
{
    return tr("%n sitting(s)", nullptr, rows);
}

QString CouncilView::unsavedQuestion() const
{
    return tr("The sitting has changes that are not saved. Save them?");
}

} // namespace VinhDanh::Ui
