// Issuing a decision is one transaction: when a ledger row fails half-way through, nothing of
// the issue remains — no ledger (awards) row, no nominee outcome, no dossier event, no audit
// entry, and the decision is still a draft. Both backends.
#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "support/testdatabase.h"
#include "workflow_council_support.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;

namespace {
/// A trigger of the test's own that refuses the second ledger row of one decision, so issuing
/// fails inside its loop, after the first awardee's ledger row, award link and outcome were
/// written. Named test_* (not audit_*/guard_*): the self-check on open compares the program's
/// own triggers by those prefixes.
void failSecondLedgerRow(Database &db)
{
    if (db.backend() == Backend::Postgres) {
        Query::run(db.sql(), QStringLiteral("CREATE FUNCTION test_fail_second_award() RETURNS trigger LANGUAGE plpgsql AS $$ "
                                            "BEGIN IF (SELECT count(*) FROM awards WHERE decision_id = NEW.decision_id) >= 1 THEN "
                                            "RAISE EXCEPTION 'test_fail_second_award'; END IF; RETURN NEW; END $$"));
        Query::run(db.sql(), QStringLiteral("CREATE TRIGGER test_fail_second_award BEFORE INSERT ON awards "
                                            "FOR EACH ROW EXECUTE FUNCTION test_fail_second_award()"));
    } else {
        Query::run(db.sql(), QStringLiteral("CREATE TRIGGER test_fail_second_award BEFORE INSERT ON awards "
                                            "WHEN (SELECT count(*) FROM awards WHERE decision_id = NEW.decision_id) >= 1 "
                                            "BEGIN SELECT RAISE(ABORT, 'test_fail_second_award'); END"));
    }
}

void dropFailSecondLedgerRow(Database &db)
{
    if (db.backend() == Backend::Postgres) {
        Query::run(db.sql(), QStringLiteral("DROP TRIGGER test_fail_second_award ON awards"));
        Query::run(db.sql(), QStringLiteral("DROP FUNCTION test_fail_second_award()"));
    } else {
        Query::run(db.sql(), QStringLiteral("DROP TRIGGER test_fail_second_award"));
    }
}
} // namespace

TEST_CASE("issue_failingAtTheSecondLedgerRow_leavesADraftWithNoLedgerOutcomeOrEventRows", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        // One dossier of the regular track, three people for the provincial Bằng khen, all passed:
        // a decision the provincial office issues without question.
        Test::WorkflowOffice office(db);
        QList<qint64> nominees;
        const qint64 dossier = office.dossier(2025,
                                              {{office.person(QStringLiteral("Nguyễn Văn An")), 0, QStringLiteral("BK_TINH")},
                                               {office.person(QStringLiteral("Trần Thị Bình")), 0, QStringLiteral("BK_TINH")},
                                               {office.person(QStringLiteral("Lê Văn Cường")), 0, QStringLiteral("BK_TINH")}},
                                              &nominees, QStringLiteral("before_council"));
        const qint64 session = office.sitting(9, 9);
        CouncilRepository council(db);
        for (qint64 nominee : nominees)
            council.recordTally(council.addItem(session, nominee), 9, 0, 0);
        council.close(session);

        DecisionRepository decisions(db);
        Decision d;
        d.registerNo = 31;
        d.date = QDate(2026, 1, 15);
        d.title = QStringLiteral("Về việc tặng Bằng khen");
        d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
        d.signerTitle = QStringLiteral("Chủ tịch");
        d.authority = QStringLiteral("KT");
        decisions.save(d);
        decisions.fillFromCouncil(d.id, session);
        REQUIRE(decisions.awardees(d.id).size() == 3);

        const auto count = [&](const QString &sql) { return office.count(sql, d.id); };
        const int events = count(QStringLiteral("SELECT count(*) FROM dossier_events"));
        const int outcomes = count(QStringLiteral("SELECT count(*) FROM nominee_outcomes"));
        const int ledger = count(QStringLiteral("SELECT count(*) FROM awards"));
        const int audited = count(QStringLiteral("SELECT count(*) FROM audit_log"));

        failSecondLedgerRow(db);
        QString refusal;
        try {
            decisions.issue(d.id);
        } catch (const Error &e) {
            refusal = e.fullText();
        }
        dropFailSecondLedgerRow(db);
        INFO(refusal.toStdString());
        // It failed where the test made it fail: the trigger fires only with the first row present.
        CHECK(refusal.contains(QStringLiteral("test_fail_second_award")));

        const Decision after = decisions.decision(d.id);
        CHECK(after.status == DecisionStatus::Draft);
        CHECK_FALSE(after.issuedAt.isValid());
        CHECK(after.total == 0); // the pricing issue() does is undone too
        CHECK(count(QStringLiteral("SELECT count(*) FROM awards")) == ledger);
        CHECK(count(QStringLiteral("SELECT count(*) FROM awards WHERE decision_id = :id")) == 0);
        CHECK(count(QStringLiteral("SELECT count(*) FROM decision_awardees WHERE decision_id = :id AND award_id IS NOT NULL")) == 0);
        CHECK(count(QStringLiteral("SELECT count(*) FROM nominee_outcomes")) == outcomes);
        CHECK(office.outcome(nominees[0]).isEmpty()); // the first awardee's, written before the failure
        CHECK(count(QStringLiteral("SELECT count(*) FROM dossier_events")) == events);
        CHECK(office.status(dossier) == QStringLiteral("before_council"));
        CHECK(count(QStringLiteral("SELECT count(*) FROM audit_log")) == audited);

        // Without the trigger the same draft issues whole: the failure, not the scene, stopped it.
        decisions.issue(d.id);
        CHECK(decisions.decision(d.id).status == DecisionStatus::Issued);
        CHECK(count(QStringLiteral("SELECT count(*) FROM awards WHERE decision_id = :id")) == 3);
        CHECK(office.outcome(nominees[0]) == QStringLiteral("awarded"));
        CHECK(office.status(dossier) == QStringLiteral("decided"));
    });
}
