// The state machines of council sittings and decisions (recordstates.h): the tables themselves,
// every action tried on real records through the repositories, and stored codes this version
// does not know.
#include "core/council/councilrepository.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/proposals/recordstates.h"
#include "core/proposals/statemachine.h"
#include "support/testdatabase.h"
#include "workflow_council_support.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <iterator>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using VinhDanh::Test::errorOf;

namespace {
// The tables of recordstates.h written out here, not read from the machines: a test that took
// its expectations from the code under test would pass whatever the code said.
struct SittingEdge
{
    SittingStatus from;
    SittingAction action;
    SittingStatus to;
};
const SittingEdge kSittingLegal[] = {
    {SittingStatus::Open, SittingAction::Change, SittingStatus::Open},
    {SittingStatus::Open, SittingAction::Close, SittingStatus::Closed},
};

struct DecisionEdge
{
    DecisionStatus from;
    DecisionAction action;
    DecisionStatus to;
};
const DecisionEdge kDecisionLegal[] = {
    {DecisionStatus::Draft, DecisionAction::Change, DecisionStatus::Draft},
    {DecisionStatus::Draft, DecisionAction::Issue, DecisionStatus::Issued},
    {DecisionStatus::Issued, DecisionAction::Amend, DecisionStatus::Issued},
};

const SittingEdge *sittingLegal(SittingStatus from, SittingAction a)
{
    const auto *it = std::find_if(std::begin(kSittingLegal), std::end(kSittingLegal),
                                  [&](const SittingEdge &e) { return e.from == from && e.action == a; });
    return it == std::end(kSittingLegal) ? nullptr : it;
}

const DecisionEdge *decisionLegal(DecisionStatus from, DecisionAction a)
{
    const auto *it = std::find_if(std::begin(kDecisionLegal), std::end(kDecisionLegal),
                                  [&](const DecisionEdge &e) { return e.from == from && e.action == a; });
    return it == std::end(kDecisionLegal) ? nullptr : it;
}

/// A sitting of nine, all present, with one BK_TINH nominee before it; returns the item.
qint64 sittingWithItem(Test::WorkflowOffice &office, qint64 *sessionId, qint64 *nomineeId)
{
    QList<qint64> nominees;
    office.dossier(2025, {{office.person(QStringLiteral("Nguyễn Văn An")), 0, QStringLiteral("BK_TINH")}}, &nominees,
                   QStringLiteral("before_council"));
    *sessionId = office.sitting(9, 9);
    *nomineeId = nominees.first();
    return CouncilRepository(office.db).addItem(*sessionId, nominees.first());
}

/// A draft decision numbered `registerNo` of 15/01/2026, signed KT. by the Chairman.
Decision savedDraft(Database &db, int registerNo)
{
    Decision d;
    d.registerNo = registerNo;
    d.date = QDate(2026, 1, 15);
    d.title = QStringLiteral("Về việc tặng Bằng khen");
    d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
    d.signerTitle = QStringLiteral("Chủ tịch");
    d.authority = QStringLiteral("KT");
    DecisionRepository(db).save(d);
    return d;
}

/// A closed sitting that passed one BK_TINH nominee, and a draft filled from it.
Decision fillableDraft(Test::WorkflowOffice &office, int registerNo, qint64 *sessionId = nullptr)
{
    qint64 session = 0, nominee = 0;
    const qint64 item = sittingWithItem(office, &session, &nominee);
    CouncilRepository council(office.db);
    council.recordTally(item, 9, 0, 0);
    council.close(session);
    const Decision d = savedDraft(office.db, registerNo);
    DecisionRepository(office.db).fillFromCouncil(d.id, session);
    if (sessionId)
        *sessionId = session;
    return DecisionRepository(office.db).decision(d.id);
}
} // namespace

TEST_CASE("recordStateTables_allowExactlyTheDocumentedActions_andExplainEachRefusal", "[workflow][statemachine]")
{
    int refused = 0;
    for (SittingStatus from : allSittingStatuses()) {
        QList<SittingAction> expected;
        for (SittingAction a : allSittingActions()) {
            INFO("sitting " << sittingStatusCode(from).toStdString() << " action " << int(a));
            const SittingEdge *legal = sittingLegal(from, a);
            SittingStatus to = from;
            CHECK(SittingMachine::target(from, a, &to) == (legal != nullptr));
            if (legal) {
                expected << a;
                CHECK(to == legal->to);
                CHECK(SittingMachine::refusal(from, a).isEmpty());
                CHECK_NOTHROW(SittingMachine::require(from, a));
            } else {
                ++refused;
                const QString why = SittingMachine::refusal(from, a);
                CHECK(why.contains(QStringLiteral("closed")));
                CHECK(errorOf([&] { SittingMachine::require(from, a); }) == why);
            }
        }
        CHECK(SittingMachine::allowedFrom(from) == expected);
        CHECK(SittingMachine::changeable(from) == (from == SittingStatus::Open));
    }
    CHECK(refused == 2 * 2 - 2);

    refused = 0;
    for (DecisionStatus from : allDecisionStatuses()) {
        QList<DecisionAction> expected;
        for (DecisionAction a : allDecisionActions()) {
            INFO("decision " << decisionStatusCode(from).toStdString() << " action " << int(a));
            const DecisionEdge *legal = decisionLegal(from, a);
            DecisionStatus to = from;
            CHECK(DecisionMachine::target(from, a, &to) == (legal != nullptr));
            if (legal) {
                expected << a;
                CHECK(to == legal->to);
                CHECK(DecisionMachine::refusal(from, a).isEmpty());
                CHECK_NOTHROW(DecisionMachine::require(from, a));
            } else {
                ++refused;
                const QString why = DecisionMachine::refusal(from, a);
                // Each refusal says what to do instead.
                CHECK(why.contains(a == DecisionAction::Amend ? QStringLiteral("Only an issued decision can be amended")
                                                              : QStringLiteral("issue an amending decision instead")));
                CHECK(errorOf([&] { DecisionMachine::require(from, a); }) == why);
            }
        }
        CHECK(DecisionMachine::allowedFrom(from) == expected);
        CHECK(DecisionMachine::changeable(from) == (from == DecisionStatus::Draft));
        CHECK(DecisionMachine::inForce(from) == (from == DecisionStatus::Issued));
    }
    CHECK(refused == 2 * 3 - 3);
}

TEST_CASE("recordStatusCodes_areTheStoredOnes_andAnUnknownCodeIsAnErrorNamingIt", "[workflow][statemachine]")
{
    CHECK(sittingStatusCode(SittingStatus::Open) == QStringLiteral("open"));
    CHECK(sittingStatusCode(SittingStatus::Closed) == QStringLiteral("closed"));
    CHECK(decisionStatusCode(DecisionStatus::Draft) == QStringLiteral("draft"));
    CHECK(decisionStatusCode(DecisionStatus::Issued) == QStringLiteral("issued"));
    for (SittingStatus s : allSittingStatuses())
        CHECK(sittingStatusFromCode(sittingStatusCode(s)) == s);
    for (DecisionStatus s : allDecisionStatuses())
        CHECK(decisionStatusFromCode(decisionStatusCode(s)) == s);

    // Never read as the default status: a newer version's code or a hand edit is reported.
    for (const QString &code : {QStringLiteral("adjourned"), QStringLiteral("Closed"), QString()}) {
        const QString error = errorOf([&] { sittingStatusFromCode(code); });
        CHECK(error.contains(QStringLiteral("\"%1\"").arg(code)));
        CHECK(error.contains(QStringLiteral("open, closed")));
    }
    for (const QString &code : {QStringLiteral("cancelled"), QStringLiteral("ISSUED"), QString()}) {
        const QString error = errorOf([&] { decisionStatusFromCode(code); });
        CHECK(error.contains(QStringLiteral("\"%1\"").arg(code)));
        CHECK(error.contains(QStringLiteral("draft, issued")));
    }
}

TEST_CASE("unknownStoredStatus_isReportedWhenTheRecordIsRead_notShownAsDraftOrOpen", "[workflow][statemachine]")
{
    // Only SQLite can be told to skip the CHECK constraint that keeps such a code out.
    Test::TestDatabase t;
    Database &db = t.db();
    Test::WorkflowOffice office(db);
    const Decision d = savedDraft(db, 3);
    const qint64 session = office.sitting(3, 3);
    Query::run(db.sql(), QStringLiteral("PRAGMA ignore_check_constraints = ON"));
    Query::run(db.sql(), QStringLiteral("UPDATE decisions SET status = 'cancelled' WHERE id = %1").arg(d.id));
    Query::run(db.sql(), QStringLiteral("UPDATE council_sessions SET status = 'adjourned' WHERE id = %1").arg(session));
    Query::run(db.sql(), QStringLiteral("PRAGMA ignore_check_constraints = OFF"));

    DecisionRepository decisions(db);
    CHECK(errorOf([&] { decisions.decision(d.id); }).contains(QStringLiteral("\"cancelled\"")));
    CHECK(errorOf([&] { decisions.list(); }).contains(QStringLiteral("\"cancelled\"")));
    // Nor is it taken for a draft that may still change.
    Decision edited = d;
    edited.title = QStringLiteral("Đổi trích yếu");
    CHECK(errorOf([&] { decisions.save(edited); }).contains(QStringLiteral("\"cancelled\"")));
    CHECK(Query(db.sql(), QStringLiteral("SELECT title FROM decisions WHERE id = %1").arg(d.id)).scalar().toString() == d.title);

    CouncilRepository council(db);
    CHECK(errorOf([&] { council.session(session); }).contains(QStringLiteral("\"adjourned\"")));
    CHECK(errorOf([&] { council.close(session); }).contains(QStringLiteral("\"adjourned\"")));
}

TEST_CASE("decisionMachine_isEnforcedByTheRepository_refusalsLeaveTheDecisionUnchanged", "[workflow][decision][statemachine]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowOffice office(db);
        DecisionRepository decisions(db);
        const Decision draft = fillableDraft(office, 5);
        REQUIRE(draft.awardeeCount == 1);

        // draft --Change--> draft
        Decision edited = draft;
        edited.title = QStringLiteral("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh");
        decisions.save(edited);
        CHECK(decisions.decision(draft.id).status == DecisionStatus::Draft);
        CHECK(decisions.decision(draft.id).title == edited.title);

        // draft --Amend--> refused: an amendment corrects an issued decision.
        const int before = office.count(QStringLiteral("SELECT count(*) FROM decisions"));
        const QString notIssued = DecisionMachine::refusal(DecisionStatus::Draft, DecisionAction::Amend);
        CHECK(errorOf([&] { decisions.draftDefaults(QDate(2026, 2, 1), draft.id); }) == notIssued);
        Decision amending = savedDraft(db, 6);
        amending.amendsId = draft.id;
        CHECK(errorOf([&] { decisions.save(amending); }) == notIssued);
        CHECK(decisions.decision(amending.id).amendsId == 0);
        decisions.remove(amending.id); // a draft may be deleted (Change)
        CHECK(office.count(QStringLiteral("SELECT count(*) FROM decisions")) == before);

        // draft --Issue--> issued
        decisions.issue(draft.id);
        const Decision issued = decisions.decision(draft.id);
        CHECK(issued.status == DecisionStatus::Issued);
        const int awards = office.count(QStringLiteral("SELECT count(*) FROM awards"));
        CHECK(awards == 1);

        // issued --Change--> and --Issue--> refused, whatever the way in; nothing changes.
        const QString frozen = DecisionMachine::refusal(DecisionStatus::Issued, DecisionAction::Change);
        const qint64 awardee = decisions.awardees(issued.id).first().id;
        Decision retitled = issued;
        retitled.title = QStringLiteral("Sửa sau khi ban hành");
        CHECK(errorOf([&] { decisions.save(retitled); }) == frozen);
        CHECK(errorOf([&] { decisions.remove(issued.id); }) == frozen);
        CHECK(errorOf([&] { decisions.price(issued.id); }) == frozen);
        CHECK(errorOf([&] { decisions.removeAwardee(awardee); }) == frozen);
        Awardee extra;
        extra.personId = office.person(QStringLiteral("Trần Thị Bình"));
        extra.formCode = QStringLiteral("BK_TINH");
        CHECK(errorOf([&] { decisions.addAwardee(issued.id, extra); }) == frozen);
        CHECK(errorOf([&] { decisions.issue(issued.id); }) == DecisionMachine::refusal(DecisionStatus::Issued, DecisionAction::Issue));
        const Decision after = decisions.decision(issued.id);
        CHECK(after.version == issued.version);
        CHECK(after.title == issued.title);
        CHECK(after.awardeeCount == 1);
        CHECK(office.count(QStringLiteral("SELECT count(*) FROM awards")) == awards);

        // issued --Amend--> issued: a new draft names it; the issued one stays as it is.
        Decision correction = decisions.draftDefaults(QDate(2026, 2, 1), issued.id);
        CHECK(correction.amendsId == issued.id);
        decisions.save(correction);
        CHECK(decisions.decision(correction.id).amendsId == issued.id);
        CHECK(decisions.decision(correction.id).status == DecisionStatus::Draft);
        CHECK(decisions.decision(issued.id).status == DecisionStatus::Issued);
        CHECK(decisions.decision(issued.id).version == issued.version);
    });
}

TEST_CASE("sittingMachine_isEnforcedByTheRepository_refusalsLeaveTheSittingUnchanged", "[workflow][council][statemachine]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowOffice office(db);
        CouncilRepository council(db);
        qint64 session = 0, nominee = 0;
        const qint64 item = sittingWithItem(office, &session, &nominee);

        // open --Change--> open
        Sitting s = council.session(session);
        s.place = QStringLiteral("Hội trường tầng 2");
        council.save(s);
        council.setAttendance(s.members.last().id, false);
        council.setConflicts(item, {s.members.first().id});
        council.recordTally(item, 7, 0, 0);
        CHECK(council.session(session).status == SittingStatus::Open);
        CHECK(council.session(session).place == s.place);

        // open --Close--> closed
        council.close(session);
        const Sitting closed = council.session(session);
        CHECK(closed.status == SittingStatus::Closed);

        // closed --Change--> and --Close--> refused, whatever the way in; nothing changes.
        const QString frozen = SittingMachine::refusal(SittingStatus::Closed, SittingAction::Change);
        Sitting moved = closed;
        moved.place = QStringLiteral("Phòng họp số 3");
        CHECK(errorOf([&] { council.save(moved); }) == frozen);
        CHECK(errorOf([&] { council.setAttendance(closed.members.first().id, false); }) == frozen);
        CHECK(errorOf([&] { council.setConflicts(item, {}); }) == frozen);
        CHECK(errorOf([&] { council.recordTally(item, 9, 0, 0); }) == frozen);
        CHECK(errorOf([&] { council.close(session); }) == SittingMachine::refusal(SittingStatus::Closed, SittingAction::Close));
        const Sitting after = council.session(session);
        CHECK(after.version == closed.version);
        CHECK(after.place == closed.place);
        CHECK(after.members.first().attended);
        CHECK(council.item(item).agree == 7);
        CHECK(council.item(item).conflictedMemberIds == QList<qint64>{closed.members.first().id});
        // A closed sitting is offered to no dossier.
        CHECK(
            council.sittingsFor(office.dossier(2025, {{office.person(QStringLiteral("Lê Văn Cường")), 0, QStringLiteral("BK_TINH")}}))
                .isEmpty());
    });
}

// Issue 17: a status is written once, in the workflow's code tables. SQL in core names a status
// through statusSql(), decisionStatusSql(), StateMachine::contentEditableSql() or a bound code,
// so renaming a status or changing what "open for edits" means cannot miss a query, a guard
// or the merge's checks. (The schema's .sql steps are history and keep the codes they wrote.)
TEST_CASE("statusCodes_appearInCoreSqlOnlyThroughTheWorkflowsFunctions", "[workflow][states]")
{
    const QStringList statuses{QStringLiteral("draft"),    QStringLiteral("submitted"), QStringLiteral("under_appraisal"),
                               QStringLiteral("returned"), QStringLiteral("appraised"), QStringLiteral("before_council"),
                               QStringLiteral("decided"),  QStringLiteral("issued"),    QStringLiteral("open"),
                               QStringLiteral("closed")};
    QStringList found;
    QDirIterator it(QStringLiteral(VINHDANH_SOURCE_DIR "/core"), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
        ++files;
        int lineNo = 0;
        while (!file.atEnd()) {
            ++lineNo;
            QString line = QString::fromUtf8(file.readLine());
            const int comment = line.indexOf(QLatin1String("//"));
            if (comment >= 0)
                line.truncate(comment);
            for (const QString &status : statuses)
                if (line.contains(QLatin1Char('\'') + status + QLatin1Char('\'')))
                    found << QStringLiteral("%1:%2: '%3'").arg(QFileInfo(path).fileName()).arg(lineNo).arg(status);
        }
    }
    CHECK(files > 100); // the sources were found: the check cannot pass by reading nothing
    INFO(found.join(QLatin1Char('\n')).toStdString());
    CHECK(found.isEmpty());
    CHECK(Workflow::StateMachine::contentEditableSql() == QStringLiteral("('draft', 'returned')"));
}
