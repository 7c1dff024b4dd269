// The dossier page's transitions: the buttons that move a dossier along (with the reasons some
// need) and "Trình Hội đồng", which offers the open sittings that accept the dossier or opens one.
// The page itself is in dossierpage.cpp.
#include "ui/dossiers/dossierpage.h"

#include "core/council/councilrepository.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/proposals/statemachine.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/errorbox.h"

#include <QInputDialog>
#include <QMessageBox>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;
using Wf::Status;
using Wf::Transition;

void DossierPage::runTransition(Transition t)
{
    if (t == Transition::PutToCouncil) {
        putBeforeCouncil();
        return;
    }
    QString reason;
    if (t == Transition::Submit || t == Transition::Resubmit) {
        // Core refuses to send a dossier with required documents missing unless the clerk says
        // why (issue 13); ask here, naming them, rather than show the refusal.
        QStringList missing;
        try {
            for (const Wf::RequiredDocument &r : Wf::DossierRepository(m_db).requiredDocuments(m_dossier.id))
                if (!r.present)
                    missing << QStringLiteral("• ") + r.label;
        } catch (const Core::Error &) {
            // transition() below says what is wrong
        }
        if (!missing.isEmpty()) {
            ReasonDialog dialog(Wf::transitionLabel(t),
                                tr("%n required document(s) of the dossier are not attached:", nullptr, int(missing.size()))
                                    + QLatin1Char('\n') + missing.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
                                    + tr("Attach them on the Documents tab, or write why the dossier goes on without them "
                                         "(the reason is kept in the dossier's history)."),
                                this);
            dialog.setObjectName(QStringLiteral("missingDocumentsReason"));
            if (dialog.exec() != QDialog::Accepted)
                return;
            reason = dialog.reason();
        }
    }
    if (Wf::StateMachine::needsReason(t)) {
        ReasonDialog dialog(Wf::transitionLabel(t),
                            tr("Write what the proposing unit must supplement or correct. The reason is kept in the "
                               "dossier's history and shown to the unit."),
                            this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        reason = dialog.reason();
    }
    try {
        Wf::DossierRepository(m_db).transition(m_dossier.id, t, reason);
    } catch (const Core::Error &e) {
        showError(this, Wf::transitionLabel(t), e);
        reload(); // someone else may have moved it: show where it is now
        return;
    }
    contentChanged();
}

void DossierPage::putBeforeCouncil()
{
    const QString title = Wf::transitionLabel(Transition::PutToCouncil);
    QList<Wf::CouncilRepository::Offer> offers;
    try {
        offers = Wf::CouncilRepository(m_db).sittingsFor(m_dossier.id);
    } catch (const Core::Error &e) {
        showError(this, title, e);
        return;
    }
    if (offers.isEmpty()) {
        // Its nominees may already be on sittings (added one by one): then the plain transition
        // is what is left to do.
        try {
            Wf::DossierRepository(m_db).transition(m_dossier.id, Transition::PutToCouncil);
        } catch (const Core::DatabaseError &e) { // broken, or refused: not "no sitting", never a new one
            showError(this, title, e);
            return;
        } catch (const Core::PermissionError &e) {
            showError(this, title, e);
            return;
        } catch (const Core::Error &e) {
            // Another clerk moved the dossier meanwhile: say so; a new sitting would not help.
            bool moved = true;
            try {
                moved = Wf::DossierRepository(m_db).dossier(m_dossier.id).status != m_dossier.status;
            } catch (const Core::Error &) {
                // Unreadable now: `moved` stays true and the transition's own error is shown.
            }
            if (moved) {
                showError(this, title, e);
                reload();
                return;
            }
            // Its nominees still need a sitting, and none is open for its track: offer one.
            if (QMessageBox::question(this, title,
                                      tr("No open council sitting accepts this dossier. Open a new sitting of its track for "
                                         "today, with the members of the last sitting, and put the dossier before it?"),
                                      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes)
                == QMessageBox::Yes)
                openNewSitting();
            else
                reload();
            return;
        }
        contentChanged();
        return;
    }
    QStringList labels;
    for (const Wf::CouncilRepository::Offer &o : std::as_const(offers)) {
        QString label = tr("%1: %2 — held on %3", "register number: title — date")
                            .arg(Wf::Registers::text(o.session), o.session.title, WorkflowText::date(o.session.heldOn));
        if (o.needsConfirmation)
            label += QLatin1Char(' ') + tr("(a movement's sitting: asks for confirmation)");
        labels << label;
    }
    // The last choice: a sitting of the dossier's own track, when none listed suits.
    const QString newSitting = tr("A new sitting for this dossier (today, with the members of the last sitting)");
    labels << newSitting;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, title,
                                                 tr("Open council sitting to put the dossier before (its agreed nominees "
                                                    "are added):"),
                                                 labels, 0, false, &ok);
    const int index = int(labels.indexOf(chosen));
    if (ok && chosen == newSitting) {
        openNewSitting();
        return;
    }
    if (!ok || index < 0)
        return;
    const Wf::CouncilRepository::Offer &offer = offers.at(index);
    if (offer.needsConfirmation
        && QMessageBox::question(this, title,
                                 offer.note + QStringLiteral("\n\n")
                                     + tr("Put this regular-track dossier before the movement's sitting all the same?"),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               != QMessageBox::Yes)
        return;
    try {
        Wf::CouncilRepository(m_db).addDossier(offer.session.id, m_dossier.id, offer.needsConfirmation);
    } catch (const Core::Error &e) {
        showError(this, title, e);
        reload();
        return;
    }
    contentChanged();
}

void DossierPage::openNewSitting()
{
    try {
        Wf::CouncilRepository(m_db).openSittingFor(m_dossier.id, QDate::currentDate());
    } catch (const Core::Error &e) {
        showError(this, Wf::transitionLabel(Transition::PutToCouncil), e);
        reload();
        return;
    }
    contentChanged();
}

} // namespace VinhDanh::Ui
