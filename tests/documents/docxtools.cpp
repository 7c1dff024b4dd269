#include "docxtools.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QXmlStreamReader>

namespace VinhDanh::Test::Docx {

QByteArray entry(const QString &path, const QString &name)
{
    QProcess p;
    p.start(QStringLiteral(VINHDANH_ZIPENTRY), {path, name});
    return p.waitForFinished(30000) && p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray();
}

QString text(const QByteArray &documentXml, QString *error)
{
    const QString w = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
    QXmlStreamReader x(documentXml);
    QString out;
    bool inText = false;
    while (!x.atEnd()) {
        switch (x.readNext()) {
        case QXmlStreamReader::StartElement:
            inText = x.namespaceUri() == w && x.name() == QLatin1String("t");
            if (x.namespaceUri() == w && x.name() == QLatin1String("br"))
                out += QLatin1Char('\n');
            break;
        case QXmlStreamReader::EndElement:
            inText = false;
            if (x.namespaceUri() == w && x.name() == QLatin1String("p"))
                out += QLatin1Char('\n');
            break;
        case QXmlStreamReader::Characters:
            if (inText)
                out += x.text();
            break;
        default: break;
        }
    }
    if (x.hasError()) {
        if (error)
            *error = x.errorString();
        return {};
    }
    return out;
}

QString flat(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return QString(text).replace(space, QStringLiteral(" ")).trimmed();
}

QString unmarked(const QString &html)
{
    static const QRegularExpression tags(QStringLiteral("</?[bi]>"));
    return QString(html)
        .remove(tags)
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

QStringList blockTexts(const Documents::Document &doc)
{
    QStringList out{doc.body, QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), QStringLiteral("Độc lập - Tự do - Hạnh phúc")};
    if (!doc.parentBody.isEmpty())
        out << doc.parentBody;
    for (const Documents::Part &part : doc.parts) {
        out << part.number << part.placeDate << part.typeName << part.subject.split(QLatin1Char('\n'))
            << part.caption.split(QLatin1Char('\n')) << part.addressee << part.authorityLine << part.legalBases << part.decidesLine;
        for (const QString &para : part.paragraphs + part.closing)
            out << unmarked(para);
        for (const Documents::Table &t : part.tables) {
            out << t.headers.value(1);
            for (const Documents::TableRow &row : t.rows)
                out << row.cells.value(row.heading ? 0 : 1);
        }
        for (const Documents::Signature &s : {part.signature, part.secondSignature})
            out << s.authority << s.title << s.name;
        if (!part.recipients.isEmpty())
            out << QStringLiteral("Nơi nhận:") << part.recipients;
    }
    out.removeAll(QString());
    return out;
}

QString libreOffice()
{
    return QStandardPaths::findExecutable(QStringLiteral("soffice"));
}

qint64 convertToPdf(const QStringList &files, const QString &outDir)
{
    QTemporaryDir profile;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer timer;
    timer.start();
    p.start(libreOffice(), QStringList{QStringLiteral("-env:UserInstallation=") + QUrl::fromLocalFile(profile.path()).toString(),
                                       QStringLiteral("--headless"), QStringLiteral("--convert-to"), QStringLiteral("pdf"),
                                       QStringLiteral("--outdir"), outDir}
                               + files);
    // A first run on a fresh profile takes a few seconds; 60 s each leaves room on a busy machine.
    if (!p.waitForFinished(60000 * int(files.size())) || p.exitCode() != 0) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    return timer.elapsed();
}

} // namespace VinhDanh::Test::Docx
