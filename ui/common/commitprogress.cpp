#include "ui/common/commitprogress.h"

#include <QApplication>

namespace VinhDanh::Ui {

CommitProgress::CommitProgress(QWidget *parent, const QString &label, const QString &title, int total)
    : m_dialog(label, QCoreApplication::translate("QProgressDialog", "Cancel"), 0, total, parent)
{
    m_dialog.setObjectName(QStringLiteral("importProgress"));
    m_dialog.setWindowTitle(title);
    m_dialog.setWindowModality(Qt::WindowModal);
    m_dialog.setMinimumDuration(0);
    m_dialog.setAutoReset(false);
    QObject::connect(&m_dialog, &QProgressDialog::canceled, &m_dialog, [this] { m_cancel = true; });
    m_dialog.show();
}

void CommitProgress::step(int done, int total)
{
    Q_UNUSED(total);
    m_dialog.setValue(done);
    QApplication::processEvents();
    // Cancel (button or Escape) resets the dialog without always emitting canceled().
    if (m_dialog.wasCanceled())
        m_cancel = true;
}

} // namespace VinhDanh::Ui
