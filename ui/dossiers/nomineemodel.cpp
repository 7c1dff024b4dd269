#include "ui/dossiers/nomineemodel.h"

#include "core/auditlog/auditlog.h"
#include "core/domain/codes.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/eligibility/eligibilitymodel.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStyle>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

NomineeTableModel::NomineeTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void NomineeTableModel::setContent(const QList<Wf::Nominee> &nominees, const QList<Wf::Appraisal> &appraisals,
                                   const QList<Wf::Outcome> &outcomes, const QMap<QString, QString> &formNames)
{
    beginResetModel();
    m_nominees = nominees;
    m_appraisals.clear();
    for (const Wf::Appraisal &a : appraisals)
        m_appraisals.insert(a.nomineeId, a);
    m_outcomes.clear();
    for (const Wf::Outcome &o : outcomes)
        m_outcomes.insert(o.nomineeId, o);
    m_formNames = formNames;
    endResetModel();
}

const Wf::Nominee *NomineeTableModel::nomineeAt(int row) const
{
    return row >= 0 && row < m_nominees.size() ? &m_nominees.at(row) : nullptr;
}

int NomineeTableModel::rowOfId(qint64 nomineeId) const
{
    for (int row = 0; row < m_nominees.size(); ++row)
        if (m_nominees.at(row).id == nomineeId)
            return row;
    return -1;
}

const Wf::Appraisal *NomineeTableModel::appraisalOf(qint64 nomineeId) const
{
    const auto it = m_appraisals.constFind(nomineeId);
    return it == m_appraisals.constEnd() ? nullptr : &it.value();
}

int NomineeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nominees.size());
}

int NomineeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString NomineeTableModel::appraisalText(const Wf::Appraisal &appraisal)
{
    const QString verdict = appraisal.agreed ? tr("Agreed") : tr("Not agreed");
    return appraisal.overrideReason.isEmpty() ? verdict : tr("%1 (overrides the engine)").arg(verdict);
}

QVariant NomineeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Wf::Nominee &n = m_nominees.at(index.row());
    if (role == IdRole)
        return n.id;
    const Wf::Appraisal *appraisal = appraisalOf(n.id);
    const auto outcome = m_outcomes.constFind(n.id);
    const int column = index.column();
    if (role == Qt::DecorationRole) {
        Core::Eligibility::Verdict verdict = Core::Eligibility::Verdict::NotEligible;
        if (column == Verdict && WorkflowText::verdictFromCode(n.engineVerdict, &verdict))
            return EligibilityModel::stateIcon(verdict);
        if (column == Warnings && !n.warnings.isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Name: return n.context.isEmpty() ? n.name : tr("%1\n%2").arg(n.name, n.context);
        case Warnings:
            // Every warning in words, one a line (the column may show only the first ones).
            if (n.warnings.isEmpty())
                return {};
            return QString(tr("%n warning(s):", nullptr, int(n.warnings.size())) + QStringLiteral("\n• ")
                           + n.warnings.join(QStringLiteral("\n• ")));
        case ProceedReason: return n.proceedReason;
        case Appraisal:
            if (!appraisal)
                return {};
            return QStringList{appraisal->reason, appraisal->overrideReason, Core::actorWords(appraisal->appraiser)}
                .filter(QRegularExpression(QStringLiteral("\\S")))
                .join(QLatin1Char('\n'));
        case Outcome: return outcome == m_outcomes.constEnd() ? QVariant() : QVariant(outcome->reason);
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name: return n.name;
    case Kind: return Core::Codes::label(Core::Codes::Set::AwardKind, n.awardKind);
    case Form: return m_formNames.value(n.formCode, n.formCode);
    case Verdict: return WorkflowText::verdictText(n.engineVerdict);
    case Warnings: return n.warnings.join(QStringLiteral("; ")); // spelled out, not "⚠ 1"
    case ProceedReason: return n.proceedReason;
    case Appraisal: return appraisal ? appraisalText(*appraisal) : QString();
    case Outcome: return outcome == m_outcomes.constEnd() ? QString() : Wf::outcomeLabel(outcome->outcome);
    default: return {};
    }
}

QVariant NomineeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Nominee");
    case Kind: return tr("Kind");
    case Form: return tr("Award form");
    case Verdict: return tr("Engine verdict");
    case Warnings: return tr("Warnings");
    case ProceedReason: return tr("Reason to proceed");
    case Appraisal: return tr("Appraisal");
    case Outcome: return tr("Outcome");
    default: return {};
    }
}

} // namespace VinhDanh::Ui
