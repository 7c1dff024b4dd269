#include "core/tables/dates.h"

#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace VinhDanh::Core::Tables::Dates {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

// A serial below this is a year or a count typed in a date column (1980 would be 1905-06-02):
// refused rather than guessed. 10000 is 18/05/1927, older than any birth date in a registry
// of serving staff.
constexpr double kMinSerial = 10000;
constexpr double kMaxSerial = 2958465; // 31/12/9999

QDate checked(int year, int month, int day, const QString &typed, QString *problem)
{
    const QDate date(year, month, day);
    if (!date.isValid())
        *problem =
            Tr::tr("\"%1\" is not a real date (day %2 of month %3 in %4 does not exist).").arg(typed).arg(day).arg(month).arg(year);
    return date;
}
} // namespace

QDate fromSerial(double serial, bool base1904)
{
    if (!std::isfinite(serial) || serial < 1 || serial > kMaxSerial)
        return {};
    const qint64 days = qint64(std::floor(serial)); // the fraction is the time of day
    if (base1904)
        return QDate(1904, 1, 1).addDays(days);
    // Excel counts 29/02/1900, a day that never was (Lotus 1-2-3's bug, kept for compatibility):
    // serials from 61 on are one day ahead, and 60 itself is no date.
    if (days == 60)
        return {};
    return days < 60 ? QDate(1899, 12, 31).addDays(days) : QDate(1899, 12, 30).addDays(days);
}

QDate parse(const Cell &cell, QString *problem)
{
    problem->clear();
    switch (cell.kind) {
    case Cell::Kind::Empty: return {};
    case Cell::Kind::Date:
        if (!cell.date.isValid())
            *problem = Tr::tr("The cell holds a date Excel itself cannot show (%1).").arg(cell.text);
        return cell.date;
    case Cell::Kind::Boolean: *problem = Tr::tr("\"%1\" is not a date.").arg(cell.text); return {};
    case Cell::Kind::Number:
        if (cell.number < kMinSerial || cell.number > kMaxSerial) {
            *problem = Tr::tr("\"%1\" is not a whole date; write it as day/month/year, e.g. 31/12/1980.").arg(cell.text);
            return {};
        }
        return fromSerial(cell.number);
    case Cell::Kind::Error: *problem = cell.text; return {};
    case Cell::Kind::Text: break;
    }
    const QString typed = cell.text.simplified();
    if (typed.isEmpty())
        return {};
    static const QRegularExpression dayFirst(QStringLiteral(R"(^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$)"));
    static const QRegularExpression isoDate(QStringLiteral(R"(^(\d{4})-(\d{1,2})-(\d{1,2})$)"));
    // Folded, so "Ngày 31 tháng 12 năm 2025", "ngay 31 thang 12 nam 2025" and NFD text all match.
    static const QRegularExpression words(QStringLiteral(R"(^ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})$)"));
    static const QRegularExpression serial(QStringLiteral(R"(^\d{5,7}(\.\d+)?$)"));
    static const QRegularExpression twoDigitYear(QStringLiteral(R"(^\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}$)"));
    if (const auto m = dayFirst.match(typed); m.hasMatch())
        return checked(m.captured(4).toInt(), m.captured(3).toInt(), m.captured(1).toInt(), typed, problem);
    if (const auto m = isoDate.match(typed); m.hasMatch())
        return checked(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), typed, problem);
    if (const auto m = words.match(Text::fold(typed)); m.hasMatch())
        return checked(m.captured(3).toInt(), m.captured(2).toInt(), m.captured(1).toInt(), typed, problem);
    if (serial.match(typed).hasMatch()) {
        Cell number;
        number.kind = Cell::Kind::Number;
        number.number = typed.toDouble();
        number.text = typed;
        return parse(number, problem);
    }
    if (twoDigitYear.match(typed).hasMatch())
        *problem = Tr::tr("\"%1\" has a two-digit year; write the year with four digits, e.g. 31/12/1980.").arg(typed);
    else
        *problem = Tr::tr("\"%1\" is not a date; write it as day/month/year, e.g. 31/12/1980.").arg(typed);
    return {};
}

} // namespace VinhDanh::Core::Tables::Dates
