#pragma once

#include "core/domain/movement.h"

#include <QMap>
#include <QString>

/// A movement as an HTML page for reading on screen (the movements view's detail pane) and
/// for printing. Pure QtCore: the caller loads the text into a QTextBrowser/QTextDocument.
namespace VinhDanh::Core::MovementHtml {

/// Renders every part of the plan: document facts, legal bases, phases, contents, nominee
/// categories, award forms per occasion, the full standards grouped by award and category,
/// and notes. `awardNames` maps award-form codes to names (RecordRepository::awardForms());
/// a code missing from it is shown as the code. All data is HTML-escaped; fixed labels are
/// translated in the context "MovementHtml".
QString render(const Movement &movement, const QMap<QString, QString> &awardNames);

} // namespace VinhDanh::Core::MovementHtml
