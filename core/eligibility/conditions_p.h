#pragma once

// Internal to the condition primitives (conditions.cpp: counts over ratings, titles, awards and
// initiatives, and the composites; conditionsstanding.cpp: who the nominee is and their
// standing — category, a collective's members, discipline, the emulation bloc).
#include "core/eligibility/evaluator.h"

#include <QDate>
#include <QString>

namespace VinhDanh::Core::Eligibility::Parts {

/// An award form's name as the registry knows it (the code when unknown).
QString formName(const Context &ctx, const QString &code);
/// A date as a clerk writes it.
QString dateText(const QDate &d);
/// Sets the progress text and counts (done capped at needed).
void setCount(ConditionResult &r, const QString &text, int done, int needed);
/// A result for `c` with its id (and its description when explaining).
ConditionResult start(const Condition &c, const Context &ctx);
Verdict met(bool ok);

ConditionResult memberShare(const Condition &c, const Context &ctx);
ConditionResult memberDiscipline(const Condition &c, const Context &ctx);
ConditionResult noDiscipline(const Condition &c, const Context &ctx);
ConditionResult recipient(const Condition &c, const Context &ctx);
ConditionResult inEmulationBloc(const Condition &c, const Context &ctx);
/// The text with the nominee's emulation bloc named in it.
QString withBloc(QString text, const Context &ctx);

} // namespace VinhDanh::Core::Eligibility::Parts
