#include "core/documents/builders_p.h"

#include "core/db/database.h"
#include "core/documents/vnformat.h"
#include "core/domain/codes.h"
#include "core/eligibility/rulesets.h"
#include "core/error.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"
#include "core/registry/unitrepository.h"

#include <QRegularExpression>
#include <QTranslator>

#include <algorithm>

namespace VinhDanh::Documents::Build {

QString recordFileStem(const QString &numberStem, const QString &kind)
{
    return numberStem.isEmpty() ? kind : numberStem + QLatin1Char('-') + kind;
}

Document officeDocument(const Letterhead &letterhead, const QString &kind, const QString &title)
{
    Document doc;
    doc.kind = kind;
    doc.title = title;
    doc.parentBody = letterhead.parentBody;
    doc.body = letterhead.body;
    return doc;
}

Document unitDocument(Core::Database &db, const Letterhead &letterhead, qint64 unitId, const QString &kind, const QString &title)
{
    Document doc = officeDocument(letterhead, kind, title);
    const std::optional<Core::Unit> unit = Core::UnitRepository(db).get(unitId);
    if (!unit)
        return doc;
    doc.body = upper(unit->name);
    if (unit->parentId > 0)
        doc.parentBody = upper(Core::UnitRepository(db).name(unit->parentId));
    else if (unit->kind != QLatin1String("provincial_agency"))
        doc.parentBody.clear(); // a commune, an enterprise or an association writes no parent body
    else if (doc.parentBody.isEmpty())
        // A provincial agency (a Sở) writes the province above its name; an office with no
        // parent of its own is the People's Committee: "UBND TỈNH …" (Decree 30 lets the parent
        // body be abbreviated).
        doc.parentBody = Letterhead::oneLine(letterhead.body).replace(QStringLiteral("ỦY BAN NHÂN DÂN"), QStringLiteral("UBND"));
    return doc;
}

QStringList punctuateBases(QStringList bases)
{
    for (int i = 0; i < bases.size(); ++i) {
        QString b = bases.at(i).trimmed();
        while (b.endsWith(QLatin1Char(';')) || b.endsWith(QLatin1Char('.')))
            b.chop(1);
        bases[i] = b + (i + 1 == bases.size() ? QStringLiteral(".") : QStringLiteral(";"));
    }
    return bases;
}

QStringList legalBases(Core::Database &db, const Letterhead &letterhead, const QDate &date, qint64 movementId)
{
    // The office's own bases first and last (the law on local government; the province's Quy
    // chế thi đua, khen thưởng), the award rules' acts between them, as a province cites them.
    QStringList bases;
    for (const QString &b : letterhead.basesBefore)
        bases << QStringLiteral("Căn cứ ") + b;
    // No rule set in force on that date: the clerk writes the bases in the editable file.
    if (const std::optional<Core::Eligibility::RuleSet> set = Core::Eligibility::RuleSets::findInForce(
            db, date.isValid() ? date : QDate::currentDate())) {
        // A rule set may note when an act took effect ("(hiệu lực từ 01/01/2024)"): the
        // document cites the act alone.
        static const QRegularExpression effectNote(QStringLiteral("\\s*\\((?:có )?hiệu lực[^)]*\\)"));
        for (const QString &c : set->info.citations)
            bases << QStringLiteral("Căn cứ ") + QString(c).remove(effectNote);
    }
    for (const QString &b : letterhead.basesAfter)
        bases << QStringLiteral("Căn cứ ") + b;
    if (movementId > 0) {
        // A plan is cited by its number and date; one the registry holds without them is not
        // cited at all (a basis nobody can look up is worse than none).
        const std::optional<Core::Movement> m = Core::MovementRepository(db).get(movementId);
        if (m && !m->planNumber.isEmpty() && m->planDate.isValid()) {
            QString plan = QStringLiteral("Căn cứ Kế hoạch số ") + m->planNumber + QLatin1Char(' ') + VnFormat::longDate(m->planDate);
            if (!m->issuer.isEmpty())
                plan += QStringLiteral(" của ") + m->issuer;
            bases << plan + QStringLiteral(" về phong trào thi đua “") + m->name + QStringLiteral("”");
        }
    }
    return punctuateBases(bases);
}

QString headOf(const QString &unitName)
{
    // The registry keeps no head's title per unit; the usual one by the kind of body its name
    // says. A clerk corrects an unusual one in the editable file.
    const QList<std::pair<QString, QString>> heads = {
        {QStringLiteral("Sở "), QStringLiteral("Giám đốc")},
        {QStringLiteral("UBND "), QStringLiteral("Chủ tịch")},
        {QStringLiteral("Ủy ban nhân dân "), QStringLiteral("Chủ tịch")},
        {QStringLiteral("Ban "), QStringLiteral("Trưởng")},
        {QStringLiteral("Văn phòng "), QStringLiteral("Chánh")},
        {QStringLiteral("Thanh tra"), QStringLiteral("Chánh")},
        {QStringLiteral("Công an "), QStringLiteral("Giám đốc")},
        {QStringLiteral("Bộ Chỉ huy "), QStringLiteral("Chỉ huy trưởng")},
        {QStringLiteral("Trường "), QStringLiteral("Hiệu trưởng")},
        {QStringLiteral("Bệnh viện "), QStringLiteral("Giám đốc")},
        {QStringLiteral("Công ty "), QStringLiteral("Giám đốc")},
        {QStringLiteral("Đài "), QStringLiteral("Giám đốc")},
        {QStringLiteral("Phòng "), QStringLiteral("Trưởng")},
        {QStringLiteral("Chi cục "), QStringLiteral("Chi cục trưởng")},
        {QStringLiteral("Hội "), QStringLiteral("Chủ tịch")},
    };
    for (const auto &[prefix, head] : heads)
        if (unitName.startsWith(prefix))
            return head + QLatin1Char(' ') + unitName;
    return QStringLiteral("Thủ trưởng ") + unitName;
}

Signature signature(const Letterhead &letterhead, const QString &authority, const QString &title, const QString &name)
{
    Signature s;
    s.name = name;
    s.title = upper(title);
    // An unknown code prints no prefix, as signing in one's own name.
    const Core::Codes::Authority a = Core::Codes::authorityFromCode(authority).value_or(Core::Codes::Authority::Own);
    if (a == Core::Codes::Authority::OnBehalf) // for the collective body, "TM. ỦY BAN NHÂN DÂN"
        s.authority = Core::Codes::authorityPrefix(a) + QLatin1Char(' ')
                      + upper(letterhead.collectiveName.isEmpty() ? Letterhead::oneLine(letterhead.body) : letterhead.collectiveName);
    else if (a != Core::Codes::Authority::Own) // for the head, "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC"
        s.authority = Core::Codes::authorityPrefix(a) + QLatin1Char(' ') + upper(letterhead.headTitle);
    // "Q. GIÁM ĐỐC" is the whole block: the acting head's own title is not repeated below it.
    if (a == Core::Codes::Authority::Acting && s.title.isEmpty())
        s.title.clear();
    return s;
}

bool isCollective(const Core::Workflow::Awardee &a)
{
    return a.recipient == QLatin1String("collective") || (a.recipient.isEmpty() && a.unitId > 0);
}

QList<Core::Workflow::Awardee> listOrder(Core::Database &db, QList<Core::Workflow::Awardee> list)
{
    const QStringList order = formOrder(db);
    std::stable_sort(list.begin(), list.end(), [&order](const Core::Workflow::Awardee &a, const Core::Workflow::Awardee &b) {
        if (isCollective(a) != isCollective(b))
            return isCollective(a);
        const int ra = int(order.indexOf(a.formCode)), rb = int(order.indexOf(b.formCode));
        if (ra != rb)
            return ra < rb;
        return a.position < b.position;
    });
    return list;
}

QString achievement(const QString &movementName)
{
    return movementName.isEmpty() ? QStringLiteral("đã có thành tích xuất sắc trong thực hiện nhiệm vụ")
                                  : QStringLiteral("đã có thành tích xuất sắc trong phong trào thi đua “%1”").arg(movementName);
}

QString formName(Core::Database &db, const QString &code)
{
    const QString name = Core::RecordRepository(db).awardFormName(code);
    return name.isEmpty() ? code : name;
}

QStringList formOrder(Core::Database &db)
{
    // Higher forms first, as decisions and their lists are read (a Huân chương before a Bằng
    // khen, a Bằng khen before a Giấy khen); the catalogue's order among forms of one rank.
    QList<Core::AwardForm> forms = Core::RecordRepository(db).awardForms();
    std::stable_sort(forms.begin(), forms.end(), [](const Core::AwardForm &a, const Core::AwardForm &b) { return a.rank > b.rank; });
    QStringList codes;
    for (const Core::AwardForm &f : forms)
        codes << f.code;
    return codes;
}

QString codeLabel(Core::Codes::Set set, const QString &code)
{
    // Codes::label follows the interface language; its English source text is the key of the
    // Vietnamese catalogue. In a Vietnamese session the label is Vietnamese already (no match).
    static QTranslator vietnamese;
    static const bool loaded = vietnamese.load(QStringLiteral(":/i18n/vinhdanh_vi.qm"));
    const QString label = Core::Codes::label(set, code);
    const QString vi = loaded ? vietnamese.translate("Codes", label.toUtf8().constData()) : QString();
    return vi.isEmpty() ? label : vi;
}

QString roman(int n)
{
    static const char *const kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    return n >= 1 && n <= 10 ? QString::fromLatin1(kRoman[n - 1]) : QString::number(n);
}

} // namespace VinhDanh::Documents::Build
