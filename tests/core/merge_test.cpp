// Merging duplicate records and undoing the merge (issue 15 item 5).
#include "core/db/query.h"
#include "core/dedup/merge.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include <QSqlField>
#include <QSqlRecord>

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using Core::Workflow::Status;

namespace {
int count(Database &db, const QString &sql, qint64 id = 0)
{
    Query q(db.sql(), sql);
    if (sql.contains(QLatin1String(":id")))
        q.bind(QStringLiteral(":id"), id);
    return q.scalar(0).toInt();
}

/// Every row of the tables a merge touches, as text, without the version column (a merge and
/// its undo move versions forward on purpose: forms opened before then report a conflict).
QStringList dump(Database &db)
{
    QStringList out;
    for (const char *table : {"units", "people", "ratings", "awards", "initiatives", "initiative_holders", "disciplines",
                              "dossier_nominees", "eligibility_confirmations"}) {
        Query q(db.sql(), QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table)));
        q.exec();
        while (q.next()) {
            const QSqlRecord r = q.raw().record();
            QStringList cells{QLatin1String(table)};
            for (int i = 0; i < r.count(); ++i)
                if (r.fieldName(i) != QLatin1String("version"))
                    cells << r.fieldName(i) + QLatin1Char('=') + r.value(i).toString();
            out << cells.join(QLatin1Char('|'));
        }
    }
    return out;
}

void confirm(Database &db, qint64 personId, const QString &item)
{
    Query(db.sql(), QStringLiteral("INSERT INTO eligibility_confirmations (person_id, form_code, year, item_id, confirmed, evidence, "
                                   "confirmed_at) VALUES (:p, 'LDTT', 2025, :item, 1, 'Biên bản họp', '2025-12-01T08:00:00.000Z')"))
        .bind(QStringLiteral(":p"), personId)
        .bind(QStringLiteral(":item"), item)
        .exec();
}

/// Two records of one person: the kept one has a CCCD but no birth date; the dropped one has
/// every kind of row, and a rating of a year the kept one is rated too.
struct Twins
{
    Test::WorkflowFixture &f;
    qint64 keep = 0, drop = 0, colleague = 0, initiative = 0, nominee = 0;

    explicit Twins(Test::WorkflowFixture &fixture) : f(fixture)
    {
        Person k;
        k.fullName = QStringLiteral("Nguyễn Văn An");
        k.unitId = f.unit;
        k.category = QStringLiteral("cong_chuc");
        k.cccd = QStringLiteral("001080012345");
        keep = PersonRepository(f.db).save(k);
        Person d = k;
        d.id = 0;
        d.key.clear();
        d.version = 0;
        d.fullName = QStringLiteral("nguyen van an");
        d.cccd.clear();
        d.birthDate = QDate(1980, 5, 17);
        drop = PersonRepository(f.db).save(d);
        colleague = f.person(QStringLiteral("Trần Thị Bình"));

        f.rate(Subject::person(keep), 2024, 2024, QStringLiteral("HTTNV"));
        f.rate(Subject::person(drop), 2022, 2023, QStringLiteral("HTTNV"));
        f.rate(Subject::person(drop), 2024, 2024, QStringLiteral("HTXSNV")); // the conflict
        f.award(Subject::person(drop), QStringLiteral("LDTT"), 2023);
        initiative = f.initiative(drop, QStringLiteral("Số hoá hồ sơ thi đua"), QStringLiteral("co_so"), 2023);
        Initiative shared;
        shared.title = QStringLiteral("Một cửa liên thông");
        shared.level = QStringLiteral("co_so");
        shared.holderIds = {keep, drop, colleague}; // both records hold it: one holder row is set aside
        RecordRepository(f.db).saveInitiative(shared);
        f.discipline(Subject::person(drop), QStringLiteral("khien_trach"), QDate(2021, 3, 1), QDate(2021, 9, 1));
        nominee = f.addPerson(f.newDossier(2025).id, drop);
        confirm(f.db, drop, QStringLiteral("solidarity"));
        confirm(f.db, keep, QStringLiteral("solidarity")); // the same confirmation on both
        confirm(f.db, drop, QStringLiteral("active"));
    }
};
} // namespace

TEST_CASE("merge_movesEveryKindOfRowToTheKeptRecord_andTheDroppedIsGoneFromLists", "[dedup][merge]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        Twins w(f);
        Database &db = t.db();
        Dedup::Merger merger(db);
        const Dedup::MergePreview p = merger.preview(Dedup::Kind::People, w.keep, w.drop);
        REQUIRE(p.possible());
        CHECK(p.moves.contains(QStringLiteral("2 yearly ratings")));
        CHECK(p.moves.contains(QStringLiteral("1 award in the ledger")));
        CHECK(p.moves.contains(QStringLiteral("1 initiative as author")));
        CHECK(p.moves.contains(QStringLiteral("1 nomination in dossiers")));
        CHECK(p.filled.contains(QStringLiteral("birth date")));

        const int auditBefore = count(db, QStringLiteral("SELECT count(*) FROM audit_log"));
        const qint64 id = merger.merge(Dedup::Kind::People, w.keep, w.drop);
        CHECK(id > 0);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM ratings WHERE person_id = :id"), w.keep) == 3);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM awards WHERE person_id = :id"), w.keep) == 1);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM initiative_holders WHERE person_id = :id"), w.keep) == 2);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM disciplines WHERE person_id = :id"), w.keep) == 1);
        CHECK(count(db, QStringLiteral("SELECT person_id FROM dossier_nominees WHERE id = :id"), w.nominee) == w.keep);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM eligibility_confirmations WHERE person_id = :id"), w.keep) == 2);
        for (const char *table :
             {"ratings", "awards", "initiative_holders", "disciplines", "dossier_nominees", "eligibility_confirmations"})
            CHECK(count(db, QStringLiteral("SELECT count(*) FROM %1 WHERE person_id = :id").arg(QLatin1String(table)), w.drop) == 0);
        // The dropped record is gone; the kept one has its birth date now, and still its CCCD.
        PersonRepository people(db);
        CHECK_FALSE(people.get(w.drop).has_value());
        CHECK(people.count(QStringLiteral("nguyen van an")) == 1);
        CHECK(people.get(w.keep)->birthDate == QDate(1980, 5, 17));
        CHECK(people.get(w.keep)->cccd == QStringLiteral("001080012345"));
        // One audit entry names both records; the moves wrote their own before/after rows.
        const QString entry = Query(db.sql(), QStringLiteral("SELECT new_values FROM audit_log WHERE table_name = "
                                                             "'registry_merges' AND action = 'insert'"))
                                  .scalar()
                                  .toString();
        CHECK(entry.contains(people.keyForId(w.keep)));
        CHECK(entry.contains(QStringLiteral("nguyen van an")));
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM audit_log WHERE table_name = 'ratings' AND action = 'update'")) == 2);
        CHECK(count(db, QStringLiteral("SELECT count(*) FROM audit_log")) > auditBefore + 8);
        CHECK(merger.merges().size() == 1);
        CHECK(merger.merges().first().droppedName == QStringLiteral("nguyen van an"));
        // A clerk of another unit does not see it in the list of merges to undo.
        f.as(QStringLiteral("clerk"), f.newUnit(QStringLiteral("Sở Tư pháp")));
        CHECK(merger.merges().isEmpty());
        f.as(QStringLiteral("clerk"), f.unit);
        CHECK(merger.merges().size() == 1);
    });
}

TEST_CASE("merge_ratingOfAYearBothHave_keepsTheKeptRecords_andThePreviewSaysSo", "[dedup][merge]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        Twins w(f);
        Dedup::Merger merger(t.db());
        const Dedup::MergePreview p = merger.preview(Dedup::Kind::People, w.keep, w.drop);
        CHECK(p.conflicts.contains(
            QStringLiteral("both records are rated for 2024: the kept record's rating stays, the other is set aside.")));
        merger.merge(Dedup::Kind::People, w.keep, w.drop);
        const QList<Rating> ratings = RecordRepository(t.db()).ratings(Subject::person(w.keep));
        const auto y2024 = std::find_if(ratings.begin(), ratings.end(), [](const Rating &r) { return r.year == 2024; });
        REQUIRE(y2024 != ratings.end());
        CHECK(y2024->rating == QStringLiteral("HTTNV"));
    });
}

TEST_CASE("unmerge_restoresBothRecordsAndEveryRowExactly", "[dedup][merge]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        Twins w(f);
        Database &db = t.db();
        const QStringList before = dump(db);
        Dedup::Merger merger(db);
        const qint64 id = merger.merge(Dedup::Kind::People, w.keep, w.drop);
        REQUIRE(dump(db) != before);
        merger.unmerge(id);
        const QStringList after = dump(db);
        CHECK(after.size() == before.size());
        for (int i = 0; i < std::min(before.size(), after.size()); ++i) {
            INFO(i);
            CHECK(after[i] == before[i]);
        }
        CHECK(merger.merges().isEmpty()); // undone
        CHECK(merger.merges(false).first().undoneAt.size() > 0);
        // Once only.
        CHECK(Test::errorOf([&] { merger.unmerge(id); }) == QStringLiteral("The merge number %1 has already been undone.").arg(id));
        // The dropped record can be found and merged again.
        CHECK(PersonRepository(db).get(w.drop)->birthDate == QDate(1980, 5, 17));
        CHECK_NOTHROW(merger.merge(Dedup::Kind::People, w.keep, w.drop));
    });
}

TEST_CASE("merge_byAClerkOutsideTheSubtree_isRefused_andNothingIsWritten", "[dedup][merge][scope]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        Twins w(f);
        const qint64 other = f.newUnit(QStringLiteral("Sở Tư pháp"));
        const QStringList before = dump(t.db());
        const int audit = count(t.db(), QStringLiteral("SELECT count(*) FROM audit_log"));
        f.as(QStringLiteral("clerk"), other);
        Dedup::Merger merger(t.db());
        CHECK_THROWS_AS(merger.merge(Dedup::Kind::People, w.keep, w.drop), PermissionError);
        CHECK_THROWS_AS(merger.preview(Dedup::Kind::People, w.keep, w.drop), PermissionError);
        f.asNobody();
        CHECK(dump(t.db()) == before);
        CHECK(count(t.db(), QStringLiteral("SELECT count(*) FROM audit_log")) == audit);
        CHECK(count(t.db(), QStringLiteral("SELECT count(*) FROM registry_merges")) == 0);
    });
}

TEST_CASE("merge_whenTheDroppedRecordIsNominatedInASubmittedDossier_isRefused_theOtherWayWorks", "[dedup][merge]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 a = f.eligiblePerson(2025, QStringLiteral("Lê Văn Tám"));
        const qint64 b = f.person(QStringLiteral("Le Van Tam"));
        f.dossierIn(Status::Submitted, {a});
        const QStringList before = dump(t.db());
        Dedup::Merger merger(t.db());
        const Dedup::MergePreview p = merger.preview(Dedup::Kind::People, b, a);
        CHECK_FALSE(p.possible());
        CHECK(p.blockers.join(QLatin1Char(' ')).contains(QStringLiteral("1 nomination in dossiers")));
        const QString error = Test::errorOf([&] { merger.merge(Dedup::Kind::People, b, a); });
        CHECK(error.contains(QStringLiteral("Keep that record")));
        CHECK(dump(t.db()) == before);
        CHECK_NOTHROW(merger.merge(Dedup::Kind::People, a, b));
    });
}

TEST_CASE("merge_units_movesPeopleAndSubunits_andUnmergeRestoresThem", "[dedup][merge]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 keep = f.newUnit(QStringLiteral("Phòng Tổ chức"));
        const qint64 drop = f.newUnit(QStringLiteral("PHONG TO CHUC"));
        const qint64 team = f.newUnit(QStringLiteral("Tổ văn thư"));
        Unit u = *UnitRepository(t.db()).get(team);
        u.parentId = drop;
        UnitRepository(t.db()).save(u);
        const qint64 staff = f.person(QStringLiteral("Đỗ Thị Lan"), drop);
        f.rate(Subject::unit(drop), 2024, 2024, QStringLiteral("HTXSNV"));
        const QStringList before = dump(t.db());
        Dedup::Merger merger(t.db());
        // The unit under the dropped one cannot be kept.
        CHECK_FALSE(merger.preview(Dedup::Kind::Units, team, drop).possible());
        const qint64 id = merger.merge(Dedup::Kind::Units, keep, drop);
        CHECK(PersonRepository(t.db()).get(staff)->unitId == keep);
        CHECK(UnitRepository(t.db()).get(team)->parentId == keep);
        CHECK_FALSE(UnitRepository(t.db()).get(drop).has_value());
        CHECK(RecordRepository(t.db()).ratings(Subject::unit(keep)).size() == 1);
        merger.unmerge(id);
        CHECK(dump(t.db()) == before);
    });
}

TEST_CASE("unmerge_whenSQLiteGaveTheDroppedIdToANewPerson_restoresUnderAnotherIdWithItsRows", "[dedup][merge]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        const qint64 keep = f.person(QStringLiteral("Vũ Thị Mai"));
        const qint64 drop = f.person(QStringLiteral("Vu Thi Mai")); // the newest row: SQLite may reuse its id
        f.rate(Subject::person(drop), 2023, 2024, QStringLiteral("HTTNV"));
        const QString dropKey = PersonRepository(t.db()).keyForId(drop);
        Dedup::Merger merger(t.db());
        const qint64 id = merger.merge(Dedup::Kind::People, keep, drop);
        const qint64 newcomer = f.person(QStringLiteral("Đinh Văn Hải"));
        merger.unmerge(id);
        PersonRepository people(t.db());
        const qint64 restored = people.idForKey(dropKey);
        REQUIRE(restored > 0);
        CHECK(people.name(restored) == QStringLiteral("Vu Thi Mai"));
        CHECK(people.name(newcomer) == QStringLiteral("Đinh Văn Hải")); // untouched
        CHECK(RecordRepository(t.db()).ratings(Subject::person(restored)).size() == 2);
        CHECK(RecordRepository(t.db()).ratings(Subject::person(keep)).isEmpty());
        CHECK(RecordRepository(t.db()).ratings(Subject::person(newcomer)).isEmpty());
        CHECK(people.count(QStringLiteral("vu thi mai")) == 2);
    });
}
