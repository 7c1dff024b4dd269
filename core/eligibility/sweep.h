#pragma once

#include "core/eligibility/eligibilityservice.h"

#include <functional>

namespace VinhDanh::Core::Eligibility {

/// What the candidates sweep reads. Needed: only the rows the in-force rules can look at
/// (sweepNeeds / loadForSweep in history.h), what Service::candidates uses on SQLite. Streamed:
/// the same rows summed up per person by the server and swept a share at a time
/// (streamForSweep), what it uses on PostgreSQL. Everything: the whole registry (loadAll), the
/// straightforward path, kept so a test can prove all three list the same.
enum class SweepLoad { Needed, Everything, Streamed };

/// `streamShare`: about how many people a Streamed sweep holds at a time (tests make it small).
QList<Candidate> sweepCandidates(Database &db, int year, qint64 movementId, SweepLoad load,
                                 const std::function<void(int done, int total)> &progress = {}, int streamShare = 10000);

} // namespace VinhDanh::Core::Eligibility
