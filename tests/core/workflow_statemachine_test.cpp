// The dossier state machine, enforced: every (status, transition) pair is tried on a real
// dossier through DossierRepository::transition.
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include "core/proposals/statemachine.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>

using namespace VinhDanh;
using namespace VinhDanh::Core::Workflow;

namespace {
/// The table of docs/workflow.md, written out here rather than read from StateMachine::target:
/// a test that took its expectations from the code under test would pass whatever the code said.
struct Legal
{
    Status from;
    Transition transition;
    Status to;
};
const Legal kLegal[] = {
    {Status::Draft, Transition::Submit, Status::Submitted},
    {Status::Submitted, Transition::Recall, Status::Draft},
    {Status::Submitted, Transition::StartAppraisal, Status::UnderAppraisal},
    {Status::UnderAppraisal, Transition::Return, Status::Returned},
    {Status::Returned, Transition::Resubmit, Status::Submitted},
    {Status::UnderAppraisal, Transition::FinishAppraisal, Status::Appraised},
    {Status::Appraised, Transition::PutToCouncil, Status::BeforeCouncil},
    {Status::BeforeCouncil, Transition::Decide, Status::Decided},
};

bool isLegal(Status from, Transition t)
{
    return std::any_of(std::begin(kLegal), std::end(kLegal), [&](const Legal &l) { return l.from == from && l.transition == t; });
}

QString reasonFor(Transition t)
{
    return StateMachine::needsReason(t) ? QStringLiteral("Thiếu báo cáo thành tích") : QString();
}

/// What a legal transition needs beforehand that the table does not say (appraisals, a sitting,
/// outcomes).
void prepare(Test::WorkflowFixture &f, qint64 dossierId, Transition t)
{
    DossierRepository repo = f.dossiers();
    if (t == Transition::Submit || t == Transition::Resubmit)
        f.attachRequired(dossierId); // complete: no reason needed for the missing documents
    if (t == Transition::FinishAppraisal)
        for (const Nominee &n : repo.nominees(dossierId))
            repo.appraise(n.id, true, {}, QStringLiteral("Đủ tiêu chuẩn"));
    if (t == Transition::PutToCouncil)
        f.putOnSitting(dossierId);
    if (t == Transition::Decide)
        for (const Nominee &n : repo.nominees(dossierId))
            repo.recordOutcome(n.id, QStringLiteral("not_awarded"), QStringLiteral("Không đủ số phiếu"));
}
} // namespace

TEST_CASE("stateMachine_legalTransitionsLeadToTheTablesTarget_andRecordAnEvent", "[workflow][statemachine]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        for (const Legal &legal : kLegal) {
            const Status from = legal.from, to = legal.to;
            const Transition tr = legal.transition;
            INFO(statusCode(from).toStdString() << " --" << transitionCode(tr).toStdString() << "-->");
            Status said = from;
            CHECK(StateMachine::target(from, tr, &said));
            CHECK(said == to);
            const qint64 d = f.dossierIn(from);
            prepare(f, d, tr);
            const int events = int(repo.history(d).size());
            repo.transition(d, tr, reasonFor(tr));
            CHECK(repo.dossier(d).status == to);
            const QList<Event> history = repo.history(d);
            REQUIRE(history.size() == events + 1);
            CHECK(history.last().transition == transitionCode(tr));
            CHECK(history.last().fromStatus == statusCode(from));
            CHECK(history.last().toStatus == statusCode(to));
        }
    });
}

TEST_CASE("stateMachine_everyIllegalTransitionIsRefused_dossierUnchanged_noEventWritten", "[workflow][statemachine]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        int illegal = 0;
        for (Status from : allStatuses()) {
            const qint64 d = f.dossierIn(from);
            // Give every check beyond the table what it needs, so only the table can refuse.
            if (from == Status::Appraised)
                f.putOnSitting(d);
            const Dossier before = repo.dossier(d);
            const int events = int(repo.history(d).size());
            for (Transition tr : allTransitions()) {
                if (isLegal(from, tr))
                    continue;
                ++illegal;
                INFO(statusCode(from).toStdString() << " --" << transitionCode(tr).toStdString() << "-->");
                CHECK_FALSE(StateMachine::target(from, tr));
                const QString error = Test::errorOf([&] { repo.transition(d, tr, QStringLiteral("Lý do")); });
                CHECK(error == StateMachine::refusal(from, tr));
                const Dossier after = repo.dossier(d);
                CHECK(after.status == from);
                CHECK(after.version == before.version);
                CHECK(after.returnReason == before.returnReason);
                CHECK(repo.history(d).size() == events);
            }
        }
        CHECK(illegal == 7 * 8 - 8);
    });
}
