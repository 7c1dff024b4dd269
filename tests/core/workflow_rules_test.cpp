// Issue 13, items 1 and 2: a decision says what its dossiers say, and the listed rules are
// applied where they are listed (submission, ended units, forms a movement offers, sittings).
#include "core/council/councilrepository.h"
#include "core/db/query.h"
#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"
#include "workflow_council_support.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using VinhDanh::Test::errorOf;

namespace {
qint64 movementOf(Database &db, const QString &key)
{
    return Query(db.sql(), QStringLiteral("SELECT id FROM movements WHERE ext_key = :k"))
        .bind(QStringLiteral(":k"), key)
        .scalar(0)
        .toLongLong();
}

Decision draft(Database &db)
{
    Decision d;
    d.registerNo = 40;
    d.date = QDate(2026, 1, 15);
    d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
    d.signerTitle = QStringLiteral("Chủ tịch");
    DecisionRepository(db).save(d);
    return d;
}

/// A closed sitting of a movement that passed every item put before it.
qint64 passAll(Test::WorkflowOffice &office, const QList<qint64> &nominees, qint64 movementId, bool confirmRegular = false)
{
    CouncilRepository council(office.db);
    Sitting s = council.session(office.sitting(5, 5));
    s.movementId = movementId;
    council.save(s);
    for (qint64 n : nominees)
        council.recordTally(council.addItem(s.id, n, confirmRegular), 5, 0, 0);
    council.close(s.id);
    return s.id;
}
} // namespace

TEST_CASE("fillFromCouncil_takesOnlyThePickedDossiers_andTheDecisionCitesTheirTrackNotTheSittingsMovement",
          "[workflow][decisions][issue13]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        const qint64 movement = movementOf(t.db(), QStringLiteral("catalogue-002"));
        const qint64 an = office.person(QStringLiteral("Nguyễn Văn An")), binh = office.person(QStringLiteral("Trần Thị Bình"));
        QList<qint64> regular, inMovement;
        const qint64 regularDossier = office.dossier(2025, {{an, 0, QStringLiteral("BK_TINH")}}, &regular);
        const qint64 movementDossier = office.dossier(2025, {{binh, 0, QStringLiteral("BK_TINH")}}, &inMovement,
                                                      QStringLiteral("appraised"), movement);
        const qint64 sitting = passAll(office, {regular.first(), inMovement.first()}, movement, true);

        DecisionRepository decisions(t.db());
        const Decision d = draft(t.db());
        // Both are offered; together they would make one decision cite two bases: refused.
        CHECK(decisions.offeredDossiers(d.id, sitting).size() == 2);
        CHECK(errorOf([&] { decisions.fillFromCouncil(d.id, sitting); }).contains(QStringLiteral("differ")));
        CHECK(decisions.awardees(d.id).isEmpty());

        decisions.fillFromCouncil(d.id, sitting, {regularDossier});
        const QList<Awardee> list = decisions.awardees(d.id);
        REQUIRE(list.size() == 1);
        CHECK(list.first().personId == an); // not Bình, the other dossier's Bằng khen nominee
        const DecisionBasis basis = decisions.basis(d.id);
        CHECK(basis.movementId == 0); // the dossier's regular track, not the sitting's movement
        CHECK(basis.year == 2025);
        CHECK(decisions.decision(d.id).movementId == 0);

        decisions.fillFromCouncil(d.id, sitting, {movementDossier});
        CHECK(decisions.basis(d.id).movementId == movement);
        CHECK(decisions.decision(d.id).movementId == movement);
    });
}

TEST_CASE("addAwardee_refusesAFormTheIssuerMayNotAward_andIssueAsksAReasonWhereTheAuthorityIsUnconfirmed",
          "[workflow][decisions][issue13]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        const qint64 an = office.person(QStringLiteral("Nguyễn Văn An"));
        DecisionRepository decisions(t.db());
        const Decision d = draft(t.db()); // a provincial office: the provincial Chairman signs
        for (const QString &form : {QStringLiteral("GIAYKHEN"), QStringLiteral("CSTDCS"), QStringLiteral("BK_TTG")}) {
            Awardee a;
            a.personId = an;
            a.formCode = form;
            CHECK_FALSE(errorOf([&] { decisions.addAwardee(d.id, a); }).isEmpty());
        }
        CHECK(decisions.awardees(d.id).isEmpty());
        CHECK(errorOf([&] {
                  Awardee a;
                  a.personId = an;
                  a.formCode = QStringLiteral("GIAYKHEN");
                  decisions.addAwardee(d.id, a);
              }).contains(QStringLiteral("Chairman of the commune")));

        // Tập thể lao động xuất sắc: the law notes did not retrieve who awards it.
        Awardee unit;
        unit.unitId = office.unit;
        unit.formCode = QStringLiteral("TTLDXS");
        decisions.addAwardee(d.id, unit);
        CHECK(decisions.authorityWarnings(d.id).size() == 1);
        const QString refused = errorOf([&] { decisions.issue(d.id); });
        CHECK(refused.contains(QStringLiteral("give the reason")));
        CHECK(decisions.decision(d.id).status == DecisionStatus::Draft);
        decisions.issue(d.id, QStringLiteral("Văn bản hướng dẫn của Sở Nội vụ số 12/HD-SNV"));
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT note FROM awards WHERE decision_id = :d"))
                  .bind(QStringLiteral(":d"), d.id)
                  .scalar()
                  .toString()
                  .contains(QStringLiteral("12/HD-SNV")));
    });
}

TEST_CASE("submit_withRequiredDocumentsMissing_needsAReason_keptInTheHistory", "[workflow][flow][issue13]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const qint64 d = f.newDossier(2025).id;
        f.addPerson(d, f.eligiblePerson(2025));
        const QString refused = errorOf([&] { repo.transition(d, Transition::Submit); });
        CHECK(refused.contains(QStringLiteral("missing")));
        CHECK(repo.dossier(d).status == Status::Draft);
        repo.transition(d, Transition::Submit, QStringLiteral("Bản giấy gửi qua văn thư ngày 05/01"));
        CHECK(repo.dossier(d).status == Status::Submitted);
        CHECK(repo.history(d).last().reason == QStringLiteral("Bản giấy gửi qua văn thư ngày 05/01"));
    });
}

TEST_CASE("save_refusesADossierOfAUnitThatEndedBeforeItsYear_namingTheSuccessor", "[workflow][dossier][issue13]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        UnitRepository units(t.db());
        Unit successor;
        successor.name = QStringLiteral("Sở Khoa học và Công nghệ");
        successor.kind = QStringLiteral("provincial_agency");
        const qint64 successorId = units.save(successor);
        Unit ended;
        ended.name = QStringLiteral("Sở Thông tin và Truyền thông");
        ended.kind = QStringLiteral("provincial_agency");
        ended.validTo = QDate(2025, 6, 30);
        ended.succeededById = successorId;
        const qint64 endedId = units.save(ended);
        const int before = f.count(QStringLiteral("dossiers"));
        const QString refused = errorOf([&] { f.newDossier(2026, 0, QStringLiteral("annual"), endedId); });
        CHECK(refused.contains(QStringLiteral("Sở Khoa học và Công nghệ")));
        CHECK(refused.contains(QStringLiteral("30/06/2025")));
        CHECK(f.count(QStringLiteral("dossiers")) == before);
        // Its last year it still proposes.
        CHECK(f.newDossier(2025, 0, QStringLiteral("annual"), endedId).id > 0);
    });
}

TEST_CASE("saveNominee_refusesAFormTheMovementDoesNotOfferAtTheOccasion_unlessAReasonIsGiven", "[workflow][dossier][issue13]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        // catalogue-002 offers Bằng khen tỉnh and Giấy khen at its sơ kết in 2027.
        const Dossier d = f.newDossier(2027, f.movement(), QStringLiteral("so_ket"));
        Nominee n;
        n.dossierId = d.id;
        n.personId = f.eligiblePerson(2027);
        n.formCode = QStringLiteral("CSTD_TOANQUOC");
        n.proceedReason.clear();
        const QString refused = errorOf([&] { repo.saveNominee(n); });
        CHECK(refused.contains(QStringLiteral("does not offer")));
        CHECK(f.count(QStringLiteral("dossier_nominees")) == 0);
        n.proceedReason = QStringLiteral("Thành tích xuất sắc được Bộ đề nghị xét");
        const qint64 id = repo.saveNominee(n);
        CHECK(repo.nominee(id).warnings.filter(QStringLiteral("does not offer")).size() == 1);
    });
}

TEST_CASE("aMovementsSitting_takesARegularTrackDossierOnlyWithAConfirmation_andIsOfferedForIt", "[workflow][council][issue13]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        const qint64 movement = movementOf(t.db(), QStringLiteral("catalogue-002"));
        QList<qint64> nominees;
        const qint64 dossier = office.dossier(2025, {{office.person(QStringLiteral("Nguyễn Văn An")), 0, QStringLiteral("BK_TINH")}},
                                              &nominees);
        CouncilRepository council(t.db());
        Sitting s = council.session(office.sitting(5, 5));
        s.movementId = movement;
        council.save(s);

        const QList<CouncilRepository::Offer> offers = council.sittingsFor(dossier);
        REQUIRE(offers.size() == 1);
        CHECK(offers.first().needsConfirmation);
        CHECK(errorOf([&] { council.addDossier(s.id, dossier); }).contains(QStringLiteral("regular track")));
        CHECK(errorOf([&] { council.addItem(s.id, nominees.first()); }).contains(QStringLiteral("regular track")));
        CHECK(council.items(s.id).isEmpty());
        council.addDossier(s.id, dossier, true);
        CHECK(council.items(s.id).size() == 1);
    });
}

TEST_CASE("putToCouncil_withNoSittingForItsTrack_opensOneWithTheLastMembers_andPutsTheDossierBeforeIt", "[workflow][council][issue13]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowOffice office(t.db());
        const qint64 dossier = office.dossier(2025, {{office.person(QStringLiteral("Nguyễn Văn An")), 0, QStringLiteral("BK_TINH")}});
        CouncilRepository council(t.db());
        // No sitting was ever recorded: whom to seat is unknown, and nothing is written.
        CHECK(errorOf([&] { council.openSittingFor(dossier, QDate(2026, 1, 15)); }).contains(QStringLiteral("first sitting")));
        CHECK(council.sessions().isEmpty());

        // The last sitting belongs to a movement: the regular-track dossier gets its own.
        Sitting movementSitting = council.session(office.sitting(5, 3));
        movementSitting.movementId = movementOf(t.db(), QStringLiteral("catalogue-002"));
        council.save(movementSitting);
        const qint64 id = council.openSittingFor(dossier, QDate(2026, 1, 15));
        const Sitting opened = council.session(id);
        CHECK(opened.movementId == 0);
        CHECK(opened.year == 2025);
        CHECK(opened.heldOn == QDate(2026, 1, 15));
        CHECK(opened.status == SittingStatus::Open);
        REQUIRE(opened.members.size() == 5);
        CHECK(std::all_of(opened.members.begin(), opened.members.end(), [](const CouncilMember &m) { return m.attended; }));
        CHECK(council.items(id).size() == 1);
        CHECK(council.items(movementSitting.id).isEmpty());
        CHECK(office.status(dossier) == QStringLiteral("before_council"));
    });
}
