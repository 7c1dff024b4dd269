#include "ui/decisions/movementproposals.h"

#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "core/domain/movement.h"
#include "core/dossiers/dossierrepository.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "ui/council/counciltext.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"

#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

using namespace Core::Workflow;

namespace {
struct YearContent
{
    QMap<QString, QList<Dossier>> dossiers; // by occasion code
    QList<Decision> decisions;
};

QTreeWidgetItem *group(QTreeWidgetItem *parent, QTreeWidget *tree, const QString &text)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
    item->setText(0, text);
    item->setData(0, MovementProposals::KindRole, MovementProposals::GroupKind);
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    return item;
}

bool phaseCovers(const Core::MovementPhase &phase, int year)
{
    return (phase.fromYear > 0 && year >= phase.fromYear && year <= qMax(phase.fromYear, phase.toYear))
           || (phase.reviewYear > 0 && year == phase.reviewYear);
}
} // namespace

MovementProposals::MovementProposals(QWidget *parent) : QWidget(parent), m_tree(new QTreeWidget(this)), m_note(new QLabel(this))
{
    m_tree->setObjectName(QStringLiteral("movementProposals"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Phase, year and record"), tr("Status"), tr("Date")});
    // The phase, year and record's title take what status and date leave.
    Columns::remember(m_tree, QStringLiteral("movementProposals"), {0});
    m_tree->setToolTip(tr("Double-click a dossier or a decision to open it."));
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_note);
    connect(m_tree, &QTreeWidget::itemActivated, this, &MovementProposals::activate);
}

MovementProposals::~MovementProposals()
{
    for (QObject *child : findChildren<QObject *>())
        QObject::disconnect(child, nullptr, this, nullptr);
}

void MovementProposals::activate(QTreeWidgetItem *item)
{
    const qint64 id = item->data(0, IdRole).toLongLong();
    switch (item->data(0, KindRole).toInt()) {
    case DossierKind: emit dossierRequested(id); break;
    case DecisionKind: emit decisionRequested(id); break;
    default: break;
    }
}

void MovementProposals::showMovement(const Core::Movement *movement)
{
    m_tree->clear();
    m_note->clear();
    if (!m_db || !movement || movement->id <= 0)
        return;
    QMap<int, YearContent> years;
    try {
        DossierFilter filter;
        filter.movementId = movement->id;
        for (const Dossier &d : DossierRepository(*m_db).list(filter))
            years[d.year].dossiers[d.occasion].append(d);
        for (const Decision &d : DecisionRepository(*m_db).list())
            if (d.movementId == movement->id)
                years[d.year].decisions.append(d);
    } catch (const Core::Error &e) {
        m_note->setText(shownInPlace("movement proposals", e));
        return;
    }
    if (years.isEmpty()) {
        m_note->setText(tr("No proposal or decision refers to this movement yet."));
        return;
    }

    auto fillYear = [this](QTreeWidgetItem *parent, int year, const YearContent &content) {
        QTreeWidgetItem *yearItem = group(parent, m_tree, QString::number(year));
        // Occasions in their order of the year: annual, then the reviews.
        for (const Core::CodeLabel &occasion : Core::Codes::list(Core::Codes::Set::Occasion)) {
            const QList<Dossier> dossiers = content.dossiers.value(occasion.code);
            if (dossiers.isEmpty())
                continue;
            QTreeWidgetItem *occasionItem = group(yearItem, m_tree, occasion.label);
            for (const Dossier &d : dossiers) {
                auto *item = new QTreeWidgetItem(occasionItem);
                const QString named = tr("%1: %2", "register number: title").arg(Registers::text(d), d.title);
                item->setText(0, d.unitName.isEmpty() ? named : tr("%1 — %2").arg(named, d.unitName));
                item->setText(1, statusLabel(d.status));
                item->setText(2, CouncilText::date(d.letterDate.isValid() ? d.letterDate : d.createdAt.toLocalTime().date()));
                item->setData(0, KindRole, DossierKind);
                item->setData(0, IdRole, d.id);
                item->setToolTip(0, item->text(0));
            }
        }
        for (const Decision &d : content.decisions) {
            auto *item = new QTreeWidgetItem(yearItem);
            item->setText(0, d.title.isEmpty() ? tr("Decision %1").arg(d.number) : tr("Decision %1: %2").arg(d.number, d.title));
            item->setText(1, CouncilText::decisionStatus(d.status));
            item->setText(2, CouncilText::date(d.date));
            item->setData(0, KindRole, DecisionKind);
            item->setData(0, IdRole, d.id);
            item->setToolTip(0, item->text(0));
        }
    };

    QMap<int, YearContent> left = years;
    for (const Core::MovementPhase &phase : movement->phases) {
        QString title = phase.name.isEmpty() ? tr("Phase %1").arg(phase.ordinal) : phase.name;
        if (phase.fromYear > 0)
            title = tr("%1 (%2–%3)").arg(title).arg(phase.fromYear).arg(qMax(phase.fromYear, phase.toYear));
        QTreeWidgetItem *phaseItem = group(nullptr, m_tree, title);
        if (!phase.review.isEmpty() && phase.reviewYear > 0)
            phaseItem->setText(1,
                               tr("%1 in %2").arg(Core::Codes::label(Core::Codes::Set::Occasion, phase.review)).arg(phase.reviewYear));
        for (auto it = years.cbegin(); it != years.cend(); ++it) {
            if (left.contains(it.key()) && phaseCovers(phase, it.key())) {
                fillYear(phaseItem, it.key(), it.value());
                left.remove(it.key()); // a year on the boundary of two phases is shown once
            }
        }
    }
    if (!left.isEmpty()) {
        QTreeWidgetItem *outside = movement->phases.isEmpty() ? nullptr : group(nullptr, m_tree, tr("Outside the plan's phases"));
        for (auto it = left.cbegin(); it != left.cend(); ++it)
            fillYear(outside, it.key(), it.value());
    }
    m_tree->expandAll();
}

} // namespace VinhDanh::Ui
