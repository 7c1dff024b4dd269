#include "core/accounts/accountrepository.h"
#include "core/accounts/permissions.h"
#include "core/auditlog/auditlog.h"
#include "core/db/query.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "eligibility_support.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSemaphore>

#include <atomic>
#include <thread>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using Permissions::Action;
using VinhDanh::Test::errorOf;

namespace {
const QString kPassword = QStringLiteral("mat-khau-dai");

Unit makeUnit(Database &db, const QString &name, qint64 parent = 0)
{
    Unit u;
    u.name = name;
    u.kind = parent ? QStringLiteral("department") : QStringLiteral("provincial_agency");
    u.parentId = parent;
    UnitRepository(db).save(u);
    return u;
}
} // namespace

TEST_CASE("roleMatrix_allowsAndRefusesEachAction", "[accounts]")
{
    struct Row
    {
        Action action;
        QStringList allowed;
    };
    const QList<Row> rows = {
        {Action::ViewRegistry, Permissions::roles()},
        {Action::EditRegistry, {QStringLiteral("clerk"), QStringLiteral("appraiser"), QStringLiteral("admin")}},
        {Action::EditMovements, {QStringLiteral("appraiser"), QStringLiteral("council_secretary"), QStringLiteral("admin")}},
        {Action::ImportData, {QStringLiteral("appraiser"), QStringLiteral("admin")}},
        {Action::ExportData,
         {QStringLiteral("appraiser"), QStringLiteral("council_secretary"), QStringLiteral("leader"), QStringLiteral("admin")}},
        {Action::GenerateDemo, {QStringLiteral("admin")}},
        {Action::ManageAccounts, {QStringLiteral("admin")}},
        {Action::ViewAudit, {QStringLiteral("leader"), QStringLiteral("admin")}},
        {Action::EditDossiers, {QStringLiteral("clerk"), QStringLiteral("appraiser"), QStringLiteral("admin")}},
        {Action::AppraiseDossiers, {QStringLiteral("appraiser"), QStringLiteral("admin")}},
        {Action::RunCouncil, {QStringLiteral("council_secretary"), QStringLiteral("admin")}},
        {Action::DraftDecisions, {QStringLiteral("appraiser"), QStringLiteral("council_secretary"), QStringLiteral("admin")}},
        {Action::SignDecisions, {QStringLiteral("leader"), QStringLiteral("admin")}},
        {Action::EditPayData, {QStringLiteral("appraiser"), QStringLiteral("admin")}},
        {Action::EditLetterhead, {QStringLiteral("appraiser"), QStringLiteral("council_secretary"), QStringLiteral("admin")}},
        {Action::ManageRuleSets, {QStringLiteral("admin")}},
        {Action::ExportPersonalData, {QStringLiteral("admin")}},
    };
    for (const Row &row : rows)
        for (const QString &role : Permissions::roles()) {
            INFO(role.toStdString() << " " << Permissions::actionName(row.action).toStdString());
            CHECK(Permissions::can(role, row.action) == row.allowed.contains(role));
        }
    CHECK_FALSE(Permissions::can(QStringLiteral("guest"), Action::ViewRegistry));
}

TEST_CASE("passwordHash_isArgon2id_andVerifiesOnlyTheRightPassword", "[accounts]")
{
    const QString hash = AccountRepository::hashPassword(QStringLiteral("Mật khẩu 123"));
    CHECK(hash.startsWith(QStringLiteral("$argon2id$")));
    CHECK(AccountRepository::verifyPassword(hash, QStringLiteral("Mật khẩu 123")));
    CHECK_FALSE(AccountRepository::verifyPassword(hash, QStringLiteral("mật khẩu 123")));
    CHECK(AccountRepository::hashPassword(QStringLiteral("Mật khẩu 123")) != hash); // salted
}

TEST_CASE("firstAccountBecomesAdmin_andThenTheDatabaseRequiresLogin", "[accounts]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        CHECK_FALSE(Permissions::accountsEnabled(db));
        makeUnit(db, QStringLiteral("Sở Nội vụ")); // no accounts: anyone may write
        AccountRepository accounts(db);
        const Account first = accounts.create(QStringLiteral("quantri"), QStringLiteral("Quản trị"), QStringLiteral("clerk"), 0,
                                              kPassword);
        CHECK(first.role == QStringLiteral("admin"));
        CHECK(Permissions::accountsEnabled(db));
        // Nobody logged in on this connection: writes are refused until login.
        CHECK_THROWS_AS(makeUnit(db, QStringLiteral("Sở Tư pháp")), PermissionError);
        CHECK_THROWS_AS(accounts.create(QStringLiteral("b"), {}, QStringLiteral("leader"), 0, kPassword), PermissionError);
        accounts.login(QStringLiteral("quantri"), kPassword);
        CHECK(db.session().role == QStringLiteral("admin"));
        makeUnit(db, QStringLiteral("Sở Tư pháp"));
        // Password never stored in clear.
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM accounts WHERE password_hash LIKE '%mat-khau%'")).scalar(0).toInt()
              == 0);
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE new_values LIKE '%argon2%'")).scalar(0).toInt()
              == 0);
    });
}

TEST_CASE("wrongPasswords_lockTheAccount_andAResetUnlocksIt", "[accounts]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    AccountRepository accounts(db);
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
    accounts.login(QStringLiteral("quantri"), kPassword);
    accounts.create(QStringLiteral("thamdinh"), {}, QStringLiteral("appraiser"), 0, kPassword);
    accounts.logout();

    CHECK(errorOf([&] { accounts.login(QStringLiteral("nobody"), kPassword); }).contains(QStringLiteral("not correct")));
    for (int i = 1; i < AccountRepository::kMaxFailedAttempts; ++i)
        CHECK(errorOf([&] {
                  accounts.login(QStringLiteral("thamdinh"), QStringLiteral("wrong-password"));
              }).contains(QStringLiteral("not correct")));
    CHECK(errorOf([&] {
              accounts.login(QStringLiteral("thamdinh"), QStringLiteral("wrong-password"));
          }).contains(QStringLiteral("locked")));
    // Locked: even the right password is refused, for kLockMinutes.
    CHECK(errorOf([&] { accounts.login(QStringLiteral("thamdinh"), kPassword); }).contains(QStringLiteral("locked")));
    CHECK_FALSE(db.session().loggedIn());

    accounts.login(QStringLiteral("quantri"), kPassword);
    accounts.resetPassword(QStringLiteral("thamdinh"), QStringLiteral("mat-khau-moi"));
    accounts.logout();
    CHECK(accounts.login(QStringLiteral("thamdinh"), QStringLiteral("mat-khau-moi")).role == QStringLiteral("appraiser"));

    // The lock ends by itself once its time has passed.
    accounts.logout();
    for (int i = 0; i < AccountRepository::kMaxFailedAttempts; ++i)
        errorOf([&] { accounts.login(QStringLiteral("thamdinh"), QStringLiteral("wrong-password")); });
    Query::run(db.sql(), QStringLiteral("UPDATE accounts SET locked_until = '2000-01-01T00:00:00.000Z' WHERE username = 'thamdinh'"));
    CHECK(errorOf([&] { accounts.login(QStringLiteral("thamdinh"), QStringLiteral("mat-khau-moi")); }).isEmpty());
}

TEST_CASE("fortyParallelWrongPasswords_eachConnectionItsOwn_lockTheAccount", "[accounts][concurrency]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        AccountRepository accounts(t.db());
        accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
        accounts.login(QStringLiteral("quantri"), kPassword);
        accounts.create(QStringLiteral("thamdinh"), {}, QStringLiteral("appraiser"), 0, kPassword);
        accounts.logout();

        // 40 clients, each with its own connection, try a wrong password at once. Each attempt
        // that got past the lock check must count (one UPDATE each, never a lost increment), so
        // the account ends locked. An attempt that read the account after a faster one locked it
        // is refused as locked without counting: on a busy machine (2 cores, 40 argon2 checks)
        // some do, so the count is of the attempts that were counted, not of all 40.
        constexpr int kClients = 40;
        QSemaphore opened, go;
        std::atomic<int> openFailures{0}, counted{0}, alreadyLocked{0};
        std::vector<std::thread> clients;
        for (int i = 0; i < kClients; ++i)
            clients.emplace_back([&] {
                std::unique_ptr<Database> db;
                try {
                    db = std::make_unique<Database>(t.settings(), Database::Mode::OpenExisting);
                } catch (const Error &) {
                    ++openFailures;
                }
                opened.release();
                go.acquire();
                if (!db)
                    return;
                const QString message = errorOf(
                    [&] { AccountRepository(*db).login(QStringLiteral("thamdinh"), QStringLiteral("wrong-password")); });
                if (message.contains(QStringLiteral("not correct")) || message.contains(QStringLiteral("is now locked")))
                    ++counted;
                else if (message.contains(QStringLiteral("is locked until")))
                    ++alreadyLocked;
            });
        opened.acquire(kClients);
        go.release(kClients);
        for (std::thread &c : clients)
            c.join();
        REQUIRE(openFailures == 0);
        CHECK(counted + alreadyLocked == kClients); // every attempt refused, in words
        CHECK(counted >= AccountRepository::kMaxFailedAttempts);
        const Account after = *accounts.find(QStringLiteral("thamdinh"));
        CHECK(after.lockedUntil > QDateTime::currentDateTimeUtc());
        CHECK(errorOf([&] { accounts.login(QStringLiteral("thamdinh"), kPassword); }).contains(QStringLiteral("locked")));
        // Every counted attempt left its trace in the audit log (one update each): none was lost.
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'accounts' AND "
                                                 "action = 'update' AND record_key = 'thamdinh'"))
                  .scalar(0)
                  .toInt()
              >= counted);
    });
}

TEST_CASE("unknownUsername_costsOneArgon2Verification_likeAWrongPassword", "[accounts]")
{
    Test::TestDatabase t;
    AccountRepository accounts(t.open());
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
    errorOf([&] { accounts.login(QStringLiteral("nobody"), kPassword); }); // the dummy hash is made once, here

    quint64 before = AccountRepository::passwordVerifications();
    CHECK(errorOf([&] {
              accounts.login(QStringLiteral("quantri"), QStringLiteral("wrong-password"));
          }).contains(QStringLiteral("not correct")));
    CHECK(AccountRepository::passwordVerifications() == before + 1);

    before = AccountRepository::passwordVerifications();
    QElapsedTimer clock;
    clock.start();
    const QString unknown = errorOf([&] { accounts.login(QStringLiteral("nobody"), kPassword); });
    const qint64 unknownMs = clock.elapsed();
    CHECK(unknown == errorOf([&] { accounts.login(QStringLiteral("quantri"), QStringLiteral("wrong-password")); }));
    // The same single verification as a real account: not zero (timing would tell that the
    // name is unknown) and not a fresh hash plus a verification (twice the cost).
    CHECK(AccountRepository::passwordVerifications() == before + 2);
    // And it is a real argon2 check against an interactive-cost hash: far above a table lookup.
    const QString dummyLike = AccountRepository::hashPassword(QStringLiteral("x"));
    clock.restart();
    AccountRepository::verifyPassword(dummyLike, kPassword);
    const qint64 verifyMs = clock.elapsed();
    CHECK(unknownMs * 3 >= verifyMs);
}

TEST_CASE("disabledAccount_cannotLogIn_andTheLastAdminCannotBeDisabled", "[accounts]")
{
    Test::TestDatabase t;
    Database &db = t.open();
    AccountRepository accounts(db);
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
    accounts.login(QStringLiteral("quantri"), kPassword);
    accounts.create(QStringLiteral("lanhdao"), {}, QStringLiteral("leader"), 0, kPassword);
    CHECK(errorOf([&] { accounts.setDisabled(QStringLiteral("quantri"), true); }).contains(QStringLiteral("last administrator")));
    accounts.setDisabled(QStringLiteral("lanhdao"), true);
    accounts.logout();
    CHECK(errorOf([&] { accounts.login(QStringLiteral("lanhdao"), kPassword); }).contains(QStringLiteral("disabled")));
    CHECK(accounts.list().size() == 2);
}

TEST_CASE("clerk_editsOnlyUnitsAndPeopleOfTheirSubtree", "[accounts]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Unit province = makeUnit(db, QStringLiteral("UBND tỉnh"));
        const Unit agency = makeUnit(db, QStringLiteral("Sở Y tế"));
        const Unit office = makeUnit(db, QStringLiteral("Văn phòng Sở Y tế"), agency.id);
        const Unit other = makeUnit(db, QStringLiteral("Sở Tài chính"));
        AccountRepository accounts(db);
        accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
        accounts.login(QStringLiteral("quantri"), kPassword);
        accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), agency.id, kPassword);
        accounts.login(QStringLiteral("vanthu"), kPassword);

        Person p;
        p.fullName = QStringLiteral("Lê Văn Cường");
        p.category = QStringLiteral("cong_chuc");
        p.unitId = office.id;
        PersonRepository(db).save(p); // inside the subtree
        p.unitId = other.id;
        CHECK_THROWS_AS(PersonRepository(db).save(p), PermissionError); // moving out of it
        Person outside;
        outside.fullName = QStringLiteral("Phạm Thị Dung");
        outside.category = QStringLiteral("cong_chuc");
        outside.unitId = other.id;
        CHECK(errorOf([&] { PersonRepository(db).save(outside); }).contains(QStringLiteral("Sở Y tế")));

        Unit sub = *UnitRepository(db).get(office.id);
        sub.name = QStringLiteral("Văn phòng Sở");
        UnitRepository(db).save(sub);
        Unit foreign = *UnitRepository(db).get(other.id);
        foreign.name = QStringLiteral("Sở Tài chính tỉnh");
        CHECK_THROWS_AS(UnitRepository(db).save(foreign), PermissionError);
        CHECK_THROWS_AS(UnitRepository(db).remove(province.id), PermissionError);
        CHECK_THROWS_AS(makeUnit(db, QStringLiteral("Sở mới")), PermissionError); // top level: not theirs
        // Not a clerk's business at all: movements.
        CHECK_THROWS_AS(MovementRepository(db).remove(1), PermissionError);
    });
}

TEST_CASE("clerk_seesOnlyUnitsAndPeopleOfTheirSubtree_othersSeeAll", "[accounts]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Unit agency = makeUnit(db, QStringLiteral("Sở Y tế"));
        const Unit office = makeUnit(db, QStringLiteral("Văn phòng Sở Y tế"), agency.id);
        const Unit other = makeUnit(db, QStringLiteral("Sở Tài chính"));
        for (const auto &[name, unit] :
             {std::pair{QStringLiteral("Lê Văn Cường"), office.id}, std::pair{QStringLiteral("Phạm Thị Dung"), other.id}}) {
            Person p;
            p.fullName = name;
            p.category = QStringLiteral("cong_chuc");
            p.unitId = unit;
            PersonRepository(db).save(p);
        }
        AccountRepository accounts(db);
        accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
        accounts.login(QStringLiteral("quantri"), kPassword);
        accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), agency.id, kPassword);
        CHECK(UnitRepository(db).count() == 3);
        CHECK(PersonRepository(db).count() == 2);

        accounts.login(QStringLiteral("vanthu"), kPassword);
        CHECK(UnitRepository(db).count() == 2);
        QStringList units;
        for (const UnitRow &r : UnitRepository(db).page({}, UnitRepository::Sort::Name, true, 0, 10))
            units << r.name;
        CHECK(units == QStringList{QStringLiteral("Sở Y tế"), QStringLiteral("Văn phòng Sở Y tế")});
        const QList<PersonRow> people = PersonRepository(db).page({}, PersonRepository::Sort::Name, true, 0, 10);
        REQUIRE(people.size() == 1);
        CHECK(people.first().fullName == QStringLiteral("Lê Văn Cường"));
        CHECK(PersonRepository(db).count(QStringLiteral("dung")) == 0);
    });
}

TEST_CASE("administratorChangesARole_theLastAdministratorKeepsTheirs", "[accounts]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Unit agency = makeUnit(db, QStringLiteral("Sở Y tế"));
        AccountRepository accounts(db);
        accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
        accounts.login(QStringLiteral("quantri"), kPassword);
        accounts.create(QStringLiteral("thamdinh"), {}, QStringLiteral("appraiser"), 0, kPassword);

        CHECK(errorOf([&] {
                  accounts.setRole(QStringLiteral("thamdinh"), QStringLiteral("clerk"), 0);
              }).contains(QStringLiteral("unit")));
        accounts.setRole(QStringLiteral("thamdinh"), QStringLiteral("clerk"), agency.id);
        CHECK(accounts.find(QStringLiteral("thamdinh"))->role == QStringLiteral("clerk"));
        CHECK(accounts.find(QStringLiteral("thamdinh"))->unitId == agency.id);
        CHECK(errorOf([&] {
                  accounts.setRole(QStringLiteral("quantri"), QStringLiteral("leader"), 0);
              }).contains(QStringLiteral("last administrator")));
        CHECK(accounts.find(QStringLiteral("quantri"))->role == QStringLiteral("admin"));

        accounts.login(QStringLiteral("thamdinh"), kPassword);
        CHECK_THROWS_AS(accounts.setRole(QStringLiteral("quantri"), QStringLiteral("leader"), 0), PermissionError);
    });
}

namespace {
/// A rule set in force from 2026 with one LDTT rule: enough to replace the built-in one.
const QByteArray kRuleSet2026 = Test::minimalRuleSet(2026);

/// An administrator "quantri" and a clerk "vanthu" of one unit; nobody logged in afterwards.
void adminAndClerk(Database &db)
{
    const Unit agency = makeUnit(db, QStringLiteral("Sở Y tế"));
    AccountRepository accounts(db);
    accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
    accounts.login(QStringLiteral("quantri"), kPassword);
    accounts.create(QStringLiteral("vanthu"), {}, QStringLiteral("clerk"), agency.id, kPassword);
    accounts.logout();
}

int countOf(Database &db, const QString &sql)
{
    return Query(db.sql(), sql).scalar(0).toInt();
}
} // namespace

TEST_CASE("ruleSetImport_isForAdministratorsOnly_andAuditedWithTheFilesSha256", "[accounts][rules]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        adminAndClerk(db);
        const QString path = t.dir() + QStringLiteral("/rules-2026.json");
        {
            QFile f(path);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(kRuleSet2026);
        }
        Eligibility::Service service(db);
        AccountRepository accounts(db);

        // A clerk changing the law is refused, and nothing changes: same sets, no row, no audit.
        accounts.login(QStringLiteral("vanthu"), kPassword);
        const int auditBefore = countOf(db, QStringLiteral("SELECT count(*) FROM audit_log"));
        const QString refused = errorOf([&] { service.importRuleSet(path); });
        CHECK(refused.contains(QStringLiteral("vanthu")));
        CHECK(refused.contains(Permissions::actionName(Action::ManageRuleSets)));
        CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM rule_sets")) == 0);
        CHECK(service.ruleSetInForce(QDate(2026, 6, 1)).id != QStringLiteral("test-2026"));
        CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM audit_log")) == auditBefore);

        // The administrator's import is in force from its date and its audit row says who and
        // which file, by the SHA-256 of its bytes.
        accounts.login(QStringLiteral("quantri"), kPassword);
        service.importRuleSet(path);
        CHECK(service.ruleSetInForce(QDate(2026, 6, 1)).id == QStringLiteral("test-2026"));
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(kRuleSet2026, QCryptographicHash::Sha256).toHex());
        Query audit(db.sql(),
                    QStringLiteral("SELECT actor, new_values FROM audit_log WHERE table_name = 'rule_sets' AND action = 'insert'"));
        audit.exec();
        REQUIRE(audit.next());
        CHECK(audit.text(0) == QStringLiteral("quantri"));
        const QJsonObject row = QJsonDocument::fromJson(audit.text(1).toUtf8()).object();
        CHECK(row.value(QStringLiteral("source_sha256")).toString() == sha);
        CHECK(row.value(QStringLiteral("imported_by")).toString() == QStringLiteral("quantri"));
        CHECK(row.value(QStringLiteral("set_id")).toString() == QStringLiteral("test-2026"));
        const QList<Eligibility::ImportedRuleSet> imported = service.importedRuleSets();
        REQUIRE(imported.size() == 1);
        CHECK(imported.first().sha256 == sha);

        // Retiring: the clerk may not; the administrator's retirement puts the built-in set
        // back in force, and the audit log records the update.
        accounts.login(QStringLiteral("vanthu"), kPassword);
        CHECK_THROWS_AS(service.retireRuleSet(QStringLiteral("test-2026"), 1), PermissionError);
        CHECK(service.ruleSetInForce(QDate(2026, 6, 1)).id == QStringLiteral("test-2026"));
        accounts.login(QStringLiteral("quantri"), kPassword);
        service.retireRuleSet(QStringLiteral("test-2026"), 1);
        CHECK(service.ruleSetInForce(QDate(2026, 6, 1)).id != QStringLiteral("test-2026"));
        CHECK(service.ruleSets().size() == 3); // still listed
        CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'rule_sets' AND action = 'update' "
                                         "AND actor = 'quantri' AND new_values LIKE '%retired_at%'"))
              == 1);
        CHECK(errorOf([&] { service.retireRuleSet(QStringLiteral("test-2026"), 1); }).contains(QStringLiteral("already retired")));
        const Eligibility::RuleSetInfo builtIn = service.ruleSets().first();
        CHECK(errorOf([&] { service.retireRuleSet(builtIn.id, builtIn.version); }).contains(QStringLiteral("built into")));
    });
}

TEST_CASE("auditExport_masksCccdAndBirthDates_unlessAnAdministratorAsks_andIsRecorded", "[accounts][audit]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const Unit unit = makeUnit(db, QStringLiteral("Sở Y tế"));
        Person p;
        p.fullName = QStringLiteral("Lê Văn Cường");
        p.category = QStringLiteral("cong_chuc");
        p.unitId = unit.id;
        p.cccd = QStringLiteral("001085012345");
        p.birthDate = QDate(1985, 3, 14);
        PersonRepository(db).save(p);
        p.cccd = QStringLiteral("001085099999"); // a corrected CCCD: an update with both values
        PersonRepository(db).save(p);
        AccountRepository accounts(db);
        accounts.create(QStringLiteral("quantri"), {}, QStringLiteral("admin"), 0, kPassword);
        accounts.login(QStringLiteral("quantri"), kPassword);
        accounts.create(QStringLiteral("lanhdao"), {}, QStringLiteral("leader"), 0, kPassword);

        const QRegularExpression cccd(QStringLiteral("\\d{12}"));
        const QRegularExpression birth(QStringLiteral("1985-03-14|14/03/1985"));
        accounts.login(QStringLiteral("lanhdao"), kPassword);
        AuditLog log(db);
        for (const QString &format : {QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("text")}) {
            INFO(format.toStdString());
            const QString out = QString::fromUtf8(log.exportEntries({}, format));
            CHECK(out.contains(QStringLiteral("Lê Văn Cường"))); // the rest is there
            CHECK_FALSE(out.contains(cccd));
            CHECK_FALSE(out.contains(birth));
        }
        // The CSV still says the CCCD changed, without saying to what.
        const QString csv = QString::fromUtf8(log.exportEntries({}, QStringLiteral("csv")));
        CHECK(csv.contains(QStringLiteral("cccd: *** → ***")));
        // A leader may read the audit log but not unmask it; the refusal exports nothing.
        const int exportsBefore = countOf(db, QStringLiteral("SELECT count(*) FROM audit_exports"));
        CHECK_THROWS_AS(log.exportEntries({}, QStringLiteral("csv"), true), PermissionError);
        CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM audit_exports")) == exportsBefore);
        CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM audit_exports WHERE actor = 'lanhdao' AND unmasked = 0")) == 4);

        // The administrator's unmasked export has the data and is itself in the audit log.
        accounts.login(QStringLiteral("quantri"), kPassword);
        const QString unmasked = QString::fromUtf8(log.exportEntries({}, QStringLiteral("json"), true));
        CHECK(unmasked.contains(QStringLiteral("001085099999")));
        CHECK(unmasked.contains(QStringLiteral("1985-03-14")));
        Query rec(db.sql(), QStringLiteral("SELECT new_values FROM audit_log WHERE table_name = 'audit_exports' AND action = 'insert' "
                                           "AND actor = 'quantri'"));
        rec.exec();
        REQUIRE(rec.next());
        const QJsonObject row = QJsonDocument::fromJson(rec.text(0).toUtf8()).object();
        CHECK(row.value(QStringLiteral("unmasked")).toInt() == 1);
        CHECK(row.value(QStringLiteral("format")).toString() == QStringLiteral("json"));
        CHECK(row.value(QStringLiteral("row_count")).toInt() > 0);
    });
}
