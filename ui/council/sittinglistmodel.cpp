#include "ui/council/sittinglistmodel.h"

#include "core/council/councilrepository.h"
#include "core/proposals/registernumbers.h"
#include "ui/council/counciltext.h"

namespace VinhDanh::Ui {

using namespace Core::Workflow;

int presentCount(const Sitting &session)
{
    int n = 0;
    for (const CouncilMember &m : session.members)
        n += m.attended ? 1 : 0;
    return n;
}

SittingListModel::SittingListModel(QObject *parent) : RegisterListModelOf(ColumnCount, parent) {}

QList<Sitting> SittingListModel::readAll(Core::Database &db) const
{
    const CouncilRepository repo(db);
    QList<Sitting> rows;
    for (const Sitting &s : repo.sessions())
        rows.append(repo.session(s.id)); // with members
    return rows;
}

QVariant SittingListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Sitting &s = record(index.row());
    if (role == IdRole)
        return s.id;
    const int present = presentCount(s);
    const int members = int(s.members.size());
    if (role == Qt::ToolTipRole && index.column() == QuorumColumn)
        return CouncilText::quorumLine(present, members, s.quorumNum, s.quorumDen);
    if (role == Qt::TextAlignmentRole && index.column() != TitleColumn)
        return int(Qt::AlignCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TitleColumn: // the register number a clerk says ("Phiên 3/2026") before the title
        return Core::Workflow::Registers::text(s).isEmpty()
                   ? s.title
                   : tr("%1 — %2", "a sitting's register number — its title").arg(Core::Workflow::Registers::text(s), s.title);
    case DateColumn: return CouncilText::date(s.heldOn);
    case YearColumn: return s.year;
    case AttendanceColumn: return CouncilText::attendance(present, members);
    case QuorumColumn: return Council::quorumMet(members, present, s.quorumNum, s.quorumDen) ? tr("Yes") : tr("No");
    case StatusColumn: return CouncilText::sessionStatus(s.status);
    }
    return {};
}

QVariant SittingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RegisterListModelOf::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn: return tr("Sitting");
    case DateColumn: return tr("Date");
    case YearColumn: return tr("Year");
    case AttendanceColumn: return tr("Present");
    case QuorumColumn: return tr("Quorum");
    case StatusColumn: return tr("Status");
    }
    return {};
}

} // namespace VinhDanh::Ui
