#include "core/registry/movementrepository.h"

#include "core/accounts/permissions.h"
#include "core/catalogue/catalogue.h"
#include "core/catalogue/movementjson.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/registry/keys.h"
#include "core/registry/versioning.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

namespace VinhDanh::Core {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MovementRepository)
};

Movement readMovement(Query &q)
{
    const QJsonDocument doc = QJsonDocument::fromJson(q.text(3).toUtf8());
    Movement m = MovementJson::fromJson(doc.object(), q.text(1));
    m.id = q.id(0);
    m.isCatalogue = q.integer(2) != 0;
    m.version = q.integer(4);
    return m;
}
} // namespace

QList<MovementSummary> MovementRepository::list(const QString &filter) const
{
    const bool filtered = !Text::fold(filter).isEmpty();
    Query q(m_db.sql(), QStringLiteral("SELECT id, ext_key, name, issuer, plan_number, period_from, period_to, is_catalogue "
                                       "FROM movements ")
                            + (filtered ? QStringLiteral("WHERE search_key LIKE :pattern ESCAPE '\\' ") : QString())
                            + QStringLiteral("ORDER BY is_catalogue DESC, ext_key"));
    if (filtered)
        q.bind(QStringLiteral(":pattern"), Text::likePattern(filter));
    q.exec();
    QList<MovementSummary> out;
    while (q.next())
        out.append({q.id(0), q.text(1), q.text(2), q.text(3), q.text(4), q.integer(5), q.integer(6), q.integer(7) != 0});
    return out;
}

std::optional<Movement> MovementRepository::get(qint64 id) const
{
    Query q(m_db.sql(), QStringLiteral("SELECT id, ext_key, is_catalogue, content, version FROM movements WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return std::nullopt;
    return readMovement(q);
}

qint64 MovementRepository::idForKey(const QString &key) const
{
    return Lookup::idForKey(m_db, "movements", key);
}

QString MovementRepository::keyForId(qint64 id) const
{
    return Lookup::column(m_db, "movements", "ext_key", id).toString();
}

QStringList MovementRepository::validate(const Movement &m)
{
    QStringList out;
    if (Text::clean(m.name).isEmpty())
        out << Tr::tr("The movement name is required.");
    if (m.periodFrom < 1945 || m.periodFrom > 2100)
        out << Tr::tr("Enter the first year of the movement.");
    if (m.periodTo < m.periodFrom)
        out << Tr::tr("The movement ends (%1) before it starts (%2).").arg(m.periodTo).arg(m.periodFrom);
    for (const MovementPhase &p : m.phases) {
        if (p.fromYear && p.toYear && p.toYear < p.fromYear)
            out << Tr::tr("Phase \"%1\" ends before it starts.").arg(p.name);
        if (p.reviewYear && (p.reviewYear < m.periodFrom || p.reviewYear > m.periodTo))
            out << Tr::tr("The review year %1 of phase \"%2\" is outside the movement's period.").arg(p.reviewYear).arg(p.name);
    }
    QSet<QString> knownAwards;
    for (const AwardForm &f : Catalogue::awardForms())
        knownAwards.insert(f.code);
    QSet<QString> categoryCodes;
    for (const MovementCategory &c : m.categories) {
        if (c.code.isEmpty() || c.name.isEmpty())
            out << Tr::tr("Every nominee category needs a code and a name.");
        else if (categoryCodes.contains(c.code))
            out << Tr::tr("The category code \"%1\" is used twice.").arg(c.code);
        categoryCodes.insert(c.code);
    }
    for (const MovementAward &a : m.awards)
        for (const QString &code : a.awardCodes)
            if (!knownAwards.contains(code))
                out << Tr::tr("The award code \"%1\" is not known.").arg(code);
    for (const MovementStandard &s : m.standards)
        if (!categoryCodes.contains(s.category))
            out << Tr::tr("A standard names the category \"%1\", which the movement does not have.").arg(s.category);
    out.removeDuplicates();
    return out;
}

qint64 MovementRepository::write(Movement &m)
{
    const QString content = QString::fromUtf8(QJsonDocument(MovementJson::toJson(m)).toJson(QJsonDocument::Compact));
    const QString search = Text::fold(m.name + QLatin1Char(' ') + m.issuer + QLatin1Char(' ') + m.scope + QLatin1Char(' ')
                                      + m.planNumber + QLatin1Char(' ') + m.key);
    const QString columns = QStringLiteral(
        "ext_key = :key, is_catalogue = :cat, copied_from = :copied, name = :name, issuer = :issuer, "
        "plan_number = :no, plan_date = :date, period_from = :from, period_to = :to, content = :content, search_key = :search");
    Query q(m_db.sql(), m.id > 0 ? QStringLiteral("UPDATE movements SET ") + columns
                                       + QStringLiteral(", version = version + 1 WHERE id = :id AND version = :version")
                                 : QStringLiteral("INSERT INTO movements (ext_key, is_catalogue, copied_from, name, issuer, "
                                                  "plan_number, plan_date, period_from, period_to, content, search_key) "
                                                  "VALUES (:key, :cat, :copied, :name, :issuer, :no, :date, :from, :to, "
                                                  ":content, :search) RETURNING id"));
    q.bind(QStringLiteral(":key"), m.key)
        .bind(QStringLiteral(":cat"), m.isCatalogue ? 1 : 0)
        .bindOptional(QStringLiteral(":copied"), m.copiedFrom)
        .bind(QStringLiteral(":name"), m.name)
        .bindOptional(QStringLiteral(":issuer"), m.issuer)
        .bindOptional(QStringLiteral(":no"), m.planNumber)
        .bind(QStringLiteral(":date"), Keys::dateValue(m.planDate))
        .bind(QStringLiteral(":from"), m.periodFrom)
        .bind(QStringLiteral(":to"), m.periodTo)
        .bind(QStringLiteral(":content"), content)
        .bind(QStringLiteral(":search"), search);
    if (m.id > 0) {
        q.bind(QStringLiteral(":id"), m.id).bind(QStringLiteral(":version"), m.version).exec();
        Versioning::checkUpdated(m_db, q, QStringLiteral("movements"), m.id,
                                 Tr::tr("The movement no longer exists; it may have been deleted by someone else."));
        ++m.version;
    } else {
        m.id = q.insertReturningId();
        m.version = 1;
    }
    return m.id;
}

qint64 MovementRepository::save(Movement &m)
{
    m.name = Text::clean(m.name);
    const QStringList problems = validate(m);
    if (!problems.isEmpty())
        throw Error(problems.join(QLatin1Char(' ')));
    Permissions::require(m_db, Permissions::Action::EditMovements);
    Transaction tx(m_db.sql());
    if (m.id > 0) {
        const QVariant catalogue = Query(m_db.sql(), QStringLiteral("SELECT is_catalogue FROM movements WHERE id = :id"))
                                       .bind(QStringLiteral(":id"), m.id)
                                       .scalar();
        if (!catalogue.isValid())
            throw Error(Tr::tr("The movement no longer exists; it may have been deleted by someone else."));
        if (catalogue.toInt() != 0)
            throw Error(Tr::tr("Movements of the built-in catalogue cannot be changed. Make a copy and edit the copy."));
    }
    m.isCatalogue = false;
    m.seed.clear();
    if (m.key.isEmpty())
        m.key = Keys::ShortKeys(m_db, "movements", QStringLiteral("PT"), 3).next(); // phong trào
    write(m);
    tx.commit();
    return m.id;
}

qint64 MovementRepository::copy(qint64 id)
{
    std::optional<Movement> original = get(id);
    if (!original)
        throw Error(Tr::tr("The movement to copy no longer exists."));
    Movement copy = *original;
    copy.id = 0;
    copy.key.clear();
    copy.copiedFrom = original->key;
    //: Suffix added to the name of a copied movement
    copy.name = Tr::tr("%1 (copy)").arg(original->name);
    return save(copy);
}

void MovementRepository::remove(qint64 id)
{
    Permissions::require(m_db, Permissions::Action::EditMovements);
    Transaction tx(m_db.sql());
    Query q(m_db.sql(), QStringLiteral("SELECT is_catalogue FROM movements WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id).exec();
    if (!q.next())
        return;
    if (q.integer(0) != 0)
        throw Error(Tr::tr("Movements of the built-in catalogue cannot be deleted."));
    const int awards = Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM awards WHERE movement_id = :id"))
                           .bind(QStringLiteral(":id"), id)
                           .scalar(0)
                           .toInt();
    if (awards > 0)
        throw Error(Tr::tr("The movement cannot be deleted: %1 award(s) in the ledger refer to it.").arg(awards));
    Query(m_db.sql(), QStringLiteral("DELETE FROM movements WHERE id = :id")).bind(QStringLiteral(":id"), id).exec();
    tx.commit();
}

void MovementRepository::rekey(qint64 id, const QString &oldKey, const QString &key)
{
    // Through write(): the key is also inside the stored JSON and the search text.
    if (std::optional<Movement> m = get(id)) {
        m->key = key;
        write(*m);
    }
    Query copies(m_db.sql(), QStringLiteral("SELECT id FROM movements WHERE copied_from = :k"));
    copies.bind(QStringLiteral(":k"), oldKey).exec();
    QList<qint64> ids;
    while (copies.next())
        ids << copies.id(0);
    for (const qint64 copyId : ids)
        if (std::optional<Movement> c = get(copyId)) {
            c->copiedFrom = key;
            write(*c);
        }
}

void MovementRepository::upsertCatalogue(const Movement &movement)
{
    Movement m = movement;
    m.isCatalogue = true;
    m.id = idForKey(m.key);
    if (m.id > 0) // replacing the built-in text is not an edit race: take the stored version
        m.version = Lookup::column(m_db, "movements", "version", m.id).toInt();
    write(m);
}

} // namespace VinhDanh::Core
