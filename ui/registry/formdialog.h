#pragma once

#include "ui/widgets/conflictdialog.h"

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace VinhDanh::Core {
class ConflictError;
}

namespace VinhDanh::Ui {

class DateField;

/// The shape every editing form shares: fields in a QFormLayout, a red label listing what
/// stops the save, OK/Cancel. OK first runs check() (Core::Validation plus the form's own
/// checks) and shows the problems inline; only a clean form is saved, and a Core::Error from
/// the repository (a duplicate CCCD, a lost connection) is shown the same way without
/// closing, so nothing the clerk typed is lost.
class FormDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FormDialog(QWidget *parent = nullptr);

    /// What the problem label shows now (empty when hidden); for tests and accessibility.
    QString problemText() const;

public slots:
    void accept() override;

protected:
    /// Problems that stop the save, as sentences; empty = ready to save.
    virtual QStringList check() const = 0;
    /// Writes through the repository; throws Core::Error.
    virtual void save() = 0;

    /// Forms of versioned records resolve a lost race (Core::ConflictError) with the clerk:
    /// they override these to list the fields (mine vs stored), reload the stored record into
    /// the form ("keep theirs"), and adopt the stored version ("overwrite with mine" saves
    /// again). A form that does not override them shows the conflict and saves nothing.
    virtual QList<ConflictField> conflictFields(const Core::ConflictError &) const { return {}; }
    virtual bool reloadStored() { return false; }
    virtual bool adoptStoredVersion(int /*version*/) { return false; }

    QFormLayout *form() const { return m_form; }
    /// Shows problems found outside accept(), e.g. while loading the record.
    void setProblems(const QStringList &problems);
    /// Turns OK off when the record could not be loaded: saving would overwrite it blindly.
    void setSaveEnabled(bool enabled);
    QDialogButtonBox *buttons() const { return m_buttons; }
    /// Adds the "not a date" sentence when the field holds unreadable text.
    static void checkDate(QStringList &problems, const DateField *field, const QString &label);

private:
    void resolveConflict(const Core::ConflictError &e);
    QFormLayout *m_form;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace VinhDanh::Ui
