#include "core/documents/decisiondocuments.h"

#include "core/council/councilrepository.h"
#include "core/decisions/decisionrepository.h"
#include "core/documents/builders_p.h"
#include "core/documents/vnformat.h"
#include "core/domain/codes.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/paydata.h"
#include "core/proposals/registernumbers.h"
#include "core/registry/movementrepository.h"
#include "core/registry/recordrepository.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace VinhDanh::Documents::DecisionDocuments {

namespace Wf = Core::Workflow;

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VinhDanh::Documents::DecisionDocuments)
};

const QString kDraftMark = QStringLiteral("(DỰ THẢO)");

/// A decision prints under its issuer's letterhead: a People's Committee's decision under a
/// Sở's letterhead would be signed by the wrong body. Only that mismatch is refused (one side a
/// People's Committee, the other not): the issuer is a register's free text ("UBND tỉnh", "Sở
/// NV"), so other spellings of the same body must still print. "UBND" and "Ủy ban nhân dân" are one.
void requireIssuersLetterhead(const Wf::Decision &d, const Letterhead &letterhead)
{
    auto committee = [](const QString &text) {
        return text.toUpper()
            .replace(QStringLiteral("UBND"), QStringLiteral("ỦY BAN NHÂN DÂN"))
            .contains(QStringLiteral("ỦY BAN NHÂN DÂN"));
    };
    if (d.issuer.trimmed().isEmpty() || committee(d.issuer) == committee(Letterhead::oneLine(letterhead.body)))
        return;
    throw Core::Error(Tr::tr("Decision %1 is issued by %2, but the office's letterhead is %3. A decision is printed under the "
                             "letterhead of the body that issues it: change the letterhead (Settings ▸ Letterhead…, or "
                             "vinhdanh-cli letterhead --body) or the decision's issuer.")
                          .arg(d.number, d.issuer, Letterhead::oneLine(letterhead.body)));
}

/// The awardees with their bonus: an issued decision's stored amounts; for a draft what
/// price() would store today (amount −1 where no coefficient or base salary is in force).
struct Priced
{
    QList<Wf::Awardee> awardees;
    qint64 total = 0;
    qint64 baseSalary = 0;
    QStringList unpriced; // names
};

Priced priced(Core::Database &db, const Wf::Decision &d)
{
    // Core's one pricing (DecisionRepository::partialPricing), as price() and issue() use it.
    const Wf::DecisionRepository::Pricing p = Wf::DecisionRepository(db).partialPricing(d.id);
    return {p.awardees, p.total, p.baseSalary, p.unpriced};
}

QString whoText(int collectives, int individuals)
{
    const QString who = VnFormat::whoCount(collectives, individuals);
    return who.isEmpty() ? QStringLiteral("00 cá nhân") : who;
}

/// "các tập thể, cá nhân", or only the kind the decision names.
QString whoNoun(int collectives, int individuals)
{
    if (collectives > 0 && individuals > 0)
        return QStringLiteral("các tập thể, cá nhân");
    return collectives > 0 ? QStringLiteral("các tập thể") : QStringLiteral("các cá nhân");
}

QString upperFirst(QString s)
{
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s;
}

/// "Tặng Bằng khen …" for a certificate or an order, "Công nhận danh hiệu “…”" for a title.
QString grantPhrase(Core::Database &db, const QString &formCode)
{
    for (const Core::AwardForm &f : Core::RecordRepository(db).awardForms())
        if (f.code == formCode && f.kind == QLatin1String("title"))
            return QStringLiteral("Công nhận danh hiệu “%1”").arg(f.name);
    return QStringLiteral("Tặng ") + Build::formName(db, formCode);
}

QString lowerFirst(QString s)
{
    if (!s.isEmpty())
        s[0] = s.at(0).toLower();
    return s;
}

QString decisionReference(const Wf::Decision &d)
{
    return QStringLiteral("Quyết định số %1 ngày %2 của %3").arg(d.number, VnFormat::shortDate(d.date), d.issuer);
}

/// "Theo đề nghị của Giám đốc Sở … tại Tờ trình số … ngày …": the heads of the proposing units
/// and their letters (the dossiers of the awardees' nominees), or the council when nothing was
/// proposed through a dossier (its minutes are cited as a basis already when it sat).
QString proposalLine(Core::Database &db, const QList<Wf::Awardee> &awardees, bool hadCouncil)
{
    const Wf::DossierRepository dossiers(db);
    QList<qint64> ids;
    for (const Wf::Awardee &a : awardees) {
        if (a.nomineeId <= 0)
            continue;
        const qint64 id = dossiers.nominee(a.nomineeId).dossierId;
        if (!ids.contains(id))
            ids << id;
    }
    QStringList who;
    if (ids.size() > 3) {
        // A season's decision gathers dozens of letters: name them in the list, not here.
        who << QStringLiteral("Thủ trưởng các cơ quan, đơn vị tại %1 tờ trình đề nghị khen thưởng").arg(ids.size());
    } else {
        for (qint64 id : ids) {
            const Wf::Dossier d = dossiers.reference(id);
            QString w = Build::headOf(d.unitName);
            if (!d.letterNo.isEmpty())
                w += QStringLiteral(" tại Tờ trình số ") + d.letterNo;
            if (d.letterDate.isValid())
                w += QStringLiteral(" ngày ") + VnFormat::shortDate(d.letterDate);
            if (!who.contains(w))
                who << w;
        }
    }
    if (who.isEmpty() && hadCouncil)
        who << QStringLiteral("Hội đồng Thi đua – Khen thưởng");
    return who.isEmpty() ? QString() : QStringLiteral("Theo đề nghị của ") + who.join(QStringLiteral(" và "));
}
} // namespace

Document decision(Core::Database &db, qint64 decisionId)
{
    const Wf::DecisionRepository repo(db);
    const Wf::Decision d = repo.decision(decisionId);
    const bool draft = !Wf::DecisionMachine::inForce(d.status);
    Priced money = priced(db, d);
    const QList<Wf::Awardee> awardees = Build::listOrder(db, money.awardees);
    const Letterhead letterhead = Letterhead::load(db);
    requireIssuersLetterhead(d, letterhead);

    Document doc = Build::officeDocument(letterhead, QStringLiteral("quyet-dinh"),
                                         (draft ? QStringLiteral("Dự thảo – ") : QString())
                                             + QStringLiteral("Quyết định %1").arg(d.number));
    // "QD-173-QD-UBND-24-01-2026": the number and date a clerk files it under (never the key).
    doc.fileStem = (draft ? QStringLiteral("du-thao-") : QString()) + Wf::Registers::decisionFileStem(d.number, d.date);

    // What the decision is about comes from its awardees' dossiers, not from the sitting: a
    // movement is cited only when every awardee came from a dossier of that movement.
    const Wf::DecisionBasis basis = repo.basis(decisionId);
    const QString movementName = basis.movementName;
    std::optional<Wf::Sitting> sitting;
    if (d.sessionId > 0)
        sitting = Wf::CouncilRepository(db).session(d.sessionId);
    std::optional<Wf::Decision> amended;
    if (d.amendsId > 0)
        amended = repo.decision(d.amendsId);

    Part part;
    part.number = VnFormat::numberLine(d.number);
    part.placeDate = VnFormat::placeDate(letterhead.place, d.date);
    part.typeName = QStringLiteral("QUYẾT ĐỊNH");
    QString subject = d.title;
    if (subject.isEmpty()) {
        subject = amended ? QStringLiteral("Về việc sửa đổi, bổ sung ") + decisionReference(*amended)
                          : QStringLiteral("Về việc khen thưởng");
        if (!amended && !movementName.isEmpty() && basis.occasion == QLatin1String("so_ket"))
            subject += QStringLiteral(" sơ kết");
        else if (!amended && !movementName.isEmpty() && basis.occasion == QLatin1String("tong_ket"))
            subject += QStringLiteral(" tổng kết");
        if (!amended && basis.year > 0)
            subject += QStringLiteral(" năm %1").arg(basis.year);
        if (!amended && !movementName.isEmpty())
            subject += QStringLiteral(" trong phong trào thi đua “%1”").arg(movementName);
    }
    part.subject = subject + (draft ? QString(QLatin1Char('\n') + kDraftMark) : QString());
    // The decider: the body itself when it decides as a collective (TM.), else its head
    // ("GIÁM ĐỐC SỞ NỘI VỤ"; with the letterhead of a People's Committee, "CHỦ TỊCH ỦY BAN NHÂN
    // DÂN TỈNH …"). The body is taken as written on the letterhead, in capitals.
    part.authorityLine = Core::Codes::authorityFromCode(d.authority) == Core::Codes::Authority::OnBehalf
                             ? Build::upper(Letterhead::oneLine(letterhead.body))
                             : Build::upper(letterhead.headTitle) + QLatin1Char(' ')
                                   + Build::upper(Letterhead::oneLine(letterhead.body));

    QStringList bases = Build::legalBases(db, letterhead, d.date, basis.movementId);
    if (amended)
        bases << QStringLiteral("Căn cứ ") + decisionReference(*amended)
                     + (amended->title.isEmpty() ? QString() : QString(QLatin1Char(' ') + lowerFirst(amended->title)));
    if (sitting)
        bases << QStringLiteral("Căn cứ Biên bản họp Hội đồng Thi đua – Khen thưởng ") + VnFormat::longDate(sitting->heldOn);
    const QString proposal = proposalLine(db, awardees, bool(sitting));
    if (!proposal.isEmpty())
        bases << proposal;
    part.legalBases = Build::punctuateBases(bases);
    part.decidesLine = QStringLiteral("QUYẾT ĐỊNH:");

    // Điều 1: who receives what, per form in the catalogue's order.
    int collectives = 0, individuals = 0;
    QStringList forms;
    QHash<QString, std::pair<int, int>> perForm;
    for (const Wf::Awardee &a : awardees) {
        (Build::isCollective(a) ? collectives : individuals) += 1;
        (Build::isCollective(a) ? perForm[a.formCode].first : perForm[a.formCode].second) += 1;
    }
    for (const QString &code : Build::formOrder(db))
        if (perForm.contains(code))
            forms << code;
    for (auto it = perForm.cbegin(); it != perForm.cend(); ++it)
        if (!forms.contains(it.key()))
            forms << it.key();
    const QString achievement = Build::achievement(movementName);
    if (forms.size() == 1) {
        part.paragraphs << Html::bold(QStringLiteral("Điều 1. "))
                               + Html::escaped(
                                   QStringLiteral("%1 cho %2 (có danh sách kèm theo), %3.")
                                       .arg(grantPhrase(db, forms.first()), whoText(collectives, individuals), achievement));
    } else {
        part.paragraphs << Html::bold(QStringLiteral("Điều 1. "))
                               + Html::escaped(QStringLiteral("Khen thưởng %1 (có danh sách kèm theo), %2, cụ thể:")
                                                   .arg(whoText(collectives, individuals), achievement));
        for (int i = 0; i < forms.size(); ++i) {
            const auto counts = perForm.value(forms.at(i));
            part.paragraphs << Html::escaped(QStringLiteral("- %1: %2%3")
                                                 .arg(grantPhrase(db, forms.at(i)), whoText(counts.first, counts.second))
                                                 .arg(i + 1 == forms.size() ? QStringLiteral(".") : QStringLiteral(";")));
        }
    }

    // Điều 2: the bonus, in figures and in words.
    const QString who = whoNoun(collectives, individuals);
    QString article2 = upperFirst(who) + QStringLiteral(" có tên tại Điều 1 được nhận tiền thưởng theo quy định");
    if (money.baseSalary > 0)
        article2 += QStringLiteral(" (tính theo mức lương cơ sở %1 đồng)").arg(VnFormat::amount(money.baseSalary));
    article2 += QStringLiteral("; mức thưởng cụ thể tại danh sách kèm theo; tổng số tiền thưởng: %1 đồng (bằng chữ: %2).")
                    .arg(VnFormat::amount(money.total), VnFormat::amountInWords(money.total));
    part.paragraphs << Html::bold(QStringLiteral("Điều 2. ")) + Html::escaped(article2);
    if (!money.unpriced.isEmpty())
        part.paragraphs << Html::italic(QStringLiteral("Chưa tính được tiền thưởng của: %1 (chưa có hệ số hoặc mức lương cơ sở "
                                                       "áp dụng vào ngày quyết định).")
                                            .arg(money.unpriced.join(QStringLiteral(", "))));

    // Điều 3: in force, and who executes it.
    QString article3 = QStringLiteral("Quyết định này có hiệu lực kể từ ngày ký.");
    if (amended)
        article3 += QStringLiteral(" Các nội dung khác của %1 không thuộc phạm vi sửa đổi tại Quyết định này giữ nguyên hiệu lực.")
                        .arg(decisionReference(*amended));
    article3 += QStringLiteral(" Thủ trưởng các cơ quan, đơn vị có liên quan và %1 có tên tại Điều 1 "
                               "chịu trách nhiệm thi hành Quyết định này./.")
                    .arg(who);
    part.paragraphs << Html::bold(QStringLiteral("Điều 3. ")) + Html::escaped(article3);

    part.signature = Build::signature(letterhead, d.authority, d.signerTitle, d.signer);
    // A decision's "Như trên" is its executing article.
    for (const QString &r : letterhead.recipients)
        part.recipients << (r.startsWith(QStringLiteral("Như trên")) ? QStringLiteral("Như Điều 3;") : r);
    doc.parts << part;

    // Part 2: the attached list, on a new page. As the real one: no letterhead of its own, the
    // caption names the decision and who decided it (the head, or the body for TM.), the form
    // is the group heading only (no column repeating it).
    Part list;
    list.letterhead = false;
    list.typeName = QStringLiteral("DANH SÁCH");
    const QString issuer = d.issuer.isEmpty() ? Letterhead::oneLine(letterhead.body) : d.issuer;
    const QString decider = Core::Codes::authorityFromCode(d.authority) == Core::Codes::Authority::OnBehalf
                                ? issuer
                                : letterhead.headTitle + QLatin1Char(' ') + issuer;
    list.subject = upperFirst(who) + QStringLiteral(" được khen thưởng")
                   + (movementName.isEmpty() ? QString() : QStringLiteral(" trong phong trào thi đua “%1”").arg(movementName))
                   + (draft ? QString(QLatin1Char('\n') + kDraftMark) : QString());
    // Two lines as in the real list, so the decider's title never breaks across them.
    list.caption =
        QStringLiteral("(Kèm theo Quyết định số %1 %2\ncủa %3)").arg(d.number, VnFormat::longDate(d.date), decider.trimmed());
    Table t;
    t.sheetName = QStringLiteral("Danh sach khen thuong");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên / Tên tập thể"), QStringLiteral("Chức vụ, đơn vị"),
                 QStringLiteral("Số tiền thưởng (đồng)")};
    t.widths = {7, 34, 41, 18};
    t.centred = {0};
    t.rightAligned = {3};
    int group = 0, counter = 0, formIndex = 0, lastKind = -1;
    QString lastForm;
    for (const Wf::Awardee &a : awardees) {
        const int kind = Build::isCollective(a) ? 0 : 1;
        if (kind != lastKind) {
            t.rows << TableRow{
                {Build::roman(++group) + QStringLiteral(". ") + (kind ? QStringLiteral("CÁ NHÂN") : QStringLiteral("TẬP THỂ"))}, true};
            lastKind = kind;
            lastForm.clear();
            formIndex = 0;
        }
        if (a.formCode != lastForm) {
            t.rows << TableRow{{QStringLiteral("%1. %2").arg(++formIndex).arg(Build::formName(db, a.formCode))}, true};
            lastForm = a.formCode;
        }
        t.rows << TableRow{{QString::number(++counter), a.name, a.context, a.amount >= 0 ? VnFormat::amount(a.amount) : QString()},
                           false};
    }
    t.totalRow = {QString(), QStringLiteral("Tổng cộng"), whoText(collectives, individuals), VnFormat::amount(money.total)};
    list.tables << t;
    list.closing << QStringLiteral("Tổng số tiền thưởng: %1 đồng (bằng chữ: %2)./.")
                        .arg(VnFormat::amount(money.total), Html::escaped(VnFormat::amountInWords(money.total)));
    doc.parts << list;
    return doc;
}

} // namespace VinhDanh::Documents::DecisionDocuments
