#pragma once

#include <QProgressDialog>

#include <atomic>

namespace VinhDanh::Ui {

/// The progress of an all-or-nothing import committed in the GUI thread (the staff, unit,
/// award and discipline lists, a dossier's nominee list). The core commit calls step() after
/// each row; step() moves the bar and handles the dialog's events, so its Cancel (button or Esc)
/// sets cancelFlag(), which the commit reads before the next row and then rolls back.
class CommitProgress
{
public:
    CommitProgress(QWidget *parent, const QString &label, const QString &title, int total);

    void step(int done, int total);
    const std::atomic_bool *cancelFlag() const { return &m_cancel; }
    void close() { m_dialog.close(); }

private:
    QProgressDialog m_dialog;
    std::atomic_bool m_cancel{false};
};

} // namespace VinhDanh::Ui
