#pragma once

#include <QDialog>
#include <QList>
#include <QString>

namespace VinhDanh::Ui {

/// One field of a record two people saved at once: what this clerk typed, what is stored now.
struct ConflictField
{
    QString label;
    QString mine;
    QString theirs;
};

/// Shown when a save lost a race (Core::ConflictError): lists the fields that differ, yours
/// against theirs, and lets the clerk keep theirs (the form reloads the stored record) or
/// overwrite with theirs on purpose (save again on the stored version). Nothing is
/// overwritten without this choice.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { Cancel, KeepTheirs, OverwriteWithMine };

    ConflictDialog(const QString &message, const QList<ConflictField> &fields, QWidget *parent = nullptr);
    Choice choice() const { return m_choice; }

    /// Only the fields whose values differ.
    static QList<ConflictField> differing(const QList<ConflictField> &fields);

private:
    Choice m_choice = Cancel;
};

} // namespace VinhDanh::Ui
