#pragma once

#include <QDate>

#include <QList>
#include <QString>

#include <optional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Workflow {

/// The share of "agree" votes needed for a form.
struct Threshold
{
    QString formCode; // or "*"
    int percent = 50;
    QString basis = QStringLiteral("present"); // members | present
    bool strictlyMore = true;
    QString source;
    bool confirmed = false;
};

struct BaseSalary
{
    qint64 id = 0;
    QDate effectiveFrom;
    qint64 amount = 0;
    QString source;
};

struct Coefficient
{
    qint64 id = 0;
    QString formCode;
    QString recipient; // individual | collective
    QDate effectiveFrom;
    int coefficientMilli = 0; // 1.5 → 1500
    QString source;
    bool confirmed = true;
};

namespace Money {
/// coefficient × base salary, rounded UP to the next 10,000 đồng (Decree 98 Art 53, kept by 152).
qint64 bonus(int coefficientMilli, qint64 baseSalary);
/// "1,5" style text of a coefficient for people (vi_VN decimal comma); parse accepts , or .
QString coefficientText(int coefficientMilli);
/// Returns -1 when the text is not a non-negative number with at most three decimals.
int parseCoefficient(const QString &text);
/// "2.340.000" (vi_VN grouping).
QString amountText(qint64 dong);
} // namespace Money

/// The editable data the workflow computes with: base salaries, bonus coefficients, vote
/// thresholds and office settings. Seeded once (resources/catalogue/workflow_defaults.json,
/// from the law notes) when the schema step creates the tables; the office edits them after.
class PayData
{
public:
    explicit PayData(Database &db) : m_db(db) {}

    QList<BaseSalary> baseSalaries() const; // oldest first
    void saveBaseSalary(BaseSalary &s);
    void removeBaseSalary(qint64 id);
    /// The amount in force on `date`; none when no amount is (a date before the first).
    std::optional<qint64> findBaseSalaryOn(const QDate &date) const;
    /// The same where one must be: Error (translated, names the date) when none.
    qint64 baseSalaryOn(const QDate &date) const;

    QList<Coefficient> coefficients() const; // by form, recipient, date
    void saveCoefficient(Coefficient &c);
    void removeCoefficient(qint64 id);
    /// The coefficient (×1000) in force on `date`; none when the office has not entered one.
    std::optional<int> findCoefficientOn(const QString &formCode, const QString &recipient, const QDate &date) const;
    /// The same where one must be: Error naming form and recipient when none.
    int coefficientOn(const QString &formCode, const QString &recipient, const QDate &date) const;

    QList<Threshold> thresholds() const;
    void saveThreshold(const Threshold &t); // insert or replace by form code

    QString setting(const QString &key, const QString &fallback = {}) const;
    void setSetting(const QString &key, const QString &value);
    /// "council.quorum" as num/den (default 2/3).
    void quorum(int *num, int *den) const;

    /// Loads the defaults (schema step 4); public for tests of a fresh database.
    static void seedDefaults(Database &db);

private:
    /// Deletes row `id` of `table` (a fixed table name, never user text) for EditPayData.
    void removeRow(const char *table, qint64 id);
    Database &m_db;
};

} // namespace VinhDanh::Core::Workflow
