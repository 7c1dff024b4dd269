#include "core/documents/dossierdocuments.h"

#include "core/documents/builders_p.h"
#include "core/documents/vnformat.h"
#include "core/dossiers/dossierrepository.h"
#include "core/proposals/registernumbers.h"

#include <QMap>

namespace VinhDanh::Documents::DossierDocuments {

namespace Wf = Core::Workflow;

namespace {
QString occasionPhrase(const Wf::Dossier &d)
{
    if (d.occasion == QLatin1String("so_ket"))
        return QStringLiteral("sơ kết");
    if (d.occasion == QLatin1String("tong_ket"))
        return QStringLiteral("tổng kết");
    return QStringLiteral("năm %1").arg(d.year);
}

/// "Kèm theo Tờ trình số 12/TTr-… ngày 05/01/2026 của …" (blanks when not numbered yet).
QString letterReference(const Wf::Dossier &d)
{
    QString ref = QStringLiteral("(Kèm theo Tờ trình số %1").arg(d.letterNo.isEmpty() ? QStringLiteral("      ") : d.letterNo);
    ref += QStringLiteral(" ngày %1").arg(d.letterDate.isValid() ? VnFormat::shortDate(d.letterDate) : QStringLiteral("      "));
    return ref + QStringLiteral(" của ") + d.unitName + QLatin1Char(')');
}

/// The nominees in the order lists show them: collectives first, then individuals; within
/// each, by award form in the catalogue's order, then as entered.
QList<Wf::Nominee> ordered(Core::Database &db, QList<Wf::Nominee> nominees)
{
    const QStringList order = Build::formOrder(db);
    std::stable_sort(nominees.begin(), nominees.end(), [&order](const Wf::Nominee &a, const Wf::Nominee &b) {
        if (a.isPerson() != b.isPerson())
            return !a.isPerson();
        const int ra = int(order.indexOf(a.formCode)), rb = int(order.indexOf(b.formCode));
        if (ra != rb)
            return ra < rb;
        return a.position < b.position;
    });
    return nominees;
}
} // namespace

Document proposalLetter(Core::Database &db, qint64 dossierId)
{
    const Wf::DossierRepository repo(db);
    const Wf::Dossier d = repo.dossier(dossierId);
    const QList<Wf::Nominee> nominees = ordered(db, repo.nominees(dossierId));
    const Letterhead letterhead = Letterhead::load(db);
    Document doc = Build::unitDocument(db, letterhead, d.unitId, QStringLiteral("to-trinh"),
                                       QStringLiteral("Tờ trình đề nghị khen thưởng – %1").arg(d.title));
    doc.fileStem = Build::recordFileStem(Wf::Registers::fileStem(Wf::Registers::Book::Dossier, d.registerYear, d.registerSeq),
                                         doc.kind);

    Part part;
    part.number = VnFormat::numberLine(d.letterNo.isEmpty() ? QStringLiteral("TTr") : d.letterNo);
    part.placeDate = VnFormat::placeDate(letterhead.place, d.letterDate);
    part.typeName = QStringLiteral("TỜ TRÌNH");
    part.subject = QStringLiteral("Về việc đề nghị khen thưởng ") + occasionPhrase(d)
                   + (d.movementName.isEmpty() ? QString() : QStringLiteral(" trong phong trào thi đua “%1”").arg(d.movementName));
    part.addressee = QStringLiteral("Kính gửi: Hội đồng Thi đua – Khen thưởng")
                     + (letterhead.place.isEmpty() ? QString() : QLatin1Char(' ') + letterhead.place);
    part.legalBases = Build::legalBases(db, letterhead, d.letterDate, d.movementId);

    int collectives = 0, individuals = 0;
    QMap<int, std::pair<QString, std::pair<int, int>>> perForm; // catalogue rank → name, (collectives, individuals)
    const QStringList order = Build::formOrder(db);
    for (const Wf::Nominee &n : nominees) {
        (n.isPerson() ? individuals : collectives) += 1;
        auto &entry = perForm[int(order.indexOf(n.formCode))];
        entry.first = Build::formName(db, n.formCode);
        (n.isPerson() ? entry.second.second : entry.second.first) += 1;
    }
    part.paragraphs << QStringLiteral("Căn cứ thành tích đạt được %1, %2 đề nghị xét khen thưởng cho %3, cụ thể:")
                           .arg(occasionPhrase(d), Html::escaped(d.unitName), VnFormat::whoCount(collectives, individuals));
    for (const auto &entry : perForm)
        part.paragraphs << QStringLiteral("- %1: %2;")
                               .arg(Html::escaped(entry.first), VnFormat::whoCount(entry.second.first, entry.second.second));
    part.paragraphs << Html::italic(QStringLiteral("(Có danh sách và báo cáo thành tích kèm theo)"));
    part.closing
        << QStringLiteral("%1 kính trình Hội đồng Thi đua – Khen thưởng xem xét, quyết định./.").arg(Html::escaped(d.unitName));
    // The proposing unit's head signs; the registry does not know them, so the name is left
    // for the clerk (the editable .odt) unless the office proposes itself.
    part.signature.title = QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ");
    part.recipients = {QStringLiteral("Như trên;"), QStringLiteral("Lưu: VT.")};
    doc.parts << part;
    return doc;
}

Document nomineeList(Core::Database &db, qint64 dossierId)
{
    const Wf::DossierRepository repo(db);
    const Wf::Dossier d = repo.dossier(dossierId);
    const QList<Wf::Nominee> nominees = ordered(db, repo.nominees(dossierId));
    const Letterhead letterhead = Letterhead::load(db);
    Document doc = Build::unitDocument(db, letterhead, d.unitId, QStringLiteral("danh-sach"),
                                       QStringLiteral("Danh sách đề nghị khen thưởng – %1").arg(d.title));
    doc.fileStem = Build::recordFileStem(Wf::Registers::fileStem(Wf::Registers::Book::Dossier, d.registerYear, d.registerSeq),
                                         doc.kind);
    doc.landscape = true;

    Part part;
    part.placeDate = VnFormat::placeDate(letterhead.place, d.letterDate);
    part.typeName = QStringLiteral("DANH SÁCH");
    part.subject = QStringLiteral("Đề nghị khen thưởng ") + occasionPhrase(d) + QLatin1Char('\n') + letterReference(d);

    Table t;
    t.sheetName = QStringLiteral("Danh sach de nghi");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên / Tên tập thể"), QStringLiteral("Chức vụ, đơn vị"),
                 QStringLiteral("Hình thức đề nghị"), QStringLiteral("Tóm tắt thành tích")};
    t.widths = {5, 22, 25, 18, 30};
    t.centred = {0};
    int group = 0, counter = 0, formIndex = 0;
    int lastKind = -1;
    QString lastForm;
    for (const Wf::Nominee &n : nominees) {
        const int kind = n.isPerson() ? 1 : 0;
        if (kind != lastKind) {
            t.rows << TableRow{
                {Build::roman(++group) + QStringLiteral(". ") + (kind ? QStringLiteral("CÁ NHÂN") : QStringLiteral("TẬP THỂ"))}, true};
            lastKind = kind;
            lastForm.clear();
            formIndex = 0;
        }
        if (n.formCode != lastForm) {
            t.rows << TableRow{{QStringLiteral("%1. %2").arg(++formIndex).arg(Build::formName(db, n.formCode))}, true};
            lastForm = n.formCode;
        }
        t.rows << TableRow{{QString::number(++counter), n.name, n.context, Build::formName(db, n.formCode), n.summary}, false};
    }
    part.tables << t;
    part.closing << Html::italic(
        QStringLiteral("Danh sách có %1.")
            .arg(VnFormat::whoCount(
                int(std::count_if(nominees.begin(), nominees.end(), [](const Wf::Nominee &n) { return !n.isPerson(); })),
                int(std::count_if(nominees.begin(), nominees.end(), [](const Wf::Nominee &n) { return n.isPerson(); })))));
    part.signature.title = QStringLiteral("THỦ TRƯỞNG ĐƠN VỊ");
    doc.parts << part;
    return doc;
}

} // namespace VinhDanh::Documents::DossierDocuments
