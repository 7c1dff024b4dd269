#include "recordingtranslator.h"

#include <QCoreApplication>
#include <QMutexLocker>

namespace VinhDanh::Test {

QString Lookup::describe() const
{
    QString text = context + QStringLiteral(" / \"") + source + QLatin1Char('"');
    if (!disambiguation.isEmpty())
        text += QStringLiteral(" [") + disambiguation + QLatin1Char(']');
    return text;
}

RecordingTranslator::RecordingTranslator()
{
    QCoreApplication::installTranslator(this);
}

RecordingTranslator::~RecordingTranslator()
{
    QCoreApplication::removeTranslator(this);
}

QString RecordingTranslator::translate(const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    // Qt's own layout-direction probe is not a text anybody reads.
    if (sourceText && qstrcmp(sourceText, "QT_LAYOUT_DIRECTION") != 0) {
        QMutexLocker lock(&m_mutex);
        m_lookups.insert(Lookup{QString::fromUtf8(context), QString::fromUtf8(sourceText), QString::fromUtf8(disambiguation), n});
    }
    return QString(); // null: "not here", so the next translator answers
}

} // namespace VinhDanh::Test

namespace VinhDanh::Test {

QSet<Lookup> RecordingTranslator::lookups() const
{
    QMutexLocker lock(&m_mutex);
    return m_lookups;
}

void RecordingTranslator::clear()
{
    QMutexLocker lock(&m_mutex);
    m_lookups.clear();
}

} // namespace VinhDanh::Test
