#pragma once
// The interchange file read one record at a time (issue 15): the province's export (284 MB,
// 2.1 million records) took about ten times its size in memory as one QJsonDocument.

#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

namespace VinhDanh::Core::Interchange::Detail {

/// Opens an interchange file and indexes it in one streamed pass (RapidJSON's event reader,
/// which also checks the syntax and that every text is UTF-8): the top-level members that are
/// not lists (format, formatVersion, anything unknown) are kept, and for each list only where
/// its records start and end. Records are then read one by one, each through StrictJson (so a
/// repeated member, a control character or a text over its limit is refused as before, with
/// the file's line and column). Memory: the index (12 bytes a record) and one record.
class RecordReader
{
public:
    /// A file below this size that fails the streamed pass is read whole by StrictJson for its
    /// exact message (ten times the size in memory, on the way to a refusal only).
    static constexpr qint64 kExactMessageLimit = 32 << 20;

    /// Throws Error when the file cannot be read or is not a JSON object (the message names the
    /// line and column; a file up to `exactMessageLimit` bytes gets StrictJson's exact wording).
    explicit RecordReader(const QString &path, qint64 exactMessageLimit = kExactMessageLimit);

    /// The top-level members: scalars as written, each list as an empty array and any other
    /// object as an empty object (their type is all the checks of the root need).
    const QJsonObject &header() const { return m_header; }
    /// SHA-256 (lower-case hex) of the file's bytes, computed while indexing.
    const QString &sha256() const { return m_sha256; }
    /// How many values the list `section` holds (0 when the file has no such list).
    int count(const QString &section) const;
    /// Calls `body(index, value)` for each value of the list `section` in file order; a value
    /// that is not an object comes as a null QJsonValue (each() names it).
    void forEach(const QString &section, const std::function<void(int, const QJsonObject *)> &body);
    /// One record read again (to confirm a repeated key); null when not an object.
    QJsonObject record(const QString &section, int index);
    /// "file.json": how messages name the file.
    const QString &fileName() const { return m_fileName; }

    struct Span
    {
        qint64 start = -1; // the offset of the record's '{'; -1 for a value that is not an object
        quint32 length = 0;
    };

private:
    QJsonObject read(const QString &section, int index, const Span &span);

    QString m_path;
    QString m_fileName;
    QFile m_file;
    QFile m_ahead; // the same file, opened with m_file: what forEach reads ahead on its thread
    QJsonObject m_header;
    QString m_sha256;
    QHash<QString, QList<Span>> m_sections;
};

} // namespace VinhDanh::Core::Interchange::Detail
