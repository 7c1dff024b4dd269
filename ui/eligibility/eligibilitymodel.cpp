#include "ui/eligibility/eligibilitymodel.h"

#include "core/auditlog/auditlog.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <functional>

namespace VinhDanh::Ui {

using Core::Eligibility::ConditionResult;
using Core::Eligibility::Result;
using Core::Eligibility::Verdict;

namespace {
/// What an unmet condition says, or, when it says nothing itself (an any-of, an all-of), what
/// its unmet parts say: the closed row of an award names the reason (a clause for another
/// category is left out). At most a few, so the row stays one line.
void unmetTexts(const Core::Eligibility::ConditionResult &c, QStringList &out)
{
    if (c.state == Core::Eligibility::Verdict::Eligible || c.notApplicable || out.size() >= 3)
        return;
    if (!c.explanation.isEmpty()) {
        if (!out.contains(c.explanation))
            out << c.explanation;
        return;
    }
    for (const Core::Eligibility::ConditionResult &k : c.children)
        unmetTexts(k, out);
}
} // namespace

struct EligibilityModel::Node
{
    Kind kind = Kind::Result;
    Node *parent = nullptr;
    int row = 0;
    QString texts[ColumnCount];
    QString toolTip;
    bool hasState = false;
    Verdict state = Verdict::NotEligible;
    QString id; // award code, condition id, or a positional id for evidence and checklist rows
    QString awardCode;
    bool confirmable = false;
    Core::Eligibility::Confirmation confirmation;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        child->awardCode = awardCode;
        children.push_back(std::move(child));
        return children.back().get();
    }
};

EligibilityModel::EligibilityModel(QObject *parent) : QAbstractItemModel(parent) {}

EligibilityModel::~EligibilityModel() = default;

bool EligibilityModel::isConfirmable(const ConditionResult &condition)
{
    // The engine names a movement's standards "movement-<group>-<item>" under a group
    // "movement", and accepts a note for any such item or any condition it left to review.
    using Source = Core::Eligibility::Confirmation::Source;
    if (!condition.children.isEmpty() || condition.id.isEmpty() || condition.confirmation.source == Source::Dossier)
        return false;
    return condition.id.startsWith(QLatin1String("movement-")) || condition.state == Verdict::NeedsReview
           || condition.confirmation.isSet();
}

void EligibilityModel::clear()
{
    setResults({});
}

void EligibilityModel::setResults(const QList<Result> &results)
{
    beginResetModel();
    m_results = results;
    m_roots.clear();
    for (const Result &result : results) {
        auto node = std::make_unique<Node>();
        node->kind = Kind::Result;
        node->row = int(m_roots.size());
        node->id = result.awardCode;
        node->awardCode = result.awardCode;
        node->hasState = true;
        node->state = result.verdict;
        node->texts[NameColumn] = result.awardName.isEmpty() ? result.awardCode : result.awardName;
        // The four outcomes: "eligible on the records, awaiting confirmation", "missing data"…
        node->texts[VerdictColumn] = Core::Eligibility::outcomeLabel(result.outcome);
        node->texts[ProgressColumn] = result.progress;
        node->texts[EarliestYearColumn] = result.earliestYear > 0 ? QString::number(result.earliestYear) : QString();
        // What a clerk wants on the closed row: what is missing, from the unmet conditions.
        QStringList missing;
        for (const ConditionResult &c : result.conditions)
            unmetTexts(c, missing);
        if (result.outcome == Core::Eligibility::Outcome::MissingData)
            missing.prepend(tr("enter %1").arg(result.missing.join(QLatin1String("; "))));
        node->texts[ExplanationColumn] = missing.join(QLatin1String("; "));
        // The rule set by its title; its id is for scripts and the rule-set page.
        node->toolTip = tr("Rule set: %1, version %2\n%3")
                            .arg(result.ruleSet.title)
                            .arg(result.ruleSet.version)
                            .arg(result.ruleSet.citations.join(QLatin1Char('\n')));
        Node *root = node.get();
        m_roots.push_back(std::move(node));
        for (const ConditionResult &c : result.conditions)
            addCondition(root, c);
        if (!result.checklist.isEmpty()) {
            auto group = std::make_unique<Node>();
            group->kind = Kind::ChecklistGroup;
            group->id = QStringLiteral("checklist");
            group->texts[NameColumn] = tr("To check by hand");
            Node *g = root->add(std::move(group));
            for (const QString &item : result.checklist) {
                auto line = std::make_unique<Node>();
                line->kind = Kind::ChecklistItem;
                line->id = QStringLiteral("c:%1").arg(g->children.size());
                line->texts[NameColumn] = item;
                line->toolTip = item;
                g->add(std::move(line));
            }
        }
    }
    endResetModel();
}

void EligibilityModel::addCondition(Node *parent, const ConditionResult &condition)
{
    auto node = std::make_unique<Node>();
    node->kind = Kind::Condition;
    node->id = condition.id;
    // A clause for another category of nominee is neither met nor failed: no colour, no dot.
    node->hasState = !condition.notApplicable;
    node->state = condition.state;
    node->texts[NameColumn] = condition.description;
    node->texts[VerdictColumn] = condition.notApplicable ? tr("Does not apply") : stateText(condition.state, true);
    node->texts[ProgressColumn] = condition.progress;
    node->texts[ExplanationColumn] = condition.explanation;
    node->toolTip = condition.explanation;
    node->confirmable = isConfirmable(condition);
    node->confirmation = condition.confirmation;
    using Source = Core::Eligibility::Confirmation::Source;
    const Core::Eligibility::Confirmation &given = condition.confirmation;
    if (given.source == Source::Saved)
        node->toolTip =
            tr("Confirmed by %1 at %2: %3")
                .arg(given.by.isEmpty() ? tr("(unknown)") : Core::actorWords(given.by),
                     QDateTime::fromString(given.at, Qt::ISODateWithMs).toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                     given.note);
    else if (given.source == Source::Dossier)
        node->toolTip = tr("Confirmed on the checklist of dossier %1: %2 (change it on the dossier)").arg(given.dossier, given.note);
    else if (given.isSet())
        node->toolTip = tr("Confirmed by the clerk: %1").arg(given.note);
    Node *added = parent->add(std::move(node));
    for (const ConditionResult &child : condition.children)
        addCondition(added, child);
    for (const QString &evidence : condition.evidence) {
        auto line = std::make_unique<Node>();
        line->kind = Kind::Evidence;
        line->id = QStringLiteral("e:%1").arg(added->children.size());
        line->texts[NameColumn] = evidence;
        line->toolTip = evidence;
        added->add(std::move(line));
    }
}

EligibilityModel::Node *EligibilityModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex EligibilityModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    if (const Node *p = nodeOf(parent)) {
        if (row >= int(p->children.size()))
            return {};
        return createIndex(row, column, p->children[size_t(row)].get());
    }
    if (row >= int(m_roots.size()))
        return {};
    return createIndex(row, column, m_roots[size_t(row)].get());
}

QModelIndex EligibilityModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || !node->parent)
        return {};
    return createIndex(node->parent->row, 0, node->parent);
}

int EligibilityModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int EligibilityModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant EligibilityModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return node->texts[column];
    case Qt::ToolTipRole: return column == NameColumn || column == ExplanationColumn ? node->toolTip : QString();
    case Qt::DecorationRole:
        if (column == VerdictColumn && node->hasState)
            return stateIcon(node->state);
        return {};
    case Qt::ForegroundRole:
        if (column == VerdictColumn && node->hasState)
            return stateColor(node->state);
        if (node->kind == Kind::Evidence)
            return QColor(Qt::darkGray);
        return {};
    case Qt::FontRole:
        if (node->kind == Kind::Result && column == NameColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (node->kind == Kind::Evidence) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::CheckStateRole:
        // A dossier's confirmation shows ticked, but only the dossier's checklist changes it.
        if (column == NameColumn && (node->confirmable || node->confirmation.isSet()))
            return node->confirmation.isSet() ? Qt::Checked : Qt::Unchecked;
        return {};
    case KindRole: return int(node->kind);
    case VerdictRole: return node->hasState ? QVariant(int(node->state)) : QVariant();
    case AwardCodeRole: return node->awardCode;
    case ConditionIdRole: return node->kind == Kind::Condition ? node->id : QString();
    default: return {};
    }
}

bool EligibilityModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    Node *node = nodeOf(index);
    if (!node || role != Qt::CheckStateRole || index.column() != NameColumn || !node->confirmable)
        return false;
    const bool confirmed = value.value<Qt::CheckState>() == Qt::Checked;
    // The state changes only when the panel evaluates again with the confirmation (which
    // needs an evidence note): the box shows what the engine counted, never a wish.
    if (confirmed != node->confirmation.isSet())
        emit confirmationToggled(node->awardCode, node->id, confirmed);
    return true;
}

Qt::ItemFlags EligibilityModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (node->confirmable && index.column() == NameColumn)
        f |= Qt::ItemIsUserCheckable;
    if (node->children.empty())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant EligibilityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Award form / condition");
    case VerdictColumn: return tr("Verdict");
    case ProgressColumn: return tr("Progress");
    case EarliestYearColumn: return tr("Earliest year");
    case ExplanationColumn: return tr("What was found / what is missing");
    default: return {};
    }
}

bool EligibilityModel::isConfirmable(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->confirmable;
}

Core::Eligibility::Confirmation EligibilityModel::confirmationAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->confirmation : Core::Eligibility::Confirmation();
}

Confirmations EligibilityModel::confirmations() const
{
    Confirmations out;
    const std::function<void(const Node &)> walk = [&](const Node &node) {
        if (node.kind == Kind::Condition && node.confirmation.isSet())
            out[node.awardCode].insert(node.id, node.confirmation.note);
        for (const auto &child : node.children)
            walk(*child);
    };
    for (const auto &root : m_roots)
        walk(*root);
    return out;
}

QString EligibilityModel::conditionId(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->kind == Kind::Condition ? node->id : QString();
}

QString EligibilityModel::conditionText(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->texts[NameColumn] : QString();
}

QModelIndex EligibilityModel::indexOfAward(const QString &awardCode) const
{
    for (const auto &root : m_roots)
        if (root->awardCode == awardCode)
            return createIndex(root->row, 0, root.get());
    return {};
}

QModelIndex EligibilityModel::indexOfCondition(const QString &awardCode, const QString &conditionId) const
{
    std::function<QModelIndex(const QModelIndex &)> find = [&](const QModelIndex &parent) -> QModelIndex {
        for (int row = 0; row < rowCount(parent); ++row) {
            const QModelIndex child = index(row, 0, parent);
            const Node *node = nodeOf(child);
            if (node->kind == Kind::Condition && node->id == conditionId)
                return child;
            if (const QModelIndex found = find(child); found.isValid())
                return found;
        }
        return {};
    };
    const QModelIndex award = indexOfAward(awardCode);
    return award.isValid() ? find(award) : QModelIndex();
}

QString EligibilityModel::pathOf(const QModelIndex &index) const
{
    QStringList parts;
    for (const Node *node = nodeOf(index); node; node = node->parent)
        parts.prepend(node->id);
    return parts.join(QLatin1Char('/'));
}

QModelIndex EligibilityModel::indexOfPath(const QString &path) const
{
    QModelIndex current;
    for (const QString &part : path.split(QLatin1Char('/'))) {
        QModelIndex found;
        for (int row = 0; row < rowCount(current) && !found.isValid(); ++row) {
            const QModelIndex candidate = index(row, 0, current);
            if (nodeOf(candidate)->id == part)
                found = candidate;
        }
        if (!found.isValid())
            return {};
        current = found;
    }
    return current;
}

QString EligibilityModel::stateText(Verdict state, bool isCondition)
{
    if (!isCondition)
        return Core::Eligibility::verdictLabel(state);
    switch (state) {
    case Verdict::Eligible: return tr("Met");
    case Verdict::NotEligible: return tr("Not met");
    case Verdict::NeedsReview: return tr("To review");
    }
    return {};
}

QColor EligibilityModel::stateColor(Verdict state)
{
    switch (state) {
    case Verdict::Eligible: return QColor(0x1b, 0x7f, 0x3b);    // green
    case Verdict::NotEligible: return QColor(0xb3, 0x26, 0x1e); // red
    case Verdict::NeedsReview: return QColor(0xb0, 0x6a, 0x00); // amber
    }
    return {};
}

QColor EligibilityModel::outcomeColor(Core::Eligibility::Outcome outcome)
{
    using Core::Eligibility::Outcome;
    switch (outcome) {
    case Outcome::Eligible: return stateColor(Verdict::Eligible);
    case Outcome::AwaitingConfirmation: return stateColor(Verdict::NeedsReview);
    case Outcome::NotEligible: return stateColor(Verdict::NotEligible);
    case Outcome::MissingData: return QColor(0x3d, 0x5a, 0x80); // slate blue: something to enter, not a "no"
    }
    return {};
}

namespace {
/// A filled dot in a verdict's or outcome's colour: the text beside it says the same, so the
/// colour is never the only signal (colour-blind clerks, grey printouts).
QIcon dot(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}
} // namespace

QIcon EligibilityModel::outcomeIcon(Core::Eligibility::Outcome outcome)
{
    return dot(outcomeColor(outcome));
}

QIcon EligibilityModel::stateIcon(Verdict state)
{
    return dot(stateColor(state));
}

} // namespace VinhDanh::Ui
