#pragma once
// What each fuzz target does with one input, shared with the regression test that replays the
// seed corpora and every input a fuzz run ever crashed on (tests/core/fuzz_regressions_test.cpp),
// so the normal build checks the same thing the fuzzer did.
//
// The rule: a Core::Error (bad input refused with a message) is the correct outcome and is
// caught here. Anything else is a bug: a crash, a sanitizer report, another exception type, or a
// broken invariant, which throws Fuzz::Broken (in a fuzz target it reaches std::terminate, and
// libFuzzer saves the input).
#include "core/catalogue/movementhtml.h"
#include "core/catalogue/movementjson.h"
#include "core/catalogue/movementtext.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/eligibility/ruleset.h"
#include "core/error.h"
#include "core/interchange/importer.h"
#include "core/tables/csvreader.h"
#include "core/tables/docxreader.h"
#include "core/tables/xlsxreader.h"

#include <QByteArray>
#include <QFile>
#include <QJsonObject>

#include <stdexcept>
#include <string>

namespace VinhDanh::Fuzz {

struct Broken : std::logic_error
{
    using std::logic_error::logic_error;
};

inline void require(bool condition, const std::string &what)
{
    if (!condition)
        throw Broken("fuzz invariant broken: " + what);
}

enum class Outcome { Accepted, Refused };

/// The rule-set loader (core/eligibility/ruleset.cpp), as `rules --import` reads a file.
inline Outcome loadRuleSet(const QByteArray &bytes)
{
    Core::Eligibility::RuleSet set;
    try {
        set = Core::Eligibility::parseRuleSet(bytes, QStringLiteral("fuzz.json"));
    } catch (const Core::Error &) {
        return Outcome::Refused;
    }
    // An accepted set answers what the eligibility check asks of it.
    for (const QString &code : set.codes())
        require(set.rule(code, false) || set.rule(code, true), "a code listed by codes() has a rule");
    require(set.text == bytes, "the set keeps the file as read");
    return Outcome::Accepted;
}

/// The movement loader (core/catalogue/movementjson.cpp) reading a movement file, then what the
/// program does with an accepted movement: store it (toJson), read the stored form back, and
/// render it for the screen and the terminal.
inline Outcome loadMovement(const QByteArray &bytes)
{
    using namespace Core;
    Movement movement;
    try {
        movement = MovementJson::fromFile(bytes, QStringLiteral("fuzz.json"));
    } catch (const Error &) {
        return Outcome::Refused;
    }
    // A stored movement must always read back, unchanged: otherwise the database holds a
    // movement the program can no longer open.
    const QJsonObject stored = MovementJson::toJson(movement);
    try {
        const Movement again = MovementJson::fromJson(stored, QStringLiteral("stored"), MovementJson::Source::Stored);
        require(MovementJson::toJson(again) == stored, "a stored movement reads back unchanged");
    } catch (const Error &e) {
        require(false, std::string("a movement accepted from a file reads back from its stored form: ") + e.what());
    }
    require(!MovementHtml::render(movement, {}).isEmpty(), "an accepted movement renders as HTML");
    require(!MovementText::summary({movement}).isEmpty(), "an accepted movement has a summary");
    return Outcome::Accepted;
}

/// The interchange importer through its real entry point, importFrom(), which reads a file:
/// each input is written to `filePath` and imported over a small registry (so the update and
/// "unchanged" paths run, not only inserts) inside an outer transaction that is rolled back. A
/// nested Transaction is a savepoint, so importFrom's commit only releases it and every input
/// starts from the same database. Invariant: accepted or refused, the rollback leaves every
/// table an import writes, and the audit log, as they were.
class InterchangeHarness
{
public:
    /// `db` is open and empty; the base registry is imported (and committed) here.
    InterchangeHarness(Core::Database &db, QString filePath) : m_db(db), m_path(std::move(filePath))
    {
        write(QByteArray(baseRegistry()));
        Core::Interchange::importFrom(m_db, m_path);
        m_counts = counts();
    }

    /// A file whose header names an office this database does not know stops at the refusal
    /// unless the clerk says whose it is, so such an input is also imported as this office's
    /// own and as another office's (the key-renaming path): accepted when any of them is.
    Outcome import(const QByteArray &bytes)
    {
        write(bytes);
        Outcome outcome = importOnce(Core::Interchange::FileOffice::Ask);
        if (bytes.contains("officeId")) {
            for (auto office : {Core::Interchange::FileOffice::Same, Core::Interchange::FileOffice::Other})
                if (importOnce(office) == Outcome::Accepted)
                    outcome = Outcome::Accepted;
        }
        return outcome;
    }

    /// One import of `bytes` as the clerk's answer `office` says, rolled back like the others.
    Outcome importAs(const QByteArray &bytes, Core::Interchange::FileOffice office)
    {
        write(bytes);
        return importOnce(office);
    }

    /// The registry every input is imported over: each section once, keys the seeds reuse.
    static const char *baseRegistry()
    {
        return R"({
"format": "vinhdanh-interchange", "formatVersion": 2,
"blocs": [{"key": "B01", "name": "Khối các cơ quan tổng hợp", "kind": "khoi"}],
"units": [{"key": "U0001", "name": "UBND tỉnh", "kind": "provincial_agency"},
          {"key": "U0002", "name": "Sở Nội vụ", "kind": "provincial_agency", "parent": "U0001", "bloc": "B01",
           "validFrom": "2020-01-01"}],
"people": [{"key": "P000001", "fullName": "Nguyễn Văn An", "gender": "male", "birthDate": "1980-05-01",
            "cccd": "033080000001", "unit": "U0002", "position": "Chuyên viên", "category": "cong_chuc"}],
"ratings": [{"person": "P000001", "year": 2024, "rating": "HTXSNV"}, {"unit": "U0002", "year": 2024, "rating": "HTTNV"}],
"awards": [{"key": "A0000001", "person": "P000001", "form": "CSTDCS", "kind": "cong_trang", "year": 2024,
            "decisionNo": "123/QĐ-UBND", "decisionDate": "2025-02-10", "authority": "Chủ tịch UBND tỉnh"}],
"initiatives": [{"key": "SK000001", "title": "Số hóa hồ sơ", "level": "co_so", "holders": ["P000001"],
                 "decisionDate": "2024-11-20"}],
"disciplines": [{"key": "KL00001", "person": "P000001", "kind": "khien_trach", "startDate": "2023-03-01",
                 "endDate": "2024-03-01"}],
"confirmations": [{"person": "P000001", "form": "LDTT", "year": 2025, "item": "tinh-than", "confirmed": true,
                   "evidence": "Biên bản họp", "by": "clerk1", "at": "2026-01-12T08:30:00.000Z"}]
})";
    }

private:
    Outcome importOnce(Core::Interchange::FileOffice office)
    {
        Outcome outcome = Outcome::Accepted;
        try {
            Core::Transaction outer(m_db.sql()); // never committed: the destructor rolls back
            Core::Interchange::ImportOptions options;
            options.office = office;
            Core::Interchange::importFrom(m_db, m_path, options);
        } catch (const Core::Error &) {
            outcome = Outcome::Refused;
        }
        require(counts() == m_counts, "the database is as it was after the rollback");
        return outcome;
    }

    void write(const QByteArray &bytes)
    {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            throw std::runtime_error("cannot write the fuzz input file"); // the harness failed, not the importer
    }

    /// Rows of every table an import writes, and of the audit log its triggers fill; for the
    /// office's settings and schema_info (office ids) their lengths too, as a cheap fingerprint.
    QString counts()
    {
        Core::Query q(
            m_db.sql(),
            QStringLiteral("SELECT (SELECT count(*) FROM blocs) || ',' || (SELECT count(*) FROM units) || ',' || "
                           "(SELECT count(*) FROM people) || ',' || (SELECT count(*) FROM movements) || ',' || "
                           "(SELECT count(*) FROM ratings) || ',' || (SELECT count(*) FROM awards) || ',' || "
                           "(SELECT count(*) FROM initiatives) || ',' || (SELECT count(*) FROM initiative_holders) || ',' || "
                           "(SELECT count(*) FROM disciplines) || ',' || (SELECT count(*) FROM eligibility_confirmations) || ',' || "
                           "(SELECT count(*) FROM audit_log) || ',' || (SELECT count(*) FROM office_key_aliases) || ',' || "
                           // What an office's file changes besides rows: the office ids remembered, the letterhead.
                           "(SELECT count(*) || ':' || COALESCE(sum(length(key) + 7 * length(value)), 0) FROM schema_info) || ',' || "
                           "(SELECT count(*) || ':' || COALESCE(sum(length(key) + 7 * length(value)), 0) FROM office_settings)"));
        return q.scalar(0).toString();
    }

    Core::Database &m_db;
    QString m_path;
    QString m_counts;
};

/// The spreadsheet readers (core/tables) as `import-table` meets a file: a zip holding
/// word/document.xml as a Word file (every table), another zip as an XLSX workbook (every
/// sheet, hidden ones too), anything else as a CSV. The rows of an
/// accepted sheet are numbered upward within Excel's limits, as the preview reports them.
inline Outcome loadTable(const QByteArray &bytes)
{
    using namespace Core::Tables;
    QList<Sheet> sheets;
    try {
        if (isDocxFile(bytes)) { // a Word file's tables (a lower unit's danh sách đề nghị)
            const DocxDocument doc(bytes);
            sheets << doc.tables();
        } else if (bytes.startsWith("PK")) {
            const XlsxWorkbook book(bytes);
            for (const SheetInfo &info : book.sheets())
                sheets << book.read(info.name);
        } else {
            sheets << CsvReader::read(bytes);
        }
    } catch (const Core::Error &) {
        return Outcome::Refused;
    }
    for (const Sheet &sheet : sheets) {
        int previous = 0;
        for (const Row &row : sheet.rows) {
            require(row.number > previous && row.number <= kMaxRows, "row numbers rise within the sheet's limit");
            previous = row.number;
        }
    }
    return Outcome::Accepted;
}

} // namespace VinhDanh::Fuzz
