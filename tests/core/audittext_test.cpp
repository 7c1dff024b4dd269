#include "core/audit/auditschema.h"
#include "core/auditlog/auditlog.h"
#include "core/auditlog/audittext.h"
#include "core/db/query.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/unitrepository.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlRecord>

using namespace VinhDanh;
using namespace VinhDanh::Core;

namespace {
// What a leader must never read: table or column names and stored codes ("council_items",
// "letter_no", "before_council", "cong_chuc", "BK_TINH"), ISO times and "os:" logins.
const QRegularExpression &codePattern()
{
    static const QRegularExpression p(QStringLiteral("[a-z]+_[a-z_]+|\\b[A-Z]+_[A-Z_]+\\b|\\d{4}-\\d{2}-\\d{2}|\\bos:"));
    return p;
}

QString codesIn(const QString &text)
{
    QStringList found;
    auto it = codePattern().globalMatch(text);
    while (it.hasNext())
        found << it.next().captured();
    return found.join(QStringLiteral(", "));
}

AuditEntry lastEntry(Database &db, const QString &table)
{
    AuditFilter f;
    f.table = table;
    f.limit = 1;
    const QList<AuditEntry> list = AuditLog(db).entries(f);
    REQUIRE(list.size() == 1);
    return list.first();
}
} // namespace

TEST_CASE("auditText_namesTablesAndFieldsInVietnamese_andShowsValuesAsTheFormsDo", "[audit][audittext]")
{
    // A dossier moved on by the workflow, as the audit log stores it.
    AuditEntry e;
    e.at = QStringLiteral("2025-03-01T08:15:02.120Z");
    e.actor = QStringLiteral("os:root");
    e.action = QStringLiteral("update");
    e.table = QStringLiteral("dossiers");
    e.recordId = 7;
    e.recordKey = QStringLiteral("dossier-6461a34d");
    e.oldValues = QStringLiteral(R"({"id":7,"ext_key":"dossier-6461a34d","status":"appraised","letter_no":"12/TTr",)"
                                 R"("letter_date":"2025-02-03","occasion":"annual","created_at":"2025-01-02T01:00:00Z",)"
                                 R"("title":"Đề nghị khen thưởng","version":3})");
    e.newValues = QStringLiteral(R"({"id":7,"ext_key":"dossier-6461a34d","status":"before_council","letter_no":"14/TTr",)"
                                 R"("letter_date":"2025-02-05","occasion":"annual","created_at":"2025-01-03T01:00:00Z",)"
                                 R"("title":"Đề nghị khen thưởng","version":4})");
    const AuditText words;
    CHECK(AuditText::tableNoun(QStringLiteral("dossiers")) == QStringLiteral("award proposal dossier"));
    CHECK(AuditText::tableNoun(QStringLiteral("council_items")) == QStringLiteral("nominee before the council"));
    CHECK(AuditText::fieldLabel(QStringLiteral("dossiers"), QStringLiteral("letter_no")) == QStringLiteral("Letter number"));
    for (const char *internal : {"id", "version", "ext_key", "search_key", "row_hash", "created_at"})
        CHECK(AuditText::fieldLabel(QStringLiteral("dossiers"), QLatin1String(internal)).isEmpty());

    const QStringList changes = words.changes(e);
    CHECK(changes.contains(QStringLiteral("Status: Appraised → Before the council")));
    CHECK(changes.contains(QStringLiteral("Letter number: 12/TTr → 14/TTr")));
    CHECK(changes.contains(QStringLiteral("Letter date: 03/02/2025 → 05/02/2025")));
    CHECK(changes.size() == 3); // created_at, version and the unchanged fields are left out
    const QString line = words.line(e);
    INFO(line.toStdString());
    CHECK(codesIn(line).isEmpty());
    CHECK(line.contains(QStringLiteral("changed award proposal dossier Đề nghị khen thưởng")));
    CHECK(line.startsWith(QDateTime::fromString(e.at, Qt::ISODateWithMs).toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))));

    // Codes of the registry through their label tables; flags as yes/no; times in local time.
    CHECK(words.value(QStringLiteral("people"), QStringLiteral("category"), QStringLiteral("cong_chuc"))
          == QStringLiteral("Civil servant"));
    CHECK(words.value(QStringLiteral("people"), QStringLiteral("gender"), QStringLiteral("female")) == QStringLiteral("Female"));
    CHECK(words.value(QStringLiteral("council_items"), QStringLiteral("passed"), 1) == QStringLiteral("yes"));
    CHECK(words.value(QStringLiteral("council_items"), QStringLiteral("passed"), 0) == QStringLiteral("no"));
    CHECK(words.value(QStringLiteral("decisions"), QStringLiteral("total"), 2340000) == QStringLiteral("2.340.000 dong"));
    CHECK(words.value(QStringLiteral("dossier_events"), QStringLiteral("to_status"), QStringLiteral("before_council"))
          == QStringLiteral("Before the council"));
    // A column mapping the clerk saved in the import dialog is named by the clerk's own name.
    CHECK(words.value(QStringLiteral("office_settings"), QStringLiteral("key"), QStringLiteral("import.mapping.people.Sở Nội vụ"))
          == QStringLiteral("Saved column mapping \"Sở Nội vụ\""));
    CHECK(
        codesIn(words.value(QStringLiteral("council_items"), QStringLiteral("tallied_at"), QStringLiteral("2025-03-01T08:15:02.120Z")))
            .isEmpty());
}

TEST_CASE("auditText_labelsEveryColumnOfEveryAuditedTable", "[audit][audittext]")
{
    // A column added to an audited table without a label would show its name in the log.
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        for (const AuditSchema::AuditedTable &table : AuditSchema::auditedTables()) {
            const QString name = QString::fromLatin1(table.table);
            Query q(db.sql(), QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(name));
            q.exec();
            const QSqlRecord record = q.raw().record();
            REQUIRE(record.count() > 0);
            CHECK(!AuditText::tableNoun(name).contains(QLatin1Char('_')));
            CHECK(AuditText::tableNoun(name) != name);
            for (int i = 0; i < record.count(); ++i) {
                const QString column = record.fieldName(i);
                const QString label = AuditText::fieldLabel(name, column);
                INFO(name.toStdString() << "." << column.toStdString() << " → " << label.toStdString());
                CHECK(label != column);
            }
        }
    });
}

TEST_CASE("auditText_namesPeopleAndUnitsInsteadOfTheirIds", "[audit][audittext]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Unit u;
        u.name = QStringLiteral("Sở Nội vụ");
        u.kind = QStringLiteral("provincial_agency");
        UnitRepository(db).save(u);
        Person p;
        p.fullName = QStringLiteral("Trần Thị Bình");
        p.gender = QStringLiteral("female");
        p.unitId = u.id;
        p.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(p);
        p.category = QStringLiteral("vien_chuc");
        PersonRepository(db).save(p);

        const AuditText words(&db);
        const AuditEntry added = lastEntry(db, QStringLiteral("units"));
        CHECK(words.recordName(added) == QStringLiteral("Sở Nội vụ"));
        const AuditEntry changed = lastEntry(db, QStringLiteral("people"));
        CHECK(words.recordName(changed) == QStringLiteral("Trần Thị Bình"));
        CHECK(words.changes(changed) == QStringList{QStringLiteral("Category: Civil servant → Public employee")});
        // The detail pane: the unit by name, not its id.
        bool unitShown = false;
        for (const AuditText::Field &f : words.fields(changed))
            if (f.label == QStringLiteral("Unit")) {
                CHECK(f.after == QStringLiteral("Sở Nội vụ"));
                unitShown = true;
            }
        CHECK(unitShown);
        const QString line = words.line(changed);
        INFO(line.toStdString());
        CHECK(codesIn(line).isEmpty());
    });
}

TEST_CASE("auditText_namesAConfirmedStandardAsTheRulesWordIt_notByItsItemId", "[audit][audittext]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Unit u;
        u.name = QStringLiteral("Sở Nội vụ");
        u.kind = QStringLiteral("provincial_agency");
        UnitRepository(db).save(u);
        Person p;
        p.fullName = QStringLiteral("Trần Thị Bình");
        p.unitId = u.id;
        p.category = QStringLiteral("cong_chuc");
        PersonRepository(db).save(p);
        Eligibility::ConfirmationKey key;
        key.subject = Subject::person(p.id);
        key.year = 2025;
        key.itemId = QStringLiteral("chap-hanh"); // a year fact: every form of the year
        Eligibility::ConfirmationRepository(db).save(key, true, QStringLiteral("Biên bản họp ngày 12/01/2026"));

        const AuditText words(&db);
        const AuditEntry entry = lastEntry(db, QStringLiteral("eligibility_confirmations"));
        const QString line = words.line(entry);
        INFO(line.toStdString());
        CHECK(line.contains(QStringLiteral("Gương mẫu chấp hành tốt chủ trương của Đảng")));
        CHECK_FALSE(line.contains(QStringLiteral("chap-hanh")));
        bool itemShown = false;
        for (const AuditText::Field &f : words.fields(entry))
            if (f.after.startsWith(QStringLiteral("Gương mẫu chấp hành")))
                itemShown = true;
        CHECK(itemShown);
    });
}

TEST_CASE("auditWho_withoutAccounts_isTheComputerAccount_neverEmpty", "[audit][audittext]")
{
    Test::forEachBackend([](Test::TestDatabase &t) {
        Database &db = t.db();
        Unit u;
        u.name = QStringLiteral("UBND xã Phú Lợi");
        u.kind = QStringLiteral("commune_ward");
        UnitRepository(db).save(u); // no account exists: the trigger records the OS login
        const AuditEntry e = lastEntry(db, QStringLiteral("units"));
        REQUIRE(e.actor.startsWith(QStringLiteral("os:")));
        const QString login = e.actor.mid(3);
        const AuditText words(&db);
        CHECK(words.who(e.actor) == QStringLiteral("%1 (computer account)").arg(login));
        CHECK(!words.who(QString()).isEmpty());

        // The filter finds the login with or without its prefix, as the leader reads it.
        AuditFilter byLogin;
        byLogin.actor = login;
        CHECK(AuditLog(db).count(byLogin) > 0);
        byLogin.actor = e.actor;
        CHECK(AuditLog(db).count(byLogin) > 0);
        byLogin.actor = QStringLiteral("someone-else");
        CHECK(AuditLog(db).count(byLogin) == 0);
    });
}
