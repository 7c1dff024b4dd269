// The people list's order through its byte-string index (schema step 15): the list still sorts
// exactly as QCollator sorts Vietnamese (by given name, then the whole name, then the id), on
// both backends, whichever way the search answers, and the index follows every write.
#include "core/db/collation.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/registry/personrepository.h"
#include "core/registry/search.h"
#include "core/registry/unitrepository.h"
#include "core/text/vntext.h"
#include "support/testdatabase.h"

#include <QCollator>
#include <QLocale>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
// Where byte order and Vietnamese order part: Đ after D (not after Z), ă/â after a, ê after e,
// ô/ơ after o, ư after u, tones after the bare letter (a à ả ã á ạ), "Ă Â" as separate letters,
// lowercase among capitals, decomposed input (cleaned to NFC), two-word names.
const QStringList kTrickyNames = {
    QStringLiteral("Đặng Văn Đức"),   QStringLiteral("Dương Văn Dũng"), QStringLiteral("Đỗ Thị Dung"),
    QStringLiteral("Nguyễn Văn An"),  QStringLiteral("Nguyễn Văn Ân"),  QStringLiteral("Nguyễn Văn Ăn"),
    QStringLiteral("Lê Thị Ánh"),     QStringLiteral("Lê Thị Ảnh"),     QStringLiteral("Lê Thị Anh"),
    QStringLiteral("Trần Thị Ạnh"),   QStringLiteral("Phạm Ơn"),        QStringLiteral("Phạm Ôn"),
    QStringLiteral("Phạm On"),        QStringLiteral("Vũ Ư"),           QStringLiteral("Vũ Uyên"),
    QStringLiteral("Hoàng Văn Zũng"), QStringLiteral("bùi thị êm"),     QStringLiteral("Bùi Thị Em"),
    QStringLiteral("Bùi Thị Én"),     QStringLiteral("Ngô Bảo Châu"),   QStringLiteral("Ngô Bảo Chau"),
    QStringLiteral("Lò Hà"),          QStringLiteral("Lo Ha"),          QString::fromUtf8("Le\xcc\x82 Va\xcc\x86n Đa\xcc\x80o"),
    QStringLiteral("Lê Văn Đào"),     QStringLiteral("Lê Văn Đạo"),     QStringLiteral("Trịnh Công Sơn"),
    QStringLiteral("Nguyễn Văn An"), // a namesake: ties go by id
};

QCollator viCollator()
{
    QCollator c(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    c.setCaseSensitivity(Qt::CaseInsensitive); // as the "vi" collation (core/db/collation.cpp)
    return c;
}

int sign(int v)
{
    return (v > 0) - (v < 0);
}

struct Named
{
    qint64 id;
    QString full;
};

/// The order a clerk expects, computed apart from any database: QCollator on the given name,
/// then the whole name, then the id.
QStringList expectedOrder(QList<Named> people, bool ascending)
{
    const QCollator c = viCollator();
    std::sort(people.begin(), people.end(), [&](const Named &a, const Named &b) {
        int r = c.compare(Text::givenName(a.full), Text::givenName(b.full));
        if (r == 0)
            r = c.compare(a.full, b.full);
        if (r == 0)
            r = a.id < b.id ? -1 : 1;
        return ascending ? r < 0 : r > 0;
    });
    QStringList names;
    for (const Named &p : people)
        names << QStringLiteral("%1#%2").arg(p.full).arg(p.id);
    return names;
}

QStringList listed(const QList<PersonRow> &rows)
{
    QStringList names;
    for (const PersonRow &r : rows)
        names << QStringLiteral("%1#%2").arg(r.fullName).arg(r.id);
    return names;
}

qint64 addUnit(Database &db)
{
    Unit u;
    u.name = QStringLiteral("Sở Văn hóa, Thể thao và Du lịch");
    u.kind = QStringLiteral("provincial_agency");
    return UnitRepository(db).save(u);
}

QList<Named> addPeople(Database &db, qint64 unit, const QStringList &names)
{
    QList<Named> added;
    PersonRepository people(db);
    for (const QString &name : names) {
        Person p;
        p.fullName = name;
        p.unitId = unit;
        p.category = QStringLiteral("vien_chuc");
        people.save(p);
        added.append({p.id, p.fullName}); // as stored: cleaned to NFC
    }
    return added;
}
} // namespace

TEST_CASE("vietnameseSortKey_comparesAsQCollator_onTrickyNames", "[search][order]")
{
    const QCollator c = viCollator();
    for (const QString &a : kTrickyNames) {
        for (const QString &b : kTrickyNames) {
            const QString na = Text::clean(a), nb = Text::clean(b);
            const QByteArray ka = vietnameseSortKey({na}), kb = vietnameseSortKey({nb});
            const int bytes = std::memcmp(ka.constData(), kb.constData(), size_t(std::min(ka.size(), kb.size())));
            const int byKey = bytes != 0 ? sign(bytes) : sign(int(ka.size() - kb.size()));
            INFO(na.toStdString() << " vs " << nb.toStdString());
            CHECK(byKey == sign(c.compare(na, nb)));
        }
    }
    // Case alone makes no difference, as in the collation; the pair of keys orders by the first
    // text before the second however long the first is.
    CHECK(vietnameseSortKey({QStringLiteral("đào")}) == vietnameseSortKey({QStringLiteral("ĐÀO")}));
    CHECK(vietnameseSortKey({QStringLiteral("An"), QStringLiteral("Zzz")})
          < vietnameseSortKey({QStringLiteral("Anh"), QStringLiteral("A")}));
}

TEST_CASE("peopleList_byName_ordersAsQCollator_withAndWithoutSearch_andFollowsRenames", "[search][order][people]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        const qint64 unit = addUnit(db);
        QList<Named> people = addPeople(db, unit, kTrickyNames);
        PersonRepository repo(db);
        for (const bool ascending : {true, false}) {
            INFO((ascending ? "ascending" : "descending"));
            const QStringList want = expectedOrder(people, ascending);
            CHECK(listed(repo.page({}, PersonRepository::Sort::Name, ascending, 0, 100)) == want);
            // Pages join up: the second page starts where the first stopped.
            CHECK(listed(repo.page({}, PersonRepository::Sort::Name, ascending, 0, 10))
                      + listed(repo.page({}, PersonRepository::Sort::Name, ascending, 10, 100))
                  == want);
        }
        // Three letters or more go through the trigram index, fewer walk the order index: the
        // hits come in the same order either way. (No hex letter: the search text holds the
        // person's generated key too.)
        auto hitsOf = [&](const QString &folded) {
            QList<Named> hits;
            for (const Named &p : people)
                if (Text::fold(p.full).contains(folded))
                    hits << p;
            return hits;
        };
        for (const QString &text : {QStringLiteral("van"), QStringLiteral("an"), QStringLiteral("thi"), QStringLiteral("u")}) {
            INFO(text.toStdString());
            CHECK(listed(repo.page(text, PersonRepository::Sort::Name, true, 0, 100)) == expectedOrder(hitsOf(text), true));
        }

        // A rename moves the person to their new place: the order follows every save.
        Person renamed = *repo.get(people.first().id); // Đặng Văn Đức
        renamed.fullName = QStringLiteral("Đặng Văn Ả");
        repo.save(renamed);
        people.first().full = renamed.fullName;
        CHECK(listed(repo.page({}, PersonRepository::Sort::Name, true, 0, 100)) == expectedOrder(people, true));
        CHECK(listed(repo.page(QStringLiteral("dang"), PersonRepository::Sort::Name, true, 0, 100)).value(0)
              == QStringLiteral("Đặng Văn Ả#%1").arg(renamed.id));
    });
}

TEST_CASE("peopleList_onSqlite_walksItsOrderIndex_withoutSortingTheHits", "[search][order][people]")
{
    // The speed of a common prefix rests on this plan (tests/bench --search measures it): the
    // page's ids come from people_name_order in order, and nothing sorts every hit.
    Test::TestDatabase t(Backend::Sqlite);
    Query q(t.db().sql(), QStringLiteral("EXPLAIN QUERY PLAN SELECT p.id FROM people p WHERE instr(p.search_key, 'ng') > 0 "
                                         "ORDER BY vi_sort_key(p.given_name, p.full_name), p.id LIMIT 200"));
    q.exec();
    QStringList plan;
    while (q.next())
        plan << q.text(3);
    INFO(plan.join(QLatin1Char('\n')).toStdString());
    CHECK(plan.join(QLatin1Char('\n')).contains(QLatin1String("people_name_order")));
    CHECK_FALSE(plan.join(QLatin1Char('\n')).contains(QLatin1String("TEMP B-TREE")));
}

TEST_CASE("search_textWithQuotes_findsTheRecord_insteadOfAQuerySyntaxError", "[search][people]")
{
    // SQLite asks its trigram index with an FTS5 phrase: a quote typed by the clerk is a
    // character of the phrase, not the end of it.
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = addUnit(t.db());
        addPeople(t.db(), unit, {QStringLiteral("Nguyễn Thị \"Mai\" Anh"), QStringLiteral("Nguyễn Thị Mai Anh")});
        PersonRepository people(t.db());
        CHECK(people.count(QStringLiteral("\"mai\" a")) == 1);
        CHECK(people.count(QStringLiteral("thi \"")) == 1);
        CHECK(people.count(QStringLiteral("mai anh")) == 1);
        CHECK(people.page(QStringLiteral("\"mai\""), PersonRepository::Sort::Name, true, 0, 10).size() == 1);
    });
}

TEST_CASE("search_twoCharactersOutsideTheBmp_findTheRecord_asShortTextDoes", "[search][people]")
{
    // Two Nôm characters are four UTF-16 units but two characters: too short for a trigram,
    // so they must be searched as any text under three characters is, not through the index.
    Test::forEachBackend([](Test::TestDatabase &t) {
        const qint64 unit = addUnit(t.db());
        addPeople(t.db(), unit, {QString::fromUtf8("Nguyễn Văn \xf0\xa1\xa8\xb8\xf0\xa1\xa8\xb9 An")});
        PersonRepository people(t.db());
        CHECK(people.count(QString::fromUtf8("\xf0\xa1\xa8\xb8\xf0\xa1\xa8\xb9")) == 1);
        CHECK(people.page(QString::fromUtf8("\xf0\xa1\xa8\xb8\xf0\xa1\xa8\xb9"), PersonRepository::Sort::Name, true, 0, 10).size()
              == 1);
    });
}

TEST_CASE("sqliteFile_sortedUnderAnotherIcuOrder_isReindexedOnOpen_andStampedWithThisOne", "[search][order][migrations]")
{
    // A file carried to a computer with another ICU (a Debian upgrade) has indexes in the old
    // order; user_version holds the order it was built with, and a difference rebuilds them.
    Test::TestDatabase t(Backend::Sqlite);
    const int stamped = Query(t.db().sql(), QStringLiteral("PRAGMA user_version")).scalar().toInt();
    CHECK(stamped != 0); // a new file carries this computer's order
    Query::run(t.db().sql(), QStringLiteral("PRAGMA user_version = 1"));
    t.close();
    t.open();
    CHECK(Query(t.db().sql(), QStringLiteral("PRAGMA user_version")).scalar().toInt() == stamped);
    CHECK(Query(t.db().sql(), QStringLiteral("PRAGMA integrity_check")).scalar().toString() == QLatin1String("ok"));
}
