#include "core/db/collation.h"

#include "core/error.h"

#include <QCollator>
#include <QCoreApplication>
#include <QLocale>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>
#include <unicode/ucol.h>

#include <memory>

namespace VinhDanh::Core {

namespace {
int compareVi(void *collator, int lengthA, const void *a, int lengthB, const void *b)
{
    // SQLITE_UTF16 hands us native-endian UTF-16 and lengths in bytes.
    const QStringView left(static_cast<const char16_t *>(a), lengthA / 2);
    const QStringView right(static_cast<const char16_t *>(b), lengthB / 2);
    return static_cast<QCollator *>(collator)->compare(left, right);
}

void destroyCollator(void *collator)
{
    delete static_cast<QCollator *>(collator);
}

struct UCollatorClose
{
    void operator()(UCollator *c) const { ucol_close(c); }
};
using IcuCollator = std::unique_ptr<UCollator, UCollatorClose>;

/// An ICU collator set up as QCollator(vi_VN) with Qt::CaseInsensitive sets up its own (Qt 6.4,
/// qcollator_icu.cpp): normalisation on, secondary strength (case ignored, diacritics and tones
/// kept), no numeric mode, punctuation not ignored. QCollatorSortKey keeps its bytes private, so
/// the key needs ICU itself; tests check the two orders agree on tricky names.
IcuCollator openIcuCollator()
{
    UErrorCode status = U_ZERO_ERROR;
    IcuCollator c(ucol_open("vi_VN", &status));
    if (U_FAILURE(status))
        return nullptr;
    ucol_setAttribute(c.get(), UCOL_NORMALIZATION_MODE, UCOL_ON, &status);
    ucol_setAttribute(c.get(), UCOL_STRENGTH, UCOL_SECONDARY, &status);
    ucol_setAttribute(c.get(), UCOL_NUMERIC_COLLATION, UCOL_OFF, &status);
    ucol_setAttribute(c.get(), UCOL_ALTERNATE_HANDLING, UCOL_NON_IGNORABLE, &status);
    return U_FAILURE(status) ? nullptr : std::move(c);
}

/// Appends the sort key of `text`, with its terminating 0 byte: ICU keys hold no other 0, so
/// keys appended one after another compare byte by byte as the tuple of texts does.
void appendKey(const UCollator *c, QStringView text, QByteArray &out)
{
    const qsizetype at = out.size();
    out.resize(at + 64 + text.size() * 4);
    const auto *chars = reinterpret_cast<const UChar *>(text.utf16());
    int32_t need = ucol_getSortKey(c, chars, int32_t(text.size()), reinterpret_cast<uint8_t *>(out.data() + at),
                                   int32_t(out.size() - at));
    if (need > out.size() - at) { // too small: the call returned the length it needs
        out.resize(at + need);
        need = ucol_getSortKey(c, chars, int32_t(text.size()), reinterpret_cast<uint8_t *>(out.data() + at), need);
    }
    out.resize(at + need); // `need` counts the terminating 0
}

QStringView argText(sqlite3_value *v)
{
    const void *text = sqlite3_value_text16(v); // native-endian UTF-16; NULL for a NULL value
    return text ? QStringView(static_cast<const char16_t *>(text), sqlite3_value_bytes16(v) / 2) : QStringView();
}

void sortKeyFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const auto *c = static_cast<const UCollator *>(sqlite3_user_data(context));
    QByteArray key;
    for (int i = 0; i < argc; ++i)
        appendKey(c, argText(argv[i]), key);
    sqlite3_result_blob(context, key.constData(), int(key.size()), SQLITE_TRANSIENT);
}

void closeIcuCollator(void *c)
{
    ucol_close(static_cast<UCollator *>(c));
}
} // namespace

void reindexIfCollationChanged(const QSqlDatabase &db)
{
    // The indexes ordered by the "vi" collation and by vi_sort_key() hold ICU's order of the
    // day they were built; an ICU upgrade (a new Debian release) may change it, and an index in
    // the old order silently misses rows. ICU's collator version (4 bytes) is kept in the
    // file's user_version, which nothing else uses; when it differs, every index is rebuilt
    // once. 0 is a file from before this check: built on this same ICU, so only stamped.
    IcuCollator icu = openIcuCollator();
    if (!icu)
        return; // registerVietnameseCollation() has already refused the connection
    UVersionInfo v;
    ucol_getVersion(icu.get(), v);
    const qint32 current = qint32((quint32(v[0]) << 24) | (quint32(v[1]) << 16) | (quint32(v[2]) << 8) | quint32(v[3]));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        throw DatabaseError(QCoreApplication::translate("Database", "Could not register the Vietnamese sort order."),
                            q.lastError().text());
    const qint32 stored = q.value(0).toInt();
    if (stored == current)
        return;
    if (stored != 0 && !q.exec(QStringLiteral("REINDEX")))
        throw DatabaseError(QCoreApplication::translate("Database",
                                                        "The Vietnamese sort order of this computer differs from the one the "
                                                        "database's lists were sorted with, and they could not be sorted again. "
                                                        "Open the file where it can be written (not read-only), or restore a backup."),
                            q.lastError().text());
    // A file that cannot be written keeps working: it is stamped on its next writable open.
    q.exec(QStringLiteral("PRAGMA user_version = %1").arg(current));
}

QByteArray vietnameseSortKey(const QStringList &texts)
{
    // One collator per thread: ICU collators are not to be shared across threads.
    thread_local const IcuCollator collator = openIcuCollator();
    QByteArray key;
    if (!collator)
        return key;
    for (const QString &text : texts)
        appendKey(collator.get(), text, key);
    return key;
}

void registerVietnameseCollation(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw DatabaseError(QCoreApplication::translate("Database", "The SQLite connection handle is not available."));
    registerVietnameseCollation(*static_cast<sqlite3 *const *>(handle.constData()));
}

void registerVietnameseCollation(sqlite3 *raw)
{
    auto *collator = new QCollator(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    collator->setCaseSensitivity(Qt::CaseInsensitive);
    const int rc = sqlite3_create_collation_v2(raw, "vi", SQLITE_UTF16, collator, compareVi, destroyCollator);
    if (rc != SQLITE_OK) {
        delete collator;
        throw DatabaseError(QCoreApplication::translate("Database", "Could not register the Vietnamese sort order."),
                            QString::fromUtf8(sqlite3_errstr(rc)));
    }
    // vi_sort_key(a, b, …): the index of the people list's order (schema step 15). Deterministic
    // and innocuous, as an index expression must be; one collator per connection, as above.
    IcuCollator icu = openIcuCollator();
    if (!icu)
        throw DatabaseError(QCoreApplication::translate("Database", "Could not register the Vietnamese sort order."),
                            QStringLiteral("ucol_open(vi_VN) failed"));
    const int frc = sqlite3_create_function_v2(raw, "vi_sort_key", -1, SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                               icu.get(), sortKeyFunction, nullptr, nullptr, closeIcuCollator);
    // On failure SQLite has already called closeIcuCollator (sqlite3_create_function_v2's rule).
    icu.release();
    if (frc != SQLITE_OK)
        throw DatabaseError(QCoreApplication::translate("Database", "Could not register the Vietnamese sort order."),
                            QString::fromUtf8(sqlite3_errstr(frc)));
}

} // namespace VinhDanh::Core
