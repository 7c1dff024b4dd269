#include "ui/widgets/printbutton.h"

#include "ui/widgets/documentdialog.h"

#include <QMenu>

namespace VinhDanh::Ui {

PrintButton::PrintButton(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("printDocuments"));
    setText(tr("Print / save…"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    // The whole button opens the menu: there is no "default" document to guess.
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    setEnabled(false);
}

QAction *PrintButton::addDocument(const QString &kindCode, const QString &label)
{
    QAction *action = menu()->addAction(label);
    action->setObjectName(QStringLiteral("print_") + kindCode);
    connect(action, &QAction::triggered, this, [this, kindCode] { openDocument(kindCode); });
    return action;
}

QAction *PrintButton::documentAction(const QString &kindCode) const
{
    return menu()->findChild<QAction *>(QStringLiteral("print_") + kindCode, Qt::FindDirectChildrenOnly);
}

void PrintButton::setRecord(Core::Database *db, qint64 recordId, const QString &whyNot)
{
    m_db = db;
    m_recordId = recordId;
    const bool possible = db && recordId > 0;
    setEnabled(possible);
    setToolTip(possible ? tr("Preview, print or save the official documents made from this record") : whyNot);
}

void PrintButton::openDocument(const QString &kindCode)
{
    if (!m_db || m_recordId <= 0)
        return;
    int year = 0;
    QString occasion = QStringLiteral("annual");
    if (m_chooser && !m_chooser(&year, &occasion))
        return;
    DocumentDialog::show(window(), *m_db, kindCode, m_recordId, year, occasion);
}

} // namespace VinhDanh::Ui
