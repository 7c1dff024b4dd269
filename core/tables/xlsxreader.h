#pragma once

#include "core/tables/table.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace VinhDanh::Core::Tables {

class ZipReader;

struct SheetInfo
{
    QString name;
    bool hidden = false; // hidden or "very hidden" in Excel
};

/// An XLSX workbook read with libzip and QXmlStreamReader. Cells come out typed: shared and
/// inline strings (rich-text runs joined) as text, numbers, booleans, formulas by the value
/// Excel cached, numbers whose style is a date format (built-in 14–22 or a custom format with
/// days or years) as dates. Any XML part with a DOCTYPE is refused: spreadsheets never carry
/// one, and a DTD is how entity-expansion attacks arrive.
class XlsxWorkbook
{
public:
    /// Error for an old .xls or an encrypted workbook (both OLE files), a file that is not a
    /// workbook, a damaged one, or one over the size limits (see ZipReader).
    explicit XlsxWorkbook(QByteArray bytes);
    ~XlsxWorkbook();

    const QList<SheetInfo> &sheets() const { return m_sheets; }
    /// The sheet named `name` (case-insensitive), or the first visible sheet when `name` is
    /// empty. Error naming the sheets there are when there is no such sheet.
    Sheet read(const QString &name = {}) const;

private:
    void loadRelationships();
    void loadWorkbook();
    void loadSharedStrings();
    void loadStyles();

    QByteArray m_bytes; // the zip reader reads from here
    std::unique_ptr<ZipReader> m_zip;
    QList<SheetInfo> m_sheets;
    QStringList m_sheetParts;       // zip entry of each sheet, same order
    QHash<QString, QString> m_rels; // relationship id → zip entry
    QString m_sharedStringsPart;
    QString m_stylesPart;
    QStringList m_sharedStrings;
    QList<bool> m_dateStyles; // cellXfs index → is a date format
    bool m_date1904 = false;
};

/// Whether `bytes` start like an OLE compound file (D0 CF 11 E0): an old .xls, or any Office
/// file saved with a password, which Office wraps in OLE.
bool isOleFile(const QByteArray &bytes);

} // namespace VinhDanh::Core::Tables
