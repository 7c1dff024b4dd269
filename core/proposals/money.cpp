// Money of decisions: coefficient × base salary, rounded up to the next 10,000 đồng.
#include "core/proposals/paydata.h"

#include <QLocale>
#include <QRegularExpression>

namespace VinhDanh::Core::Workflow::Money {

qint64 bonus(int coefficientMilli, qint64 baseSalary)
{
    if (coefficientMilli <= 0 || baseSalary <= 0)
        return 0;
    // coefficient = milli / 1000; amount in đồng = milli × base / 1000, rounded up to 10,000.
    const qint64 product = qint64(coefficientMilli) * baseSalary; // đồng × 1000
    const qint64 step = 10000LL * 1000LL;
    return (product + step - 1) / step * 10000LL;
}

QString coefficientText(int coefficientMilli)
{
    QString text = QString::number(coefficientMilli / 1000);
    int frac = coefficientMilli % 1000;
    if (frac != 0) {
        QString digits = QStringLiteral("%1").arg(frac, 3, 10, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += QLatin1Char(',') + digits;
    }
    return text;
}

int parseCoefficient(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,4})(?:[.,](\\d{1,3}))?\\s*$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return -1;
    QString frac = m.captured(2);
    while (frac.size() < 3)
        frac += QLatin1Char('0');
    return m.captured(1).toInt() * 1000 + frac.toInt();
}

QString amountText(qint64 dong)
{
    return QLocale(QLocale::Vietnamese, QLocale::Vietnam).toString(dong);
}

} // namespace VinhDanh::Core::Workflow::Money
