#pragma once
// Internals shared by the files of DossierRepository (dossierrepository.cpp, dossiernominees.cpp,
// dossierattachments.cpp, dossierappraisal.cpp). Not a public header. Their translation context
// (Tr) is the workflow's, in workflowsql_p.h.

#include "core/dossiers/dossier.h"
#include "core/eligibility/eligibility.h"
#include "core/proposals/workflowsql_p.h"

#include <QString>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Workflow::DossierDetail {

/// The stored facts of a dossier that the checks read.
struct Head
{
    qint64 id = 0;
    qint64 unitId = 0;
    qint64 movementId = 0;
    QString occasion;
    int year = 0;
    QString title;
    Status status = Status::Draft;
};

/// Error when the dossier does not exist.
Head head(const Database &db, qint64 dossierId);
/// The head of the dossier a nominee belongs to (Error when the nominee does not exist).
Head headOfNominee(const Database &db, qint64 nomineeId);
/// Refuses content changes (friendly message) unless the dossier is a draft or returned; the
/// database guards would refuse too, with a technical message.
void requireEditable(const Head &head);
/// Permissions::require(EditDossiers) for the dossier's proposing unit.
void requireEdit(const Database &db, const Head &head);

/// The engine's question for a nominee of the dossier: its award code, the dossier's year,
/// movement and occasion, and the checklist lines the clerk confirmed (evidence as the note).
Eligibility::Request requestFor(const Head &head, const Nominee &nominee);
Head headOf(const Dossier &dossier);

} // namespace VinhDanh::Core::Workflow::DossierDetail
