#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace VinhDanh::Core {
class Database;
class Query;
} // namespace VinhDanh::Core

// Internal helpers shared by the council and decision repositories (not a public API): how
// timestamps are stored, how a nominee's or awardee's person/unit is named, and the order of
// award levels.
namespace VinhDanh::Core::Workflow::Rows {

/// Now, as timestamps are stored: ISO UTC with milliseconds.
QString nowText();
QDateTime timeFrom(const QVariant &value);

/// Joins that name the person or unit of a row `alias` with person_id/unit_id columns; pair
/// with subjectColumns(), which selects five columns: key, name, position, the person's unit,
/// the unit's parent.
QString subjectJoins(const QString &alias);
QString subjectColumns();
/// "Trưởng phòng, Sở Nội vụ" for a person, the parent unit for a unit (from subjectColumns()).
QString subjectContext(const Query &q, int firstColumn);

/// co_so < tinh < trung_uong < nha_nuoc (award_forms.level); -1 for an unknown level.
int levelRank(const QString &level);

} // namespace VinhDanh::Core::Workflow::Rows
