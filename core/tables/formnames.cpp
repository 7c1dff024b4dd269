#include "core/tables/formnames.h"
#include "core/tables/formnames_p.h"

#include "core/text/vntext.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace VinhDanh::Core::Tables {

namespace {

using namespace FormWords;

// Abbreviations offices write whose words no form name spells out in full (or whose initials
// clash with other runs: "TT" is "tiên tiến", "thủ tướng" and "tập thể"). The others
// (LĐTT, CSTĐCS, UBND, HCLĐ, TTLĐXS…) are worked out from the catalogue's names.
const QHash<QString, QStringList> &fixedAbbreviations()
{
    static const QHash<QString, QStringList> table = [] {
        QHash<QString, QStringList> t;
        auto add = [&](const char *abbreviation, const char *words) {
            t.insert(QString::fromLatin1(abbreviation), QString::fromLatin1(words).split(QLatin1Char(' ')));
        };
        add("bk", "bang khen");
        add("gk", "giay khen");
        add("cstd", "chien si thi dua");
        add("cstdcs", "chien si thi dua co so");
        add("ldtt", "lao dong tien tien");
        add("ttg", "thu tuong chinh phu");
        add("ttcp", "thu tuong chinh phu");
        add("ubnd", "uy ban nhan dan");
        add("ct", "chu tich");
        add("gd", "giam doc");
        add("hcld", "huan chuong lao dong");
        add("cp", "chinh phu");
        add("tw", "trung uong");
        return t;
    }();
    return table;
}

// Words that say nothing about which form: "Danh hiệu LĐTT", "Bằng khen của…", "cấp tỉnh".
bool isFiller(const QString &word)
{
    static const QSet<QString> filler{QStringLiteral("cua"),  QStringLiteral("cap"), QStringLiteral("danh"),
                                      QStringLiteral("hieu"), QStringLiteral("va"),  QStringLiteral("nam")};
    return filler.contains(word);
}

// "hạng 3", "hạng III" → "hạng ba", as the orders' names say.
QString rankWord(const QString &word)
{
    static const QHash<QString, QString> ranks{
        {QStringLiteral("1"), QStringLiteral("nhat")}, {QStringLiteral("i"), QStringLiteral("nhat")},
        {QStringLiteral("2"), QStringLiteral("nhi")},  {QStringLiteral("ii"), QStringLiteral("nhi")},
        {QStringLiteral("3"), QStringLiteral("ba")},   {QStringLiteral("iii"), QStringLiteral("ba")},
    };
    return ranks.value(word, word);
}

// Folded words, split at anything that is not a letter or digit ("BK-UBND", "LĐTT/2023").
QStringList rawWords(const QString &text)
{
    QString folded = Text::fold(text);
    for (QChar &c : folded)
        if (!c.isLetterOrNumber())
            c = QLatin1Char(' ');
    return folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString compact(const QString &text)
{
    return rawWords(text).join(QString());
}

bool containsAll(const QStringList &haystack, const QStringList &needles)
{
    return std::all_of(needles.cbegin(), needles.cend(), [&](const QString &w) { return haystack.contains(w); });
}

} // namespace

AwardFormNames::AwardFormNames(const QList<AwardForm> &forms, const OfficePlace &office) : m_office(office)
{
    // Initials of every run of two or more words of a name: "lao dong tien tien" → "ldtt".
    // Initials two runs share with different words are left out (ambiguous).
    QHash<QString, QStringList> derived;
    QSet<QString> clashing;
    for (const AwardForm &f : forms) {
        QStringList name;
        const QStringList raw = rawWords(f.name);
        for (qsizetype k = 0; k < raw.size(); ++k) {
            const QString &w = raw.at(k);
            m_nameWords.insert(w);
            if (k + 1 < raw.size())
                m_nameBigrams.insert(w + QLatin1Char(' ') + raw.at(k + 1));
            if (!isFiller(w))
                name.append(w);
        }
        for (int from = 0; from < name.size(); ++from) {
            QString initials;
            for (int to = from; to < name.size(); ++to) {
                initials.append(name.at(to).at(0));
                if (to == from)
                    continue;
                const QStringList run = name.mid(from, to - from + 1);
                auto it = derived.constFind(initials);
                if (it == derived.constEnd())
                    derived.insert(initials, run);
                else if (*it != run)
                    clashing.insert(initials);
            }
        }
    }
    for (const QString &c : std::as_const(clashing))
        derived.remove(c);
    m_abbreviations = derived;
    // The fixed ones win: they are what the words mean in an office, whatever the catalogue says.
    for (auto it = fixedAbbreviations().cbegin(); it != fixedAbbreviations().cend(); ++it)
        m_abbreviations.insert(it.key(), it.value());

    for (const AwardForm &f : forms) {
        m_forms.append({f.code, compact(f.code), compact(f.name), words(f.name), levels(f.name), bodiesOf(f.name),
                        f.kind == QLatin1String("order")});
        for (const QString &w : std::as_const(m_forms.last().words))
            m_wordForms[w] += 1;
    }
}

QStringList AwardFormNames::expanded(const QString &text) const
{
    QStringList out;
    QString previous;
    for (const QString &raw : rawWords(text)) {
        if (previous == QLatin1String("hang"))
            out << rankWord(raw);
        else if (!m_nameWords.contains(raw) && m_abbreviations.contains(raw))
            out << m_abbreviations.value(raw);
        else
            out << raw;
        previous = raw;
    }
    return out;
}

QStringList AwardFormNames::words(const QString &text) const
{
    QStringList out;
    for (const QString &w : expanded(text)) {
        // A year ("LĐTT 2023") is not part of a form's name.
        const bool year = w.size() == 4 && std::all_of(w.cbegin(), w.cend(), [](QChar c) { return c.isDigit(); });
        if (!isFiller(w) && !year && !out.contains(w))
            out.append(w);
    }
    return out;
}

QSet<int> AwardFormNames::levels(const QString &text) const
{
    // On the words with abbreviations expanded, before repeats are dropped: "Cờ thi đua UBND
    // thị xã" keeps the "thị" of "thị xã" though "thi đua" came first; "TTg" names the
    // Prime Minister. An expansion is the catalogue's own words (written left empty).
    QList<LevelToken> tokens;
    QString previous;
    for (const LevelToken &t : writtenTokens(nfc(text))) {
        if (previous != QLatin1String("hang") && !m_nameWords.contains(t.folded) && m_abbreviations.contains(t.folded))
            for (const QString &w : m_abbreviations.value(t.folded))
                tokens.append({w, QString()});
        else
            tokens.append(t);
        previous = t.folded;
    }
    QSet<int> out;
    for (const auto &hit : levelHits(tokens))
        out.insert(int(hit[0]));
    // A national body's award is a central body's ("Bằng khen Tổng LĐLĐ Việt Nam"), though no
    // level word says so. Group 4 is bộ/ngành/trung ương (levelRuns()).
    if (out.isEmpty() && namesNationalBody(writtenTokens(nfc(text))))
        out.insert(4);
    return out;
}

QString AwardFormNames::levelWords(const QString &text) const
{
    // The words as the clerk wrote them, for the message: "huyện", "UBND xã".
    const QString written = nfc(text);
    const QList<LevelToken> tokens = writtenTokens(written);
    QStringList out;
    for (const auto &hit : levelHits(tokens)) {
        const qsizetype from = tokens.at(hit[1]).start, to = tokens.at(hit[1] + hit[2] - 1).end;
        out << written.mid(from, to - from);
    }
    return out.join(QStringLiteral(", "));
}

bool AwardFormNames::levelFits(const Form &f, const QSet<int> &textLevels)
{
    // A form whose name names no level (Giấy khen, LĐTT) fits any issuer; one that names its
    // level fits only a text naming that level too, or none.
    return textLevels.isEmpty() || f.levels.isEmpty() || f.levels.intersects(textLevels);
}

QStringList AwardFormNames::matches(const QString &original) const
{
    const QString whole = compact(original);
    if (whole.isEmpty())
        return {};
    for (const Form &f : m_forms)
        if (whole == f.compactCode || whole == f.compactName)
            return {f.code};

    const CityRead city = readCities(original);
    const QString &text = city.text;
    const QStringList t = words(text);
    if (t.isEmpty())
        return {};
    QSet<int> textLevels = levels(text);
    // A city of a level not told: a level no form names, so only the forms naming no level fit.
    if (!city.unclear.isEmpty())
        textLevels.insert(-1);
    const QSet<int> textBodies = bodiesOf(text);
    const auto fits = [&](const Form &f) { return levelFits(f, textLevels) && bodyFits(f, textBodies); };

    // 2. The text names every word of a form, perhaps with the issuer: the fullest such form.
    QStringList best;
    qsizetype bestSize = 0;
    for (const Form &f : m_forms) {
        if (f.words.isEmpty() || !containsAll(t, f.words) || !fits(f))
            continue;
        if (f.words.size() > bestSize) {
            best = {f.code};
            bestSize = f.words.size();
        } else if (f.words.size() == bestSize) {
            best.append(f.code);
        }
    }
    if (!best.isEmpty())
        return best;

    // 3. The text is a shortened name: every word of it is in the form's.
    QStringList shortened;
    for (const Form &f : m_forms)
        if (containsAll(f.words, t) && fits(f))
            shortened.append(f.code);
    if (!shortened.isEmpty())
        return shortened;

    // 3b. Another body's award at a level the text names ("Bằng khen Tổng LĐLĐ Việt Nam",
    // "Bằng khen Hội Nông dân Việt Nam" — national, see levels()): a form of that body (or of
    // the mass organisations) at that level whose name holds every other word of the text, the
    // kind of award. Closeness (step 4) cannot see it: the body's long name outweighs the two
    // words "bằng khen". A text naming no level ("Bằng khen Hội Nông dân") is most often a
    // province's or a district's association: never taken for the central bodies' form.
    if (!textBodies.isEmpty() && !textLevels.isEmpty()) {
        const QStringList kind = words(withoutBodies(text));
        QStringList ofBody;
        for (const Form &f : m_forms)
            if (!kind.isEmpty() && !f.bodies.isEmpty() && !f.order && fits(f) && containsAll(f.words, kind))
                ofBody.append(f.code);
        if (!ofBody.isEmpty())
            return ofBody;
    }

    // 4. The names sharing most words with the text, if they share enough to mean anything.
    // A word counts the less the more names have it ("bằng khen" is in three), so "Bằng khen
    // Bộ Tài chính" is a ministry's (only BK_BO has "bộ"), not the Government's ("chính").
    QStringList closest;
    double best4 = 0;
    for (const Form &f : m_forms) {
        // Closeness would take "Huân chương Độc lập hạng Ba" for HCLD_3 (four words of six
        // shared, "ba" in one name only) and "Cờ thi đua của Bộ Tài chính" for the
        // Government's flag ("chính" of "tài chính"): a wrong award in the ledger. Orders
        // differ by a word or two, so they need their whole name (steps 1-3); and a word of
        // the text that only another form's name has (the ministry's "bộ") rules a form out.
        if (f.order || !fits(f))
            continue;
        const bool otherFormsWord = std::any_of(t.cbegin(), t.cend(),
                                                [&](const QString &w) { return m_wordForms.value(w) == 1 && !f.words.contains(w); });
        if (otherFormsWord)
            continue;
        qsizetype shared = 0;
        double score = 0;
        for (const QString &w : t)
            if (f.words.contains(w)) {
                ++shared;
                score += 1.0 / std::max(1, m_wordForms.value(w));
            }
        if (shared < 2 || shared * 2 < t.size())
            continue;
        if (score > best4 + 1e-9) {
            closest = {f.code};
            best4 = score;
        } else if (score > best4 - 1e-9) {
            closest.append(f.code);
        }
    }
    return closest;
}

QString AwardFormNames::code(const QString &text) const
{
    const QStringList found = matches(text);
    return found.size() == 1 ? found.first() : QString();
}

QStringList AwardFormNames::candidates(const QString &text) const
{
    const QStringList found = matches(text);
    return found.size() > 1 ? found : QStringList();
}

QString AwardFormNames::unknownLevel(const QString &original) const
{
    if (!matches(original).isEmpty())
        return {};
    const CityRead city = readCities(original);
    const QString &text = city.text; // "TP Vinh" read as "huyện"
    const QSet<int> textLevels = levels(text);
    if (textLevels.isEmpty())
        return {};
    // Only when the level is what ruled the forms out: the same words without it would match.
    QString without = text; // NFC, as levelWords() gives the words
    QStringList written = levelWords(text).split(QStringLiteral(", "), Qt::SkipEmptyParts);
    for (const QString &w : std::as_const(written))
        without.replace(w, QStringLiteral(" "));
    if (matches(without).isEmpty())
        return {};
    // The message names the city as written ("TP Vinh"), not the "huyện" it was read as.
    if (!city.district.isEmpty())
        written.replaceInStrings(QRegularExpression(QStringLiteral("^huyện$")), city.district);
    return written.join(QStringLiteral(", "));
}

QString awardFormCode(const QList<AwardForm> &forms, const QString &text)
{
    return AwardFormNames(forms).code(text);
}

} // namespace VinhDanh::Core::Tables
