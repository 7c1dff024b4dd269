#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "support/testdatabase.h"
#include "workflow_council_support.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using VinhDanh::Test::errorOf;

namespace {
const QString kProtected = QStringLiteral("vinhdanh-protected");

/// One closed sitting over two dossiers of 2025, items in this order:
///   unit  TTLDXS (collective, tinh)         passes   — dossier "two"
///   An    BK_TINH                            passes   — dossier "one"
///   Bình  CSTD_TOANQUOC (trung_uong, higher) passes   — dossier "one"
///   Dung  GIAYKHEN                           fails    — dossier "one"
///   Em    BK_TINH                            passes   — dossier "two"
struct Scenario
{
    Test::WorkflowOffice office;
    qint64 an = 0, binh = 0, dung = 0, em = 0;
    qint64 one = 0, two = 0; // dossiers
    QList<qint64> n1, n2;    // their nominees: n1 = An, Bình, Dung; n2 = unit, Em
    qint64 session = 0;
    qint64 movement = 0;

    explicit Scenario(Database &db) : office(db)
    {
        an = office.person(QStringLiteral("Nguyễn Văn An"));
        binh = office.person(QStringLiteral("Trần Thị Bình"));
        dung = office.person(QStringLiteral("Lê Thị Dung"));
        em = office.person(QStringLiteral("Phạm Văn Em"));
        movement = Query(db.sql(), QStringLiteral("SELECT MIN(id) FROM movements")).scalar(0).toLongLong();
        // Both dossiers of one movement: a decision cites one basis (issue 13).
        one = office.dossier(
            2025,
            {{an, 0, QStringLiteral("BK_TINH")}, {binh, 0, QStringLiteral("CSTD_TOANQUOC")}, {dung, 0, QStringLiteral("GIAYKHEN")}},
            &n1, QStringLiteral("before_council"), movement);
        two = office.dossier(2025, {{0, office.unit, QStringLiteral("TTLDXS")}, {em, 0, QStringLiteral("BK_TINH")}}, &n2,
                             QStringLiteral("before_council"), movement);
        session = office.sitting(9, 9);
        CouncilRepository council(db);
        for (qint64 nominee : {n2[0], n1[0], n1[1], n1[2], n2[1]}) {
            const qint64 item = council.addItem(session, nominee);
            if (nominee == n1[2])
                council.recordTally(item, 2, 7, 0);
            else
                council.recordTally(item, 9, 0, 0);
        }
        council.close(session);
    }

    Decision draft(int registerNo, const QDate &date = QDate(2026, 1, 15))
    {
        Decision d;
        d.registerNo = registerNo;
        d.date = date;
        d.title = QStringLiteral("Về việc tặng Bằng khen");
        d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
        d.signerTitle = QStringLiteral("Chủ tịch");
        d.authority = QStringLiteral("KT");
        DecisionRepository(office.db).save(d);
        return d;
    }

    /// A decision of the sitting's passed nominees, issued.
    Decision issued(int registerNo)
    {
        DecisionRepository decisions(office.db);
        const Decision d = draft(registerNo);
        decisions.fillFromCouncil(d.id, session);
        // TTLDXS: who awards it is unconfirmed in the law notes, so issuing asks why.
        decisions.issue(d.id, QStringLiteral("Theo hướng dẫn của Sở Nội vụ"));
        return decisions.decision(d.id);
    }
};

QList<qint64> awardeeNominees(const QList<Awardee> &list)
{
    QList<qint64> out;
    for (const Awardee &a : list)
        out << a.nomineeId;
    return out;
}
} // namespace

TEST_CASE("fillFromCouncil_takesPassedNomineesInItemOrder_leavingOutFailedAndHigherLevelForms", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Scenario s(t.db());
        DecisionRepository decisions(t.db());
        const Decision d = s.draft(1);
        decisions.fillFromCouncil(d.id, s.session);
        QList<Awardee> list = decisions.awardees(d.id);
        CHECK(awardeeNominees(list) == QList<qint64>{s.n2[0], s.n1[0], s.n2[1]});
        REQUIRE(list.size() == 3);
        CHECK(list[0].recipient == QStringLiteral("collective"));
        CHECK(list[0].unitId == s.office.unit);
        CHECK(list[1].recipient == QStringLiteral("individual"));
        CHECK(list[1].name == QStringLiteral("Nguyễn Văn An"));
        CHECK(list[1].context.contains(QStringLiteral("Sở Khoa học và Công nghệ")));
        CHECK(decisions.decision(d.id).sessionId == s.session);

        // Filling again replaces the list; a nominee on another decision's list is left out.
        const Decision other = s.draft(2);
        decisions.fillFromCouncil(other.id, s.session);
        CHECK(decisions.awardees(other.id).isEmpty());
        decisions.fillFromCouncil(d.id, s.session);
        CHECK(decisions.awardees(d.id).size() == 3);

        // A national office decides national forms: Bình is then on the list, and the provincial
        // Bằng khen are not (a lower level awards them). Who awards TTLĐXS is unconfirmed, so it
        // stays, and issuing will ask why.
        PayData(t.db()).setSetting(QStringLiteral("office.level"), QStringLiteral("trung_uong"));
        decisions.fillFromCouncil(d.id, s.session);
        CHECK(awardeeNominees(decisions.awardees(d.id)) == QList<qint64>{s.n2[0], s.n1[1]});
    });
}

TEST_CASE("price_usesTheCoefficientInForceOnTheDecisionDate_andSumsTheTotal", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        // Giấy khen is the head of an agency's award: this office issues at that level.
        PayData(t.db()).setSetting(QStringLiteral("office.level"), QStringLiteral("co_so"));
        DecisionRepository decisions(t.db());
        Decision d;
        d.registerNo = 3;
        d.date = QDate(2025, 6, 30); // Giấy khen for a person: 0.15 until 30 June 2025, 0.3 from 1 July
        decisions.save(d);
        Awardee person;
        person.personId = office.person(QStringLiteral("Đặng Thị Lan"));
        person.formCode = QStringLiteral("GIAYKHEN");
        decisions.addAwardee(d.id, person);
        decisions.price(d.id);
        CHECK(decisions.awardees(d.id).first().coefficientMilli == 150);
        CHECK(decisions.awardees(d.id).first().amount == 360000); // 351,000 rounded up
        CHECK(decisions.decision(d.id).total == 360000);

        Awardee unit;
        unit.unitId = office.unit;
        unit.formCode = QStringLiteral("GIAYKHEN");
        decisions.addAwardee(d.id, unit);
        // No coefficient for a collective's Giấy khen before 1 July 2025: the error names who.
        const QString missing = errorOf([&] { decisions.price(d.id); });
        CHECK(missing.contains(QStringLiteral("Sở Khoa học và Công nghệ")));
        CHECK(missing.contains(QStringLiteral("30/06/2025")));
        // The draft's documents price as far as the rates go, with the same pricing: the person
        // as price() stored it, the collective without an amount, named.
        const DecisionRepository::Pricing partial = decisions.partialPricing(d.id);
        REQUIRE(partial.awardees.size() == 2);
        CHECK(partial.awardees[0].amount == 360000);
        CHECK(partial.awardees[1].amount == -1);
        CHECK(partial.unpriced == QStringList{QStringLiteral("Sở Khoa học và Công nghệ")});
        CHECK(partial.total == 360000);

        d = decisions.decision(d.id);
        d.date = QDate(2025, 7, 1);
        decisions.save(d);
        decisions.price(d.id);
        const QList<Awardee> list = decisions.awardees(d.id);
        REQUIRE(list.size() == 2);
        CHECK(list[0].recipient == QStringLiteral("individual"));
        CHECK(list[0].amount == 710000); // 0.3 × 2,340,000 = 702,000, rounded up
        CHECK(list[1].recipient == QStringLiteral("collective"));
        CHECK(list[1].amount == 1410000); // 0.6 × 2,340,000 = 1,404,000, rounded up
        d = decisions.decision(d.id);
        CHECK(d.baseSalary == 2340000);
        CHECK(d.total == 2120000);
        CHECK(d.awardeeCount == 2);
        const DecisionRepository::Pricing whole = decisions.partialPricing(d.id);
        CHECK(whole.unpriced.isEmpty());
        CHECK(whole.total == d.total);
        CHECK(whole.awardees[1].amount == list[1].amount);
    });
}

TEST_CASE("issue_writesOneLedgerRowPerAwardee_marksNomineesAwarded_andDecidesACompleteDossier", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Scenario s(db);
        DecisionRepository decisions(db);
        const Decision d = s.issued(17);
        CHECK(d.status == DecisionStatus::Issued);
        CHECK(d.number == QStringLiteral("17/QĐ-UBND"));
        CHECK(d.issuedAt.isValid());
        CHECK(d.total == 3 * 3510000); // TTLDXS collective 1.5 and twice BK_TINH individual 1.5

        Query q(db.sql(), QStringLiteral("SELECT a.person_id, a.unit_id, a.form_code, a.kind, a.year, a.decision_no, "
                                         "a.decision_date, a.authority, a.movement_id, a.id FROM awards a "
                                         "WHERE a.decision_id = :d ORDER BY a.id"));
        q.bind(QStringLiteral(":d"), d.id).exec();
        QList<qint64> ledger;
        while (q.next()) {
            ledger << q.id(9);
            CHECK(q.integer(4) == 2025); // the dossier's year, not the decision's
            CHECK(q.text(5) == QStringLiteral("17/QĐ-UBND"));
            CHECK(q.text(6) == QStringLiteral("2026-01-15"));
            CHECK(q.text(7) == QStringLiteral("UBND tỉnh"));
            CHECK(q.text(3) == QStringLiteral("cong_trang"));
        }
        CHECK(ledger.size() == 3);
        const QList<Awardee> list = decisions.awardees(d.id);
        for (int i = 0; i < list.size(); ++i)
            CHECK(list[i].awardId == ledger.value(i));
        // Every row carries its dossier's movement (both dossiers are of one movement).
        CHECK(s.office.count(QStringLiteral("SELECT count(*) FROM awards WHERE decision_id = :id AND movement_id = ")
                                 + QString::number(s.movement),
                             d.id)
              == 3);

        CHECK(s.office.outcome(s.n1[0]) == QStringLiteral("awarded"));
        CHECK(s.office.outcome(s.n2[0]) == QStringLiteral("awarded"));
        CHECK(s.office.outcome(s.n2[1]) == QStringLiteral("awarded"));
        CHECK(s.office.outcome(s.n1[1]).isEmpty()); // Bình is forwarded by the clerk, not here
        CHECK(s.office.count(QStringLiteral("SELECT count(*) FROM nominee_outcomes WHERE decision_id = :id"), d.id) == 3);

        CHECK(s.office.status(s.two) == QStringLiteral("decided"));
        CHECK(s.office.status(s.one) == QStringLiteral("before_council")); // Bình's outcome is still open
        Query e(db.sql(), QStringLiteral("SELECT transition, from_status, to_status, reason FROM dossier_events "
                                         "WHERE dossier_id = :d ORDER BY id DESC"));
        e.bind(QStringLiteral(":d"), s.two).exec();
        REQUIRE(e.next());
        CHECK(e.text(0) == QStringLiteral("decide"));
        CHECK(e.text(1) == QStringLiteral("before_council"));
        CHECK(e.text(2) == QStringLiteral("decided"));
        CHECK(e.text(3).contains(QStringLiteral("17/QĐ-UBND")));

        CHECK(decisions.naming(s.em, 0).size() == 1);
        CHECK(decisions.naming(0, s.office.unit).size() == 1);
        CHECK(decisions.naming(s.dung, 0).isEmpty());
    });
}

TEST_CASE("issuedDecision_itsAwardeesAndLedgerRows_refuseChangeBySqlAndInTheRepository", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Scenario s(db);
        DecisionRepository decisions(db);
        Decision d = s.issued(4);
        const QString id = QString::number(d.id);
        for (const QString &sql : {QStringLiteral("UPDATE decisions SET title = 'x' WHERE id = %1"),
                                   QStringLiteral("UPDATE decisions SET status = 'draft' WHERE id = %1"),
                                   QStringLiteral("DELETE FROM decisions WHERE id = %1"),
                                   QStringLiteral("UPDATE decision_awardees SET amount = 1 WHERE decision_id = %1"),
                                   QStringLiteral("DELETE FROM decision_awardees WHERE decision_id = %1"),
                                   QStringLiteral("UPDATE awards SET year = 2001 WHERE decision_id = %1"),
                                   QStringLiteral("DELETE FROM awards WHERE decision_id = %1")}) {
            INFO(sql.toStdString());
            CHECK(Test::sqlRefusal(db, sql.arg(id)).contains(kProtected));
        }
        CHECK(Test::sqlRefusal(db, QStringLiteral("INSERT INTO decision_awardees (decision_id, person_id, form_code, recipient) "
                                                  "VALUES (%1, %2, 'GIAYKHEN', 'individual')")
                                       .arg(id)
                                       .arg(s.dung))
                  .contains(kProtected));
        CHECK(s.office.count(QStringLiteral("SELECT count(*) FROM awards WHERE decision_id = :id"), d.id) == 3);
        CHECK(decisions.awardees(d.id).size() == 3);

        d = decisions.decision(d.id);
        d.title = QStringLiteral("Sửa");
        CHECK(errorOf([&] { decisions.save(d); }).contains(QStringLiteral("amending decision")));
        CHECK_FALSE(errorOf([&] { decisions.remove(d.id); }).isEmpty());
        CHECK_FALSE(errorOf([&] { decisions.fillFromCouncil(d.id, s.session); }).isEmpty());
        CHECK_FALSE(errorOf([&] { decisions.price(d.id); }).isEmpty());
        CHECK_FALSE(errorOf([&] { decisions.issue(d.id); }).isEmpty());
        Awardee extra;
        extra.personId = s.dung;
        extra.formCode = QStringLiteral("BK_TINH"); // a form the office awards: refused only for being issued
        CHECK_FALSE(errorOf([&] { decisions.addAwardee(d.id, extra); }).isEmpty());
        CHECK_FALSE(errorOf([&] { decisions.removeAwardee(decisions.awardees(d.id).first().id); }).isEmpty());
        CHECK(decisions.decision(d.id).title == QStringLiteral("Về việc tặng Bằng khen"));
    });
}

TEST_CASE("numberReuse_isAWarningForADraft_andIssuingIsRefusedWhileAnIssuedDecisionHoldsIt", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowOffice office(db);
        DecisionRepository decisions(db);
        const QString issuer = QStringLiteral("UBND tỉnh");
        CHECK(decisions.nextRegisterNo(issuer, 2026) == 1);
        CHECK(decisions.formatNumber(12) == QStringLiteral("12/QĐ-UBND"));

        Decision first;
        first.registerNo = 5;
        first.date = QDate(2026, 1, 10);
        first.signer = QStringLiteral("Nguyễn Văn Tỉnh");
        decisions.save(first);
        CHECK(first.issuer == issuer); // the office's default register
        CHECK(first.year == 2026);
        Awardee a;
        a.personId = office.person(QStringLiteral("Bùi Văn Khoa"));
        a.formCode = QStringLiteral("BK_TINH");
        decisions.addAwardee(first.id, a);

        Decision second = first;
        second.id = 0;
        decisions.save(second);
        decisions.addAwardee(second.id, a);
        // Two drafts on one number: a warning, nothing refused yet.
        QStringList inUse = decisions.numberInUse(issuer, 2026, 5, second.id);
        REQUIRE(inUse.size() == 1);
        CHECK(inUse.first().contains(QStringLiteral("draft")));
        CHECK(inUse.first().contains(QStringLiteral("5/QĐ-UBND")));
        CHECK(decisions.numberInUse(issuer, 2026, 6).isEmpty());
        CHECK(decisions.numberInUse(issuer, 2025, 5).isEmpty());
        CHECK(decisions.nextRegisterNo(issuer, 2026) == 6);

        decisions.issue(first.id);
        inUse = decisions.numberInUse(issuer, 2026, 5, second.id);
        REQUIRE(inUse.size() == 1);
        CHECK(inUse.first().contains(QStringLiteral("issued")));
        const QString refused = errorOf([&] { decisions.issue(second.id); });
        CHECK(refused.contains(QStringLiteral("held by decision 5/QĐ-UBND")));
        CHECK(refused.contains(QStringLiteral("issued on 10/01/2026")));
        CHECK(refused.endsWith(QStringLiteral("the next free number, 6."))); // not 5, nor a "6" of the year 2026
        CHECK(decisions.decision(second.id).status == DecisionStatus::Draft);
        CHECK(office.count(QStringLiteral("SELECT count(*) FROM awards WHERE decision_id = :id"), second.id) == 0);
        // The database's own unique index holds as well.
        CHECK_FALSE(
            Test::sqlRefusal(db, QStringLiteral("UPDATE decisions SET status = 'issued' WHERE id = %1").arg(second.id)).isEmpty());

        // Another number frees it; the issued number keeps its suffix setting of the day.
        second = decisions.decision(second.id);
        second.registerNo = decisions.nextRegisterNo(issuer, 2026);
        decisions.save(second);
        CHECK(second.number == QStringLiteral("6/QĐ-UBND"));
        decisions.issue(second.id);
        PayData(db).setSetting(QStringLiteral("decision.suffix"), QStringLiteral("QĐ-CT"));
        CHECK(decisions.formatNumber(12) == QStringLiteral("12/QĐ-CT"));
        CHECK(decisions.decision(first.id).number == QStringLiteral("5/QĐ-UBND"));
    });
}

TEST_CASE("save_validatesDateNumberAndAuthority_andIssueNeedsASignerAndAList", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        DecisionRepository decisions(t.db());
        Decision d;
        d.registerNo = 1;
        CHECK(errorOf([&] { decisions.save(d); }).contains(QStringLiteral("date")));
        d.date = QDate(2026, 2, 1);
        d.registerNo = 0;
        CHECK(errorOf([&] { decisions.save(d); }).contains(QStringLiteral("number")));
        d.registerNo = 1;
        d.authority = QStringLiteral("XX");
        CHECK(errorOf([&] { decisions.save(d); }).contains(QStringLiteral("authority")));
        d.authority = QStringLiteral("TM");
        d.amendsId = 999999;
        CHECK(errorOf([&] { decisions.save(d); }).contains(QStringLiteral("issued decision")));
        d.amendsId = 0;
        decisions.save(d);
        CHECK(decisions.list().size() == 1);

        CHECK(errorOf([&] { decisions.issue(d.id); }).contains(QStringLiteral("signs")));
        d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
        decisions.save(d);
        CHECK(errorOf([&] { decisions.issue(d.id); }).contains(QStringLiteral("nobody")));

        Awardee wrong;
        wrong.personId = office.person(QStringLiteral("Cao Văn Long"));
        wrong.formCode = QStringLiteral("TTLDXS"); // a collective title
        CHECK(errorOf([&] { decisions.addAwardee(d.id, wrong); }).contains(QStringLiteral("collectives only")));
        CHECK(decisions.awardees(d.id).isEmpty());

        // A draft can be removed, with its list.
        wrong.formCode = QStringLiteral("BK_TINH");
        decisions.addAwardee(d.id, wrong);
        decisions.remove(d.id);
        CHECK(decisions.list().isEmpty());
        CHECK(office.count(QStringLiteral("SELECT count(*) FROM decision_awardees")) == 0);
    });
}

TEST_CASE("list_isNewestFirst_withTheNumberOfAwardees", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        DecisionRepository decisions(t.db());
        const qint64 person = office.person(QStringLiteral("Mai Thị Ngọc"));
        Decision older;
        older.registerNo = 1;
        older.date = QDate(2026, 1, 5);
        decisions.save(older);
        Decision newer;
        newer.registerNo = 2;
        newer.date = QDate(2026, 3, 5);
        decisions.save(newer);
        Awardee a;
        a.personId = person;
        a.formCode = QStringLiteral("BK_TINH");
        decisions.addAwardee(newer.id, a);
        const QList<Decision> list = decisions.list();
        REQUIRE(list.size() == 2);
        CHECK(list[0].id == newer.id);
        CHECK(list[0].awardeeCount == 1);
        CHECK(list[1].awardeeCount == 0);
        CHECK(decisions.idForKey(newer.key) == newer.id);
        CHECK(decisions.naming(person, 0).size() == 1);
    });
}

TEST_CASE("onlyALeaderOrAnAdministratorIssues_theSecretaryDrafts", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Scenario s(db); // built with no session and no accounts: everything is allowed then
        DecisionRepository decisions(db);
        // Permissions read the session's role (accounts_test covers logging in).
        auto as = [&](const char *role) { db.setSession({1, QString::fromLatin1(role), QString::fromLatin1(role), s.office.unit}); };

        as("council_secretary");
        Decision d;
        d.registerNo = 9;
        d.date = QDate(2026, 1, 20);
        d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
        decisions.save(d);
        decisions.fillFromCouncil(d.id, s.session);
        decisions.price(d.id);
        CHECK_THROWS_AS(decisions.issue(d.id), PermissionError);
        as("clerk");
        CHECK_THROWS_AS(decisions.issue(d.id), PermissionError);
        CHECK_THROWS_AS(decisions.save(d), PermissionError);
        as("appraiser");
        CHECK_THROWS_AS(decisions.issue(d.id), PermissionError);
        as("leader");
        CHECK_THROWS_AS(decisions.price(d.id), PermissionError);               // drafting is not the leader's
        decisions.issue(d.id, QStringLiteral("Theo hướng dẫn của Sở Nội vụ")); // TTLĐXS: authority unconfirmed
        CHECK(decisions.decision(d.id).status == DecisionStatus::Issued);
        CHECK(decisions.decision(d.id).issuedBy == QStringLiteral("leader"));
        CHECK(s.office.status(s.two) == QStringLiteral("decided"));
        const QString actor = Query(db.sql(), QStringLiteral("SELECT actor FROM dossier_events WHERE dossier_id = :d AND "
                                                             "transition = 'decide'"))
                                  .bind(QStringLiteral(":d"), s.two)
                                  .scalar()
                                  .toString();
        CHECK(actor == QStringLiteral("leader"));
        db.setSession({});
    });
}

TEST_CASE("amendingDecision_isIssuedLikeAnyOther_andPointsToTheDecisionItCorrects", "[workflow][decisions]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Scenario s(db);
        DecisionRepository decisions(db);
        const Decision original = s.issued(20);

        // A draft cannot be amended.
        Decision draftOnly = s.draft(21);
        Decision wrong = s.draft(22);
        wrong.amendsId = draftOnly.id;
        CHECK(errorOf([&] { decisions.save(wrong); }).contains(QStringLiteral("issued decision")));

        Decision amending = s.draft(23);
        amending.amendsId = original.id;
        amending.title = QStringLiteral("Về việc đính chính Quyết định số 20/QĐ-UBND");
        decisions.save(amending);
        // An's nominee is on the amended decision's list: the correction may name it again.
        Awardee corrected;
        corrected.nomineeId = s.n1[0];
        corrected.formCode = QStringLiteral("CSTD_TINH");
        decisions.addAwardee(amending.id, corrected);
        Awardee direct;
        direct.personId = s.dung;
        direct.formCode = QStringLiteral("BK_TINH");
        decisions.addAwardee(amending.id, direct);
        // A nominee of another decision that is not the amended one stays out.
        Awardee other;
        other.nomineeId = s.n2[1];
        CHECK(errorOf([&] { decisions.addAwardee(draftOnly.id, other); }).contains(QStringLiteral("20/QĐ-UBND")));

        decisions.issue(amending.id);
        const Decision issued = decisions.decision(amending.id);
        CHECK(issued.status == DecisionStatus::Issued);
        CHECK(issued.amendsId == original.id);
        CHECK(s.office.count(QStringLiteral("SELECT count(*) FROM awards WHERE decision_id = :id"), amending.id) == 2);
        // The direct awardee's ledger row takes the decision's year; the nominee's its dossier's.
        CHECK(s.office.count(QStringLiteral("SELECT year FROM awards WHERE decision_id = :id AND person_id = ")
                                 + QString::number(s.dung),
                             amending.id)
              == 2026);
        CHECK(
            s.office.count(QStringLiteral("SELECT year FROM awards WHERE decision_id = :id AND person_id = ") + QString::number(s.an),
                           amending.id)
            == 2025);
        // The original stands as issued; An's outcome still names it.
        CHECK(s.office.count(QStringLiteral("SELECT count(*) FROM awards WHERE decision_id = :id"), original.id) == 3);
        CHECK(s.office.count(QStringLiteral("SELECT decision_id FROM nominee_outcomes WHERE nominee_id = :id"), s.n1[0])
              == original.id);
    });
}
