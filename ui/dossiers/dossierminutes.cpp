// The dossier page's "Confirm from minutes…": which nominees still await a confirmation the
// unit's bình xét minutes can give, and the dialog that records them. The page itself is in
// dossierpage.cpp.
#include "ui/dossiers/dossierpage.h"

#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "ui/dossiers/nomineemodel.h"
#include "ui/eligibility/minutesdialog.h"
#include "ui/widgets/errorbox.h"

#include <algorithm>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;
bool DossierPage::nomineeAwaits(const Wf::Nominee &n) const
{
    const auto cached = m_awaiting.constFind(n.id);
    if (cached != m_awaiting.constEnd())
        return *cached;
    bool awaits = false;
    try {
        // Today's answer, with the saved and checklist confirmations; the verdict stored at
        // entry is history and may be stale.
        Core::Eligibility::Request r;
        r.personId = n.personId;
        r.unitId = n.unitId;
        r.awardCode = n.formCode;
        r.year = m_dossier.year;
        r.movementId = m_dossier.movementId;
        r.occasion = m_dossier.occasion;
        // No rule (no rule set in force, a form without one): nothing the minutes could confirm.
        const std::optional<Core::Eligibility::Result> result = Core::Eligibility::Service(m_db).evaluateIfRuled(r);
        awaits = result
                 && (result->outcome == Core::Eligibility::Outcome::AwaitingConfirmation
                     || (result->outcome == Core::Eligibility::Outcome::MissingData && !result->checklist.isEmpty()));
    } catch (const Core::Error &e) {
        // This only decides whether a button is offered, so no box; but a failure is logged,
        // not taken for "no rule".
        qCWarning(vinhdanhUi).noquote() << "nominee" << n.id << "not checked:" << e.fullText();
        awaits = false;
    }
    m_awaiting.insert(n.id, awaits);
    return awaits;
}

QList<Core::Subject> DossierPage::minutesSubjects(int *skipped) const
{
    QList<Core::Subject> out;
    QList<Core::Subject> idle;
    const auto same = [](const Core::Subject &a, const Core::Subject &b) { return a.personId == b.personId && a.unitId == b.unitId; };
    const auto in = [&](const QList<Core::Subject> &list, const Core::Subject &s) {
        return std::any_of(list.begin(), list.end(), [&](const Core::Subject &o) { return same(o, s); });
    };
    if (m_missing)
        return out;
    const Wf::Nominee *chosen = m_nominees->nomineeAt(m_nominees->rowOfId(selectedNomineeId()));
    for (int row = 0; row < m_nominees->rowCount(); ++row) {
        const Wf::Nominee *n = m_nominees->nomineeAt(row);
        if (!n || (chosen && n != chosen))
            continue;
        const Core::Subject s{n->personId, n->unitId};
        if (in(out, s))
            continue;
        if (nomineeAwaits(*n)) {
            out << s;
            idle.erase(std::remove_if(idle.begin(), idle.end(), [&](const Core::Subject &o) { return same(o, s); }), idle.end());
            if (!skipped)
                break; // enough to enable the button
        } else if (!in(idle, s)) {
            idle << s;
        }
    }
    if (skipped)
        *skipped = int(idle.size());
    return out;
}

void DossierPage::confirmFromMinutes()
{
    int skipped = 0;
    const QList<Core::Subject> subjects = minutesSubjects(&skipped);
    if (subjects.isEmpty())
        return;
    MinutesDialog dialog(m_db, subjects, m_dossier.year, this);
    dialog.setSkipped(skipped);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        emit changed();
    }
}

} // namespace VinhDanh::Ui
