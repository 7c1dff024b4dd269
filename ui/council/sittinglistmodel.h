#pragma once

#include "core/council/sitting.h"
#include "core/decisions/decision.h"
#include "core/dossiers/dossier.h"
#include "ui/council/registerlistmodel.h"

namespace VinhDanh::Ui {

/// The council's sittings, newest first: title, date, year, members present, quorum, status.
/// An office holds a few sittings a year, so the whole list is loaded at once (no paging);
/// each row is read with its members, which the attendance and quorum columns need.
class SittingListModel : public RegisterListModelOf<Core::Workflow::Sitting>
{
    Q_OBJECT
public:
    enum Column { TitleColumn, DateColumn, YearColumn, AttendanceColumn, QuorumColumn, StatusColumn, ColumnCount };

    explicit SittingListModel(QObject *parent = nullptr);

    const Core::Workflow::Sitting &session(int row) const { return record(row); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QList<Core::Workflow::Sitting> readAll(Core::Database &db) const override;
};

/// How many members of a sitting attended.
int presentCount(const Core::Workflow::Sitting &session);

} // namespace VinhDanh::Ui
