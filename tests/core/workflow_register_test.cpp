// Numbers a person can say (issue 16, schema version 14): dossiers and council sittings get a
// register number per year when they are created, a deleted draft's number is never given
// again, an older database gains numbers in creation order, and what a clerk types —
// "HS 2/2025", "2/2025", "173/QĐ-UBND" — finds the record.
#include "core/council/councilrepository.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/decisions/decisionrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "core/store/migrations.h"
#include "core/store/selfcheck.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Workflow;
using Registers::Book;
using Test::errorOf;

namespace {
Sitting sitting(int year, const QDate &heldOn)
{
    Sitting s;
    s.title = QStringLiteral("Phiên họp xét khen thưởng năm %1").arg(year);
    s.heldOn = heldOn;
    s.year = year;
    s.members = {{0, 0, QStringLiteral("Lê Văn Chủ"), QStringLiteral("Chủ tịch Hội đồng"), true}};
    return s;
}

Decision decisionOf(Database &db, int registerNo, const QDate &date)
{
    Decision d;
    d.registerNo = registerNo;
    d.year = date.year();
    d.date = date;
    d.title = QStringLiteral("Về việc tặng Bằng khen");
    d.signer = QStringLiteral("Nguyễn Văn Tỉnh");
    d.signerTitle = QStringLiteral("Chủ tịch");
    DecisionRepository(db).save(d);
    return d;
}
} // namespace

TEST_CASE("registerNumbers_areGivenInOrderPerYear_andStartAgainAtOneNextYear", "[workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const Dossier a = f.newDossier(2025), b = f.newDossier(2025), c = f.newDossier(2026), d = f.newDossier(2025);
        CHECK(a.registerYear == 2025);
        CHECK(a.registerSeq == 1);
        CHECK(b.registerSeq == 2);
        CHECK(c.registerYear == 2026);
        CHECK(c.registerSeq == 1);
        CHECK(d.registerSeq == 3);
        CHECK(Registers::text(b) == QStringLiteral("Dossier 2/2025")); // "HS 2/2025" in Vietnamese
        // Listed and opened with their numbers, as saved.
        CHECK(f.dossiers().dossier(c.id).registerSeq == 1);

        CouncilRepository council(t.db());
        Sitting s1 = sitting(2025, QDate(2025, 12, 10)), s2 = sitting(2025, QDate(2025, 12, 20)),
                s3 = sitting(2026, QDate(2026, 6, 1));
        council.save(s1);
        council.save(s2);
        council.save(s3);
        CHECK(Registers::text(council.session(s1.id)) == QStringLiteral("Sitting 1/2025"));
        CHECK(Registers::text(council.session(s2.id)) == QStringLiteral("Sitting 2/2025"));
        CHECK(Registers::text(council.session(s3.id)) == QStringLiteral("Sitting 1/2026"));
        // Editing a sitting keeps its number.
        Sitting edit = council.session(s2.id);
        edit.place = QStringLiteral("Phòng họp B");
        council.save(edit);
        CHECK(council.session(s2.id).registerSeq == 2);
    });
}

TEST_CASE("deletedDraftsNumber_isNeverGivenToAnotherDossier", "[workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        f.newDossier(2025);
        const Dossier second = f.newDossier(2025);
        f.dossiers().remove(second.id); // papers or the audit log may still name "HS 2/2025"
        CHECK(f.newDossier(2025).registerSeq == 3);
        CHECK(f.dossiers().idForKey(QStringLiteral("HS 2/2025")) == 0);
    });
}

TEST_CASE("refusedDossier_spendsNoNumber_andLeavesTheRegisterAsItWas", "[workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        f.newDossier(2025);
        Dossier bad;
        bad.unitId = f.unit;
        bad.year = 2025; // no title: refused
        CHECK_FALSE(errorOf([&] { f.dossiers().save(bad); }).isEmpty());
        CHECK(f.count(QStringLiteral("dossiers")) == 1);
        CHECK(f.newDossier(2025).registerSeq == 2);
    });
}

TEST_CASE("registerNumberAsTyped_findsTheDossierOrSitting_inEveryFormAClerkWrites", "[workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        f.newDossier(2025);
        const Dossier second = f.newDossier(2025);
        f.newDossier(2026);
        const DossierRepository repo = f.dossiers();
        for (const char *typed :
             {"HS 2/2025", "hs2/2025", " HS  2 / 2025 ", "2/2025", "Hồ sơ 2/2025", "Dossier 2/2025", "HỒ SƠ 2/2025"})
            CHECK(repo.idForKey(QString::fromUtf8(typed)) == second.id);
        CHECK(repo.idForKey(second.key) == second.id); // the internal key still works for scripts
        CHECK(repo.idForKey(QStringLiteral("HS 9/2025")) == 0);
        CHECK(repo.idForKey(QStringLiteral("HS 2/2024")) == 0);
        CHECK(repo.idForKey(QStringLiteral("Phiên 2/2025")) == 0); // a sitting's number is not a dossier's
        CHECK(repo.idForKey(QStringLiteral("2025")) == 0);

        CouncilRepository council(t.db());
        Sitting s = sitting(2026, QDate(2026, 1, 10));
        council.save(s);
        for (const char *typed : {"Phiên 1/2026", "phien 1/2026", "Phiên họp 1/2026", "Sitting 1/2026", "1/2026"})
            CHECK(council.idForKey(QString::fromUtf8(typed)) == s.id);
        CHECK(council.idForKey(QStringLiteral("HS 1/2026")) == 0);
    });
}

TEST_CASE("decisionNumberAsTyped_findsTheDecision_andARecurringNumberNeedsItsYear", "[workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const Decision old = decisionOf(t.db(), 173, QDate(2025, 3, 2));
        const Decision now = decisionOf(t.db(), 173, QDate(2026, 1, 24));
        const Decision other = decisionOf(t.db(), 12, QDate(2026, 2, 1));
        REQUIRE(now.number == QStringLiteral("173/QĐ-UBND"));
        DecisionRepository repo(t.db());
        CHECK(repo.idForKey(QStringLiteral("12/QĐ-UBND")) == other.id);
        CHECK(repo.idForKey(QStringLiteral("12/qd-ubnd")) == other.id); // typed without Vietnamese keys
        CHECK(repo.idForKey(QStringLiteral("173/QĐ-UBND 2026")) == now.id);
        CHECK(repo.idForKey(QStringLiteral("173/QD-UBND/2025")) == old.id);
        CHECK(repo.idForKey(QStringLiteral("173/QĐ-UBND (2025)")) == old.id);
        CHECK(repo.idForKey(now.key) == now.id);
        CHECK(repo.idForKey(QStringLiteral("174/QĐ-UBND")) == 0);
        CHECK(repo.idForKey(QStringLiteral("173/QĐ-UBND 2024")) == 0);
        // Both candidates are named, with their dates, and the way to pick one.
        const QString ambiguous = errorOf([&] { repo.idForKey(QStringLiteral("173/QĐ-UBND")); });
        CHECK(ambiguous.contains(QStringLiteral("173/QĐ-UBND of 02/03/2025 (draft)")));
        CHECK(ambiguous.contains(QStringLiteral("173/QĐ-UBND of 24/01/2026 (draft)")));
        CHECK(ambiguous.contains(QStringLiteral("Add the year")));
    });
}

TEST_CASE("fileNames_areTheNumbersInAscii_safeOnEverySystem", "[workflow][register]")
{
    CHECK(Registers::decisionFileStem(QStringLiteral("173/QĐ-UBND"), QDate(2026, 1, 24))
          == QStringLiteral("QD-173-QD-UBND-24-01-2026"));
    CHECK(Registers::decisionFileStem(QStringLiteral("05/2026/QĐ-UBND"), QDate(2026, 3, 5))
          == QStringLiteral("QD-05-2026-QD-UBND-05-03-2026"));
    CHECK(Registers::fileStem(Book::Dossier, 2025, 12) == QStringLiteral("HS-12-2025"));
    CHECK(Registers::fileStem(Book::Sitting, 2026, 3) == QStringLiteral("Phien-3-2026"));
    CHECK(Registers::fileStem(Book::Dossier, 0, 0).isEmpty());
    // Nothing Windows refuses (\ / : * ? " < > |), no diacritics, no space at the ends.
    const QString part = Registers::fileNamePart(QStringLiteral(" Số 7/QĐ:TĐKT*Đồng? \"Ý\" <a>|b\\c "));
    CHECK(part == QStringLiteral("So-7-QD-TDKT-Dong-Y-a-b-c"));
}

TEST_CASE("databaseOfVersion13_gainsRegisterNumbersInCreationOrder_andGoesOnFromThem", "[migrations][register]")
{
    for (Backend backend : Test::TestDatabase::backends()) {
        DYNAMIC_SECTION(Test::TestDatabase::backendName(backend).toStdString())
        {
            Test::TestDatabase t(backend);
            {
                Database old(t.settings(), Database::NoMigrate{});
                Migrations::migrate(old, 13);
                Query::run(old.sql(), QStringLiteral("INSERT INTO units (ext_key, name, kind, search_key) "
                                                     "VALUES ('U1', 'Sở Nội vụ', 'provincial_agency', 'so noi vu')"));
                // Rows written out of creation order: the later-created one has the lower id.
                for (const char *row : {"'dossier-b', 2025, 'Thứ hai', '2025-12-05T08:00:00.000Z', 'submitted'",
                                        "'dossier-a', 2025, 'Thứ nhất', '2025-12-01T08:00:00.000Z', 'draft'",
                                        "'dossier-c', 2026, 'Năm sau', '2026-01-02T08:00:00.000Z', 'draft'"})
                    Query::run(old.sql(), QStringLiteral("INSERT INTO dossiers (ext_key, year, title, created_at, status, unit_id, "
                                                         "occasion) VALUES (%1, (SELECT id FROM units WHERE ext_key = 'U1'), "
                                                         "'annual')")
                                              .arg(QString::fromUtf8(row)));
                // A closed sitting: its guard refuses updates, yet it gets its number.
                Query::run(old.sql(), QStringLiteral("INSERT INTO council_sessions (ext_key, title, held_on, year, quorum_num, "
                                                     "quorum_den, status) VALUES ('council-old', 'Phiên năm 2025', '2025-12-12', "
                                                     "2025, 2, 3, 'closed')"));
            }
            Database &db = t.open();
            CHECK(db.schemaVersion() == Migrations::latestVersion());
            CHECK(SelfCheck::problems(db, false).isEmpty()); // guards and audit triggers as expected
            DossierRepository dossiers(db);
            CHECK(dossiers.idForKey(QStringLiteral("HS 1/2025")) == dossiers.idForKey(QStringLiteral("dossier-a")));
            CHECK(dossiers.idForKey(QStringLiteral("HS 2/2025")) == dossiers.idForKey(QStringLiteral("dossier-b")));
            CHECK(dossiers.idForKey(QStringLiteral("HS 1/2026")) == dossiers.idForKey(QStringLiteral("dossier-c")));
            CouncilRepository council(db);
            CHECK(council.idForKey(QStringLiteral("Phiên 1/2025")) == council.idForKey(QStringLiteral("council-old")));
            CHECK(council.session(council.idForKey(QStringLiteral("council-old"))).status == SittingStatus::Closed);

            // New records go on from the numbers the old ones took.
            Test::WorkflowFixture f(db);
            CHECK(f.newDossier(2025).registerSeq == 3);
            CHECK(f.newDossier(2026).registerSeq == 2);
            Sitting s = sitting(2025, QDate(2025, 12, 30));
            council.save(s);
            CHECK(s.registerSeq == 2);
        }
    }
}

TEST_CASE("twoDossiersWithOneNumber_areRefusedByTheDatabaseItself", "[workflow][register]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        f.newDossier(2025);
        const Dossier second = f.newDossier(2025);
        CHECK_FALSE(errorOf([&] {
                        Query::run(t.db().sql(), QStringLiteral("UPDATE dossiers SET register_seq = 1 WHERE id = %1").arg(second.id));
                    }).isEmpty());
        CHECK(f.dossiers().dossier(second.id).registerSeq == 2);
    });
}

TEST_CASE("clerksCreatingDossiersAtOnce_getEveryNumberOnce_withoutGaps", "[workflow][register][concurrency]")
{
    // Two app instances on one SQLite file, or clerks on one server: the counter row's lock
    // (PostgreSQL) or the single writer (SQLite) queues them; none fails, none shares a number.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const ConnectionSettings settings = t.settings();
        constexpr int kClerks = 4;
        constexpr int kEach = 5;
        std::atomic<int> failures{0};
        std::vector<std::thread> clerks;
        for (int c = 0; c < kClerks; ++c) {
            clerks.emplace_back([&, c] {
                try {
                    Database db(settings, Database::Mode::OpenExisting);
                    for (int i = 0; i < kEach; ++i) {
                        Dossier d;
                        d.unitId = f.unit;
                        d.year = 2025;
                        d.title = QStringLiteral("Đề nghị %1-%2").arg(c).arg(i);
                        DossierRepository(db).save(d);
                    }
                } catch (const Error &) {
                    ++failures;
                }
            });
        }
        for (std::thread &c : clerks)
            c.join();
        CHECK(failures == 0);
        Query q(t.db().sql(), QStringLiteral("SELECT count(*), count(DISTINCT register_seq), min(register_seq), max(register_seq) "
                                             "FROM dossiers WHERE register_year = 2025"));
        q.exec();
        REQUIRE(q.next());
        CHECK(q.integer(0) == kClerks * kEach);
        CHECK(q.integer(1) == kClerks * kEach);
        CHECK(q.integer(2) == 1);
        CHECK(q.integer(3) == kClerks * kEach);
    });
}

TEST_CASE("lockedDossier_refusesAChangedRegisterNumberOrKey_evenWrittenAroundTheProgram", "[workflow][register][guards]")
{
    // The repository never writes the number after creation and refuses any edit of a
    // submitted dossier (DossierRepository::save → requireEditable); the database's own guard
    // (WorkflowSchema::guards, schema step 16) refuses it from any other writer too: the
    // number is on the papers already sent.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        for (const Status status : {Status::Submitted, Status::BeforeCouncil, Status::Decided}) {
            const qint64 id = f.dossierIn(status);
            const Dossier before = f.dossiers().dossier(id);
            for (const QString &set : {QStringLiteral("register_seq = register_seq + 100"),
                                       QStringLiteral("register_year = register_year + 1"), QStringLiteral("ext_key = 'HS-moi'")}) {
                INFO(set.toStdString());
                const QString error = errorOf(
                    [&] { Query::run(t.db().sql(), QStringLiteral("UPDATE dossiers SET %1 WHERE id = %2").arg(set).arg(id)); });
                INFO(error.toStdString());
                CHECK(error.contains(QStringLiteral("protected"))); // the guard's words, not a constraint's
            }
            const Dossier after = f.dossiers().dossier(id);
            CHECK(after.registerSeq == before.registerSeq);
            CHECK(after.registerYear == before.registerYear);
            CHECK(after.key == before.key);
        }
        // A draft's number stays free for the program's own corrections (none today): the
        // guard only holds once the dossier has left the office.
        const Dossier draft = f.newDossier(2025);
        CHECK(errorOf([&] {
                  Query::run(t.db().sql(), QStringLiteral("UPDATE dossiers SET register_seq = 900 WHERE id = %1").arg(draft.id));
              }).isEmpty());
    });
}
