#pragma once

#include "core/registry/registry.h"
#include "ui/common/recordpage.h"

#include <QDialog>

class QFormLayout;
class QLabel;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class RecordsWidget;

/// What a person's and a unit's page share: the name as a title, the details under it, the
/// achievement report and the edit button beside it, and the tabs — yearly records, awards,
/// initiatives (people), disciplines, eligibility, and the dossiers and decisions naming the
/// subject. It follows the registry's changes, here or in another program (RecordPage).
/// Window-modal; deletes itself on close. PersonPage and UnitPage fill in the details and
/// the edit dialog; a unit's page adds its people.
class SubjectPage : public QDialog, public RecordPage
{
    Q_OBJECT
public:
    const Core::Subject &subject() const { return m_subject; }
    RecordsWidget *records() const { return m_records; }

signals:
    /// The subject, one of its records (or, for a unit, one of its people) was written here.
    void changed();

protected:
    /// `report` is the achievement report's document code; `editText` the edit button's label.
    SubjectPage(Core::Database &db, const Core::Subject &subject, const QString &report, const QString &editText, QWidget *parent);

    /// Reads the subject into the title (setTitle, or that it no longer exists), the window
    /// title and the details (addDetail). Throws Core::Error.
    virtual void readDetails() = 0;
    /// Runs the subject's edit dialog; true when it wrote.
    virtual bool runEditDialog() = 0;
    /// Reads what a derived page adds (a unit's people).
    virtual void readMore() {}
    /// What the log names when the details cannot be read ("person page").
    virtual const char *logName() const = 0;

    /// Empties the details and reads them again (readDetails), showing a failure as the title.
    void loadDetails();
    /// A line of the details, "—" when empty; selectable, for copying into a letter.
    void addDetail(const QString &label, const QString &value);
    void setTitle(const QString &title);

    Core::Database &m_db;

    qint64 shownRecordId() const override { return m_subject.personId ? m_subject.personId : m_subject.unitId; }
    void readRecord(qint64 id) override;
    QString readErrorTitle() const override;

private:
    void edit();

    Core::Subject m_subject;
    QLabel *m_title;
    QFormLayout *m_details;
    RecordsWidget *m_records;
};

} // namespace VinhDanh::Ui
