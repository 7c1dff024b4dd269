#include "ui/decisions/decisionlistmodel.h"

#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "ui/council/counciltext.h"

#include <QFont>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

QString signerLine(const Decision &d)
{
    QStringList parts;
    for (const QString &part : {Core::Codes::authorityPrefix(d.authority), d.signerTitle, d.signer})
        if (!part.isEmpty())
            parts << part;
    return parts.join(QLatin1Char(' '));
}

DecisionListModel::DecisionListModel(QObject *parent) : RegisterListModelOf(ColumnCount, parent) {}

QList<Decision> DecisionListModel::readAll(Core::Database &db) const
{
    return DecisionRepository(db).list();
}

QVariant DecisionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Decision &d = record(index.row());
    switch (role) {
    case IdRole: return d.id;
    case Qt::TextAlignmentRole:
        if (index.column() == AwardeesColumn || index.column() == TotalColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (!DecisionMachine::inForce(d.status)) { // drafts in italics: not in force
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole: return d.title.isEmpty() ? QVariant() : QVariant(d.title);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn: return d.number;
        case DateColumn: return CouncilText::date(d.date);
        case SummaryColumn: return d.title;
        case IssuerColumn: return d.issuer;
        case SignerColumn: return signerLine(d);
        case AwardeesColumn: return d.awardeeCount;
        case TotalColumn: return Money::amountText(d.total);
        case StatusColumn: return CouncilText::decisionStatus(d.status);
        }
        return {};
    }
    return {};
}

QVariant DecisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return RegisterListModelOf::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn: return tr("Number");
    case DateColumn: return tr("Date");
    case SummaryColumn: return tr("Summary");
    case IssuerColumn: return tr("Issuer");
    case SignerColumn: return tr("Signed by");
    case AwardeesColumn: return tr("Awardees");
    case TotalColumn: return tr("Total (VND)");
    case StatusColumn: return tr("Status");
    }
    return {};
}

} // namespace VinhDanh::Ui
