#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "ui/registry/formdialog.h"

#include <QMap>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class DateField;
class UnitPicker;

/// A dossier's header: proposing unit, movement or the regular track, occasion, year, title,
/// letter number and date. Creates a dossier (id 0) or edits a draft's / returned one's header;
/// a lost race is resolved with the clerk like every versioned form.
class DossierDialog : public FormDialog
{
    Q_OBJECT
public:
    DossierDialog(Core::Database &db, qint64 dossierId = 0, QWidget *parent = nullptr);

    /// The saved dossier's id (after accept()).
    qint64 dossierId() const { return m_dossier.id; }
    UnitPicker *unitPicker() const { return m_unit; }
    QComboBox *movementChoice() const { return m_movement; }
    QSpinBox *yearBox() const { return m_year; }
    QLineEdit *titleEdit() const { return m_title; }

protected:
    QStringList check() const override;
    void save() override;
    QList<ConflictField> conflictFields(const Core::ConflictError &e) const override;
    bool reloadStored() override;
    bool adoptStoredVersion(int version) override;

private:
    Core::Workflow::Dossier collect() const;
    void fill();
    QString suggestedTitle() const;
    void yearChanged();
    void movementChanged();
    void occasionChanged();

    Core::Database &m_db;
    Core::Workflow::Dossier m_dossier;
    UnitPicker *m_unit;
    QComboBox *m_movement;
    QComboBox *m_occasion;
    QSpinBox *m_year;
    QLineEdit *m_title;
    QLineEdit *m_letterNo;
    DateField *m_letterDate;
    QMap<QString, int> m_reviewYears; // the chosen movement's review occasions held in a known year
    QString m_lastSuggestion;         // the title written for the clerk, replaced while untouched
};

} // namespace VinhDanh::Ui
