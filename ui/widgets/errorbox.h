#pragma once

#include <QLoggingCategory>
#include <QString>

class QWidget;

namespace VinhDanh::Core {
class Error;
}

namespace VinhDanh::Ui {

/// What the UI writes to the log: every error a box showed, with its detail.
Q_DECLARE_LOGGING_CATEGORY(vinhdanhUi)

/// The one way the UI shows a Core::Error: a modal warning box titled `what` (what the clerk
/// was doing, e.g. "Save the unit"), whose text is the error's translated message and whose
/// "Show Details…" holds its detail() (the driver's words, for support). The same is written
/// to the "vinhdanh.ui" logging category, so a clerk's report can be matched to the log.
void showError(QWidget *parent, const QString &what, const Core::Error &error);

/// The same for a refusal the UI itself words (no Core::Error at hand): box and log line.
void showError(QWidget *parent, const QString &what, const QString &message, const QString &detail = {});

/// The two halves of showError, for an error logged at once and shown later (ui/common/application.h):
/// the log line (critical for a database failure), and the box alone.
void logError(const QString &what, const QString &message, const QString &detail, bool databaseFailed);
void showErrorBox(QWidget *parent, const QString &what, const QString &message, const QString &detail);

/// An error shown in place (a label, a problem list) rather than in a box: written to the log
/// as showError writes it, under `what` (what the screen was reading, for support: English,
/// not shown), and its message returned for the widget.
QString shownInPlace(const char *what, const Core::Error &error);

} // namespace VinhDanh::Ui
