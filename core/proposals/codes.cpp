// Codes and labels of the workflow: the stored code of each enum and the words clerks read.
#include "core/proposals/codes.h"

#include "core/error.h"

#include <QCoreApplication>

namespace VinhDanh::Core::Workflow {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Workflow)
};

struct StatusRow
{
    Status status;
    const char *code;
};
const StatusRow kStatuses[] = {
    {Status::Draft, "draft"},       {Status::Submitted, "submitted"}, {Status::UnderAppraisal, "under_appraisal"},
    {Status::Returned, "returned"}, {Status::Appraised, "appraised"}, {Status::BeforeCouncil, "before_council"},
    {Status::Decided, "decided"},
};

struct TransitionRow
{
    Transition transition;
    const char *code;
};
const TransitionRow kTransitions[] = {
    {Transition::Submit, "submit"},           {Transition::Recall, "recall"},     {Transition::StartAppraisal, "start_appraisal"},
    {Transition::Return, "return"},           {Transition::Resubmit, "resubmit"}, {Transition::FinishAppraisal, "finish_appraisal"},
    {Transition::PutToCouncil, "to_council"}, {Transition::Decide, "decide"},
};

struct KindRow
{
    DocumentKind kind;
    const char *code;
};
const KindRow kKinds[] = {
    {DocumentKind::ToTrinh, "to_trinh"}, {DocumentKind::DanhSach, "danh_sach"}, {DocumentKind::BaoCaoThanhTich, "bao_cao_thanh_tich"},
    {DocumentKind::BienBan, "bien_ban"}, {DocumentKind::Other, "khac"},
};
} // namespace

QString statusCode(Status s)
{
    for (const StatusRow &r : kStatuses)
        if (r.status == s)
            return QString::fromLatin1(r.code);
    return {};
}

QString statusSql(Status s)
{
    return QLatin1Char('\'') + statusCode(s) + QLatin1Char('\'');
}

Status statusFromCode(const QString &code)
{
    for (const StatusRow &r : kStatuses)
        if (code == QLatin1String(r.code))
            return r.status;
    QStringList codes;
    for (const StatusRow &r : kStatuses)
        codes << QString::fromLatin1(r.code);
    throw Error(Tr::tr("Unknown dossier status \"%1\"; use one of: %2.").arg(code, codes.join(QStringLiteral(", "))));
}

QString statusLabel(Status s)
{
    switch (s) {
    case Status::Draft: return Tr::tr("Draft");
    case Status::Submitted: return Tr::tr("Submitted");
    case Status::UnderAppraisal: return Tr::tr("Under appraisal");
    case Status::Returned: return Tr::tr("Returned for supplement");
    case Status::Appraised: return Tr::tr("Appraised");
    case Status::BeforeCouncil: return Tr::tr("Before the council");
    case Status::Decided: return Tr::tr("Decided");
    }
    return {};
}

QList<Status> allStatuses()
{
    QList<Status> out;
    for (const StatusRow &r : kStatuses)
        out << r.status;
    return out;
}

QString transitionCode(Transition t)
{
    for (const TransitionRow &r : kTransitions)
        if (r.transition == t)
            return QString::fromLatin1(r.code);
    return {};
}

bool transitionFromCode(const QString &code, Transition *out)
{
    for (const TransitionRow &r : kTransitions)
        if (code == QLatin1String(r.code)) {
            if (out)
                *out = r.transition;
            return true;
        }
    return false;
}

QString transitionLabel(Transition t)
{
    switch (t) {
    case Transition::Submit: return Tr::tr("Submit");
    case Transition::Recall: return Tr::tr("Recall");
    case Transition::StartAppraisal: return Tr::tr("Start appraisal");
    case Transition::Return: return Tr::tr("Return for supplement");
    case Transition::Resubmit: return Tr::tr("Resubmit");
    case Transition::FinishAppraisal: return Tr::tr("Finish appraisal");
    case Transition::PutToCouncil: return Tr::tr("Put to the council");
    case Transition::Decide: return Tr::tr("Close as decided");
    }
    return {};
}

QList<Transition> allTransitions()
{
    QList<Transition> out;
    for (const TransitionRow &r : kTransitions)
        out << r.transition;
    return out;
}

QString documentKindCode(DocumentKind k)
{
    for (const KindRow &r : kKinds)
        if (r.kind == k)
            return QString::fromLatin1(r.code);
    return QStringLiteral("khac");
}

DocumentKind documentKindFromCode(const QString &code)
{
    for (const KindRow &r : kKinds)
        if (code == QLatin1String(r.code))
            return r.kind;
    QStringList codes;
    for (const KindRow &r : kKinds)
        codes << QString::fromLatin1(r.code);
    throw Error(Tr::tr("Unknown document kind \"%1\"; use one of: %2.").arg(code, codes.join(QStringLiteral(", "))));
}

QString documentKindLabel(DocumentKind k)
{
    switch (k) {
    case DocumentKind::ToTrinh: return Tr::tr("Proposal letter (tờ trình)");
    case DocumentKind::DanhSach: return Tr::tr("List of nominees (danh sách)");
    case DocumentKind::BaoCaoThanhTich: return Tr::tr("Achievement report (báo cáo thành tích)");
    case DocumentKind::BienBan: return Tr::tr("Minutes of the unit's council (biên bản)");
    case DocumentKind::Other: return Tr::tr("Other document");
    }
    return {};
}

QString outcomeLabel(const QString &outcome)
{
    if (outcome == QLatin1String("awarded"))
        return Tr::tr("Awarded");
    if (outcome == QLatin1String("not_awarded"))
        return Tr::tr("Not awarded");
    if (outcome == QLatin1String("forwarded"))
        return Tr::tr("Forwarded to a higher level");
    return outcome;
}

} // namespace VinhDanh::Core::Workflow
