#pragma once

#include "core/domain/codes.h"
#include "core/registry/unitrepository.h"

#include <QComboBox>
#include <QDate>
#include <QLineEdit>

class QLabel;

namespace VinhDanh::Ui {

/// A date typed as dd/MM/yyyy (also d/M/yyyy, d.M.yyyy, d-M-yyyy or ddMMyyyy), where an
/// empty field means "no date". Clerks type dates faster than they click through a QDateEdit,
/// and a QDateEdit cannot be empty.
class DateField : public QLineEdit
{
    Q_OBJECT
public:
    explicit DateField(QWidget *parent = nullptr);

    /// The date, or a null QDate when the field is empty or cannot be read.
    QDate date() const;
    void setDate(const QDate &date);
    /// True when the field is empty or holds a readable date.
    bool isAcceptable() const;

    static QDate parse(const QString &text);
    static QString format(const QDate &date); // dd/MM/yyyy, empty for a null date
};

/// An editable unit chooser for forms and filters: a combo of UnitRepository::names() whose
/// completer matches anywhere in the name, ignoring case and diacritics ("so noi vu" finds
/// "Sở Nội vụ"). The first entry means "no unit" and is labelled by the caller.
class UnitPicker : public QComboBox
{
    Q_OBJECT
public:
    explicit UnitPicker(QWidget *parent = nullptr);

    /// Fills the list; `excludeId` (the unit being edited) is left out.
    void setUnits(const QList<Core::IdName> &units, const QString &noneText, qint64 excludeId = 0);
    void setUnitId(qint64 id);
    /// 0 when empty or "no unit" is chosen, -1 when the typed text names no unit.
    qint64 unitId() const;

private:
    void resolveTypedText();
};

/// Fills a combo with the labels of a code set, the code as item data. With `emptyText`
/// the first entry stands for "not given" (empty code).
void fillCodes(QComboBox *combo, Core::Codes::Set set, const QString &emptyText = {});
/// The code (item data) of the current entry.
QString currentCode(const QComboBox *combo);
/// Selects the entry whose data is `value` (the first entry when none matches).
void selectData(QComboBox *combo, const QVariant &value);

/// The red label forms use to list what stops a save. Hidden while there is nothing to say.
QLabel *makeProblemLabel(QWidget *parent);
void showProblems(QLabel *label, const QStringList &problems);

/// The "not a readable date" sentence for a field, shared by every form.
QString badDateMessage(const QString &fieldLabel, const QString &text);

} // namespace VinhDanh::Ui
