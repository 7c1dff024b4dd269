#pragma once

#include "core/registry/registry.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QRadioButton;
class QStackedWidget;
class QTableView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class PersonListModel;
class UnitListModel;

/// Chooses a nominee: a person or a unit, found by typing part of the name or key with or
/// without accents. The lists are the registry's own paged models (PersonListModel,
/// UnitListModel), so the filter, the Vietnamese order and the paging are the registry's.
class SubjectPicker : public QWidget
{
    Q_OBJECT
public:
    explicit SubjectPicker(Core::Database &db, QWidget *parent = nullptr);
    ~SubjectPicker() override;

    /// The chosen person or unit; both ids 0 while nothing is chosen.
    Core::Subject subject() const { return m_subject; }
    QString subjectName() const { return m_name; }
    /// Shows an existing choice (the list keeps its own rows).
    void setSubject(const Core::Subject &subject, const QString &name);

    QRadioButton *personButton() const { return m_personButton; }
    QRadioButton *unitButton() const { return m_unitButton; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// The list shown: people or units (each its own view, so each remembers its columns).
    QTableView *table() const { return m_table; }
    /// Applies the typed filter now instead of after the typing delay.
    void applyFilter();
    /// Chooses the listed row (as a click on it does).
    void chooseRow(int row);

signals:
    void subjectChanged();

private:
    void kindChanged();
    void rowChosen();

    PersonListModel *m_people;
    UnitListModel *m_units;
    QRadioButton *m_personButton;
    QRadioButton *m_unitButton;
    QLineEdit *m_filter;
    QStackedWidget *m_lists;
    QTableView *m_peopleTable;
    QTableView *m_unitsTable;
    QTableView *m_table; // the one of the two shown
    QLabel *m_chosen;
    QTimer m_filterTimer;
    Core::Subject m_subject;
    QString m_name;
};

} // namespace VinhDanh::Ui
