#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

typedef struct zip zip_t;

namespace VinhDanh::Core::Tables {

/// The entries of a zip container (an XLSX workbook) held in memory, read through libzip.
/// Not QuaZip: libxlsxwriter, linked into the same programs, carries minizip, whose symbols
/// clash with QuaZip's (see tests/support/zipentry.cpp).
///
/// Sizes are checked from the central directory before anything is inflated: a container whose
/// entries add up to more than kMaxTotal, or an entry compressed more than kMaxRatio times (a
/// zip bomb), is refused; an entry is never inflated past the size it declares.
class ZipReader
{
public:
    static constexpr qint64 kMaxTotal = 512LL * 1024 * 1024;
    static constexpr qint64 kMaxRatio = 100;           // real sheets compress 5–20 times
    static constexpr qint64 kRatioFloor = 1024 * 1024; // small entries may compress better

    /// Opens `bytes` (kept by reference: they must outlive the reader). Error when it is not
    /// a zip container, is damaged or cut short, is encrypted or breaks the limits.
    explicit ZipReader(const QByteArray &bytes);
    ~ZipReader();
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;

    bool contains(const QString &name) const { return m_index.contains(name); }
    /// The inflated entry; Error when it is missing (if `required`) or damaged. A missing entry
    /// that is not required is an empty array.
    QByteArray read(const QString &name, bool required = true) const;

private:
    void indexEntries();

    zip_t *m_zip = nullptr;
    QHash<QString, qint64> m_index; // entry name → index
    QHash<QString, qint64> m_sizes; // entry name → declared uncompressed size
};

} // namespace VinhDanh::Core::Tables
