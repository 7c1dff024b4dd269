#include "core/council/councilrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "support/testdatabase.h"
#include "workflow_council_support.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using VinhDanh::Test::errorOf;
using VinhDanh::Test::NomineeSpec;

namespace {
Threshold threshold(int percent, const char *basis, bool strictlyMore)
{
    Threshold t;
    t.percent = percent;
    t.basis = QString::fromLatin1(basis);
    t.strictlyMore = strictlyMore;
    return t;
}

Council::TallyInput input(int members, int present, int conflicted, int agree, int disagree = 0, int abstain = 0)
{
    Council::TallyInput in;
    in.members = members;
    in.present = present;
    in.conflictedMembers = conflicted;
    in.conflictedPresent = conflicted;
    in.agree = agree;
    in.disagree = disagree;
    in.abstain = abstain;
    return in;
}

/// An office with one dossier (before the council) of one agreed nominee for `form`, before a sitting of
/// `members` members of whom `attended` attended. Returns the item id.
qint64 itemBefore(Test::WorkflowOffice &office, qint64 *sessionId, int members, int attended, const QString &form,
                  qint64 *nomineeId = nullptr)
{
    QList<qint64> nominees;
    office.dossier(2025, {{office.person(QStringLiteral("Nguyễn Văn An")), 0, form}}, &nominees, QStringLiteral("before_council"));
    *sessionId = office.sitting(members, attended);
    if (nomineeId)
        *nomineeId = nominees.first();
    return CouncilRepository(office.db).addItem(*sessionId, nominees.first());
}
} // namespace

TEST_CASE("quorum_isTwoThirdsOfTheMembers_exactlyTwoThirdsIsEnough", "[workflow][council]")
{
    CHECK(Council::quorumMet(9, 6, 2, 3));
    CHECK_FALSE(Council::quorumMet(9, 5, 2, 3));
    CHECK(Council::quorumMet(10, 7, 2, 3));
    CHECK_FALSE(Council::quorumMet(10, 6, 2, 3)); // 6/10 is under two thirds
    CHECK_FALSE(Council::quorumMet(0, 0, 2, 3));

    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        CouncilRepository council(t.db());
        const qint64 nine = office.sitting(9, 6);
        CHECK(council.quorumMet(nine));
        Sitting s = council.session(nine);
        CHECK(s.quorumNum == 2);
        CHECK(s.quorumDen == 3);
        REQUIRE(s.members.size() == 9);
        council.setAttendance(s.members[5].id, false); // one short
        CHECK_FALSE(council.quorumMet(nine));
        const qint64 ten = office.sitting(10, 7);
        CHECK(council.quorumMet(ten));
        council.setAttendance(council.session(ten).members[0].id, false);
        CHECK_FALSE(council.quorumMet(ten));
    });
}

TEST_CASE("quorum_isCopiedFromTheOfficeSettingWhenTheSittingIsMade", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        PayData(t.db()).setSetting(QStringLiteral("council.quorum"), QStringLiteral("3/4"));
        const qint64 id = office.sitting(8, 6);
        PayData(t.db()).setSetting(QStringLiteral("council.quorum"), QStringLiteral("1/2")); // later change: not this sitting's
        const Sitting s = CouncilRepository(t.db()).session(id);
        CHECK(s.quorumNum == 3);
        CHECK(s.quorumDen == 4);
        CHECK(CouncilRepository(t.db()).quorumMet(id)); // 6/8 = 3/4
    });
}

TEST_CASE("thresholdOfMembers_leavesAConflictedMemberOutOfTheBase", "[workflow][council]")
{
    // 90 % of all members, not strictly more: 10 members, one with a conflict → base 9,
    // 0.9 × 9 = 8.1, so 9 agree passes and 8 does not.
    const Threshold ninety = threshold(90, "members", false);
    Council::TallyOutcome out = Council::evaluate(ninety, input(10, 10, 1, 9));
    CHECK(out.valid);
    CHECK(out.base == 9);
    CHECK(out.voters == 9);
    CHECK(out.passed);
    out = Council::evaluate(ninety, input(10, 10, 1, 8, 1));
    CHECK(out.valid);
    CHECK_FALSE(out.passed);
    // Without the conflict exactly 90 % (9 of 10) is enough, 8 of 10 is not.
    CHECK(Council::evaluate(ninety, input(10, 10, 0, 9, 1)).passed);
    CHECK_FALSE(Council::evaluate(ninety, input(10, 10, 0, 8, 2)).passed);
    // Basis "members": absent members count in the base (their written opinions are ballots).
    CHECK(Council::evaluate(ninety, input(10, 7, 0, 7)).base == 10);
    CHECK_FALSE(Council::evaluate(ninety, input(10, 7, 0, 7)).passed);

    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        CouncilRepository council(t.db());
        qint64 session = 0;
        // Chiến sĩ thi đua cấp tỉnh: the seeded threshold is 90 % of members.
        const qint64 item = itemBefore(office, &session, 10, 10, QStringLiteral("CSTD_TINH"));
        const qint64 conflicted = council.session(session).members[3].id;
        council.setConflicts(item, {conflicted});
        CHECK(council.item(item).conflictedMemberIds == QList<qint64>{conflicted});

        council.recordTally(item, 8, 1, 0);
        CouncilItem i = council.item(item);
        CHECK(i.tallied);
        CHECK(i.voters == 9);
        CHECK(i.base == 9);
        CHECK_FALSE(i.passed);
        council.recordTally(item, 9, 0, 0); // a corrected count, while the sitting is open
        i = council.item(item);
        CHECK(i.passed);
        CHECK(i.agree == 9);
        // The threshold used is kept with the item, whatever the table says later.
        CHECK(i.threshold.percent == 90);
        CHECK(i.threshold.basis == QStringLiteral("members"));
        CHECK_FALSE(i.threshold.strictlyMore);
        PayData(t.db()).saveThreshold({QStringLiteral("CSTD_TINH"), 95, QStringLiteral("present"), true, {}, true});
        CHECK(council.item(item).threshold.percent == 90);
        // Ten ballots when only nine may vote on this nominee.
        CHECK(errorOf([&] { council.recordTally(item, 10, 0, 0); }).contains(QStringLiteral("10 ballots")));
    });
}

TEST_CASE("presentBasisStrictlyMore_halfOfThosePresentIsNotAMajority", "[workflow][council]")
{
    const Threshold majority = threshold(50, "present", true);
    CHECK_FALSE(Council::evaluate(majority, input(9, 6, 0, 3, 3)).passed);
    CHECK(Council::evaluate(majority, input(9, 6, 0, 4, 2)).passed);
    CHECK(Council::evaluate(majority, input(9, 6, 0, 4)).base == 6);

    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        CouncilRepository council(t.db());
        qint64 session = 0;
        // Bằng khen of the provincial chairman has no row of its own: the "*" default applies.
        const qint64 item = itemBefore(office, &session, 9, 6, QStringLiteral("BK_TINH"));
        const Threshold used = council.thresholdFor(QStringLiteral("BK_TINH"));
        CHECK(used.formCode == QStringLiteral("*"));
        CHECK(used.percent == 50);
        CHECK(council.thresholdFor(QStringLiteral("CSTD_TINH")).formCode == QStringLiteral("CSTD_TINH"));

        council.recordTally(item, 3, 3, 0);
        CHECK_FALSE(council.item(item).passed);
        CHECK(council.item(item).base == 6);
        council.recordTally(item, 4, 2, 0);
        CHECK(council.item(item).passed);
        CHECK(council.item(item).threshold.basis == QStringLiteral("present"));
        CHECK(council.item(item).threshold.strictlyMore);
        // Seven ballots from six members present.
        const QString refused = errorOf([&] { council.recordTally(item, 4, 2, 1); });
        CHECK(refused.contains(QStringLiteral("7 ballots")));
        CHECK(refused.contains(QStringLiteral("Nguyễn Văn An")));
        CHECK(council.item(item).agree == 4); // unchanged
        CHECK(errorOf([&] { council.recordTally(item, -1, 2, 0); }).contains(QStringLiteral("negative")));
    });
}

TEST_CASE("tally_isRefusedWithoutQuorum", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        CouncilRepository council(t.db());
        qint64 session = 0;
        const qint64 item = itemBefore(office, &session, 9, 5, QStringLiteral("BK_TINH"));
        const QString refused = errorOf([&] { council.recordTally(item, 5, 0, 0); });
        CHECK(refused.contains(QStringLiteral("quorum")));
        CHECK(refused.contains(QStringLiteral("5 of its 9")));
        CHECK_FALSE(council.item(item).tallied);
        council.setAttendance(council.session(session).members[8].id, true);
        council.recordTally(item, 5, 1, 0);
        CHECK(council.item(item).passed);
    });
}

TEST_CASE("conflicts_onlyForMembersOfTheSitting_andChangingThemClearsTheTally", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        CouncilRepository council(t.db());
        qint64 session = 0;
        const qint64 item = itemBefore(office, &session, 9, 9, QStringLiteral("BK_TINH"));
        const qint64 stranger = council.session(office.sitting(5, 5)).members[0].id;
        CHECK(errorOf([&] { council.setConflicts(item, {stranger}); }).contains(QStringLiteral("member of this sitting")));
        council.recordTally(item, 6, 3, 0);
        REQUIRE(council.item(item).tallied);
        council.setConflicts(item, {council.session(session).members[0].id});
        CHECK_FALSE(council.item(item).tallied); // who may vote changed: the tally is entered again
        council.recordTally(item, 6, 2, 0);
        CHECK(council.item(item).voters == 8);
    });
}

TEST_CASE("addItem_onlyForAgreedNomineesOfAppraisedDossiers_notPassedElsewhere", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        CouncilRepository council(t.db());
        const qint64 a = office.person(QStringLiteral("Trần Thị Bình"));
        const qint64 b = office.person(QStringLiteral("Lê Văn Cường"));
        QList<qint64> nominees;
        // before_council already: the tests here do not depend on the dossier transition.
        office.dossier(2025, {{a, 0, QStringLiteral("BK_TINH"), true}, {b, 0, QStringLiteral("BK_TINH"), false}}, &nominees,
                       QStringLiteral("before_council"));
        QList<qint64> early;
        office.dossier(2025, {{a, 0, QStringLiteral("LDTT")}}, &early, QStringLiteral("under_appraisal"));
        const qint64 first = office.sitting(9, 9);
        const qint64 second = office.sitting(9, 9, QDate(2025, 12, 20));

        CHECK(errorOf([&] { council.addItem(first, nominees[1]); }).contains(QStringLiteral("did not agree")));
        CHECK(errorOf([&] { council.addItem(first, early[0]); }).contains(QStringLiteral("appraised")));
        const qint64 item = council.addItem(first, nominees[0]);
        CHECK(council.addItem(first, nominees[0]) == item); // already there: the same item
        CHECK(errorOf([&] { council.addItem(second, nominees[0]); }).contains(QStringLiteral("still open")));
        council.recordTally(item, 9, 0, 0);
        council.close(first);
        CHECK(errorOf([&] { council.addItem(second, nominees[0]); }).contains(QStringLiteral("already passed")));
        const QList<CouncilItem> items = council.items(first);
        REQUIRE(items.size() == 1);
        CHECK(items[0].nomineeName == QStringLiteral("Trần Thị Bình"));
        CHECK(items[0].formCode == QStringLiteral("BK_TINH"));
        CHECK_FALSE(items[0].dossierKey.isEmpty());
    });
}

TEST_CASE("closeWritesNotAwardedForFailedVotes_withTheVoteAndThresholdAsReason", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        CouncilRepository council(t.db());
        const qint64 a = office.person(QStringLiteral("Phạm Thị Dung"));
        const qint64 b = office.person(QStringLiteral("Hoàng Văn Em"));
        QList<qint64> n;
        const qint64 dossier = office.dossier(2025, {{a, 0, QStringLiteral("BK_TINH")}, {b, 0, QStringLiteral("BK_TINH")}}, &n,
                                              QStringLiteral("before_council"));
        const qint64 session = office.sitting(9, 6);
        const qint64 passes = council.addItem(session, n[0]);
        const qint64 fails = council.addItem(session, n[1]);
        council.recordTally(passes, 5, 1, 0);
        CHECK(errorOf([&] { council.close(session); }).contains(QStringLiteral("no vote recorded")));
        council.recordTally(fails, 3, 3, 0);
        CHECK(office.outcome(n[1]).isEmpty()); // not before the sitting is closed
        council.close(session);
        CHECK(office.outcome(n[1]) == QStringLiteral("not_awarded"));
        CHECK(office.outcome(n[0]).isEmpty()); // passed: its outcome comes with the decision
        const QString reason = Query(t.db().sql(), QStringLiteral("SELECT reason FROM nominee_outcomes WHERE nominee_id = :n"))
                                   .bind(QStringLiteral(":n"), n[1])
                                   .scalar()
                                   .toString();
        CHECK(reason.contains(QStringLiteral("3/6")));
        CHECK(reason.contains(QStringLiteral("50%")));
        CHECK(office.status(dossier) == QStringLiteral("before_council")); // one nominee still waits for its decision
    });
}

TEST_CASE("closedSitting_refusesChanges_inTheRepositoryAndBySql", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowOffice office(db);
        CouncilRepository council(db);
        qint64 session = 0;
        qint64 nominee = 0;
        const qint64 item = itemBefore(office, &session, 9, 9, QStringLiteral("BK_TINH"), &nominee);
        council.recordTally(item, 8, 1, 0);
        council.close(session);
        Sitting s = council.session(session);
        CHECK(s.status == SittingStatus::Closed);

        s.title = QStringLiteral("Đổi tên");
        CHECK(errorOf([&] { council.save(s); }).contains(QStringLiteral("closed")));
        CHECK(errorOf([&] { council.setAttendance(s.members[0].id, false); }).contains(QStringLiteral("closed")));
        CHECK(errorOf([&] { council.recordTally(item, 9, 0, 0); }).contains(QStringLiteral("closed")));
        CHECK(errorOf([&] { council.setConflicts(item, {s.members[0].id}); }).contains(QStringLiteral("closed")));
        CHECK(errorOf([&] { council.close(session); }).contains(QStringLiteral("closed")));
        CHECK(errorOf([&] { council.addItem(session, nominee); }).contains(QStringLiteral("closed")));

        const QString sid = QString::number(session);
        const QString marker = QStringLiteral("vinhdanh-protected");
        CHECK(Test::sqlRefusal(db, QStringLiteral("UPDATE council_sessions SET title = 'x' WHERE id = ") + sid).contains(marker));
        CHECK(Test::sqlRefusal(db, QStringLiteral("DELETE FROM council_sessions WHERE id = ") + sid).contains(marker));
        CHECK(Test::sqlRefusal(db, QStringLiteral("UPDATE council_items SET agree = 2 WHERE session_id = ") + sid).contains(marker));
        CHECK(Test::sqlRefusal(db, QStringLiteral("UPDATE council_members SET attended = 0 WHERE session_id = ") + sid)
                  .contains(marker));
        CHECK(Test::sqlRefusal(db, QStringLiteral("INSERT INTO council_members (session_id, full_name) VALUES (%1, 'x')").arg(sid))
                  .contains(marker));
        CHECK(Test::sqlRefusal(
                  db,
                  QStringLiteral("INSERT INTO council_conflicts (item_id, member_id) VALUES (%1, %2)").arg(item).arg(s.members[0].id))
                  .contains(marker));
        CHECK(council.item(item).agree == 8);
    });
}

TEST_CASE("councilWrites_needTheSecretaryOrAnAdministrator", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowOffice office(db);
        qint64 session = 0;
        const qint64 item = itemBefore(office, &session, 9, 9, QStringLiteral("BK_TINH"));
        CouncilRepository council(db);
        // Permissions read the session's role (accounts_test covers logging in).
        for (const char *role : {"appraiser", "leader", "clerk"}) {
            db.setSession({1, QString::fromLatin1(role), QString::fromLatin1(role), office.unit});
            CHECK_THROWS_AS(council.recordTally(item, 9, 0, 0), PermissionError);
            CHECK_THROWS_AS(office.sitting(3, 3), PermissionError);
            CHECK_THROWS_AS(council.close(session), PermissionError);
        }
        db.setSession({2, QStringLiteral("thuky"), QStringLiteral("council_secretary"), 0});
        council.recordTally(item, 9, 0, 0);
        CHECK(council.item(item).passed);
        db.setSession({});
    });
}

TEST_CASE("addDossier_putsEveryAgreedNomineeBeforeTheSitting_andMovesTheDossierBeforeTheCouncil", "[workflow][council]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowOffice office(db);
        CouncilRepository council(db);
        const qint64 a = office.person(QStringLiteral("Vũ Thị Giang"));
        const qint64 b = office.person(QStringLiteral("Đỗ Văn Hải"));
        const qint64 c = office.person(QStringLiteral("Ngô Thị Hoa"));
        QList<qint64> n;
        const qint64 mixed = office.dossier(
            2025,
            {{a, 0, QStringLiteral("BK_TINH")}, {b, 0, QStringLiteral("BK_TINH"), false}, {0, office.unit, QStringLiteral("TTLDXS")}},
            &n);
        QList<qint64> m;
        const qint64 lone = office.dossier(2025, {{c, 0, QStringLiteral("LDTT")}}, &m);
        const qint64 session = office.sitting(9, 9);

        council.addDossier(session, mixed);
        QList<CouncilItem> items = council.items(session);
        REQUIRE(items.size() == 2); // the nominee the appraiser did not agree to stays out
        CHECK(items[0].nomineeId == n[0]);
        CHECK(items[1].nomineeId == n[2]);
        CHECK(items[1].nomineeName == QStringLiteral("Sở Khoa học và Công nghệ"));
        CHECK(office.status(mixed) == QStringLiteral("before_council"));
        CHECK(office.count(QStringLiteral("SELECT count(*) FROM dossier_events WHERE dossier_id = :id AND transition = 'to_council' "
                                          "AND to_status = 'before_council'"),
                           mixed)
              == 1);

        // Adding the only nominee one by one moves its dossier as well.
        const qint64 item = council.addItem(session, m[0]);
        CHECK(office.status(lone) == QStringLiteral("before_council"));

        // Every nominee of the lone dossier failed: closing decides it.
        council.recordTally(items[0].id, 9, 0, 0);
        council.recordTally(items[1].id, 9, 0, 0);
        council.recordTally(item, 2, 7, 0);
        council.close(session);
        CHECK(office.outcome(m[0]) == QStringLiteral("not_awarded"));
        CHECK(office.status(lone) == QStringLiteral("decided"));
        CHECK(office.status(mixed) == QStringLiteral("before_council"));
    });
}
