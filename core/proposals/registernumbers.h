#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Workflow {

/// Numbers a clerk can say and type (issue 16): every dossier and council sitting has a
/// number in its register per year — "HS 12/2025", "Phiên 3/2026" — and a decision has its
/// own number ("173/QĐ-UBND"). The internal ext_key (a UUID) stays internal: screens, printed
/// titles, default file names and the CLI's text output use these instead, and the CLI
/// accepts them wherever it accepts a key.
namespace Registers {

enum class Book { Dossier, Sitting };

/// Gives the next number of `book` for `year` (1 for the first of a year). Call it inside the
/// transaction that creates the record: the number is spent only if that transaction commits.
int take(Database &db, Book book, int year);

/// (A dossier's and a sitting's own: dossiers/dossier.h, council/sitting.h.)
/// "HS 12/2025" / "Phiên 3/2026" in Vietnamese, "Dossier 12/2025" / "Sitting 3/2026" in
/// English (the source strings); empty
/// when the record has no number (never in the program's own rows).
QString text(Book book, int year, int seq);

/// ASCII for file names, the same in every language: "HS-12-2025", "Phien-3-2026"; empty
/// when the record has no number.
QString fileStem(Book book, int year, int seq);
/// "173/QĐ-UBND" of 24/01/2026 → "QD-173-QD-UBND-24-01-2026" (without a date: no date part).
QString decisionFileStem(const QString &number, const QDate &date);
/// Text made safe for a file name on every system: diacritics dropped (đ → d), every run of
/// other characters than ASCII letters and digits becomes one "-", none at either end.
QString fileNamePart(const QString &text);

struct Number
{
    int year = 0;
    int seq = 0;
};
/// Reads a register number as typed: "HS 12/2025", "hs12/2025", "Hồ sơ 12/2025",
/// "Dossier 12/2025" or "12/2025" alone (and "Phiên 3/2026", "Sitting 3/2026", "3/2026").
std::optional<Number> parse(Book book, const QString &text);

/// The row id of the dossier / sitting a user names by its register number or its internal
/// key; 0 when there is none.
qint64 dossierId(const Database &db, const QString &text);
qint64 sittingId(const Database &db, const QString &text);
/// The row id of the decision named by its internal key or its number, diacritics and case
/// aside ("173/QĐ-UBND", "173/qd-ubnd"), with its year when the number recurs ("173/QĐ-UBND
/// 2026", "173/QĐ-UBND/2026"). 0 when there is none; Error naming the candidates when more
/// than one decision has that number.
qint64 decisionId(const Database &db, const QString &text);

} // namespace Registers

} // namespace VinhDanh::Core::Workflow
