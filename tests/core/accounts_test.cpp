#include "core/accounts/accountrepository.h"
#include "core/accounts/permissions.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/repo/movementrepository.h"
#include "core/repo/personrepository.h"
#include "core/repo/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

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
        const Account first = accounts.create(QStringLiteral("quantri"), QStringLiteral("Quản trị"),
                                              QStringLiteral("clerk"), 0, kPassword);
        CHECK(first.role == QStringLiteral("admin"));
        CHECK(Permissions::accountsEnabled(db));
        // Nobody logged in on this connection: writes are refused until login.
        CHECK_THROWS_AS(makeUnit(db, QStringLiteral("Sở Tư pháp")), PermissionError);
        CHECK_THROWS_AS(accounts.create(QStringLiteral("b"), {}, QStringLiteral("leader"), 0, kPassword), PermissionError);
        accounts.login(QStringLiteral("quantri"), kPassword);
        CHECK(db.session().role == QStringLiteral("admin"));
        makeUnit(db, QStringLiteral("Sở Tư pháp"));
        // Password never stored in clear.
        CHECK(Query(db.sql(), QStringLiteral("SELECT count(*) FROM accounts WHERE password_hash LIKE '%mat-khau%'"))
                  .scalar(0)
                  .toInt()
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
        CHECK(errorOf([&] { accounts.login(QStringLiteral("thamdinh"), QStringLiteral("wrong-password")); })
                  .contains(QStringLiteral("not correct")));
    CHECK(errorOf([&] { accounts.login(QStringLiteral("thamdinh"), QStringLiteral("wrong-password")); })
              .contains(QStringLiteral("locked")));
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
        for (const auto &[name, unit] : {std::pair{QStringLiteral("Lê Văn Cường"), office.id},
                                         std::pair{QStringLiteral("Phạm Thị Dung"), other.id}}) {
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

        CHECK(errorOf([&] { accounts.setRole(QStringLiteral("thamdinh"), QStringLiteral("clerk"), 0); })
                  .contains(QStringLiteral("unit")));
        accounts.setRole(QStringLiteral("thamdinh"), QStringLiteral("clerk"), agency.id);
        CHECK(accounts.find(QStringLiteral("thamdinh"))->role == QStringLiteral("clerk"));
        CHECK(accounts.find(QStringLiteral("thamdinh"))->unitId == agency.id);
        CHECK(errorOf([&] { accounts.setRole(QStringLiteral("quantri"), QStringLiteral("leader"), 0); })
                  .contains(QStringLiteral("last administrator")));
        CHECK(accounts.find(QStringLiteral("quantri"))->role == QStringLiteral("admin"));

        accounts.login(QStringLiteral("thamdinh"), kPassword);
        CHECK_THROWS_AS(accounts.setRole(QStringLiteral("quantri"), QStringLiteral("leader"), 0), PermissionError);
    });
}
