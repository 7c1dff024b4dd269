#pragma once

#include "core/db/database.h"
#include "core/eligibility/eligibilityservice.h"

#include <QThread>

#include <atomic>

namespace VinhDanh::Ui {

/// Runs Eligibility::Service::candidates off the GUI thread, so the window stays responsive
/// while a province of 100,000 people is swept. A Database connection belongs to the thread
/// that opened it (SQLite connections are per thread), so the sweep opens its own from the
/// same ConnectionSettings and closes it before the thread ends. It carries the GUI
/// connection's session over, so a clerk's sweep lists their own subtree only.
/// Read results(), error() and wasCancelled() after QThread::finished.
class CandidatesSweep : public QThread
{
    Q_OBJECT
public:
    CandidatesSweep(const Core::ConnectionSettings &settings, const Core::Session &session, int year, qint64 movementId,
                    QObject *parent = nullptr);
    ~CandidatesSweep() override;

    /// Asks the sweep to stop at its next progress report; its results are then dropped.
    void cancel() { m_cancel = true; }
    bool wasCancelled() const { return m_cancel; }
    const QList<Core::Eligibility::Candidate> &results() const { return m_results; }
    QString error() const { return m_error; }

signals:
    /// From the sweep's thread (connect queued); at most about once per percent.
    void progressed(int done, int total);

protected:
    void run() override;

private:
    Core::ConnectionSettings m_settings;
    Core::Session m_session;
    int m_year;
    qint64 m_movementId;
    std::atomic<bool> m_cancel{false};
    QList<Core::Eligibility::Candidate> m_results;
    QString m_error;
};

} // namespace VinhDanh::Ui
