// The text of the DOCX's runs: a builder's inline marks (<b>, <i>) read back into bold and
// italic runs, and text made safe for XML.
#include "core/documents/docxwriter_p.h"

namespace VinhDanh::Documents::Docx {

namespace {
/// Undoes Html::escaped() (QString::toHtmlEscaped: & < > ").
QString unescaped(const QString &text)
{
    static const std::pair<QLatin1String, QChar> kEntities[] = {{QLatin1String("&amp;"), QLatin1Char('&')},
                                                                {QLatin1String("&lt;"), QLatin1Char('<')},
                                                                {QLatin1String("&gt;"), QLatin1Char('>')},
                                                                {QLatin1String("&quot;"), QLatin1Char('"')}};
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        bool matched = false;
        if (text.at(i) == QLatin1Char('&')) {
            for (const auto &[entity, c] : kEntities) {
                if (QStringView(text).mid(i).startsWith(entity)) {
                    out += c;
                    i += entity.size() - 1;
                    matched = true;
                    break;
                }
            }
        }
        if (!matched)
            out += text.at(i);
    }
    return out;
}
} // namespace

QString clean(const QString &text)
{
    QString out = text.normalized(QString::NormalizationForm_C);
    out.removeIf([](QChar c) { return c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\t'); });
    return out;
}

QList<Run> marked(const QString &html)
{
    static const QLatin1String kTags[] = {QLatin1String("<b>"), QLatin1String("</b>"), QLatin1String("<i>"), QLatin1String("</i>")};
    QList<Run> runs;
    int bold = 0, italic = 0;
    QString pending;
    auto flush = [&] {
        if (!pending.isEmpty())
            runs << Run{unescaped(pending), bold > 0, italic > 0};
        pending.clear();
    };
    for (qsizetype i = 0; i < html.size();) {
        int tag = -1;
        if (html.at(i) == QLatin1Char('<'))
            for (int t = 0; t < 4 && tag < 0; ++t)
                if (QStringView(html).mid(i).startsWith(kTags[t]))
                    tag = t;
        if (tag < 0) {
            pending += html.at(i++);
            continue;
        }
        flush();
        int &depth = tag < 2 ? bold : italic;
        depth = qMax(0, depth + (tag % 2 == 0 ? 1 : -1));
        i += kTags[tag].size();
    }
    flush();
    return runs;
}

} // namespace VinhDanh::Documents::Docx
