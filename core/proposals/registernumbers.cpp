// Register numbers of dossiers and council sittings, decision numbers as typed, and the file
// names made of them (issue 16). Schema: core/store/schema/014_register_numbers.sql.
#include "core/proposals/registernumbers.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/error.h"
#include "core/proposals/recordstates.h"
#include "core/proposals/workflowsql_p.h"
#include "core/registry/keys.h"
#include "core/text/vntext.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace VinhDanh::Core::Workflow::Registers {

namespace {

QString bookCode(Book book)
{
    return book == Book::Dossier ? QStringLiteral("dossier") : QStringLiteral("sitting");
}

// The translated pattern; "%1/%2" is the number and the year in every language.
QString pattern(Book book)
{
    // Vietnamese: "HS %1/%2", "Phiên %1/%2" (the lead's .ts).
    return book == Book::Dossier ? Tr::tr("Dossier %1/%2", "a dossier's register number: number/year")
                                 : Tr::tr("Sitting %1/%2", "a council sitting's register number: number/year");
}

/// The words a number may start with, folded: the Vietnamese and English ones whatever the
/// interface language, and the translated one (a translator may choose another).
QStringList prefixes(Book book)
{
    QStringList out = book == Book::Dossier
                          ? QStringList{QStringLiteral("hs"), QStringLiteral("ho so"), QStringLiteral("dossier")}
                          : QStringList{QStringLiteral("phien hop"), QStringLiteral("phien"), QStringLiteral("sitting")};
    const QString translated = Text::fold(pattern(book).section(QStringLiteral("%1"), 0, 0));
    if (!translated.isEmpty() && !out.contains(translated))
        out.prepend(translated); // the longer forms first: "phien hop" before "phien"
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return out;
}

qint64 byNumber(const Database &db, const char *table, const Number &n)
{
    return Query(db.sql(),
                 QStringLiteral("SELECT id FROM %1 WHERE register_year = :y AND register_seq = :s").arg(QLatin1String(table)))
        .bind(QStringLiteral(":y"), n.year)
        .bind(QStringLiteral(":s"), n.seq)
        .scalar(0)
        .toLongLong();
}

struct DecisionRow
{
    qint64 id = 0;
    QString number;
    int year = 0;
    int registerNo = 0;
    QDate date;
    DecisionStatus status = DecisionStatus::Draft;
};

QString candidateText(const DecisionRow &r)
{
    const QString date = r.date.toString(QStringLiteral("dd/MM/yyyy"));
    return DecisionMachine::inForce(r.status)
               ? Tr::tr("%1 of %2", "a decision among candidates: number, date").arg(r.number, date)
               : Tr::tr("%1 of %2 (draft)", "a draft decision among candidates: number, date").arg(r.number, date);
}
} // namespace

int take(Database &db, Book book, int year)
{
    // A counter row per register and year rather than MAX()+1 over the records: a deleted
    // draft's number is never given again (papers and the audit log may name it), and on
    // PostgreSQL the UPDATE's row lock queues concurrent creations — the second waits for the
    // first to commit and then reads its number — where MAX()+1 would hand both the same
    // number under READ COMMITTED. The unique index on the records is the last guard.
    // SQLite has one writer at a time, so the same statements are safe there.
    Query(db.sql(), QStringLiteral("INSERT INTO register_counters (book, year, last_seq) VALUES (:b, :y, 0) "
                                   "ON CONFLICT (book, year) DO NOTHING"))
        .bind(QStringLiteral(":b"), bookCode(book))
        .bind(QStringLiteral(":y"), year)
        .exec();
    const int seq = Query(db.sql(), QStringLiteral("UPDATE register_counters SET last_seq = last_seq + 1 "
                                                   "WHERE book = :b AND year = :y RETURNING last_seq"))
                        .bind(QStringLiteral(":b"), bookCode(book))
                        .bind(QStringLiteral(":y"), year)
                        .scalar(0)
                        .toInt();
    if (seq <= 0)
        throw Error(Tr::tr("The register number could not be given; nothing was saved."),
                    QStringLiteral("register_counters %1/%2").arg(bookCode(book)).arg(year));
    return seq;
}

QString text(Book book, int year, int seq)
{
    if (seq <= 0 || year <= 0)
        return {};
    return pattern(book).arg(seq).arg(year);
}

QString fileStem(Book book, int year, int seq)
{
    if (seq <= 0 || year <= 0)
        return {};
    return QStringLiteral("%1-%2-%3").arg(book == Book::Dossier ? QStringLiteral("HS") : QStringLiteral("Phien")).arg(seq).arg(year);
}

QString decisionFileStem(const QString &number, const QDate &date)
{
    QStringList parts{QStringLiteral("QD"), fileNamePart(number)};
    if (date.isValid())
        parts << date.toString(QStringLiteral("dd-MM-yyyy"));
    parts.removeAll(QString());
    return parts.join(QLatin1Char('-'));
}

QString fileNamePart(const QString &text)
{
    // Case is kept ("QĐ-UBND" → "QD-UBND"): the number reads as it is printed.
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    bool dash = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        QChar a = c;
        if (c == QChar(0x0110))
            a = QLatin1Char('D');
        else if (c == QChar(0x0111))
            a = QLatin1Char('d');
        const bool ascii = a.unicode() < 128 && (a.isLetterOrNumber());
        if (ascii) {
            if (dash && !out.isEmpty())
                out.append(QLatin1Char('-'));
            out.append(a);
            dash = false;
        } else {
            dash = true; // "/", spaces, "\", ":", "*"… and letters outside ASCII
        }
    }
    return out;
}

std::optional<Number> parse(Book book, const QString &typed)
{
    QString s = Text::fold(typed);
    for (const QString &prefix : prefixes(book)) {
        if (s.startsWith(prefix)) {
            s = s.mid(prefix.size()).trimmed();
            break;
        }
    }
    static const QRegularExpression number(QStringLiteral("^(?:so\\s*|no\\.?\\s*)?(\\d{1,6})\\s*/\\s*(\\d{4})$"));
    const QRegularExpressionMatch m = number.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    Number n{m.captured(2).toInt(), m.captured(1).toInt()};
    if (n.seq <= 0)
        return std::nullopt;
    return n;
}

qint64 dossierId(const Database &db, const QString &typed)
{
    const QString t = typed.trimmed();
    if (const qint64 id = Lookup::idForKey(db, "dossiers", t))
        return id;
    const std::optional<Number> n = parse(Book::Dossier, t);
    return n ? byNumber(db, "dossiers", *n) : 0;
}

qint64 sittingId(const Database &db, const QString &typed)
{
    const QString t = typed.trimmed();
    if (const qint64 id = Lookup::idForKey(db, "council_sessions", t))
        return id;
    const std::optional<Number> n = parse(Book::Sitting, t);
    return n ? byNumber(db, "council_sessions", *n) : 0;
}

qint64 decisionId(const Database &db, const QString &typed)
{
    const QString t = Text::clean(typed);
    if (t.isEmpty())
        return 0;
    if (const qint64 id = Lookup::idForKey(db, "decisions", t))
        return id;
    // A register holds hundreds of decisions a year: reading them is cheaper than teaching SQL
    // to fold "QĐ" on both backends.
    QList<DecisionRow> rows;
    Query q(db.sql(), QStringLiteral("SELECT id, number, year, register_no, decision_date, status FROM decisions ORDER BY id"));
    q.exec();
    while (q.next())
        rows.append({q.id(0), q.text(1), q.integer(2), q.integer(3), Keys::dateFrom(q.value(4)), decisionStatusFromCode(q.text(5))});

    const QString folded = Text::fold(t).remove(QLatin1Char(' '));
    auto matching = [&](const QString &want, int year) {
        QList<DecisionRow> out;
        for (const DecisionRow &r : std::as_const(rows))
            if (Text::fold(r.number).remove(QLatin1Char(' ')) == want && (year == 0 || r.year == year))
                out << r;
        return out;
    };
    QList<DecisionRow> found = matching(folded, 0);
    if (found.isEmpty()) {
        // The number followed by its year: "173/QĐ-UBND 2026", "173/QĐ-UBND/2026", "… (2026)".
        static const QRegularExpression withYear(QStringLiteral("^(.+?)[\\s,/(]+(\\d{4})\\)?$"));
        const QRegularExpressionMatch m = withYear.match(t);
        if (m.hasMatch())
            found = matching(Text::fold(m.captured(1)).remove(QLatin1Char(' ')), m.captured(2).toInt());
    }
    if (found.isEmpty())
        return 0;
    if (found.size() > 1) {
        QStringList names;
        for (const DecisionRow &r : std::as_const(found))
            names << candidateText(r);
        const bool oneYear = std::all_of(found.cbegin(), found.cend(),
                                         [&](const DecisionRow &r) { return r.year == found.first().year; });
        if (oneYear) // drafts reusing an issued number: the year does not tell them apart
            throw Error(Tr::tr("More than one decision of %1 has the number \"%2\": %3. Name it by its key "
                               "(vinhdanh-cli decisions --format json shows the keys).")
                            .arg(found.first().year)
                            .arg(t, names.join(QStringLiteral("; "))));
        throw Error(Tr::tr("More than one decision has the number \"%1\": %2. Add the year after the number, "
                           "e.g. \"%3 %4\".")
                        .arg(t, names.join(QStringLiteral("; ")), found.first().number)
                        .arg(found.first().year));
    }
    return found.first().id;
}

} // namespace VinhDanh::Core::Workflow::Registers
