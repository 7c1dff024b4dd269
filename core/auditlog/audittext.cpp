#include "core/auditlog/audittext.h"

#include "core/auditlog/auditlabels_p.h"

#include "core/accounts/permissions.h"
#include "core/auditlog/auditlog.h"
#include "core/council/sitting.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/decisions/decision.h"
#include "core/domain/codes.h"
#include "core/dossiers/dossier.h"
#include "core/eligibility/confirmationrepository.h"
#include "core/eligibility/eligibility.h"
#include "core/eligibility/ruleset.h"
#include "core/eligibility/rulesets.h"
#include "core/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <functional>

namespace VinhDanh::Core {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(AuditText)
};

using AuditLabels::lookup;
using AuditLabels::Pair;

QString settingLabel(const QString &key)
{
    return AuditLabels::setting(key);
}

// Columns a leader never reads: row ids and versions, the internal key, derived search text,
// hashes, file contents and whole documents (movement HTML, rule-set JSON), sort positions.
bool internalColumn(const QString &table, const QString &column)
{
    static const QStringList always = QStringLiteral("id version ext_key search_key row_hash created_at updated_at "
                                                     "password_hash data sha256 source_sha256 content position")
                                          .split(QLatin1Char(' '));
    if (table == QLatin1String("people") && column == QLatin1String("position"))
        return false; // the person's job title, not a sort position
    if (table == QLatin1String("rule_sets") && column == QLatin1String("version"))
        return false; // the rule set's own version number
    return always.contains(column);
}

// The place of a column among the field labels, so the fields read in the order of the forms (name
// before note), not alphabetically as JSON objects keep them.
int fieldRank(const QString &table, const QString &column)
{
    const int own = AuditLabels::fieldIndex(table + QLatin1Char('.') + column);
    const int generic = AuditLabels::fieldIndex(column);
    if (generic >= 0)
        return generic;
    return own >= 0 ? own : AuditLabels::fieldCount();
}

bool isActorColumn(const QString &column)
{
    static const QStringList columns =
        QStringLiteral("actor confirmed_by issued_by appraiser recorded_by imported_by").split(QLatin1Char(' '));
    return columns.contains(column);
}

bool isBooleanColumn(const QString &column)
{
    static const QStringList columns = QStringLiteral("is_catalogue disabled confirmed strictly_more threshold_strict "
                                                      "agreed attended passed unmasked secretary")
                                           .split(QLatin1Char(' '));
    return columns.contains(column);
}

bool isMoneyColumn(const QString &column)
{
    return column == QLatin1String("amount") || column == QLatin1String("base_salary") || column == QLatin1String("total");
}

// Which set of registry codes a column holds, if any.
bool codeSet(const QString &table, const QString &column, Codes::Set *set)
{
    if (column == QLatin1String("gender"))
        *set = Codes::Set::Gender;
    else if (column == QLatin1String("category"))
        *set = Codes::Set::PersonCategory;
    else if (column == QLatin1String("rating"))
        *set = Codes::Set::TaskRating;
    else if (column == QLatin1String("occasion"))
        *set = Codes::Set::Occasion;
    else if (column == QLatin1String("recipients") || column == QLatin1String("recipient"))
        *set = Codes::Set::Recipients;
    else if (column == QLatin1String("award_kind") || (table == QLatin1String("awards") && column == QLatin1String("kind")))
        *set = Codes::Set::AwardKind;
    else if (table == QLatin1String("units") && column == QLatin1String("kind"))
        *set = Codes::Set::UnitKind;
    else if (table == QLatin1String("blocs") && column == QLatin1String("kind"))
        *set = Codes::Set::BlocKind;
    else if (table == QLatin1String("disciplines") && column == QLatin1String("kind"))
        *set = Codes::Set::DisciplineKind;
    else if (table == QLatin1String("initiatives") && column == QLatin1String("level"))
        *set = Codes::Set::InitiativeLevel;
    else
        return false;
    return true;
}

// Codes of the workflow and the council that have no table of labels of their own.
QString workflowWords(const QString &table, const QString &column, const QString &code)
{
    try {
        if ((table == QLatin1String("dossiers") && column == QLatin1String("status")) || column == QLatin1String("from_status")
            || column == QLatin1String("to_status"))
            return Workflow::statusLabel(Workflow::statusFromCode(code));
        if (column == QLatin1String("transition")) {
            Workflow::Transition t;
            if (Workflow::transitionFromCode(code, &t))
                return Workflow::transitionLabel(t);
            if (code == QLatin1String("create"))
                return Tr::tr("Create");
            return {};
        }
        if (table == QLatin1String("dossier_attachments") && column == QLatin1String("kind"))
            return Workflow::documentKindLabel(Workflow::documentKindFromCode(code));
    } catch (const Error &) {
        return {}; // a code of a newer version: shown as stored
    }
    if (column == QLatin1String("outcome"))
        return Workflow::outcomeLabel(code);
    if (column == QLatin1String("engine_verdict"))
        for (Eligibility::Verdict v :
             {Eligibility::Verdict::Eligible, Eligibility::Verdict::NotEligible, Eligibility::Verdict::NeedsReview})
            if (Eligibility::verdictCode(v) == code)
                return Eligibility::verdictLabel(v);
    if (column == QLatin1String("role"))
        return Permissions::roleName(code);
    // Codes with no label table of their own, keyed "column:code" or "table.column:code".
    static const Pair words[] = {
        {"status:open", QT_TRANSLATE_NOOP("AuditText", "in session")},
        {"status:closed", QT_TRANSLATE_NOOP("AuditText", "closed")},
        {"status:draft", QT_TRANSLATE_NOOP("AuditText", "draft")},
        {"status:issued", QT_TRANSLATE_NOOP("AuditText", "issued")},
        {"basis:present", QT_TRANSLATE_NOOP("AuditText", "members present")},
        {"basis:members", QT_TRANSLATE_NOOP("AuditText", "all members")},
        {"threshold_basis:present", QT_TRANSLATE_NOOP("AuditText", "members present")},
        {"threshold_basis:members", QT_TRANSLATE_NOOP("AuditText", "all members")},
        {"award_forms.kind:title", QT_TRANSLATE_NOOP("AuditText", "emulation title")},
        {"award_forms.kind:certificate", QT_TRANSLATE_NOOP("AuditText", "certificate of merit")},
        {"award_forms.kind:order", QT_TRANSLATE_NOOP("AuditText", "order or medal")},
        {"award_forms.level:co_so", QT_TRANSLATE_NOOP("AuditText", "grassroots level")},
        {"award_forms.level:tinh", QT_TRANSLATE_NOOP("AuditText", "provincial level")},
        {"award_forms.level:trung_uong", QT_TRANSLATE_NOOP("AuditText", "ministry or central level")},
        {"award_forms.level:nha_nuoc", QT_TRANSLATE_NOOP("AuditText", "state level")},
    };
    for (const QString &key :
         QStringList{table + QLatin1Char('.') + column + QLatin1Char(':') + code, column + QLatin1Char(':') + code})
        if (const char *text = lookup(std::begin(words), std::end(words), key))
            return QCoreApplication::translate("AuditText", text);
    return {};
}

// Columns holding the id of a row that has a name, and the SQL that reads it.
const char *nameQuery(const QString &column)
{
    static const Pair queries[] = {
        {"person_id", "SELECT full_name FROM people WHERE id = :id"},
        {"unit_id", "SELECT name FROM units WHERE id = :id"},
        {"parent_id", "SELECT name FROM units WHERE id = :id"},
        {"succeeded_by_id", "SELECT name FROM units WHERE id = :id"},
        {"bloc_id", "SELECT name FROM blocs WHERE id = :id"},
        {"movement_id", "SELECT name FROM movements WHERE id = :id"},
        {"copied_from", "SELECT name FROM movements WHERE id = :id"},
        {"session_id", "SELECT title FROM council_sessions WHERE id = :id"},
        {"decision_id", "SELECT COALESCE(number, title) FROM decisions WHERE id = :id"},
        {"amends_id", "SELECT COALESCE(number, title) FROM decisions WHERE id = :id"},
        {"dossier_id", "SELECT title FROM dossiers WHERE id = :id"},
        {"minutes_id", "SELECT number FROM review_minutes WHERE id = :id"},
        {"member_id", "SELECT full_name FROM council_members WHERE id = :id"},
        {"initiative_id", "SELECT title FROM initiatives WHERE id = :id"},
        {"award_id", "SELECT COALESCE(f.name, a.form_code) || ' ' || a.year FROM awards a "
                     "LEFT JOIN award_forms f ON f.code = a.form_code WHERE a.id = :id"},
        {"used_for_award_id", "SELECT COALESCE(f.name, a.form_code) || ' ' || a.year FROM awards a "
                              "LEFT JOIN award_forms f ON f.code = a.form_code WHERE a.id = :id"},
        {"nominee_id", "SELECT COALESCE(p.full_name, u.name) FROM dossier_nominees n "
                       "LEFT JOIN people p ON p.id = n.person_id LEFT JOIN units u ON u.id = n.unit_id WHERE n.id = :id"},
    };
    return lookup(std::begin(queries), std::end(queries), column);
}

QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

bool isSet(const QJsonValue &v)
{
    return !v.isNull() && !v.isUndefined();
}
} // namespace

AuditText::AuditText(Database *db) : m_db(db) {}

QString AuditText::tableNoun(const QString &table)
{
    const char *text = AuditLabels::table(table);
    return text ? QCoreApplication::translate("AuditText", text) : table;
}

QString AuditText::fieldLabel(const QString &table, const QString &column)
{
    if (internalColumn(table, column))
        return {};
    const char *text = AuditLabels::field(table + QLatin1Char('.') + column);
    if (!text)
        text = AuditLabels::field(column);
    // A column of a newer schema with no label yet still shows (the test over the schema
    // keeps this from happening to ours).
    return text ? QCoreApplication::translate("AuditText", text) : column;
}

QString AuditText::actionWord(const QString &action)
{
    if (action == QLatin1String("insert"))
        return Tr::tr("added", "audit action");
    if (action == QLatin1String("update"))
        return Tr::tr("changed", "audit action");
    if (action == QLatin1String("delete"))
        return Tr::tr("deleted", "audit action");
    return action;
}

QString AuditText::when(const QString &at)
{
    const QDateTime t = QDateTime::fromString(at, Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")) : at;
}

QString AuditText::who(const QString &actor) const
{
    if (actor.isEmpty())
        return Tr::tr("(not recorded)"); // rows written before actors were recorded
    if (actor.startsWith(QLatin1String("os:")))
        return actor.size() > 3 ? actorWords(actor) : Tr::tr("(a computer account)");
    if (!m_db)
        return actor;
    const QString cacheKey = QStringLiteral("account:") + actor;
    const auto cached = m_cache.constFind(cacheKey);
    if (cached != m_cache.constEnd())
        return *cached;
    const QString fullName = Query(m_db->sql(), QStringLiteral("SELECT full_name FROM accounts WHERE username = :u"))
                                 .bind(QStringLiteral(":u"), actor)
                                 .scalar()
                                 .toString();
    const QString words = fullName.isEmpty() || fullName == actor ? actor
                                                                  : Tr::tr("%1 (%2)", "full name (username)").arg(fullName, actor);
    m_cache.insert(cacheKey, words);
    return words;
}

QString AuditText::nameOf(const QString &column, qint64 id) const
{
    const QString fallback = QStringLiteral("#%1").arg(id);
    const char *sql = nameQuery(column);
    if (!m_db || !sql)
        return fallback;
    const QString cacheKey = column + QLatin1Char(':') + QString::number(id);
    const auto cached = m_cache.constFind(cacheKey);
    if (cached != m_cache.constEnd())
        return *cached;
    // A row deleted since has no name any more: its number stays.
    const QString name = Query(m_db->sql(), QString::fromLatin1(sql)).bind(QStringLiteral(":id"), id).scalar().toString();
    const QString words = name.isEmpty() ? fallback : name;
    m_cache.insert(cacheKey, words);
    return words;
}

/// A standard's checklist item ("chap-hanh-doan-ket") as the rule sets word it: the
/// description of the judgement that has the id, in any set (the same id means the same clause
/// in every set, confirmationrepository.cpp). Read once per AuditText.
QString AuditText::itemLabel(const QString &itemId) const
{
    if (Eligibility::ConfirmationRepository::isMovementItem(itemId))
        return Tr::tr("a standard of the movement");
    if (!m_db)
        return itemId;
    if (!m_cache.contains(QStringLiteral("items:read"))) {
        m_cache.insert(QStringLiteral("items:read"), QString());
        const std::function<void(const Eligibility::Condition &)> walk = [&](const Eligibility::Condition &c) {
            const QString words = !c.description.isEmpty() ? c.description : c.checklist;
            if (!c.id.isEmpty() && !words.isEmpty() && !m_cache.contains(QStringLiteral("item:") + c.id))
                m_cache.insert(QStringLiteral("item:") + c.id, words);
            for (const Eligibility::Condition &child : c.children)
                walk(child);
        };
        for (const Eligibility::RuleSet &set : Eligibility::RuleSets::all(*m_db)) {
            for (const Eligibility::Condition &c : set.common)
                walk(c);
            for (const Eligibility::AwardRule &rule : set.rules)
                walk(rule.condition);
        }
    }
    return m_cache.value(QStringLiteral("item:") + itemId, itemId);
}

QString AuditText::formName(const QString &code) const
{
    if (!m_db)
        return code;
    const QString cacheKey = QStringLiteral("form:") + code;
    const auto cached = m_cache.constFind(cacheKey);
    if (cached != m_cache.constEnd())
        return *cached;
    const QString name = Query(m_db->sql(), QStringLiteral("SELECT name FROM award_forms WHERE code = :c"))
                             .bind(QStringLiteral(":c"), code)
                             .scalar()
                             .toString();
    const QString words = name.isEmpty() ? code : name;
    m_cache.insert(cacheKey, words);
    return words;
}

QString AuditText::value(const QString &table, const QString &column, const QJsonValue &v) const
{
    if (!isSet(v))
        return Tr::tr("(empty)");
    // SQLite stores flags as 0/1, PostgreSQL's to_jsonb may give true/false.
    if (v.isBool() || (v.isDouble() && isBooleanColumn(column)))
        return (v.isBool() ? v.toBool() : v.toDouble() != 0) ? Tr::tr("yes") : Tr::tr("no");
    if (v.isDouble()) {
        const double d = v.toDouble();
        const qint64 n = qint64(d);
        if (double(n) != d)
            return QString::number(d, 'g', 15);
        if (isMoneyColumn(column))
            return Tr::tr("%1 dong", "an amount of money").arg(Workflow::Money::amountText(n));
        if (column == QLatin1String("coefficient_milli"))
            return Workflow::Money::coefficientText(int(n));
        if (column != QLatin1String("year") && (column.endsWith(QLatin1String("_id")) || column == QLatin1String("copied_from")))
            return nameOf(column, n);
        return QString::number(n);
    }
    if (!v.isString())
        return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("v"), v}}).toJson(QJsonDocument::Compact));
    const QString s = v.toString();
    if (isActorColumn(column))
        return who(s);
    if (table == QLatin1String("office_settings") && column == QLatin1String("key"))
        return settingLabel(s);
    if (column == QLatin1String("form_code"))
        return formName(s);
    if (column == QLatin1String("item_id"))
        return itemLabel(s);
    Codes::Set set;
    if (codeSet(table, column, &set))
        return Codes::label(set, s);
    const QString words = workflowWords(table, column, s);
    if (!words.isEmpty())
        return words;
    // Dates and times as the forms show them, whatever the column.
    static const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression isoTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"));
    if (isoDate.match(s).hasMatch()) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : s;
    }
    if (isoTime.match(s).hasMatch()) {
        const QString shown = when(s);
        if (shown != s)
            return shown;
    }
    return s;
}

QString AuditText::recordName(const AuditEntry &e) const
{
    const QJsonObject values = object(e.action == QLatin1String("delete") ? e.oldValues : e.newValues);
    for (const char *column : {"full_name", "name", "number", "title", "username", "letter_no", "file_name", "code"}) {
        const QJsonValue v = values.value(QLatin1String(column));
        if (v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    // A row about a person or unit (a rating, a nominee, …) is named by them.
    for (const char *column : {"person_id", "unit_id", "nominee_id", "dossier_id", "session_id", "decision_id"}) {
        const QJsonValue v = values.value(QLatin1String(column));
        if (v.isDouble())
            return value(e.table, QLatin1String(column), v);
    }
    if (e.table == QLatin1String("office_settings"))
        return settingLabel(e.recordKey);
    if (e.table == QLatin1String("audit_exports"))
        return {}; // its key is the format code; the fields say the rest
    if (!e.recordKey.isEmpty())
        return e.recordKey;
    return e.recordId > 0 ? QStringLiteral("#%1").arg(e.recordId) : QString();
}

QList<AuditText::Field> AuditText::fields(const AuditEntry &e, bool maskPersonal) const
{
    const QJsonObject before = object(e.oldValues);
    const QJsonObject after = object(e.newValues);
    QStringList columns = before.keys() + after.keys();
    columns.removeDuplicates();
    std::stable_sort(columns.begin(), columns.end(),
                     [&](const QString &a, const QString &b) { return fieldRank(e.table, a) < fieldRank(e.table, b); });
    const bool update = e.action == QLatin1String("update");
    QList<Field> out;
    for (const QString &column : columns) {
        const QString label = fieldLabel(e.table, column);
        if (label.isEmpty())
            continue;
        // Compared in clear (a changed CCCD still shows as changed), shown masked.
        const bool hide = maskPersonal && (column == QLatin1String("cccd") || column == QLatin1String("birth_date"));
        const auto show = [&](const QJsonValue &v) { return hide && isSet(v) ? AuditLog::mask() : value(e.table, column, v); };
        Field f;
        f.label = label;
        f.changed = update && before.value(column) != after.value(column);
        if (!before.isEmpty())
            f.before = show(before.value(column));
        if (!after.isEmpty())
            f.after = show(after.value(column));
        out << f;
    }
    return out;
}

QStringList AuditText::changes(const AuditEntry &e, bool maskPersonal) const
{
    const bool update = e.action == QLatin1String("update");
    QStringList out;
    for (const Field &f : fields(e, maskPersonal)) {
        if (update) {
            if (f.changed)
                out << Tr::tr("%1: %2 → %3", "field: before → after").arg(f.label, f.before, f.after);
        } else {
            const QString &shown = e.action == QLatin1String("delete") ? f.before : f.after;
            if (shown != Tr::tr("(empty)")) // an added or deleted row lists what it held
                out << Tr::tr("%1: %2", "field: value").arg(f.label, shown);
        }
    }
    return out;
}

QString AuditText::batchText(const AuditEntry &e) const
{
    const QJsonObject row = object(e.newValues);
    const QJsonObject counts = object(row.value(QLatin1String("counts")).toString());
    const QLocale locale;
    // "9.800 cá nhân, 49.000 xếp loại" per kind of count, in the order the tables were listed.
    QStringList parts;
    const QList<QPair<const char *, QString>> kinds = {{"added", Tr::tr("added %1", "import batch: new rows per table")},
                                                       {"changed", Tr::tr("changed %1", "import batch: changed rows per table")},
                                                       {"deleted", Tr::tr("deleted %1", "import batch: deleted rows per table")}};
    for (const auto &kind : kinds) {
        QStringList items;
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it) {
            const qint64 n = it.value().toObject().value(QLatin1String(kind.first)).toInteger();
            if (n > 0)
                items << Tr::tr("%1 %2", "import batch: count, table noun").arg(locale.toString(n), tableNoun(it.key()));
        }
        if (!items.isEmpty())
            parts << QString(kind.second).arg(items.join(QStringLiteral(", ")));
    }
    const int rows = int(row.value(QLatin1String("row_count")).toInteger());
    const QString file = row.value(QLatin1String("file_name")).toString();
    const QString sha = row.value(QLatin1String("file_sha256")).toString();
    const QString what = parts.join(QStringLiteral("; "));
    if (row.value(QLatin1String("source")).toString() == QLatin1String("demo"))
        return Tr::tr("Made the sample province: %1").arg(what);
    if (file.isEmpty())
        return Tr::tr("Imported %Ln row(s): %1", nullptr, rows).arg(what);
    if (sha.isEmpty())
        return Tr::tr("Imported %Ln row(s) from the file %1: %2", nullptr, rows).arg(file, what);
    return Tr::tr("Imported %Ln row(s) from the file %1 (SHA-256 %2): %3", nullptr, rows).arg(file, sha, what);
}

QString AuditText::line(const AuditEntry &e, bool maskPersonal) const
{
    // A bulk import's one entry (core/audit/bulkwrite.h) reads as a sentence of its own.
    if (e.table == QLatin1String("import_batches") && e.action == QLatin1String("insert"))
        return Tr::tr("%1  %2  %3", "time, who, what").arg(when(e.at), who(e.actor), batchText(e));
    const QStringList changed = changes(e, maskPersonal);
    const QString what =
        Tr::tr("%1 %2 %3", "action, table, record").arg(actionWord(e.action), tableNoun(e.table), recordName(e)).trimmed();
    return changed.isEmpty() ? Tr::tr("%1  %2  %3", "time, who, what").arg(when(e.at), who(e.actor), what)
                             : Tr::tr("%1  %2  %3: %4", "time, who, what: changes")
                                   .arg(when(e.at), who(e.actor), what, changed.join(QStringLiteral("; ")));
}

} // namespace VinhDanh::Core
