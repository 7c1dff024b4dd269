#include "ui/widgets/errorbox.h"

#include "core/error.h"

#include <QMessageBox>

namespace VinhDanh::Ui {

Q_LOGGING_CATEGORY(vinhdanhUi, "vinhdanh.ui", QtWarningMsg)

namespace {
void logError(bool databaseFailed, const QString &what, const QString &message, const QString &detail)
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

void showBox(QWidget *parent, const QString &what, const QString &message, const QString &detail)
{
    QMessageBox box(QMessageBox::Warning, what, message, QMessageBox::Ok, parent);
    // The detail stays out of the text (it is the driver's English) but one click away;
    // QMessageBox adds its "Show Details…" button only when there is some.
    if (!detail.isEmpty())
        box.setDetailedText(detail);
    box.exec();
}
} // namespace

void showError(QWidget *parent, const QString &what, const Core::Error &error)
{
    logError(dynamic_cast<const Core::DatabaseError *>(&error) != nullptr, what, error.message(), error.detail());
    showBox(parent, what, error.message(), error.detail());
}

QString shownInPlace(const char *what, const Core::Error &error)
{
    logError(dynamic_cast<const Core::DatabaseError *>(&error) != nullptr, QString::fromLatin1(what), error.message(), error.detail());
    return error.message();
}

void showError(QWidget *parent, const QString &what, const QString &message, const QString &detail)
{
    logError(false, what, message, detail);
    showBox(parent, what, message, detail);
}

} // namespace VinhDanh::Ui
