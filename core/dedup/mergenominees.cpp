// Folding the two nominations of merged records in one dossier (see mergenominees_p.h).
#include "core/dedup/mergenominees_p.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/dedup/mergerefs_p.h"
#include "core/proposals/statemachine.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <utility>

namespace VinhDanh::Core::Dedup::Fold {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Dedup)
};

// Keys of the merge's set_aside map: no reference table is named so, so the generic undo
// (unmerge.cpp, refFor) passes them by. "fold:<folded>" → [survivor]; the rows moved onto the
// survivor under "fold.checklist:<folded>" and "fold.files:<folded>".
const QString kFold = QStringLiteral("fold:");
const QString kChecklist = QStringLiteral("fold.checklist:");
const QString kFiles = QStringLiteral("fold.files:");

QString column(Kind kind)
{
    return kind == Kind::Units ? QStringLiteral("unit_id") : QStringLiteral("person_id");
}

int scalar(const Database &db, const QString &sql, qint64 id)
{
    return Query(db.sql(), sql).bind(QStringLiteral(":id"), id).scalar(0).toInt();
}

/// Gone on past the dossier: appraised, before the council, on a decision, or with an outcome.
/// Such a nomination is referenced from there and cannot be the one deleted.
bool goneOn(const Database &db, qint64 nominee)
{
    return scalar(db,
                  QStringLiteral("SELECT (SELECT count(*) FROM nominee_appraisals WHERE nominee_id = :id) + (SELECT count(*) "
                                 "FROM council_items WHERE nominee_id = :id) + (SELECT count(*) FROM decision_awardees "
                                 "WHERE nominee_id = :id) + (SELECT count(*) FROM nominee_outcomes WHERE nominee_id = :id)"),
                  nominee)
           > 0;
}

int confirmed(const Database &db, qint64 nominee)
{
    return scalar(db, QStringLiteral("SELECT count(*) FROM nominee_checklist WHERE nominee_id = :id AND confirmed = 1"), nominee);
}

QList<qint64> ids(const Database &db, const QString &sql, qint64 id)
{
    Query q(db.sql(), sql);
    q.bind(QStringLiteral(":id"), id).exec();
    QList<qint64> out;
    while (q.next())
        out << q.id(0);
    return out;
}

void moveTo(const Database &db, const QString &table, const QList<qint64> &rows, qint64 from, qint64 to)
{
    for (const qint64 row : rows)
        Query(db.sql(), QStringLiteral("UPDATE %1 SET nominee_id = :to, version = version + 1 WHERE id = :row AND "
                                       "nominee_id = :from")
                            .arg(table))
            .bind(QStringLiteral(":to"), to)
            .bind(QStringLiteral(":row"), row)
            .bind(QStringLiteral(":from"), from)
            .exec();
}
} // namespace

QList<Pair> pairs(const Database &db, Kind kind, qint64 keepId, qint64 dropId, QStringList *blockers)
{
    const QString c = column(kind);
    Query q(db.sql(), QStringLiteral("SELECT k.id, d.id, s.title, f.name FROM dossier_nominees k "
                                     "JOIN dossier_nominees d ON d.dossier_id = k.dossier_id AND d.form_code = k.form_code "
                                     "JOIN dossiers s ON s.id = k.dossier_id JOIN award_forms f ON f.code = k.form_code "
                                     "WHERE k.%1 = :keep AND d.%1 = :drop AND s.status IN %2 "
                                     "ORDER BY k.id, d.id")
                          .arg(c, Workflow::StateMachine::contentEditableSql()));
    q.bind(QStringLiteral(":keep"), keepId).bind(QStringLiteral(":drop"), dropId).exec();
    // Read whole before the per-nomination queries: QPSQL keeps one result set at a time.
    QList<Pair> found;
    while (q.next())
        found << Pair{q.id(0), q.id(1), q.text(2), q.text(3)};
    QList<Pair> out;
    QSet<qint64> used; // a record nominated twice already: each nomination folds once
    for (Pair p : std::as_const(found)) {
        const qint64 k = p.survivor, d = p.folded;
        if (used.contains(k) || used.contains(d))
            continue;
        const bool kOn = goneOn(db, k), dOn = goneOn(db, d);
        if (kOn && dOn) {
            *blockers << Tr::tr("both records are nominated for %1 in the dossier \"%2\", and both nominations have gone on "
                                "to appraisal, the council or a decision; withdraw one of them first.")
                             .arg(p.form, p.dossier);
            continue;
        }
        if (dOn || (!kOn && confirmed(db, d) > confirmed(db, k)))
            std::swap(p.survivor, p.folded);
        used << k << d;
        out << p;
    }
    // The two records side by side elsewhere: one person would be voted on, or awarded, twice.
    Query s(db.sql(), QStringLiteral("SELECT DISTINCT cs.title FROM council_items a JOIN dossier_nominees an ON an.id = a.nominee_id "
                                     "JOIN council_items b ON b.session_id = a.session_id JOIN dossier_nominees bn ON "
                                     "bn.id = b.nominee_id JOIN council_sessions cs ON cs.id = a.session_id "
                                     "WHERE an.%1 = :keep AND bn.%1 = :drop AND an.form_code = bn.form_code")
                          .arg(c));
    s.bind(QStringLiteral(":keep"), keepId).bind(QStringLiteral(":drop"), dropId).exec();
    while (s.next())
        *blockers << Tr::tr("both records are before the council sitting \"%1\" for the same form; take one of them off "
                            "the sitting first.")
                         .arg(s.text(0));
    Query d(db.sql(), QStringLiteral("SELECT DISTINCT dc.number FROM decision_awardees a JOIN decision_awardees b ON "
                                     "b.decision_id = a.decision_id AND b.form_code = a.form_code JOIN decisions dc ON "
                                     "dc.id = a.decision_id WHERE a.%1 = :keep AND b.%1 = :drop")
                          .arg(c));
    d.bind(QStringLiteral(":keep"), keepId).bind(QStringLiteral(":drop"), dropId).exec();
    while (d.next())
        *blockers << Tr::tr("both records are on the list of the decision %1 for the same form; take one of them off the "
                            "list first.")
                         .arg(d.text(0));
    return out;
}

void fold(const Database &db, const QList<Pair> &pairs, QMap<QString, QList<qint64>> &record)
{
    for (const Pair &p : pairs) {
        // Both nominations' confirmations and evidence are kept: the folded one's checklist rows
        // and files move onto the survivor (a standard may then be listed twice, once per
        // record, rather than lose a confirmation); the folded row itself is deleted, and the
        // audit log keeps it for the undo.
        const QList<qint64> checklist = ids(db, QStringLiteral("SELECT id FROM nominee_checklist WHERE nominee_id = :id ORDER BY id"),
                                            p.folded);
        const QList<qint64> files = ids(db, QStringLiteral("SELECT id FROM dossier_attachments WHERE nominee_id = :id ORDER BY id"),
                                        p.folded);
        moveTo(db, QStringLiteral("nominee_checklist"), checklist, p.folded, p.survivor);
        moveTo(db, QStringLiteral("dossier_attachments"), files, p.folded, p.survivor);
        Query(db.sql(), QStringLiteral("DELETE FROM dossier_nominees WHERE id = :id")).bind(QStringLiteral(":id"), p.folded).exec();
        const QString key = QString::number(p.folded);
        record.insert(kFold + key, {p.survivor});
        if (!checklist.isEmpty())
            record.insert(kChecklist + key, checklist);
        if (!files.isEmpty())
            record.insert(kFiles + key, files);
    }
}

void unfold(const Database &db, Kind kind, const QMap<QString, QList<qint64>> &record, qint64 droppedId, qint64 restoredId)
{
    const QString c = column(kind);
    for (auto it = record.cbegin(); it != record.cend(); ++it) {
        if (!it.key().startsWith(kFold) || it.value().isEmpty())
            continue;
        const qint64 folded = it.key().mid(kFold.size()).toLongLong();
        const qint64 survivor = it.value().first();
        QJsonObject row = Refs::deletedRow(db, QStringLiteral("dossier_nominees"), folded);
        if (row.isEmpty())
            continue;
        // The folded nomination was the dropped record's, or the kept one's (when the dropped
        // record's was further along and stayed).
        if (qint64(row.value(c).toDouble()) == droppedId)
            row.insert(c, double(restoredId));
        qint64 id = folded;
        const bool taken = Query(db.sql(), QStringLiteral("SELECT count(*) FROM dossier_nominees WHERE id = :id"))
                               .bind(QStringLiteral(":id"), folded)
                               .scalar(0)
                               .toInt()
                           > 0;
        if (taken)
            row.remove(QStringLiteral("id"));
        Refs::insertRow(db, QStringLiteral("dossier_nominees"), row);
        if (taken)
            id = Query(db.sql(), QStringLiteral("SELECT max(id) FROM dossier_nominees")).scalar(0).toLongLong();
        const QString key = QString::number(folded);
        moveTo(db, QStringLiteral("nominee_checklist"), record.value(kChecklist + key), survivor, id);
        moveTo(db, QStringLiteral("dossier_attachments"), record.value(kFiles + key), survivor, id);
    }
}

} // namespace VinhDanh::Core::Dedup::Fold
