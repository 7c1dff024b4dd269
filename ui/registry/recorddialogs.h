#pragma once

#include "core/registry/registry.h"
#include "ui/registry/formdialog.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class DateField;

/// The task rating of one year (insert or replace). When editing, the year is fixed: a
/// different year is a different rating.
///
/// Like every form of a versioned record, the four forms here resolve a lost race with the
/// clerk (FormDialog): the fields that differ, then keep theirs or overwrite with mine.
class RatingDialog : public FormDialog
{
    Q_OBJECT
public:
    RatingDialog(Core::Database &db, const Core::Rating &rating, bool editing, QWidget *parent = nullptr);

protected:
    QStringList check() const override;
    void save() override;
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Rating collect() const;
    void fill();
    Core::Database &m_db;
    Core::Rating m_rating;
    QSpinBox *m_year;
    QComboBox *m_value;
    QLineEdit *m_note;
};

/// One entry of the award ledger: form, kind, year, decision, authority, movement.
class AwardDialog : public FormDialog
{
    Q_OBJECT
public:
    /// `award.subject` says whose ledger; award.id 0 adds an entry.
    AwardDialog(Core::Database &db, const Core::Award &award, QWidget *parent = nullptr);

protected:
    QStringList check() const override;
    void save() override;
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Award collect() const;
    void fill();
    Core::Database &m_db;
    Core::Award m_award;
    QComboBox *m_form;
    QComboBox *m_kind;
    QSpinBox *m_year;
    QLineEdit *m_decisionNo;
    DateField *m_decisionDate;
    QLineEdit *m_authority;
    QComboBox *m_movement;
    QLineEdit *m_note;
};

/// An initiative (sáng kiến) recognised by a decision; its holders are kept as they are,
/// and a new one is held by the person whose page opened the form.
class InitiativeDialog : public FormDialog
{
    Q_OBJECT
public:
    InitiativeDialog(Core::Database &db, const Core::Initiative &initiative, QWidget *parent = nullptr);

protected:
    QStringList check() const override;
    void save() override;
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Initiative collect() const;
    void fill();
    Core::Database &m_db;
    Core::Initiative m_initiative;
    QLineEdit *m_title;
    QComboBox *m_level;
    QLineEdit *m_decisionNo;
    DateField *m_decisionDate;
    QLineEdit *m_note;
};

/// A disciplinary measure, which blocks awards while in force (an empty end date).
class DisciplineDialog : public FormDialog
{
    Q_OBJECT
public:
    DisciplineDialog(Core::Database &db, const Core::Discipline &discipline, QWidget *parent = nullptr);

protected:
    QStringList check() const override;
    void save() override;
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Discipline collect() const;
    void fill();
    Core::Database &m_db;
    Core::Discipline m_discipline;
    QComboBox *m_kind;
    DateField *m_start;
    DateField *m_end;
    QLineEdit *m_decisionNo;
    QLineEdit *m_note;
};

} // namespace VinhDanh::Ui
