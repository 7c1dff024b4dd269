#include "core/tables/csvreader.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace VinhDanh::Core::Tables::CsvReader {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

/// Splits `text` into records of fields. `maxRecords` > 0 stops early (delimiter sniffing).
/// Returns false when a quoted field is still open at the end; `openedAt` is its record.
bool split(const QString &text, QChar delimiter, QList<QStringList> &records, int maxRecords, int *openedAt)
{
    // Counted while splitting: a file of nothing but delimiters must not fill memory first.
    qint64 cells = 0;
    auto count = [&] {
        if (++cells > kMaxCells)
            throw Error(Tr::tr("The file has more than %1 cells; split the list into several files.").arg(kMaxCells));
    };
    QStringList fields;
    QString field;
    bool quoted = false;    // inside "…"
    bool wasQuoted = false; // the current field began with a quote
    const qsizetype n = text.size();
    auto endRecord = [&] {
        count();
        // Checked as each record ends, not after the whole file is split: a file of a few
        // million empty lines must be refused before it fills memory.
        if (records.size() >= kMaxRows)
            throw Error(
                Tr::tr("The file has more rows than a spreadsheet can hold (%1); split the list into several files.").arg(kMaxRows));
        fields.append(field);
        records.append(fields);
        fields.clear();
        field.clear();
        wasQuoted = false;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"'); // "" inside quotes is one quote
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c); // delimiters and line breaks are part of the field
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == delimiter) {
            count();
            fields.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            endRecord();
            if (maxRecords > 0 && records.size() >= maxRecords)
                return true;
        } else {
            field.append(c); // a stray quote inside an unquoted field is kept as text, as Excel does
        }
    }
    if (quoted) {
        *openedAt = int(records.size()) + 1;
        return false;
    }
    if (!field.isEmpty() || !fields.isEmpty())
        endRecord();
    return true;
}

QChar sniffDelimiter(const QString &text)
{
    // The delimiter that splits most of the first records into the same number (≥ 2) of fields
    // wins; ties go to the one giving more fields. Counting the most common width, not the first
    // record's, copes with the title line ("DANH SÁCH CÁN BỘ…") office lists start with.
    // Semicolons come from Excel on Vietnamese Windows, whose list separator is ';' because the
    // decimal separator is ','.
    QChar best = u',';
    int bestSteady = 0;
    int bestFields = 0;
    for (const QChar candidate : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        QList<QStringList> records;
        int openedAt = 0;
        split(text, candidate, records, 20, &openedAt);
        QHash<int, int> widths; // field count → records
        for (const QStringList &r : records)
            if (r.size() >= 2)
                ++widths[int(r.size())];
        for (auto it = widths.begin(); it != widths.end(); ++it) {
            if (it.value() > bestSteady || (it.value() == bestSteady && it.key() > bestFields)) {
                best = candidate;
                bestSteady = it.value();
                bestFields = it.key();
            }
        }
    }
    return best;
}
} // namespace

QString toNfc(const QString &text)
{
    // QString::normalized() moves the rest of the string for every composition it makes, so a
    // whole file whose tones are combining marks (Windows-1258, some Unikey settings) took
    // quadratic time: 20,000 rows 10 s, 200,000 rows not done in 10 minutes. A line break
    // composes with nothing on either side, so the text is normalised a few lines at a time.
    constexpr qsizetype kChunk = 4096;
    if (text.size() <= kChunk)
        return text.normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(text.size());
    const QStringView all(text);
    qsizetype from = 0;
    while (from < all.size()) {
        qsizetype to = from + kChunk;
        if (to >= all.size()) {
            to = all.size();
        } else {
            const qsizetype lineEnd = all.indexOf(QLatin1Char('\n'), to);
            to = lineEnd < 0 ? all.size() : lineEnd + 1;
        }
        out += all.sliced(from, to - from).toString().normalized(QString::NormalizationForm_C);
        from = to;
    }
    return out;
}

QString decode(const QByteArray &bytes, QString *encoding)
{
    auto decodeWith = [&](QStringConverter::Encoding e, const char *name, qsizetype skip) {
        *encoding = QString::fromLatin1(name);
        QStringDecoder decoder(e);
        return QString(decoder(QByteArrayView(bytes).sliced(skip)));
    };
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return toNfc(decodeWith(QStringConverter::Utf8, "UTF-8", 3));
    if (bytes.startsWith("\xFF\xFE"))
        return toNfc(decodeWith(QStringConverter::Utf16LE, "UTF-16LE", 2));
    if (bytes.startsWith("\xFE\xFF"))
        return toNfc(decodeWith(QStringConverter::Utf16BE, "UTF-16BE", 2));
    if (bytes.contains('\0'))
        throw Error(Tr::tr("The file is not a text table (CSV): it holds binary data. Open it in Excel and save it "
                           "as .xlsx or as \"CSV UTF-8\"."));
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const QString text = utf8(bytes);
    if (!utf8.hasError()) {
        *encoding = QStringLiteral("UTF-8");
        return toNfc(text);
    }
    // Not UTF-8: the legacy Windows code page for Vietnamese. Qt reaches it through ICU; a Qt
    // built without ICU has no such codec, and the clerk is told how to save the file instead.
    QStringDecoder legacy("windows-1258");
    if (!legacy.isValid())
        throw Error(Tr::tr("The file is not UTF-8 and this installation cannot read the Windows-1258 code page. "
                           "Save it from Excel as \"CSV UTF-8\" or as .xlsx."));
    *encoding = QStringLiteral("windows-1258");
    // Windows-1258 writes most tones as a separate combining mark: NFC joins them to the letter.
    return toNfc(QString(legacy(bytes)));
}

Sheet read(const QByteArray &bytes, Format *format)
{
    QString encoding;
    const QString text = decode(bytes, &encoding);
    const QChar delimiter = sniffDelimiter(text);
    if (format)
        *format = {encoding, delimiter};
    QList<QStringList> records;
    int openedAt = 0;
    if (!split(text, delimiter, records, 0, &openedAt))
        throw Error(Tr::tr("The file ends inside a quoted field that starts on row %1: a quote (\") is never closed. "
                           "The file may be cut short.")
                        .arg(openedAt));
    Sheet sheet;
    sheet.rows.reserve(records.size());
    for (int i = 0; i < records.size(); ++i) {
        Row row;
        row.number = i + 1;
        row.cells.reserve(records.at(i).size());
        for (const QString &field : records.at(i))
            row.cells.append(Cell::fromText(field));
        if (!row.isEmpty())
            sheet.rows.append(std::move(row));
    }
    return sheet;
}

} // namespace VinhDanh::Core::Tables::CsvReader
