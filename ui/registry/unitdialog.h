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

/// New/edit form for a unit: name, kind, parent, emulation bloc (with a way to add one),
/// valid from/to (either may be empty) and the unit it was merged into or renamed to.
class UnitDialog : public FormDialog
{
    Q_OBJECT
public:
    /// unitId 0 creates a new unit.
    UnitDialog(Core::Database &db, qint64 unitId = 0, QWidget *parent = nullptr);

    /// The saved unit's id (after accept()).
    qint64 unitId() const { return m_unit.id; }
    /// Presets the parent of a new unit (e.g. a department inside the open unit).
    void setParentUnit(qint64 parentId);

protected:
    QStringList check() const override;
    void save() override;
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Unit collect() const;
    void fill();
    void loadBlocs(qint64 selectId);
    void addBloc();

    Core::Database &m_db;
    Core::Unit m_unit;
    QLineEdit *m_name;
    QComboBox *m_kind;
    UnitPicker *m_parent;
    QComboBox *m_bloc;
    DateField *m_validFrom;
    DateField *m_validTo;
    UnitPicker *m_succeededBy;
};

/// The small form behind "New bloc…": an emulation cluster or bloc's name and kind.
class BlocDialog : public FormDialog
{
    Q_OBJECT
public:
    explicit BlocDialog(Core::Database &db, QWidget *parent = nullptr);
    qint64 blocId() const { return m_bloc.id; }

protected:
    QStringList check() const override;
    void save() override;

private:
    Core::Database &m_db;
    Core::Bloc m_bloc;
    QLineEdit *m_name;
    QComboBox *m_kind;
};

} // namespace VinhDanh::Ui
