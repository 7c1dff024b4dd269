#include "core/documents/builders_p.h"

#include "core/db/database.h"
#include "core/eligibility/rulesets.h"
#include "core/error.h"
#include "core/repo/movementrepository.h"
#include "core/repo/recordrepository.h"
#include "core/repo/unitrepository.h"
#include "core/documents/vnformat.h"

#include <QTranslator>

namespace VinhDanh::Documents::Build {

Document officeDocument(const Letterhead &letterhead, const QString &kind, const QString &title)
{
    Document doc;
    doc.kind = kind;
    doc.title = title;
    doc.parentBody = letterhead.parentBody;
    doc.body = letterhead.body;
    return doc;
}

Document unitDocument(Core::Database &db, const Letterhead &letterhead, qint64 unitId, const QString &kind,
                      const QString &title)
{
    Document doc = officeDocument(letterhead, kind, title);
    const std::optional<Core::Unit> unit = Core::UnitRepository(db).get(unitId);
    if (!unit)
        return doc;
    doc.body = upper(unit->name);
    if (unit->parentId > 0)
        doc.parentBody = upper(Core::UnitRepository(db).name(unit->parentId));
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

QStringList legalBases(Core::Database &db, const QDate &date, qint64 movementId)
{
    QStringList bases;
    try {
        const Core::Eligibility::RuleSet set = Core::Eligibility::RuleSets::inForce(db, date.isValid() ? date : QDate::currentDate());
        for (const QString &c : set.info.citations)
            bases << QStringLiteral("Căn cứ ") + c;
    } catch (const Core::Error &) {
        // No rule set in force on that date: the clerk writes the bases in the editable file.
    }
    if (movementId > 0) {
        const std::optional<Core::Movement> m = Core::MovementRepository(db).get(movementId);
        if (m) {
            QString plan = QStringLiteral("Căn cứ Kế hoạch");
            if (!m->planNumber.isEmpty())
                plan += QStringLiteral(" số ") + m->planNumber;
            if (m->planDate.isValid())
                plan += QLatin1Char(' ') + VnFormat::longDate(m->planDate);
            if (!m->issuer.isEmpty())
                plan += QStringLiteral(" của ") + m->issuer;
            bases << plan + QStringLiteral(" về phong trào thi đua “") + m->name + QStringLiteral("”");
        }
    }
    return punctuateBases(bases);
}

Signature signature(const Letterhead &letterhead, const QString &authority, const QString &title, const QString &name)
{
    Signature s;
    s.name = name;
    s.title = upper(title);
    const QString head = upper(letterhead.headTitle);
    if (authority == QLatin1String("TM"))
        s.authority = QStringLiteral("TM. ") + upper(letterhead.collectiveName.isEmpty() ? letterhead.body : letterhead.collectiveName);
    else if (authority == QLatin1String("KT"))
        s.authority = QStringLiteral("KT. ") + head;
    else if (authority == QLatin1String("Q"))
        s.authority = QStringLiteral("Q. ") + head;
    // "Q. GIÁM ĐỐC" is the whole block: the acting head's own title is not repeated below it.
    if (authority == QLatin1String("Q") && s.title.isEmpty())
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
    return movementName.isEmpty()
        ? QStringLiteral("đã có thành tích xuất sắc trong thực hiện nhiệm vụ")
        : QStringLiteral("đã có thành tích xuất sắc trong phong trào thi đua “%1”").arg(movementName);
}

QString formName(Core::Database &db, const QString &code)
{
    const QString name = Core::RecordRepository(db).awardFormName(code);
    return name.isEmpty() ? code : name;
}

QStringList formOrder(Core::Database &db)
{
    QStringList codes;
    for (const Core::AwardForm &f : Core::RecordRepository(db).awardForms())
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
