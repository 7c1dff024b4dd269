#pragma once

// Helpers for the widget tests: typing Vietnamese into a widget, answering the message boxes a
// view opens, waiting for a debounce timer, and seeding a database through the repositories.

#include "core/domain/registry.h"

#include <QList>
#include <QMessageBox>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Test {

/// QTest::keyClicks sends each character through toLatin1(), which loses "ở", "ễ", "đ"…;
/// this sends every character as the text of a key event, as an input method would.
void typeText(QWidget *widget, const QString &text);

/// Polls for the modal QMessageBox a view opens (question, warning), records its text and
/// presses the next answer (Ok when the list is used up). Lives for one test.
class MessageBoxAnswerer : public QObject
{
public:
    explicit MessageBoxAnswerer(QList<QMessageBox::StandardButton> answers = {});
    QStringList texts() const { return m_texts; }

private:
    void poll();
    QList<QMessageBox::StandardButton> m_answers;
    QStringList m_texts;
    QTimer m_timer;
};

/// Runs the event loop until `condition` holds or `timeoutMs` passes; returns the condition.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 3000);

qint64 addUnit(Core::Database &db, const QString &name, qint64 parentId = 0,
               const QString &kind = QStringLiteral("provincial_agency"));
qint64 addPerson(Core::Database &db, const QString &fullName, qint64 unitId, const QString &cccd = {});

/// What QAbstractItemModelTester reports (qt.modeltest) while it lives, so a broken model
/// fails the test instead of only printing a warning.
class ModelTestLog
{
public:
    ModelTestLog() { s_messages.clear(); m_previous = qInstallMessageHandler(&ModelTestLog::handler); }
    ~ModelTestLog() { qInstallMessageHandler(m_previous); }
    QStringList messages() const { return s_messages; }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type != QtDebugMsg && context.category && QByteArray(context.category).startsWith("qt.modeltest"))
            s_messages << message;
    }
    static inline QStringList s_messages;
    QtMessageHandler m_previous;
};

} // namespace VinhDanh::Test
