#include "core/db/collation.h"

#include "core/error.h"

#include <QCollator>
#include <QCoreApplication>
#include <QLocale>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

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
} // namespace

void registerVietnameseCollation(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        throw Error(QCoreApplication::translate("Database", "The SQLite connection handle is not available."));
    registerVietnameseCollation(*static_cast<sqlite3 *const *>(handle.constData()));
}

void registerVietnameseCollation(sqlite3 *raw)
{
    auto *collator = new QCollator(QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    collator->setCaseSensitivity(Qt::CaseInsensitive);
    const int rc = sqlite3_create_collation_v2(raw, "vi", SQLITE_UTF16, collator, compareVi, destroyCollator);
    if (rc != SQLITE_OK) {
        delete collator;
        throw Error(QCoreApplication::translate("Database", "Could not register the Vietnamese sort order."),
                    QString::fromUtf8(sqlite3_errstr(rc)));
    }
}

} // namespace VinhDanh::Core
