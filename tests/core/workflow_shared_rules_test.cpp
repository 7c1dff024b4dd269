// Rules the GUI and the CLI both take from core: the header a new or amending decision starts
// from (DecisionRepository::draftDefaults) and "a ticked standard needs evidence"
// (checklistProblems, enforced by DossierRepository::saveNominee), and the signing authorities
// (Codes::Authority).
#include "core/council/councilrepository.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "support/testdatabase.h"
#include "workflow_council_support.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using VinhDanh::Test::errorOf;

namespace {
int decisionCount(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM decisions")).scalar(0).toInt();
}

Decision saved(Database &db, const QString &issuer, int registerNo, const QDate &date, const QString &signer)
{
    Decision d;
    d.issuer = issuer;
    d.registerNo = registerNo;
    d.date = date;
    d.title = QStringLiteral("Về việc tặng Giấy khen");
    d.signer = signer;
    d.signerTitle = QStringLiteral("Phó Chủ tịch");
    d.authority = QStringLiteral("KT");
    DecisionRepository(db).save(d);
    return d;
}
} // namespace

TEST_CASE("draftDefaults_newDecision_officeIssuerNextNumberAndTheRegistersLatestSigner_nothingStored", "[workflow][decision]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        PayData(db).setSetting(QStringLiteral("decision.issuer"), QStringLiteral("UBND tỉnh"));
        DecisionRepository decisions(db);

        // An empty register: the office's issuer, number 1, nobody to sign yet.
        Decision d = decisions.draftDefaults(QDate(2026, 3, 2));
        CHECK(d.id == 0);
        CHECK(d.issuer == QStringLiteral("UBND tỉnh"));
        CHECK(d.date == QDate(2026, 3, 2));
        CHECK(d.year == 2026);
        CHECK(d.registerNo == 1);
        CHECK(d.number == decisions.formatNumber(1));
        CHECK(d.signer.isEmpty());
        CHECK(d.status == DecisionStatus::Draft);
        CHECK(d.amendsId == 0);

        // The latest decision of the register signs the next one; another register's does not.
        saved(db, QStringLiteral("UBND tỉnh"), 7, QDate(2026, 1, 10), QStringLiteral("Lê Văn Cũ"));
        saved(db, QStringLiteral("UBND tỉnh"), 8, QDate(2026, 2, 20), QStringLiteral("Trần Thị Mới"));
        saved(db, QStringLiteral("Sở Nội vụ"), 30, QDate(2026, 2, 25), QStringLiteral("Phạm Văn Sở"));
        const int stored = decisionCount(db);
        d = decisions.draftDefaults(QDate(2026, 3, 2));
        CHECK(d.registerNo == 9);
        CHECK(d.signer == QStringLiteral("Trần Thị Mới"));
        CHECK(d.signerTitle == QStringLiteral("Phó Chủ tịch"));
        CHECK(d.authority == QStringLiteral("KT"));
        CHECK(d.title.isEmpty()); // a new decision's subject is the clerk's to write

        // A register and a year given replace the office's.
        d = decisions.draftDefaults(QDate(2026, 3, 2), 0, QStringLiteral("Sở Nội vụ"));
        CHECK(d.issuer == QStringLiteral("Sở Nội vụ"));
        CHECK(d.registerNo == 31);
        CHECK(d.signer == QStringLiteral("Phạm Văn Sở"));
        d = decisions.draftDefaults(QDate(2026, 3, 2), 0, {}, 2025);
        CHECK(d.year == 2025);
        CHECK(d.registerNo == 1);
        CHECK(decisionCount(db) == stored);
    });
}

TEST_CASE("draftDefaults_amendingDecision_takesTheIssuedOnesHeader_refusedForADraft", "[workflow][decision]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Test::WorkflowOffice office(db);
        DecisionRepository decisions(db);
        CouncilRepository council(db);
        QList<qint64> nominees;
        office.dossier(2025, {{office.person(QStringLiteral("Nguyễn Văn An")), 0, QStringLiteral("BK_TINH")}}, &nominees,
                       QStringLiteral("before_council"));
        const qint64 session = office.sitting(5, 5);
        council.recordTally(council.addItem(session, nominees.first()), 5, 0, 0);
        council.close(session);
        const Decision draft = saved(db, {}, 12, QDate(2026, 1, 15), QStringLiteral("Nguyễn Văn Tỉnh"));
        decisions.fillFromCouncil(draft.id, session);
        const int stored = decisionCount(db);
        CHECK(errorOf([&] { decisions.draftDefaults(QDate(2026, 2, 1), draft.id); })
              == DecisionMachine::refusal(DecisionStatus::Draft, DecisionAction::Amend));

        decisions.issue(draft.id);
        const Decision old = decisions.decision(draft.id);
        const Decision d = decisions.draftDefaults(QDate(2026, 2, 1), old.id);
        CHECK(d.amendsId == old.id);
        CHECK(d.issuer == old.issuer);
        CHECK(d.title == old.title);
        CHECK(d.signer == old.signer);
        CHECK(d.signerTitle == old.signerTitle);
        CHECK(d.authority == old.authority);
        CHECK(d.sessionId == session);
        CHECK(d.movementId == old.movementId);
        CHECK(d.date == QDate(2026, 2, 1));
        CHECK(d.registerNo == 13); // a number of its own: the amended one keeps 12
        CHECK(decisionCount(db) == stored);
    });
}

TEST_CASE("tickedStandardWithoutEvidence_isRefusedOnSave_nomineeUnchanged", "[workflow][nominee]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        DossierRepository repo = f.dossiers();
        const Dossier d = f.newDossier(2025, f.movement());
        const qint64 id = f.addPerson(d.id, f.eligiblePerson(2025), QStringLiteral("GIAYKHEN"));
        const Nominee before = repo.nominee(id);
        REQUIRE(before.checklist.size() == 1);
        CHECK(checklistProblems(before.checklist).isEmpty()); // unticked needs no note

        for (const QString &note : {QString(), QStringLiteral("   ")}) {
            Nominee n = before;
            n.checklist[0].confirmed = true;
            n.checklist[0].evidence = note;
            n.summary = QStringLiteral("Hoàn thành xuất sắc nhiệm vụ");
            const QStringList problems = checklistProblems(n.checklist);
            REQUIRE(problems.size() == 1);
            CHECK(problems.first().contains(before.checklist[0].text));
            CHECK(errorOf([&] { repo.saveNominee(n); }) == problems.first());
            const Nominee after = repo.nominee(id);
            CHECK_FALSE(after.checklist[0].confirmed);
            CHECK(after.summary == before.summary);
            CHECK(after.version == before.version);
        }

        Nominee n = before;
        n.checklist[0].confirmed = true;
        n.checklist[0].evidence = QStringLiteral("Biên bản bình xét số 12/BB");
        CHECK(checklistProblems(n.checklist).isEmpty());
        repo.saveNominee(n);
        CHECK(repo.nominee(id).checklist[0].confirmed);
        CHECK(repo.nominee(id).checklist[0].evidence == QStringLiteral("Biên bản bình xét số 12/BB"));
    });
}

// The signing authorities are one vocabulary (Codes::Authority): the decision page's and the
// letterhead's choices, the CLI's --authority, the stored codes and the printed prefix.
TEST_CASE("signingAuthorities_oneVocabulary_codesPrefixesChoices_andTheDecisionRefusesAnyOther", "[workflow][decision][codes]")
{
    using Codes::Authority;
    CHECK(Codes::authorities() == QList<Authority>{Authority::Own, Authority::OnBehalf, Authority::Deputy, Authority::Acting});
    const QStringList codes{QStringLiteral(""), QStringLiteral("TM"), QStringLiteral("KT"), QStringLiteral("Q")};
    const QStringList prefixes{QString(), QStringLiteral("TM."), QStringLiteral("KT."), QStringLiteral("Q.")};
    for (int i = 0; i < codes.size(); ++i) {
        const Authority a = Codes::authorities().at(i);
        CHECK(Codes::authorityCode(a) == codes.at(i));
        CHECK(Codes::authorityFromCode(codes.at(i)) == a);
        CHECK(Codes::authorityPrefix(a) == prefixes.at(i));
        CHECK(Codes::authorityPrefix(codes.at(i)) == prefixes.at(i));
        CHECK_FALSE(Codes::authorityLabel(a).isEmpty());
        CHECK_FALSE(Codes::authorityToolTip(a).isEmpty());
    }
    CHECK_FALSE(Codes::authorityCode(Authority::Own).isNull()); // the column is NOT NULL: "" is not NULL
    for (const char *other : {"X", "tm", "TM.", " KT"})
        CHECK_FALSE(Codes::authorityFromCode(QLatin1String(other)).has_value());
    const QList<CodeLabel> choices = Codes::authorityList(); // "none" is the drop-down's own first choice
    REQUIRE(choices.size() == 3);
    for (int i = 0; i < choices.size(); ++i) {
        CHECK(choices.at(i).code == codes.at(i + 1));
        CHECK(choices.at(i).label.startsWith(prefixes.at(i + 1))); // the clerk reads the printed prefix first
    }

    Test::forEachBackend([&](Test::TestDatabase &t) {
        Database &db = t.db();
        DecisionRepository decisions(db);
        int number = 1;
        for (const QString &code : codes) {
            Decision d = saved(db, QStringLiteral("UBND tỉnh"), number++, QDate(2026, 3, 2), QStringLiteral("Lê Văn Ký"));
            d.authority = code;
            decisions.save(d);
            CHECK(decisions.decision(d.id).authority == code);
        }
        Decision d;
        d.issuer = QStringLiteral("UBND tỉnh");
        d.registerNo = number;
        d.date = QDate(2026, 3, 2);
        d.authority = QStringLiteral("PT");
        const int stored = decisionCount(db);
        CHECK(errorOf([&] { decisions.save(d); }).contains(QStringLiteral("\"PT\"")));
        CHECK(decisionCount(db) == stored);
    });
}
