#include "core/tables/tablefile.h"

#include "core/error.h"
#include "core/tables/csvreader.h"
#include "core/tables/xlsxreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};
} // namespace

TableFile readFile(const QString &path, const QString &sheetName)
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
    const QString suffix = QFileInfo(path).suffix().toLower();
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
        return out;
    }
    CsvReader::Format format;
    out.sheet = CsvReader::read(bytes, &format);
    out.sheet.name = QFileInfo(path).completeBaseName();
    out.format = QStringLiteral("CSV");
    out.encoding = format.encoding;
    return out;
}

} // namespace VinhDanh::Core::Tables
