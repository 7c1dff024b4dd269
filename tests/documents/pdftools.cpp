#include "pdftools.h"

#include <QProcess>
#include <QRegularExpression>

namespace VinhDanh::Test::Pdf {

namespace {
QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

QString info(const QString &path)
{
    return run(QStringLiteral("pdfinfo"), {path});
}

int pages(const QString &path)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info(path));
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString pageSize(const QString &path)
{
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Page size:\\s+([^\\n]+)")).match(info(path));
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

QStringList fonts(const QString &path)
{
    // name  type  encoding  emb sub uni object ID — after two header lines.
    QStringList out;
    const QStringList lines = run(QStringLiteral("pdffonts"), {path}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 2; i < lines.size(); ++i) {
        const QStringList cols = lines.at(i).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (cols.size() >= 5)
            out << cols.first() + QLatin1Char('|') + cols.at(cols.size() - 5);
    }
    return out;
}

QString text(const QString &path, int page)
{
    QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    args << path << QStringLiteral("-");
    return run(QStringLiteral("pdftotext"), args);
}

QList<Word> words(const QString &path)
{
    // -bbox writes XHTML: <page width=…> then <word xMin="…" yMin="…" xMax="…" yMax="…">text</word>, in points.
    const QString html = run(QStringLiteral("pdftotext"),
                             {QStringLiteral("-bbox"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    static const QRegularExpression token(
        QStringLiteral("<page |<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>"));
    constexpr double kMmPerPoint = 25.4 / 72;
    QList<Word> out;
    int page = 0;
    for (auto it = token.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(0).startsWith(QLatin1String("<page"))) {
            ++page;
            continue;
        }
        out << Word{page,
                    m.captured(5),
                    m.captured(1).toDouble() * kMmPerPoint,
                    m.captured(2).toDouble() * kMmPerPoint,
                    m.captured(3).toDouble() * kMmPerPoint,
                    m.captured(4).toDouble() * kMmPerPoint};
    }
    return out;
}

Word word(const QString &path, const QString &text, int page)
{
    for (const Word &w : words(path))
        if (w.text == text && (page == 0 || w.page == page))
            return w;
    return {};
}

} // namespace VinhDanh::Test::Pdf
