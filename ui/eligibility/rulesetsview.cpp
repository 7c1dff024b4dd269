#include "ui/eligibility/rulesetsview.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/filedialogs.h"

#include "core/accounts/permissions.h"
#include "core/auditlog/auditlog.h"
#include "core/eligibility/eligibilityservice.h"
#include "core/error.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/formwidgets.h"

#include <QDate>
#include <QDir>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <utility>

namespace VinhDanh::Ui {

namespace Elig = Core::Eligibility;

namespace {
constexpr int CitationsRole = Qt::UserRole + 1;
constexpr int ProvenanceRole = Qt::UserRole + 2; // imported sets: who, when, SHA-256, retired
constexpr int RetiredRole = Qt::UserRole + 3;

QString setKey(const Elig::RuleSetInfo &set)
{
    return set.id + QLatin1Char('#') + QString::number(set.version);
}
} // namespace

RuleSetsView::RuleSetsView(QWidget *parent)
    : QWidget(parent), m_inForce(new QLabel(this)), m_table(new QTableWidget(0, ColumnCount, this)), m_details(new QTextBrowser(this)),
      m_import(new QPushButton(tr("&Import a rule set…"), this)), m_retire(new QPushButton(tr("&Retire"), this))
{
    // Imported or retired here, by the CLI or by another clerk: the list follows.
    m_watch = new ChangeWatch(
        {QStringLiteral("rule_sets")}, [this](const Core::ChangeSet &) { reload(); }, this);
    m_inForce->setObjectName(QStringLiteral("inForce"));
    m_inForce->setWordWrap(true);
    m_inForce->setTextFormat(Qt::PlainText);
    QFont bold = m_inForce->font();
    bold.setBold(true);
    m_inForce->setFont(bold);
    m_import->setObjectName(QStringLiteral("import"));
    m_retire->setObjectName(QStringLiteral("retire"));
    m_retire->setToolTip(tr("Stop using the selected imported rule set; it stays listed and in the audit log."));
    auto *header = new QHBoxLayout;
    header->addWidget(m_inForce, 1);
    header->addWidget(m_import, 0, Qt::AlignTop);
    header->addWidget(m_retire, 0, Qt::AlignTop);

    m_table->setObjectName(QStringLiteral("ruleSets"));
    m_table->setHorizontalHeaderLabels({tr("Id"), tr("Version"), tr("Title"), tr("In force from"), tr("Origin")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // The id is for scripts (vinhdanh-cli rules --retire ID): the details name it, the list shows
    // titles. Hidden before Columns::remember, it is never offered in the columns menu.
    m_table->setColumnHidden(IdColumn, true);
    Columns::remember(m_table, QStringLiteral("ruleSets"), {TitleColumn});
    m_details->setObjectName(QStringLiteral("citations"));
    m_details->setOpenLinks(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);

    connect(m_import, &QPushButton::clicked, this, &RuleSetsView::importFile);
    connect(m_retire, &QPushButton::clicked, this, &RuleSetsView::retireSelected);
    connect(m_table, &QTableWidget::currentCellChanged, this, &RuleSetsView::showDetails);
    connect(m_table, &QTableWidget::currentCellChanged, this, &RuleSetsView::updateButtons);
    setDatabase(nullptr);
}

void RuleSetsView::setDatabase(Core::Database *db)
{
    m_db = db;
    m_watch->setDatabase(db);
    m_mayManage = false;
    try {
        m_mayManage = db && Core::Permissions::allowed(*db, Core::Permissions::Action::ManageRuleSets);
    } catch (const Core::Error &) {
    }
    const QString why = tr("Only an administrator may import or retire rule sets.");
    m_import->setEnabled(m_mayManage);
    m_import->setToolTip(db && !m_mayManage ? why : QString());
    reload();
}

QString RuleSetsView::changesOf(const Elig::RuleSetInfo &set) const
{
    try {
        return Elig::Service(*m_db).ruleSetChanges(set.id, set.version).join(QLatin1Char(' '));
    } catch (const Core::Error &e) {
        return e.message();
    }
}

void RuleSetsView::reload()
{
    // The row the clerk was on stays chosen when the list is read again after a change.
    // A set the clerk has just imported is chosen instead.
    const QTableWidgetItem *was = m_table->item(m_table->currentRow(), IdColumn);
    const QString selectedKey = !m_selectNext.isEmpty() ? std::exchange(m_selectNext, QString())
                                : was ? was->text() + QLatin1Char('#') + m_table->item(m_table->currentRow(), VersionColumn)->text()
                                      : QString();
    m_table->setRowCount(0);
    m_details->clear();
    m_inForce->clear();
    m_inForceKey.clear();
    if (!m_db)
        return;
    QList<Elig::RuleSetInfo> sets;
    QHash<QString, Elig::ImportedRuleSet> imported;
    try {
        const Elig::Service service(*m_db);
        sets = service.ruleSets();
        for (const Elig::ImportedRuleSet &i : service.importedRuleSets())
            imported.insert(i.id + QLatin1Char('#') + QString::number(i.version), i);
        if (const std::optional<Elig::RuleSetInfo> inForce = service.findRuleSetInForce(QDate::currentDate())) {
            m_inForceKey = setKey(*inForce);
            // The set by its title and version; its id stays in the table for `rules --retire`.
            m_inForce->setText(tr("In force today: %1, version %2, since %3.")
                                   .arg(inForce->title)
                                   .arg(inForce->version)
                                   .arg(DateField::format(inForce->effectiveFrom)));
        } else {
            // None today (every set starts later): a state, not a failure, so not logged; the
            // words are the refusal the CLI prints. The sets are still listed.
            try {
                service.ruleSetInForce(QDate::currentDate());
            } catch (const Core::Error &e) {
                m_inForce->setText(e.message());
            }
        }
    } catch (const Core::Error &e) {
        m_inForce->setText(shownInPlace("rule sets", e));
        return;
    }
    m_table->setRowCount(int(sets.size()));
    int inForceRow = -1;
    int selectedRow = -1;
    for (int row = 0; row < sets.size(); ++row) {
        const Elig::RuleSetInfo &set = sets[row];
        const bool inForce = setKey(set) == m_inForceKey;
        if (inForce)
            inForceRow = row;
        if (setKey(set) == selectedKey)
            selectedRow = row;
        const Elig::ImportedRuleSet origin = imported.value(setKey(set));
        const bool retired = !set.builtIn && !origin.retiredAt.isEmpty();
        const QStringList cells{set.id, QString::number(set.version), set.title, DateField::format(set.effectiveFrom),
                                set.builtIn ? tr("Built in")
                                : retired   ? tr("Imported, retired")
                                            : tr("Imported")};
        const QString provenance =
            set.builtIn ? QString()
                        : tr("Imported by %1 at %2; SHA-256 of the file: %3.")
                                  .arg(origin.importedBy.isEmpty() ? tr("(unknown)") : Core::actorWords(origin.importedBy),
                                       origin.importedAt, origin.sha256.isEmpty() ? QStringLiteral("-") : origin.sha256)
                              + (retired ? QLatin1Char(' ') + tr("Retired at %1: no longer used.").arg(origin.retiredAt) : QString())
                              + QLatin1Char(' ') + tr("What changed: %1").arg(changesOf(set));
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(CitationsRole, set.citations);
            item->setData(ProvenanceRole, provenance);
            item->setData(RetiredRole, set.builtIn || retired);
            if (inForce) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            if (column == TitleColumn && inForce)
                item->setToolTip(tr("In force today"));
            m_table->setItem(row, column, item);
        }
    }
    m_table->setCurrentCell(selectedRow >= 0 ? selectedRow : inForceRow >= 0 ? inForceRow : int(sets.size()) - 1, TitleColumn);
    showDetails();
    updateButtons();
}

void RuleSetsView::updateButtons()
{
    // Retire applies to an imported set still in use; built-in sets are replaced, not retired.
    const QTableWidgetItem *item = m_table->item(m_table->currentRow(), IdColumn);
    m_retire->setEnabled(m_mayManage && item && !item->data(RetiredRole).toBool());
    m_retire->setToolTip(m_db && !m_mayManage
                             ? tr("Only an administrator may import or retire rule sets.")
                             : tr("Stop using the selected imported rule set; it stays listed and in the audit log."));
}

void RuleSetsView::retireSelected()
{
    const int row = m_table->currentRow();
    const QTableWidgetItem *id = m_table->item(row, IdColumn);
    const QTableWidgetItem *version = m_table->item(row, VersionColumn);
    if (!id || !version)
        return;
    if (QMessageBox::question(this, tr("Retire a rule set"),
                              tr("Retire the rule set %1 version %2? Checks will no longer use it; the set in force "
                                 "becomes the latest other one.")
                                  .arg(id->text(), version->text()))
        != QMessageBox::Yes)
        return;
    retire(id->text(), version->text().toInt());
}

bool RuleSetsView::retire(const QString &setId, int version)
{
    if (!m_db)
        return false;
    try {
        Elig::Service(*m_db).retireRuleSet(setId, version);
    } catch (const Core::Error &e) {
        showError(this, tr("Retire a rule set"), e);
        return false;
    }
    reload();
    emit ruleSetsChanged();
    return true;
}

void RuleSetsView::showDetails()
{
    const QTableWidgetItem *item = m_table->item(m_table->currentRow(), TitleColumn);
    if (!item) {
        m_details->clear();
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p><ul>").arg(item->text().toHtmlEscaped(), tr("Legal basis:").toHtmlEscaped());
    for (const QString &citation : item->data(CitationsRole).toStringList())
        html += QStringLiteral("<li>%1</li>").arg(citation.toHtmlEscaped());
    html += QStringLiteral("</ul>");
    if (const QString provenance = item->data(ProvenanceRole).toString(); !provenance.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(provenance.toHtmlEscaped());
    if (const QTableWidgetItem *id = m_table->item(m_table->currentRow(), IdColumn))
        html += QStringLiteral("<p style=\"color:gray\">%1</p>")
                    .arg(tr("For the command line (vinhdanh-cli rules): %1").arg(id->text()).toHtmlEscaped());
    m_details->setHtml(html);
}

void RuleSetsView::importFile()
{
    const QString path = FileDialogs::openFile(this, tr("Import a rule set"), QDir::homePath(),
                                               tr("Rule sets (*.json);;All files (*)"));
    if (!path.isEmpty())
        importPath(path);
}

bool RuleSetsView::importPath(const QString &path)
{
    if (!m_db)
        return false;
    Elig::RuleSetInfo imported;
    try {
        imported = Elig::Service(*m_db).importRuleSet(path);
    } catch (const Core::Error &e) {
        showError(this, tr("Import a rule set"),
                  tr("The file %1 was not imported.\n\n%2").arg(QDir::toNativeSeparators(path), e.message()), e.detail());
        return false;
    }
    m_selectNext = setKey(imported);
    reload();
    emit ruleSetsChanged();
    QMessageBox::information(this, tr("Import a rule set"),
                             tr("Imported “%1” (version %2), in force from %3.")
                                     .arg(imported.title)
                                     .arg(imported.version)
                                     .arg(DateField::format(imported.effectiveFrom))
                                 + QStringLiteral("\n\n") + tr("What changed: %1").arg(changesOf(imported)));
    return true;
}

} // namespace VinhDanh::Ui
