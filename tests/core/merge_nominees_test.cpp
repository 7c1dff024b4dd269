// Merging two records both nominated in one dossier (issue 15 review): the two nominations
// become one, keeping both one's confirmations and files, and the undo restores both.
#include "core/db/query.h"
#include "core/dedup/merge.h"
#include "core/error.h"
#include "core/registry/personrepository.h"
#include "support/testdatabase.h"
#include "workflow_fixture.h"

#include <QSqlField>
#include <QSqlRecord>

#include <catch2/catch.hpp>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
int scalar(Database &db, const QString &sql, qint64 id = 0)
{
    Query q(db.sql(), sql);
    if (sql.contains(QLatin1String(":id")))
        q.bind(QStringLiteral(":id"), id);
    return q.scalar(0).toInt();
}

/// The rows a fold touches, as text, without versions (a merge and its undo move them on).
QStringList dump(Database &db)
{
    QStringList out;
    for (const char *table : {"people", "dossier_nominees", "nominee_checklist", "dossier_attachments"}) {
        Query q(db.sql(), QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table)));
        q.exec();
        while (q.next()) {
            const QSqlRecord r = q.raw().record();
            QStringList cells{QLatin1String(table)};
            for (int i = 0; i < r.count(); ++i)
                if (r.fieldName(i) != QLatin1String("version") && r.fieldName(i) != QLatin1String("data"))
                    cells << r.fieldName(i) + QLatin1Char('=') + r.value(i).toString();
            out << cells.join(QLatin1Char('|'));
        }
    }
    return out;
}

void checklistItem(Database &db, qint64 nominee, const QString &item, bool confirmed, const QString &evidence = {})
{
    Query(db.sql(), QStringLiteral("INSERT INTO nominee_checklist (nominee_id, position, item_id, text, confirmed, evidence) "
                                   "VALUES (:n, 1, :item, 'Tiêu chuẩn', :c, :e)"))
        .bind(QStringLiteral(":n"), nominee)
        .bind(QStringLiteral(":item"), item)
        .bind(QStringLiteral(":c"), confirmed ? 1 : 0)
        .bindOptional(QStringLiteral(":e"), evidence)
        .exec();
}

void report(Database &db, qint64 dossier, qint64 nominee, const QString &file)
{
    Query(db.sql(), QStringLiteral("INSERT INTO dossier_attachments (dossier_id, nominee_id, kind, file_name, size, sha256, data, "
                                   "added_at) VALUES (:d, :n, 'bao_cao_thanh_tich', :f, 3, 'x', :data, "
                                   "'2025-12-01T08:00:00.000Z')"))
        .bind(QStringLiteral(":d"), dossier)
        .bind(QStringLiteral(":n"), nominee)
        .bind(QStringLiteral(":f"), file)
        .bind(QStringLiteral(":data"), QByteArray("abc"))
        .exec();
}

/// One person entered twice, both records nominated for LĐTT in one draft dossier: the
/// dropped record's nomination has a confirmed standard with evidence and a report (further
/// along), the kept one's an unconfirmed standard.
struct TwiceNominated
{
    Test::WorkflowFixture &f;
    qint64 keep = 0, drop = 0, dossier = 0, keepNominee = 0, dropNominee = 0;

    explicit TwiceNominated(Test::WorkflowFixture &fixture) : f(fixture)
    {
        keep = f.eligiblePerson(2025, QStringLiteral("Lê Văn Tám"));
        drop = f.eligiblePerson(2025, QStringLiteral("Le Van Tam"));
        dossier = f.newDossier(2025).id;
        keepNominee = f.addPerson(dossier, keep);
        dropNominee = f.addPerson(dossier, drop);
        checklistItem(f.db, keepNominee, QStringLiteral("extra-a"), false);
        checklistItem(f.db, dropNominee, QStringLiteral("extra-a"), true, QStringLiteral("Biên bản họp chi bộ"));
        report(f.db, dossier, dropNominee, QStringLiteral("bao-cao-tam.pdf"));
    }
    int nominationsOf(qint64 person)
    {
        return scalar(f.db, QStringLiteral("SELECT count(*) FROM dossier_nominees WHERE person_id = :id"), person);
    }
};
} // namespace

TEST_CASE("merge_twoRecordsNominatedInOneDossier_foldsTheNominations_andUnmergeRestoresBoth", "[dedup][merge][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        TwiceNominated w(f);
        Database &db = t.db();
        const QStringList before = dump(db);
        const int checklistRows = scalar(db, QStringLiteral("SELECT count(*) FROM nominee_checklist"));
        Dedup::Merger merger(db);
        const Dedup::MergePreview p = merger.preview(Dedup::Kind::People, w.keep, w.drop);
        REQUIRE(p.possible());
        CHECK(p.conflicts.join(QLatin1Char(' ')).contains(QStringLiteral("Đề nghị khen thưởng năm 2025")));

        const qint64 id = merger.merge(Dedup::Kind::People, w.keep, w.drop);
        // One nomination, the one further along (the dropped record's), now the kept person's.
        CHECK(w.nominationsOf(w.keep) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT person_id FROM dossier_nominees WHERE id = :id"), w.dropNominee) == w.keep);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM dossier_nominees WHERE id = :id"), w.keepNominee) == 0);
        // Both one's confirmations and files are kept, on the nomination that stays.
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM nominee_checklist")) == checklistRows);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM nominee_checklist WHERE nominee_id <> :id"), w.dropNominee) == 0);
        CHECK(scalar(db,
                     QStringLiteral("SELECT count(*) FROM nominee_checklist WHERE nominee_id = :id AND confirmed = 1 "
                                    "AND evidence = 'Biên bản họp chi bộ'"),
                     w.dropNominee)
              == 1);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM dossier_attachments WHERE nominee_id = :id"), w.dropNominee) == 1);

        merger.unmerge(id);
        const QStringList after = dump(db);
        CHECK(after.size() == before.size());
        for (int i = 0; i < std::min(before.size(), after.size()); ++i) {
            INFO(i);
            CHECK(after[i] == before[i]);
        }
    });
}

TEST_CASE("merge_twoNominationsInOneDossier_keptTheOtherWay_foldsIntoTheOneFurtherAlong_andUnmergeRestoresBoth",
          "[dedup][merge][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        TwiceNominated w(f);
        Database &db = t.db();
        const QStringList before = dump(db);
        Dedup::Merger merger(db);
        // Keeping the record whose nomination is further along: its nomination stays in place.
        const qint64 id = merger.merge(Dedup::Kind::People, w.drop, w.keep);
        CHECK(w.nominationsOf(w.drop) == 1);
        CHECK(scalar(db, QStringLiteral("SELECT person_id FROM dossier_nominees WHERE id = :id"), w.dropNominee) == w.drop);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM nominee_checklist WHERE item_id = 'extra-a' AND nominee_id = :id"),
                     w.dropNominee)
              == 2);
        merger.unmerge(id);
        CHECK(dump(db) == before);
        CHECK(w.nominationsOf(w.keep) == 1);
        CHECK(w.nominationsOf(w.drop) == 1);
    });
}

TEST_CASE("merge_twoNominationsThatBothWentOnToAppraisal_isRefusedNamingTheDossier", "[dedup][merge][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        TwiceNominated w(f);
        Database &db = t.db();
        for (const qint64 n : {w.keepNominee, w.dropNominee})
            Query(db.sql(), QStringLiteral("INSERT INTO nominee_appraisals (nominee_id, engine_verdict, agreed, at) VALUES (:n, "
                                           "'eligible', 1, '2025-12-01T08:00:00.000Z')"))
                .bind(QStringLiteral(":n"), n)
                .exec();
        const QStringList before = dump(db);
        Dedup::Merger merger(db);
        const Dedup::MergePreview p = merger.preview(Dedup::Kind::People, w.keep, w.drop);
        CHECK_FALSE(p.possible());
        CHECK(p.blockers.join(QLatin1Char(' ')).contains(QStringLiteral("Đề nghị khen thưởng năm 2025")));
        CHECK_THROWS_AS(merger.merge(Dedup::Kind::People, w.keep, w.drop), Error);
        CHECK(dump(db) == before);
    });
}

TEST_CASE("merge_twoRecordsOnOneDraftDecisionsList_isRefusedNamingTheDecision", "[dedup][merge][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        Database &db = t.db();
        const qint64 a = f.person(QStringLiteral("Lê Văn Tám"));
        const qint64 b = f.person(QStringLiteral("Le Van Tam"));
        const qint64 decision =
            Query(db.sql(), QStringLiteral("INSERT INTO decisions (ext_key, issuer, year, register_no, number, decision_date) "
                                           "VALUES ('QD-T1', 'UBND tỉnh', 2025, 7, '7/QĐ-UBND', '2025-12-20') RETURNING id"))
                .insertReturningId();
        for (const qint64 p : {a, b})
            Query(db.sql(), QStringLiteral("INSERT INTO decision_awardees (decision_id, person_id, form_code, recipient) VALUES "
                                           "(:d, :p, 'LDTT', 'individual')"))
                .bind(QStringLiteral(":d"), decision)
                .bind(QStringLiteral(":p"), p)
                .exec();
        const QStringList before = dump(db);
        Dedup::Merger merger(db);
        const Dedup::MergePreview preview = merger.preview(Dedup::Kind::People, a, b);
        CHECK_FALSE(preview.possible());
        CHECK(preview.blockers.join(QLatin1Char(' ')).contains(QStringLiteral("7/QĐ-UBND")));
        CHECK_THROWS_AS(merger.merge(Dedup::Kind::People, a, b), Error);
        CHECK(dump(db) == before);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM decision_awardees WHERE person_id = :id"), b) == 1);
    });
}

TEST_CASE("merge_twoRecordsBeforeOneCouncilSittingForTheSameForm_isRefusedNamingTheSitting", "[dedup][merge][nominees]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Test::WorkflowFixture f(t.db());
        Database &db = t.db();
        // Two draft dossiers (so nothing is locked and the nominations are no pair of one
        // dossier), one record nominated in each, both put before one sitting: merged, one
        // person would be voted on twice for the same form.
        const qint64 keep = f.eligiblePerson(2025, QStringLiteral("Lê Văn Tám"));
        const qint64 drop = f.eligiblePerson(2025, QStringLiteral("Le Van Tam"));
        const qint64 keepNominee = f.addPerson(f.newDossier(2025).id, keep);
        const qint64 dropNominee = f.addPerson(f.newDossier(2025).id, drop);
        const qint64 session =
            Query(db.sql(), QStringLiteral("INSERT INTO council_sessions (ext_key, title, held_on, year, quorum_num, quorum_den) "
                                           "VALUES ('S-T1', 'Phiên họp xét khen thưởng đợt 3', '2026-01-10', 2025, 2, 3) "
                                           "RETURNING id"))
                .insertReturningId();
        for (const qint64 n : {keepNominee, dropNominee})
            Query(db.sql(), QStringLiteral("INSERT INTO council_items (session_id, nominee_id, position) VALUES (:s, :n, 1)"))
                .bind(QStringLiteral(":s"), session)
                .bind(QStringLiteral(":n"), n)
                .exec();
        const QStringList before = dump(db);
        Dedup::Merger merger(db);
        const Dedup::MergePreview p = merger.preview(Dedup::Kind::People, keep, drop);
        CHECK_FALSE(p.possible());
        CHECK(p.blockers.join(QLatin1Char(' ')).contains(QStringLiteral("Phiên họp xét khen thưởng đợt 3")));
        CHECK_THROWS_AS(merger.merge(Dedup::Kind::People, keep, drop), Error);
        CHECK(dump(db) == before);
        CHECK(scalar(db, QStringLiteral("SELECT count(*) FROM council_items WHERE session_id = :id"), session) == 2);
    });
}
