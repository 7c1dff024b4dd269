#pragma once

// Helpers shared by the legacy-text converters (legacytext_convert.cpp) and the per-column
// detection (legacytext.cpp). Not part of the API.

#include <QString>

namespace VinhDanh::Core::Tables::LegacyText {

bool isAscii(const QString &s);
/// A letter beyond Latin-1: TCVN3 and VNI text from Excel has none, so the cell is Unicode.
bool hasWideLetter(const QString &s);

/// How a reading of a cell looks: its words with letters beyond ASCII, valid syllables or not.
struct Reading
{
    int valid = 0;
    int invalid = 0;
    bool good() const { return valid > 0 && invalid == 0; }
};
Reading readingOf(const QString &text);

/// VIQR's unmistakable marks: ' . ? alone end sentences and abbreviations in plain English.
bool hasStrongViqrMark(const QString &text);

} // namespace VinhDanh::Core::Tables::LegacyText
