#include "core/proposals/paydata.h"

#include "core/accounts/permissions.h"
#include "core/catalogue/catalogue.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/error.h"
#include "core/proposals/workflowrows.h"
#include "core/registry/keys.h"
#include "core/registry/officesettings.h"
#include "core/registry/recordrepository.h"
#include "core/text/jsonfields.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>

namespace VinhDanh::Core::Workflow {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Workflow)
};

// Each pay table's one INSERT, shared by the editors below and seedDefaults.
qint64 insertSalary(Database &db, const BaseSalary &s)
{
    return Query(db.sql(), QStringLiteral("INSERT INTO base_salaries (effective_from, amount, source) "
                                          "VALUES (:from, :amount, :source) RETURNING id"))
        .bind(QStringLiteral(":from"), Keys::dateValue(s.effectiveFrom))
        .bind(QStringLiteral(":amount"), s.amount)
        .bindOptional(QStringLiteral(":source"), s.source)
        .insertReturningId();
}

qint64 insertCoefficient(Database &db, const Coefficient &c)
{
    return Query(db.sql(), QStringLiteral("INSERT INTO bonus_coefficients (form_code, recipient, effective_from, "
                                          "coefficient_milli, source, confirmed) VALUES (:form, :rec, :from, :milli, "
                                          ":source, :confirmed) RETURNING id"))
        .bind(QStringLiteral(":form"), c.formCode)
        .bind(QStringLiteral(":rec"), c.recipient)
        .bind(QStringLiteral(":from"), Keys::dateValue(c.effectiveFrom))
        .bind(QStringLiteral(":milli"), c.coefficientMilli)
        .bindOptional(QStringLiteral(":source"), c.source)
        .bind(QStringLiteral(":confirmed"), c.confirmed ? 1 : 0)
        .insertReturningId();
}

void insertThreshold(Database &db, const Threshold &t)
{
    Query(db.sql(), QStringLiteral("INSERT INTO vote_thresholds (form_code, percent, basis, strictly_more, source, confirmed) "
                                   "VALUES (:f, :p, :b, :s, :source, :c)"))
        .bind(QStringLiteral(":f"), t.formCode)
        .bind(QStringLiteral(":p"), t.percent)
        .bind(QStringLiteral(":b"), t.basis)
        .bind(QStringLiteral(":s"), t.strictlyMore ? 1 : 0)
        .bindOptional(QStringLiteral(":source"), t.source)
        .bind(QStringLiteral(":c"), t.confirmed ? 1 : 0)
        .exec();
}

QString viDate(const QDate &d)
{
    return QLocale(QLocale::Vietnamese, QLocale::Vietnam).toString(d, QStringLiteral("dd/MM/yyyy"));
}

QString recipientLabel(const QString &recipient)
{
    return recipient == QLatin1String("collective") ? Tr::tr("a collective") : Tr::tr("an individual");
}
} // namespace

QList<BaseSalary> PayData::baseSalaries() const
{
    QList<BaseSalary> out;
    Query q(m_db.sql(), QStringLiteral("SELECT id, effective_from, amount, source FROM base_salaries ORDER BY effective_from"));
    q.exec();
    while (q.next())
        out.append({q.id(0), Keys::dateFrom(q.value(1)), q.value(2).toLongLong(), q.text(3)});
    return out;
}

void PayData::saveBaseSalary(BaseSalary &s)
{
    Permissions::require(m_db, Permissions::Action::EditPayData);
    if (!s.effectiveFrom.isValid())
        throw Error(Tr::tr("Enter the date from which the base salary applies."));
    if (s.amount <= 0)
        throw Error(Tr::tr("The base salary must be a positive amount in đồng."));
    // effective_from is UNIQUE: say which row holds the date instead of the database's words.
    if (Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM base_salaries WHERE effective_from = :d AND id <> :id"))
            .bind(QStringLiteral(":d"), Keys::dateValue(s.effectiveFrom))
            .bind(QStringLiteral(":id"), s.id)
            .scalar(0)
            .toInt()
        > 0)
        throw Error(Tr::tr("A base salary from %1 is already recorded; change that row instead.").arg(viDate(s.effectiveFrom)));
    Transaction tx(m_db.sql());
    if (s.id == 0) {
        s.id = insertSalary(m_db, s);
    } else {
        Query(m_db.sql(), QStringLiteral("UPDATE base_salaries SET effective_from = :from, amount = :amount, "
                                         "source = :source, version = version + 1 WHERE id = :id"))
            .bind(QStringLiteral(":from"), Keys::dateValue(s.effectiveFrom))
            .bind(QStringLiteral(":amount"), s.amount)
            .bindOptional(QStringLiteral(":source"), s.source)
            .bind(QStringLiteral(":id"), s.id)
            .exec();
    }
    tx.commit();
}

void PayData::removeRow(const char *table, qint64 id)
{
    Permissions::require(m_db, Permissions::Action::EditPayData);
    Transaction tx(m_db.sql());
    Query(m_db.sql(), QStringLiteral("DELETE FROM %1 WHERE id = :id").arg(QLatin1String(table)))
        .bind(QStringLiteral(":id"), id)
        .exec();
    tx.commit();
}

void PayData::removeBaseSalary(qint64 id)
{
    removeRow("base_salaries", id);
}

std::optional<qint64> PayData::findBaseSalaryOn(const QDate &date) const
{
    if (!date.isValid())
        throw Error(Tr::tr("Enter the date: the base salary is the one in force on that date."));
    const QVariant v = Query(m_db.sql(), QStringLiteral("SELECT amount FROM base_salaries WHERE effective_from <= :d "
                                                        "ORDER BY effective_from DESC LIMIT 1"))
                           .bind(QStringLiteral(":d"), Keys::dateValue(date))
                           .scalar();
    if (v.isNull())
        return std::nullopt;
    return v.toLongLong();
}

qint64 PayData::baseSalaryOn(const QDate &date) const
{
    if (const std::optional<qint64> amount = findBaseSalaryOn(date))
        return *amount;
    throw Error(Tr::tr("No base salary is in force on %1. Add it under Settings ▸ Bonuses and votes.").arg(viDate(date)));
}

QList<Coefficient> PayData::coefficients() const
{
    QList<Coefficient> out;
    Query q(m_db.sql(), QStringLiteral("SELECT c.id, c.form_code, c.recipient, c.effective_from, c.coefficient_milli, "
                                       "c.source, c.confirmed FROM bonus_coefficients c "
                                       "JOIN award_forms f ON f.code = c.form_code "
                                       "ORDER BY f.rank, c.form_code, c.recipient DESC, c.effective_from"));
    q.exec();
    while (q.next())
        out.append({q.id(0), q.text(1), q.text(2), Keys::dateFrom(q.value(3)), q.integer(4), q.text(5), q.integer(6) != 0});
    return out;
}

void PayData::saveCoefficient(Coefficient &c)
{
    Permissions::require(m_db, Permissions::Action::EditPayData);
    if (c.recipient != QLatin1String("individual") && c.recipient != QLatin1String("collective"))
        throw Error(Tr::tr("A coefficient is for an individual or a collective."));
    if (!c.effectiveFrom.isValid())
        throw Error(Tr::tr("Enter the date from which the coefficient applies."));
    if (c.coefficientMilli < 0)
        throw Error(Tr::tr("The coefficient cannot be negative."));
    if (Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM award_forms WHERE code = :c"))
            .bind(QStringLiteral(":c"), c.formCode)
            .scalar(0)
            .toInt()
        == 0)
        throw Error(Tr::tr("Unknown award form \"%1\".").arg(c.formCode));
    if (Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM bonus_coefficients WHERE form_code = :f AND recipient = :r "
                                         "AND effective_from = :d AND id <> :id"))
            .bind(QStringLiteral(":f"), c.formCode)
            .bind(QStringLiteral(":r"), c.recipient)
            .bind(QStringLiteral(":d"), Keys::dateValue(c.effectiveFrom))
            .bind(QStringLiteral(":id"), c.id)
            .scalar(0)
            .toInt()
        > 0)
        throw Error(Tr::tr("A coefficient for %1 (%2) from %3 is already recorded; change that row instead.")
                        .arg(RecordRepository(m_db).awardFormName(c.formCode), recipientLabel(c.recipient), viDate(c.effectiveFrom)));
    Transaction tx(m_db.sql());
    if (c.id == 0) {
        c.id = insertCoefficient(m_db, c);
    } else {
        Query(m_db.sql(), QStringLiteral("UPDATE bonus_coefficients SET form_code = :form, recipient = :rec, "
                                         "effective_from = :from, coefficient_milli = :milli, source = :source, "
                                         "confirmed = :confirmed, version = version + 1 WHERE id = :id"))
            .bind(QStringLiteral(":form"), c.formCode)
            .bind(QStringLiteral(":rec"), c.recipient)
            .bind(QStringLiteral(":from"), Keys::dateValue(c.effectiveFrom))
            .bind(QStringLiteral(":milli"), c.coefficientMilli)
            .bindOptional(QStringLiteral(":source"), c.source)
            .bind(QStringLiteral(":confirmed"), c.confirmed ? 1 : 0)
            .bind(QStringLiteral(":id"), c.id)
            .exec();
    }
    tx.commit();
}

void PayData::removeCoefficient(qint64 id)
{
    removeRow("bonus_coefficients", id);
}

std::optional<int> PayData::findCoefficientOn(const QString &formCode, const QString &recipient, const QDate &date) const
{
    if (!date.isValid())
        throw Error(Tr::tr("Enter the date: the bonus coefficient is the one in force on that date."));
    const QVariant v = Query(m_db.sql(), QStringLiteral("SELECT coefficient_milli FROM bonus_coefficients "
                                                        "WHERE form_code = :f AND recipient = :r AND effective_from <= :d "
                                                        "ORDER BY effective_from DESC LIMIT 1"))
                           .bind(QStringLiteral(":f"), formCode)
                           .bind(QStringLiteral(":r"), recipient)
                           .bind(QStringLiteral(":d"), Keys::dateValue(date))
                           .scalar();
    if (v.isNull())
        return std::nullopt;
    return v.toInt();
}

int PayData::coefficientOn(const QString &formCode, const QString &recipient, const QDate &date) const
{
    if (const std::optional<int> coefficient = findCoefficientOn(formCode, recipient, date))
        return *coefficient;
    throw Error(Tr::tr("No bonus coefficient for %1 (%2) is in force on %3. Add it under Settings ▸ Bonuses and votes.")
                    .arg(RecordRepository(m_db).awardFormName(formCode), recipientLabel(recipient), viDate(date)));
}

QList<Threshold> PayData::thresholds() const
{
    QList<Threshold> out;
    Query q(m_db.sql(), QStringLiteral("SELECT form_code, percent, basis, strictly_more, source, confirmed "
                                       "FROM vote_thresholds ORDER BY CASE WHEN form_code = '*' THEN 1 ELSE 0 END, form_code"));
    q.exec();
    while (q.next())
        out.append({q.text(0), q.integer(1), q.text(2), q.integer(3) != 0, q.text(4), q.integer(5) != 0});
    return out;
}

void PayData::saveThreshold(const Threshold &t)
{
    Permissions::require(m_db, Permissions::Action::EditPayData);
    if (t.percent < 1 || t.percent > 100)
        throw Error(Tr::tr("A vote threshold is a percentage from 1 to 100."));
    if (t.basis != QLatin1String("members") && t.basis != QLatin1String("present"))
        throw Error(Tr::tr("A vote threshold counts either all members or the members present."));
    // A mistyped form code would make a row no form ever uses.
    if (t.formCode != QLatin1String("*")
        && Query(m_db.sql(), QStringLiteral("SELECT count(*) FROM award_forms WHERE code = :c"))
                   .bind(QStringLiteral(":c"), t.formCode)
                   .scalar(0)
                   .toInt()
               == 0)
        throw Error(Tr::tr("Unknown award form \"%1\": a vote threshold is for a form of the list, or \"*\" for every "
                           "other form.")
                        .arg(t.formCode));
    Transaction tx(m_db.sql());
    const int n = Query(m_db.sql(), QStringLiteral("UPDATE vote_thresholds SET percent = :p, basis = :b, strictly_more = :s, "
                                                   "source = :source, confirmed = :c, version = version + 1 WHERE form_code = :f"))
                      .bind(QStringLiteral(":p"), t.percent)
                      .bind(QStringLiteral(":b"), t.basis)
                      .bind(QStringLiteral(":s"), t.strictlyMore ? 1 : 0)
                      .bindOptional(QStringLiteral(":source"), t.source)
                      .bind(QStringLiteral(":c"), t.confirmed ? 1 : 0)
                      .bind(QStringLiteral(":f"), t.formCode)
                      .exec()
                      .numRowsAffected();
    if (n == 0)
        insertThreshold(m_db, t);
    tx.commit();
}

QString PayData::setting(const QString &key, const QString &fallback) const
{
    return OfficeSettings::value(m_db, key).value_or(fallback);
}

void PayData::setSetting(const QString &key, const QString &value)
{
    Permissions::require(m_db, Permissions::Action::EditPayData);
    // Settings the workflow parses are checked here: a bad value would otherwise be ignored
    // without a word (quorum() falls back to 2/3; an unknown level would forward nothing).
    if (key == QLatin1String("council.quorum")) {
        const QStringList parts = value.split(QLatin1Char('/'));
        const int n = parts.size() == 2 ? parts[0].trimmed().toInt() : 0;
        const int d = parts.size() == 2 ? parts[1].trimmed().toInt() : 0;
        if (n <= 0 || d < n)
            throw Error(Tr::tr("The council quorum is a fraction of the members such as 2/3, not \"%1\".").arg(value));
    }
    if (key == QLatin1String("office.level") && Rows::levelRank(value) < 0)
        throw Error(Tr::tr("The office level is one of co_so, tinh, trung_uong, nha_nuoc, not \"%1\".").arg(value));
    Transaction tx(m_db.sql());
    OfficeSettings::put(m_db, key, value);
    tx.commit();
}

void PayData::quorum(int *num, int *den) const
{
    const QStringList parts = setting(QStringLiteral("council.quorum"), QStringLiteral("2/3")).split(QLatin1Char('/'));
    int n = 2, d = 3;
    if (parts.size() == 2) {
        bool okN = false, okD = false;
        const int pn = parts[0].trimmed().toInt(&okN);
        const int pd = parts[1].trimmed().toInt(&okD);
        if (okN && okD && pn > 0 && pd >= pn) {
            n = pn;
            d = pd;
        }
    }
    *num = n;
    *den = d;
}

void PayData::seedDefaults(Database &db)
{
    const QString path = QStringLiteral(":/vinhdanh/catalogue/workflow_defaults.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("The program is missing its catalogue file %1.").arg(path));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(Tr::tr("The catalogue file %1 is damaged: %2.").arg(path, perr.errorString()));
    const JsonFields root(doc.object(), path);

    // The coefficients refer to the forms: a new database gets them here, before the catalogue.
    Catalogue::insertAwardForms(db);

    const QJsonArray salaries = root.array(QStringLiteral("baseSalaries"));
    for (int i = 0; i < salaries.size(); ++i) {
        const JsonFields f(salaries.at(i).toObject(), QStringLiteral("%1, baseSalaries[%2]").arg(path).arg(i));
        BaseSalary s;
        s.effectiveFrom = f.requiredDate(QStringLiteral("effectiveFrom"));
        s.amount = qint64(f.object().value(QStringLiteral("amount")).toDouble());
        s.source = f.optionalString(QStringLiteral("source"));
        insertSalary(db, s);
    }
    const QJsonArray coefficients = root.array(QStringLiteral("coefficients"));
    for (int i = 0; i < coefficients.size(); ++i) {
        const JsonFields f(coefficients.at(i).toObject(), QStringLiteral("%1, coefficients[%2]").arg(path).arg(i));
        const int milli = Money::parseCoefficient(f.requiredString(QStringLiteral("value")));
        if (milli < 0)
            f.fail(QStringLiteral("value"), QStringLiteral("not a coefficient"));
        Coefficient c;
        c.formCode = f.requiredString(QStringLiteral("form"));
        c.recipient = f.requiredString(QStringLiteral("recipient"));
        c.effectiveFrom = f.requiredDate(QStringLiteral("from"));
        c.coefficientMilli = milli;
        c.source = f.optionalString(QStringLiteral("source"));
        c.confirmed = f.optionalBool(QStringLiteral("confirmed"), true);
        insertCoefficient(db, c);
    }
    const QJsonArray thresholds = root.array(QStringLiteral("thresholds"));
    for (int i = 0; i < thresholds.size(); ++i) {
        const JsonFields f(thresholds.at(i).toObject(), QStringLiteral("%1, thresholds[%2]").arg(path).arg(i));
        Threshold t;
        t.formCode = f.requiredString(QStringLiteral("form"));
        t.percent = f.requiredInt(QStringLiteral("percent"));
        t.basis = f.requiredString(QStringLiteral("basis"));
        t.strictlyMore = f.optionalBool(QStringLiteral("strictlyMore"));
        t.source = f.optionalString(QStringLiteral("source"));
        t.confirmed = f.optionalBool(QStringLiteral("confirmed"));
        insertThreshold(db, t);
    }
    const QJsonObject windows = root.optionalObject(QStringLiteral("repeatWindows"));
    for (auto it = windows.begin(); it != windows.end(); ++it)
        Query(db.sql(), QStringLiteral("UPDATE award_forms SET repeat_window = :w WHERE code = :c"))
            .bind(QStringLiteral(":w"), it.value().toInt(1))
            .bind(QStringLiteral(":c"), it.key())
            .exec();
}

} // namespace VinhDanh::Core::Workflow
