#include "ui/dossiers/nomineelistdialog.h"

#include "ui/common/commitprogress.h"
#include "ui/widgets/columns.h"

#include "core/error.h"
#include "core/registry/recordrepository.h"
#include "core/tables/docxreader.h"
#include "core/tables/mappingpresets.h"
#include "core/tables/tablefile.h"
#include "core/tables/xlsxreader.h"
#include "ui/registry/columnmappingpanel.h"
#include "ui/registry/encodingbar.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/filedialogs.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <atomic>
#include <optional>

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
            case Details: return Tables::reasonsText(r.detailLines());
            }
        } else if (role == Qt::ToolTipRole && index.column() == Details && (!r.reasons.isEmpty() || !r.warnings.isEmpty())) {
            return r.detailLines().join(QLatin1Char('\n'));
        } else if (role == Qt::UserRole && index.column() == Status) {
            return Tables::statusCode(r.status);
        } else if (role == Qt::ForegroundRole && r.status == Tables::RowStatus::Error) {
            return QBrush(Qt::darkRed);
        } else if (role == Qt::ForegroundRole && !r.warnings.isEmpty()) {
            return QBrush(QColor(0x9a, 0x60, 0x00)); // amber: imports, but check it
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
    : QDialog(parent), m_db(db), m_dossier(dossier), m_model(new NomineeListModel(this)), m_encodingBar(new EncodingBar(this)),
      m_mapping(new ColumnMappingPanel(db, this)), m_file(new QLabel(tr("No file chosen."), this)), m_reason(new QLineEdit(this)),
      m_table(new QTableView(this)), m_summary(new QLabel(this)), m_problem(new QLabel(this)),
      m_import(new QPushButton(tr("&Import"), this)), m_sheet(new QComboBox(this)),
      m_sheetLabel(new QLabel(tr("&Sheet or table:"), this)), m_rejected(new QPushButton(tr("Save &rejected rows…"), this))
{
    setWindowTitle(tr("Import a list of nominees"));
    resize(1000, 660);
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
    // A workbook's sheets, or a Word file's tables (its whole list first: the tables as wide as
    // the largest, joined), as the CLI's --sheet NAME|N; shown when there is a choice.
    m_sheet->setObjectName(QStringLiteral("sheet"));
    m_sheetLabel->setBuddy(m_sheet);
    fileRow->addWidget(m_sheetLabel);
    fileRow->addWidget(m_sheet);
    m_sheet->hide();
    m_sheetLabel->hide();
    connect(m_sheet, &QComboBox::activated, this, [this] {
        m_encodings.clear();         // another sheet or table, other columns
        m_mapping->resetHeaderRow(); // and its own header row
        reload();
    });
    fileRow->addWidget(choose);
    // The preview works from what was read; the clerk who corrected the file reads it anew.
    m_reread = new QPushButton(tr("Re&ad the file again"), this);
    m_reread->setObjectName(QStringLiteral("reload"));
    m_reread->setEnabled(false);
    connect(m_reread, &QPushButton::clicked, this, &NomineeListDialog::reload);
    fileRow->addWidget(m_reread);

    m_reason->setObjectName(QStringLiteral("proceedReason"));
    m_reason->setPlaceholderText(tr("Needed only when the eligibility check finds a nominee not eligible"));
    // The preview follows the reason once the clerk leaves the field (not at every keystroke:
    // each preview runs the eligibility check of every row), from what was read.
    connect(m_reason, &QLineEdit::editingFinished, this, &NomineeListDialog::remap);
    m_mapping->setKind(Tables::MappingKind::Nominees);
    // Queued: the change comes from the mapping table's own editor, which the new mapping resets.
    connect(m_mapping, &ColumnMappingPanel::mappingChanged, this, &NomineeListDialog::remap, Qt::QueuedConnection);
    // A lower unit's list typed in .VnTime or VNI-Times: as in the registry's import dialog.
    connect(m_encodingBar, &EncodingBar::encodingChosen, this, &NomineeListDialog::chooseEncoding);
    auto *form = new QFormLayout;
    form->addRow(tr("Reason to propose anyway:"), m_reason);

    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    Columns::remember(m_table, QStringLiteral("nomineeListPreview"), {NomineeListModel::Name, NomineeListModel::Details});
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
    m_rejected->setObjectName(QStringLiteral("saveRejected"));
    m_rejected->setEnabled(false);
    buttons->addButton(m_rejected, QDialogButtonBox::ActionRole);
    connect(m_rejected, &QPushButton::clicked, this, &NomineeListDialog::chooseRejectedFile);
    connect(buttons->button(QDialogButtonBox::Close), &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(fileRow);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_encodingBar);
    layout->addWidget(m_mapping);
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

QString NomineeListDialog::encodingText() const
{
    return m_encodingBar->isHidden() ? QString() : m_encodingBar->summaryText();
}

namespace {
QList<Tables::EncodingChoice> choicesOf(const QHash<int, Tables::TextEncoding> &encodings)
{
    QList<Tables::EncodingChoice> choices;
    for (auto it = encodings.cbegin(); it != encodings.cend(); ++it)
        choices.append({QString::number(it.key() + 1), it.value()});
    return choices;
}
/// The texts of the row most likely the header (`chosen`, the clerk's row, first), by column:
/// what the encoding bar names the columns by when the list could not be mapped.
QStringList likelyHeaders(const Tables::Sheet &sheet, int chosen)
{
    int at = -1;
    for (int i = 0; chosen > 0 && i < sheet.rows.size() && at < 0; ++i)
        if (sheet.rows.at(i).number == chosen)
            at = i;
    if (at < 0)
        at = likelyHeaderIndex(sheet);
    QStringList headers;
    if (at >= 0)
        for (const Tables::Cell &c : sheet.rows.at(at).cells)
            headers << c.text;
    return headers;
}
} // namespace

void NomineeListDialog::chooseEncoding(int column, Tables::TextEncoding encoding)
{
    if (m_importing)
        return;
    // The choice in force before, put back when this one cannot be applied.
    const std::optional<Tables::TextEncoding> previous = m_encodings.contains(column) ? std::optional(m_encodings.value(column))
                                                                                      : std::nullopt;
    m_encodings.insert(column, encoding);
    if (!m_read)
        return; // nothing read: the next read applies the choice
    try {
        // From what was read: the file may have changed or gone since.
        Tables::applyEncodings(*m_read, choicesOf(m_encodings), m_read->guessedFrom);
    } catch (const Core::Error &e) {
        if (previous)
            m_encodings.insert(column, *previous);
        else
            m_encodings.remove(column);
        showProblem(e.message());
        return;
    }
    remap();
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
    if (path != m_path) {
        m_mapping->resetOverrides(); // another file: read from its headers first
        m_encodings.clear();
    }
    m_path = path;
    m_reread->setEnabled(true);
    m_file->setText(QDir::toNativeSeparators(path));
    fillSheets();
    reload();
    return problemText().isEmpty();
}

void NomineeListDialog::setProceedReason(const QString &reason)
{
    m_reason->setText(reason);
    remap();
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
    m_read.reset();
    try {
        m_read = std::make_unique<Tables::TableFile>(
            Tables::readFile(m_path, m_sheet->currentData().toString(), choicesOf(m_encodings)));
    } catch (const Core::Error &e) {
        m_mapping->clear();
        m_encodingBar->setColumns({}, {});
        remap();
        showProblem(e.message());
        m_summary->clear();
        return;
    }
    remap();
}

void NomineeListDialog::remap()
{
    if (m_importing)
        return;
    showProblem({});
    m_preview = Tables::NomineeListPreview();
    std::optional<Tables::NomineeMapping> mapping;
    // A saved mapping may name columns this list lacks: they are simply not there, and said so.
    QStringList absent;
    if (m_read) {
        try {
            // Encodings guessed from the table's rows only, as ImportTableDialog::remap does.
            const int chosenRow = m_mapping->headerRow();
            if (chosenRow > 0)
                Tables::guessBelowHeader(*m_read, choicesOf(m_encodings), chosenRow);
            m_mapping->setSheet(m_read->sheet); // the header-row box lists its first rows
            mapping = Tables::mapNomineeList(m_read->sheet, m_mapping->overrides(), &absent, chosenRow);
            if (chosenRow == 0 && Tables::guessBelowHeader(*m_read, choicesOf(m_encodings), mapping->headerRow)) {
                m_mapping->setSheet(m_read->sheet);
                absent.clear();
                mapping = Tables::mapNomineeList(m_read->sheet, m_mapping->overrides(), &absent, chosenRow);
            }
            m_mapping->showMapping(*mapping);
            m_encodingBar->setColumns(m_read->encodings, mapping->headers);
        } catch (const Core::Error &e) {
            m_mapping->showUnmapped(m_read->sheet); // the clerk can name the columns by hand
            // The bar stays: a mis-guessed encoding is often why the columns were not found.
            m_encodingBar->setColumns(m_read->encodings, likelyHeaders(m_read->sheet, m_mapping->headerRow()));
            showProblem(e.message() + m_mapping->headerRowNote());
        }
    }
    if (mapping) {
        try {
            m_preview = Tables::previewNomineeList(m_db, m_dossier.id, m_read->sheet, *mapping, m_reason->text());
        } catch (const Core::Error &e) {
            m_preview = Tables::NomineeListPreview();
            showProblem(e.message()); // the dossier closed meanwhile, a right withdrawn
        }
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
    if (!absent.isEmpty())
        summary += QLatin1Char('\n')
                   + tr("The column mapping names columns this list does not have: %1.").arg(absent.join(QStringLiteral(", ")));
    for (const QString &note : std::as_const(m_preview.notes))
        summary += QLatin1Char('\n') + note;
    if (m_preview.hasErrors())
        summary += QLatin1Char('\n') + tr("Correct the file and read it again (or give the reason above).");
    m_summary->setText(problemText().isEmpty() ? summary : QString());
    m_import->setEnabled(problemText().isEmpty() && !m_preview.hasErrors() && !m_preview.plans.isEmpty());
    m_rejected->setEnabled(m_preview.hasErrors());
}

void NomineeListDialog::fillSheets()
{
    m_sheet->clear();
    QFile f(m_path);
    if (f.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = f.readAll();
        // An unreadable file says why in reload(), from readFile(): nothing to list here.
        try {
            if (Tables::isDocxFile(bytes)) {
                const Tables::DocxDocument doc(bytes);
                if (doc.tables().size() > 1) {
                    m_sheet->addItem(tr("The whole list"), QString());
                    for (int i = 0; i < doc.tables().size(); ++i)
                        m_sheet->addItem(doc.tables().at(i).name, QString::number(i + 1));
                }
            } else if (bytes.startsWith("PK\x03\x04")) {
                const Tables::XlsxWorkbook book(bytes);
                for (const Tables::SheetInfo &s : book.sheets())
                    if (!s.hidden) // hidden ones are named in the preview's notes
                        m_sheet->addItem(s.name, s.name);
            }
        } catch (const Core::Error &) {
            m_sheet->clear();
        }
    }
    const bool choice = m_sheet->count() > 1;
    m_sheet->setVisible(choice);
    m_sheetLabel->setVisible(choice);
}

bool NomineeListDialog::chooseSheet(const QString &text)
{
    const int i = m_sheet->findText(text);
    if (i < 0)
        return false;
    m_sheet->setCurrentIndex(i);
    m_encodings.clear();
    m_mapping->resetHeaderRow();
    reload();
    return true;
}

void NomineeListDialog::chooseRejectedFile()
{
    const QString path = FileDialogs::saveRejectedRows(this, m_path);
    if (path.isEmpty())
        return;
    if (const QString problem = saveRejected(path); !problem.isEmpty())
        showError(this, tr("Save rejected rows"), problem);
}

QString NomineeListDialog::saveRejected(const QString &path) const
{
    try {
        Tables::saveRejected(m_preview, path); // the rows with errors and their reasons (core/tables/rejected.cpp)
    } catch (const Core::Error &e) {
        return e.message();
    }
    return {};
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
        remap(); // someone may have changed the dossier meanwhile: show what the rows do now
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
