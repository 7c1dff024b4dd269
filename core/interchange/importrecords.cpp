// The interchange importer's records that hang on others: initiatives (with their holders and
// the award they were used for) and disciplines. Written in batches, like the people and awards.
#include "core/db/rowbatch.h"
#include "core/interchange/importer_p.h"
#include "core/registry/keys.h"
#include "core/registry/recordrepository.h"
#include "core/registry/rowwriter.h"
#include "core/registry/validation.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace VinhDanh::Core::Interchange::Detail {

void KeyMap::prefetch(const QStringList &fileKeys)
{
    QStringList keys;
    for (const QString &fileKey : fileKeys)
        if (!fileKey.isEmpty())
            keys << current(fileKey);
    keys.removeDuplicates();
    // The keys as one JSON array: a text parameter either backend can take apart.
    const QString sql = m_db.backend() == Backend::Postgres
                            ? QStringLiteral("SELECT t.ext_key, t.id FROM %1 t "
                                             "JOIN json_array_elements_text(CAST(:keys AS json)) AS k(v) ON t.ext_key = k.v")
                            : QStringLiteral("SELECT t.ext_key, t.id FROM %1 t JOIN json_each(:keys) AS k ON t.ext_key = k.value");
    Query q(m_db.sql(), sql.arg(QLatin1String(m_table)));
    constexpr qsizetype chunk = 1000;
    for (qsizetype from = 0; from < keys.size(); from += chunk) {
        const QJsonArray some = QJsonArray::fromStringList(keys.mid(from, chunk));
        q.bind(QStringLiteral(":keys"), QString::fromUtf8(QJsonDocument(some).toJson(QJsonDocument::Compact))).exec();
        while (q.next())
            m_ids.insert(q.text(0), q.id(1));
    }
}

int Importer::importInitiatives(const JsonFields &root)
{
    const QStringList columns{QStringLiteral("title"), QStringLiteral("decision_no"),       QStringLiteral("decision_date"),
                              QStringLiteral("level"), QStringLiteral("used_for_award_id"), QStringLiteral("note")};
    prepareKeys(m_initiatives, QStringLiteral("initiatives"));
    {
        // The awards the initiatives name, looked up together before them (a round trip each
        // on PostgreSQL; on SQLite the early pass costs what the look-ups saved). A record that
        // cannot be read ends this pass; the import itself then stops at it, in its turn,
        // with its message.
        QStringList named;
        try {
            m_reader->forEach(QStringLiteral("initiatives"), [&](int, const QJsonObject *record) {
                if (record)
                    named << record->value(QStringLiteral("usedForAward")).toString();
            });
        } catch (const Error &) {
        }
        m_awards.prefetch(named);
    }
    // The initiatives by chunks, then their holders: a statement (or three) per initiative
    // was a round trip each on PostgreSQL.
    const RowWriter &rows = RecordRepository::initiativeRows();
    RowBatch batch(m_db, rows.head(QStringList{QStringLiteral("ext_key")} + columns), int(columns.size()) + 1,
                   upsertTail(rows, columns));
    batch.setStraightCopies(noRows("initiatives"));
    struct Holders
    {
        QString key, where;
        QList<qint64> people;
    };
    QList<Holders> holders; // in file order
    const int count = each(
        root, QStringLiteral("initiatives"),
        {QStringLiteral("key"), QStringLiteral("title"), QStringLiteral("decisionNo"), QStringLiteral("decisionDate"),
         QStringLiteral("level"), QStringLiteral("holders"), QStringLiteral("usedForAward"), QStringLiteral("note")},
        [&](const JsonFields &f) {
            Initiative i;
            i.key = m_initiatives.recordKey(f.requiredString(QStringLiteral("key")));
            i.title = f.requiredString(QStringLiteral("title"));
            i.decisionNo = f.optionalString(QStringLiteral("decisionNo"));
            i.decisionDate = f.optionalDate(QStringLiteral("decisionDate"));
            i.level = f.requiredString(QStringLiteral("level"));
            i.note = f.optionalString(QStringLiteral("note"));
            i.usedForAwardId = optionalRef(f, m_awards, QStringLiteral("usedForAward"), Tr::tr("award"));
            for (const QString &holder : f.stringList(QStringLiteral("holders"))) {
                const qint64 id = m_people.find(holder);
                if (id == 0)
                    throw Error(Tr::tr("%1: the holder \"%2\" is neither in the file nor in the database.").arg(f.where(), holder));
                if (!i.holderIds.contains(id))
                    i.holderIds.append(id);
            }
            failIfInvalid(Validation::initiative(i));
            batch.add({i.key, i.title, RowBatch::optional(i.decisionNo), Keys::dateValue(i.decisionDate), i.level,
                       RowBatch::optional(i.usedForAwardId), RowBatch::optional(i.note)},
                      f.where());
            holders.append({i.key, f.where(), i.holderIds});
        });
    batch.flush();
    if (holders.isEmpty())
        return count;

    // Ids and stored holders in one read each (a province has tens of thousands).
    QHash<QString, qint64> ids;
    Query idRows(m_db.sql(), QStringLiteral("SELECT ext_key, id FROM initiatives"));
    idRows.exec();
    while (idRows.next())
        ids.insert(idRows.text(0), idRows.id(1));
    QHash<qint64, QSet<qint64>> stored;
    Query storedRows(m_db.sql(), QStringLiteral("SELECT initiative_id, person_id FROM initiative_holders"));
    storedRows.exec();
    while (storedRows.next())
        stored[storedRows.id(0)].insert(storedRows.id(1));

    Query holdersClear(m_db.sql(), QStringLiteral("DELETE FROM initiative_holders WHERE initiative_id = :i"));
    RowBatch holderRows(m_db, RecordRepository::holderRows().head(), 2, QString(), 500);
    QHash<QString, qsizetype> last; // a key written twice: its later record's holders, as its row
    for (qsizetype n = 0; n < holders.size(); ++n)
        last.insert(holders.at(n).key, n);
    for (qsizetype n = 0; n < holders.size(); ++n) {
        const Holders &h = holders.at(n);
        if (last.value(h.key) != n)
            continue;
        const qint64 id = ids.value(h.key);
        const auto before = stored.constFind(id);
        const QSet<qint64> now(h.people.cbegin(), h.people.cend());
        if (before == stored.constEnd() ? now.isEmpty() : *before == now)
            continue; // the same holders: leave their rows (and the audit log) alone
        if (before != stored.constEnd())
            holdersClear.bind(QStringLiteral(":i"), id).exec();
        for (qint64 person : h.people)
            holderRows.add({id, person}, h.where);
    }
    holderRows.flush();
    return count;
}

int Importer::importDisciplines(const JsonFields &root)
{
    Query disciplineUpsert(m_db.sql(), upsertSql(RecordRepository::disciplineRows(),
                                                 {QStringLiteral("person_id"), QStringLiteral("unit_id"), QStringLiteral("kind"),
                                                  QStringLiteral("start_date"), QStringLiteral("end_date"),
                                                  QStringLiteral("decision_no"), QStringLiteral("note")},
                                                 false));
    prepareKeys(m_disciplines, QStringLiteral("disciplines"));
    return each(root, QStringLiteral("disciplines"),
                {QStringLiteral("key"), QStringLiteral("person"), QStringLiteral("unit"), QStringLiteral("kind"),
                 QStringLiteral("startDate"), QStringLiteral("endDate"), QStringLiteral("decisionNo"), QStringLiteral("note")},
                [&](const JsonFields &f) {
                    Discipline d;
                    d.key = m_disciplines.recordKey(f.requiredString(QStringLiteral("key")));
                    d.subject = subject(f);
                    d.kind = f.requiredString(QStringLiteral("kind"));
                    d.startDate = f.requiredDate(QStringLiteral("startDate"));
                    d.endDate = f.optionalDate(QStringLiteral("endDate"));
                    d.decisionNo = f.optionalString(QStringLiteral("decisionNo"));
                    d.note = f.optionalString(QStringLiteral("note"));
                    failIfInvalid(Validation::discipline(d));
                    disciplineUpsert.bind(QStringLiteral(":ext_key"), d.key)
                        .bindOptional(QStringLiteral(":person_id"), d.subject.personId)
                        .bindOptional(QStringLiteral(":unit_id"), d.subject.unitId)
                        .bind(QStringLiteral(":kind"), d.kind)
                        .bind(QStringLiteral(":start_date"), Keys::dateValue(d.startDate))
                        .bind(QStringLiteral(":end_date"), Keys::dateValue(d.endDate))
                        .bindOptional(QStringLiteral(":decision_no"), d.decisionNo)
                        .bindOptional(QStringLiteral(":note"), d.note)
                        .exec();
                });
}

} // namespace VinhDanh::Core::Interchange::Detail
