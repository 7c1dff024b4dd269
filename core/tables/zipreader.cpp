#include "core/tables/zipreader.h"

#include "core/error.h"

#include <QCoreApplication>

#include <zip.h>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

QString damaged()
{
    return Tr::tr("The workbook is damaged or cut short (it may not have been copied or downloaded completely). "
                  "Open it in Excel and save it again as .xlsx.");
}

QString errorText(zip_error_t *error)
{
    return QString::fromLocal8Bit(zip_error_strerror(error));
}
} // namespace

ZipReader::ZipReader(const QByteArray &bytes)
{
    zip_error_t error;
    zip_error_init(&error);
    // freep = 0: the source points into `bytes`, which the caller keeps alive.
    zip_source_t *source = zip_source_buffer_create(bytes.constData(), zip_uint64_t(bytes.size()), 0, &error);
    if (!source) {
        const QString detail = errorText(&error);
        zip_error_fini(&error);
        throw Error(damaged(), detail);
    }
    m_zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!m_zip) {
        zip_source_free(source); // on failure the source is still ours
        const int code = zip_error_code_zip(&error);
        const QString detail = errorText(&error);
        zip_error_fini(&error);
        if (code == ZIP_ER_NOZIP)
            throw Error(Tr::tr("The file is not an XLSX workbook, or it is cut short: its zip directory is missing. "
                               "Open it in Excel and save it again as .xlsx."),
                        detail);
        throw Error(damaged(), detail);
    }
    zip_error_fini(&error);
    // A constructor that throws never runs its destructor: discard the archive here, or every
    // refused workbook (encrypted, a zip bomb) would leak libzip's directory.
    try {
        indexEntries();
    } catch (...) {
        zip_discard(m_zip);
        m_zip = nullptr;
        throw;
    }
}

void ZipReader::indexEntries()
{
    const zip_int64_t count = zip_get_num_entries(m_zip, 0);
    qint64 total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(m_zip, zip_uint64_t(i), 0, &st) != 0)
            throw Error(damaged(), QString::fromLocal8Bit(zip_strerror(m_zip)));
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            throw Error(Tr::tr("The workbook is password-protected. Open it in Excel, remove the password "
                               "(File ▸ Info ▸ Protect Workbook) and save it again as .xlsx."));
        const qint64 size = qint64(st.size);
        const qint64 compressed = qMax<qint64>(1, qint64(st.comp_size));
        // Compared before adding: a declared size near 2^63 would overflow the sum and pass.
        if (size < 0 || size > kMaxTotal - total)
            throw Error(Tr::tr("The workbook would take more than %1 MB once unpacked; it is refused as too large or "
                               "as a zip bomb. Split the list into several files.")
                            .arg(kMaxTotal / (1024 * 1024)));
        if (size > kRatioFloor && size / compressed > kMaxRatio)
            throw Error(Tr::tr("The workbook is refused: its part \"%1\" unpacks to %2 times its packed size, which "
                               "real spreadsheets never do (a zip bomb).")
                            .arg(QString::fromUtf8(st.name))
                            .arg(size / compressed));
        total += size;
        const QString name = QString::fromUtf8(st.name);
        m_index.insert(name, i);
        m_sizes.insert(name, size);
    }
}

ZipReader::~ZipReader()
{
    if (m_zip)
        zip_discard(m_zip); // read-only: nothing to write back
}

QByteArray ZipReader::read(const QString &name, bool required) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.cend()) {
        if (!required)
            return {};
        throw Error(Tr::tr("The file is not a valid XLSX workbook: its part \"%1\" is missing. Open it in Excel and save "
                           "it again as .xlsx.")
                        .arg(name));
    }
    zip_file_t *file = zip_fopen_index(m_zip, zip_uint64_t(*it), 0);
    if (!file)
        throw Error(damaged(), QString::fromLocal8Bit(zip_strerror(m_zip)));
    const qint64 declared = m_sizes.value(name);
    QByteArray data;
    data.resize(declared);
    qint64 got = 0;
    // Read at most the declared size (plus one byte to notice a lie): the limits above were
    // checked against it, so a forged directory cannot make us inflate more.
    for (;;) {
        char probe;
        char *into = got < declared ? data.data() + got : &probe;
        const zip_int64_t want = got < declared ? qMin<qint64>(declared - got, 1 << 20) : 1;
        const zip_int64_t n = zip_fread(file, into, zip_uint64_t(want));
        if (n < 0) {
            const QString detail = QString::fromLocal8Bit(zip_file_strerror(file));
            zip_fclose(file);
            throw Error(damaged(), detail);
        }
        if (n == 0)
            break;
        if (got >= declared) {
            zip_fclose(file);
            throw Error(damaged(), QStringLiteral("entry %1 is larger than declared").arg(name));
        }
        got += n;
    }
    zip_fclose(file);
    if (got != declared)
        throw Error(damaged(), QStringLiteral("entry %1 is shorter than declared").arg(name));
    return data;
}

} // namespace VinhDanh::Core::Tables
