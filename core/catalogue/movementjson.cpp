#include "core/catalogue/movementjson.h"

#include "core/domain/codes.h"
#include "core/error.h"
#include "core/text/jsonfields.h"
#include "core/text/strictjson.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace VinhDanh::Core::MovementJson {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(MovementJson)
};

QJsonObject objectAt(const JsonFields &parent, const QJsonArray &array, int i, const QString &field)
{
    if (!array.at(i).isObject())
        parent.fail(field, Tr::tr("must be a list of objects"));
    return array.at(i).toObject();
}

QString itemWhere(const JsonFields &f, const QString &field, int i)
{
    return QStringLiteral("%1, %2[%3]").arg(f.where(), field).arg(i);
}

void checkCode(const JsonFields &f, const QString &field, Codes::Set set, const QString &code, bool allowEmpty)
{
    if (code.isEmpty() && allowEmpty)
        return;
    if (!Codes::isValid(set, code))
        f.fail(field, Tr::tr("has the unknown code \"%1\" (expected one of %2)").arg(code, Codes::codesText(set)));
}
} // namespace

Movement fromJson(const QJsonObject &object, const QString &where, Source source)
{
    const JsonFields f(object, where);
    const bool file = source == Source::File;
    // A stored movement keeps what the editor allowed; only a file is held to 1945–2100.
    const auto year = [file](const JsonFields &o, const QString &field, bool required) {
        if (file)
            return required ? o.requiredYear(field) : o.optionalYear(field);
        return required ? o.requiredInt(field) : o.optionalInt(field);
    };
    f.allowOnly(fieldNames());
    if (f.object().contains(QStringLiteral("format"))
        && f.optionalString(QStringLiteral("format")) != QLatin1String("vinhdanh-movement"))
        f.fail(QStringLiteral("format"), Tr::tr("must be \"vinhdanh-movement\""));
    if (f.optionalInt(QStringLiteral("formatVersion"), 1) != 1)
        f.fail(QStringLiteral("formatVersion"), Tr::tr("must be 1: this program reads movement format version 1 only"));
    Movement m;
    m.key = f.requiredString(QStringLiteral("key"));
    m.seed = f.optionalString(QStringLiteral("seed"));
    m.name = f.requiredString(QStringLiteral("name"));
    m.title = f.optionalString(QStringLiteral("title"));
    m.issuer = f.optionalString(QStringLiteral("issuer"));
    m.documentKind = f.optionalString(QStringLiteral("documentKind"));
    m.planNumber = f.optionalString(QStringLiteral("planNumber"));
    m.planDate = file ? f.optionalDate(QStringLiteral("planDate")) : f.optionalDate(QStringLiteral("planDate"), 1, 9999);
    m.place = f.optionalString(QStringLiteral("place"));
    m.scope = f.optionalString(QStringLiteral("scope"));
    m.periodFrom = year(f, QStringLiteral("periodFrom"), true);
    m.periodTo = year(f, QStringLiteral("periodTo"), true);
    m.copiedFrom = f.optionalString(QStringLiteral("copiedFrom"));
    m.legalBases = f.stringList(QStringLiteral("legalBases"));
    m.notes = f.stringList(QStringLiteral("notes"));
    const QJsonObject signer = f.optionalObject(QStringLiteral("signer"));
    if (!signer.isEmpty()) {
        const JsonFields s(signer, where + QStringLiteral(", signer"));
        s.allowOnly({QStringLiteral("title"), QStringLiteral("name")});
        m.signerTitle = s.optionalString(QStringLiteral("title"));
        m.signerName = s.optionalString(QStringLiteral("name"));
    }

    const QJsonArray phases = f.array(QStringLiteral("phases"));
    for (int i = 0; i < phases.size(); ++i) {
        const JsonFields p(objectAt(f, phases, i, QStringLiteral("phases")), itemWhere(f, QStringLiteral("phases"), i));
        p.allowOnly({QStringLiteral("ordinal"), QStringLiteral("name"), QStringLiteral("fromYear"), QStringLiteral("toYear"),
                     QStringLiteral("review"), QStringLiteral("reviewYear"), QStringLiteral("text")});
        MovementPhase phase;
        phase.ordinal = p.optionalInt(QStringLiteral("ordinal"), i + 1);
        phase.name = p.optionalString(QStringLiteral("name"));
        phase.fromYear = year(p, QStringLiteral("fromYear"), false);
        phase.toYear = year(p, QStringLiteral("toYear"), false);
        phase.review = p.optionalString(QStringLiteral("review"));
        if (!phase.review.isEmpty() && phase.review != QLatin1String("so_ket") && phase.review != QLatin1String("tong_ket"))
            p.fail(QStringLiteral("review"), Tr::tr("must be so_ket, tong_ket or null"));
        phase.reviewYear = year(p, QStringLiteral("reviewYear"), false);
        phase.text = p.optionalString(QStringLiteral("text"));
        m.phases.append(phase);
    }
    const QJsonArray contents = f.array(QStringLiteral("contents"));
    for (int i = 0; i < contents.size(); ++i) {
        const JsonFields c(objectAt(f, contents, i, QStringLiteral("contents")), itemWhere(f, QStringLiteral("contents"), i));
        c.allowOnly({QStringLiteral("number"), QStringLiteral("text")});
        m.contents.append({c.optionalString(QStringLiteral("number")), c.requiredString(QStringLiteral("text"))});
    }
    const QJsonArray categories = f.array(QStringLiteral("categories"));
    for (int i = 0; i < categories.size(); ++i) {
        const JsonFields c(objectAt(f, categories, i, QStringLiteral("categories")), itemWhere(f, QStringLiteral("categories"), i));
        c.allowOnly({QStringLiteral("code"), QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("unitKinds"),
                     QStringLiteral("personCategories")});
        MovementCategory cat;
        cat.code = c.requiredString(QStringLiteral("code"));
        cat.kind = c.requiredString(QStringLiteral("kind"));
        if (cat.kind != QLatin1String("collective") && cat.kind != QLatin1String("individual"))
            c.fail(QStringLiteral("kind"), Tr::tr("must be collective or individual"));
        cat.name = c.requiredString(QStringLiteral("name"));
        cat.unitKinds = c.stringList(QStringLiteral("unitKinds"));
        for (const QString &k : std::as_const(cat.unitKinds))
            checkCode(c, QStringLiteral("unitKinds"), Codes::Set::UnitKind, k, false);
        cat.personCategories = c.stringList(QStringLiteral("personCategories"));
        for (const QString &k : std::as_const(cat.personCategories))
            checkCode(c, QStringLiteral("personCategories"), Codes::Set::PersonCategory, k, false);
        m.categories.append(cat);
    }
    const QJsonArray awards = f.array(QStringLiteral("awards"));
    for (int i = 0; i < awards.size(); ++i) {
        const JsonFields a(objectAt(f, awards, i, QStringLiteral("awards")), itemWhere(f, QStringLiteral("awards"), i));
        a.allowOnly({QStringLiteral("occasion"), QStringLiteral("awardCodes"), QStringLiteral("name"), QStringLiteral("recipients"),
                     QStringLiteral("note")});
        MovementAward award;
        award.occasion = a.requiredString(QStringLiteral("occasion"));
        checkCode(a, QStringLiteral("occasion"), Codes::Set::Occasion, award.occasion, false);
        award.awardCodes = a.stringList(QStringLiteral("awardCodes"));
        award.name = a.requiredString(QStringLiteral("name"));
        award.recipients = a.optionalString(QStringLiteral("recipients"));
        checkCode(a, QStringLiteral("recipients"), Codes::Set::Recipients, award.recipients, true);
        award.note = a.optionalString(QStringLiteral("note"));
        m.awards.append(award);
    }
    const QJsonArray standards = f.array(QStringLiteral("standards"));
    for (int i = 0; i < standards.size(); ++i) {
        const JsonFields s(objectAt(f, standards, i, QStringLiteral("standards")), itemWhere(f, QStringLiteral("standards"), i));
        s.allowOnly({QStringLiteral("awardCodes"), QStringLiteral("occasion"), QStringLiteral("category"), QStringLiteral("heading"),
                     QStringLiteral("items")});
        MovementStandard st;
        st.awardCodes = s.stringList(QStringLiteral("awardCodes"));
        st.occasion = s.optionalString(QStringLiteral("occasion"));
        checkCode(s, QStringLiteral("occasion"), Codes::Set::Occasion, st.occasion, true);
        st.category = s.requiredString(QStringLiteral("category"));
        st.heading = s.optionalString(QStringLiteral("heading"));
        st.items = s.stringList(QStringLiteral("items"));
        m.standards.append(st);
    }
    for (const MovementStandard &st : std::as_const(m.standards))
        if (!m.category(st.category))
            f.fail(QStringLiteral("standards"), Tr::tr("names the category \"%1\", which is not in \"categories\"").arg(st.category));
    return m;
}

QStringList fieldNames()
{
    return {QStringLiteral("format"),       QStringLiteral("formatVersion"), QStringLiteral("key"),      QStringLiteral("seed"),
            QStringLiteral("copiedFrom"),   QStringLiteral("name"),          QStringLiteral("title"),    QStringLiteral("issuer"),
            QStringLiteral("documentKind"), QStringLiteral("planNumber"),    QStringLiteral("planDate"), QStringLiteral("place"),
            QStringLiteral("scope"),        QStringLiteral("periodFrom"),    QStringLiteral("periodTo"), QStringLiteral("legalBases"),
            QStringLiteral("signer"),       QStringLiteral("phases"),        QStringLiteral("contents"), QStringLiteral("categories"),
            QStringLiteral("awards"),       QStringLiteral("standards"),     QStringLiteral("notes")};
}

Movement fromFile(const QByteArray &text, const QString &fileName)
{
    const StrictJson::Document doc = StrictJson::parse(text, fileName);
    if (!doc.json.isObject())
        throw Error(Tr::tr("%1: a movement file is one JSON object (docs/movement-format.md).").arg(fileName));
    return fromJson(doc.json.object(), fileName, Source::File);
}

QJsonObject toJson(const Movement &m)
{
    using namespace JsonOut;
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("vinhdanh-movement"));
    o.insert(QStringLiteral("formatVersion"), 1);
    o.insert(QStringLiteral("key"), m.key);
    putString(o, QStringLiteral("seed"), m.seed);
    putString(o, QStringLiteral("copiedFrom"), m.copiedFrom);
    o.insert(QStringLiteral("name"), m.name);
    putString(o, QStringLiteral("title"), m.title);
    putString(o, QStringLiteral("issuer"), m.issuer);
    putString(o, QStringLiteral("documentKind"), m.documentKind);
    putString(o, QStringLiteral("planNumber"), m.planNumber);
    putDate(o, QStringLiteral("planDate"), m.planDate);
    putString(o, QStringLiteral("place"), m.place);
    putString(o, QStringLiteral("scope"), m.scope);
    o.insert(QStringLiteral("periodFrom"), m.periodFrom);
    o.insert(QStringLiteral("periodTo"), m.periodTo);
    o.insert(QStringLiteral("legalBases"), strings(m.legalBases));
    if (!m.signerTitle.isEmpty() || !m.signerName.isEmpty()) {
        QJsonObject signer;
        putString(signer, QStringLiteral("title"), m.signerTitle);
        putString(signer, QStringLiteral("name"), m.signerName);
        o.insert(QStringLiteral("signer"), signer);
    }
    QJsonArray phases;
    for (const MovementPhase &p : m.phases) {
        QJsonObject po;
        po.insert(QStringLiteral("ordinal"), p.ordinal);
        putString(po, QStringLiteral("name"), p.name);
        putInt(po, QStringLiteral("fromYear"), p.fromYear);
        putInt(po, QStringLiteral("toYear"), p.toYear);
        putString(po, QStringLiteral("review"), p.review);
        putInt(po, QStringLiteral("reviewYear"), p.reviewYear);
        putString(po, QStringLiteral("text"), p.text);
        phases.append(po);
    }
    o.insert(QStringLiteral("phases"), phases);
    QJsonArray contents;
    for (const MovementContent &c : m.contents) {
        QJsonObject co;
        putString(co, QStringLiteral("number"), c.number);
        co.insert(QStringLiteral("text"), c.text);
        contents.append(co);
    }
    o.insert(QStringLiteral("contents"), contents);
    QJsonArray categories;
    for (const MovementCategory &c : m.categories) {
        QJsonObject co;
        co.insert(QStringLiteral("code"), c.code);
        co.insert(QStringLiteral("kind"), c.kind);
        co.insert(QStringLiteral("name"), c.name);
        co.insert(QStringLiteral("unitKinds"), strings(c.unitKinds));
        co.insert(QStringLiteral("personCategories"), strings(c.personCategories));
        categories.append(co);
    }
    o.insert(QStringLiteral("categories"), categories);
    QJsonArray awards;
    for (const MovementAward &a : m.awards) {
        QJsonObject ao;
        ao.insert(QStringLiteral("occasion"), a.occasion);
        ao.insert(QStringLiteral("awardCodes"), strings(a.awardCodes));
        ao.insert(QStringLiteral("name"), a.name);
        putString(ao, QStringLiteral("recipients"), a.recipients);
        putString(ao, QStringLiteral("note"), a.note);
        awards.append(ao);
    }
    o.insert(QStringLiteral("awards"), awards);
    QJsonArray standards;
    for (const MovementStandard &s : m.standards) {
        QJsonObject so;
        so.insert(QStringLiteral("awardCodes"), strings(s.awardCodes));
        putString(so, QStringLiteral("occasion"), s.occasion);
        so.insert(QStringLiteral("category"), s.category);
        putString(so, QStringLiteral("heading"), s.heading);
        so.insert(QStringLiteral("items"), strings(s.items));
        standards.append(so);
    }
    o.insert(QStringLiteral("standards"), standards);
    o.insert(QStringLiteral("notes"), strings(m.notes));
    return o;
}

} // namespace VinhDanh::Core::MovementJson
