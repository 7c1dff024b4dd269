#include "core/documents/vnformat.h"

#include <QLocale>
#include <QStringList>

namespace VinhDanh::Documents::VnFormat {

namespace {
const char *const kDigits[] = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};

QString digit(int d)
{
    return QString::fromUtf8(kDigits[d]);
}

/// Reads 0–999. `full` (a group after a higher one) reads the hundreds and "linh" even when
/// they are zero: 5 after "một tỷ" is "không trăm linh năm".
QString readTriple(int n, bool full)
{
    const int h = n / 100, t = (n / 10) % 10, u = n % 10;
    QStringList w;
    if (h > 0 || full)
        w << digit(h) << QStringLiteral("trăm");
    if (t == 0) {
        if (u > 0 && (h > 0 || full))
            w << QStringLiteral("linh");
    } else if (t == 1) {
        w << QStringLiteral("mười");
    } else {
        w << digit(t) << QStringLiteral("mươi");
    }
    if (u > 0) {
        if (u == 1 && t >= 2)
            w << QStringLiteral("mốt");
        else if (u == 5 && t >= 1)
            w << QStringLiteral("lăm");
        else
            w << digit(u);
    }
    return w.join(QLatin1Char(' '));
}
} // namespace

QString numberInWords(qint64 n)
{
    if (n == 0)
        return digit(0);
    if (n < 0)
        return QStringLiteral("âm ") + numberInWords(-n);
    // Groups of three from the right: đơn vị, nghìn, triệu, then "tỷ" repeats every nine
    // digits (1 000 000 000 000 is "nghìn tỷ").
    static const char *const kUnits[] = {"", "nghìn", "triệu"};
    QStringList words;
    qint64 billions = n / 1000000000;
    const qint64 below = n % 1000000000;
    if (billions > 0) {
        words << numberInWords(billions) << QStringLiteral("tỷ");
    }
    const int groups[3] = {int(below / 1000000), int((below / 1000) % 1000), int(below % 1000)};
    bool started = billions > 0;
    for (int i = 0; i < 3; ++i) {
        const int g = groups[i];
        if (g == 0) {
            continue;
        }
        words << readTriple(g, started);
        if (i < 2)
            words << QString::fromUtf8(kUnits[2 - i]);
        started = true;
    }
    return words.join(QLatin1Char(' '));
}

QString amountInWords(qint64 dong)
{
    QString w = numberInWords(dong);
    w[0] = w.at(0).toUpper();
    return w + QStringLiteral(" đồng");
}

QString amount(qint64 dong)
{
    return QLocale(QLocale::Vietnamese, QLocale::Vietnam).toString(dong);
}

QString longDate(const QDate &date)
{
    if (!date.isValid())
        // Non-breaking spaces: HTML would collapse ordinary ones and leave no room to write in.
        return QStringLiteral(
            "ngày\u00A0\u00A0\u00A0\u00A0\u00A0 tháng\u00A0\u00A0\u00A0\u00A0\u00A0 năm\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0");
    // Decree 30/2020: days below 10 and the months 1 and 2 take a leading zero.
    const QString month = date.month() <= 2 ? QStringLiteral("%1").arg(date.month(), 2, 10, QLatin1Char('0'))
                                            : QString::number(date.month());
    return QStringLiteral("ngày %1 tháng %2 năm %3").arg(date.day(), 2, 10, QLatin1Char('0')).arg(month).arg(date.year());
}

QString placeDate(const QString &place, const QDate &date)
{
    return place.isEmpty() ? longDate(date) : place + QStringLiteral(", ") + longDate(date);
}

QString numberLine(const QString &number)
{
    QString n = number.trimmed();
    const int slash = n.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return QStringLiteral("Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/") + n; // room to write the number in
    bool ok = false;
    const int value = n.left(slash).toInt(&ok);
    if (ok && value < 10)
        n = QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0')) + n.mid(slash);
    return QStringLiteral("Số: ") + n;
}

QString shortDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString whoCount(int collectives, int individuals)
{
    QStringList who;
    if (collectives > 0)
        who << QStringLiteral("%1 tập thể").arg(collectives, 2, 10, QLatin1Char('0'));
    if (individuals > 0)
        who << QStringLiteral("%1 cá nhân").arg(individuals, 2, 10, QLatin1Char('0'));
    return who.join(QStringLiteral(" và "));
}

} // namespace VinhDanh::Documents::VnFormat
