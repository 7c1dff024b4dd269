// The word runs of the award-form matcher (levels, bodies other than the State), the cities
// read as levels, and the office's place from its letterhead: split from formnames.cpp.
#include "core/tables/formnames.h"
#include "core/tables/formnames_p.h"

#include "core/db/database.h"
#include "core/db/query.h"
#include "core/text/vntext.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

namespace VinhDanh::Core::Tables {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Tables)
};

// The six centrally-run cities (Luật Tổ chức chính quyền địa phương; Huế since 1 January
// 2025), folded, with the abbreviation offices write for Hồ Chí Minh. Before 2025 Huế was a
// city of Thừa Thiên Huế province: its old People's Committee gave Giấy khen, which names no
// level, so reading it as the province changes nothing.
const QList<QStringList> &centralCities()
{
    static const QList<QStringList> cities = {
        {QStringLiteral("ha"), QStringLiteral("noi")},
        {QStringLiteral("ho"), QStringLiteral("chi"), QStringLiteral("minh")},
        {QStringLiteral("hcm")},
        {QStringLiteral("hai"), QStringLiteral("phong")},
        {QStringLiteral("da"), QStringLiteral("nang")},
        {QStringLiteral("can"), QStringLiteral("tho")},
        {QStringLiteral("hue")},
        {QStringLiteral("truc"), QStringLiteral("thuoc")}, // "thành phố trực thuộc trung ương"
    };
    return cities;
}
} // namespace

namespace FormWords {

// The level of government a form's issuer sits at, as names and clerks write it. A text that
// names one level is never taken for a form of another: "BK Chủ tịch UBND huyện" shares
// eight words of nine with the province's Bằng khen, and closeness alone would file a
// district's award as the province's (issue 15 review). Each level is a group of word runs,
// spelled with their marks; "thị xã" is tried before "xã" so a town is a district, not a
// commune. "thành phố" is no level here: it is a province (Đà Nẵng) or a district (a
// provincial city), and readCities() rewrites it as the one it is before levels are read.
// Group 0 are runs that hold a level's word without naming a level ("xã hội", "cơ quan",
// "cán bộ"): tried first, and skipped.
Level levelRun(int group, const char *words)
{
    const QStringList spelled = QString::fromUtf8(words).split(QLatin1Char(' '));
    QStringList folded;
    for (const QString &w : spelled)
        folded << Text::fold(w.section(QLatin1Char('|'), 0, 0));
    return {group, folded, spelled};
}
const QList<Level> &levelRuns()
{
    static const QList<Level> runs = [] {
        QList<Level> out;
        auto add = [&](int group, const char *words) { out.append(levelRun(group, words)); };
        add(0, "xã hội");
        add(0, "hợp tác xã");
        add(0, "cơ quan");
        add(0, "cán bộ");
        add(0, "đảng bộ");
        add(0, "chi bộ");
        add(1, "tỉnh");
        add(2, "thị xã");
        add(2, "huyện");
        add(2, "quận");
        add(3, "thị trấn");
        add(3, "xã");
        add(3, "phường");
        add(4, "bộ");
        add(4, "ngành");
        add(4, "trung ương");
        add(5, "thủ tướng");
        add(5, "chính phủ");
        add(6, "toàn quốc");
        add(7, "cơ sở");
        return out;
    }();
    return runs;
}

// The bodies other than the State whose awards clerks list beside the State's (the award
// history of a party member, a union member): the party, the Fatherland Front, the unions, the
// youth union, the women's, farmers' and veterans' associations. A text naming one is never
// taken for a State form (AwardFormNames::bodyFits). BTV/BCH (a standing or executive
// committee) belong to those bodies only, never to a People's Committee, so they mark a
// non-State award even when the body is not named. Same matching as the levels.
const QList<Level> &bodyRuns()
{
    static const QList<Level> runs = [] {
        QList<Level> out;
        auto add = [&](int group, const char *words) { out.append(levelRun(group, words)); };
        for (const char *r :
             {"tỉnh ủy|uỷ", "thành ủy|uỷ", "huyện ủy|uỷ", "quận ủy|uỷ", "thị ủy|uỷ", "đảng ủy|uỷ", "đảng bộ", "chi bộ", "đảng"})
            add(Party, r);
        for (const char *r : {"mặt trận tổ quốc", "mặt trận", "mttq", "mttqvn"})
            add(Front, r);
        for (const char *r :
             {"tổng liên đoàn lao động", "tổng liên đoàn", "tổng lđlđ", "tlđ", "liên đoàn lao động", "lđlđ", "công đoàn"})
            add(Union, r);
        for (const char *r : {"tỉnh đoàn", "thành đoàn", "huyện đoàn", "quận đoàn", "thị đoàn", "trung ương đoàn", "đoàn thanh niên",
                              "đoàn tncs", "tncs", "hội liên hiệp thanh niên"})
            add(Youth, r);
        for (const char *r : {"hội liên hiệp phụ nữ", "lhpn", "phụ nữ"})
            add(Women, r);
        for (const char *r : {"hội nông dân", "nông dân"})
            add(Farmers, r);
        for (const char *r : {"cựu chiến binh", "ccb"})
            add(Veterans, r);
        for (const char *r : {"ban thường vụ", "btv", "ban chấp hành", "bch"})
            add(Committee, r);
        add(MassOrganisations, "đoàn thể");
        return out;
    }();
    return runs;
}

qsizetype centralCityLength(const QList<AwardFormNames::LevelToken> &tokens, qsizetype from)
{
    QStringList folded;
    for (qsizetype k = from; k < tokens.size() && k < from + 4; ++k)
        folded << tokens.at(k).folded;
    for (const QStringList &city : centralCities())
        if (folded.mid(0, city.size()) == city) {
            // "thành phố trực thuộc trung ương": the whole phrase is the city's kind.
            if (city.first() == QLatin1String("truc")
                && folded.mid(2, 2) == QStringList{QStringLiteral("trung"), QStringLiteral("uong")})
                return city.size() + 2;
            return city.size();
        }
    return 0;
}

bool isNotACityWord(const AwardFormNames::LevelToken &t)
{
    // The words that follow a city's name in a form's text ("UBND TP Vinh tặng…", "… cho tập
    // thể", "… về thành tích"), which no city's name starts with. Compared with their marks
    // when written with them ("vì" is not "Vị Thanh"); written without, only the words no
    // city's name could be read as ("da" could be Đà Lạt, "vi" Vị Thanh, "do" Đồ Sơn).
    static const QStringList marked{QStringLiteral("tặng"), QStringLiteral("cho"), QStringLiteral("về"), QStringLiteral("vì"),
                                    QStringLiteral("do"),   QStringLiteral("tại"), QStringLiteral("đã"), QStringLiteral("công")};
    static const QStringList bare{QStringLiteral("tang"), QStringLiteral("cho"), QStringLiteral("ve")};
    return t.written == t.folded ? bare.contains(t.folded) : marked.contains(t.written);
}

bool startsWithCentralCity(const QStringList &folded)
{
    return std::any_of(centralCities().cbegin(), centralCities().cend(),
                       [&](const QStringList &city) { return folded.mid(0, city.size()) == city; });
}

// The words of an NFC text as written (lower case) beside their folded form and where they
// stand, split as rawWords() splits, for the level and body runs.
QList<AwardFormNames::LevelToken> writtenTokens(const QString &text)
{
    QList<AwardFormNames::LevelToken> out;
    qsizetype start = -1;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool inWord = i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i).isMark());
        if (inWord && start < 0)
            start = i;
        if (!inWord && start >= 0) {
            const QString w = text.mid(start, i - start).toLower();
            out.append({Text::fold(w), w, start, i});
            start = -1;
        }
    }
    return out;
}

QString nfc(const QString &text)
{
    return text.normalized(QString::NormalizationForm_C);
}

// The runs of `runs` found in `tokens`: (group, first token, length), group 0 left out.
QList<std::array<qsizetype, 3>> runHits(const QList<AwardFormNames::LevelToken> &tokens, const QList<Level> &runs)
{
    QList<std::array<qsizetype, 3>> out;
    for (qsizetype i = 0; i < tokens.size(); ++i)
        for (const Level &l : runs) {
            if (i + l.run.size() > tokens.size())
                continue;
            bool same = true;
            for (qsizetype k = 0; k < l.run.size() && same; ++k) {
                const AwardFormNames::LevelToken &t = tokens.at(i + k);
                // Written with its marks, a word must be the level's own: "Tĩnh" of Hà Tĩnh is
                // not "tỉnh", "phương" of địa phương not "phường", "tình" not "tỉnh". Written
                // without marks ("BK UBND huyen"), or an abbreviation's expansion (written
                // empty), the folded word decides. Group 0 is folded only.
                same = t.folded == l.run.at(k)
                       && (l.group == 0 || t.written.isEmpty() || t.written == t.folded
                           || l.spelled.at(k).split(QLatin1Char('|')).contains(t.written));
            }
            if (same) {
                if (l.group != 0)
                    out.append({l.group, i, l.run.size()});
                i += l.run.size() - 1;
                break;
            }
        }
    return out;
}

QList<std::array<qsizetype, 3>> levelHits(const QList<AwardFormNames::LevelToken> &tokens)
{
    return runHits(tokens, levelRuns());
}

bool namesNationalBody(const QList<AwardFormNames::LevelToken> &tokens)
{
    // "Tổng LĐLĐ", "Tổng Liên đoàn", "TLĐ": the Vietnam General Confederation of Labour. A body
    // followed by "Việt Nam"/"VN" ("Hội Nông dân Việt Nam") is the national one only when no
    // level is named: "Ủy ban MTTQ Việt Nam tỉnh Nghệ An" is the province's committee.
    if (!levelHits(tokens).isEmpty())
        return false;
    for (const auto &hit : runHits(tokens, bodyRuns())) {
        if (hit[0] == Party || hit[0] == Committee || hit[0] == MassOrganisations)
            continue;
        const AwardFormNames::LevelToken &first = tokens.at(hit[1]);
        if (hit[0] == Union && (first.folded == QLatin1String("tong") || first.folded == QLatin1String("tld")))
            return true;
        const qsizetype next = hit[1] + hit[2];
        const QString after = tokens.value(next).folded;
        if (after == QLatin1String("vn") || after == QLatin1String("vietnam")
            || (after == QLatin1String("viet") && tokens.value(next + 1).folded == QLatin1String("nam")))
            return true;
    }
    return false;
}

QString withoutBodies(const QString &text)
{
    // What is left of a form's name once the body, the level and the country are taken out:
    // "Bằng khen Tổng LĐLĐ Việt Nam" → "Bằng khen", the kind of award the body gave.
    const QString written = nfc(text);
    const QList<AwardFormNames::LevelToken> tokens = writtenTokens(written);
    QList<bool> drop(tokens.size(), false);
    for (const auto &hits : {runHits(tokens, bodyRuns()), levelHits(tokens)})
        for (const auto &hit : hits)
            for (qsizetype k = hit[1]; k < hit[1] + hit[2]; ++k)
                drop[k] = true;
    QStringList kept;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &f = tokens.at(i).folded;
        const bool country = f == QLatin1String("vn") || f == QLatin1String("vietnam")
                             || (f == QLatin1String("viet") && tokens.value(i + 1).folded == QLatin1String("nam"))
                             || (f == QLatin1String("nam") && i > 0 && tokens.at(i - 1).folded == QLatin1String("viet"));
        // "Hội" (an association) and "Ủy ban" (a committee) name who gave it, not what.
        const bool issuer = f == QLatin1String("hoi") || f == QLatin1String("uy") || f == QLatin1String("ban");
        if (!drop.at(i) && !country && !issuer)
            kept << written.mid(tokens.at(i).start, tokens.at(i).end - tokens.at(i).start);
    }
    return kept.join(QLatin1Char(' '));
}

QSet<int> bodiesOf(const QString &text)
{
    QSet<int> out;
    for (const auto &hit : runHits(writtenTokens(nfc(text)), bodyRuns()))
        out.insert(int(hit[0]));
    return out;
}

} // namespace FormWords

using namespace FormWords;

bool AwardFormNames::bodyFits(const Form &f, const QSet<int> &textBodies)
{
    // A text naming no body fits as before (BK_BO's "đoàn thể" is one of its alternatives,
    // not a requirement). A text naming one fits only a form naming that body: a State form
    // (no body) never, "đoàn thể" any mass organisation, and a committee (BTV, BCH) alone any
    // form of a body.
    if (textBodies.isEmpty())
        return true;
    if (f.bodies.isEmpty())
        return false;
    for (int b : textBodies) {
        if (b == Committee || b == MassOrganisations)
            continue;
        const bool massOrganisation = b != Party;
        if (!f.bodies.contains(b) && !(massOrganisation && f.bodies.contains(MassOrganisations)))
            return false;
    }
    return true;
}

bool AwardFormNames::startsAForm(const QList<LevelToken> &tokens, qsizetype at) const
{
    return at + 1 < tokens.size() && m_nameBigrams.contains(tokens.at(at).folded + QLatin1Char(' ') + tokens.at(at + 1).folded);
}

AwardFormNames::CityRead AwardFormNames::readCities(const QString &text) const
{
    CityRead out;
    const QString written = nfc(text);
    const QList<LevelToken> tokens = writtenTokens(written);
    const bool mixedCase = written.toUpper() != written && written.toLower() != written;
    qsizetype copied = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const LevelToken &t = tokens.at(i);
        // "TP", "TP.", "thành phố" (or "thanh pho"); "TPHCM" in one word.
        qsizetype length = 0;
        if (t.folded == QLatin1String("tp") || t.folded == QLatin1String("tphcm"))
            length = 1;
        else if (t.folded == QLatin1String("thanh") && i + 1 < tokens.size() && tokens.at(i + 1).folded == QLatin1String("pho")
                 && (t.written == QStringLiteral("thành") || t.written == t.folded)
                 && (tokens.at(i + 1).written == QStringLiteral("phố") || tokens.at(i + 1).written == QLatin1String("pho")))
            length = 2;
        if (length == 0)
            continue;
        // The city's name: a centrally-run city's own words; else the words after it up to a
        // year or "năm" ("TP Vinh năm 2023"), two words of a form's name ("TP VINH GIẤY KHEN"),
        // a word that follows a name ("tặng"), or, when the name is written capitalised, the
        // first word that is not ("UBND TP Đà Nẵng tặng", "TP Vinh cho tập thể"): the words
        // after the name still count for the form.
        qsizetype end = i + length;
        QStringList name;
        const auto capitalised = [&](qsizetype k) {
            const QChar c = written.at(tokens.at(k).start);
            return c.isUpper();
        };
        const bool properName = mixedCase && end < tokens.size() && capitalised(end);
        // "TPHCM" is the city's whole name in one word.
        const qsizetype central = t.folded == QLatin1String("tphcm") ? -1 : centralCityLength(tokens, end);
        if (central > 0) {
            for (qsizetype k = end; k < end + central; ++k)
                name << tokens.at(k).folded;
            end += central;
        }
        while (central == 0 && end < tokens.size()) {
            const LevelToken &n = tokens.at(end);
            const bool number = std::all_of(n.folded.cbegin(), n.folded.cend(), [](QChar c) { return c.isDigit(); });
            const bool yearWord = n.written == QStringLiteral("năm")
                                  || (n.written == QLatin1String("nam") && end + 1 < tokens.size()
                                      && tokens.at(end + 1).folded.front().isDigit());
            // Past the name: a lower-case word after a capitalised name, a word no city's name
            // starts with ("tặng", "cho"), or two words of a form's name ("Giấy khen"). Single
            // words of the catalogue are no end: Hà Tĩnh, Cao Bằng, Phú Quốc, Hà Tiên.
            const bool after = !name.isEmpty() && ((properName && !capitalised(end)) || startsAForm(tokens, end));
            if (number || yearWord || after || isNotACityWord(n))
                break;
            name << n.folded;
            ++end;
        }
        const qsizetype from = t.start, to = tokens.at(end - 1).end;
        enum { Province, District, Unclear } level;
        if (t.folded == QLatin1String("tphcm") || startsWithCentralCity(name))
            level = Province;
        else if (!name.isEmpty())
            level = District; // TP Vinh, TP Thủ Đức, and TP Thanh Hóa in Thanh Hóa: a city inside a province
        else
            level = m_office.centralCity ? Province : Unclear;
        if (level == Unclear) {
            out.unclear = written.mid(from, to - from);
            i = end - 1;
            continue;
        }
        if (level == District)
            out.district = written.mid(from, to - from);
        // Written with its marks, so the level runs take it as the clerk's own word.
        out.text += written.mid(copied, from - copied) + (level == Province ? QStringLiteral("tỉnh") : QStringLiteral("huyện"));
        copied = to;
        i = end - 1;
    }
    out.text += written.mid(copied);
    return out;
}

QString AwardFormNames::refusal(const QString &original) const
{
    if (!matches(original).isEmpty())
        return {};
    const CityRead city = readCities(original);
    // The body's words as written, with the level that follows them: "BTV Tỉnh ủy", "LĐLĐ tỉnh".
    const QString written = nfc(original);
    const QList<LevelToken> tokens = writtenTokens(written);
    const auto hits = runHits(tokens, bodyRuns());
    if (!hits.isEmpty()) {
        const qsizetype from = tokens.at(hits.first()[1]).start;
        qsizetype last = hits.last()[1] + hits.last()[2] - 1;
        if (last + 1 < tokens.size() && !runHits(tokens.mid(last + 1, 1), levelRuns()).isEmpty())
            ++last;
        return Tr::tr("\"%1\" is an award of %2, not of a People's Committee, and is not in the catalogue of award forms; "
                      "it is not taken for a People's Committee's form.")
            .arg(written, written.mid(from, tokens.at(last).end - from));
    }
    if (!city.unclear.isEmpty())
        return Tr::tr("\"%1\": the level of \"%2\" cannot be told. A centrally-run city (Hà Nội, Hồ Chí Minh, Hải Phòng, "
                      "Đà Nẵng, Cần Thơ, Huế) is a province and another city a district, and neither the form nor the "
                      "office's letterhead says which; write the city's name (such as TP Hà Nội or TP Vinh).")
            .arg(written, city.unclear);
    return {};
}

OfficePlace OfficePlace::fromLetterhead(const QString &parentBody, const QString &body, const QString &place)
{
    OfficePlace out;
    bool provinceUnnamed = false;
    // The body first: a department's own line may name its province ("SỞ NỘI VỤ TỈNH NGHỆ AN").
    for (const QString &line : {body, parentBody}) {
        const QString written = nfc(line);
        const QList<AwardFormNames::LevelToken> tokens = writtenTokens(written);
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            qsizetype length = 0;
            if (tokens.at(i).folded == QLatin1String("tinh") && tokens.at(i).written != QStringLiteral("tĩnh"))
                length = 1;
            else if (tokens.at(i).folded == QLatin1String("tp"))
                length = 1;
            else if (tokens.at(i).folded == QLatin1String("thanh") && i + 1 < tokens.size()
                     && tokens.at(i + 1).folded == QLatin1String("pho"))
                length = 2;
            if (length == 0)
                continue;
            if (i + length >= tokens.size()) {
                provinceUnnamed = true; // "UBND TỈNH", the letterhead's default
                continue;
            }
            const QString name = written.mid(tokens.at(i + length).start);
            const bool city = tokens.at(i).folded != QLatin1String("tinh");
            if (city && !isCentralCity(name))
                continue; // a district-level city: it says nothing of the province
            out.province = name.simplified();
            out.centralCity = city;
            return out;
        }
    }
    if (isCentralCity(place) || (provinceUnnamed && !place.trimmed().isEmpty())) {
        out.province = place.simplified();
        out.centralCity = isCentralCity(place);
    }
    return out;
}

OfficePlace OfficePlace::load(const Database &db)
{
    QHash<QString, QString> stored;
    Query q(db.sql(), QStringLiteral("SELECT key, value FROM office_settings WHERE key IN "
                                     "('letterhead.parent', 'letterhead.body', 'letterhead.place')"));
    q.exec();
    while (q.next())
        stored.insert(q.value(0).toString(), q.value(1).toString());
    // A key never set is Letterhead's default: the parent "UBND TỈNH", no place.
    return fromLetterhead(stored.value(QStringLiteral("letterhead.parent"), QStringLiteral("UBND TỈNH")),
                          stored.value(QStringLiteral("letterhead.body")), stored.value(QStringLiteral("letterhead.place")));
}

bool OfficePlace::isCentralCity(const QString &name)
{
    QStringList folded;
    for (const AwardFormNames::LevelToken &t : writtenTokens(nfc(name)))
        folded << t.folded;
    // A date line's place is often written with the word city in front: "TP. Hồ Chí Minh",
    // "Thành phố Đà Nẵng".
    if (folded.value(0) == QLatin1String("tp"))
        folded.removeFirst();
    else if (folded.value(0) == QLatin1String("thanh") && folded.value(1) == QLatin1String("pho"))
        folded.remove(0, 2);
    if (folded.value(0) == QLatin1String("tphcm"))
        return true;
    // "trực thuộc" is not a city's name.
    return !folded.isEmpty() && folded.first() != QLatin1String("truc") && startsWithCentralCity(folded);
}

} // namespace VinhDanh::Core::Tables
