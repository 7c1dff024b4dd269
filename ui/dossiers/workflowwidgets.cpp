#include "ui/dossiers/workflowwidgets.h"

#include "core/error.h"
#include "core/registry/recordrepository.h"
#include "ui/eligibility/eligibilitymodel.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Elig = Core::Eligibility;

namespace {
QString trText(const char *source)
{
    return QCoreApplication::translate("VinhDanh::Ui::WorkflowText", source);
}

QLocale vietnamese()
{
    return QLocale(QLocale::Vietnamese, QLocale::Vietnam);
}
} // namespace

namespace WorkflowText {

QString date(const QDate &date)
{
    return date.isValid() ? vietnamese().toString(date, QStringLiteral("dd/MM/yyyy")) : QString();
}

QString timestamp(const QDateTime &at)
{
    return at.isValid() ? vietnamese().toString(at.toLocalTime(), QStringLiteral("dd/MM/yyyy HH:mm")) : QString();
}

bool verdictFromCode(const QString &code, Elig::Verdict *out)
{
    for (Elig::Verdict v : {Elig::Verdict::Eligible, Elig::Verdict::NotEligible, Elig::Verdict::NeedsReview})
        if (Elig::verdictCode(v) == code) {
            if (out)
                *out = v;
            return true;
        }
    return false;
}

QString verdictText(const QString &code)
{
    Elig::Verdict v = Elig::Verdict::NotEligible;
    return verdictFromCode(code, &v) ? Elig::verdictLabel(v) : QStringLiteral("—");
}

QString trackText(const Core::Workflow::Dossier &dossier)
{
    return dossier.movementId ? dossier.movementName : trText("Regular (annual) track");
}

QMap<QString, QString> awardFormNames(Core::Database &db)
{
    QMap<QString, QString> names;
    try {
        for (const Core::AwardForm &f : Core::RecordRepository(db).awardForms())
            names.insert(f.code, f.name);
    } catch (const Core::Error &) {
        // The codes show instead of the names; the screen that needs them reports the read.
    }
    return names;
}

} // namespace WorkflowText

void setUpTable(QTableView *table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
}

bool confirmThen(QWidget *parent, const QString &title, const QString &question, const QString &failureTitle,
                 const std::function<void()> &action)
{
    if (QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return false;
    try {
        action();
    } catch (const Core::Error &e) {
        showError(parent, failureTitle, e);
        return false;
    }
    return true;
}

ReasonDialog::ReasonDialog(const QString &title, const QString &prompt, QWidget *parent)
    : QDialog(parent), m_edit(new QPlainTextEdit(this)), m_ok(nullptr)
{
    setWindowTitle(title);
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    m_edit->setObjectName(QStringLiteral("reason"));
    m_edit->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setEnabled(false);
    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!m_edit->toPlainText().trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(buttons);
    resize(480, 240);
}

QString ReasonDialog::reason() const
{
    return m_edit->toPlainText().trimmed();
}

TraceView::TraceView(QWidget *parent)
    : QWidget(parent), m_verdict(new QLabel(this)), m_model(new EligibilityModel(this)), m_tree(new QTreeView(this))
{
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("trace"));
    m_tree->setModel(m_model);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(false);
    // Read-only here: confirmations belong to the nominee's checklist, not to this tree.
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setColumnHidden(EligibilityModel::EarliestYearColumn, true); // not offered either
    Columns::remember(m_tree, QStringLiteral("trace"), {EligibilityModel::NameColumn, EligibilityModel::ExplanationColumn});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_verdict);
    layout->addWidget(m_tree, 1);
}

void TraceView::setResult(const Elig::Result &result)
{
    m_model->setResults({result});
    m_tree->expand(m_model->index(0, 0));
    const QString set = result.ruleSet.title.isEmpty() ? result.ruleSet.id : result.ruleSet.title;
    m_verdict->setText(
        tr("Engine: %1 — %2 (rule set %3, version %4)")
            .arg(Elig::verdictLabel(result.verdict), result.awardName.isEmpty() ? result.awardCode : result.awardName, set)
            .arg(result.ruleSet.version));
    m_verdict->setStyleSheet(QStringLiteral("color: %1;").arg(EligibilityModel::stateColor(result.verdict).name()));
}

void TraceView::clear()
{
    m_model->clear();
    m_verdict->clear();
}

QString TraceView::verdictText() const
{
    return m_verdict->text();
}

} // namespace VinhDanh::Ui
