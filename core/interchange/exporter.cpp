#include "core/interchange/exporter.h"

#include "core/accounts/permissions.h"
#include "core/catalogue/movementjson.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/registry/keyaliases.h"
#include "core/registry/keys.h"
#include "core/registry/movementrepository.h"
#include "core/text/jsonfields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <functional>

namespace VinhDanh::Core::Interchange {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Interchange)
};

/// Writes `"name": [` then one compact object per line, then `]`.
class ArrayWriter
{
public:
    ArrayWriter(QSaveFile &file, const char *name, bool last = false) : m_file(file), m_last(last)
    {
        m_file.write(QByteArray("\"") + name + "\": [");
    }
    ~ArrayWriter() { m_file.write(m_count ? "\n]" : "]"), m_file.write(m_last ? "\n" : ",\n"); }
    void add(const QJsonObject &o)
    {
        m_file.write(m_count++ ? ",\n" : "\n");
        m_file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    int count() const { return m_count; }

private:
    QSaveFile &m_file;
    bool m_last;
    int m_count = 0;
};

void putSubject(QJsonObject &o, const QString &personKey, const QString &unitKey)
{
    if (!personKey.isEmpty())
        o.insert(QStringLiteral("person"), personKey);
    else
        o.insert(QStringLiteral("unit"), unitKey);
}

int writeRows(Database &db, ArrayWriter &out, const QString &sql, const std::function<QJsonObject(Query &)> &row)
{
    Query q(db.sql(), sql);
    q.exec();
    while (q.next())
        out.add(row(q));
    return out.count();
}
/// The clerk's eligibility confirmations, ticked and withdrawn. Sorted here rather than by
/// ORDER BY: item ids hold hyphens ("movement-1-10"), which a PostgreSQL locale collation
/// orders differently from SQLite, and the file must be the same bytes from either backend.
/// The rows are few (one per item a clerk answered), so holding them is cheap.
int writeConfirmations(Database &db, ArrayWriter &out)
{
    Query q(db.sql(), QStringLiteral("SELECT p.ext_key, u.ext_key, c.form_code, c.year, m.ext_key, c.item_id, c.confirmed, "
                                     "c.evidence, c.confirmed_by, c.confirmed_at FROM eligibility_confirmations c "
                                     "LEFT JOIN people p ON p.id = c.person_id LEFT JOIN units u ON u.id = c.unit_id "
                                     "LEFT JOIN movements m ON m.id = c.movement_id"));
    q.exec();
    QList<std::pair<QStringList, QJsonObject>> rows;
    while (q.next()) {
        const int year = q.integer(3);
        // People before units, as in "ratings"; the year zero-padded so text order is number order.
        const QStringList sortKey{q.text(0).isEmpty() ? QStringLiteral("1") : QStringLiteral("0"),
                                  q.text(0) + q.text(1),
                                  q.text(2),
                                  QStringLiteral("%1").arg(year, 4, 10, QLatin1Char('0')),
                                  q.text(4),
                                  q.text(5)};
        QJsonObject o{{QStringLiteral("year"), year},
                      {QStringLiteral("item"), q.text(5)},
                      {QStringLiteral("confirmed"), q.integer(6) != 0},
                      {QStringLiteral("at"), q.text(9)}};
        // No form: a fact of the nominee and the year, for every form (schema step 7).
        JsonOut::putString(o, QStringLiteral("form"), q.text(2));
        putSubject(o, q.text(0), q.text(1));
        JsonOut::putString(o, QStringLiteral("movement"), q.text(4));
        JsonOut::putString(o, QStringLiteral("evidence"), q.text(7));
        JsonOut::putString(o, QStringLiteral("by"), q.text(8));
        rows.append({sortKey, o});
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &row : std::as_const(rows))
        out.add(row.second);
    return out.count();
}
} // namespace

InterchangeCounts exportTo(Database &db, const QString &path)
{
    Permissions::require(db, Permissions::Action::ExportData);
    using namespace JsonOut;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(Tr::tr("Could not write the file \"%1\": %2").arg(path, file.errorString()));
    InterchangeCounts counts;
    file.write(QStringLiteral("{\n\"format\": \"vinhdanh-interchange\",\n\"formatVersion\": %1,\n").arg(kFormatVersion).toUtf8());
    // Which office wrote the file: its own file imports back by key, another office's through
    // the keys its records got there (docs/interchange.md). The name is for messages only.
    const auto headerText = [&file](const char *name, const QString &value) {
        if (value.isEmpty())
            return;
        // A one-element array serialises the text with JSON's escapes; its brackets are cut off.
        const QByteArray array = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        file.write(QByteArray("\"") + name + "\": " + array.mid(1, array.size() - 2) + ",\n");
    };
    headerText("officeId", Keys::officeId(db));
    headerText("officeName", Keys::officeName(db));
    {
        ArrayWriter out(file, "blocs");
        counts.blocs = writeRows(db, out, QStringLiteral("SELECT ext_key, name, kind FROM blocs ORDER BY ext_key"), [](Query &q) {
            return QJsonObject{
                {QStringLiteral("key"), q.text(0)}, {QStringLiteral("name"), q.text(1)}, {QStringLiteral("kind"), q.text(2)}};
        });
    }
    {
        ArrayWriter out(file, "units");
        counts.units = writeRows(
            db, out,
            QStringLiteral("SELECT u.ext_key, u.name, u.kind, p.ext_key, b.ext_key, u.valid_from, u.valid_to, s.ext_key "
                           "FROM units u LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN blocs b ON b.id = u.bloc_id "
                           "LEFT JOIN units s ON s.id = u.succeeded_by_id ORDER BY u.ext_key"),
            [](Query &q) {
                QJsonObject o{
                    {QStringLiteral("key"), q.text(0)}, {QStringLiteral("name"), q.text(1)}, {QStringLiteral("kind"), q.text(2)}};
                putString(o, QStringLiteral("parent"), q.text(3));
                putString(o, QStringLiteral("bloc"), q.text(4));
                putString(o, QStringLiteral("validFrom"), q.text(5));
                putString(o, QStringLiteral("validTo"), q.text(6));
                putString(o, QStringLiteral("succeededBy"), q.text(7));
                return o;
            });
    }
    {
        ArrayWriter out(file, "people");
        counts.people = writeRows(
            db, out,
            QStringLiteral("SELECT p.ext_key, p.full_name, p.gender, p.birth_date, p.cccd, u.ext_key, p.position, p.category "
                           "FROM people p JOIN units u ON u.id = p.unit_id ORDER BY p.ext_key"),
            [](Query &q) {
                QJsonObject o{{QStringLiteral("key"), q.text(0)},
                              {QStringLiteral("fullName"), q.text(1)},
                              {QStringLiteral("unit"), q.text(5)},
                              {QStringLiteral("category"), q.text(7)}};
                putString(o, QStringLiteral("gender"), q.text(2));
                putString(o, QStringLiteral("birthDate"), q.text(3));
                putString(o, QStringLiteral("cccd"), q.text(4));
                putString(o, QStringLiteral("position"), q.text(6));
                return o;
            });
    }
    {
        // Only the office's own movements: the catalogue ships with every database.
        ArrayWriter out(file, "movements");
        MovementRepository repo(db);
        for (const MovementSummary &s : repo.list())
            if (!s.isCatalogue)
                out.add(MovementJson::toJson(*repo.get(s.id)));
        counts.movements = out.count();
    }
    {
        ArrayWriter out(file, "ratings");
        counts.ratings = writeRows(db, out,
                                   QStringLiteral("SELECT p.ext_key, u.ext_key, r.year, r.rating, r.note FROM ratings r "
                                                  "LEFT JOIN people p ON p.id = r.person_id LEFT JOIN units u ON u.id = r.unit_id "
                                                  "ORDER BY CASE WHEN r.person_id IS NULL THEN 1 ELSE 0 END, "
                                                  "COALESCE(p.ext_key, u.ext_key), r.year"),
                                   [](Query &q) {
                                       QJsonObject o{{QStringLiteral("year"), q.integer(2)}, {QStringLiteral("rating"), q.text(3)}};
                                       putSubject(o, q.text(0), q.text(1));
                                       putString(o, QStringLiteral("note"), q.text(4));
                                       return o;
                                   });
    }
    {
        ArrayWriter out(file, "awards");
        counts.awards = writeRows(db, out,
                                  QStringLiteral("SELECT a.ext_key, p.ext_key, u.ext_key, a.form_code, a.kind, a.year, a.decision_no, "
                                                 "a.decision_date, a.authority, m.ext_key, a.note FROM awards a "
                                                 "LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = a.unit_id "
                                                 "LEFT JOIN movements m ON m.id = a.movement_id ORDER BY a.ext_key"),
                                  [](Query &q) {
                                      QJsonObject o{{QStringLiteral("key"), q.text(0)},
                                                    {QStringLiteral("form"), q.text(3)},
                                                    {QStringLiteral("kind"), q.text(4)},
                                                    {QStringLiteral("year"), q.integer(5)}};
                                      putSubject(o, q.text(1), q.text(2));
                                      putString(o, QStringLiteral("decisionNo"), q.text(6));
                                      putString(o, QStringLiteral("decisionDate"), q.text(7));
                                      putString(o, QStringLiteral("authority"), q.text(8));
                                      putString(o, QStringLiteral("movement"), q.text(9));
                                      putString(o, QStringLiteral("note"), q.text(10));
                                      return o;
                                  });
    }
    {
        // Holders come from one ordered pass over initiative_holders, not a query per initiative.
        QHash<QString, QStringList> holders;
        Query h(db.sql(), QStringLiteral("SELECT i.ext_key, p.ext_key FROM initiative_holders ih "
                                         "JOIN initiatives i ON i.id = ih.initiative_id JOIN people p ON p.id = ih.person_id "
                                         "ORDER BY i.ext_key, p.ext_key"));
        h.exec();
        while (h.next())
            holders[h.text(0)].append(h.text(1));
        ArrayWriter out(file, "initiatives");
        counts.initiatives = writeRows(
            db, out,
            QStringLiteral("SELECT i.ext_key, i.title, i.decision_no, i.decision_date, i.level, a.ext_key, i.note "
                           "FROM initiatives i LEFT JOIN awards a ON a.id = i.used_for_award_id ORDER BY i.ext_key"),
            [&holders](Query &q) {
                QJsonObject o{{QStringLiteral("key"), q.text(0)},
                              {QStringLiteral("title"), q.text(1)},
                              {QStringLiteral("level"), q.text(4)},
                              {QStringLiteral("holders"), strings(holders.value(q.text(0)))}};
                putString(o, QStringLiteral("decisionNo"), q.text(2));
                putString(o, QStringLiteral("decisionDate"), q.text(3));
                putString(o, QStringLiteral("usedForAward"), q.text(5));
                putString(o, QStringLiteral("note"), q.text(6));
                return o;
            });
    }
    {
        ArrayWriter out(file, "disciplines");
        counts.disciplines = writeRows(
            db, out,
            QStringLiteral("SELECT d.ext_key, p.ext_key, u.ext_key, d.kind, d.start_date, d.end_date, d.decision_no, d.note "
                           "FROM disciplines d LEFT JOIN people p ON p.id = d.person_id "
                           "LEFT JOIN units u ON u.id = d.unit_id ORDER BY d.ext_key"),
            [](Query &q) {
                QJsonObject o{
                    {QStringLiteral("key"), q.text(0)}, {QStringLiteral("kind"), q.text(3)}, {QStringLiteral("startDate"), q.text(4)}};
                putSubject(o, q.text(1), q.text(2));
                putString(o, QStringLiteral("endDate"), q.text(5));
                putString(o, QStringLiteral("decisionNo"), q.text(6));
                putString(o, QStringLiteral("note"), q.text(7));
                return o;
            });
    }
    {
        ArrayWriter out(file, "confirmations", true);
        counts.confirmations = writeConfirmations(db, out);
    }
    file.write("}\n");
    if (!file.commit())
        throw Error(Tr::tr("Could not write the file \"%1\": %2").arg(path, file.errorString()));
    return counts;
}

} // namespace VinhDanh::Core::Interchange
