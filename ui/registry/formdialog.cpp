#include "ui/registry/formdialog.h"

#include "core/error.h"
#include "ui/widgets/formwidgets.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

FormDialog::FormDialog(QWidget *parent)
    : QDialog(parent), m_form(new QFormLayout), m_problems(makeProblemLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problems);
    layout->addStretch();
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);
}

QString FormDialog::problemText() const
{
    return m_problems->isHidden() ? QString() : m_problems->text();
}

void FormDialog::accept()
{
    const QStringList problems = check();
    showProblems(m_problems, problems);
    if (!problems.isEmpty())
        return;
    try {
        save();
    } catch (const Core::ConflictError &e) {
        resolveConflict(e);
        return;
    } catch (const Core::Error &e) {
        showProblems(m_problems, {e.message()});
        m_problems->setToolTip(e.detail());
        return;
    }
    QDialog::accept();
}

void FormDialog::resolveConflict(const Core::ConflictError &e)
{
    showProblems(m_problems, {e.message()});
    ConflictDialog dialog(e.message(), conflictFields(e), this);
    dialog.exec();
    switch (dialog.choice()) {
    case ConflictDialog::KeepTheirs:
        if (reloadStored())
            showProblems(m_problems, {tr("The form now shows the record as the other user saved it.")});
        break;
    case ConflictDialog::OverwriteWithMine:
        if (adoptStoredVersion(e.storedVersion()))
            accept(); // saves again; another race in the meantime asks again
        break;
    case ConflictDialog::Cancel: break;
    }
}

void FormDialog::setProblems(const QStringList &problems)
{
    showProblems(m_problems, problems);
}

void FormDialog::setSaveEnabled(bool enabled)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(enabled);
}

void FormDialog::checkDate(QStringList &problems, const DateField *field, const QString &label)
{
    if (!field->isAcceptable())
        problems << badDateMessage(label, field->text());
}

} // namespace VinhDanh::Ui
