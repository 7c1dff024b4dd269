// The gold book (sổ vàng): the office's register of the certificates it prints, one per blank
// type and year (schema step 9, table gold_book). A certificate's number is given the first
// time it is printed or saved and read back for every reprint, so the number on a second copy
// is the number in the book.
#include "core/documents/certificates.h"
#include "core/documents/certificates_p.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/proposals/workflowrows.h"

#include <QHash>
#include <QSet>

namespace VinhDanh::Documents::Certificates {

namespace {
QString goldBookText(int number)
{
    return number > 0 ? QStringLiteral("Số sổ vàng: %1").arg(number) : QString();
}

void setNumber(Certificate &c, int number)
{
    c.goldBook = number;
    c.text.insert(QStringLiteral("goldBook"), goldBookText(number));
}

/// awardee id → number, for the awardees of `certificates` already in the book.
QHash<qint64, int> stored(const Core::Database &db, const QString &type, const QList<Certificate> &certificates)
{
    QHash<qint64, int> out;
    QSet<qint64> awardees;
    for (const Certificate &c : certificates)
        awardees.insert(c.awardeeId);
    if (awardees.isEmpty())
        return out;
    // A decision's awardees number a few hundred at most; one query for all of them. The ids
    // are integers from our own rows, so listing them in the statement is safe.
    QStringList ids;
    for (qint64 id : awardees)
        ids << QString::number(id);
    Core::Query q(db.sql(), QStringLiteral("SELECT awardee_id, number FROM gold_book WHERE book = :b AND awardee_id IN (%1)")
                                .arg(ids.join(QLatin1Char(','))));
    q.bind(QStringLiteral(":b"), type).exec();
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toInt());
    return out;
}

/// The last number given in `type`'s book for `year` (0 when none yet).
int lastNumber(const Core::Database &db, const QString &type, int year)
{
    Core::Query q(db.sql(), QStringLiteral("SELECT max(number) FROM gold_book WHERE book = :b AND year = :y"));
    q.bind(QStringLiteral(":b"), type).bind(QStringLiteral(":y"), year).exec();
    return q.next() ? q.value(0).toInt() : 0;
}

/// Numbers the unnumbered ones in list order, continuing each year's sequence; returns those
/// it numbered.
QList<Certificate *> numberNew(const Core::Database &db, const QString &type, QList<Certificate> &certificates)
{
    const QHash<qint64, int> known = stored(db, type, certificates);
    QHash<int, int> last; // year → last number given
    QList<Certificate *> fresh;
    for (Certificate &c : certificates) {
        if (known.contains(c.awardeeId)) {
            setNumber(c, known.value(c.awardeeId));
            continue;
        }
        if (!last.contains(c.year))
            last.insert(c.year, lastNumber(db, type, c.year));
        setNumber(c, ++last[c.year]);
        fresh << &c;
    }
    return fresh;
}
} // namespace

void readGoldBook(const Core::Database &db, const QString &type, QList<Certificate> &certificates)
{
    const QHash<qint64, int> known = stored(db, type, certificates);
    for (Certificate &c : certificates)
        setNumber(c, known.value(c.awardeeId));
}

void previewGoldBook(const Core::Database &db, const QString &type, QList<Certificate> &certificates)
{
    numberNew(db, type, certificates);
}

void assignGoldBook(Core::Database &db, const QString &type, QList<Certificate> &certificates)
{
    Core::Permissions::require(db, Core::Permissions::Action::DraftDecisions);
    Core::Transaction tx(db.sql());
    // Two office computers printing at once (PostgreSQL) must not both take "the next" number:
    // the lock makes the second wait until the first has committed, then it reads the new
    // maximum. SQLite allows one writer at a time anyway. UNIQUE (book, year, number) is the
    // last line of defence either way.
    if (db.backend() == Core::Backend::Postgres) {
        // However long the first takes to print: no lock timeout for this wait (core/db/transaction.cpp).
        Core::Query::run(db.sql(), QStringLiteral("SELECT set_config('lock_timeout', '0', true)"));
        Core::Query::run(db.sql(), QStringLiteral("LOCK TABLE gold_book IN SHARE ROW EXCLUSIVE MODE"));
    }
    const QString now = Core::Workflow::Rows::nowText();
    // Numbered on a copy: if the transaction fails, the caller's list is left as it was.
    QList<Certificate> numbered = certificates;
    for (const Certificate *c : numberNew(db, type, numbered)) {
        Core::Query(db.sql(), QStringLiteral("INSERT INTO gold_book (book, year, number, awardee_id, printed_at) "
                                             "VALUES (:b, :y, :n, :a, :t)"))
            .bind(QStringLiteral(":b"), type)
            .bind(QStringLiteral(":y"), c->year)
            .bind(QStringLiteral(":n"), c->goldBook)
            .bind(QStringLiteral(":a"), c->awardeeId)
            .bind(QStringLiteral(":t"), now)
            .exec();
    }
    tx.commit();
    certificates = numbered;
}

void printWithGoldBook(Core::Database &db, const QString &type, QList<Certificate> &certificates,
                       const std::function<void(const QList<Certificate> &)> &print)
{
    // assignGoldBook's own transaction becomes a savepoint of this one: its numbers are
    // committed only once the certificates carrying them have been printed.
    Core::Transaction tx(db.sql());
    QList<Certificate> numbered = certificates;
    assignGoldBook(db, type, numbered);
    print(numbered);
    tx.commit();
    certificates = numbered;
}

} // namespace VinhDanh::Documents::Certificates
