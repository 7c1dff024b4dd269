#include "core/interchange/recordreader.h"

#include "core/interchange/importer_p.h"
#include "core/text/strictjson.h"

#include <QFileInfo>
#include <QJsonDocument>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include <rapidjson/reader.h>
#include <sodium.h>

namespace VinhDanh::Core::Interchange::Detail {

namespace {

/// RapidJSON's input stream over a QFile, read in 1 MiB blocks that are hashed as they pass.
/// Tell() is the offset in the file.
class FileStream
{
public:
    using Ch = char;

    FileStream(QFile &file, crypto_hash_sha256_state &hash) : m_file(file), m_hash(hash), m_buffer(1 << 20, Qt::Uninitialized)
    {
        fill();
        if (m_size >= 3 && m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3; // a UTF-8 byte-order mark (Notepad writes one)
    }

    Ch Peek() const { return m_pos < m_size ? m_buffer.at(m_pos) : '\0'; }
    Ch Take()
    {
        if (m_pos >= m_size)
            return '\0';
        const Ch c = m_buffer.at(m_pos);
        if (++m_pos == m_size)
            fill();
        return c;
    }
    size_t Tell() const { return size_t(m_consumed + m_pos); }
    // Writing is never asked of an input stream.
    Ch *PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    size_t PutEnd(Ch *) { return 0; }

private:
    void fill()
    {
        m_consumed += m_size;
        m_pos = 0;
        m_size = qMax<qint64>(0, m_file.read(m_buffer.data(), m_buffer.size()));
        if (m_size > 0)
            crypto_hash_sha256_update(&m_hash, reinterpret_cast<const unsigned char *>(m_buffer.constData()), quint64(m_size));
    }

    QFile &m_file;
    crypto_hash_sha256_state &m_hash;
    QByteArray m_buffer;
    qint64 m_consumed = 0;
    qint64 m_size = 0;
    qint64 m_pos = 0;
};

/// The streamed pass's event handler. Depth 1 is the members of the root object, depth 2 the
/// values of its lists (the records); anything deeper is left to the per-record reading.
class Indexer : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Indexer>
{
public:
    Indexer(const FileStream &in, QJsonObject &header, QHash<QString, QList<RecordReader::Span>> &sections)
        : m_in(in), m_header(header), m_sections(sections)
    {
    }

    bool rootIsObject = false;
    QString repeated;      // a top-level member written twice
    qint64 repeatedAt = 0; // where its second name starts

    bool Null() { return scalar(QJsonValue::Null); }
    bool Bool(bool b) { return scalar(b); }
    bool Int(int i) { return scalar(i); }
    bool Uint(unsigned u) { return scalar(qint64(u)); }
    bool Int64(int64_t i) { return scalar(qint64(i)); }
    bool Uint64(uint64_t u) { return scalar(double(u)); }
    bool Double(double d) { return scalar(d); }
    bool String(const char *s, rapidjson::SizeType n, bool) { return scalar(m_depth == 1 ? QString::fromUtf8(s, n) : QString()); }
    bool Key(const char *s, rapidjson::SizeType n, bool)
    {
        if (m_depth != 1)
            return true;
        m_member = QString::fromUtf8(s, n);
        if (m_header.contains(m_member)) {
            repeated = m_member;
            repeatedAt = qint64(m_in.Tell()) - n - 2;
            return false; // stops the reader: the file is refused
        }
        return true;
    }
    bool StartObject()
    {
        if (m_depth == 0)
            rootIsObject = true;
        else if (m_depth == 1)
            m_header.insert(m_member, QJsonObject());
        else if (m_depth == 2 && m_records)
            m_recordStart = qint64(m_in.Tell()); // iterative mode: called before the '{' is taken
        ++m_depth;
        return true;
    }
    bool EndObject(rapidjson::SizeType)
    {
        if (--m_depth == 2 && m_records)
            m_records->append(RecordReader::Span{m_recordStart, quint32(qint64(m_in.Tell()) + 1 - m_recordStart)}); // and the '}'
        return true;
    }
    bool StartArray()
    {
        if (m_depth == 1) {
            m_header.insert(m_member, QJsonArray());
            m_records = &m_sections[m_member];
        } else if (m_depth == 2 && m_records) {
            m_records->append(RecordReader::Span()); // a list inside the list: not a record
        }
        ++m_depth;
        return true;
    }
    bool EndArray(rapidjson::SizeType)
    {
        if (--m_depth == 1)
            m_records = nullptr;
        return true;
    }

private:
    bool scalar(const QJsonValue &v)
    {
        if (m_depth == 1)
            m_header.insert(m_member, v);
        else if (m_depth == 2 && m_records)
            m_records->append(RecordReader::Span()); // a number or a text where a record belongs
        return true;
    }

    const FileStream &m_in;
    QJsonObject &m_header;
    QHash<QString, QList<RecordReader::Span>> &m_sections;
    QList<RecordReader::Span> *m_records = nullptr;
    QString m_member;
    qint64 m_recordStart = 0;
    int m_depth = 0;
};

/// Line and column (from 1; the column in characters) of a byte offset, read from the file:
/// only on the way to a message.
std::pair<int, int> positionAt(QFile &file, qint64 offset)
{
    file.seek(0);
    int line = 1;
    int column = 1;
    qint64 at = 0;
    while (at < offset) {
        const QByteArray block = file.read(qMin<qint64>(1 << 20, offset - at));
        if (block.isEmpty())
            break;
        for (const char c : block) {
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((uchar(c) & 0xC0) != 0x80) { // a UTF-8 continuation byte is not a character of its own
                ++column;
            }
        }
        at += block.size();
    }
    return {line, column};
}

} // namespace

RecordReader::RecordReader(const QString &path, qint64 exactMessageLimit)
    : m_path(path), m_fileName(QFileInfo(path).fileName()), m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Could not read the file \"%1\": %2").arg(path, m_file.errorString()));
    // Opened now, before the bytes are hashed: a file replaced under the same name meanwhile
    // (saved by renaming) is not what the reading ahead reads.
    m_ahead.setFileName(path);
    if (!m_ahead.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Could not read the file \"%1\": %2").arg(path, m_ahead.errorString()));
    if (sodium_init() < 0)
        qFatal("libsodium could not be initialised");
    crypto_hash_sha256_state hash;
    crypto_hash_sha256_init(&hash);
    FileStream in(m_file, hash);
    Indexer indexer(in, m_header, m_sections);
    rapidjson::Reader reader;
    // Iterative: a deeply nested file cannot exhaust the stack. Encoding validated: a byte that
    // is not UTF-8 stops the pass like a syntax error.
    const rapidjson::ParseResult result = reader.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
        in, indexer);
    // The stream reads a NUL byte as its end, so RapidJSON accepts "{…}\0anything": bytes left
    // after the end it saw are refused like any other text after the object.
    const bool trailing = !result.IsError() && qint64(in.Tell()) < m_file.size();
    if (result.IsError() || trailing) {
        if (m_file.size() <= exactMessageLimit) {
            m_file.seek(0);
            StrictJson::parse(m_file.readAll(), m_fileName); // throws its exact message
        }
        const qint64 offset = trailing ? qint64(in.Tell()) : indexer.repeated.isEmpty() ? qint64(result.Offset()) : indexer.repeatedAt;
        const auto [line, column] = positionAt(m_file, offset);
        const QString at = Tr::tr("%1, line %2, column %3").arg(m_fileName).arg(line).arg(column);
        if (!indexer.repeated.isEmpty())
            throw Error(Tr::tr("%1: the section \"%2\" is written twice; each section appears once in a file.")
                            .arg(at, StrictJson::quoted(indexer.repeated, 40)));
        if (result.Code() == rapidjson::kParseErrorStringInvalidEncoding)
            throw Error(Tr::tr("%1: the file is not UTF-8 text here; it was probably saved in another encoding. Save it as "
                               "UTF-8.")
                            .arg(at));
        throw Error(Tr::tr("%1: this is not valid JSON here (is the file cut short, or a comma or bracket missing?).").arg(at));
    }
    if (!indexer.rootIsObject)
        throw Error(Tr::tr("The file \"%1\" is not a Vinh Danh interchange file.").arg(path));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&hash, digest);
    m_sha256 = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), crypto_hash_sha256_BYTES).toHex());
}

int RecordReader::count(const QString &section) const
{
    return int(m_sections.value(section).size());
}

namespace {

/// One record read from `file` at `span`, through the strict reader: repeated members, control
/// characters and texts over their limit are refused as in a whole-file read.
QJsonObject readRecord(QFile &file, const QString &path, const QString &fileName, const QString &section, int index,
                       const RecordReader::Span &span)
{
    // The ",\n" between two records is skipped inside QFile's buffer: a seek would drop the
    // buffer and cost a system call and a read per record.
    const qint64 gap = span.start - file.pos();
    if (gap > 0 && gap <= 4096)
        file.skip(gap);
    if (file.pos() != span.start && !file.seek(span.start))
        throw Error(Tr::tr("Could not read the file \"%1\": %2").arg(path, file.errorString()));
    const QByteArray bytes = file.read(span.length);
    if (bytes.size() != qsizetype(span.length)) // the file changed under the import
        throw Error(Tr::tr("Could not read the file \"%1\": %2").arg(path, file.errorString()));
    try {
        return StrictJson::parse(bytes, fileName).json.object();
    } catch (const Error &) {
        // Read it again behind as many line breaks and spaces as stand before it in the file,
        // so the message gives the file's line and column; then name the record.
        const auto [line, column] = positionAt(file, span.start);
        const QByteArray placed = QByteArray(line - 1, '\n') + QByteArray(column - 1, ' ') + bytes;
        QString where = QStringLiteral("%1[%2]").arg(section).arg(index);
        const QString key = QJsonDocument::fromJson(bytes).object().value(QStringLiteral("key")).toString();
        if (!key.isEmpty())
            where += QStringLiteral(" (%1)").arg(StrictJson::quoted(key, 40));
        try {
            StrictJson::parse(placed, fileName);
        } catch (const Error &e) {
            throw Error(QStringLiteral("%1: %2").arg(where, e.message()), e.detail());
        }
        throw; // not reached: the same bytes fail again
    }
}

/// Reads and parses a section's records on a thread of its own, a few batches ahead of the
/// import, which meanwhile binds and inserts the records before them: the strict parse is about
/// a fifth of a province's import, and the machine has a second core. Records come out in file
/// order; a record that cannot be read throws, in the importing thread, when its turn comes,
/// as the one-thread reading did. The thread reads through a handle of its own, opened with the
/// reader's before the file was hashed (the importer's record() reads the reader's meanwhile),
/// and stops when the Prefetcher goes (the import failed or ended).
class Prefetcher
{
public:
    /// `file`: the reader's second handle on the file, used by the thread alone until this goes.
    Prefetcher(QFile &file, const QString &path, const QString &fileName, const QString &section,
               const QList<RecordReader::Span> &spans)
        : m_file(file), m_path(path), m_fileName(fileName), m_section(section), m_spans(spans)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~Prefetcher()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    Prefetcher(const Prefetcher &) = delete;
    Prefetcher &operator=(const Prefetcher &) = delete;

    /// The next record in file order (null for a value that is not an object); throws the
    /// reading's error for the record that failed.
    const QJsonObject *next()
    {
        if (m_at == m_current.objects.size()) {
            if (m_current.error)
                std::rethrow_exception(m_current.error);
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_ready.empty(); });
            m_current = std::move(m_ready.front());
            m_ready.pop_front();
            lock.unlock();
            m_changed.notify_all(); // room for another batch
            m_at = 0;
            if (m_current.objects.empty() && m_current.error)
                std::rethrow_exception(m_current.error);
        }
        const size_t i = m_at++;
        return m_current.present.at(i) ? &m_current.objects.at(i) : nullptr;
    }

private:
    static constexpr int kBatch = 512;
    static constexpr size_t kBatchesAhead = 8;

    struct Batch
    {
        std::vector<QJsonObject> objects;
        std::vector<bool> present;
        std::exception_ptr error; // after the records above: the next one could not be read
    };

    void run()
    {
        QFile &file = m_file;
        Batch batch;
        try {
            for (int i = 0; i < m_spans.size(); ++i) {
                const RecordReader::Span &span = m_spans.at(i);
                batch.present.push_back(span.start >= 0);
                batch.objects.push_back(span.start >= 0 ? readRecord(file, m_path, m_fileName, m_section, i, span) : QJsonObject());
                if (int(batch.objects.size()) == kBatch && !hand(std::exchange(batch, Batch())))
                    return;
            }
        } catch (...) {
            if (batch.present.size() > batch.objects.size())
                batch.present.pop_back();
            batch.error = std::current_exception();
        }
        if (!batch.objects.empty() || batch.error)
            hand(std::move(batch));
    }

    /// Queues `batch` for the importer, waiting while it is far enough ahead; false when told to stop.
    bool hand(Batch &&batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_ready.size() < kBatchesAhead; });
        if (m_stop)
            return false;
        m_ready.push_back(std::move(batch));
        lock.unlock();
        m_changed.notify_all();
        return true;
    }

    QFile &m_file;
    const QString m_path, m_fileName, m_section;
    const QList<RecordReader::Span> m_spans;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_ready;
    bool m_stop = false;
    Batch m_current; // the importer's: read without the lock
    size_t m_at = 0;
};

/// Below this many records a section is read on the importing thread: a thread costs more
/// than it saves, and small files (the tests', the fuzz targets') keep one thread.
constexpr int kPrefetchFrom = 4096;

} // namespace

void RecordReader::forEach(const QString &section, const std::function<void(int, const QJsonObject *)> &body)
{
    const auto it = m_sections.constFind(section);
    if (it == m_sections.constEnd())
        return;
    const QList<Span> spans = *it; // a copy shares the data; record() below does not change it
    if (spans.size() < kPrefetchFrom) {
        for (int i = 0; i < spans.size(); ++i) {
            const Span &span = spans.at(i);
            if (span.start < 0) {
                body(i, nullptr);
                continue;
            }
            const QJsonObject object = read(section, i, span);
            body(i, &object);
        }
        return;
    }
    Prefetcher ahead(m_ahead, m_path, m_fileName, section, spans);
    for (int i = 0; i < spans.size(); ++i)
        body(i, ahead.next());
}

QJsonObject RecordReader::record(const QString &section, int index)
{
    const Span span = m_sections.value(section).value(index);
    return span.start < 0 ? QJsonObject() : read(section, index, span);
}

QJsonObject RecordReader::read(const QString &section, int index, const Span &span)
{
    return readRecord(m_file, m_path, m_fileName, section, index, span);
}

} // namespace VinhDanh::Core::Interchange::Detail
