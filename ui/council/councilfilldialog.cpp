#include "ui/council/councilfilldialog.h"

#include "core/decisions/decisionrepository.h"
#include "core/domain/codes.h"
#include "core/error.h"
#include "core/proposals/registernumbers.h"
#include "ui/dossiers/workflowwidgets.h"
#include "ui/widgets/columns.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Wf = Core::Workflow;

namespace {
constexpr int IdRole = Qt::UserRole;

/// What one decision must share: the track (movement), the occasion and the year.
bool sameBasis(const Wf::Dossier &a, const Wf::Dossier &b)
{
    return a.movementId == b.movementId && a.occasion == b.occasion && a.year == b.year;
}
} // namespace

QString CouncilFillDialog::basisText(const Wf::Dossier &d)
{
    return tr("%1; %2; year %3")
        .arg(WorkflowText::trackText(d), Core::Codes::label(Core::Codes::Set::Occasion, d.occasion).toLower())
        .arg(d.year);
}

CouncilFillDialog::CouncilFillDialog(Core::Database &db, qint64 decisionId, qint64 sessionId, QWidget *parent)
    : QDialog(parent), m_list(new QTreeWidget(this)), m_hint(new QLabel(this)), m_ok(nullptr)
{
    setWindowTitle(tr("Fill from the council's result"));
    setObjectName(QStringLiteral("councilFillDialog"));
    try {
        m_offered = Wf::DecisionRepository(db).offeredDossiers(decisionId, sessionId);
    } catch (const Core::Error &e) {
        m_problem = e.message();
    }
    auto *intro = new QLabel(tr("Tick the dossiers whose nominees the council passed that this decision awards. One "
                                "decision follows one basis: the dossiers ticked must share the track, the occasion and "
                                "the year."),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("offeredDossiers"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Dossier"), tr("Proposing unit"), tr("Track, occasion, year"), tr("Nominees")});
    Columns::remember(m_list, QStringLiteral("offeredDossiers"), {0, 1}); // the dossier, its unit
    for (const Wf::Dossier &d : std::as_const(m_offered)) {
        auto *item = new QTreeWidgetItem(m_list, {tr("%1: %2", "register number: title").arg(Wf::Registers::text(d), d.title),
                                                  d.unitName, basisText(d), QString::number(d.nomineeCount)});
        item->setData(0, IdRole, d.id);
        // The newest dossier's basis is the likely one; the others wait for the clerk's tick.
        item->setCheckState(0, sameBasis(d, m_offered.first()) ? Qt::Checked : Qt::Unchecked);
    }
    m_hint->setObjectName(QStringLiteral("fillHint"));
    m_hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Fill"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemChanged, this, &CouncilFillDialog::updateState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    resize(820, 420);
    updateState();
}

QList<qint64> CouncilFillDialog::picked() const
{
    QList<qint64> out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        if (m_list->topLevelItem(i)->checkState(0) == Qt::Checked)
            out << m_list->topLevelItem(i)->data(0, IdRole).toLongLong();
    return out;
}

void CouncilFillDialog::setPicked(const QList<qint64> &ids)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setCheckState(0, ids.contains(item->data(0, IdRole).toLongLong()) ? Qt::Checked : Qt::Unchecked);
    }
}

void CouncilFillDialog::updateState()
{
    const QList<qint64> ids = picked();
    const Wf::Dossier *first = nullptr;
    bool mixed = false;
    for (const Wf::Dossier &d : std::as_const(m_offered)) {
        if (!ids.contains(d.id))
            continue;
        if (!first)
            first = &d;
        else if (!sameBasis(d, *first))
            mixed = true;
    }
    QString hint;
    if (!m_problem.isEmpty())
        hint = m_problem;
    else if (m_offered.isEmpty())
        hint = tr("The sitting passed no nominee that this office awards and that is not already on another decision "
                  "or settled.");
    else if (ids.isEmpty())
        hint = tr("Tick at least one dossier.");
    else if (mixed)
        hint = tr("The dossiers ticked differ in track, occasion or year; a decision follows one basis, so tick only "
                  "dossiers alike and make another decision for the others.");
    m_hint->setText(hint);
    m_hint->setStyleSheet(hint.isEmpty() ? QString() : QStringLiteral("color: #b06a00;"));
    m_ok->setEnabled(!ids.isEmpty() && !mixed);
}

} // namespace VinhDanh::Ui
