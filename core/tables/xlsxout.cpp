#include "core/tables/xlsxout_p.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <filesystem>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

QString cannotWrite(const QString &path)
{
    return Tr::tr("Cannot write the file %1: check the folder and that the file is not open in another program.")
        .arg(QDir::toNativeSeparators(path));
}
} // namespace

XlsxOut::XlsxOut(const QString &path) : m_path(path), m_partial(path + QStringLiteral(".part"))
{
    m_book = workbook_new(QFile::encodeName(m_partial).constData());
    if (!m_book)
        throw Error(cannotWrite(path));
}

XlsxOut::~XlsxOut()
{
    if (m_book) {
        // libxlsxwriter has no "discard": closing writes the file, which is then removed.
        workbook_close(m_book);
        QFile::remove(m_partial);
    }
}

lxw_format *XlsxOut::format(bool bold)
{
    lxw_format *f = workbook_add_format(m_book);
    format_set_font_name(f, "Times New Roman");
    format_set_font_size(f, 12);
    if (bold)
        format_set_bold(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

QByteArray XlsxOut::cellText(const QString &text)
{
    constexpr int kMaxCell = 32767;
    QString cut = text.left(kMaxCell);
    // Never cut between the two halves of a surrogate pair (an emoji in a name).
    if (cut.size() == kMaxCell && cut.back().isHighSurrogate())
        cut.chop(1);
    return cut.toUtf8();
}

void XlsxOut::close()
{
    lxw_workbook *book = m_book;
    m_book = nullptr;
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) {
        QFile::remove(m_partial);
        throw Error(cannotWrite(m_path), QString::fromUtf8(lxw_strerror(error)));
    }
    // rename(2) replaces the old file in one step: QFile::rename refuses an existing target, and
    // removing it first would lose the earlier file when the rename then fails.
    std::error_code failed;
    std::filesystem::rename(QFile::encodeName(m_partial).toStdString(), QFile::encodeName(m_path).toStdString(), failed);
    if (failed) {
        QFile::remove(m_partial);
        throw Error(cannotWrite(m_path), QString::fromStdString(failed.message()));
    }
}

} // namespace VinhDanh::Core::Tables
