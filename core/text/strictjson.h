#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QString>

/// The one strict JSON reader of every file a user hands the program: the interchange file,
/// rule sets and movements. It reads the bytes twice: first RapidJSON's event (SAX) reader,
/// which sees what QJsonDocument hides — a member written twice in one object, the exact
/// place of a syntax error — and checks every text; then QJsonDocument, which the loaders use.
/// Refused, with the file, line and column and, for a text, the record and the field:
/// - a file that is UTF-16/UTF-32 or holds bytes that are not UTF-8 (named as such);
/// - a JSON syntax error (a translated reason, not the parser's English);
/// - a member repeated within one object (`{"name": "A", "name": "B"}`);
/// - a control character in a text, other than tab and line feed (NUL, ESC, CR, DEL, C1);
/// - a text longer than the limit of its field (StrictJson::maxLength, docs/interchange.md);
/// - nesting deeper than 64 levels.
/// Every message is a Core::Error; nothing here touches a database.
namespace VinhDanh::Core::StrictJson {

/// The longest text (in characters, as written in the file) a member may hold; a list of
/// texts ("holders", "notes") applies its member's limit to each entry.
int maxLength(const QString &member);

struct Options
{
    /// Remember where each value starts, so a later check can name the line (rule sets).
    /// Off for the interchange file: a million ratings would mean a million paths.
    bool recordLines = false;
};

class Document
{
public:
    QJsonDocument json;

    /// The line (from 1) of the value at `path` ("/awards/3/condition/of/1"), or of its nearest
    /// recorded ancestor; needs Options::recordLines.
    int line(QString path) const;

private:
    friend Document parse(const QByteArray &, const QString &, const Options &);
    QByteArray m_text;
    QHash<QString, qint64> m_offsets;
};

/// Reads `bytes` (the whole file; a UTF-8 byte-order mark is allowed). `name` begins every
/// message ("units.json, line 4, column 17: …"). Throws Error on anything listed above.
Document parse(const QByteArray &bytes, const QString &name, const Options &options = {});

/// A text from a file fit to quote in a message: control characters written as \uXXXX (so
/// they never reach a terminal) and anything past `max` characters cut with "…".
QString quoted(const QString &text, int max = 80);

} // namespace VinhDanh::Core::StrictJson
