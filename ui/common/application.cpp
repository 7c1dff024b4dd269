#include "ui/common/application.h"

#include "core/error.h"
#include "ui/widgets/errorbox.h"

#include <QEvent>
#include <QThread>
#include <QTimer>

namespace VinhDanh::Ui {

namespace {
bool g_letThrough = false;

/// Counts the nesting of notify() for the time of one call, also when it throws.
struct Depth
{
    explicit Depth(int &depth) : m_depth(++depth), m_counter(depth) {}
    ~Depth() { --m_counter; }
    int m_depth;
    int &m_counter;
};
} // namespace

Application::Application(int &argc, char **argv) : QApplication(argc, argv) {}

void Application::setLetErrorsThrough(bool through)
{
    g_letThrough = through;
}

bool Application::notify(QObject *receiver, QEvent *event)
{
    // Another thread's events, or a nested loop's: as Qt does without the net.
    if (g_letThrough || QThread::currentThread() != thread())
        return QApplication::notify(receiver, event);
    const Depth depth(m_depth);
    // Caught at the outermost event, and in the error box's own loop (a page's timer that
    // fails again while the box is up is logged, instead of tearing the box down).
    if (depth.m_depth > 1 && depth.m_depth != m_boxDepth)
        return QApplication::notify(receiver, event);
    try {
        return QApplication::notify(receiver, event);
    } catch (const Core::Error &e) {
        // A window whose close handler failed stays open (a close event is accepted by default).
        if (event->type() == QEvent::Close)
            event->ignore();
        showLater(e.message(), e.detail(), dynamic_cast<const Core::DatabaseError *>(&e) != nullptr);
    }
    return false;
}

void Application::showLater(const QString &message, const QString &detail, bool database)
{
    const QString what = tr("The operation could not be completed");
    // Logged now: the box below may never show (the program was closing).
    logError(what, message, detail, database);
    if (m_showing)
        return; // one box at a time; the log has them all
    m_showing = true;
    // Queued: the box's own event loop must not run inside the handler that failed.
    QTimer::singleShot(0, this, [this, what, message, detail] {
        struct Showing // reset however the box ends
        {
            Application &app;
            ~Showing()
            {
                app.m_boxDepth = 0;
                app.m_showing = false;
            }
        } showing{*this};
        m_boxDepth = m_depth + 1; // the box's loop delivers its events one level below this one
        showErrorBox(activeWindow(), what, message, detail);
    });
}

} // namespace VinhDanh::Ui
