#include "core/text/vntext.h"

#include <QRegularExpression>

namespace VinhDanh::Core::Text {

QString clean(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C).simplified();
}

QString fold(const QString &text)
{
    // NFD splits "ễ" into "e" + circumflex + tilde; dropping the combining marks leaves the
    // base letter. Đ/đ are letters of their own, not d + mark, so map them by hand.
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0110) || c == QChar(0x0111))
            out.append(QLatin1Char('d'));
        else
            out.append(c.toLower());
    }
    return out.simplified();
}

QString likePattern(const QString &filter)
{
    QString folded = fold(filter);
    folded.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    folded.replace(QLatin1Char('%'), QLatin1String("\\%"));
    folded.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + folded + QLatin1Char('%');
}

QString givenName(const QString &fullName)
{
    const QString cleaned = clean(fullName);
    const qsizetype space = cleaned.lastIndexOf(QLatin1Char(' '));
    return space < 0 ? cleaned : cleaned.mid(space + 1);
}

} // namespace VinhDanh::Core::Text
