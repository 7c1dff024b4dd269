#pragma once

// Helpers for the widget tests: typing Vietnamese into a widget, answering the message boxes a
// view opens, waiting for a debounce timer, and seeding a database through the repositories.

#include "core/registry/registry.h"

#include <QList>
#include <QMap>
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

/// The Alt+letter of a text: the character after a single "&" ("&&" is a literal ampersand).
QChar mnemonicOf(const QString &text);
/// Every text with an Alt+letter that `window` answers to now: its menu bar, the tabs of every
/// tab bar shown, the buttons and group boxes shown, and labels that name a field.
QMap<QChar, QStringList> mnemonics(QWidget *window);
/// The letters two of those texts share, one line each ("where – Alt+x: A | B").
QStringList collisions(QWidget *window, const QString &where);

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
    ModelTestLog()
    {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&ModelTestLog::handler);
    }
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
