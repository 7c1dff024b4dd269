#include "ui/workflow/nomineelistdialog.h"

#include "ui/common/commitprogress.h"

#include "core/error.h"
#include "core/repo/recordrepository.h"
#include "core/tables/tablefile.h"
#include "ui/common/filedialogs.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QBrush>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <atomic>

namespace VinhDanh::Ui {

namespace Tables = Core::Tables;

/// The preview's rows: row number, status in words, the nominee as the registry names them,
/// the form, and what the row proposes or why it is refused. Qt::UserRole on the status column
/// gives the status code (tests and colouring; never shown).
class NomineeListModel : public QAbstractTableModel
{
public:
    enum Column { RowNumber, Status, Name, Form, Details, ColumnCount };

    NomineeListModel(QObject *parent) : QAbstractTableModel(parent) {}

    void reset(const Tables::NomineeListPreview &preview, const QHash<QString, QString> &formNames)
    {
        beginResetModel();
        m_rows = preview.rows;
        m_info = preview.info;
        m_formNames = formNames;
        endResetModel();
    }
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : ColumnCount; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Tables::PreviewRow &r = m_rows.at(index.row());
        if (role == Qt::DisplayRole) {
            switch (index.column()) {
            case RowNumber: return r.sheetRow;
            case Status: return Tables::nomineeStatusText(r.status);
            case Name: return r.name;
            case Form: {
                const QString code = m_info.value(index.row()).formCode;
                return m_formNames.value(code, code);
            }
            case Details: return Tables::reasonsText(r.reasons);
            }
        } else if (role == Qt::ToolTipRole && index.column() == Details && !r.reasons.isEmpty()) {
            return r.reasons.join(QLatin1Char('\n'));
        } else if (role == Qt::UserRole && index.column() == Status) {
            return Tables::statusCode(r.status);
        } else if (role == Qt::ForegroundRole && r.status == Tables::RowStatus::Error) {
            return QBrush(Qt::darkRed);
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case RowNumber: return NomineeListDialog::tr("Row");
        case Status: return NomineeListDialog::tr("Status");
        case Name: return NomineeListDialog::tr("Nominee");
        case Form: return NomineeListDialog::tr("Award form");
        case Details: return NomineeListDialog::tr("Details");
        }
        return {};
    }

private:
    QList<Tables::PreviewRow> m_rows;
    QList<Tables::NomineeRowInfo> m_info;
    QHash<QString, QString> m_formNames;
};

NomineeListDialog::NomineeListDialog(Core::Database &db, const Core::Workflow::Dossier &dossier, QWidget *parent)
    : QDialog(parent), m_db(db), m_dossier(dossier), m_model(new NomineeListModel(this)),
      m_file(new QLabel(tr("No file chosen."), this)), m_reason(new QLineEdit(this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this)), m_problem(new QLabel(this)), m_import(new QPushButton(tr("&Import"), this))
{
    setWindowTitle(tr("Import a list of nominees"));
    resize(1000, 560);
    auto *intro = new QLabel(tr("The list a lower unit sent (Excel, Word or CSV) becomes the nominees of the dossier "
                                "\"%1\". Every row is checked first; nothing is added while a row has an error.")
                                 .arg(dossier.title),
                             this);
    intro->setWordWrap(true);
    auto *choose = new QPushButton(tr("&Choose file…"), this);
    choose->setObjectName(QStringLiteral("chooseFile"));
    connect(choose, &QPushButton::clicked, this, &NomineeListDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(choose);

    m_reason->setObjectName(QStringLiteral("proceedReason"));
    m_reason->setPlaceholderText(tr("Needed only when the eligibility check finds a nominee not eligible"));
    // The preview follows the reason once the clerk leaves the field (not at every keystroke:
    // each preview runs the eligibility check of every row).
    connect(m_reason, &QLineEdit::editingFinished, this, &NomineeListDialog::reload);
    auto *form = new QFormLayout;
    form->addRow(tr("Reason to propose anyway:"), m_reason);

    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(NomineeListModel::Name, 200);
    m_table->setColumnWidth(NomineeListModel::Form, 220);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: darkred"));
    m_problem->hide();

    m_import->setObjectName(QStringLiteral("import"));
    m_import->setEnabled(false);
    connect(m_import, &QPushButton::clicked, this, &NomineeListDialog::runImport);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
}

NomineeListDialog::~NomineeListDialog() = default;

QAbstractItemModel *NomineeListDialog::previewModel() const
{
    return m_model;
}

QString NomineeListDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QString NomineeListDialog::summaryText() const
{
    return m_summary->text();
}

void NomineeListDialog::chooseFile()
{
    const QString path = FileDialogs::openFile(this, windowTitle(), m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).path(),
                                               tr("Lists (*.xlsx *.docx *.csv);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool NomineeListDialog::loadFile(const QString &path)
{
    m_path = path;
    m_file->setText(QDir::toNativeSeparators(path));
    reload();
    return problemText().isEmpty();
}

void NomineeListDialog::setProceedReason(const QString &reason)
{
    m_reason->setText(reason);
    reload();
}

void NomineeListDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void NomineeListDialog::reload()
{
    if (m_path.isEmpty() || m_importing)
        return;
    showProblem({});
    m_preview = Tables::NomineeListPreview();
    try {
        const Tables::TableFile file = Tables::readFile(m_path);
        m_preview = Tables::previewNomineeList(m_db, m_dossier.id, file.sheet, Tables::mapNomineeList(file.sheet), m_reason->text());
    } catch (const Core::Error &e) {
        m_preview = Tables::NomineeListPreview();
        showProblem(e.message());
    }
    QHash<QString, QString> names;
    for (const Core::AwardForm &f : Core::RecordRepository(m_db).awardForms())
        names.insert(f.code, f.name);
    m_model->reset(m_preview, names);
    using Tables::RowStatus;
    QString summary = tr("%1 new nominees, %2 already in the dossier, %3 with errors.")
                          .arg(m_preview.count(RowStatus::New))
                          .arg(m_preview.count(RowStatus::Unchanged))
                          .arg(m_preview.count(RowStatus::Error));
    for (const QString &note : std::as_const(m_preview.notes))
        summary += QLatin1Char('\n') + note;
    if (m_preview.hasErrors())
        summary += QLatin1Char('\n') + tr("Correct the file (or give the reason above) and it is read again.");
    m_summary->setText(problemText().isEmpty() ? summary : QString());
    m_import->setEnabled(problemText().isEmpty() && !m_preview.hasErrors() && !m_preview.plans.isEmpty());
}

void NomineeListDialog::runImport()
{
    if (!m_import->isEnabled())
        return;
    const int total = int(m_preview.plans.size());
    CommitProgress progress(this, tr("Adding the nominees…"), windowTitle(), total);
    const auto step = [&](int n, int all) {
        emit progressed(n, all);
        progress.step(n, all);
    };
    Tables::NomineeListCommitResult done;
    // A copy, and no preview while it runs: processEvents() above lets the reason field lose
    // its focus to the progress dialog, whose editingFinished would read the file again and
    // replace the very preview being written.
    const Tables::NomineeListPreview preview = m_preview;
    m_importing = true;
    try {
        done = Tables::commitNomineeList(m_db, preview, step, progress.cancelFlag());
        m_importing = false;
    } catch (const Core::Error &e) {
        m_importing = false;
        progress.close();
        reload(); // someone may have changed the dossier meanwhile: show what the file does now
        showProblem(e.message());
        return;
    }
    progress.close();
    if (done.cancelled) {
        showProblem(tr("The import was cancelled: nothing was added."));
        return;
    }
    m_added = done.added;
    accept();
}

} // namespace VinhDanh::Ui
