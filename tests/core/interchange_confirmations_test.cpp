// The clerk's eligibility confirmations in the interchange file (format version 2): export →
// import into a fresh database keeps every row and the nominee's verdict; a bad row refuses the
// whole file; a version 1 file without the section still imports. Both backends.
#include "core/db/query.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/interchange/exporter.h"
#include "core/interchange/importer.h"
#include "core/registry/movementrepository.h"
#include "interchange_support.h"
#include "tests/support/testdatabase.h"
#include "workflow_fixture.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace VinhDanh;
using namespace VinhDanh::Core;
using namespace VinhDanh::Core::Eligibility;
using Test::find;
using Test::readAll;
using Test::withEdit;
using Test::writeAll;

namespace {
const QString kNote = QStringLiteral("Biên bản họp bình xét ngày 12/01/2026");

ConfirmationKey keyOf(const Subject &s, const QString &award, const QString &item, qint64 movement = 0)
{
    ConfirmationKey k;
    k.subject = s;
    k.awardCode = award;
    k.year = 2025;
    k.itemId = item;
    k.movementId = movement;
    return k;
}

Result evaluate(Database &db, const Subject &s, const QString &award, qint64 movement = 0)
{
    Request r;
    r.personId = s.personId;
    r.unitId = s.unitId;
    r.awardCode = award;
    r.year = 2025;
    r.movementId = movement;
    return Service(db).evaluate(r);
}

/// An office whose clerk ("appraiser", so `by` is known) has answered the eligibility page:
/// An's LDTT items all ticked (eligible), Hoa's ticked and one withdrawn (needs review), and
/// one of a movement's own standards ticked for An's Giấy khen.
struct Source
{
    Test::TestDatabase t;
    Test::WorkflowFixture o{t.db()};
    Subject an = Subject::person(o.eligiblePerson(2025));
    Subject hoa = Subject::person(o.eligiblePerson(2025, QStringLiteral("Lê Thị Hoa")));
    qint64 movement = o.movement();
    QString standard; // the movement's standard ticked for An

    Source()
    {
        o.as(QStringLiteral("appraiser"));
        ConfirmationRepository repo(t.db());
        QString withdrawn;
        for (const Subject &s : {an, hoa}) {
            const QMap<QString, QString> items = Test::confirmAll(evaluate(t.db(), s, QStringLiteral("LDTT")));
            REQUIRE_FALSE(items.isEmpty());
            withdrawn = items.firstKey();
            for (auto it = items.begin(); it != items.end(); ++it)
                repo.save(keyOf(s, QStringLiteral("LDTT"), it.key()), true, kNote);
        }
        repo.save(keyOf(hoa, QStringLiteral("LDTT"), withdrawn), false, {});
        const Result giayKhen = evaluate(t.db(), an, QStringLiteral("GIAYKHEN"), movement);
        const ConditionResult *standards = find(giayKhen.conditions, QStringLiteral("movement"));
        REQUIRE(standards);
        REQUIRE_FALSE(standards->children.isEmpty());
        standard = standards->children.first().id;
        repo.save(keyOf(an, QStringLiteral("GIAYKHEN"), standard, movement), true, QStringLiteral("Báo cáo của Công đoàn Sở"));
        o.asNobody();
    }

    QString exportTo(const QString &name)
    {
        const QString path = t.dir() + QLatin1Char('/') + name;
        Interchange::exportTo(t.db(), path);
        return path;
    }
};

Subject personByKey(Database &target, Database &source, const Subject &s)
{
    return Subject::person(PersonRepository(target).idForKey(PersonRepository(source).get(s.personId)->key));
}

int rows(Database &db)
{
    return Query(db.sql(), QStringLiteral("SELECT count(*) FROM eligibility_confirmations")).scalar().toInt();
}

const QString kSection = QStringLiteral("confirmations");

/// The index of the first row with (or without) a movement, ticked (or withdrawn): the file is
/// sorted by person key, and those are random.
int confirmationIndex(const QByteArray &file, bool withMovement, bool confirmed = true)
{
    const QJsonArray items = QJsonDocument::fromJson(file).object().value(kSection).toArray();
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        if (item.contains(QStringLiteral("movement")) == withMovement && item.value(QStringLiteral("confirmed")).toBool() == confirmed)
            return i;
    }
    FAIL("no such confirmation in the file");
    return -1;
}
} // namespace

TEST_CASE("confirmationsExportImportIntoFreshDatabase_keepTicksWithdrawalsMovementAndTheVerdict", "[interchange][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &target) {
        Source source;
        const QString first = source.exportTo(QStringLiteral("first.json"));
        const QJsonArray written = QJsonDocument::fromJson(readAll(first)).object().value(QStringLiteral("confirmations")).toArray();
        CHECK(written.size() == rows(source.t.db()));

        const InterchangeCounts imported = Interchange::importFrom(target.db(), first, {Interchange::FileOffice::Same});
        CHECK(imported.confirmations == rows(source.t.db()));
        CHECK(rows(target.db()) == rows(source.t.db()));

        const qint64 movement = MovementRepository(target.db()).idForKey(MovementRepository(source.t.db()).get(source.movement)->key);
        REQUIRE(movement > 0);
        ConfirmationRepository before(source.t.db()), after(target.db());
        for (const Subject &s : {source.an, source.hoa}) {
            const Subject there = personByKey(target.db(), source.t.db(), s);
            REQUIRE(there.personId > 0);
            const QList<SavedConfirmation> was = before.forNominee(s, 2025, source.movement);
            const QList<SavedConfirmation> is = after.forNominee(there, 2025, movement);
            REQUIRE(is.size() == was.size());
            for (int i = 0; i < was.size(); ++i) {
                CHECK(is[i].key.itemId == was[i].key.itemId);
                CHECK(is[i].key.awardCode == was[i].key.awardCode);
                CHECK((is[i].key.movementId != 0) == (was[i].key.movementId != 0));
                CHECK(is[i].confirmed == was[i].confirmed);
                CHECK(is[i].evidence == was[i].evidence);
                CHECK(is[i].by == QStringLiteral("appraiser")); // who confirmed originally, not who imported
                CHECK(is[i].at == was[i].at);
            }
            CHECK(evaluate(target.db(), there, QStringLiteral("LDTT")).verdict
                  == evaluate(source.t.db(), s, QStringLiteral("LDTT")).verdict);
        }
        CHECK(evaluate(target.db(), personByKey(target.db(), source.t.db(), source.an), QStringLiteral("LDTT")).verdict
              == Verdict::Eligible);
        CHECK(evaluate(target.db(), personByKey(target.db(), source.t.db(), source.hoa), QStringLiteral("LDTT")).verdict
              == Verdict::NeedsReview);
        const Result giayKhen = evaluate(target.db(), personByKey(target.db(), source.t.db(), source.an), QStringLiteral("GIAYKHEN"),
                                         movement);
        const ConditionResult *standard = find(giayKhen.conditions, source.standard);
        REQUIRE(standard);
        CHECK(standard->state == Verdict::Eligible);
        CHECK(standard->confirmation.source == Confirmation::Source::Saved);

        // The audit log records the import as one batch entry (issue 15), by whoever ran it (not
        // the original clerk), counting the confirmations it added.
        Query audit(target.db().sql(),
                    QStringLiteral("SELECT counts FROM import_batches WHERE actor IS NULL OR actor <> 'appraiser'"));
        const QJsonObject counts = QJsonDocument::fromJson(audit.scalar().toString().toUtf8()).object();
        CHECK(counts.value(QStringLiteral("eligibility_confirmations")).toObject().value(QStringLiteral("added")).toInt()
              == rows(target.db()));

        // The same data gives the same bytes, from either backend.
        const QString second = source.t.dir() + QStringLiteral("/second.json");
        Interchange::exportTo(target.db(), second);
        CHECK(readAll(second) == readAll(first));
    });
}

TEST_CASE("importingConfirmationsAgain_replacesTheStoredRows_insteadOfDuplicating", "[interchange][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &target) {
        Source source;
        const QString path = source.exportTo(QStringLiteral("file.json"));
        const QByteArray file = readAll(path);
        Interchange::importFrom(target.db(), path, {Interchange::FileOffice::Same});
        const int stored = rows(target.db());
        // The file withdraws a tick the target holds: the row is replaced (version moves on).
        const int i = confirmationIndex(file, true);
        const QString changed = source.t.dir() + QStringLiteral("/changed.json");
        writeAll(changed, withEdit(withEdit(file, kSection, i, QStringLiteral("confirmed"), false), kSection, i, QStringLiteral("by"),
                                   QStringLiteral("clerk2")));
        Interchange::importFrom(target.db(), changed, {Interchange::FileOffice::Same});
        CHECK(rows(target.db()) == stored);
        Query q(target.db().sql(), QStringLiteral("SELECT confirmed, confirmed_by, version FROM eligibility_confirmations "
                                                  "WHERE movement_id IS NOT NULL"));
        q.exec();
        REQUIRE(q.next());
        CHECK(q.integer(0) == 0);
        CHECK(q.text(1) == QStringLiteral("clerk2"));
        CHECK(q.integer(2) == 2);
    });
}

TEST_CASE("importRejectsConfirmationForUnknownPerson_keepsDatabaseUnchanged", "[interchange][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Source source;
        const QString good = source.exportTo(QStringLiteral("good.json"));
        Interchange::importFrom(t.db(), good,
                                {Interchange::FileOffice::Same}); // the target holds data: a failed import must leave exactly that
        const QString before = source.t.dir() + QStringLiteral("/before.json");
        Interchange::exportTo(t.db(), before);

        QByteArray file = readAll(good);
        // Rename a unit and withdraw a tick so a partial import would show.
        file = withEdit(file, QStringLiteral("units"), 0, QStringLiteral("name"), QStringLiteral("Đơn vị đã đổi tên"));
        file = withEdit(file, kSection, confirmationIndex(file, false), QStringLiteral("confirmed"), false);
        const int last = rows(source.t.db()) - 1;
        file = withEdit(file, kSection, last, QStringLiteral("person"), QStringLiteral("P999999"));
        const QString bad = source.t.dir() + QStringLiteral("/bad.json");
        writeAll(bad, file);
        const QString message = Test::errorOf([&] { Interchange::importFrom(t.db(), bad, {Interchange::FileOffice::Same}); });
        INFO(message.toStdString());
        CHECK(message.contains(QStringLiteral("Nothing was imported")));
        CHECK(message.contains(QStringLiteral("confirmations[%1]").arg(last)));
        CHECK(message.contains(QStringLiteral("P999999")));
        const QString after = source.t.dir() + QStringLiteral("/after.json");
        Interchange::exportTo(t.db(), after);
        CHECK(readAll(after) == readAll(before));
    });
}

TEST_CASE("importNamesTheConfirmationAndField_forUnknownMovementFormMissingEvidenceAndBadYear", "[interchange][confirmations]")
{
    Source source;
    const QByteArray file = readAll(source.exportTo(QStringLiteral("good.json")));
    const int plain = confirmationIndex(file, false), standard = confirmationIndex(file, true);
    const auto edited = [&](int index, const QString &field, const QJsonValue &value) {
        return withEdit(file, kSection, index, field, value);
    };
    struct Case
    {
        QByteArray content;
        QStringList expected;
    };
    const std::vector<Case> cases = {
        {edited(standard, QStringLiteral("movement"), QStringLiteral("movement-khong-co")),
         {QStringLiteral("confirmations[%1]").arg(standard), QStringLiteral("movement-khong-co")}},
        {edited(standard, QStringLiteral("movement"), QJsonValue::Undefined),
         {QStringLiteral("confirmations[%1]").arg(standard), QStringLiteral("\"movement\" is required")}},
        {edited(plain, QStringLiteral("form"), QStringLiteral("HC_KHANG_CHIEN")),
         {QStringLiteral("confirmations[%1]").arg(plain), QStringLiteral("HC_KHANG_CHIEN")}},
        {edited(plain, QStringLiteral("evidence"), QStringLiteral("  ")),
         {QStringLiteral("confirmations[%1]").arg(plain), QStringLiteral("\"evidence\" is required")}},
        {edited(plain, QStringLiteral("year"), 1900),
         {QStringLiteral("confirmations[%1]").arg(plain), QStringLiteral("\"year\""), QStringLiteral("1900")}},
        {edited(plain, QStringLiteral("confirmed"), QJsonValue::Undefined),
         {QStringLiteral("confirmations[%1]").arg(plain), QStringLiteral("\"confirmed\" is required")}},
        {edited(plain, QStringLiteral("at"), QStringLiteral("hôm qua")),
         {QStringLiteral("confirmations[%1]").arg(plain), QStringLiteral("hôm qua")}},
    };
    for (size_t i = 0; i < cases.size(); ++i) {
        DYNAMIC_SECTION("case " << i)
        {
            Test::TestDatabase t;
            const QString bad = t.dir() + QStringLiteral("/bad.json");
            writeAll(bad, cases[i].content);
            const QString message = Test::errorOf([&] { Interchange::importFrom(t.db(), bad, {Interchange::FileOffice::Same}); });
            INFO(message.toStdString());
            CHECK(message.contains(QStringLiteral("Nothing was imported")));
            for (const QString &part : cases[i].expected)
                CHECK(message.contains(part));
            CHECK(rows(t.db()) == 0);
            CHECK(PersonRepository(t.db()).count() == 0);
        }
    }
    SECTION("a withdrawn row needs no evidence")
    {
        Test::TestDatabase t;
        const QString path = t.dir() + QStringLiteral("/withdrawn.json");
        writeAll(path, withEdit(edited(plain, QStringLiteral("confirmed"), false), kSection, plain, QStringLiteral("evidence"),
                                QJsonValue::Undefined));
        CHECK(Interchange::importFrom(t.db(), path, {Interchange::FileOffice::Same}).confirmations == rows(source.t.db()));
    }
}

TEST_CASE("versionOneFileWithoutConfirmations_stillImports_andLeavesTheStoredConfirmations", "[interchange][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Source source;
        const QString current = source.exportTo(QStringLiteral("new.json"));
        QJsonObject root = QJsonDocument::fromJson(readAll(current)).object();
        CHECK(root.value(QStringLiteral("formatVersion")).toInt() == Interchange::kFormatVersion);
        root.remove(kSection);
        root.insert(QStringLiteral("formatVersion"), 1);
        const QString old = source.t.dir() + QStringLiteral("/old.json");
        writeAll(old, QJsonDocument(root).toJson());

        // Into an empty database: it imports, and without the clerk's answers the nominee waits for review.
        InterchangeCounts counts = Interchange::importFrom(t.db(), old, {Interchange::FileOffice::Same});
        CHECK(counts.confirmations == 0);
        CHECK(counts.people == 2);
        CHECK(rows(t.db()) == 0);
        const Subject an = personByKey(t.db(), source.t.db(), source.an);
        CHECK(evaluate(t.db(), an, QStringLiteral("LDTT")).verdict == Verdict::NeedsReview);

        // Into a database holding confirmations: the stored answers stay exactly as they were,
        // while the rest of the file is imported (a renamed unit shows it was).
        Interchange::importFrom(t.db(), current, {Interchange::FileOffice::Same});
        const auto snapshot = [&] {
            Query q(t.db().sql(), QStringLiteral("SELECT person_id, unit_id, form_code, year, movement_id, item_id, confirmed, "
                                                 "evidence, confirmed_by, confirmed_at, version FROM eligibility_confirmations "
                                                 "ORDER BY id"));
            q.exec();
            QStringList out;
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < 11; ++i)
                    row << q.text(i);
                out << row.join(QLatin1Char('|'));
            }
            return out;
        };
        const QStringList stored = snapshot();
        REQUIRE(stored.size() == rows(source.t.db()));
        REQUIRE(stored.size() > 0);
        CHECK(evaluate(t.db(), an, QStringLiteral("LDTT")).verdict == Verdict::Eligible);

        const QString renamed = source.t.dir() + QStringLiteral("/old-renamed.json");
        writeAll(renamed,
                 withEdit(readAll(old), QStringLiteral("units"), 0, QStringLiteral("name"), QStringLiteral("Đơn vị đã đổi tên")));
        counts = Interchange::importFrom(t.db(), renamed, {Interchange::FileOffice::Same});
        CHECK(counts.confirmations == 0);
        CHECK(Query(t.db().sql(), QStringLiteral("SELECT count(*) FROM units WHERE name = 'Đơn vị đã đổi tên'")).scalar().toInt()
              == 1);
        CHECK(snapshot() == stored);
        CHECK(evaluate(t.db(), an, QStringLiteral("LDTT")).verdict == Verdict::Eligible);
    });
}

TEST_CASE("anOlderExportNamingAFactOfTheYearOncePerForm_foldsIntoOneAnswer_theSameFormTwiceIsStillRefused",
          "[interchange][confirmations]")
{
    Test::forEachBackend([](Test::TestDatabase &target) {
        Source source;
        const QString path = source.exportTo(QStringLiteral("file.json"));
        QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        QJsonArray list = root.value(kSection).toArray();
        // A fact of the year (not tied to one form) that the file holds, confirmed.
        int fact = -1;
        for (int i = 0; i < list.size() && fact < 0; ++i) {
            const QJsonObject c = list.at(i).toObject();
            if (ConfirmationRepository::isYearFact(c.value(QStringLiteral("item")).toString())
                && c.value(QStringLiteral("confirmed")).toBool())
                fact = i;
        }
        REQUIRE(fact >= 0);
        // As a file from before schema step 7 had it: once for LDTT (ticked) and once for
        // CSTDCS (withdrawn later).
        QJsonObject ldtt = list.at(fact).toObject();
        ldtt.insert(QStringLiteral("form"), QStringLiteral("LDTT"));
        ldtt.insert(QStringLiteral("at"), QStringLiteral("2026-01-10T08:00:00.000Z"));
        QJsonObject cstdcs = ldtt;
        cstdcs.insert(QStringLiteral("form"), QStringLiteral("CSTDCS"));
        cstdcs.insert(QStringLiteral("confirmed"), false);
        cstdcs.insert(QStringLiteral("at"), QStringLiteral("2026-01-11T08:00:00.000Z"));
        list.replace(fact, ldtt);
        list.append(cstdcs);
        root.insert(kSection, list);
        const QString old = source.t.dir() + QStringLiteral("/old.json");
        writeAll(old, QJsonDocument(root).toJson());

        Interchange::importFrom(target.db(), old, {Interchange::FileOffice::Same});
        CHECK(rows(target.db()) == list.size() - 1); // the two answers are one row
        Query q(target.db().sql(), QStringLiteral("SELECT confirmed, COALESCE(form_code, '') FROM eligibility_confirmations "
                                                  "WHERE item_id = :i AND year = :y AND person_id IS NOT NULL "
                                                  "AND confirmed_at = :at"));
        q.bind(QStringLiteral(":i"), ldtt.value(QStringLiteral("item")).toString())
            .bind(QStringLiteral(":y"), ldtt.value(QStringLiteral("year")).toInt())
            .bind(QStringLiteral(":at"), ldtt.value(QStringLiteral("at")).toString())
            .exec();
        REQUIRE(q.next());
        CHECK(q.integer(0) == 1);   // the tick wins over the later withdrawal
        CHECK(q.text(1).isEmpty()); // stored for every form of the year

        // The same form twice is two answers to one question: refused, nothing written.
        QJsonObject twice = ldtt;
        twice.insert(QStringLiteral("confirmed"), false);
        list.append(twice);
        root.insert(kSection, list);
        const QString bad = source.t.dir() + QStringLiteral("/bad.json");
        writeAll(bad, QJsonDocument(root).toJson());
        Test::TestDatabase fresh;
        const QString message = Test::errorOf([&] { Interchange::importFrom(fresh.db(), bad, {Interchange::FileOffice::Same}); });
        CHECK(message.contains(QStringLiteral("a second answer")));
        CHECK(rows(fresh.db()) == 0);
    });
}
