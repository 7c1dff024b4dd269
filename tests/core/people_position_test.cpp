// Where a person stands in the people list (issue 16 item 6): after saving, the list jumps to the
// record's row without reading the pages before it, so positionOf() must agree with page() to
// the row, for every sort, both directions, with a search and within one unit, on both backends.
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
qint64 addUnit(Database &db, const QString &name)
{
    Unit u;
    u.name = name;
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

// Namesakes (ties go by id), tones and Đ, where byte order and Vietnamese order part.
const QStringList kNames = {
    QStringLiteral("Nguyễn Văn An"), QStringLiteral("Đặng Văn Đức"),  QStringLiteral("Dương Văn Dũng"),
    QStringLiteral("Lê Thị Ánh"),    QStringLiteral("Lê Thị Anh"),    QStringLiteral("Phạm Ơn"),
    QStringLiteral("Vũ Ư"),          QStringLiteral("Bùi Thị Én"),    QStringLiteral("Nguyễn Văn Ân"),
    QStringLiteral("Trần Văn An"),   QStringLiteral("Nguyễn Văn An"), QStringLiteral("Hoàng Văn Zũng"),
};
} // namespace

TEST_CASE("personPosition_agreesWithTheListRow_forEverySortDirectionSearchAndUnit", "[people][search]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const QList<qint64> units = {addUnit(db, QStringLiteral("Sở Y tế")), addUnit(db, QStringLiteral("Ban Dân tộc")),
                                     addUnit(db, QStringLiteral("Đài Phát thanh"))};
        PersonRepository repo(db);
        // 36 people, three rounds of the names over the units and categories: several pages of 5.
        QList<qint64> ids;
        for (int round = 0; round < 3; ++round)
            for (int i = 0; i < kNames.size(); ++i) {
                Person p;
                p.fullName = kNames.at(i);
                p.unitId = units.at((i + round) % units.size());
                p.category = (i + round) % 2 ? QStringLiteral("cong_chuc") : QStringLiteral("vien_chuc");
                ids << repo.save(p);
            }
        using Sort = PersonRepository::Sort;
        for (const Sort sort : {Sort::Name, Sort::Unit, Sort::Category, Sort::Key})
            for (const bool ascending : {true, false})
                for (const QString &filter : {QString(), QStringLiteral("van an")})
                    for (const qint64 unit : {qint64(0), units.at(1)}) {
                        INFO("sort " << int(sort) << (ascending ? " asc" : " desc") << " filter '" << filter.toStdString() << "' unit "
                                     << unit);
                        // The list as a clerk pages through it, five rows at a time.
                        QList<qint64> listed;
                        for (int offset = 0;; offset += 5) {
                            const QList<PersonRow> rows = repo.page(filter, sort, ascending, offset, 5, unit);
                            for (const PersonRow &r : rows)
                                listed << r.id;
                            if (rows.size() < 5)
                                break;
                        }
                        REQUIRE(listed.size() > 1);
                        for (const qint64 id : ids) {
                            INFO("person " << id);
                            CHECK(repo.positionOf(id, filter, sort, ascending, unit) == listed.indexOf(id));
                        }
                    }
        // Someone outside the list (another unit, a search that misses them) has no position.
        CHECK(repo.positionOf(ids.first(), QStringLiteral("zung"), Sort::Name, true) == -1);
        CHECK(repo.positionOf(999999, {}, Sort::Name, true) == -1);
    });
}
