#include "ui/eligibility/candidatessweep.h"

#include "core/error.h"

namespace VinhDanh::Ui {

namespace {
/// Thrown from the progress callback to leave the engine's loop early; only this file sees it.
struct Cancelled
{};
} // namespace

CandidatesSweep::CandidatesSweep(const Core::ConnectionSettings &settings, const Core::Session &session, int year, qint64 movementId,
                                 QObject *parent)
    : QThread(parent), m_settings(settings), m_session(session), m_year(year), m_movementId(movementId)
{
}

CandidatesSweep::~CandidatesSweep()
{
    cancel();
    wait();
}

void CandidatesSweep::run()
{
    int lastPercent = -1;
    auto progress = [this, &lastPercent](int done, int total) {
        if (m_cancel)
            throw Cancelled{};
        const int percent = total > 0 ? int(qint64(done) * 100 / total) : 0;
        if (percent != lastPercent) {
            lastPercent = percent;
            emit progressed(done, total);
        }
    };
    try {
        // Opened and closed on this thread; the GUI's connection is never touched here.
        Core::Database db(m_settings, Core::Database::Mode::OpenExisting);
        // The account logged in on the GUI's connection (already checked there): without it a
        // clerk's sweep would run as nobody and list the whole province.
        db.setSession(m_session);
        const Core::Eligibility::Service service(db);
        m_results = service.candidates(m_year, m_movementId, progress);
    } catch (const Cancelled &) {
        m_results.clear();
    } catch (const Core::Error &e) {
        m_error = e.message();
    } catch (const std::exception &e) {
        m_error = QString::fromLocal8Bit(e.what()); // never let an exception end the thread
    }
    if (m_cancel)
        m_results.clear();
}

} // namespace VinhDanh::Ui
