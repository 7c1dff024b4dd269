#include "core/documents/councildocuments.h"

#include "core/council/councilrepository.h"
#include "core/documents/builders_p.h"
#include "core/documents/vnformat.h"
#include "core/dossiers/dossierrepository.h"
#include "core/proposals/registernumbers.h"
#include "core/registry/movementrepository.h"

#include <QHash>

#include <algorithm>

#include <optional>

namespace VinhDanh::Documents::CouncilDocuments {

namespace Wf = Core::Workflow;

namespace {
/// The threshold as stored with the tally: "trên 50% số thành viên dự họp", "từ 90% tổng số
/// thành viên trở lên".
QString thresholdText(const Wf::Threshold &t)
{
    const QString of = t.basis == QLatin1String("members") ? QStringLiteral("tổng số thành viên")
                                                           : QStringLiteral("số thành viên dự họp");
    return t.strictlyMore ? QStringLiteral("trên %1% %2").arg(t.percent).arg(of)
                          : QStringLiteral("từ %1% %2 trở lên").arg(t.percent).arg(of);
}

/// "08 giờ 00 phút"; dotted blanks the clerk fills in by hand when the time was not recorded.
QString clockText(const QTime &t)
{
    return t.isValid()
               ? QStringLiteral("%1 giờ %2 phút").arg(t.hour(), 2, 10, QLatin1Char('0')).arg(t.minute(), 2, 10, QLatin1Char('0'))
               : QStringLiteral("…… giờ …… phút");
}

/// "1. Ông/Bà Lê Văn A – Chủ tịch Hội đồng;" … the last ending in ".": one paragraph each.
/// The members' gender is not recorded, hence "Ông/Bà" (the clerk may correct it in the DOCX).
QStringList memberList(const QList<Wf::CouncilMember> &members)
{
    QStringList out;
    for (const Wf::CouncilMember &m : members)
        out << QStringLiteral("%1. Ông/Bà %2%3;")
                   .arg(out.size() + 1)
                   .arg(Html::escaped(m.fullName), m.title.isEmpty() ? QString() : QStringLiteral(" – ") + Html::escaped(m.title));
    if (!out.isEmpty())
        out.last().replace(out.last().size() - 1, 1, QLatin1Char('.'));
    return out;
}

/// The result column: the tally's own verdict; a passed nominee whose form a higher level
/// decides says it goes on (the outcome "forwarded" recorded for it).
QString resultText(const Wf::CouncilItem &item, const QString &outcome)
{
    if (!item.tallied)
        return QStringLiteral("Chưa biểu quyết");
    if (!item.passed)
        return QStringLiteral("Không đạt");
    if (outcome == QLatin1String("forwarded"))
        return QStringLiteral("Đạt (trình cấp trên)");
    return QStringLiteral("Đạt");
}

/// The member whose role in the council begins with `role` (case-insensitive), or none.
QString memberWithRole(const Wf::Sitting &s, const QString &role)
{
    for (const Wf::CouncilMember &m : s.members)
        if (m.title.toLower().startsWith(role))
            return m.fullName;
    return {};
}

/// The items as the tally table lists them: grouped by award form, higher forms first
/// (Build::formOrder), in the sitting's order within a form. "TT" counts through this order.
QList<Wf::CouncilItem> printOrder(Core::Database &db, QList<Wf::CouncilItem> items)
{
    const QStringList order = Build::formOrder(db);
    const auto rank = [&order](const QString &form) {
        const qsizetype i = order.indexOf(form);
        return i < 0 ? order.size() : i;
    };
    std::stable_sort(items.begin(), items.end(),
                     [&](const Wf::CouncilItem &a, const Wf::CouncilItem &b) { return rank(a.formCode) < rank(b.formCode); });
    return items;
}

/// The vote table of the items in printOrder(), seven columns on a portrait page. The award form and the threshold used
/// are the same for many rows, so each form is a heading row stating its threshold instead of
/// two columns repeated on every row: with nine columns the form's name wrapped to four lines
/// and 72 nominees took 8 pages; a row now takes one line unless the name is long.
Table tallyTable(Core::Database &db, const QList<Wf::CouncilItem> &ordered, const QHash<qint64, QString> &outcomes)
{
    Table t;
    t.sheetName = QStringLiteral("Ket qua bieu quyet");
    t.headers = {QStringLiteral("TT"),
                 QStringLiteral("Họ và tên / Tên tập thể"),
                 QStringLiteral("Số người biểu quyết"),
                 QStringLiteral("Đồng ý"),
                 QStringLiteral("Không đồng ý"),
                 QStringLiteral("Không ý kiến"),
                 QStringLiteral("Kết quả")};
    t.widths = {6, 40, 12, 10, 10, 10, 12};
    t.centred = {0, 6};
    t.rightAligned = {2, 3, 4, 5};
    int counter = 0, group = 0;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const Wf::CouncilItem &item = ordered.at(i);
        if (i == 0 || ordered.at(i - 1).formCode != item.formCode) {
            // Normally one threshold per form; one changed during the sitting shows both.
            QStringList thresholds;
            for (qsizetype j = i; j < ordered.size() && ordered.at(j).formCode == item.formCode; ++j)
                if (ordered.at(j).tallied && !thresholds.contains(thresholdText(ordered.at(j).threshold)))
                    thresholds << thresholdText(ordered.at(j).threshold);
            QString heading = QStringLiteral("%1. %2").arg(Build::roman(++group), Build::formName(db, item.formCode));
            if (!thresholds.isEmpty())
                heading += QStringLiteral(" (số phiếu đồng ý cần đạt: %1)").arg(thresholds.join(QStringLiteral("; ")));
            t.rows << TableRow{{heading}, true};
        }
        const auto count = [&item](int n) { return item.tallied ? QString::number(n) : QString(); };
        t.rows << TableRow{{QString::number(++counter), item.nomineeName, count(item.voters), count(item.agree), count(item.disagree),
                            count(item.abstain), resultText(item, outcomes.value(item.nomineeId))},
                           false};
    }
    return t;
}

/// Every nominee's outcome, looked up once per dossier.
QHash<qint64, QString> outcomesOf(Core::Database &db, const QList<Wf::CouncilItem> &items)
{
    const Wf::DossierRepository dossiers(db);
    QHash<qint64, QString> out;
    QList<qint64> seen;
    for (const Wf::CouncilItem &item : items) {
        const qint64 dossierId = dossiers.nominee(item.nomineeId).dossierId;
        if (seen.contains(dossierId))
            continue;
        seen << dossierId;
        for (const Wf::Outcome &o : dossiers.outcomes(dossierId))
            out.insert(o.nomineeId, o.outcome);
    }
    return out;
}
} // namespace

Document minutes(Core::Database &db, qint64 sessionId)
{
    const Wf::CouncilRepository council(db);
    const Wf::Sitting s = council.session(sessionId);
    const QList<Wf::CouncilItem> items = council.items(sessionId);
    const QHash<qint64, QString> outcomes = outcomesOf(db, items);
    const Letterhead letterhead = Letterhead::load(db);
    const bool draft = Wf::SittingMachine::changeable(s.status); // open: its minutes are still a draft

    Document doc = Build::officeDocument(letterhead, QStringLiteral("bien-ban"),
                                         QStringLiteral("Biên bản họp Hội đồng Thi đua – Khen thưởng – %1").arg(s.title));
    doc.fileStem = Build::recordFileStem(Wf::Registers::fileStem(Wf::Registers::Book::Sitting, s.registerYear, s.registerSeq),
                                         doc.kind);

    QString movementName;
    if (s.movementId > 0)
        if (const std::optional<Core::Movement> m = Core::MovementRepository(db).get(s.movementId))
            movementName = m->name;
    QString purpose = QStringLiteral("xét khen thưởng");
    if (s.year > 0)
        purpose += QStringLiteral(" năm %1").arg(s.year);
    if (!movementName.isEmpty())
        purpose += QStringLiteral(" trong phong trào thi đua “%1”").arg(movementName);

    Part part;
    // Minutes are numbered in the register when signed; Decree 30's biên bản has no date line
    // in the header (the date is the first line of the body).
    part.number = VnFormat::numberLine(letterhead.symbol(QStringLiteral("BB")));
    part.typeName = QStringLiteral("BIÊN BẢN");
    part.subject = QStringLiteral("Họp Hội đồng Thi đua – Khen thưởng ") + purpose;
    if (draft)
        part.subject += QStringLiteral("\n(DỰ THẢO – phiên họp chưa kết thúc)");

    // I. Thời gian, địa điểm, thành phần — as a biên bản states them, each on its own line.
    part.paragraphs << QStringLiteral("Thời gian: bắt đầu lúc %1, %2.").arg(clockText(s.startTime), VnFormat::longDate(s.heldOn));
    if (!s.place.isEmpty())
        part.paragraphs << QStringLiteral("Địa điểm: ") + Html::escaped(s.place) + QLatin1Char('.');
    part.paragraphs << QStringLiteral("Nội dung: ") + Html::escaped(s.title) + QLatin1Char('.');

    const QString secretary = s.secretaryName();
    QString chair = s.chair;
    if (chair.isEmpty())
        chair = memberWithRole(s, QStringLiteral("chủ tịch"));
    if (!chair.isEmpty())
        part.paragraphs << QStringLiteral("Chủ trì: ") + Html::escaped(chair) + QStringLiteral(", Chủ tịch Hội đồng.");
    part.paragraphs << QStringLiteral("Thư ký: ") + (secretary.isEmpty() ? QStringLiteral("……………………………") : Html::escaped(secretary))
                           + QLatin1Char('.');

    // Attendance, by name and role, and the quorum rule the sitting was created with (the
    // office setting at the time).
    QList<Wf::CouncilMember> present, absent;
    for (const Wf::CouncilMember &m : s.members)
        (m.attended ? present : absent) << m;
    const int members = int(s.members.size());
    part.paragraphs << QStringLiteral("Thành phần: Hội đồng có %1 thành viên; có mặt %2 thành viên; %3")
                           .arg(members)
                           .arg(present.size())
                           .arg(absent.isEmpty() ? QStringLiteral("không có thành viên vắng mặt.")
                                                 : QStringLiteral("vắng mặt %1 thành viên.").arg(absent.size()));
    if (!present.isEmpty())
        part.paragraphs << QStringLiteral("Thành viên có mặt:") << memberList(present);
    if (!absent.isEmpty())
        part.paragraphs << QStringLiteral("Thành viên vắng mặt:") << memberList(absent);
    const bool quorum = Wf::Council::quorumMet(members, int(present.size()), s.quorumNum, s.quorumDen);
    part.paragraphs << QStringLiteral(
                           "Số thành viên có mặt là %1/%2, %3 tỷ lệ tối thiểu %4/%5 tổng số thành viên Hội đồng theo quy định; %6")
                           .arg(present.size())
                           .arg(members)
                           .arg(quorum ? QStringLiteral("đạt") : QStringLiteral("chưa đạt"))
                           .arg(s.quorumNum)
                           .arg(s.quorumDen)
                           .arg(quorum ? QStringLiteral("cuộc họp đủ điều kiện tiến hành và biểu quyết.")
                                       : QStringLiteral("cuộc họp không đủ điều kiện biểu quyết."));
    part.paragraphs << QStringLiteral("Hội đồng đã xem xét %1 trường hợp được đề nghị khen thưởng và biểu quyết bằng phiếu kín. "
                                      "Kết quả như sau:")
                           .arg(items.size());

    const QList<Wf::CouncilItem> ordered = printOrder(db, items);
    part.tables << tallyTable(db, ordered, outcomes);

    QHash<qint64, QString> memberNames;
    for (const Wf::CouncilMember &m : s.members)
        memberNames.insert(m.id, m.fullName);
    QStringList conflicts;
    int passed = 0, failed = 0;
    for (int i = 0; i < ordered.size(); ++i) {
        const Wf::CouncilItem &item = ordered.at(i);
        if (item.tallied)
            (item.passed ? passed : failed) += 1;
        if (!item.conflictedMemberIds.isEmpty()) {
            QStringList names;
            for (qint64 id : item.conflictedMemberIds)
                names << memberNames.value(id);
            conflicts << QStringLiteral("- %1 (TT %2): %3;")
                             .arg(Html::escaped(item.nomineeName))
                             .arg(i + 1)
                             .arg(Html::escaped(names.join(QStringLiteral(", "))));
        }
    }

    if (!conflicts.isEmpty()) {
        part.closing << QStringLiteral(
            "Thành viên có xung đột lợi ích không tham gia biểu quyết (không tính vào số người biểu quyết):");
        conflicts.last().chop(1);
        conflicts.last() += QLatin1Char('.');
        part.closing << conflicts;
    }
    part.closing << QStringLiteral("Tổng hợp: %1 trường hợp đạt, %2 trường hợp không đạt%3.")
                        .arg(passed)
                        .arg(failed)
                        .arg(passed + failed < items.size()
                                 ? QStringLiteral(", %1 trường hợp chưa biểu quyết").arg(items.size() - passed - failed)
                                 : QString());
    part.closing << QStringLiteral("Cuộc họp kết thúc lúc %1 cùng ngày. Biên bản đã được đọc lại cho các thành viên dự họp cùng "
                                   "nghe và thống nhất thông qua./.")
                        .arg(clockText(s.endTime));

    // Two blocks, as minutes are signed: the secretary on the left (no Nơi nhận on minutes),
    // the chair on the right.
    part.secondSignature.title = QStringLiteral("THƯ KÝ");
    part.secondSignature.name = secretary;
    part.signature.title = QStringLiteral("CHỦ TỊCH HỘI ĐỒNG");
    part.signature.name = chair;
    doc.parts << part;
    return doc;
}

} // namespace VinhDanh::Documents::CouncilDocuments
