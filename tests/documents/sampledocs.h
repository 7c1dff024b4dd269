#pragma once
// Documents built in code for the layout tests (no database): the PDF and DOCX page rules are
// checked on the same ones.

#include "core/documents/document.h"

namespace VinhDanh::Test::Docs {

/// A Sở's tờ trình of `paragraphs` body paragraphs ("Đoạn N của tờ trình."), the closing
/// "Sở Nội vụ kính trình xem xét, quyết định./.", signed "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC /
/// Lê Thị Hồng Nhung", with Nơi nhận.
Documents::Document signedLetter(int paragraphs);

} // namespace VinhDanh::Test::Docs
