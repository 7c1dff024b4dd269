#pragma once

#include <QApplication>

namespace VinhDanh::Ui {

/// The desktop program's application object. Its one addition is a net under the event loop:
/// a Core::Error that escapes a slot or an event handler (a read refused because another
/// program holds the tables, a server gone away) is logged at once and shown to the clerk in
/// the usual error box, and the program goes on instead of ending with everything unsaved.
/// Pages still catch the errors they expect and word them for their task; this is only for
/// the ones nobody expected, and only at the outermost event: an error inside a nested loop
/// (a progress bar's processEvents() during an import) still unwinds to the code that started
/// that loop, as before, so its transaction is rolled back rather than carried on half-failed.
/// One box at a time: a timer that fails on every tick shows one box, not a stack of them.
class Application : public QApplication
{
    Q_OBJECT
public:
    Application(int &argc, char **argv);
    bool notify(QObject *receiver, QEvent *event) override;

    /// Tests: let such errors through as before, so the test that met one fails naming it
    /// instead of waiting on a box nobody closes. The error box's own test turns it off.
    static void setLetErrorsThrough(bool through);

private:
    void showLater(const QString &message, const QString &detail, bool database);
    int m_depth = 0;
    int m_boxDepth = 0; // the depth of the shown box's events, 0 when none is shown
    bool m_showing = false;
};

} // namespace VinhDanh::Ui
