// The legacy-text converters (TCVN3, VNI, VIQR → Unicode NFC) and the syllable check that
// tells a right conversion from mojibake. The per-column guess is legacytext.cpp.
#include "core/tables/legacytext.h"
#include "core/tables/legacytext_p.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>

namespace VinhDanh::Core::Tables {

using namespace LegacyText;

namespace {
// Combining marks: Vietnamese letters are built as base + modifier + tone, then NFC.
constexpr char16_t kGrave = 0x0300, kAcute = 0x0301, kCircumflex = 0x0302, kTilde = 0x0303, kBreve = 0x0306, kHook = 0x0309,
                   kHorn = 0x031B, kDot = 0x0323;

bool isTone(char16_t c)
{
    return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDot;
}

// ---------------------------------------------------------------------------------------------
// Syllables. The rhymes (vần) Vietnamese writes, without tone; with the onsets below they tell a
// converted word from mojibake. Written out from the orthography (every rhyme the language
// spells, loanword "oong"/"ooc" as in xoong included); a rhyme left out only costs a vote.
const QSet<QString> &rhymes()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        const char *list[] = {
            "a",   "ai",   "ao",   "au",   "ay",   "ac",   "ach",  "am",   "an",  "ang", "anh", "ap",   "at",   "ăc",   "ăm",  "ăn",
            "ăng", "ăp",   "ăt",   "âc",   "âm",   "ân",   "âng",  "âp",   "ât",  "âu",  "ây",  "e",    "ec",   "em",   "en",  "eng",
            "eo",  "ep",   "et",   "ê",    "êch",  "êm",   "ên",   "ênh",  "êp",  "êt",  "êu",  "i",    "ia",   "ich",  "im",  "in",
            "inh", "ip",   "it",   "iu",   "iêc",  "iêm",  "iên",  "iêng", "iêp", "iêt", "iêu", "o",    "oc",   "oi",   "om",  "on",
            "ong", "op",   "ot",   "ooc",  "oong", "oa",   "oac",  "oach", "oai", "oam", "oan", "oang", "oanh", "oao",  "oap", "oat",
            "oay", "oăc",  "oăm",  "oăn",  "oăng", "oăt",  "oe",   "oen",  "oeo", "oet", "ô",   "ôc",   "ôi",   "ôm",   "ôn",  "ông",
            "ôp",  "ôt",   "ơ",    "ơi",   "ơm",   "ơn",   "ơp",   "ơt",   "u",   "uc",  "ui",  "um",   "un",   "ung",  "up",  "ut",
            "ua",  "uân",  "uâng", "uât",  "uây",  "uê",   "uêch", "uênh", "uôc", "uôi", "uôm", "uôn",  "uông", "uôt",  "uơ",  "uy",
            "uya", "uych", "uyên", "uyêt", "uyn",  "uynh", "uyp",  "uyt",  "uyu", "ư",   "ưc",  "ưi",   "ưm",   "ưn",   "ưng", "ưt",
            "ưu",  "ưa",   "ươc",  "ươi",  "ươm",  "ươn",  "ương", "ươp",  "ươt", "ươu", "y",   "yêm",  "yên",  "yêng", "yêt", "yêu",
        };
        for (const char *r : list)
            s.insert(QString::fromUtf8(r));
        return s;
    }();
    return set;
}

bool validSplit(const QString &plain, int tone)
{
    // Longest onsets first; "q" only before its "u" ("quỳnh" = q + uynh), "" for a vowel start.
    static const QStringList onsets =
        QString::fromUtf8("ngh ng gh gi kh nh ph th tr ch qu q b c d đ g h k l m n p r s t v x ").split(u' ');
    for (const QString &onset : onsets) {
        if (!plain.startsWith(onset))
            continue;
        const QString rhyme = plain.mid(onset.size());
        if (onset == QLatin1String("q") && !rhyme.startsWith(u'u'))
            continue;
        if (!rhymes().contains(rhyme))
            continue;
        // A final stop (c, ch, p, t) takes only the rising or the heavy tone: "bac" is no word.
        const bool stop = rhyme.endsWith(u'c') || rhyme.endsWith(QLatin1String("ch")) || rhyme.endsWith(u'p') || rhyme.endsWith(u't');
        if (stop && tone != kAcute && tone != kDot)
            continue;
        return true;
    }
    return false;
}

bool isVowel(QChar base)
{
    return QStringView(u"aeiouy").contains(base);
}

/// Splits text into the words a validity check looks at: white space, ASCII punctuation and
/// symbols beyond Latin-1 (dashes, curly quotes) separate; Latin-1 symbols do not, because
/// TCVN3 and VNI letters arrive as them ("V¨n").
QStringList words(const QString &text)
{
    QStringList out;
    QString current;
    for (const QChar c : text) {
        const bool separator = c.isSpace() || (c.unicode() < 0x80 && !c.isLetterOrNumber())
                               || (c.unicode() > 0xFF && !c.isLetterOrNumber() && !c.isMark());
        if (separator) {
            if (!current.isEmpty())
                out << current;
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

// ---------------------------------------------------------------------------------------------
// TCVN3 (ABC): TCVN 5712:1993, its VN3 set, which the ABC fonts (.VnTime, .VnTimeH) use: the
// seven base capitals and every lowercase letter, one byte each from 0xA1. Positions from the
// standard's table as glibc ships it (localedata/charmaps/TCVN5712-1); VN1's extra capitals
// (0x80–0x9F and a few gaps) are not in ABC and stay as they are. 0xB0–0xB4 are the combining
// tone marks of the standard (used after a capital vowel, which ABC lacks precomposed).
constexpr std::array<char16_t, 96> kTcvn3 = {
    /* A0 */ 0,      0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
    /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0,
    /* B0 */ kGrave, kHook,  kTilde, kAcute, kDot,   0x00E0, 0x1EA3, 0x00E3,
    /* B8 */ 0x00E1, 0x1EA1, 0,      0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0,
    /* C0 */ 0,      0,      0,      0,      0,      0,      0x1EB7, 0x1EA7,
    /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0,      0x1EBB, 0x1EBD,
    /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
    /* D8 */ 0x1EC9, 0,      0,      0,      0x0129, 0x00ED, 0x1ECB, 0x00F2,
    /* E0 */ 0,      0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
    /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    /* F0 */ 0,      0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
    /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0,
};

QString fromTcvn3(const QString &text)
{
    QString out;
    out.reserve(text.size());
    int capitals = 0;
    bool lower = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 'A' && u <= 'Z')
            ++capitals;
        else if (u >= 'a' && u <= 'z')
            lower = true;
        const char16_t mapped = u >= 0xA0 && u <= 0xFF ? kTcvn3[u - 0xA0] : 0;
        if (u >= 0xA1 && u <= 0xA7)
            ++capitals; // Ă Â Ê Ô Ơ Ư Đ
        if (!mapped || (isTone(mapped) && !(out.size() && out.back().isLetter())))
            out += c; // not a TCVN3 letter, or a tone mark with no letter to sit on
        else
            out += QChar(mapped);
    }
    out = out.normalized(QString::NormalizationForm_C);
    // The capitals font .VnTimeH shows the lowercase codes as capitals, so "HỌ VÀ TÊN" typed in
    // it is "Hä Vµ T£N": a cell with capitals and no ASCII lowercase letter was all capitals.
    // Two capitals at least: "Lª" is "Lê" in the ordinary font and stays so.
    if (capitals >= 2 && !lower)
        out = out.toUpper();
    return out;
}

// ---------------------------------------------------------------------------------------------
// Marks after a base letter (VNI and VIQR). One word's state: the last base vowel written, its
// modifier, and whether the word has its tone yet.
struct MarkState
{
    QChar base;            // lowercase a e i o u y of the last letter when it is a vowel, else null
    bool modified = false; // the last vowel has its breve / circumflex / horn
    bool toned = false;    // the word has its tone
    bool horned = false;   // ơ / ư: takes a tone, no other modifier

    void letter(QChar c)
    {
        const QChar l = c.toLower();
        base = isVowel(l) ? l : QChar();
        modified = false;
        horned = false;
    }
    void reset() { *this = {}; }
    bool accepts(char16_t modifier, char16_t tone) const
    {
        if (base.isNull())
            return false;
        if (tone && toned)
            return false;
        if (!modifier)
            return true;
        if (modified || horned)
            return false;
        switch (modifier) {
        case kBreve: return base == u'a';
        case kCircumflex: return base == u'a' || base == u'e' || base == u'o';
        case kHorn: return base == u'o' || base == u'u';
        }
        return false;
    }
    void apply(char16_t modifier, char16_t tone)
    {
        if (modifier)
            modified = true;
        if (tone)
            toned = true;
    }
};

// VNI Windows (VNI-Times …): a base letter and, after a vowel, a Latin-1 byte for its marks;
// seven letters of their own. From VNI's code table as the Vietnamese encoding comparison charts
// publish it ("Bảng đối chiếu encoding các bộ chữ hiện hành với Unicode"): aù á, aø à, aû ả, aõ ã, aï ạ; aâ â
// with aá ấ, aà ầ, aå ẩ, aã ẫ, aä ậ; aê ă with aé ắ, aè ằ, aú ẳ, aü ẵ, aë ặ; ô ơ, ö ư, ñ đ,
// í ì æ(ỉ) ó(ĩ) ò(ị), î(ỵ). Capital marks are the same bytes less 0x20.
struct VniMark
{
    char16_t modifier;
    char16_t tone;
};

const QHash<char16_t, VniMark> &vniMarks()
{
    static const QHash<char16_t, VniMark> marks = [] {
        QHash<char16_t, VniMark> m;
        auto add = [&](char16_t lower, char16_t modifier, char16_t tone) {
            m.insert(lower, {modifier, tone});
            m.insert(char16_t(lower - 0x20), {modifier, tone});
        };
        add(0xF9, 0, kAcute), add(0xF8, 0, kGrave), add(0xFB, 0, kHook), add(0xF5, 0, kTilde), add(0xEF, 0, kDot);
        add(0xE2, kCircumflex, 0), add(0xE1, kCircumflex, kAcute), add(0xE0, kCircumflex, kGrave);
        add(0xE5, kCircumflex, kHook), add(0xE3, kCircumflex, kTilde), add(0xE4, kCircumflex, kDot);
        add(0xEA, kBreve, 0), add(0xE9, kBreve, kAcute), add(0xE8, kBreve, kGrave);
        add(0xFA, kBreve, kHook), add(0xFC, kBreve, kTilde), add(0xEB, kBreve, kDot);
        return m;
    }();
    return marks;
}

const QHash<char16_t, char16_t> &vniLetters()
{
    static const QHash<char16_t, char16_t> letters = {
        {0xF4, 0x01A1}, {0xD4, 0x01A0}, // ơ Ơ
        {0xF6, 0x01B0}, {0xD6, 0x01AF}, // ư Ư
        {0xF1, 0x0111}, {0xD1, 0x0110}, // đ Đ
        {0xE6, 0x1EC9}, {0xC6, 0x1EC8}, // ỉ Ỉ
        {0xF3, 0x0129}, {0xD3, 0x0128}, // ĩ Ĩ
        {0xF2, 0x1ECB}, {0xD2, 0x1ECA}, // ị Ị
        {0xEE, 0x1EF5}, {0xCE, 0x1EF4}, // ỵ Ỵ
    };
    return letters;
}

QString fromVni(const QString &text)
{
    QString out;
    out.reserve(text.size());
    MarkState state;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (const auto mark = vniMarks().constFind(u); mark != vniMarks().constEnd() && state.accepts(mark->modifier, mark->tone)) {
            if (mark->modifier)
                out += QChar(mark->modifier);
            if (mark->tone)
                out += QChar(mark->tone);
            state.apply(mark->modifier, mark->tone);
        } else if (const auto letter = vniLetters().constFind(u); letter != vniLetters().constEnd()) {
            out += QChar(*letter);
            switch (*letter) {
            case 0x01A1:
            case 0x01A0:
                state.letter(QChar(u'o'));
                state.horned = true;
                break; // ơ: takes a tone
            case 0x01B0:
            case 0x01AF:
                state.letter(QChar(u'u'));
                state.horned = true;
                break; // ư
            case 0x0111:
            case 0x0110: state.letter(QChar(u'd')); break;
            default:
                state.letter(QChar(u'i'));
                state.toned = true;
                break; // ỉ ĩ ị ỵ carry their tone
            }
        } else if (u == 0xED || u == 0xEC || u == 0xCD || u == 0xCC) { // í ì Í Ì: VNI keeps these
            out += c;
            state.letter(QChar(u'i'));
            state.toned = true;
        } else {
            out += c;
            if (c.isLetter())
                state.letter(c);
            else
                state.reset(); // a new word
        }
    }
    return out.normalized(QString::NormalizationForm_C);
}

// VIQR (RFC 1456, "Vietnamese Quoted-Readable"): ASCII marks after the letter: ( breve, ^
// circumflex, + horn, ' acute, ` grave, ? hook, ~ tilde, . dot below; dd / DD / Dd for đ / Đ;
// a backslash keeps the next character as it is. A mark counts only when it can sit on the
// letter before it (the RFC's rule), and here only when the whole word then is a syllable.
QString viqrWord(const QString &word)
{
    QString out;
    MarkState state;
    for (int i = 0; i < word.size(); ++i) {
        const QChar c = word.at(i);
        if (c == u'\\' && i + 1 < word.size()) {
            out += word.at(++i); // escaped: "gi`\?" is "gì?"
            state.letter(QChar(u'x'));
            continue;
        }
        if ((c == u'd' || c == u'D') && i + 1 < word.size() && (word.at(i + 1) == u'd' || word.at(i + 1) == u'D')
            && !(c == u'd' && word.at(i + 1) == u'D')) {
            out += QChar(c == u'd' ? 0x0111 : 0x0110);
            state.letter(QChar(u'x'));
            ++i;
            continue;
        }
        char16_t modifier = 0, tone = 0;
        switch (c.unicode()) {
        case u'(': modifier = kBreve; break;
        case u'^': modifier = kCircumflex; break;
        case u'+': modifier = kHorn; break;
        case u'\'': tone = kAcute; break;
        case u'`': tone = kGrave; break;
        case u'?': tone = kHook; break;
        case u'~': tone = kTilde; break;
        case u'.': tone = kDot; break;
        default: break;
        }
        if ((modifier || tone) && state.accepts(modifier, tone)) {
            out += QChar(modifier ? modifier : tone);
            state.apply(modifier, tone);
            if (modifier == kHorn)
                state.horned = true;
            continue;
        }
        if (c.isLetter())
            state.letter(c);
        else
            state.base = QChar();
        out += c;
    }
    out = out.normalized(QString::NormalizationForm_C);
    if (out == word)
        return word;
    // Every word the marks changed must now be a syllable; "ađress" and "ạnguyen" are not.
    QString run;
    auto runValid = [&] { return run.isEmpty() || isAscii(run) || isVietnameseSyllable(run); };
    for (const QChar c : out) {
        if (c.isLetter()) {
            run += c;
            continue;
        }
        if (!runValid())
            return word;
        run.clear();
    }
    return runValid() ? out : word;
}

QString fromViqr(const QString &text)
{
    QString out;
    QString word;
    for (const QChar c : text) {
        if (c.isSpace()) {
            out += viqrWord(word) + c;
            word.clear();
        } else {
            word += c;
        }
    }
    return out + viqrWord(word);
}
} // namespace

namespace LegacyText {

bool isAscii(const QString &s)
{
    return std::all_of(s.begin(), s.end(), [](QChar c) { return c.unicode() < 0x80; });
}

bool hasWideLetter(const QString &s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.unicode() > 0xFF && c.isLetter(); });
}

Reading readingOf(const QString &text)
{
    Reading r;
    for (const QString &w : words(text)) {
        if (isAscii(w))
            continue; // "UBND", "HTXSNV", "Nguyen": neither for nor against
        (isVietnameseSyllable(w) ? r.valid : r.invalid)++;
    }
    return r;
}

/// VIQR's unmistakable marks: ' . ? alone end sentences and abbreviations in plain English.
bool hasStrongViqrMark(const QString &text)
{
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (QStringView(u"^(+`~").contains(c))
            return true;
        if ((c == u'd' || c == u'D') && i + 1 < text.size() && text.at(i + 1).toLower() == u'd')
            return true;
        if (QStringView(u"'.?").contains(c) && i + 1 < text.size() && text.at(i + 1).isLetter())
            return true;
    }
    return false;
}

} // namespace LegacyText

QString fromLegacy(const QString &text, TextEncoding encoding)
{
    switch (encoding) {
    case TextEncoding::Unicode: return text;
    case TextEncoding::Tcvn3: return fromTcvn3(text);
    case TextEncoding::Vni: return fromVni(text);
    case TextEncoding::Viqr: return fromViqr(text);
    }
    return text;
}

bool isVietnameseSyllable(const QString &word)
{
    if (word.isEmpty() || word.size() > 10)
        return false;
    // Case as names and headings write it: all lower, all capitals, or a capital first. A capital
    // inside ("NguyÔn") is mojibake.
    const QString rest = word.mid(1);
    if (rest != rest.toLower() && rest != rest.toUpper())
        return false;
    if (word.at(0).isLower() && rest != rest.toLower())
        return false;
    const QString nfd = word.toLower().normalized(QString::NormalizationForm_D);
    QString plain;
    char16_t tone = 0;
    int tonePos = -1;
    for (const QChar c : nfd) {
        const char16_t u = c.unicode();
        if ((u >= 'a' && u <= 'z') || u == 0x0111) {
            if (u == 'f' || u == 'j' || u == 'w' || u == 'z')
                return false;
            plain += c;
        } else if (isTone(u)) {
            // NFD puts a horn before the tone (ớ = o + horn + acute) but a dot below before a
            // circumflex (ệ = e + dot + circumflex): the letter may be plain or modified here.
            if (tone || plain.isEmpty() || !QStringView(u"aeiouyăâêôơư").contains(plain.back()))
                return false;
            tone = u;
            tonePos = int(plain.size()) - 1;
        } else if (u == kBreve || u == kCircumflex || u == kHorn) {
            if (plain.isEmpty())
                return false;
            const QChar composed = QString(QString(plain.back()) + c).normalized(QString::NormalizationForm_C).at(0);
            const bool ok = (u == kBreve && plain.back() == u'a') || (u == kHorn && (plain.back() == u'o' || plain.back() == u'u'))
                            || (u == kCircumflex && QStringView(u"aeo").contains(plain.back()));
            if (!ok)
                return false;
            plain.back() = composed;
        } else {
            return false;
        }
    }
    // The tone never sits on a closing glide: "cáu", not "caù" (VNI's "Caù" read as Unicode),
    // except in "uy" ("thuý", the new spelling of "thúy").
    if (tone && tonePos == plain.size() - 1 && tonePos > 0) {
        const QChar before = plain.at(tonePos - 1), on = plain.at(tonePos);
        if (QStringView(u"aeiouyăâêôơư").contains(before) && QStringView(u"iouy").contains(on) && !(before == u'u' && on == u'y'))
            return false;
    }
    return validSplit(plain, tone);
}

} // namespace VinhDanh::Core::Tables
