#pragma once

// Award forms as clerks write them in their spreadsheets (issue 15 item 2): "BK UBND tỉnh",
// "CSTĐCS", "Giấy khen GĐ Sở"… recognised against the catalogue's forms.

#include "core/domain/registry.h"

#include <QHash>
#include <QSet>
#include <QList>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core::Tables {

/// The code of the award form that a clerk's words name, among `forms` (the catalogue's,
/// RecordRepository::awardForms()): its code or name in any case, with or without diacritics,
/// and the abbreviations offices write ("BK UBND tỉnh", "Bằng khen Chủ tịch UBND tỉnh",
/// "CSTĐCS", "CSTĐ cơ sở", "LĐTT", "Lao động tiên tiến", "Giấy khen GĐ Sở", "BK TTg"…).
/// Empty when nothing or more than one form matches.
QString awardFormCode(const QList<AwardForm> &forms, const QString &text);

/// The same recognition with the catalogue's words worked out once, for a list of many rows.
///
/// How it decides: the text and every form name are folded (no diacritics, lower case) into
/// words; abbreviations are expanded — a fixed few offices use that no form name spells out
/// (TTg, GĐ, CT…) and, data-driven, the initials of any run of words of a catalogue name
/// (LĐTT, CSTĐCS, UBND, HCLĐ…); filler words ("của", "cấp", "danh hiệu") are dropped. Then:
/// 1. the text is a code or a whole name → that form;
/// 2. forms whose every word the text holds (the text may add the issuer: "Giấy khen GĐ Sở")
///    → the one with most words ("Tập thể LĐTT" is TTLDTT, not LDTT); a tie is ambiguous;
/// 3. forms holding every word of the text (a shortened name: "BK UBND tỉnh") → if only one;
/// 4. otherwise the form sharing most words, at least two and half of the text's, a word
///    weighing less the more names have it ("Bằng khen Bộ Tài chính" → BK_BO); a tie is
///    ambiguous. Never an order (kind "order"): orders differ by one or two words, so
///    "Huân chương Độc lập hạng Ba" is not HCLD_3; never a form when the text holds a word
///    only another form's name has ("Cờ thi đua của Bộ Tài chính" is not CO_TD_CP: "Bộ").
/// In steps 2-4 a form whose name names an issuer's level (tỉnh, huyện/quận/thị xã,
/// xã/phường, bộ/ngành, Thủ tướng/Chính phủ…) is never the match of a text naming only other
/// levels: "BK Chủ tịch UBND huyện" is a district's form or none, never the province's.
class AwardFormNames
{
public:
    explicit AwardFormNames(const QList<AwardForm> &forms);
    /// The code, or empty (see awardFormCode()).
    QString code(const QString &text) const;
    /// The codes the text could mean when code() is empty because it is ambiguous (for the
    /// row's message); empty when nothing matches at all.
    QStringList candidates(const QString &text) const;
    /// When code() is empty because the text names a level of issuer no form of the
    /// catalogue has ("BK Chủ tịch UBND huyện" with only the province's Bằng khen): the level
    /// words as written ("huyện"), for the row's message; else empty.
    QString unknownLevel(const QString &text) const;

    /// A word of a text for the level runs (formnames.cpp): folded, and as written (NFC,
    /// lower case; empty for a word an abbreviation expanded to).
    struct LevelToken
    {
        QString folded, written;
    };

private:
    struct Form
    {
        QString code;
        QString compactCode; // "bkttg"
        QString compactName; // "bangkhencuathutuongchinhphu"
        QStringList words;   // expanded, filler dropped, no repeats
        QSet<int> levels;    // the issuer's level its name names (province, district…): see levels()
        bool order = false;  // kind "order": never matched by closeness (step 4)
    };
    QStringList expanded(const QString &text) const;
    QStringList words(const QString &text) const;
    QSet<int> levels(const QString &text) const;
    QString levelWords(const QString &text) const;
    static bool levelFits(const Form &f, const QSet<int> &textLevels);
    QStringList matches(const QString &text) const;

    QList<Form> m_forms;
    QHash<QString, QStringList> m_abbreviations; // folded abbreviation → folded words
    QSet<QString> m_nameWords;                  // words of the catalogue's names: never expanded
    QHash<QString, int> m_wordForms;            // expanded word → how many forms' names have it
};

} // namespace VinhDanh::Core::Tables
