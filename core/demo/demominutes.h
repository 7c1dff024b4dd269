#pragma once

// Private to core/demo: the bình xét minutes of the demo season (demominutes.cpp).
#include "core/eligibility/eligibilityservice.h"

#include <QList>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Core::DemoDetail {

/// Records, for the top-level units with candidates (`roots`, most first), the bình xét
/// minutes of `year`: each names the people and units of its subtree the season proposed
/// (dossier nominees of the year) and others the sweep found (`candidates`, whose proposing
/// unit is `candidateRoots`), then confirms from it the facts of the year, so that the
/// province's candidates list shows eligible people. Returns how many minutes it recorded.
int recordSeasonMinutes(Database &db, int year, const QList<Eligibility::Candidate> &candidates, const QList<qint64> &candidateRoots,
                        const QList<qint64> &roots);

} // namespace VinhDanh::Core::DemoDetail
