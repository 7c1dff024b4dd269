#pragma once

// A translator that translates nothing and remembers every lookup: installed last (so Qt asks it
// first), it records each (context, source, disambiguation) that Qt's widgets and the program ask
// for and answers with a null string, so the lookup goes on to the real translators and the
// screen still shows what a clerk sees. The widget tests use it to learn which texts a screen
// needs and to check that the Vietnamese catalogue has every one.

#include <QMutex>
#include <QSet>
#include <QString>
#include <QTranslator>

namespace VinhDanh::Test {

struct Lookup
{
    QString context;
    QString source;
    QString disambiguation;
    int n = -1; // the count of a plural lookup, -1 otherwise

    bool operator==(const Lookup &o) const { return context == o.context && source == o.source && disambiguation == o.disambiguation; }
    /// "Context / source [disambiguation]", for messages.
    QString describe() const;
};

inline size_t qHash(const Lookup &l, size_t seed = 0)
{
    return ::qHash(l.context, seed) ^ ::qHash(l.source, seed) ^ ::qHash(l.disambiguation, seed);
}

class RecordingTranslator : public QTranslator
{
public:
    /// Installs itself on the application (last, so it is asked first); removed on destruction.
    RecordingTranslator();
    ~RecordingTranslator() override;

    // QCoreApplication skips a translator that says it is empty: this one never is.
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1) const override;

    QSet<Lookup> lookups() const;
    void clear();

private:
    // Background work (a sweep, a document) may translate on another thread.
    mutable QMutex m_mutex;
    mutable QSet<Lookup> m_lookups;
};

} // namespace VinhDanh::Test
