// vinhdanh-cli users and audit: accounts of a database and its audit log.
#include "clisupport.h"

#include "core/accounts/accountrepository.h"
#include "core/accounts/permissions.h"
#include "core/audit/auditchain.h"
#include "core/auditlog/auditlog.h"
#include "core/db/database.h"
#include "core/error.h"
#include "core/registry/unitrepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Cli {

using namespace Core;

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

/// A new password: VINHDANH_NEW_PASSWORD, else the next line of stdin (never the command line,
/// where other users of the machine could read it in the process list).
QString newPassword()
{
    QString password = qEnvironmentVariable("VINHDANH_NEW_PASSWORD");
    if (password.isEmpty())
        password = readStdinLine();
    if (password.isEmpty())
        throw UsageError{Tr::tr("Give the new password in VINHDANH_NEW_PASSWORD or on standard input.")};
    return password;
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODate) : QString();
}

void listAccounts(Database &db, const QString &fmt)
{
    Permissions::require(db, Permissions::Action::ManageAccounts);
    const QList<Account> accounts = AccountRepository(db).list();
    UnitRepository units(db);
    if (fmt == QLatin1String("json")) {
        QJsonArray array;
        for (const Account &a : accounts)
            array.append(QJsonObject{{QStringLiteral("username"), a.username},
                                     {QStringLiteral("fullName"), a.fullName},
                                     {QStringLiteral("role"), a.role},
                                     {QStringLiteral("unit"), a.unitId ? units.keyForId(a.unitId) : QString()},
                                     {QStringLiteral("disabled"), a.disabled},
                                     {QStringLiteral("lockedUntil"), timeText(a.lockedUntil)},
                                     {QStringLiteral("lastLogin"), timeText(a.lastLoginAt)}});
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return;
    }
    for (const Account &a : accounts) {
        QStringList notes;
        if (a.unitId)
            notes << units.name(a.unitId);
        if (a.disabled)
            notes << Tr::tr("disabled");
        if (a.lockedUntil.isValid() && a.lockedUntil > QDateTime::currentDateTimeUtc())
            notes << Tr::tr("locked until %1").arg(timeText(a.lockedUntil.toLocalTime()));
        out() << QStringLiteral("%1\t%2\t%3\t%4\n")
                     .arg(a.username, Permissions::roleName(a.role), a.fullName, notes.join(QStringLiteral(", ")));
    }
}

void usersBody(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json")});
    const QStringList modes = {QStringLiteral("list"),   QStringLiteral("add"),   QStringLiteral("disable"),
                               QStringLiteral("enable"), QStringLiteral("reset"), QStringLiteral("set-role")};
    QStringList chosen;
    for (const QString &m : modes)
        if (p.isSet(m))
            chosen << m;
    if (chosen.size() != 1)
        throw UsageError{Tr::tr("Give exactly one of --list, --add, --disable, --enable, --reset, --set-role.")};
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    AccountRepository accounts(db);
    const QString mode = chosen.first();
    // The very first account needs no login: it is how a database gets its administrator.
    if (!(mode == QLatin1String("add") && !Permissions::accountsEnabled(db)))
        login(p, db);
    if (mode == QLatin1String("list")) {
        listAccounts(db, fmt);
    } else if (mode == QLatin1String("add") || mode == QLatin1String("set-role")) {
        const QString role = required(p, QStringLiteral("role"));
        qint64 unitId = 0;
        if (p.isSet(QStringLiteral("unit"))) {
            unitId = UnitRepository(db).idForKey(p.value(QStringLiteral("unit")));
            if (unitId == 0)
                throw Error(Tr::tr("No unit has the key \"%1\".").arg(p.value(QStringLiteral("unit"))));
        }
        if (mode == QLatin1String("set-role")) {
            accounts.setRole(p.value(mode), role, unitId);
            out() << Tr::tr("%1 is now: %2.").arg(p.value(mode), Permissions::roleName(role)) << '\n';
            return;
        }
        const Account a = accounts.create(p.value(QStringLiteral("add")), p.value(QStringLiteral("full-name")), role, unitId,
                                          newPassword());
        out() << Tr::tr("Created the account %1 (%2).").arg(a.username, Permissions::roleName(a.role)) << '\n';
    } else if (mode == QLatin1String("disable") || mode == QLatin1String("enable")) {
        const bool disable = mode == QLatin1String("disable");
        accounts.setDisabled(p.value(mode), disable);
        out() << (disable ? Tr::tr("Disabled the account %1.") : Tr::tr("Enabled the account %1.")).arg(p.value(mode)) << '\n';
    } else {
        accounts.resetPassword(p.value(QStringLiteral("reset")), newPassword());
        out() << Tr::tr("Set a new password for %1.").arg(p.value(QStringLiteral("reset"))) << '\n';
    }
}

void auditBody(QCommandLineParser &p)
{
    const QString fmt = format(p, {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")});
    AuditFilter filter;
    if (p.isSet(QStringLiteral("since"))) {
        filter.from = QDate::fromString(p.value(QStringLiteral("since")), Qt::ISODate);
        if (!filter.from.isValid())
            throw UsageError{Tr::tr("--since must be a date like 2025-01-31, not \"%1\".").arg(p.value(QStringLiteral("since")))};
    }
    filter.actor = p.value(QStringLiteral("actor"));
    filter.table = p.value(QStringLiteral("table"));
    Database db(ConnectionSettings::parse(required(p, QStringLiteral("database"))), Database::Mode::OpenExisting);
    login(p, db);
    if (p.isSet(QStringLiteral("verify"))) {
        // Exit 0 when the hash chain is intact; a broken link is a failure (exit 1, stderr).
        const AuditChain::Verification v = AuditChain::verify(db);
        if (!v.intact)
            throw Error(v.summary());
        out() << v.summary() << '\n';
        return;
    }
    // Masked unless an administrator asks with --unmasked; every export is recorded (core).
    // Text names an OS login in words ("root (computer account)"); --codes keeps "os:root".
    const QByteArray data = AuditLog(db).exportEntries(filter, fmt, p.isSet(QStringLiteral("unmasked")), codesWanted());
    out() << QString::fromUtf8(data);
}
} // namespace

void addAccountCommands(CommandTable &table)
{
    table.insert(
        {QStringLiteral("users"),
         {QT_TRANSLATE_NOOP("Cli", "Manage the accounts of a database (the first one added is its administrator)."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("list"), Tr::tr("List the accounts.")});
              p.addOption({QStringLiteral("add"), Tr::tr("Add an account (password from VINHDANH_NEW_PASSWORD or stdin)."),
                           Tr::tr("USERNAME")});
              p.addOption({QStringLiteral("role"), Tr::tr("clerk, appraiser, council_secretary, leader or admin."), Tr::tr("ROLE")});
              p.addOption({QStringLiteral("full-name"), Tr::tr("The person's full name."), Tr::tr("NAME")});
              p.addOption({QStringLiteral("unit"), Tr::tr("A clerk's unit, by key."), Tr::tr("KEY")});
              p.addOption({QStringLiteral("disable"), Tr::tr("Disable an account."), Tr::tr("USERNAME")});
              p.addOption({QStringLiteral("enable"), Tr::tr("Enable a disabled account."), Tr::tr("USERNAME")});
              p.addOption(
                  {QStringLiteral("reset"), Tr::tr("Set a new password (VINHDANH_NEW_PASSWORD or stdin)."), Tr::tr("USERNAME")});
              p.addOption({QStringLiteral("set-role"), Tr::tr("Change an account's role (--role, and --unit for a clerk)."),
                           Tr::tr("USERNAME")});
              p.addOption({QStringLiteral("format"), Tr::tr("text (default) or json."), Tr::tr("FORMAT"), QStringLiteral("text")});
          },
          usersBody}});
    table.insert(
        {QStringLiteral("audit"),
         {QT_TRANSLATE_NOOP("Cli", "Print the audit log: who changed what, and when."),
          [](QCommandLineParser &p) {
              p.addOption(databaseOption());
              p.addOption({QStringLiteral("since"), Tr::tr("Only changes on or after this date (YYYY-MM-DD)."), Tr::tr("DATE")});
              p.addOption({QStringLiteral("actor"), Tr::tr("Only changes by this account."), Tr::tr("NAME")});
              p.addOption({QStringLiteral("table"), Tr::tr("Only changes to this table (units, people, …)."), Tr::tr("TABLE")});
              p.addOption(
                  {QStringLiteral("format"), Tr::tr("text (default), json or csv."), Tr::tr("FORMAT"), QStringLiteral("text")});
              p.addOption(
                  {QStringLiteral("unmasked"), Tr::tr("Administrators only: show CCCD numbers and birth dates in clear (the export "
                                                      "is recorded in the audit log).")});
              p.addOption(
                  {QStringLiteral("verify"), Tr::tr("Check the audit log's hash chain instead of printing it: exit 0 when it is "
                                                    "intact, 1 with the first broken row.")});
          },
          auditBody}});
}

} // namespace VinhDanh::Cli
