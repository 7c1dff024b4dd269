#pragma once

// Award forms as clerks write them in their spreadsheets (issue 15 item 2): "BK UBND tỉnh",
// "CSTĐCS", "Giấy khen GĐ Sở"… recognised against the catalogue's forms.

#include "core/registry/registry.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::Tables {

/// Where the office sits, for reading "thành phố" / "TP" in a form's name (see AwardFormNames).
/// Read from the office's letterhead (office_settings letterhead.*, the keys
/// Documents::Letterhead owns; core cannot link core/documents, so they are read here).
struct OfficePlace
{
    QString province;         // as the letterhead writes it ("THANH HÓA", "Hải Phòng"); empty: not told
    bool centralCity = false; // the province is a centrally-run city (Hà Nội, Hồ Chí Minh, …, Huế)

    /// The place the letterhead tells: "tỉnh X" or a centrally-run "thành phố X" in the body or
    /// the parent body; else the date line's place when it is a centrally-run city, or when the
    /// body names the province without its name ("UBND TỈNH", the default) — the place of a
    /// province's department is the province. Nothing else is guessed: a commune's place is
    /// the commune.
    static OfficePlace fromLetterhead(const QString &parentBody, const QString &body, const QString &place);
    static OfficePlace load(const Database &db);
    /// Whether `name` ("Hà Nội", "TP.HCM" without the TP, "Cần Thơ") is one of the six
    /// centrally-run cities (Huế since 1 January 2025), folded, at its start.
    static bool isCentralCity(const QString &name);
};

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
///
/// "Thành phố X" / "TP X" is read as a level before all this (readCities in formnames.cpp):
/// - X one of the six centrally-run cities (Hà Nội, Hồ Chí Minh/HCM, Hải Phòng, Đà Nẵng, Cần
///   Thơ, Huế) → the province ("BK UBND TP Hà Nội" is a province's Bằng khen);
/// - any other X → a district: a city that is not centrally run sits inside a province (TP
///   Vinh, TP Thủ Đức) — also when X is the office's own province's name, which is the
///   provincial capital (TP Thanh Hóa is a city of Thanh Hóa province, not the province);
/// - no name ("UBND thành phố") → the province when the office is in a centrally-run city
///   (its letterhead, OfficePlace), otherwise it cannot be told: only forms naming no level
///   (Giấy khen) match, and refusal() names the words.
/// An award of another body than the State's — the party ("BTV Tỉnh ủy"), the Fatherland Front
/// ("MTTQ"), the unions ("LĐLĐ", "Công đoàn"), the youth union ("Tỉnh đoàn"), the women's,
/// farmers' and veterans' associations — only matches a form whose name names that body (or,
/// for the mass organisations, "đoàn thể"): "Bằng khen BTV Tỉnh ủy" shares "Bằng khen … tỉnh
/// … ủy" with BK_TINH and was filed as the province's, which the eligibility rules then counted.
class AwardFormNames
{
public:
    explicit AwardFormNames(const QList<AwardForm> &forms, const OfficePlace &office = {});
    /// The code, or empty (see awardFormCode()).
    QString code(const QString &text) const;
    /// The codes the text could mean when code() is empty because it is ambiguous (for the
    /// row's message); empty when nothing matches at all.
    QStringList candidates(const QString &text) const;
    /// When code() is empty because the text names a level of issuer no form of the
    /// catalogue has ("BK Chủ tịch UBND huyện" with only the province's Bằng khen): the level
    /// words as written ("huyện"), for the row's message; else empty.
    QString unknownLevel(const QString &text) const;
    /// When code() is empty because the text names another body's award (the party, the
    /// Front, a union…) or a city whose level cannot be told: the row's message, translated,
    /// naming the form as written; else empty. Callers ask it before unknownLevel().
    QString refusal(const QString &text) const;

    /// A word of a text for the level runs (formnames.cpp): folded, and as written (NFC,
    /// lower case; empty for a word an abbreviation expanded to).
    struct LevelToken
    {
        QString folded, written;
        qsizetype start = 0, end = 0; // in the NFC text, for the words as written
    };

private:
    struct Form
    {
        QString code;
        QString compactCode; // "bkttg"
        QString compactName; // "bangkhencuathutuongchinhphu"
        QStringList words;   // expanded, filler dropped, no repeats
        QSet<int> levels;    // the issuer's level its name names (province, district…): see levels()
        QSet<int> bodies;    // the non-State body its name names (party, Front…): see bodies()
        bool order = false;  // kind "order": never matched by closeness (step 4)
    };
    QStringList expanded(const QString &text) const;
    QStringList words(const QString &text) const;
    QSet<int> levels(const QString &text) const;
    QString levelWords(const QString &text) const;
    static bool levelFits(const Form &f, const QSet<int> &textLevels);
    static bool bodyFits(const Form &f, const QSet<int> &textBodies);
    /// "thành phố X" read as "tỉnh" or "huyện" (see above).
    struct CityRead
    {
        QString text;     // NFC, the city's words replaced by the level they are
        QString unclear;  // the words as written of a city whose level cannot be told
        QString district; // the words as written of a city read as a district
    };
    CityRead readCities(const QString &text) const;
    /// Whether the words at `at` and after are two consecutive words of a catalogue name.
    bool startsAForm(const QList<LevelToken> &tokens, qsizetype at) const;
    QStringList matches(const QString &text) const;

    OfficePlace m_office;

    QList<Form> m_forms;
    QHash<QString, QStringList> m_abbreviations; // folded abbreviation → folded words
    QSet<QString> m_nameWords;                   // words of the catalogue's names: never expanded
    QSet<QString> m_nameBigrams;                 // "giay khen": two consecutive folded words of a name
    QHash<QString, int> m_wordForms;             // expanded word → how many forms' names have it
};

} // namespace VinhDanh::Core::Tables
