#include "core/catalogue/catalogue.h"

#include "core/catalogue/movementjson.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/text/jsonfields.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace VinhDanh::Core::Catalogue {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Catalogue)
};

QJsonObject readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("The program is missing its catalogue file %1.").arg(path));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(Tr::tr("The catalogue file %1 is damaged: %2.").arg(path, error.errorString()));
    return doc.object();
}
/// The catalogue's movement files, in name order (000.json … 004.json).
QStringList movementFiles()
{
    const QDir dir(QStringLiteral(":/vinhdanh/catalogue/movements"));
    QStringList paths;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths.append(dir.filePath(name));
    return paths;
}
} // namespace

QList<AwardForm> awardForms()
{
    static const QList<AwardForm> forms = [] {
        const QString path = QStringLiteral(":/vinhdanh/catalogue/award_forms.json");
        const JsonFields root(readResource(path), path);
        QList<AwardForm> out;
        const QJsonArray array = root.array(QStringLiteral("forms"));
        for (int i = 0; i < array.size(); ++i) {
            const JsonFields f(array.at(i).toObject(), QStringLiteral("%1, forms[%2]").arg(path).arg(i));
            out.append({f.requiredString(QStringLiteral("code")), f.requiredString(QStringLiteral("name")),
                        f.requiredString(QStringLiteral("kind")), f.requiredString(QStringLiteral("recipients")),
                        f.requiredString(QStringLiteral("level")), f.requiredInt(QStringLiteral("rank"))});
        }
        return out;
    }();
    return forms;
}

void insertAwardForms(Database &db)
{
    const QList<AwardForm> forms = awardForms();
    Query insertForm(db.sql(), QStringLiteral("INSERT INTO award_forms (code, name, kind, recipients, level, rank) "
                                              "VALUES (:code, :name, :kind, :recipients, :level, :rank) "
                                              "ON CONFLICT (code) DO NOTHING"));
    for (const AwardForm &f : forms)
        insertForm.bind(QStringLiteral(":code"), f.code)
            .bind(QStringLiteral(":name"), f.name)
            .bind(QStringLiteral(":kind"), f.kind)
            .bind(QStringLiteral(":recipients"), f.recipients)
            .bind(QStringLiteral(":level"), f.level)
            .bind(QStringLiteral(":rank"), f.rank)
            .exec();
}

QList<Movement> movements()
{
    QList<Movement> out;
    for (const QString &path : movementFiles())
        out.append(MovementJson::fromJson(readResource(path), path));
    return out;
}

qsizetype movementFileCount()
{
    return movementFiles().size();
}

} // namespace VinhDanh::Core::Catalogue
