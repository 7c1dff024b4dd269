#include "clisupport.h"

#include <QCoreApplication>

namespace VinhDanh::Cli {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

} // namespace

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

} // namespace VinhDanh::Cli
