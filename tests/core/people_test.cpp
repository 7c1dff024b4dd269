#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using VinhDanh::Test::errorOf;

namespace {
qint64 addUnit(Database &db, const QString &name = QStringLiteral("Sở Nội vụ"))
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

Person makePerson(const QString &name, qint64 unitId, const QString &cccd = {})
{
    Person p;
    p.fullName = name;
    p.unitId = unitId;
    p.category = QStringLiteral("cong_chuc");
    p.cccd = cccd;
    return p;
}

QStringList names(const QList<PersonRow> &rows)
{
    QStringList out;
    for (const PersonRow &r : rows)
        out << r.fullName;
    return out;
}
} // namespace

TEST_CASE("searchIgnoresCaseAndDiacritics_nguyenVanAFindsNguyenVanA", "[people]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = addUnit(t.db());
        PersonRepository repo(t.db());
        for (const QString &name : {QStringLiteral("Nguyễn Văn A"), QStringLiteral("Trần Thị B"), QStringLiteral("Nguyễn Văn Ánh")}) {
            Person p = makePerson(name, unit);
            repo.save(p);
        }
        CHECK(names(repo.page(QStringLiteral("nguyen van a"), PersonRepository::Sort::Name, true, 0, 10))
              == QStringList{QStringLiteral("Nguyễn Văn A"), QStringLiteral("Nguyễn Văn Ánh")});
        CHECK(repo.count(QStringLiteral("TRẦN thi")) == 1);
        CHECK(repo.count(QStringLiteral("100%")) == 0);
    });
}

TEST_CASE("peopleSortByGivenNameThenFullName_inVietnameseOrder", "[people]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = addUnit(t.db());
        PersonRepository repo(t.db());
        for (const QString &name : {QStringLiteral("Lê Văn Đạt"), QStringLiteral("Trần Văn Dũng"), QStringLiteral("Phạm Thị Ánh"),
                                    QStringLiteral("Nguyễn Thị An"), QStringLiteral("Bùi Văn An"), QStringLiteral("Đỗ Thị Ơn"),
                                    QStringLiteral("Hồ Thị Ô")}) {
            Person p = makePerson(name, unit);
            repo.save(p);
        }
        CHECK(names(repo.page({}, PersonRepository::Sort::Name, true, 0, 20))
              == QStringList{QStringLiteral("Bùi Văn An"), QStringLiteral("Nguyễn Thị An"), QStringLiteral("Phạm Thị Ánh"),
                             QStringLiteral("Trần Văn Dũng"), QStringLiteral("Lê Văn Đạt"), QStringLiteral("Hồ Thị Ô"),
                             QStringLiteral("Đỗ Thị Ơn")});
        // Pages join up without gaps or repeats.
        QStringList paged = names(repo.page({}, PersonRepository::Sort::Name, false, 0, 3));
        paged += names(repo.page({}, PersonRepository::Sort::Name, false, 3, 3));
        paged += names(repo.page({}, PersonRepository::Sort::Name, false, 6, 3));
        CHECK(paged.size() == 7);
        CHECK(paged.first() == QStringLiteral("Đỗ Thị Ơn"));
        CHECK(paged.removeDuplicates() == 0);
    });
}

TEST_CASE("duplicateCccd_isRefusedNamingTheOtherPerson", "[people]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = addUnit(t.db());
        PersonRepository repo(t.db());
        Person a = makePerson(QStringLiteral("Nguyễn Văn A"), unit, QStringLiteral("033090001234"));
        repo.save(a);
        Person b = makePerson(QStringLiteral("Trần Thị B"), unit, QStringLiteral("033090001234"));
        const QString message = errorOf([&] { repo.save(b); });
        CHECK(message.contains(QStringLiteral("033090001234")));
        CHECK(message.contains(QStringLiteral("Nguyễn Văn A")));
        CHECK(repo.count() == 1);
        // Saving the owner again with the same number is fine.
        a.position = QStringLiteral("Chuyên viên");
        repo.save(a);
    });
}

TEST_CASE("personValidation_refusesBadCccdFutureBirthAndMissingUnit", "[people]")
{
    Test::TestDatabase t;
    const qint64 unit = addUnit(t.db());
    PersonRepository repo(t.db());
    Person p = makePerson(QStringLiteral("Nguyễn Văn A"), unit, QStringLiteral("12345"));
    CHECK(errorOf([&] { repo.save(p); }).contains(QStringLiteral("12 digits")));
    p.cccd.clear();
    p.birthDate = QDate::currentDate().addDays(2);
    CHECK(errorOf([&] { repo.save(p); }).contains(QStringLiteral("future")));
    p.birthDate = {};
    p.unitId = 0;
    CHECK(errorOf([&] { repo.save(p); }).contains(QStringLiteral("unit")));
    p.unitId = unit;
    p.fullName = QStringLiteral("An");
    CHECK(errorOf([&] { repo.save(p); }).contains(QStringLiteral("full name")));
    CHECK(repo.count() == 0);
}

TEST_CASE("decomposedNameInput_isStoredNfc", "[people]")
{
    Test::TestDatabase t;
    PersonRepository repo(t.db());
    Person p = makePerson(QStringLiteral("Nguyễn Thị Hường").normalized(QString::NormalizationForm_D), addUnit(t.db()));
    repo.save(p);
    CHECK(repo.get(p.id)->fullName == QStringLiteral("Nguyễn Thị Hường"));
    CHECK(repo.count(QStringLiteral("huong")) == 1);
}

TEST_CASE("personListRows_carryNoPersonalData", "[people]")
{
    // The list type has no CCCD or birth date field at all; this guards the page query
    // against leaking them into another column.
    Test::TestDatabase t;
    PersonRepository repo(t.db());
    Person p = makePerson(QStringLiteral("Nguyễn Văn A"), addUnit(t.db()), QStringLiteral("033090001234"));
    p.birthDate = QDate(1980, 5, 1);
    repo.save(p);
    const PersonRow row = repo.page({}, PersonRepository::Sort::Name, true, 0, 1).first();
    for (const QString &field : {row.key, row.fullName, row.gender, row.category, row.position, row.unitName}) {
        CHECK_FALSE(field.contains(QStringLiteral("033090001234")));
        CHECK_FALSE(field.contains(QStringLiteral("1980")));
    }
}
