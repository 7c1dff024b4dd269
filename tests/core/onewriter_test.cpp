// Issue 17 item 3: a table has one writer. Each table's INSERT text stands in one place of the
// sources (for the registry tables: their repository's RowWriter declaration); the importer,
// the demo, the staff-list commit and decision issue build theirs from it.
#include "core/dossiers/dossierrepository.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/minutesrepository.h"
#include "core/registry/personrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/unitrepository.h"

#include <catch2/catch.hpp>

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

using namespace VinhDanh::Core;

namespace {

/// Every "INSERT INTO <table>" outside comments in core/, ui/ and app/, as "file:line" by table.
/// The migrations (their SQL steps and migrations.cpp) are history, and the audit triggers
/// in auditschema.cpp are schema: neither is a writer.
QMap<QString, QStringList> insertPlaces(int *files, QStringList *fromAName)
{
    static const QRegularExpression insert(QStringLiteral("INSERT INTO ([a-z_]+)"));
    // "INSERT INTO %1 …" or "INSERT INTO " + a name: a statement whose table the grep above cannot see.
    static const QRegularExpression built(QStringLiteral("INSERT INTO\\s*(%|\")"));
    const QStringList exempt{QStringLiteral("core/store/migrations.cpp"), QStringLiteral("core/audit/auditschema.cpp")};
    const QString root = QStringLiteral(VINHDANH_SOURCE_DIR "/");
    QMap<QString, QStringList> places;
    *files = 0;
    for (const char *folder : {"core", "ui", "app"}) {
        QDirIterator it(root + QLatin1String(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = path.mid(root.size());
            if (exempt.contains(relative) || relative.startsWith(QLatin1String("core/store/schema/")))
                continue;
            QFile file(path);
            REQUIRE(file.open(QIODevice::ReadOnly | QIODevice::Text));
            ++*files;
            int lineNo = 0;
            while (!file.atEnd()) {
                ++lineNo;
                QString line = QString::fromUtf8(file.readLine());
                const qsizetype comment = line.indexOf(QLatin1String("//"));
                if (comment >= 0)
                    line.truncate(comment);
                for (auto match = insert.globalMatch(line); match.hasNext();)
                    places[match.next().captured(1)] << QStringLiteral("%1:%2").arg(relative).arg(lineNo);
                if (line.contains(built))
                    *fromAName << QStringLiteral("%1:%2").arg(relative).arg(lineNo);
            }
        }
    }
    return places;
}

} // namespace

TEST_CASE("insertText_appearsInOnePlacePerTable_outsideMigrationsAndAuditTriggers", "[repo][writers]")
{
    int files = 0;
    QStringList fromAName;
    const QMap<QString, QStringList> places = insertPlaces(&files, &fromAName);
    CHECK(files > 300); // core, ui and app were read: the check cannot pass by reading nothing

    QStringList twice;
    for (auto it = places.cbegin(); it != places.cend(); ++it)
        if (it->size() > 1)
            twice << it.key() + QStringLiteral(" in ") + it->join(QStringLiteral(", "));
    INFO("tables with more than one INSERT: " << twice.join(QStringLiteral("; ")).toStdString());
    CHECK(twice.isEmpty());

    // Only RowWriter puts a table's name after INSERT INTO (rowwriter.cpp: its constructor's check
    // and the one text it builds); undoing a merge writes back through the tables' writers.
    INFO("INSERT built from a table name: " << fromAName.join(QStringLiteral(", ")).toStdString());
    CHECK(fromAName.size() == 2);
    CHECK(fromAName.filter(QRegularExpression(QStringLiteral("^core/registry/rowwriter\\.cpp:"))).size() == 2);

    // The registry tables' one INSERT is their repository's declaration, readable by grep (a
    // writer that assembled "INSERT INTO " + a name elsewhere would not be counted above).
    const QMap<QString, QString> owners{
        {QStringLiteral("people"), QStringLiteral("core/registry/personrepository.cpp")},
        {QStringLiteral("units"), QStringLiteral("core/registry/unitrepository.cpp")},
        {QStringLiteral("blocs"), QStringLiteral("core/registry/unitrepository.cpp")},
        {QStringLiteral("ratings"), QStringLiteral("core/registry/recordrows.cpp")},
        {QStringLiteral("awards"), QStringLiteral("core/registry/recordrows.cpp")},
        {QStringLiteral("initiatives"), QStringLiteral("core/registry/recordrows.cpp")},
        {QStringLiteral("initiative_holders"), QStringLiteral("core/registry/recordrows.cpp")},
        {QStringLiteral("disciplines"), QStringLiteral("core/registry/recordrows.cpp")},
        {QStringLiteral("eligibility_confirmations"), QStringLiteral("core/eligibility/confirmationrepository.cpp")},
        {QStringLiteral("review_minutes_subjects"), QStringLiteral("core/eligibility/minutesrepository.cpp")},
        {QStringLiteral("dossier_nominees"), QStringLiteral("core/dossiers/dossiernominees.cpp")},
        {QStringLiteral("office_settings"), QStringLiteral("core/registry/officesettings.cpp")},
        {QStringLiteral("nominee_outcomes"), QStringLiteral("core/proposals/workflowsql.cpp")},
        {QStringLiteral("base_salaries"), QStringLiteral("core/proposals/paydata.cpp")},
        {QStringLiteral("bonus_coefficients"), QStringLiteral("core/proposals/paydata.cpp")},
        {QStringLiteral("vote_thresholds"), QStringLiteral("core/proposals/paydata.cpp")},
    };
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        INFO(it.key().toStdString() << ": " << places.value(it.key()).join(QStringLiteral(", ")).toStdString());
        REQUIRE(places.value(it.key()).size() == 1);
        CHECK(places.value(it.key()).constFirst().startsWith(it.value() + QLatin1Char(':')));
    }
}

// The statements the importer and the demo prepare once and run for every chunk: their text is
// what the import-speed measurements of issue 15 were made with.
TEST_CASE("rowWriter_buildsEveryVariantFromTheTablesOneColumnList", "[repo][writers]")
{
    const RowWriter &ratings = RecordRepository::ratingRows();
    CHECK(ratings.table() == QStringLiteral("ratings"));
    CHECK(ratings.head() == QStringLiteral("INSERT INTO ratings (person_id, unit_id, year, rating, note)"));
    CHECK(ratings.head(ratings.without({QStringLiteral("note")}))
          == QStringLiteral("INSERT INTO ratings (person_id, unit_id, year, rating)"));
    CHECK(ratings.values({}, u":p, :u, :y, :r, :note")
          == QStringLiteral("INSERT INTO ratings (person_id, unit_id, year, rating, note) VALUES (:p, :u, :y, :r, :note)"));

    const RowWriter &awards = RecordRepository::awardRows();
    CHECK(awards.head(awards.without({QStringLiteral("decision_id")}))
          == QStringLiteral("INSERT INTO awards (ext_key, person_id, unit_id, form_code, kind, year, decision_no, decision_date, "
                            "authority, movement_id, note)"));

    // The importer's upsert: every column but the key updated, and only when a compared one changed.
    const RowWriter &blocs = UnitRepository::blocRows();
    CHECK(blocs.named(blocs.columns(), blocs.upsertTail(QStringLiteral("ext_key"), {QStringLiteral("name"), QStringLiteral("kind")})
                                           + QStringLiteral(" RETURNING id"))
          == QStringLiteral("INSERT INTO blocs (ext_key, name, kind) VALUES (:ext_key, :name, :kind) ON CONFLICT (ext_key) DO UPDATE "
                            "SET version = blocs.version + 1, name = excluded.name, kind = excluded.kind WHERE blocs.name IS "
                            "DISTINCT FROM excluded.name OR blocs.kind IS DISTINCT FROM excluded.kind RETURNING id"));
    const RowWriter &people = PersonRepository::rows();
    CHECK(people.upsertTail(QStringLiteral("ext_key"), {QStringLiteral("full_name")}, {QStringLiteral("search_key")})
          == QStringLiteral("ON CONFLICT (ext_key) DO UPDATE SET version = people.version + 1, full_name = excluded.full_name, "
                            "search_key = excluded.search_key WHERE people.full_name IS DISTINCT FROM excluded.full_name"));

    // COPY names the same columns as the multi-row INSERT.
    CHECK(people.columns()
          == QStringList{QStringLiteral("ext_key"), QStringLiteral("full_name"), QStringLiteral("given_name"),
                         QStringLiteral("gender"), QStringLiteral("birth_date"), QStringLiteral("cccd"), QStringLiteral("unit_id"),
                         QStringLiteral("position"), QStringLiteral("category"), QStringLiteral("search_key")});
    // Undoing a merge writes a deleted row back with the id and version it had, nothing undeclared.
    const RowWriter &subjects = Eligibility::MinutesRepository::subjectRows();
    CHECK(subjects.restorable()
          == QStringList{QStringLiteral("id"), QStringLiteral("minutes_id"), QStringLiteral("person_id"), QStringLiteral("unit_id"),
                         QStringLiteral("position"), QStringLiteral("version")});
    CHECK(ratings.restore({QStringLiteral("id"), QStringLiteral("person_id"), QStringLiteral("year"), QStringLiteral("rating"),
                           QStringLiteral("version")})
          == QStringLiteral("INSERT INTO ratings (id, person_id, year, rating, version) VALUES (:id, :person_id, :year, :rating, "
                            ":version)"));
    CHECK(Workflow::DossierRepository::nomineeRows().table() == QStringLiteral("dossier_nominees"));

    const RowWriter &confirmations = Eligibility::ConfirmationRepository::rows();
    CHECK(confirmations.table() == QStringLiteral("eligibility_confirmations"));
    CHECK(confirmations.columns().size() == 11);
    CHECK(confirmations.head().startsWith(QStringLiteral("INSERT INTO eligibility_confirmations (person_id, unit_id, ")));
}
