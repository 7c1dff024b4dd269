#include "ui/accounts/auditview.h"
#include "ui/widgets/changewatch.h"
#include "ui/widgets/columns.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/filedialogs.h"

#include "core/accounts/permissions.h"
#include "core/audit/auditchain.h"
#include "core/audit/auditschema.h"
#include "core/auditlog/audittext.h"
#include "core/db/database.h"
#include "core/error.h"
#include "ui/accounts/auditmodel.h"
#include "ui/widgets/formwidgets.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

AuditView::AuditView(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_model(new AuditModel(this)), m_actor(new QComboBox(this)), m_table(new QComboBox(this)),
      m_record(new QLineEdit(this)), m_from(new DateField(this)), m_to(new DateField(this)), m_action(new QComboBox(this)),
      m_status(new QLabel(this)), m_chain(new QLabel(this)),
      m_unmasked(new QCheckBox(tr("Include CCCD numbers and birth dates"), this)), m_view(new QTableView(this)),
      m_detail(new QTableWidget(0, 3, this))
{
    setWindowTitle(tr("Audit log"));
    m_actor->setObjectName(QStringLiteral("actor"));
    m_table->setObjectName(QStringLiteral("table"));
    m_record->setObjectName(QStringLiteral("record"));
    m_from->setObjectName(QStringLiteral("from"));
    m_to->setObjectName(QStringLiteral("to"));
    m_action->setObjectName(QStringLiteral("action"));
    m_view->setObjectName(QStringLiteral("entries"));
    m_detail->setObjectName(QStringLiteral("detail"));
    m_chain->setObjectName(QStringLiteral("chainState"));
    m_chain->setWordWrap(true);
    m_chain->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Verifying reads every row, so it waits for the button; a database that failed its
    // check on opening says so at once.
    m_chain->setText(db.readOnly() ? db.readOnlyReason()
                                   : tr("The hash chain that makes the audit log tamper-evident has not been verified "
                                        "in this window yet."));
    m_record->setPlaceholderText(tr("id or key"));
    m_record->setClearButtonEnabled(true);

    auto *filters = new QFormLayout;
    auto *who = new QHBoxLayout;
    who->addWidget(m_actor, 1);
    who->addWidget(new QLabel(tr("Kind of change:"), this));
    who->addWidget(m_action);
    auto *whoLabel = new QLabel(tr("&Who:"), this);
    whoLabel->setBuddy(m_actor); // a label without a buddy shows its "&" literally
    filters->addRow(whoLabel, who);
    auto *what = new QHBoxLayout;
    what->addWidget(m_table, 1);
    what->addWidget(new QLabel(tr("Record:"), this));
    what->addWidget(m_record, 1);
    auto *whatLabel = new QLabel(tr("&Table:"), this);
    whatLabel->setBuddy(m_table); // a label without a buddy shows its "&" literally
    filters->addRow(whatLabel, what);
    auto *when = new QHBoxLayout;
    when->addWidget(m_from);
    when->addWidget(new QLabel(tr("to"), this));
    when->addWidget(m_to);
    when->addStretch();
    auto *whenLabel = new QLabel(tr("&From:"), this);
    whenLabel->setBuddy(m_from); // a label without a buddy shows its "&" literally
    filters->addRow(whenLabel, when);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    Columns::remember(m_view, QStringLiteral("audit"), {AuditModel::Changes});
    m_detail->setHorizontalHeaderLabels({tr("Field"), tr("Before"), tr("After")});
    m_detail->verticalHeader()->hide();
    m_detail->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The values before and after are the long texts; the field's name is short.
    Columns::remember(m_detail, QStringLiteral("auditDetail"), {1, 2});
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *exportButton = buttons->addButton(tr("&Export CSV…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportCsv"));
    connect(exportButton, &QPushButton::clicked, this, &AuditView::exportCsvAs);
    // Exports mask personal data; only an administrator may ask for it, and that export is
    // itself recorded in the audit log.
    m_unmasked->setObjectName(QStringLiteral("unmasked"));
    m_unmasked->setToolTip(tr("Without this, exports show *** in place of CCCD numbers and birth dates. The export is "
                              "recorded in the audit log."));
    m_unmasked->setEnabled(Core::Permissions::allowed(db, Core::Permissions::Action::ExportPersonalData));
    m_unmasked->setVisible(m_unmasked->isEnabled());
    QPushButton *verifyButton = buttons->addButton(tr("&Verify"), QDialogButtonBox::ActionRole);
    verifyButton->setObjectName(QStringLiteral("verifyChain"));
    verifyButton->setToolTip(tr("Check that no row of the audit log was changed or deleted since it was written."));
    connect(verifyButton, &QPushButton::clicked, this, &AuditView::verifyChain);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_chain);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_unmasked);
    layout->addWidget(buttons);

    fillFilters();
    connect(m_actor, &QComboBox::currentIndexChanged, this, &AuditView::applyFilter);
    connect(m_table, &QComboBox::currentIndexChanged, this, &AuditView::applyFilter);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditView::applyFilter);
    connect(m_record, &QLineEdit::editingFinished, this, &AuditView::applyFilter);
    connect(m_from, &QLineEdit::editingFinished, this, &AuditView::applyFilter);
    connect(m_to, &QLineEdit::editingFinished, this, &AuditView::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditView::showDetail);
    // Every change the log records, made here, by the CLI or by another clerk, shows without
    // reopening the window; the entry the clerk is reading stays selected.
    QStringList audited;
    for (const Core::AuditSchema::AuditedTable &t : Core::AuditSchema::auditedTables())
        audited << QString::fromLatin1(t.table);
    auto *watch = new ChangeWatch(
        audited, [this](const Core::ChangeSet &) { reloadKeepingSelection(); }, this);
    watch->setDatabase(&m_db);
    applyFilter();
    resize(1000, 680);
}

void AuditView::fillFilters()
{
    m_actor->addItem(tr("(everyone)"), QString());
    try {
        const Core::AuditText words(&m_db);
        for (const QString &actor : Core::AuditLog(m_db).actors())
            m_actor->addItem(words.who(actor), actor); // the filter matches the stored name
    } catch (const Core::Error &e) {
        m_status->setText(shownInPlace("audit log", e));
    }
    m_table->addItem(tr("(all tables)"), QString());
    for (const Core::AuditSchema::AuditedTable &t : Core::AuditSchema::auditedTables())
        m_table->addItem(Core::AuditText::tableNoun(QString::fromLatin1(t.table)), QString::fromLatin1(t.table));
    m_action->addItem(tr("(any)"), QString());
    for (const char *a : {"insert", "update", "delete"})
        m_action->addItem(AuditModel::actionLabel(QString::fromLatin1(a)), QString::fromLatin1(a));
}

Core::AuditFilter AuditView::currentFilter() const
{
    Core::AuditFilter f;
    f.actor = m_actor->currentData().toString();
    f.table = m_table->currentData().toString();
    f.action = m_action->currentData().toString();
    const QString record = m_record->text().trimmed();
    bool numeric = false;
    const qint64 id = record.toLongLong(&numeric);
    if (numeric && id > 0)
        f.recordId = id;
    else
        f.recordKey = record;
    f.from = m_from->date();
    f.to = m_to->date();
    return f;
}

void AuditView::applyFilter()
{
    QStringList problems;
    if (!m_from->isAcceptable())
        problems << badDateMessage(tr("From"), m_from->text());
    if (!m_to->isAcceptable())
        problems << badDateMessage(tr("To"), m_to->text());
    if (!problems.isEmpty()) {
        m_status->setText(problems.join(QLatin1Char(' ')));
        return;
    }
    try {
        m_model->setFilter(&m_db, currentFilter());
        m_status->setText(
            m_model->total() > m_model->rowCount()
                ? tr("%n change(s); the newest %1 are shown, scroll for more.", nullptr, m_model->total()).arg(m_model->rowCount())
                : tr("%n change(s).", nullptr, m_model->total()));
    } catch (const Core::Error &e) {
        m_status->setText(shownInPlace("audit log", e));
    }
    // Widths follow the content (capped, so a record named by a long dossier title does not push
    // "What changed" out of sight) until the clerk sets them: ui/widgets/columns.h.
    showDetail();
}

void AuditView::reloadKeepingSelection()
{
    const QModelIndex current = m_view->currentIndex();
    const qint64 id = current.isValid() ? m_model->entry(current.row()).id : 0;
    applyFilter();
    // The newest come first: the entry read before is further down now, on a page already loaded
    // unless many changes came at once (then the clerk scrolls, as after any new filter).
    for (int row = 0; id != 0 && row < m_model->rowCount(); ++row)
        if (m_model->entry(row).id == id) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            break;
        }
}

void AuditView::showDetail()
{
    const QModelIndex current = m_view->currentIndex();
    m_detail->setRowCount(0);
    if (!current.isValid())
        return;
    const Core::AuditEntry &e = m_model->entry(current.row());
    // Every field the forms show, labelled as they label it; internal columns stay out.
    const QList<Core::AuditText::Field> fields = m_model->words().fields(e);
    m_detail->setRowCount(int(fields.size()));
    for (int r = 0; r < fields.size(); ++r) {
        const QStringList cells{fields[r].label, fields[r].before, fields[r].after};
        for (int c = 0; c < 3; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (fields[r].changed) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            m_detail->setItem(r, c, item);
        }
    }
}

QString AuditView::exportCsv(const QString &path)
{
    try {
        const QByteArray csv = Core::AuditLog(m_db).exportEntries(currentFilter(), QStringLiteral("csv"), m_unmasked->isChecked());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv) != csv.size())
            return tr("The file %1 cannot be written.").arg(QDir::toNativeSeparators(path));
    } catch (const Core::Error &e) {
        return e.message();
    }
    return {};
}

void AuditView::exportCsvAs()
{
    const QString path = FileDialogs::saveFile(this, tr("Export the audit log"), QDir::home().filePath(QStringLiteral("audit.csv")),
                                               tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString error = exportCsv(path);
    if (error.isEmpty())
        m_status->setText(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)));
    else
        showError(this, tr("Export the audit log"), error);
}

QString AuditView::chainState() const
{
    return m_chain->text();
}

void AuditView::verifyChain()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        // A province has millions of rows: keep the window painting between batches.
        const Core::AuditChain::Verification v = Core::AuditChain::verify(m_db, [](qint64) {
            QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
            return true;
        });
        m_chain->setText(v.summary());
        // The broken row stands out; an intact chain reads as plain text.
        m_chain->setStyleSheet(v.intact ? QString() : QStringLiteral("color: #b00020; font-weight: bold;"));
    } catch (const Core::Error &e) {
        m_chain->setText(shownInPlace("audit chain", e));
    }
    QApplication::restoreOverrideCursor();
}

} // namespace VinhDanh::Ui
