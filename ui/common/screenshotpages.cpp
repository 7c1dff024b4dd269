#include "ui/common/screenshotpages.h"

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "ui/accounts/auditview.h"
#include "ui/council/councilview.h"
#include "ui/council/registerlistmodel.h"
#include "ui/decisions/decisionsview.h"
#include "ui/dossiers/appraisalpanel.h"
#include "ui/dossiers/dossierlistmodel.h"
#include "ui/dossiers/dossierpage.h"
#include "ui/dossiers/dossiersview.h"
#include "ui/eligibility/candidatesview.h"
#include "ui/eligibility/rulesetsview.h"
#include "ui/mainwindow.h"
#include "ui/movements/movementsview.h"
#include "ui/registry/peopleview.h"
#include "ui/registry/personpage.h"
#include "ui/registry/unitpage.h"
#include "ui/registry/unitsview.h"
#include "ui/widgets/pagedmodel.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include <functional>

namespace VinhDanh::Ui::ScreenshotPages {

namespace {

// The record pages open the first row of their list: say so when the list is empty, rather
// than picturing an empty window.
QString emptyListMessage(const QString &name)
{
    return QCoreApplication::translate("main", "The page %1 shows the first record of its list, and that list is empty.").arg(name);
}

QWidget *openFirstRow(ListPage *page, const QString &name, QString *error)
{
    page->applyFilter();
    if (page->table()->model()->rowCount() == 0) {
        *error = emptyListMessage(name);
        return nullptr;
    }
    page->table()->selectRow(0);
    page->openSelected();
    // The record's page is a window-modal dialog parented to the list page (ListPage::openRecord).
    QWidget *opened = name == QLatin1String("person") ? static_cast<QWidget *>(page->findChild<PersonPage *>())
                                                      : static_cast<QWidget *>(page->findChild<UnitPage *>());
    if (!opened)
        *error = emptyListMessage(name);
    return opened;
}

// The dossier most worth a picture: for "dossier" the appraised one (its nominees with the
// engine's verdict, "Put to the council" next), for "appraisal" the one under appraisal with
// its Appraisal tab shown; any dossier when there is none.
QWidget *openDossier(DossiersView *view, bool appraisal, QString *error)
{
    view->showStatus(appraisal ? Core::Workflow::Status::UnderAppraisal : Core::Workflow::Status::Appraised);
    view->applyFilter();
    if (view->model()->rowCount() == 0) {
        view->showStatus(Core::Workflow::Status::Draft, true);
        view->applyFilter();
    }
    if (view->model()->rowCount() == 0) {
        *error = emptyListMessage(QStringLiteral("dossier"));
        return nullptr;
    }
    const qint64 id = view->model()->idAt(0);
    view->openDossier(id);
    DossierPage *page = view->pageOf(id);
    if (page && appraisal) {
        // DossierPage keeps its tabs to itself: find the one holding the appraisal panel.
        for (QTabWidget *tabs : page->findChildren<QTabWidget *>()) {
            if (auto *panel = page->findChild<AppraisalPanel *>(); panel && tabs->indexOf(panel) >= 0)
                tabs->setCurrentWidget(panel);
        }
    }
    return page;
}

bool openFirstRegisterRow(QTableView *list, const std::function<void(qint64)> &open)
{
    auto *model = qobject_cast<RegisterListModel *>(list->model());
    if (!model || model->rowCount() == 0)
        return false;
    open(model->idAt(0));
    return true;
}

} // namespace

QStringList names()
{
    return {QStringLiteral("start"),     QStringLiteral("units"),     QStringLiteral("unit"),       QStringLiteral("people"),
            QStringLiteral("person"),    QStringLiteral("movements"), QStringLiteral("candidates"), QStringLiteral("dossiers"),
            QStringLiteral("dossier"),   QStringLiteral("appraisal"), QStringLiteral("council"),    QStringLiteral("sitting"),
            QStringLiteral("decisions"), QStringLiteral("decision"),  QStringLiteral("rules"),      QStringLiteral("audit")};
}

QString unknownPageMessage(const QString &name)
{
    return QCoreApplication::translate("main", "There is no page called %1. The pages are: %2.")
        .arg(name, names().join(QStringLiteral(", ")));
}

QWidget *show(MainWindow &window, const QString &name, QString *error)
{
    error->clear();
    if (!names().contains(name)) {
        *error = unknownPageMessage(name);
        return nullptr;
    }
    if (!window.database()) {
        *error = QCoreApplication::translate("main", "No database is open.");
        return nullptr;
    }
    if (name == QLatin1String("start")) {
        if (!window.isStartPageShown())
            *error = QCoreApplication::translate("main", "The start page shows only while the database has no units and no people.");
        return error->isEmpty() ? &window : nullptr;
    }
    // Every other page is one of the tabs, which the start page hides while the registry is empty.
    if (window.isStartPageShown()) {
        *error = QCoreApplication::translate("main", "The database is empty, so only the start page can be shown.");
        return nullptr;
    }
    QTabWidget *tabs = window.pages();
    if (name == QLatin1String("units") || name == QLatin1String("unit")) {
        tabs->setCurrentWidget(window.unitsView());
        return name == QLatin1String("unit") ? openFirstRow(window.unitsView(), name, error) : &window;
    }
    if (name == QLatin1String("people") || name == QLatin1String("person")) {
        tabs->setCurrentWidget(window.peopleView());
        return name == QLatin1String("person") ? openFirstRow(window.peopleView(), name, error) : &window;
    }
    if (name == QLatin1String("movements")) {
        // MainWindow has no accessor for this page: find its tab.
        for (int i = 0; i < tabs->count(); ++i) {
            if (qobject_cast<MovementsView *>(tabs->widget(i)))
                tabs->setCurrentIndex(i);
        }
        return &window;
    }
    if (name == QLatin1String("candidates")) {
        CandidatesView *view = window.candidatesView();
        tabs->setCurrentWidget(view);
        // The year of the newest dossier (the demo's season), not "last year" by today's date,
        // so the picture does not change with the calendar.
        const DossierListModel *dossiers = window.dossiersView()->model();
        if (dossiers->rowCount() > 0 && dossiers->dossierAt(0))
            view->yearBox()->setValue(dossiers->dossierAt(0)->year);
        // The sweep runs in the background: wait for its end (bounded, so a stuck sweep still
        // gives a picture and an exit) before the list is pictured.
        QEventLoop loop;
        QObject::connect(view, &CandidatesView::sweepEnded, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        view->run();
        if (view->isRunning())
            loop.exec();
        return &window;
    }
    if (name == QLatin1String("dossiers")) {
        tabs->setCurrentWidget(window.dossiersView());
        return &window;
    }
    if (name == QLatin1String("dossier") || name == QLatin1String("appraisal")) {
        tabs->setCurrentWidget(window.dossiersView());
        return openDossier(window.dossiersView(), name == QLatin1String("appraisal"), error);
    }
    if (name == QLatin1String("council") || name == QLatin1String("sitting")) {
        CouncilView *view = window.councilView();
        tabs->setCurrentWidget(view);
        if (name == QLatin1String("sitting") && !openFirstRegisterRow(view->list(), [view](qint64 id) { view->openSession(id); })) {
            *error = emptyListMessage(name);
            return nullptr;
        }
        return &window;
    }
    if (name == QLatin1String("decisions") || name == QLatin1String("decision")) {
        DecisionsView *view = window.decisionsView();
        tabs->setCurrentWidget(view);
        if (name == QLatin1String("decision") && !openFirstRegisterRow(view->list(), [view](qint64 id) { view->openDecision(id); })) {
            *error = emptyListMessage(name);
            return nullptr;
        }
        return &window;
    }
    if (name == QLatin1String("rules")) {
        tabs->setCurrentWidget(window.ruleSetsView());
        return &window;
    }
    // "audit": Accounts ▸ Audit log runs the dialog modally; here it is shown without blocking
    // and deleted with the window.
    auto *audit = new AuditView(*window.database(), &window);
    audit->setAttribute(Qt::WA_DeleteOnClose);
    audit->show();
    return audit;
}

} // namespace VinhDanh::Ui::ScreenshotPages
