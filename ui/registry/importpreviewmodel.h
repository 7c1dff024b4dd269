#pragma once

// The import dialog's preview model (ui/registry/importtabledialog.cpp), kept apart so the
// dialog stays small. Its headers are the dialog's strings (ImportTableDialog::tr).

#include "core/tables/unitimport.h"
#include "ui/registry/importtabledialog.h"

#include <QAbstractTableModel>
#include <QBrush>
#include <QColor>
#include <QList>

namespace VinhDanh::Ui {

namespace Tables = Core::Tables;

/// The preview's rows, one line per sheet row: row number, status in words, name, unit as
/// written, and what the row changes or why it is refused. Qt::UserRole on the status column
/// gives the status code (tests and colouring; never shown).
class ImportPreviewModel : public QAbstractTableModel
{
public:
    enum Column { RowNumber, Status, Name, Unit, Details, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    /// `units`: the rows of a unit list (their own name, and their parent in the "Unit" column).
    /// `statusText`: the status words of another list (awards, disciplines); null = staff or units.
    void reset(const QList<Tables::PreviewRow> &rows, int unitColumn, bool units, QString (*statusText)(Tables::RowStatus) = nullptr)
    {
        beginResetModel();
        m_rows = rows;
        m_unitColumn = unitColumn;
        m_units = units;
        m_statusText = statusText;
        endResetModel();
        emit headerDataChanged(Qt::Horizontal, Name, Unit);
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Tables::PreviewRow &r = m_rows.at(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case RowNumber: return r.sheetRow;
            case Status:
                return m_statusText ? m_statusText(r.status)
                       : m_units    ? Tables::unitStatusText(r.status)
                                    : Tables::statusText(r.status);
            case Name: return r.name;
            case Unit: return m_unitColumn >= 0 && m_unitColumn < r.cells.size() ? r.cells.at(m_unitColumn) : QString();
            case Details: return Tables::reasonsText(r.detailLines());
            }
        } else if (role == Qt::ToolTipRole && index.column() == Details && (!r.reasons.isEmpty() || !r.warnings.isEmpty())) {
            return r.detailLines().join(QLatin1Char('\n'));
        } else if (role == Qt::UserRole && index.column() == Status) {
            return Tables::statusCode(r.status);
        } else if (role == Qt::ForegroundRole && r.status == Tables::RowStatus::Error) {
            return QBrush(QColor(0xb0, 0x00, 0x20));
        } else if (role == Qt::ForegroundRole && !r.warnings.isEmpty()) {
            return QBrush(QColor(0x8a, 0x4b, 0x00)); // amber: importable, but look first
        } else if (role == Qt::TextAlignmentRole && index.column() == RowNumber) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case RowNumber: return ImportTableDialog::tr("Row");
        case Status: return ImportTableDialog::tr("Status");
        case Name: return m_units ? ImportTableDialog::tr("Unit name") : ImportTableDialog::tr("Full name");
        case Unit: return m_units ? ImportTableDialog::tr("Parent unit") : ImportTableDialog::tr("Unit");
        case Details: return ImportTableDialog::tr("What changes / why refused");
        }
        return {};
    }

private:
    QList<Tables::PreviewRow> m_rows;
    int m_unitColumn = -1;
    bool m_units = false;
    QString (*m_statusText)(Tables::RowStatus) = nullptr;
};

} // namespace VinhDanh::Ui
