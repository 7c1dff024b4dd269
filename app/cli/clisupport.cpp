#include "clisupport.h"

#include "core/accounts/accountrepository.h"
#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

namespace VinhDanh::Cli {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

bool g_codes = false;

} // namespace

bool codesWanted()
{
    return g_codes;
}

void setCodesWanted(bool on)
{
    g_codes = on;
}

QString shown(const QString &word, const QString &code)
{
    return g_codes || word.isEmpty() ? code : word;
}

QString whenText(const QString &isoTime)
{
    const QDateTime t = QDateTime::fromString(isoTime, Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) : isoTime;
}

QString formShown(Core::Database &db, const QString &code)
{
    if (g_codes || code.isEmpty())
        return code;
    // One process serves one database, so a per-process cache is enough (a listing of
    // thousands of candidates would otherwise ask the catalogue once a row).
    static QHash<QString, QString> names;
    auto it = names.constFind(code);
    if (it == names.constEnd())
        it = names.insert(code, Core::RecordRepository(db).awardFormName(code));
    return *it;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QCommandLineOption databaseOption()
{
    return {QStringLiteral("database"), Tr::tr("The database: a SQLite file or a postgresql:// address."), Tr::tr("FILE")};
}

QString required(QCommandLineParser &p, const QString &name)
{
    const QString value = p.value(name);
    if (value.isEmpty())
        throw UsageError{Tr::tr("The option --%1 is required.").arg(name)};
    return value;
}

int positiveInt(QCommandLineParser &p, const QString &name, int fallback, bool isRequired)
{
    if (!p.isSet(name)) {
        if (isRequired)
            throw UsageError{Tr::tr("The option --%1 is required.").arg(name)};
        return fallback;
    }
    bool ok = false;
    const int value = p.value(name).toInt(&ok);
    if (!ok || value < 0)
        throw UsageError{Tr::tr("--%1 must be a whole number, not \"%2\".").arg(name, p.value(name))};
    return value;
}

QString format(QCommandLineParser &p, const QStringList &allowed)
{
    const QString value = p.value(QStringLiteral("format"));
    if (!allowed.contains(value))
        throw UsageError{Tr::tr("--format must be one of %1, not \"%2\".").arg(allowed.join(QStringLiteral(", ")), value)};
    return value;
}

int year(QCommandLineParser &p)
{
    const int y = positiveInt(p, QStringLiteral("year"), 0, true);
    if (y < 1945 || y > 2100)
        throw UsageError{Tr::tr("--year must be a year such as 2025, not \"%1\".").arg(p.value(QStringLiteral("year")))};
    return y;
}

QDate dateOption(QCommandLineParser &p, const QString &name, bool isRequired)
{
    const QString text = p.value(name).trimmed();
    if (text.isEmpty()) {
        if (isRequired)
            throw UsageError{Tr::tr("The option --%1 is required.").arg(name)};
        return {};
    }
    // Clerks type 31/12/2025; scripts write 2025-12-31. Both are read, nothing else is guessed.
    QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        date = QDate::fromString(text, QStringLiteral("d/M/yyyy"));
    if (!date.isValid())
        throw UsageError{Tr::tr("--%1 must be a date like 31/12/2025 or 2025-12-31, not \"%2\".").arg(name, text)};
    return date;
}

qint64 movementId(Core::Database &db, QCommandLineParser &p)
{
    const QString key = p.value(QStringLiteral("movement"));
    if (key.isEmpty())
        return 0;
    const qint64 id = Core::MovementRepository(db).idForKey(key);
    if (!id)
        throw Core::Error(Tr::tr("There is no movement with the key \"%1\".").arg(key));
    return id;
}

QList<QCommandLineOption> accountOptions()
{
    return {{QStringLiteral("user"), Tr::tr("The account to act as (its password in VINHDANH_PASSWORD)."), Tr::tr("NAME")},
            {QStringLiteral("password-stdin"), Tr::tr("Read the account's password from the first line of standard input.")}};
}

QString readStdinLine()
{
    static QTextStream in(stdin);
    return in.readLine();
}

void login(QCommandLineParser &p, Core::Database &db)
{
    // Every command calls this right after opening: the place to pass on what the opening
    // had to say (a failed daily backup, …) without stopping the command.
    for (const QString &notice : db.notices())
        err() << notice << '\n';
    // A failed self-check on open (core/store/selfcheck.h): reading still works, writes are refused.
    if (db.readOnly())
        err() << db.readOnlyReason() << '\n';
    const QString user = p.value(QStringLiteral("user"));
    if (user.isEmpty()) {
        if (Core::Permissions::accountsEnabled(db))
            throw Core::PermissionError(Tr::tr("This database has user accounts: give --user NAME, with the password in "
                                               "VINHDANH_PASSWORD or on standard input with --password-stdin."));
        return;
    }
    const QString password = p.isSet(QStringLiteral("password-stdin")) ? readStdinLine() : qEnvironmentVariable("VINHDANH_PASSWORD");
    if (password.isEmpty())
        throw UsageError{Tr::tr("No password for %1: set VINHDANH_PASSWORD or use --password-stdin.").arg(user)};
    Core::AccountRepository(db).login(user, password);
}

} // namespace VinhDanh::Cli
