#pragma once

#include "core/registry/registry.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class DateField;
class UnitPicker;

/// "Confirm from minutes…" (issue 13 item 6), from the Candidates page and a dossier: records a
/// unit's bình xét minutes naming the chosen nominees, or picks minutes recorded already, and
/// confirms from them in one step the facts of the year (not under disciplinary review,
/// solidarity, active emulation, compliance), which then count for every award form of that
/// year. The work is Core::Eligibility::MinutesRepository's; a refusal is shown in the dialog
/// and nothing is written.
class MinutesDialog : public QDialog
{
    Q_OBJECT
public:
    MinutesDialog(Core::Database &db, const QList<Core::Subject> &subjects, int year, QWidget *parent = nullptr);

    /// Entry 0 records new minutes; the others are the year's minutes that name a nominee, then
    /// the other minutes of the nominees' unit (the unit picker's default) for that year.
    QComboBox *minutesChoice() const { return m_choice; }
    UnitPicker *unitPicker() const { return m_unit; }
    DateField *dateField() const { return m_date; }
    QLineEdit *numberEdit() const { return m_number; }
    QLineEdit *attendeesEdit() const { return m_attendees; }
    QLabel *problems() const { return m_problems; }
    /// What the last confirmation did, in a sentence (empty before one).
    QString resultText() const { return m_result; }
    /// Says that `count` selected people or units were left out because nothing of theirs
    /// awaits confirmation (the caller passes only those that do); 0 hides the note.
    void setSkipped(int count);
    QLabel *skippedNote() const { return m_skipped; }

public slots:
    /// Records (or picks) the minutes and confirms; closes on success, else shows why.
    void accept() override;

private:
    void fillChoices();
    void choiceChanged();

    Core::Database &m_db;
    QList<Core::Subject> m_subjects;
    int m_year;
    qint64 m_homeUnit = 0; // the nominees' common unit: the default, and whose minutes are offered
    QComboBox *m_choice;
    QGroupBox *m_newBox;
    UnitPicker *m_unit;
    DateField *m_date;
    QLineEdit *m_number;
    QLineEdit *m_attendees;
    QLineEdit *m_note;
    QLabel *m_problems;
    QLabel *m_skipped;
    QString m_result;
};

} // namespace VinhDanh::Ui
