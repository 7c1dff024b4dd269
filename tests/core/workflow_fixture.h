#pragma once
// Shared fixture for the workflow tests (dossiers, council, decisions): a small office built
// through the repositories, and dossiers driven into any status through
// DossierRepository::transition — the same path the GUI and the CLI take.
//
//   WorkflowFixture f(db);                       // one unit "Sở Nội vụ" (f.unit), no accounts
//   const qint64 p = f.eligiblePerson(2025);     // eligible for LDTT 2025
//   const qint64 d = f.dossierIn(Status::Appraised, {p});  // one dossier, one LDTT nominee
//   f.as(QStringLiteral("clerk"), f.unit);       // later calls run as a clerk of that unit
//
// Without accounts every action is allowed; as() sets a session directly (no password hashing,
// so tests stay fast) and asNobody() returns to "no accounts".

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "core/dossiers/dossierrepository.h"
#include "eligibility_support.h"

#include <QList>
#include <QString>

namespace VinhDanh::Test {

struct WorkflowFixture : Office
{
    explicit WorkflowFixture(Core::Database &database) : Office(database) {}

    Core::Workflow::DossierRepository dossiers() { return Core::Workflow::DossierRepository(db); }

    /// A cong_chuc of `unitId` (default: the fixture's unit) rated HTTNV in year−1 and year: the
    /// registry qualifies them for LDTT in `year` (the engine says needs_review, because the
    /// rule's judgement items wait for the clerk), and not for CSTDCS.
    qint64 eligiblePerson(int year, const QString &name = QStringLiteral("Nguyễn Văn An"), qint64 unitId = 0);
    /// A person with no ratings at all: not eligible for LDTT (or anything).
    qint64 ineligiblePerson(const QString &name = QStringLiteral("Trần Thị Bình"), qint64 unitId = 0);

    /// An office copy of a catalogue movement (catalogue-002 by default: annual, so_ket 2027,
    /// tong_ket 2030, GIAYKHEN and BK_TINH standards per category).
    qint64 movement(const QString &catalogueKey = QStringLiteral("catalogue-002"));

    /// A saved draft dossier of `unitId` (default: the fixture's unit).
    Core::Workflow::Dossier newDossier(int year = 2025, qint64 movementId = 0, const QString &occasion = QStringLiteral("annual"),
                                       qint64 unitId = 0);
    /// Adds a person nominee (not-eligible ones get a proceed reason automatically).
    qint64 addPerson(qint64 dossierId, qint64 personId, const QString &form = QStringLiteral("LDTT"));
    qint64 addUnit(qint64 dossierId, qint64 unitId, const QString &form = QStringLiteral("TTLDTT"));
    /// Attaches a small file for every required document still missing (tờ trình, danh sách,
    /// each nominee's report, biên bản): the dossier may then be submitted without a reason.
    void attachRequired(qint64 dossierId);

    /// A dossier of year 2025 on the regular track with one LDTT nominee per person (a fresh
    /// eligible person when `people` is empty), driven to `status`:
    ///  Submitted, UnderAppraisal; Returned (reason "Thiếu báo cáo thành tích");
    ///  Appraised (every nominee agreed); BeforeCouncil (a sitting with every nominee on it,
    ///  see putOnSitting); Decided (every nominee "not_awarded" by the council's no).
    /// Runs with whatever session is set: use it before as().
    qint64 dossierIn(Core::Workflow::Status status, QList<qint64> people = {});

    /// Creates an open council sitting (raw SQL, independent of CouncilRepository) and puts
    /// every agreed nominee of the dossier on it; returns the session id. `passed` stores a
    /// passing tally on each item (so an outcome "forwarded" is allowed).
    qint64 putOnSitting(qint64 dossierId, bool passed = false);

    /// Runs later calls as an account of this role (a clerk's unit in `unitId`), named after
    /// the role ("clerk", "appraiser" …): sets the connection's session directly, without an
    /// account row or a password (Permissions reads only the session's role and unit).
    void as(const QString &role, qint64 unitId = 0);
    /// Back to no session: with no account rows, every action is allowed again.
    void asNobody();

    /// Rows of a table (for "nothing was written" checks).
    int count(const QString &table);
};

} // namespace VinhDanh::Test
