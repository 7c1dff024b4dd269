// The decision page's actions on the whole decision: issuing it (with the reason an open
// awarding authority needs), deleting a draft, and starting an amending decision. The form and
// its list are in decisionpage.cpp.
#include "ui/decisions/decisionpage.h"

#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "ui/council/counciltext.h"
#include "ui/decisions/awardeesmodel.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/errorbox.h"

#include <QMessageBox>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

void DecisionPage::issue()
{
    if (!m_db || isReadOnly() || !saveIfDirty() || m_decision.id <= 0)
        return;
    const auto answer = QMessageBox::question(
        this, tr("Issue decision"),
        tr("Issue decision %1 dated %2 with %n awardee(s)? The awards are written to the registry, and the decision can "
           "no longer be changed (a correction needs an amending decision).",
           nullptr, m_awardees->rowCount())
            .arg(m_decision.number, CouncilText::date(m_decision.date)),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    // A form whose awarding authority the law notes leave open is issued only with the
    // clerk's reason (kept in the ledger). The list only admits forms this office may award
    // or whose authority is open, so every warning here asks for that reason; a form the
    // office may no longer award (its level changed since) is refused by issue() itself.
    QStringList unconfirmed;
    try {
        unconfirmed = DecisionRepository(*m_db).authorityWarnings(m_decision.id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot issue the decision"), e);
        return;
    }
    QString reason;
    if (!unconfirmed.isEmpty()) {
        ReasonDialog dialog(tr("Issue decision"),
                            unconfirmed.join(QLatin1Char('\n')) + QStringLiteral("\n\n")
                                + tr("Write why decision %1 is issued all the same (the reason is kept with the awards "
                                     "in the registry).")
                                      .arg(m_decision.number),
                            this);
        dialog.setObjectName(QStringLiteral("authorityReason"));
        if (dialog.exec() != QDialog::Accepted)
            return;
        reason = dialog.reason();
    }
    try {
        DecisionRepository(*m_db).issue(m_decision.id, reason);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot issue the decision"), e);
        openDecision(m_decision.id); // pricing may have run
        return;
    }
    openDecision(m_decision.id);
    emit changed(m_decision.id);
}

void DecisionPage::removeDraft()
{
    if (!m_db || isReadOnly())
        return;
    if (m_decision.id <= 0) {
        emit backRequested();
        return;
    }
    const auto answer = QMessageBox::question(this, tr("Delete draft"), tr("Delete the draft decision %1?").arg(m_decision.number),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    const qint64 id = m_decision.id;
    try {
        DecisionRepository(*m_db).remove(id);
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot delete the draft"), e);
        return;
    }
    showDecision(Decision{});
    emit changed(id);
    emit backRequested();
}

void DecisionPage::newAmendment()
{
    if (!m_db || !DecisionMachine::target(m_decision.status, DecisionAction::Amend))
        return;
    Decision d;
    try {
        d = DecisionRepository(*m_db).draftDefaults(QDate::currentDate(), m_decision.id); // as the CLI's --amends
    } catch (const Core::Error &e) {
        showError(this, tr("Cannot start an amending decision"), e);
        return;
    }
    startNew(d);
}

} // namespace VinhDanh::Ui
