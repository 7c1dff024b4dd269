#include "core/tables/tablefile.h"

#include "core/audit/bulkwrite.h"
#include "core/error.h"
#include "core/tables/csvreader.h"
#include "core/tables/docxreader.h"
#include "core/tables/xlsxreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <optional>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

TableFile readFile(const QString &path, const QString &sheetName, const QList<EncodingChoice> &encodings)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Cannot open \"%1\": %2.").arg(QFileInfo(path).fileName(), file.errorString()));
    if (file.size() > kMaxFileBytes)
        throw Error(Tr::tr("The file \"%1\" is larger than %2 MB; split the list into several files.")
                        .arg(QFileInfo(path).fileName())
                        .arg(kMaxFileBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    TableFile out;
    // Taken now: the clerk may re-map and commit after the file changed or moved on disk, and
    // the audit entry must name the bytes the rows came from.
    out.sha256 = BulkWrite::sha256(bytes);
    const QString suffix = QFileInfo(path).suffix().toLower();
    // A Word file's table (a lower unit's danh sách đề nghị); an old .doc or a password-protected
    // .docx is an OLE file that the DOCX reader refuses in Word's words.
    const bool wordSuffix = suffix == QLatin1String("docx") || suffix == QLatin1String("doc");
    if (wordSuffix || isDocxFile(bytes)) {
        DocxDocument doc(bytes);
        out.sheet = doc.read(sheetName);
        out.format = QStringLiteral("DOCX");
        out.encodings = decodeLegacyColumns(out.sheet, nullptr, encodings);
        return out;
    }
    // By content first: a workbook renamed .csv is still a workbook, and an encrypted .xlsx is an
    // OLE file, not a zip.
    if (bytes.startsWith("PK\x03\x04") || isOleFile(bytes) || suffix == QLatin1String("xlsx")
        || suffix == QLatin1String("xls")) {
        XlsxWorkbook book(bytes);
        out.sheet = book.read(sheetName);
        out.format = QStringLiteral("XLSX");
        for (const SheetInfo &s : book.sheets())
            if (s.hidden)
                out.hiddenSheets << s.name;
        out.encodings = decodeLegacyColumns(out.sheet, nullptr, encodings);
        return out;
    }
    CsvReader::Format format;
    out.sheet = CsvReader::read(bytes, &format);
    out.sheet.name = QFileInfo(path).completeBaseName();
    out.format = QStringLiteral("CSV");
    out.encoding = format.encoding;
    // A CSV that is not UTF-8 was decoded as Windows-1258, whose combining marks and letters
    // ruin TCVN3 and VNI bytes; those columns are read again byte for byte (as Excel itself
    // showed them, Windows-1252) and converted from there.
    std::optional<Sheet> raw;
    if (format.encoding == QLatin1String("windows-1258")) {
        QStringDecoder bytesAsShown("windows-1252");
        if (bytesAsShown.isValid()) {
            try {
                raw = CsvReader::read(QString(bytesAsShown(bytes)).toUtf8());
            } catch (const Error &) {
                raw.reset(); // not readable that way either: the Windows-1258 reading stands
            }
        }
    }
    out.encodings = decodeLegacyColumns(out.sheet, raw ? &*raw : nullptr, encodings);
    return out;
}

} // namespace VinhDanh::Core::Tables
