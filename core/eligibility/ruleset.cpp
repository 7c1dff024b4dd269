#include "core/eligibility/ruleset.h"

#include "core/catalogue/catalogue.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/text/strictjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <climits>
#include <cmath>
#include <functional>

namespace VinhDanh::Core::Eligibility {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Eligibility)
};

struct Problem
{
    QString path;
    QString message;
};

class Parser
{
public:
    QSet<QString> formCodes;

    [[noreturn]] static void fail(const QString &path, const QString &message) { throw Problem{path, message}; }

    static void onlyKeys(const QJsonObject &o, const QString &path, const QStringList &allowed)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allowed.contains(it.key()))
                fail(path + QLatin1Char('/') + it.key(),
                     Tr::tr("unknown field \"%1\" (allowed here: %2)").arg(it.key(), allowed.join(QStringLiteral(", "))));
    }
    static QString text(const QJsonObject &o, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path, Tr::tr("the field \"%1\" is missing").arg(key));
            return {};
        }
        if (!v.isString() || (required && v.toString().trimmed().isEmpty()))
            fail(path + QLatin1Char('/') + key, Tr::tr("\"%1\" must be a non-empty text").arg(key));
        return v.toString().normalized(QString::NormalizationForm_C).trimmed();
    }
    static int number(const QJsonObject &o, const QString &path, const QString &key, int min, int max, int fallback)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (fallback == INT_MIN)
                fail(path, Tr::tr("the field \"%1\" is missing").arg(key));
            return fallback;
        }
        const double d = v.toDouble(-1e9);
        // The range first: converting a double outside int's range (1e100) is undefined.
        if (!v.isDouble() || d < min || d > max || d != std::trunc(d))
            fail(path + QLatin1Char('/') + key, Tr::tr("\"%1\" must be a whole number from %2 to %3").arg(key).arg(min).arg(max));
        return int(d);
    }
    static QStringList list(const QJsonObject &o, const QString &path, const QString &key,
                            const std::function<bool(const QString &)> &valid, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(path, Tr::tr("the field \"%1\" is missing").arg(key));
            return {};
        }
        if (!v.isArray() || (required && v.toArray().isEmpty()))
            fail(path + QLatin1Char('/') + key, Tr::tr("\"%1\" must be a non-empty list of texts").arg(key));
        QStringList out;
        const QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i) {
            const QString s = a.at(i).toString();
            if (!a.at(i).isString() || s.isEmpty() || (valid && !valid(s)))
                fail(QStringLiteral("%1/%2/%3").arg(path, key).arg(i),
                     Tr::tr("\"%1\" is not allowed in \"%2\"").arg(a.at(i).toVariant().toString(), key));
            out << s.normalized(QString::NormalizationForm_C);
        }
        return out;
    }
    static QString code(const QJsonObject &o, const QString &path, const QString &key, const QStringList &allowed, bool required)
    {
        const QString v = text(o, path, key, required);
        if (!v.isEmpty() && !allowed.contains(v))
            fail(path + QLatin1Char('/') + key,
                 Tr::tr("\"%1\" must be one of %2, not \"%3\"").arg(key, allowed.join(QStringLiteral(", ")), v));
        return v;
    }

    /// True when `text` names the nominee's cluster/bloc with {bloc}; any other {word} is a
    /// mistake (a typo would otherwise reach the clerk as it is).
    static bool placeholders(const QString &text, const QString &path)
    {
        static const QRegularExpression token(QStringLiteral("\\{([A-Za-z_]+)\\}"));
        bool bloc = false;
        for (auto it = token.globalMatch(text); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (name != QLatin1String("bloc"))
                fail(path,
                     Tr::tr("unknown placeholder {%1} (the only one is {bloc}, the unit's emulation cluster or bloc)").arg(name));
            bloc = true;
        }
        return bloc;
    }

    Condition condition(const QJsonValue &value, const QString &path, QSet<QString> &ids) const
    {
        if (!value.isObject())
            fail(path, Tr::tr("a condition must be an object"));
        const QJsonObject o = value.toObject();
        Condition c;
        static const QStringList types{QStringLiteral("allOf"),
                                       QStringLiteral("anyOf"),
                                       QStringLiteral("recipient"),
                                       QStringLiteral("ratingStreak"),
                                       QStringLiteral("ratingCount"),
                                       QStringLiteral("titleCount"),
                                       QStringLiteral("afterAward"),
                                       QStringLiteral("initiatives"),
                                       QStringLiteral("memberShare"),
                                       QStringLiteral("memberDiscipline"),
                                       QStringLiteral("noDiscipline"),
                                       QStringLiteral("judgement"),
                                       QStringLiteral("movementStandards"),
                                       QStringLiteral("inEmulationBloc")};
        c.type = code(o, path, QStringLiteral("type"), types, true);
        c.id = text(o, path, QStringLiteral("id"), true);
        if (!QRegularExpression(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$")).match(c.id).hasMatch())
            fail(path + QStringLiteral("/id"), Tr::tr("the id \"%1\" may use only a-z, 0-9, '.', '-' and '_'").arg(c.id));
        if (ids.contains(c.id))
            fail(path + QStringLiteral("/id"), Tr::tr("the id \"%1\" is used twice in this award").arg(c.id));
        ids.insert(c.id);
        c.description = text(o, path, QStringLiteral("description"), true);
        c.citation = text(o, path, QStringLiteral("citation"), false);
        c.checklist = text(o, path, QStringLiteral("checklist"), false);
        // Both texts are checked (each call validates its placeholders), so no short-circuit.
        const bool inDescription = placeholders(c.description, path + QStringLiteral("/description"));
        const bool inChecklist = placeholders(c.checklist, path + QStringLiteral("/checklist"));
        c.namesBloc = inDescription || inChecklist;
        if (o.contains(QStringLiteral("unconfirmed")) && !o.value(QStringLiteral("unconfirmed")).isBool())
            fail(path + QStringLiteral("/unconfirmed"), Tr::tr("\"unconfirmed\" must be true or false"));
        c.unconfirmed = o.value(QStringLiteral("unconfirmed")).toBool();

        QStringList keys{QStringLiteral("id"),       QStringLiteral("type"),      QStringLiteral("description"),
                         QStringLiteral("citation"), QStringLiteral("checklist"), QStringLiteral("unconfirmed")};
        const QStringList ratings{QStringLiteral("HTXSNV"), QStringLiteral("HTTNV"), QStringLiteral("HTNV"), QStringLiteral("KHTNV")};
        const auto isForm = [this](const QString &s) { return formCodes.contains(s); };
        const QString t = c.type;
        if (t == QLatin1String("allOf") || t == QLatin1String("anyOf") || t == QLatin1String("afterAward")) {
            const QString key = t == QLatin1String("afterAward") ? QStringLiteral("within") : QStringLiteral("of");
            keys << key;
            const QJsonValue of = o.value(key);
            if (t != QLatin1String("afterAward") && (!of.isArray() || of.toArray().isEmpty()))
                fail(path, Tr::tr("\"%1\" must list at least one condition").arg(key));
            const QJsonArray a = of.toArray();
            for (int i = 0; i < a.size(); ++i)
                c.children << condition(a.at(i), QStringLiteral("%1/%2/%3").arg(path, key).arg(i), ids);
        }
        if (t == QLatin1String("recipient")) {
            keys << QStringLiteral("kind") << QStringLiteral("personCategories") << QStringLiteral("unitKinds");
            c.recipientKind = code(o, path, QStringLiteral("kind"), {QStringLiteral("individual"), QStringLiteral("collective")},
                                   true);
            c.personCategories = list(
                o, path, QStringLiteral("personCategories"),
                [](const QString &s) { return Codes::isValid(Codes::Set::PersonCategory, s); }, false);
            c.unitKinds = list(
                o, path, QStringLiteral("unitKinds"), [](const QString &s) { return Codes::isValid(Codes::Set::UnitKind, s); }, false);
        } else if (t == QLatin1String("ratingStreak") || t == QLatin1String("ratingCount") || t == QLatin1String("afterAward")) {
            keys << QStringLiteral("minRating");
            c.minRating = code(o, path, QStringLiteral("minRating"), ratings, true);
            if (t == QLatin1String("ratingCount")) {
                keys << QStringLiteral("count") << QStringLiteral("window");
                c.count = number(o, path, QStringLiteral("count"), 1, 50, INT_MIN);
                c.window = number(o, path, QStringLiteral("window"), 0, 50, 0);
            } else {
                keys << QStringLiteral("years");
                c.years = number(o, path, QStringLiteral("years"), 1, 50, INT_MIN);
            }
            if (t == QLatin1String("ratingStreak")) {
                keys << QStringLiteral("orTitles");
                c.orTitles = list(o, path, QStringLiteral("orTitles"), isForm, false);
            }
            if (t == QLatin1String("afterAward")) {
                keys << QStringLiteral("awards");
                c.awards = list(o, path, QStringLiteral("awards"), isForm, true);
            }
        } else if (t == QLatin1String("titleCount")) {
            keys << QStringLiteral("awards") << QStringLiteral("count") << QStringLiteral("window") << QStringLiteral("consecutive")
                 << QStringLiteral("step");
            c.awards = list(o, path, QStringLiteral("awards"), isForm, true);
            c.count = number(o, path, QStringLiteral("count"), 1, 50, INT_MIN);
            c.window = number(o, path, QStringLiteral("window"), 0, 50, 0);
            c.consecutive = o.value(QStringLiteral("consecutive")).toBool();
            c.step = number(o, path, QStringLiteral("step"), 1, 10, 1);
        } else if (t == QLatin1String("initiatives")) {
            keys << QStringLiteral("count") << QStringLiteral("minLevel") << QStringLiteral("window");
            c.count = number(o, path, QStringLiteral("count"), 1, 50, INT_MIN);
            c.minLevel = code(o, path, QStringLiteral("minLevel"),
                              {QStringLiteral("co_so"), QStringLiteral("tinh"), QStringLiteral("toan_quoc")}, true);
            c.window = number(o, path, QStringLiteral("window"), 0, 50, 0);
        } else if (t == QLatin1String("memberShare")) {
            keys << QStringLiteral("award") << QStringLiteral("minRating") << QStringLiteral("minPercent")
                 << QStringLiteral("minCount");
            const QString award = code(o, path, QStringLiteral("award"), QStringList(formCodes.begin(), formCodes.end()), false);
            if (!award.isEmpty())
                c.awards << award;
            c.minRating = code(o, path, QStringLiteral("minRating"), ratings, false);
            if (award.isEmpty() == c.minRating.isEmpty())
                fail(path, Tr::tr("memberShare needs exactly one of \"award\" and \"minRating\""));
            c.minPercent = number(o, path, QStringLiteral("minPercent"), 0, 100, -1);
            c.minCount = number(o, path, QStringLiteral("minCount"), 1, 100000, -1);
            if ((c.minPercent < 0) == (c.minCount < 0))
                fail(path, Tr::tr("memberShare needs exactly one of \"minPercent\" and \"minCount\""));
        } else if (t == QLatin1String("memberDiscipline")) {
            keys << QStringLiteral("minKind");
            c.minKind = code(o, path, QStringLiteral("minKind"),
                             {QStringLiteral("khien_trach"), QStringLiteral("canh_cao"), QStringLiteral("ha_bac_luong"),
                              QStringLiteral("giang_chuc"), QStringLiteral("cach_chuc"), QStringLiteral("buoc_thoi_viec")},
                             true);
        } else if (t == QLatin1String("judgement")) {
            keys << QStringLiteral("route");
            c.route = o.value(QStringLiteral("route")).toBool();
            if (c.checklist.isEmpty())
                fail(path, Tr::tr("a judgement needs a \"checklist\" text for the clerk"));
        }
        if (c.unconfirmed && c.checklist.isEmpty())
            fail(path, Tr::tr("an unconfirmed standard needs a \"checklist\" text for the clerk"));
        onlyKeys(o, path, keys);
        c.op = Condition::Op(types.indexOf(c.type));
        c.minRatingLevel = c.minRating.isEmpty() ? -1 : ratingLevel(c.minRating);
        c.minInitiativeLevel = c.minLevel.isEmpty() ? -1 : initiativeLevel(c.minLevel);
        c.minSeverity = c.minKind.isEmpty() ? -1 : disciplineSeverity(c.minKind);
        return c;
    }

    RuleSet parse(const QJsonObject &root) const
    {
        RuleSet set;
        onlyKeys(root, {},
                 {QStringLiteral("format"), QStringLiteral("formatVersion"), QStringLiteral("id"), QStringLiteral("version"),
                  QStringLiteral("title"), QStringLiteral("citations"), QStringLiteral("effectiveFrom"), QStringLiteral("notes"),
                  QStringLiteral("common"), QStringLiteral("awards")});
        if (root.value(QStringLiteral("format")).toString() != QLatin1String("vinhdanh-rules"))
            fail(QStringLiteral("/format"), Tr::tr("this is not a Vinh Danh rule-set file (\"format\" must be \"vinhdanh-rules\")"));
        if (number(root, {}, QStringLiteral("formatVersion"), 1, 1000, INT_MIN) != 1)
            fail(QStringLiteral("/formatVersion"), Tr::tr("this program reads rule-set format version 1 only"));
        set.info.id = text(root, {}, QStringLiteral("id"), true);
        if (!QRegularExpression(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$")).match(set.info.id).hasMatch())
            fail(QStringLiteral("/id"), Tr::tr("the id \"%1\" may use only a-z, 0-9, '.', '-' and '_'").arg(set.info.id));
        set.info.version = number(root, {}, QStringLiteral("version"), 1, 1000000, INT_MIN);
        set.info.title = text(root, {}, QStringLiteral("title"), true);
        set.info.citations = list(root, {}, QStringLiteral("citations"), {}, true);
        const QString from = text(root, {}, QStringLiteral("effectiveFrom"), true);
        set.info.effectiveFrom = QDate::fromString(from, Qt::ISODate);
        if (!set.info.effectiveFrom.isValid() || from.size() != 10)
            fail(QStringLiteral("/effectiveFrom"), Tr::tr("\"effectiveFrom\" must be a date YYYY-MM-DD, not \"%1\"").arg(from));
        // No law of the emulation-and-commendation system predates 1945; a set "in force from
        // 1800" would silently become the set for every past year.
        if (set.info.effectiveFrom.year() < 1945 || set.info.effectiveFrom.year() > 2100)
            fail(QStringLiteral("/effectiveFrom"), Tr::tr("\"effectiveFrom\" is %1; a rule set takes effect from 1945-01-01 to "
                                                          "2100-12-31")
                                                       .arg(from));
        list(root, {}, QStringLiteral("notes"), {}, false);

        QSet<QString> commonIds;
        const QJsonArray common = root.value(QStringLiteral("common")).toArray();
        for (int i = 0; i < common.size(); ++i)
            set.common << condition(common.at(i), QStringLiteral("/common/%1").arg(i), commonIds);

        const QJsonValue awards = root.value(QStringLiteral("awards"));
        if (!awards.isArray() || awards.toArray().isEmpty())
            fail(QStringLiteral("/awards"), Tr::tr("\"awards\" must list at least one award rule"));
        const QJsonArray a = awards.toArray();
        QSet<QString> seen;
        for (int i = 0; i < a.size(); ++i) {
            const QString path = QStringLiteral("/awards/%1").arg(i);
            if (!a.at(i).isObject())
                fail(path, Tr::tr("an award rule must be an object"));
            const QJsonObject o = a.at(i).toObject();
            onlyKeys(o, path,
                     {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("recipients"), QStringLiteral("citation"),
                      QStringLiteral("progress"), QStringLiteral("condition")});
            AwardRule rule;
            rule.code = code(o, path, QStringLiteral("code"), QStringList(formCodes.begin(), formCodes.end()), true);
            rule.name = text(o, path, QStringLiteral("name"), true);
            rule.recipients = code(o, path, QStringLiteral("recipients"), {QStringLiteral("individual"), QStringLiteral("collective")},
                                   true);
            rule.citation = text(o, path, QStringLiteral("citation"), false);
            rule.progressId = text(o, path, QStringLiteral("progress"), false);
            const QString key = rule.code + QLatin1Char('/') + rule.recipients;
            if (seen.contains(key))
                fail(path + QStringLiteral("/code"), Tr::tr("a second rule for %1 (%2)").arg(rule.code, rule.recipients));
            seen.insert(key);
            QSet<QString> ids = commonIds;
            if (!o.contains(QStringLiteral("condition")))
                fail(path, Tr::tr("the field \"%1\" is missing").arg(QStringLiteral("condition")));
            rule.condition = condition(o.value(QStringLiteral("condition")), path + QStringLiteral("/condition"), ids);
            if (!rule.progressId.isEmpty() && !ids.contains(rule.progressId))
                fail(path + QStringLiteral("/progress"),
                     Tr::tr("\"progress\" names no condition of this award: \"%1\"").arg(rule.progressId));
            set.rules << rule;
        }
        return set;
    }
};
} // namespace

const AwardRule *RuleSet::rule(const QString &code, bool collective) const
{
    const QString recipients = collective ? QStringLiteral("collective") : QStringLiteral("individual");
    for (const AwardRule &r : rules)
        if (r.code == code && r.recipients == recipients)
            return &r;
    return nullptr;
}

QStringList RuleSet::codes() const
{
    QStringList out;
    for (const AwardRule &r : rules)
        if (!out.contains(r.code))
            out << r.code;
    return out;
}

RuleSet parseRuleSet(const QByteArray &text, const QString &fileName)
{
    // The shared strict reader: encoding, syntax (line and column), repeated members, control
    // characters and text limits; it also remembers where each value starts, for the lines below.
    StrictJson::Options options;
    options.recordLines = true;
    const StrictJson::Document doc = StrictJson::parse(text, fileName, options);
    if (!doc.json.isObject())
        throw Error(Tr::tr("%1, line %2: a rule-set file is one JSON object.").arg(fileName).arg(1));
    Parser parser;
    for (const AwardForm &f : Catalogue::awardForms())
        parser.formCodes.insert(f.code);
    try {
        RuleSet set = parser.parse(doc.json.object());
        set.text = text;
        return set;
    } catch (const Problem &p) {
        throw Error(Tr::tr("%1, line %2: %3.").arg(fileName).arg(doc.line(p.path)).arg(p.message));
    }
}

int ratingLevel(const QString &code)
{
    static const QHash<QString, int> levels{
        {QStringLiteral("HTXSNV"), 3}, {QStringLiteral("HTTNV"), 2}, {QStringLiteral("HTNV"), 1}, {QStringLiteral("KHTNV"), 0}};
    return levels.value(code, -1);
}

int initiativeLevel(const QString &code)
{
    static const QHash<QString, int> levels{
        {QStringLiteral("co_so"), 0}, {QStringLiteral("tinh"), 1}, {QStringLiteral("toan_quoc"), 2}};
    return levels.value(code, -1);
}

int disciplineSeverity(const QString &code)
{
    static const QHash<QString, int> levels{{QStringLiteral("khac"), 0},          {QStringLiteral("khien_trach"), 1},
                                            {QStringLiteral("canh_cao"), 2},      {QStringLiteral("ha_bac_luong"), 3},
                                            {QStringLiteral("giang_chuc"), 4},    {QStringLiteral("cach_chuc"), 5},
                                            {QStringLiteral("buoc_thoi_viec"), 6}};
    return levels.value(code, -1);
}

} // namespace VinhDanh::Core::Eligibility
