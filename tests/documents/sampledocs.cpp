#include "sampledocs.h"

namespace VinhDanh::Test::Docs {

Documents::Document signedLetter(int paragraphs)
{
    Documents::Document doc;
    doc.kind = QStringLiteral("to-trinh");
    doc.title = QStringLiteral("Tờ trình");
    doc.parentBody = QStringLiteral("UBND TỈNH THANH HÓA");
    doc.body = QStringLiteral("SỞ NỘI VỤ");
    Documents::Part part;
    part.number = QStringLiteral("Số: 12/TTr-SNV");
    part.placeDate = QStringLiteral("Thanh Hóa, ngày 05 tháng 01 năm 2026");
    part.typeName = QStringLiteral("TỜ TRÌNH");
    for (int i = 1; i <= paragraphs; ++i)
        part.paragraphs << QStringLiteral("Đoạn %1 của tờ trình.").arg(i);
    part.closing << QStringLiteral("Sở Nội vụ kính trình xem xét, quyết định./.");
    part.signature = {QStringLiteral("KT. GIÁM ĐỐC"), QStringLiteral("PHÓ GIÁM ĐỐC"), QStringLiteral("Lê Thị Hồng Nhung")};
    part.recipients = {QStringLiteral("Như trên;"), QStringLiteral("Lưu: VT.")};
    doc.parts << part;
    return doc;
}

} // namespace VinhDanh::Test::Docs
