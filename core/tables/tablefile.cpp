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

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

namespace {
/// A CSV that is not UTF-8 read byte for byte, as Excel itself showed it (Windows-1252); null
/// when it does not read that way.
std::unique_ptr<Sheet> bytesAsShown(const QByteArray &bytes)
{
    QStringDecoder decoder("windows-1252");
    if (!decoder.isValid())
        return nullptr;
    try {
        return std::make_unique<Sheet>(CsvReader::read(QString(decoder(bytes)).toUtf8()));
    } catch (const Error &) {
        return nullptr; // the Windows-1258 reading stands
    }
}

/// Converts `out.sheet`, keeping (when `keep`) the text of the cells converted.
void decode(TableFile &out, const Sheet *raw, const QList<EncodingChoice> &encodings, bool keep, int headerRow,
            QByteArray csvBytes = {})
{
    auto originals = std::make_shared<TableFile::Originals>();
    out.encodings = decodeLegacyColumns(out.sheet, raw, encodings, keep ? &originals->cells : nullptr, headerRow);
    out.guessedFrom = headerRow > 1 ? headerRow : 0; // nothing is above row 1
    if (keep) {
        originals->csvBytes = std::move(csvBytes);
        out.originals = std::move(originals);
    }
}
} // namespace

TableFile readFile(const QString &path, const QString &sheetName, const QList<EncodingChoice> &encodings, bool keepOriginals,
                   int headerRow)
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
    out.path = path;
    out.sheetName = sheetName;
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
        decode(out, nullptr, encodings, keepOriginals, headerRow);
        return out;
    }
    // By content first: a workbook renamed .csv is still a workbook, and an encrypted .xlsx is an
    // OLE file, not a zip.
    if (bytes.startsWith("PK\x03\x04") || isOleFile(bytes) || suffix == QLatin1String("xlsx") || suffix == QLatin1String("xls")) {
        XlsxWorkbook book(bytes);
        out.sheet = book.read(sheetName);
        out.format = QStringLiteral("XLSX");
        for (const SheetInfo &s : book.sheets())
            if (s.hidden)
                out.hiddenSheets << s.name;
        decode(out, nullptr, encodings, keepOriginals, headerRow);
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
    if (format.encoding == QLatin1String("windows-1258")) {
        // Only the bytes are kept (at most the file's size), not this second sheet.
        const std::unique_ptr<Sheet> raw = bytesAsShown(bytes);
        decode(out, raw.get(), encodings, keepOriginals, headerRow, raw ? bytes : QByteArray());
    } else {
        decode(out, nullptr, encodings, keepOriginals, headerRow);
    }
    return out;
}

void applyEncodings(TableFile &file, const QList<EncodingChoice> &encodings, int headerRow)
{
    if (!file.originals)
        throw Error(Tr::tr("The text encoding cannot be changed without reading the file again."));
    // The sheet as read: the converted cells given their text back (the other rows stay shared).
    Sheet sheet = file.sheet;
    for (auto it = file.originals->cells.cbegin(); it != file.originals->cells.cend(); ++it)
        for (const auto &[row, text] : it.value())
            sheet.rows[row].cells[it.key()].text = text;
    const std::unique_ptr<Sheet> raw = file.originals->csvBytes.isEmpty() ? nullptr : bytesAsShown(file.originals->csvBytes);
    TableFile converted;
    converted.sheet = std::move(sheet);
    decode(converted, raw.get(), encodings, true, headerRow, file.originals->csvBytes);
    file.sheet = std::move(converted.sheet);
    file.guessedFrom = converted.guessedFrom;
    file.encodings = std::move(converted.encodings);
    file.originals = std::move(converted.originals);
}

bool guessBelowHeader(TableFile &file, const QList<EncodingChoice> &encodings, int headerRow)
{
    headerRow = headerRow > 1 ? headerRow : 0; // nothing is above row 1
    if (file.guessedFrom == headerRow)
        return false;
    const QList<ColumnEncoding> before = file.encodings;
    if (file.originals)
        applyEncodings(file, encodings, headerRow);
    else
        file = readFile(file.path, file.sheetName, encodings, false, headerRow);
    auto same = [](const ColumnEncoding &a, const ColumnEncoding &b) {
        return a.column == b.column && a.encoding == b.encoding && a.converted == b.converted;
    };
    return !std::equal(before.cbegin(), before.cend(), file.encodings.cbegin(), file.encodings.cend(), same);
}

} // namespace VinhDanh::Core::Tables
