#pragma once

#include "core/auditlog/auditlog.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTableWidget;

namespace VinhDanh::Ui {

class AuditModel;
class DateField;

/// Leaders' and administrators' window on the audit log: filters (who, table, record, date
/// range, kind of change), the matching rows newest first (paged), the selected row's values
/// before and after side by side, and Export CSV of everything the filter matches.
class AuditView : public QDialog
{
    Q_OBJECT
public:
    explicit AuditView(Core::Database &db, QWidget *parent = nullptr);

    AuditModel *model() const { return m_model; }
    /// The filter the fields describe now.
    Core::AuditFilter currentFilter() const;
    /// Writes every row matching the filter to `path` as CSV (Core::AuditLog::exportEntries):
    /// CCCD numbers and birth dates masked unless an administrator ticked unmaskedBox(). The
    /// export is recorded in the audit log. Returns the error message, empty on success.
    QString exportCsv(const QString &path);
    /// "Include CCCD numbers and birth dates": shown to administrators only.
    QCheckBox *unmaskedBox() const { return m_unmasked; }

    /// The line above the table: the hash chain's state after the last Verify.
    QString chainState() const;

public slots:
    void applyFilter();
    /// Walks the audit log's hash chain (Core::AuditChain) and shows the result, or the
    /// first broken link, in the line above the table.
    void verifyChain();
    void exportCsvAs();

private:
    void showDetail();
    void fillFilters();
    /// The log read again after a change, the selected entry kept.
    void reloadKeepingSelection();

    Core::Database &m_db;
    AuditModel *m_model;
    QComboBox *m_actor;
    QComboBox *m_table;
    QLineEdit *m_record;
    DateField *m_from;
    DateField *m_to;
    QComboBox *m_action;
    QLabel *m_status;
    QLabel *m_chain;
    QCheckBox *m_unmasked;
    QTableView *m_view;
    QTableWidget *m_detail;
};

} // namespace VinhDanh::Ui
