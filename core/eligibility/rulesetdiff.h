#pragma once

#include <QStringList>

namespace VinhDanh::Core::Eligibility {

struct RuleSet;

/// What changed from one version of a rule set to another, in words a clerk reads: the award
/// forms whose standards were added, removed or changed (by the form's name and who receives
/// it), and whether the standards common to every form, the citations or the date in force
/// changed. Empty when only the version number differs. Both texts are kept whole in the
/// database (and in the audit log), so the summary can always be worked out again.
QStringList describeChanges(const RuleSet &before, const RuleSet &after);

} // namespace VinhDanh::Core::Eligibility
