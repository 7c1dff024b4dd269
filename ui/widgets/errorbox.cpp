#include "ui/widgets/errorbox.h"

#include "core/error.h"

#include <QMessageBox>

namespace VinhDanh::Ui {

Q_LOGGING_CATEGORY(vinhdanhUi, "vinhdanh.ui", QtWarningMsg)

void logError(const QString &what, const QString &message, const QString &detail, bool databaseFailed)
{
    // A database failure is logged as critical: it is the case support asks about, while a
    // refusal (a rule, bad input) is the clerk's to fix.
    const QString line = detail.isEmpty() ? QStringLiteral("%1: %2").arg(what, message)
                                          : QStringLiteral("%1: %2 [detail: %3]").arg(what, message, detail);
    if (databaseFailed)
        qCCritical(vinhdanhUi).noquote() << line;
    else
        qCWarning(vinhdanhUi).noquote() << line;
}

void showErrorBox(QWidget *parent, const QString &what, const QString &message, const QString &detail)
{
    QMessageBox box(QMessageBox::Warning, what, message, QMessageBox::Ok, parent);
    // The detail stays out of the text (it is the driver's English) but one click away;
    // QMessageBox adds its "Show Details…" button only when there is some.
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    box.exec();
}

void showError(QWidget *parent, const QString &what, const Core::Error &error)
{
    logError(what, error.message(), error.detail(), dynamic_cast<const Core::DatabaseError *>(&error) != nullptr);
    showErrorBox(parent, what, error.message(), error.detail());
}

QString shownInPlace(const char *what, const Core::Error &error)
{
    logError(QString::fromLatin1(what), error.message(), error.detail(), dynamic_cast<const Core::DatabaseError *>(&error) != nullptr);
    return error.message();
}

void showError(QWidget *parent, const QString &what, const QString &message, const QString &detail)
{
    logError(what, message, detail, false);
    showErrorBox(parent, what, message, detail);
}

} // namespace VinhDanh::Ui
