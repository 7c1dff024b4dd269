#include "core/text/strictjson.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <cstring>

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace VinhDanh::Core::StrictJson {

namespace {
// lupdate reads the context from Q_DECLARE_TR_FUNCTIONS, so Tr::tr() here and the .ts agree.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(StrictJson)
};

constexpr int kMaxDepth = 64;     // the formats nest 6 levels at most; RapidJSON's iterative mode needs no cap,
constexpr int kMaxKeyLength = 64; // QJsonDocument (1024) and the loaders' recursion do
constexpr int kDefaultLimit = 4000;

/// One step of the way to a value: a member name, or an index in a list.
struct Step
{
    QString key;
    int index = -1;
};

struct Problem
{
    bool set = false;
    QList<Step> path;
    qint64 offset = 0;
    QString text;
};

struct Position
{
    int line = 1;
    int column = 1;
};

/// Line and column (both from 1; the column counts characters, not bytes) of a byte offset.
Position positionAt(const QByteArray &text, qint64 offset)
{
    Position p;
    offset = qBound<qint64>(0, offset, text.size());
    qint64 lineStart = 0;
    for (qint64 i = 0; i < offset; ++i)
        if (text.at(i) == '\n') {
            ++p.line;
            lineStart = i + 1;
        }
    for (qint64 i = lineStart; i < offset; ++i)
        if ((uchar(text.at(i)) & 0xC0) != 0x80) // a UTF-8 continuation byte is not a character of its own
            ++p.column;
    return p;
}

QString where(const QString &name, const QByteArray &text, qint64 offset)
{
    const Position p = positionAt(text, offset);
    return Tr::tr("%1, line %2, column %3").arg(name).arg(p.line).arg(p.column);
}

QString hex(uint value, int width)
{
    return QStringLiteral("%1").arg(value, width, 16, QLatin1Char('0')).toUpper();
}

/// The first control character of a UTF-8 text other than tab and line feed: C0, DEL, and the
/// C1 range U+0080–U+009F (CSI U+009B starts a terminal escape on its own). -1 when none.
int controlCharacter(const char *s, qsizetype n)
{
    for (qsizetype i = 0; i < n; ++i) {
        const uchar b = uchar(s[i]);
        if ((b < 0x20 && b != '\t' && b != '\n') || b == 0x7F)
            return b;
        if (b == 0xC2 && i + 1 < n && uchar(s[i + 1]) >= 0x80 && uchar(s[i + 1]) <= 0x9F)
            return uchar(s[i + 1]);
    }
    return -1;
}

qsizetype characters(const char *s, qsizetype n)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < n; ++i)
        if ((uchar(s[i]) & 0xC0) != 0x80)
            ++count;
    return count;
}

/// RapidJSON's event handler. It never stops at a problem of content (only at too deep a
/// nesting): the first one is kept, so a later syntax error still wins, and the message can
/// name the record from the finished document.
class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler>
{
public:
    Handler(const QByteArray &text, qint64 base, const rapidjson::MemoryStream &in, bool recordLines)
        : m_text(text), m_base(base), m_in(in), m_recordLines(recordLines), m_lastEnd(base)
    {
    }

    Problem problem;
    QHash<QString, qint64> offsets;

    bool Null() { return scalar(); }
    bool Bool(bool) { return scalar(); }
    bool Int(int) { return scalar(); }
    bool Uint(unsigned) { return scalar(); }
    bool Int64(int64_t) { return scalar(); }
    bool Uint64(uint64_t) { return scalar(); }
    bool Double(double) { return scalar(); }
    bool String(const char *s, rapidjson::SizeType n, bool)
    {
        const qint64 start = valueStart();
        checkText(s, n, start, member(), false);
        return done();
    }
    bool StartObject() { return open(true); }
    bool StartArray() { return open(false); }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool EndArray(rapidjson::SizeType) { return close(); }
    bool Key(const char *s, rapidjson::SizeType n, bool)
    {
        const qint64 start = valueStart();
        Frame &f = m_frames.last();
        f.key = QString::fromUtf8(s, n);
        checkText(s, n, start, {}, true);
        const auto first = f.keys.constFind(f.key);
        if (first != f.keys.constEnd() && !problem.set) // positionAt scans the text: only for the one told
            report(start, Tr::tr("appears twice in this object (first on line %1); each field is written once")
                              .arg(positionAt(m_text, *first).line));
        else if (first == f.keys.constEnd())
            f.keys.insert(f.key, start);
        if (m_recordLines)
            offsets.insert(slashPath(), start);
        return done();
    }

private:
    struct Frame
    {
        bool object = true;
        QString key;                 // object: the member being read
        int index = -1;              // list: the entry being read
        QString member;              // list: the member that holds it (its limit applies to each entry)
        QHash<QString, qint64> keys; // object: each member's offset, to find a repeat
    };

    /// Where the value that begins now starts: the grammar allows only white space, ':' and ','
    /// between the end of the last event and the next value.
    qint64 valueStart()
    {
        qint64 at = m_lastEnd;
        while (at < m_text.size() && m_text.at(at) != 0 && std::strchr(" \t\r\n:,", m_text.at(at)))
            ++at;
        if (!m_frames.isEmpty() && !m_frames.last().object)
            ++m_frames.last().index;
        return at;
    }
    bool done()
    {
        m_lastEnd = qint64(m_in.Tell()) + m_base;
        return true;
    }
    bool scalar()
    {
        record(valueStart());
        return done();
    }
    bool open(bool object)
    {
        const qint64 start = valueStart();
        if (m_frames.size() >= kMaxDepth) {
            report(start, Tr::tr("nests lists and objects more than %1 levels deep").arg(kMaxDepth));
            return false; // stop: the loaders could not read it anyway
        }
        record(start);
        Frame f;
        f.object = object;
        f.member = member();
        m_frames.append(f);
        // Not Tell(): the iterative reader calls Start…/End… before it takes the bracket.
        m_lastEnd = start + 1;
        return true;
    }
    bool close()
    {
        m_frames.removeLast();
        qint64 at = m_lastEnd;
        while (at < m_text.size() && m_text.at(at) != 0 && std::strchr(" \t\r\n", m_text.at(at)))
            ++at;
        m_lastEnd = at + 1; // past the closing bracket
        return true;
    }
    /// The member whose limit applies to a text read now.
    QString member() const
    {
        if (m_frames.isEmpty())
            return {};
        return m_frames.last().object ? m_frames.last().key : m_frames.last().member;
    }
    void record(qint64 start)
    {
        if (m_recordLines && !offsets.contains(slashPath()))
            offsets.insert(slashPath(), start);
    }
    QList<Step> path() const
    {
        QList<Step> out;
        for (const Frame &f : m_frames)
            out.append(f.object ? Step{f.key, -1} : Step{QString(), f.index});
        return out;
    }
    QString slashPath() const
    {
        QString out;
        for (const Step &s : path())
            out += QLatin1Char('/') + (s.index < 0 ? s.key : QString::number(s.index));
        return out;
    }
    void report(qint64 offset, const QString &text)
    {
        if (problem.set)
            return;
        problem = {true, path(), offset, text};
    }
    void checkText(const char *s, qsizetype n, qint64 start, const QString &field, bool isKey)
    {
        if (problem.set)
            return; // only the first problem is told; don't pay for the rest
        const int control = controlCharacter(s, n);
        if (control >= 0) {
            report(start, Tr::tr("contains the control character U+%1; a text may hold tabs and line breaks but no "
                                 "other control character")
                              .arg(hex(uint(control), 4)));
            return;
        }
        const qsizetype length = characters(s, n);
        const int limit = isKey ? kMaxKeyLength : maxLength(field);
        if (length > limit)
            report(start, isKey ? Tr::tr("is too long for a field name (over %1 characters)").arg(limit)
                                : Tr::tr("is %1 characters long; the limit for this field is %2").arg(length).arg(limit));
    }

    const QByteArray &m_text;
    qint64 m_base;
    const rapidjson::MemoryStream &m_in;
    bool m_recordLines;
    QList<Frame> m_frames;
    qint64 m_lastEnd;
};

QString syntaxReason(rapidjson::ParseErrorCode code, const QByteArray &text, qint64 offset)
{
    using namespace rapidjson;
    // RapidJSON stops at a raw control character inside a text with "missing quotation mark"
    // (NUL) or "invalid escape" (the rest): say what is really there.
    if ((code == kParseErrorStringInvalidEncoding || code == kParseErrorStringMissQuotationMark
         || code == kParseErrorStringEscapeInvalid)
        && offset < text.size() && uchar(text.at(offset)) < 0x20)
        return Tr::tr("the control character U+%1 is written as it is inside a text; write a line break as \\n and a "
                      "tab as \\t (no other control character is allowed)")
            .arg(hex(uchar(text.at(offset)), 4));
    switch (code) {
    case kParseErrorDocumentEmpty: return Tr::tr("the file holds no JSON value");
    case kParseErrorDocumentRootNotSingular: return Tr::tr("there is more text after the end of the JSON document");
    case kParseErrorValueInvalid:
        return Tr::tr("a value is expected here: a text in double quotes, a number, true, false, null, an object {…} or a "
                      "list […]");
    case kParseErrorObjectMissName:
        return Tr::tr("a field name in double quotes is expected here (is there a comma too many before it?)");
    case kParseErrorObjectMissColon: return Tr::tr("a colon ':' is expected after the field name");
    case kParseErrorObjectMissCommaOrCurlyBracket: return Tr::tr("a comma ',' or a closing brace '}' is expected here");
    case kParseErrorArrayMissCommaOrSquareBracket: return Tr::tr("a comma ',' or a closing bracket ']' is expected here");
    case kParseErrorStringUnicodeEscapeInvalidHex: return Tr::tr("\\u must be followed by four hexadecimal digits");
    case kParseErrorStringUnicodeSurrogateInvalid: return Tr::tr("a \\u escape holds half a character (an unpaired surrogate)");
    case kParseErrorStringEscapeInvalid: return Tr::tr("a backslash '\\' starts an unknown escape (write \\\\ for a backslash)");
    case kParseErrorStringMissQuotationMark: return Tr::tr("a text is not closed by a double quote");
    case kParseErrorNumberTooBig: return Tr::tr("the number is too big");
    case kParseErrorNumberMissFraction: return Tr::tr("digits are expected after the decimal point");
    case kParseErrorNumberMissExponent: return Tr::tr("digits are expected in the exponent of the number");
    default: return Tr::tr("the JSON syntax is wrong here");
    }
}

/// Names the record that holds the value at `path` from the parsed document: each list entry
/// by its "key", "id" or "code" when it has one, so the message reads
/// `people[3] (P000004): "fullName" …`. Returns {record, field}.
std::pair<QString, QString> describe(const QJsonDocument &doc, const QList<Step> &path)
{
    qsizetype fieldAt = path.size();
    while (fieldAt > 0 && path.at(fieldAt - 1).index >= 0)
        --fieldAt;
    QString field;
    if (fieldAt > 0) {
        --fieldAt;
        field = quoted(path.at(fieldAt).key, 40);
        for (qsizetype i = fieldAt + 1; i < path.size(); ++i)
            field += QStringLiteral("[%1]").arg(path.at(i).index);
    }
    QStringList parts;
    QJsonValue v = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    for (qsizetype i = 0; i < fieldAt; ++i) {
        const Step &s = path.at(i);
        if (s.index < 0) {
            parts << quoted(s.key, 40);
            v = v.toObject().value(s.key);
            continue;
        }
        if (parts.isEmpty())
            parts << QString();
        v = v.toArray().at(s.index);
        parts.last() += QStringLiteral("[%1]").arg(s.index);
        for (const char *name : {"key", "id", "code"}) {
            const QJsonValue id = v.toObject().value(QLatin1String(name));
            if (id.isString() && !id.toString().isEmpty()) {
                parts.last() += QStringLiteral(" (%1)").arg(quoted(id.toString(), 40));
                break;
            }
        }
    }
    return {parts.join(QStringLiteral(", ")), field};
}

/// UTF-16 and UTF-32 files (Notepad's "Unicode", Excel's "Unicode text") are recognised by
/// their byte-order mark or, without one, by the NUL bytes an ASCII '{' gets in them.
QString wideEncoding(const QByteArray &b)
{
    const auto at = [&b](int i) { return i < b.size() ? uchar(b.at(i)) : 0x100; };
    if ((at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) || (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF))
        return QStringLiteral("UTF-32");
    if ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF))
        return QStringLiteral("UTF-16");
    if (at(0) == 0 && at(1) == 0)
        return QStringLiteral("UTF-32");
    if (at(1) == 0 && at(2) == 0 && at(3) == 0)
        return QStringLiteral("UTF-32");
    if (at(0) == 0 || at(1) == 0)
        return QStringLiteral("UTF-16");
    return {};
}

struct Discard
{
    typedef char Ch;
    void Put(char) {}
};
} // namespace

int maxLength(const QString &member)
{
    // docs/interchange.md, "Limits", lists the same numbers: change both together.
    static const QHash<QString, int> limits = [] {
        QHash<QString, int> out;
        const auto set = [&out](int limit, std::initializer_list<const char *> names) {
            for (const char *n : names)
                out.insert(QString::fromLatin1(n), limit);
        };
        // Keys, codes, references and dates.
        set(64, {"format",           "key",       "kind",         "code",       "type",    "id",         "form",          "category",
                 "gender",           "cccd",      "unit",         "person",     "bloc",    "parent",     "succeededBy",   "movement",
                 "usedForAward",     "holders",   "rating",       "level",      "item",    "recipients", "occasion",      "review",
                 "minRating",        "minLevel",  "minKind",      "award",      "awards",  "awardCodes", "orTitles",      "unitKinds",
                 "personCategories", "progress",  "seed",         "copiedFrom", "number",  "at",         "effectiveFrom", "validFrom",
                 "validTo",          "birthDate", "decisionDate", "startDate",  "endDate", "planDate"});
        // Names of people, units and things; numbers of documents.
        set(300, {"name", "fullName", "position", "authority", "issuer", "by", "place", "scope", "documentKind", "decisionNo",
                  "planNumber"});
        set(1000, {"title", "heading"});
        set(4000, {"note", "notes", "evidence", "description", "checklist", "citation", "citations", "legalBases", "items"});
        set(20000, {"text"}); // a movement's phases and contents: whole paragraphs of a plan
        return out;
    }();
    return limits.value(member, kDefaultLimit);
}

int Document::line(QString path) const
{
    for (;;) {
        const auto it = m_offsets.constFind(path);
        if (it != m_offsets.constEnd())
            return positionAt(m_text, *it).line;
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            return 1;
        path.truncate(slash);
    }
}

Document parse(const QByteArray &bytes, const QString &name, const Options &options)
{
    if (bytes.trimmed().isEmpty())
        throw Error(Tr::tr("%1: the file is empty.").arg(name));
    const QString wide = wideEncoding(bytes);
    if (!wide.isEmpty())
        throw Error(Tr::tr("%1 is saved as %2 text; Vinh Danh reads UTF-8 only. Open it in a text editor and save it "
                           "as UTF-8.")
                        .arg(name, wide));
    const qint64 base = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0; // a UTF-8 byte-order mark (Notepad writes one)
    const char *begin = bytes.constData() + base;
    const size_t size = size_t(bytes.size() - base);
    {
        rapidjson::MemoryStream in(begin, size);
        Discard discard;
        while (in.Tell() < size) {
            const size_t at = in.Tell();
            if (!rapidjson::UTF8<>::Validate(in, discard))
                throw Error(Tr::tr("%1: the file is not UTF-8 text (the byte 0x%2 is not UTF-8); it was probably saved "
                                   "in another encoding such as Windows-1258, TCVN3 or VNI. Save it as UTF-8.")
                                .arg(where(name, bytes, qint64(at) + base), hex(uchar(begin[at]), 2)));
        }
    }

    rapidjson::MemoryStream in(begin, size);
    Handler handler(bytes, base, in, options.recordLines);
    rapidjson::Reader reader;
    const rapidjson::ParseResult result = reader.Parse<rapidjson::kParseIterativeFlag>(in, handler);
    if (result.IsError() && result.Code() != rapidjson::kParseErrorTermination) {
        const qint64 offset = qint64(result.Offset()) + base;
        throw Error(
            Tr::tr("%1: this is not valid JSON: %2.").arg(where(name, bytes, offset), syntaxReason(result.Code(), bytes, offset)));
    }

    Document out;
    QJsonParseError error;
    out.json = QJsonDocument::fromJson(QByteArray::fromRawData(begin, qsizetype(size)), &error);
    if (handler.problem.set) {
        const auto [record, field] = describe(out.json, handler.problem.path);
        const QString at = where(name, bytes, handler.problem.offset);
        if (field.isEmpty())
            throw Error(Tr::tr("%1: %2.").arg(at, handler.problem.text));
        if (record.isEmpty())
            throw Error(Tr::tr("%1: \"%2\" %3.").arg(at, field, handler.problem.text));
        throw Error(Tr::tr("%1: %2: \"%3\" %4.").arg(at, record, field, handler.problem.text));
    }
    // RapidJSON accepted it, so this should not happen; if the two ever disagree, refuse.
    if (error.error != QJsonParseError::NoError)
        throw Error(Tr::tr("%1: this is not valid JSON: %2.").arg(where(name, bytes, error.offset + base), error.errorString()));
    if (options.recordLines) {
        out.m_text = bytes;
        out.m_offsets = std::move(handler.offsets);
    }
    return out;
}

QString quoted(const QString &text, int max)
{
    QString out;
    for (const QChar c : text) {
        if (out.size() >= max) {
            out += QChar(0x2026);
            break;
        }
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7F || (u >= 0x80 && u <= 0x9F))
            out += QStringLiteral("\\u%1").arg(hex(u, 4));
        else
            out += c;
    }
    return out;
}

} // namespace VinhDanh::Core::StrictJson
