// Certificates on pre-printed blanks: their layouts (shipped JSON, or the office's own saved in
// office_settings) and the text each awardee's certificate carries. Painting is in
// certificatepainter.cpp.
#include "core/documents/certificates.h"
#include "core/documents/certificates_p.h"
#include "core/domain/codes.h"
#include "core/registry/officesettings.h"

#include "core/accounts/permissions.h"
#include "core/council/councilrepository.h"
#include "core/db/database.h"
#include "core/db/query.h"
#include "core/db/transaction.h"
#include "core/decisions/decisionrepository.h"
#include "core/documents/builders_p.h"
#include "core/documents/letterhead.h"
#include "core/documents/vnformat.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/personrepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace VinhDanh::Documents::Certificates {

namespace Wf = Core::Workflow;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::Certificates)
};

const QString kSettingPrefix = QStringLiteral("certificate.layout.");

// Blanks larger than A2 do not go through an office printer; a bigger number is a typo.
constexpr double kMaxPaper = 600;

double number(const QJsonObject &o, const char *name, const QString &where, double fallback, bool required)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isUndefined()) {
        if (required)
            throw Core::Error(Tr::tr("%1.%2 is missing: give it in millimetres.").arg(where, QLatin1String(name)));
        return fallback;
    }
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > kMaxPaper)
        throw Core::Error(
            Tr::tr("%1.%2 must be a number of millimetres between 0 and %3.").arg(where, QLatin1String(name)).arg(kMaxPaper));
    return v.toDouble();
}

Field parseField(const QJsonObject &o, const QString &where, const QSizeF &paper)
{
    Field f;
    f.key = o.value(QLatin1String("field")).toString();
    if (!fieldKeys().contains(f.key))
        throw Core::Error(Tr::tr("%1.field \"%2\" is not a field a certificate prints; use one of: %3.")
                              .arg(where, f.key, fieldKeys().join(QStringLiteral(", "))));
    f.x = number(o, "x", where, 0, true);
    f.y = number(o, "y", where, 0, true);
    f.width = number(o, "width", where, 0, true);
    if (f.width <= 0)
        throw Core::Error(Tr::tr("%1.width must be more than 0 mm.").arg(where));
    if (f.x + f.width > paper.width() + 0.01 || f.y > paper.height())
        throw Core::Error(
            Tr::tr("%1 (%2) lies outside the %3 × %4 mm blank.").arg(where, f.key).arg(paper.width()).arg(paper.height()));
    const QJsonValue size = o.value(QLatin1String("size"));
    if (!size.isUndefined() && (!size.isDouble() || size.toDouble() < 6 || size.toDouble() > 72))
        throw Core::Error(Tr::tr("%1.size must be a font size between 6 and 72 points.").arg(where));
    f.pointSize = size.toDouble(f.pointSize);
    f.bold = o.value(QLatin1String("bold")).toBool(false);
    f.italic = o.value(QLatin1String("italic")).toBool(false);
    f.upper = o.value(QLatin1String("upper")).toBool(false);
    f.align = o.value(QLatin1String("align")).toString(QStringLiteral("center"));
    if (f.align != QLatin1String("left") && f.align != QLatin1String("center") && f.align != QLatin1String("right"))
        throw Core::Error(Tr::tr("%1.align must be left, center or right, not \"%2\".").arg(where, f.align));
    const QJsonValue lines = o.value(QLatin1String("lines"));
    if (!lines.isUndefined() && (!lines.isDouble() || lines.toInt() < 1 || lines.toInt() > 10))
        throw Core::Error(Tr::tr("%1.lines must be a whole number from 1 to 10.").arg(where));
    f.lines = lines.toInt(1);
    return f;
}

QString storedLayout(const Core::Database &db, const QString &type)
{
    Core::Query q(db.sql(), QStringLiteral("SELECT value FROM office_settings WHERE key = :k"));
    q.bind(QStringLiteral(":k"), QString(kSettingPrefix + type)).exec();
    return q.next() ? q.value(0).toString() : QString();
}

QString upperFirst(QString s)
{
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}
} // namespace

const Field *Layout::field(const QString &key) const
{
    for (const Field &f : fields)
        if (f.key == key)
            return &f;
    return nullptr;
}

QStringList fieldKeys()
{
    return {QStringLiteral("recipient"), QStringLiteral("detail"),         QStringLiteral("achievement"),
            QStringLiteral("decision"),  QStringLiteral("decisionNumber"), QStringLiteral("decisionDate"),
            QStringLiteral("placeDate"), QStringLiteral("signerTitle"),    QStringLiteral("signerName"),
            QStringLiteral("form"),      QStringLiteral("issuer"),         QStringLiteral("presents"),
            QStringLiteral("goldBook")};
}

QString fieldLabel(const QString &key)
{
    // Printed on the grid, which is laid over the blank: Vietnamese, as the documents are.
    static const QHash<QString, QString> labels{
        {QStringLiteral("recipient"), QStringLiteral("Tên cá nhân, tập thể được khen")},
        {QStringLiteral("detail"), QStringLiteral("Chức vụ, đơn vị")},
        {QStringLiteral("achievement"), QStringLiteral("Thành tích")},
        {QStringLiteral("decision"), QStringLiteral("Số, ngày quyết định")},
        {QStringLiteral("decisionNumber"), QStringLiteral("Số quyết định")},
        {QStringLiteral("decisionDate"), QStringLiteral("Ngày quyết định")},
        {QStringLiteral("placeDate"), QStringLiteral("Địa danh, ngày tháng năm")},
        {QStringLiteral("signerTitle"), QStringLiteral("Chức vụ người ký")},
        {QStringLiteral("signerName"), QStringLiteral("Họ và tên người ký")},
        {QStringLiteral("form"), QStringLiteral("Hình thức khen thưởng")},
        {QStringLiteral("issuer"), QStringLiteral("Người quyết định khen thưởng")},
        {QStringLiteral("presents"), QStringLiteral("Chữ “TẶNG”")},
        {QStringLiteral("goldBook"), QStringLiteral("Số sổ vàng")},
    };
    return labels.value(key, key);
}

Layout parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const int line = int(json.left(error.offset).count('\n')) + 1;
        throw Core::Error(Tr::tr("The layout is not valid JSON (line %1: %2).").arg(line).arg(error.errorString()));
    }
    if (!doc.isObject())
        throw Core::Error(Tr::tr("The layout must be a JSON object with type, paper and fields."));
    const QJsonObject o = doc.object();
    Layout l;
    l.type = o.value(QLatin1String("type")).toString().trimmed();
    if (l.type.isEmpty())
        throw Core::Error(Tr::tr("The layout has no \"type\" (bang-khen or giay-khen)."));
    l.name = o.value(QLatin1String("name")).toString(l.type);
    l.source = o.value(QLatin1String("source")).toString();
    l.fontFamily = o.value(QLatin1String("font")).toString(l.fontFamily);
    for (const QJsonValue &v : o.value(QLatin1String("forms")).toArray())
        l.forms << v.toString();
    const QJsonObject paper = o.value(QLatin1String("paper")).toObject();
    l.paper = QSizeF(number(paper, "width", QStringLiteral("paper"), 0, true),
                     number(paper, "height", QStringLiteral("paper"), 0, true));
    if (l.paper.width() < 50 || l.paper.height() < 50)
        throw Core::Error(Tr::tr("paper must be at least 50 × 50 mm."));
    const QJsonArray fields = o.value(QLatin1String("fields")).toArray();
    if (fields.isEmpty())
        throw Core::Error(Tr::tr("The layout has no fields: nothing would be printed."));
    for (int i = 0; i < fields.size(); ++i) {
        const Field f = parseField(fields.at(i).toObject(), QStringLiteral("fields[%1]").arg(i), l.paper);
        if (l.field(f.key))
            throw Core::Error(Tr::tr("fields[%1]: \"%2\" is placed twice.").arg(i).arg(f.key));
        l.fields << f;
    }
    return l;
}

QByteArray toJson(const Layout &l)
{
    QJsonArray fields;
    for (const Field &f : l.fields) {
        QJsonObject o{{QStringLiteral("field"), f.key},
                      {QStringLiteral("x"), f.x},
                      {QStringLiteral("y"), f.y},
                      {QStringLiteral("width"), f.width},
                      {QStringLiteral("size"), f.pointSize},
                      {QStringLiteral("align"), f.align},
                      {QStringLiteral("lines"), f.lines}};
        if (f.bold)
            o.insert(QStringLiteral("bold"), true);
        if (f.italic)
            o.insert(QStringLiteral("italic"), true);
        if (f.upper)
            o.insert(QStringLiteral("upper"), true);
        fields.append(o);
    }
    const QJsonObject o{{QStringLiteral("type"), l.type},
                        {QStringLiteral("name"), l.name},
                        {QStringLiteral("forms"), QJsonArray::fromStringList(l.forms)},
                        {QStringLiteral("paper"),
                         QJsonObject{{QStringLiteral("width"), l.paper.width()}, {QStringLiteral("height"), l.paper.height()}}},
                        {QStringLiteral("source"), l.source},
                        {QStringLiteral("font"), l.fontFamily},
                        {QStringLiteral("fields"), fields}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QStringList types()
{
    return {QStringLiteral("bang-khen"), QStringLiteral("giay-khen")};
}

// The shipped Bằng khen layout (resources/certificates/bang-khen.json) is measured on the real
// blank (../shared/domain/examples/phoi-bang-khen.png, 700 × 503 px, which its source system
// prints stretched to A3 landscape, 420 × 297 mm: 0.600 mm/px across, 0.590 mm/px down):
//   inner red frame       x 22.5–397.2, y 61.7–269.0 mm
//   Quốc hiệu, Tiêu ngữ   y 67.9–85.0 mm, centred on x ≈ 199 mm
//   "BẰNG KHEN" (red)     y 95.7 (top of the accent) – 122.8 mm (baseline), x 129.6–270.6 mm
//   bottom emblem+ribbon  y 252.7–278.7 mm, x 163–256 mm
// so the variable lines start 6 mm under the title (issuer 129, "TẶNG" 137, name 146 mm,
// two lines of 24 pt to 165.5 mm), centred under the title (x 200 mm, 10 mm left of the
// page's centre, as the blank prints it), and the signature and decision blocks sit either
// side of the bottom emblem (x ≤ 162 and ≥ 258 mm). Tests check the name lies below 122.8 mm.
Layout builtIn(const QString &type)
{
    if (!types().contains(type))
        throw Core::Error(
            Tr::tr("There is no certificate blank \"%1\"; the blanks are: %2.").arg(type, types().join(QStringLiteral(", "))));
    QFile file(QStringLiteral(":/vinhdanh/certificates/%1.json").arg(type));
    if (!file.open(QIODevice::ReadOnly))
        throw Core::Error(Tr::tr("The shipped layout of %1 is missing from the program.").arg(type));
    return parse(file.readAll());
}

Layout layout(const Core::Database &db, const QString &type)
{
    const Layout shipped = builtIn(type); // also refuses an unknown type
    const QString stored = storedLayout(db, type);
    if (stored.isEmpty())
        return shipped;
    try {
        return parse(stored.toUtf8());
    } catch (const Core::Error &e) {
        throw Core::Error(Tr::tr("The office's layout of %1 cannot be read: %2 Import it again or reset it.").arg(type, e.message()));
    }
}

bool hasOfficeLayout(const Core::Database &db, const QString &type)
{
    return !storedLayout(db, type).isEmpty();
}

void saveOfficeLayout(Core::Database &db, const QString &type, const QByteArray &json)
{
    Core::Permissions::require(db, Core::Permissions::Action::EditLetterhead);
    builtIn(type);
    const Layout l = parse(json);
    if (l.type != type)
        throw Core::Error(Tr::tr("This layout is for \"%1\", not for \"%2\".").arg(l.type, type));
    Core::Transaction tx(db.sql());
    Core::OfficeSettings::put(db, QString(kSettingPrefix + type), QString::fromUtf8(toJson(l)));
    tx.commit();
}

void resetOfficeLayout(Core::Database &db, const QString &type)
{
    Core::Permissions::require(db, Core::Permissions::Action::EditLetterhead);
    builtIn(type);
    Core::Transaction tx(db.sql());
    Core::OfficeSettings::remove(db, QString(kSettingPrefix + type));
    tx.commit();
}

QList<Certificate> forDecision(Core::Database &db, qint64 decisionId, const QString &type)
{
    const Layout blank = layout(db, type);
    const Wf::DecisionRepository repo(db);
    const Wf::Decision d = repo.decision(decisionId);
    if (!Wf::DecisionMachine::inForce(d.status))
        throw Core::Error(Tr::tr("Decision %1 is still a draft: certificates are printed once it is issued, with its final "
                                 "number and date.")
                              .arg(d.number.isEmpty() ? d.key : d.number));
    const Letterhead letterhead = Letterhead::load(db);
    // The movement and year come from the awardees' dossiers (as in the decision), not the sitting.
    const Wf::DecisionBasis basis = repo.basis(decisionId);
    const QString movementName = basis.movementName;
    QString achievement = upperFirst(Build::achievement(movementName));
    if (movementName.isEmpty() && basis.fromDossiers && basis.year > 0)
        achievement += QStringLiteral(" năm %1").arg(basis.year);
    const Signature sign = Build::signature(letterhead, d.authority, d.signerTitle, d.signer);
    // Who awards, above "TẶNG" (Decree 98 Art 104 / Decree 152 forms): the line the decision
    // itself prints under its title (decisiondocuments.cpp), "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …",
    // or the body alone when it decides as a collective (TM.).
    const QString issuer = Core::Codes::authorityFromCode(d.authority) == Core::Codes::Authority::OnBehalf
                               ? Build::upper(Letterhead::oneLine(letterhead.body))
                               : Build::upper(letterhead.headTitle) + QLatin1Char(' ')
                                     + Build::upper(Letterhead::oneLine(letterhead.body));
    QStringList titleLines{sign.authority, sign.title};
    titleLines.removeAll(QString());
    const QString signerTitle = titleLines.join(QLatin1Char('\n'));
    const Core::PersonRepository people(db);

    QList<Certificate> out;
    const QList<Wf::Awardee> awardees = Build::listOrder(db, repo.awardees(d.id));
    for (int i = 0; i < awardees.size(); ++i) {
        const Wf::Awardee &a = awardees.at(i);
        if (!blank.forms.contains(a.formCode))
            continue;
        Certificate c;
        c.position = i + 1;
        c.awardeeId = a.id;
        c.year = d.date.year();
        c.awardeeName = a.name;
        c.formCode = a.formCode;
        QString recipient = a.name;
        if (!Build::isCollective(a) && a.personId > 0) {
            // "Ông"/"Bà" as certificates address people; nothing when the registry has no gender.
            const std::optional<Core::Person> person = people.get(a.personId);
            const QString gender = person ? person->gender : QString();
            if (gender == QLatin1String("male"))
                recipient = QStringLiteral("Ông ") + a.name;
            else if (gender == QLatin1String("female"))
                recipient = QStringLiteral("Bà ") + a.name;
        }
        c.text.insert(QStringLiteral("recipient"), recipient);
        c.text.insert(QStringLiteral("detail"), a.context);
        c.text.insert(QStringLiteral("achievement"), achievement);
        c.text.insert(QStringLiteral("decision"),
                      QStringLiteral("Quyết định số %1 ngày %2").arg(d.number, VnFormat::shortDate(d.date)));
        c.text.insert(QStringLiteral("decisionNumber"), d.number);
        c.text.insert(QStringLiteral("decisionDate"), VnFormat::shortDate(d.date));
        c.text.insert(QStringLiteral("placeDate"), VnFormat::placeDate(letterhead.place, d.date));
        c.text.insert(QStringLiteral("signerTitle"), signerTitle);
        c.text.insert(QStringLiteral("signerName"), d.signer);
        c.text.insert(QStringLiteral("form"), Build::formName(db, a.formCode));
        c.text.insert(QStringLiteral("issuer"), issuer);
        c.text.insert(QStringLiteral("presents"), QStringLiteral("TẶNG"));
        out << c;
    }
    readGoldBook(db, type, out);
    if (out.isEmpty())
        throw Core::Error(Tr::tr("Decision %1 awards nothing printed on %2 (%3).")
                              .arg(d.number, blank.name, blank.forms.join(QStringLiteral(", "))));
    return out;
}

QList<Certificate> forKey(Core::Database &db, const QString &id, const QString &type)
{
    // The decision by its key or its number; "…/3" after it picks one line of its list. A
    // decision's number has slashes of its own ("173/QĐ-UBND"), so the whole text is tried first.
    QString key = id.trimmed();
    int only = 0;
    const Wf::DecisionRepository repo(db);
    qint64 decisionId = repo.idForKey(key);
    const int slash = int(key.lastIndexOf(QLatin1Char('/')));
    if (decisionId <= 0 && slash > 0) {
        bool ok = false;
        only = key.mid(slash + 1).toInt(&ok);
        if (ok && only >= 1) {
            key = key.left(slash);
            decisionId = repo.idForKey(key);
        } else if (repo.idForKey(key.left(slash)) > 0) {
            throw Core::Error(
                Tr::tr("After the decision's key give the certificate's number in the list: KEY/3 (not \"%1\").").arg(id));
        }
    }
    if (decisionId <= 0)
        throw Core::Error(Tr::tr("There is no decision with the key \"%1\".").arg(key));
    const QList<Certificate> all = forDecision(db, decisionId, type);
    if (only == 0)
        return all;
    for (const Certificate &c : all)
        if (c.position == only)
            return {c};
    QStringList positions;
    for (const Certificate &c : all)
        positions << QString::number(c.position);
    throw Core::Error(Tr::tr("Number %1 of the decision's list is not printed on this blank; its certificates are numbers %2.")
                          .arg(only)
                          .arg(positions.join(QStringLiteral(", "))));
}

} // namespace VinhDanh::Documents::Certificates
