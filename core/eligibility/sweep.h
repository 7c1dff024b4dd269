#pragma once

#include "core/eligibility/eligibilityservice.h"

#include <functional>

namespace VinhDanh::Core::Eligibility {

/// What the candidates sweep reads. Needed: only the rows the in-force rules can look at
/// (sweepNeeds / loadForSweep in history.h), what Service::candidates uses. Everything: the whole
/// registry (loadAll), the straightforward path, kept so a test can prove both list the same.
enum class SweepLoad { Needed, Everything };

QList<Candidate> sweepCandidates(Database &db, int year, qint64 movementId, SweepLoad load,
                                 const std::function<void(int done, int total)> &progress = {});

} // namespace VinhDanh::Core::Eligibility
