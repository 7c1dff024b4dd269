#include "core/documents/councildocuments.h"

#include "core/documents/builders_p.h"
#include "core/documents/vnformat.h"
#include "core/repo/movementrepository.h"
#include "core/workflow/councilrepository.h"
#include "core/workflow/dossierrepository.h"

#include <QHash>

#include <optional>

namespace VinhDanh::Documents::CouncilDocuments {

namespace Wf = Core::Workflow;

namespace {
/// The threshold as stored with the tally: "Trên 50% số thành viên dự họp", "Từ 90% tổng số
/// thành viên trở lên".
QString thresholdText(const Wf::Threshold &t)
{
    const QString of = t.basis == QLatin1String("members") ? QStringLiteral("tổng số thành viên")
                                                            : QStringLiteral("số thành viên dự họp");
    return t.strictlyMore ? QStringLiteral("Trên %1% %2").arg(t.percent).arg(of)
                          : QStringLiteral("Từ %1% %2 trở lên").arg(t.percent).arg(of);
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

/// The member whose role in the council contains `role` (case-insensitive), or none.
QString memberWithRole(const Wf::CouncilSession &s, const QString &role, const QString &except = {})
{
    for (const Wf::CouncilMember &m : s.members) {
        const QString title = m.title.toLower();
        if (title.startsWith(role) && (except.isEmpty() || !title.contains(except)))
            return m.fullName;
    }
    return {};
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
    const Wf::CouncilSession s = council.session(sessionId);
    const QList<Wf::CouncilItem> items = council.items(sessionId);
    const QHash<qint64, QString> outcomes = outcomesOf(db, items);
    const Letterhead letterhead = Letterhead::load(db);
    const bool draft = s.status != QLatin1String("closed");

    Document doc = Build::officeDocument(letterhead, QStringLiteral("bien-ban"),
                                         QStringLiteral("Biên bản họp Hội đồng Thi đua – Khen thưởng – %1").arg(s.title));
    doc.fileStem = QStringLiteral("bien-ban-%1").arg(s.key);

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

    QString opening = QStringLiteral("Hôm nay, ") + VnFormat::longDate(s.heldOn);
    if (!s.place.isEmpty())
        opening += QStringLiteral(", tại ") + Html::escaped(s.place);
    opening += QStringLiteral(", Hội đồng Thi đua – Khen thưởng họp ") + Html::escaped(purpose) + QLatin1Char('.');
    part.paragraphs << opening;
    if (!s.title.isEmpty())
        part.paragraphs << QStringLiteral("Nội dung: ") + Html::escaped(s.title) + QLatin1Char('.');

    const QString secretary = memberWithRole(s, QStringLiteral("thư ký"));
    QString chair = s.chair;
    if (chair.isEmpty())
        chair = memberWithRole(s, QStringLiteral("chủ tịch"));
    if (!chair.isEmpty())
        part.paragraphs << QStringLiteral("Chủ trì: ") + Html::escaped(chair) + QStringLiteral(", Chủ tịch Hội đồng.");
    if (!secretary.isEmpty())
        part.paragraphs << QStringLiteral("Thư ký: ") + Html::escaped(secretary) + QLatin1Char('.');

    // Attendance and the quorum rule the sitting was created with (office setting at the time).
    QStringList absent;
    for (const Wf::CouncilMember &m : s.members)
        if (!m.attended)
            absent << m.fullName;
    const int members = int(s.members.size());
    const int present = members - int(absent.size());
    QString attendance = QStringLiteral("Thành phần: Hội đồng có %1 thành viên; có mặt %2 thành viên").arg(members).arg(present);
    attendance += absent.isEmpty() ? QStringLiteral("; không có thành viên vắng mặt.")
                                   : QStringLiteral("; vắng mặt %1 thành viên: %2.")
                                         .arg(absent.size())
                                         .arg(Html::escaped(absent.join(QStringLiteral(", "))));
    part.paragraphs << attendance;
    const bool quorum = Wf::Council::quorumMet(members, present, s.quorumNum, s.quorumDen);
    part.paragraphs << QStringLiteral("Số thành viên có mặt là %1/%2, %3 tỷ lệ tối thiểu %4/%5 tổng số thành viên Hội đồng theo quy định; %6")
                           .arg(present)
                           .arg(members)
                           .arg(quorum ? QStringLiteral("đạt") : QStringLiteral("chưa đạt"))
                           .arg(s.quorumNum)
                           .arg(s.quorumDen)
                           .arg(quorum ? QStringLiteral("cuộc họp đủ điều kiện tiến hành và biểu quyết.")
                                       : QStringLiteral("cuộc họp không đủ điều kiện biểu quyết."));
    part.paragraphs << QStringLiteral("Hội đồng đã xem xét %1 trường hợp được đề nghị khen thưởng và biểu quyết bằng phiếu kín. "
                                      "Kết quả như sau:")
                           .arg(items.size());

    Table t;
    t.sheetName = QStringLiteral("Ket qua bieu quyet");
    t.headers = {QStringLiteral("TT"), QStringLiteral("Họ và tên / Tên tập thể"), QStringLiteral("Hình thức đề nghị"),
                 QStringLiteral("Đồng ý"), QStringLiteral("Không đồng ý"), QStringLiteral("Không ý kiến"),
                 QStringLiteral("Số người biểu quyết"), QStringLiteral("Tỷ lệ cần đạt"), QStringLiteral("Kết quả")};
    t.widths = {5, 18, 17, 8, 9, 9, 10, 14, 10};
    t.centred = {0, 8};
    t.rightAligned = {3, 4, 5, 6};
    QHash<qint64, QString> memberNames;
    for (const Wf::CouncilMember &m : s.members)
        memberNames.insert(m.id, m.fullName);
    QStringList conflicts;
    int passed = 0, failed = 0, counter = 0;
    for (const Wf::CouncilItem &item : items) {
        const auto count = [&item](int n) { return item.tallied ? QString::number(n) : QString(); };
        t.rows << TableRow{{QString::number(++counter), item.nomineeName, Build::formName(db, item.formCode), count(item.agree),
                            count(item.disagree), count(item.abstain), count(item.voters),
                            item.tallied ? thresholdText(item.threshold) : QString(),
                            resultText(item, outcomes.value(item.nomineeId))},
                           false};
        if (item.tallied)
            (item.passed ? passed : failed) += 1;
        if (!item.conflictedMemberIds.isEmpty()) {
            QStringList names;
            for (qint64 id : item.conflictedMemberIds)
                names << memberNames.value(id);
            conflicts << QStringLiteral("- %1 (TT %2): %3;").arg(Html::escaped(item.nomineeName)).arg(counter).arg(Html::escaped(names.join(QStringLiteral(", "))));
        }
    }
    part.tables << t;

    if (!conflicts.isEmpty()) {
        part.closing << QStringLiteral("Thành viên có xung đột lợi ích không tham gia biểu quyết (không tính vào số người biểu quyết):");
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
    part.closing << QStringLiteral("Cuộc họp kết thúc cùng ngày. Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe "
                                   "và thống nhất thông qua./.");

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
