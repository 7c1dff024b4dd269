#pragma once

#include <QDialog>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <functional>

namespace VinhDanh::Ui {

/// One field of a record two people saved at once: what this clerk typed, what is stored now.
struct ConflictField
{
    QString label;
    QString mine;
    QString theirs;
};

/// One field of a versioned record as its form shows it: the label, the stored column (as
/// ConflictError::stored() and Core::Versioning::columns() name it) and how a value of it is
/// shown (a code's label, a unit's name, a date); no `show` = the value as text.
struct ConflictColumn
{
    QString label;
    const char *column;
    std::function<QString(const QVariant &)> show = {};
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
    /// The rows of a record's form: each column's value in `mine` (what the form would save)
    /// against `theirs` (what is stored now), both shown the same way, so only real changes differ.
    static QList<ConflictField> fields(const QList<ConflictColumn> &columns, const QVariantMap &mine, const QVariantMap &theirs);

private:
    Choice m_choice = Cancel;
};

} // namespace VinhDanh::Ui
