#include "core/documents/letterhead.h"

#include "core/accounts/permissions.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/registry/officesettings.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace VinhDanh::Documents {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Letterhead)
};

const QString kPrefix = QStringLiteral("letterhead.");

/// The lines as the clerk typed them, trimmed, empty ones dropped (stored so; lines() sets them).
QString typedLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out.join(QLatin1Char('\n'));
}

QString read(const QHash<QString, QString> &stored, const QString &key, const QString &fallback)
{
    const auto it = stored.constFind(kPrefix + key);
    return it == stored.constEnd() ? fallback : it.value();
}
} // namespace

Letterhead Letterhead::load(const Core::Database &db)
{
    QHash<QString, QString> stored;
    Core::Query q(db.sql(), QStringLiteral("SELECT key, value FROM office_settings WHERE key LIKE 'letterhead.%'"));
    q.exec();
    while (q.next())
        stored.insert(q.value(0).toString(), q.value(1).toString());

    Letterhead l;
    l.parentBody = read(stored, QStringLiteral("parent"), l.parentBody);
    l.body = read(stored, QStringLiteral("body"), l.body);
    l.abbreviation = read(stored, QStringLiteral("abbreviation"), l.abbreviation);
    l.place = read(stored, QStringLiteral("place"), l.place);
    l.headTitle = read(stored, QStringLiteral("head_title"), l.headTitle);
    l.collectiveName = read(stored, QStringLiteral("collective"), l.collectiveName);
    const QString recipients = read(stored, QStringLiteral("recipients"), QString());
    if (stored.contains(kPrefix + QStringLiteral("recipients")))
        l.recipients = recipients.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // One basis per line; a line may not start with "Căn cứ" (the document adds it).
    auto lines = [&](const QString &key) {
        QStringList out;
        for (const QString &l : read(stored, key, QString()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            out << l.trimmed();
        return out;
    };
    l.basesBefore = lines(QStringLiteral("bases_before"));
    l.basesAfter = lines(QStringLiteral("bases_after"));
    const QJsonArray signers = QJsonDocument::fromJson(read(stored, QStringLiteral("signers"), QString()).toUtf8()).array();
    for (const QJsonValue &v : signers) {
        const QJsonObject o = v.toObject();
        l.signers << Signer{o.value(QLatin1String("name")).toString(), o.value(QLatin1String("title")).toString(),
                            o.value(QLatin1String("authority")).toString()};
    }
    return l;
}

void Letterhead::save(Core::Database &db) const
{
    Core::Permissions::require(db, Core::Permissions::Action::EditLetterhead);
    if (body.trimmed().isEmpty())
        throw Core::Error(Tr::tr("Enter the name of the issuing body (for example SỞ NỘI VỤ)."));
    if (abbreviation.trimmed().isEmpty() || abbreviation.contains(QLatin1Char('/')) || abbreviation.contains(QLatin1Char(' ')))
        throw Core::Error(Tr::tr("Enter the body's abbreviation for document numbers, without spaces or slashes (for example SNV)."));
    // "Căn cứ" is the document's: a basis typed with it would print "Căn cứ Căn cứ …".
    auto bases = [](const QStringList &list) {
        QStringList out;
        static const QRegularExpression lead(QStringLiteral("^\\s*căn cứ\\s+"), QRegularExpression::CaseInsensitiveOption);
        for (QString b : list) {
            b = b.remove(lead).trimmed();
            while (b.endsWith(QLatin1Char(';')) || b.endsWith(QLatin1Char('.')))
                b.chop(1);
            if (!b.isEmpty())
                out << b;
        }
        return out.join(QLatin1Char('\n'));
    };
    QJsonArray signerRows;
    for (const Signer &s : signers) {
        if (s.name.trimmed().isEmpty())
            throw Core::Error(Tr::tr("Every signer needs a name."));
        if (!Core::Codes::authorityFromCode(s.authority))
            throw Core::Error(Tr::tr("%1 signs as TM, KT or Q, or without a prefix; not \"%2\".").arg(s.name, s.authority));
        signerRows.append(QJsonObject{{QStringLiteral("name"), s.name.trimmed()},
                                      {QStringLiteral("title"), s.title.trimmed()},
                                      {QStringLiteral("authority"), s.authority}});
    }
    const QList<std::pair<QString, QString>> values = {
        {QStringLiteral("parent"), typedLines(parentBody)},
        {QStringLiteral("body"), typedLines(body)},
        {QStringLiteral("abbreviation"), abbreviation.trimmed()},
        {QStringLiteral("place"), place.trimmed()},
        {QStringLiteral("head_title"), headTitle.trimmed()},
        {QStringLiteral("collective"), collectiveName.trimmed()},
        {QStringLiteral("recipients"), recipients.join(QLatin1Char('\n'))},
        {QStringLiteral("bases_before"), bases(basesBefore)},
        {QStringLiteral("bases_after"), bases(basesAfter)},
        {QStringLiteral("signers"), QString::fromUtf8(QJsonDocument(signerRows).toJson(QJsonDocument::Compact))},
    };
    Core::Transaction tx(db.sql());
    for (const auto &[key, value] : values) {
        Core::OfficeSettings::put(db, QString(kPrefix + key), value);
    }
    tx.commit();
}

QStringList Letterhead::lines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    static const QString committee = QStringLiteral("ỦY BAN NHÂN DÂN ");
    if (out.size() == 1 && out.first().startsWith(committee, Qt::CaseInsensitive) && out.first().size() > committee.size())
        out = QStringList{out.first().left(committee.size() - 1), out.first().mid(committee.size()).trimmed()};
    return out;
}

QString Letterhead::oneLine(const QString &text)
{
    return lines(text).join(QLatin1Char(' '));
}

Signer Letterhead::signer(const QString &name) const
{
    for (const Signer &s : signers)
        if (s.name == name)
            return s;
    return Signer{name, {}, {}};
}

} // namespace VinhDanh::Documents
