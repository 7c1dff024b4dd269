#pragma once

#include <QString>

namespace VinhDanh::Core::Text {

/// Canonical stored form of any user text: Unicode NFC, trimmed, inner runs of
/// white space folded to one space. Input from the keyboard, a file or the clipboard may be
/// NFD (macOS, some Word exports); stored text must compare equal byte for byte.
QString clean(const QString &text);

/// The search form: no diacritics, đ → d, lower case, single spaces.
/// "Nguyễn Văn A" and "NGUYEN van a" both fold to "nguyen van a".
QString fold(const QString &text);

/// A LIKE pattern matching `fold(filter)` anywhere, with % and _ escaped (use ESCAPE '\').
QString likePattern(const QString &filter);

/// The given name (tên): the last word of a Vietnamese full name, which leads the sort order.
QString givenName(const QString &fullName);

} // namespace VinhDanh::Core::Text
