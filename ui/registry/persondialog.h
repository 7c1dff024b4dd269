#pragma once

#include "core/registry/registry.h"
#include "ui/registry/formdialog.h"

class QComboBox;
class QLineEdit;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class DateField;
class UnitPicker;

/// New/edit form for a person: full name, gender, birth date and CCCD (both optional; this
/// form and the person's page are the only places they appear), unit, position, category.
class PersonDialog : public FormDialog
{
    Q_OBJECT
public:
    /// personId 0 creates a new person, placed in `unitId` when given.
    PersonDialog(Core::Database &db, qint64 personId = 0, qint64 unitId = 0, QWidget *parent = nullptr);

    qint64 personId() const { return m_person.id; }

protected:
    QStringList check() const override;
    void save() override;
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Person collect() const;
    void fill();

    Core::Database &m_db;
    Core::Person m_person;
    QLineEdit *m_fullName;
    QComboBox *m_gender;
    DateField *m_birthDate;
    QLineEdit *m_cccd;
    UnitPicker *m_unit;
    QLineEdit *m_position;
    QComboBox *m_category;
};

} // namespace VinhDanh::Ui
