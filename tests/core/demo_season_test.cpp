// The demo award season (core/demo/demoseason.cpp): a dossier in every status, a council
// sitting, an issued decision that wrote the ledger, the same for the same seed.
#include "demo_support.h"
#include "support/testdatabase.h"

#include "core/dossiers/dossierrepository.h"
#include "core/error.h"

#include <catch2/catch.hpp>

#include <QStringList>

using namespace VinhDanh;
using VinhDanh::Test::rows;
using VinhDanh::Test::scalar;
using VinhDanh::Test::smallProvince;
using VinhDanh::Test::TestDatabase;

namespace {

/// What the season wrote, by content: row ids, timestamps and the random keys of sittings,
/// decisions and ledger rows are left out (two runs may number and stamp them differently).
QStringList season(Core::Database &db)
{
    const QString nominee = QStringLiteral("(SELECT d.ext_key || '#' || n.position FROM dossier_nominees n JOIN dossiers d "
                                           "ON d.id = n.dossier_id WHERE n.id = %1)");
    QStringList out;
    out << rows(db, QStringLiteral("SELECT d.ext_key, u.ext_key, m.ext_key, d.occasion, d.year, d.title, d.letter_no, "
                                   "d.letter_date, d.status, d.return_reason FROM dossiers d JOIN units u ON u.id = d.unit_id "
                                   "LEFT JOIN movements m ON m.id = d.movement_id ORDER BY d.ext_key"));
    out << rows(db, QStringLiteral("SELECT d.ext_key, n.position, p.ext_key, u.ext_key, n.form_code, n.award_kind, n.summary, "
                                   "n.engine_verdict, n.rule_set, n.proceed_reason, n.warnings FROM dossier_nominees n "
                                   "JOIN dossiers d ON d.id = n.dossier_id LEFT JOIN people p ON p.id = n.person_id "
                                   "LEFT JOIN units u ON u.id = n.unit_id ORDER BY d.ext_key, n.position"));
    out << rows(db, QStringLiteral("SELECT %1, c.position, c.item_id, c.confirmed, c.evidence FROM nominee_checklist c "
                                   "ORDER BY 1, c.position")
                        .arg(nominee.arg(QStringLiteral("c.nominee_id"))));
    out << rows(db, QStringLiteral("SELECT d.ext_key, a.kind, a.file_name, a.size, a.sha256 FROM dossier_attachments a "
                                   "JOIN dossiers d ON d.id = a.dossier_id ORDER BY d.ext_key, a.file_name"));
    out << rows(db, QStringLiteral("SELECT d.ext_key, e.transition, e.from_status, e.to_status, e.reason FROM dossier_events e "
                                   "JOIN dossiers d ON d.id = e.dossier_id ORDER BY d.ext_key, e.id"));
    out << rows(db, QStringLiteral("SELECT %1, a.engine_verdict, a.agreed, a.reason, a.override_reason FROM nominee_appraisals a "
                                   "ORDER BY 1")
                        .arg(nominee.arg(QStringLiteral("a.nominee_id"))));
    out << rows(db, QStringLiteral("SELECT s.title, s.held_on, s.status, s.quorum_num, s.quorum_den, m.position, m.full_name, "
                                   "m.title, m.attended FROM council_sessions s JOIN council_members m ON m.session_id = s.id "
                                   "ORDER BY s.held_on, m.position"));
    out << rows(db, QStringLiteral("SELECT s.title, %1, i.agree, i.disagree, i.abstain, i.voters, i.base, i.passed, "
                                   "(SELECT min(m.full_name) FROM council_conflicts c JOIN council_members m ON m.id = c.member_id "
                                   "WHERE c.item_id = i.id) FROM council_items i JOIN council_sessions s ON s.id = i.session_id "
                                   "ORDER BY s.held_on, 2")
                        .arg(nominee.arg(QStringLiteral("i.nominee_id"))));
    out << rows(db, QStringLiteral("SELECT number, decision_date, issuer, title, signer, signer_title, authority, base_salary, "
                                   "total, status FROM decisions ORDER BY number"));
    out << rows(db, QStringLiteral("SELECT d.number, a.position, %1, a.form_code, a.recipient, a.coefficient_milli, a.amount "
                                   "FROM decision_awardees a JOIN decisions d ON d.id = a.decision_id ORDER BY d.number, a.position")
                        .arg(nominee.arg(QStringLiteral("a.nominee_id"))));
    out << rows(db, QStringLiteral("SELECT %1, o.outcome, o.reason FROM nominee_outcomes o ORDER BY 1")
                        .arg(nominee.arg(QStringLiteral("o.nominee_id"))));
    out << rows(db, QStringLiteral("SELECT p.ext_key, u.ext_key, a.form_code, a.kind, a.year, a.decision_no, a.decision_date "
                                   "FROM awards a LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id "
                                   "WHERE a.decision_id IS NOT NULL ORDER BY a.decision_no, COALESCE(p.ext_key, u.ext_key)"));
    out << rows(db, QStringLiteral("SELECT m.ext_key, u.ext_key, m.year, m.held_on, m.number, m.attendees, s.position, "
                                   "COALESCE(p.ext_key, su.ext_key) FROM review_minutes m JOIN units u ON u.id = m.unit_id "
                                   "JOIN review_minutes_subjects s ON s.minutes_id = m.id LEFT JOIN people p ON p.id = s.person_id "
                                   "LEFT JOIN units su ON su.id = s.unit_id ORDER BY m.ext_key, s.position"));
    return out;
}
} // namespace

TEST_CASE("demoSeason_hasADossierInEveryStatus_andAnIssuedDecisionThatWroteTheLedger", "[demo][workflow]")
{
    Test::forEachBackend([](TestDatabase &t) {
        Core::Database &db = t.open();
        Core::Demo::generate(db, smallProvince(7));
        const Core::DemoSeason s = Core::Demo::generateSeason(db, 7, 2025);
        CHECK(s.year == 2025);
        CHECK_FALSE(s.movementKey.isEmpty()); // a catalogue movement runs in 2025

        const Core::Workflow::StatusCounts counts = Core::Workflow::DossierRepository(db).counts();
        for (Core::Workflow::Status status : Core::Workflow::allStatuses()) {
            INFO(Core::Workflow::statusCode(status).toStdString());
            CHECK(counts.value(status) >= 1);
        }
        CHECK(s.dossiers == scalar(db, QStringLiteral("SELECT count(*) FROM dossiers")));

        // The issued decision: every awardee priced, with the ledger row it wrote.
        REQUIRE(s.decisions == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM decisions WHERE status = 'issued'")) == 1);
        CHECK(s.awardees >= 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM decision_awardees a JOIN decisions d ON d.id = a.decision_id "
                                        "JOIN awards w ON w.id = a.award_id WHERE d.status = 'issued' AND a.amount > 0 "
                                        "AND w.decision_id = d.id AND w.decision_no = d.number"))
              == s.awardees);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM awards WHERE decision_id IS NOT NULL")) == s.awardees);
        CHECK(scalar(db, QStringLiteral("SELECT sum(amount) FROM decision_awardees")) == s.total);

        // The story around it: a forwarded nominee, one voted down, one proposed although not
        // eligible, overrides at appraisal, an absent member and a conflict of interest.
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM nominee_outcomes WHERE outcome = 'forwarded'")) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM council_items WHERE passed = 0")) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM dossier_nominees WHERE engine_verdict = 'not_eligible' "
                                        "AND proceed_reason IS NOT NULL"))
              >= 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM nominee_appraisals WHERE override_reason IS NOT NULL")) >= 2);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM council_members WHERE attended = 0")) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM council_conflicts")) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM council_sessions WHERE status = 'open'")) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM dossiers WHERE status = 'returned' AND return_reason IS NOT NULL"))
              == 1);
        CHECK(s.attachments == scalar(db, QStringLiteral("SELECT count(*) FROM dossier_attachments")));

        // A second season would mix with the first: refused, nothing written.
        CHECK_THROWS_AS(Core::Demo::generateSeason(db, 8, 2025), Core::Error);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM dossiers")) == s.dossiers);
    });
}

TEST_CASE("demoSeason_isTheSameForTheSameSeed_onEitherBackend_andDiffersForAnother", "[demo][workflow]")
{
    TestDatabase reference, other;
    Core::Demo::generate(reference.open(), smallProvince(7));
    Core::Demo::generateSeason(reference.db(), 7, 2025);
    const QStringList expected = season(reference.db());
    Core::Demo::generate(other.open(), smallProvince(7));
    Core::Demo::generateSeason(other.db(), 8, 2025);
    CHECK(season(other.db()) != expected);

    Test::forEachBackend([&](TestDatabase &t) {
        Core::Database &db = t.open();
        Core::Demo::generate(db, smallProvince(7));
        Core::Demo::generateSeason(db, 7, 2025);
        const QStringList got = season(db);
        REQUIRE(got.size() == expected.size());
        for (int i = 0; i < got.size(); ++i) {
            INFO(i);
            CHECK(got.at(i) == expected.at(i));
        }
    });
}
