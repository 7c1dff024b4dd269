#include "ui/registry/importtabledialog.h"

#include "core/error.h"
#include "core/tables/tablefile.h"
#include "core/tables/unitmapping.h"
#include "core/tables/xlsxreader.h"
#include "ui/common/filedialogs.h"
#include "ui/registry/encodingbar.h"

#include <QAbstractTableModel>
#include <QApplication>
#include <QBrush>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <atomic>

namespace VinhDanh::Ui {

namespace Tables = Core::Tables;

/// The preview's rows, one line per sheet row: row number, status in words, name, unit as
/// written, and what the row changes or why it is refused. Qt::UserRole on the status column
/// gives the status code (tests and colouring; never shown).
class ImportPreviewModel : public QAbstractTableModel
{
public:
    enum Column { RowNumber, Status, Name, Unit, Details, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    /// `units`: the rows of a unit list (their own name, and their parent in the "Unit" column).
    void reset(const QList<Tables::PreviewRow> &rows, int unitColumn, bool units)
    {
        beginResetModel();
        m_rows = rows;
        m_unitColumn = unitColumn;
        m_units = units;
        endResetModel();
        emit headerDataChanged(Qt::Horizontal, Name, Unit);
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
            case Status: return m_units ? Tables::unitStatusText(r.status) : Tables::statusText(r.status);
            case Name: return r.name;
            case Unit: return m_unitColumn >= 0 && m_unitColumn < r.cells.size() ? r.cells.at(m_unitColumn) : QString();
            case Details: return Tables::reasonsText(r.reasons);
            }
        } else if (role == Qt::ToolTipRole && index.column() == Details && !r.reasons.isEmpty()) {
            return r.reasons.join(QLatin1Char('\n'));
        } else if (role == Qt::UserRole && index.column() == Status) {
            return Tables::statusCode(r.status);
        } else if (role == Qt::ForegroundRole && r.status == Tables::RowStatus::Error) {
            return QBrush(QColor(0xb0, 0x00, 0x20));
        } else if (role == Qt::TextAlignmentRole && index.column() == RowNumber) {
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case RowNumber: return ImportTableDialog::tr("Row");
        case Status: return ImportTableDialog::tr("Status");
        case Name: return m_units ? ImportTableDialog::tr("Unit name") : ImportTableDialog::tr("Full name");
        case Unit: return m_units ? ImportTableDialog::tr("Parent unit") : ImportTableDialog::tr("Unit");
        case Details: return ImportTableDialog::tr("What changes / why refused");
        }
        return {};
    }

private:
    QList<Tables::PreviewRow> m_rows;
    int m_unitColumn = -1;
    bool m_units = false;
};

ImportTableDialog::ImportTableDialog(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_kind(new QComboBox(this)), m_model(new ImportPreviewModel(this)), m_encodingBar(new EncodingBar(this)),
      m_file(new QLabel(this)),
      m_sheet(new QComboBox(this)), m_sheetLabel(new QLabel(tr("&Sheet:"), this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this)), m_problem(new QLabel(this)), m_reload(new QPushButton(tr("&Read the file again"), this)),
      m_rejected(new QPushButton(tr("Save &rejected rows…"), this)), m_import(new QPushButton(tr("&Import"), this))
{
    // Created first: the first field of the dialog (what the file holds, then the file).
    m_kind->setObjectName(QStringLiteral("listKind"));
    m_kind->addItem(tr("staff"), int(ListKind::People));
    m_kind->addItem(tr("units"), int(ListKind::Units));
    auto *kindLabel = new QLabel(tr("&List:"), this);
    kindLabel->setBuddy(m_kind);
    setWindowTitle(title());
    m_sheet->setObjectName(QStringLiteral("sheet"));
    m_table->setObjectName(QStringLiteral("preview"));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_reload->setObjectName(QStringLiteral("reload"));
    m_rejected->setObjectName(QStringLiteral("saveRejected"));
    m_import->setObjectName(QStringLiteral("import"));
    m_sheetLabel->setBuddy(m_sheet);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The reasons are long sentences: their column takes the rest of the width and wraps.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ImportPreviewModel::Details, QHeaderView::Stretch);

    auto *choose = new QPushButton(tr("&Choose a file…"), this);
    choose->setObjectName(QStringLiteral("chooseFile"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(kindLabel);
    fileRow->addWidget(m_kind);
    fileRow->addWidget(choose);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_sheetLabel);
    fileRow->addWidget(m_sheet);
    fileRow->addWidget(m_reload);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_rejected, QDialogButtonBox::ActionRole);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_encodingBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(choose, &QPushButton::clicked, this, &ImportTableDialog::chooseFile);
    connect(m_kind, &QComboBox::activated, this, [this] {
        setWindowTitle(title());
        m_path.isEmpty() ? showPreview() : reload();
    });
    connect(m_reload, &QPushButton::clicked, this, &ImportTableDialog::reload);
    connect(m_sheet, &QComboBox::activated, this, [this] {
        m_encodings.clear(); // another sheet, other columns
        reload();
    });
    connect(m_encodingBar, &EncodingBar::encodingChosen, this, &ImportTableDialog::chooseEncoding);
    connect(m_rejected, &QPushButton::clicked, this, &ImportTableDialog::saveRejected);
    // The Import button is the box's accept role (Enter presses it) but must not close the
    // dialog by itself: runImport accepts only after a commit.
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(m_import, &QPushButton::clicked, this, &ImportTableDialog::runImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_file->setText(tr("No file chosen."));
    m_sheet->hide();
    m_sheetLabel->hide();
    showPreview();
    resize(1100, 620);
}

ImportTableDialog::~ImportTableDialog() = default;

QAbstractItemModel *ImportTableDialog::previewModel() const
{
    return m_model;
}

QString ImportTableDialog::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

QString ImportTableDialog::encodingText() const
{
    return m_encodingBar->isHidden() ? QString() : m_encodingBar->summaryText();
}

void ImportTableDialog::chooseEncoding(int column, Core::Tables::TextEncoding encoding)
{
    m_encodings.insert(column, encoding);
    reload();
}

void ImportTableDialog::setListKind(ListKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    setWindowTitle(title());
    m_path.isEmpty() ? showPreview() : reload();
}

ImportTableDialog::ListKind ImportTableDialog::listKind() const
{
    return ListKind(m_kind->currentData().toInt());
}

QString ImportTableDialog::title() const
{
    return listKind() == ListKind::Units ? tr("Import unit list") : tr("Import staff list");
}

const QList<Tables::PreviewRow> &ImportTableDialog::rows() const
{
    return listKind() == ListKind::Units ? m_units.rows : m_preview.rows;
}

int ImportTableDialog::count(Tables::RowStatus status) const
{
    return listKind() == ListKind::Units ? m_units.count(status) : m_preview.count(status);
}

const QStringList &ImportTableDialog::notes() const
{
    return listKind() == ListKind::Units ? m_units.notes : m_preview.notes;
}

/// The preview of the list kind chosen; Error when the file's columns do not make that list.
void ImportTableDialog::previewFile(const Tables::TableFile &file)
{
    QStringList *notes = nullptr;
    if (listKind() == ListKind::Units) {
        const Tables::UnitMapping mapping = Tables::mapUnits(file.sheet);
        m_units = Tables::previewUnits(m_db, file.sheet, mapping);
        m_unitColumn = mapping.columnOf(Tables::UnitField::Parent);
        m_encodingBar->setColumns(file.encodings, m_units.headers);
        notes = &m_units.notes;
    } else {
        const Tables::PeopleMapping mapping = Tables::mapPeople(file.sheet);
        m_preview = Tables::previewPeople(m_db, file.sheet, mapping);
        m_unitColumn = mapping.columnOf(Tables::Field::Unit);
        m_encodingBar->setColumns(file.encodings, m_preview.headers);
        notes = &m_preview.notes;
    }
    if (!file.hiddenSheets.isEmpty())
        notes->prepend(tr("Hidden sheets, not read: %1.").arg(file.hiddenSheets.join(QStringLiteral(", "))));
}

void ImportTableDialog::chooseFile()
{
    const QString dir = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath();
    const QString path = FileDialogs::openFile(this, title(), dir,
                                               tr("Spreadsheets (*.xlsx *.csv);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

bool ImportTableDialog::loadFile(const QString &path)
{
    if (path != m_path) {
        m_path = path;
        m_sheet->clear(); // another file: its own sheets, the first visible one to start
        m_encodings.clear();
    }
    m_file->setText(QDir::toNativeSeparators(QFileInfo(path).fileName()));
    m_file->setToolTip(QDir::toNativeSeparators(path));
    m_preview = {};
    m_units = {};
    m_unitColumn = -1;
    try {
        QList<Tables::EncodingChoice> choices;
        for (auto it = m_encodings.cbegin(); it != m_encodings.cend(); ++it)
            choices.append({QString::number(it.key() + 1), it.value()});
        const Tables::TableFile file = Tables::readFile(path, m_sheet->currentText(), choices);
        if (file.format == QLatin1String("XLSX") && m_sheet->count() == 0) {
            // The sheet box lists the visible sheets; hidden ones are named in the notes.
            QFile f(path);
            if (f.open(QIODevice::ReadOnly)) {
                const Tables::XlsxWorkbook book(f.readAll());
                for (const Tables::SheetInfo &s : book.sheets())
                    if (!s.hidden)
                        m_sheet->addItem(s.name);
                m_sheet->setCurrentText(file.sheet.name);
            }
        }
        const bool manySheets = m_sheet->count() > 1;
        m_sheet->setVisible(manySheets);
        m_sheetLabel->setVisible(manySheets);
        previewFile(file);
        m_problem->clear();
        m_problem->hide();
        showPreview();
        return true;
    } catch (const Core::Error &e) {
        m_preview = {};
        m_units = {};
        m_encodingBar->setColumns({}, {});
        showPreview();
        showProblem(tr("The file %1 cannot be imported: %2").arg(QFileInfo(path).fileName(), e.message()));
        return false;
    }
}

void ImportTableDialog::reload()
{
    if (!m_path.isEmpty())
        loadFile(m_path);
}

void ImportTableDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

void ImportTableDialog::showPreview()
{
    using Tables::RowStatus;
    m_model->reset(rows(), m_unitColumn, listKind() == ListKind::Units);
    for (int c = ImportPreviewModel::RowNumber; c < ImportPreviewModel::Details; ++c)
        m_table->resizeColumnToContents(c);
    // The name column gets room for a full Vietnamese name even when the first rows are short
    // ones; a very long unit name is cut.
    m_table->setColumnWidth(ImportPreviewModel::Name, qMax(m_table->columnWidth(ImportPreviewModel::Name), 200));
    m_table->setColumnWidth(ImportPreviewModel::Unit, qMin(qMax(m_table->columnWidth(ImportPreviewModel::Unit), 160), 320));
    // Measuring every row's height is slow on a whole province's list; long lists keep one line
    // per row and show the reasons in the tooltip.
    if (rows().size() <= 2000)
        m_table->resizeRowsToContents();

    const int errors = count(RowStatus::Error);
    const int changes = count(RowStatus::New) + count(RowStatus::Changed);
    QString summary;
    if (!rows().isEmpty())
        summary = tr("%1 new, %2 changed, %3 unchanged, %4 with errors.")
                      .arg(count(RowStatus::New))
                      .arg(count(RowStatus::Changed))
                      .arg(count(RowStatus::Unchanged))
                      .arg(errors);
    for (const QString &note : notes())
        summary += (summary.isEmpty() ? QString() : QStringLiteral("\n")) + note;
    m_summary->setText(summary);

    m_reload->setEnabled(!m_path.isEmpty());
    m_rejected->setVisible(errors > 0);
    QString why;
    if (m_path.isEmpty())
        why = tr("Choose a file first.");
    else if (rows().isEmpty())
        why = tr("The file has no rows to import.");
    else if (errors > 0)
        why = tr("Rows with errors: %1. Correct them in the file and read it again, or save the rejected rows "
                 "and leave them out of the file.").arg(errors);
    else if (changes == 0)
        why = tr("Nothing to import: every row is already in the registry as written.");
    m_import->setEnabled(why.isEmpty());
    m_import->setToolTip(why);
}

void ImportTableDialog::saveRejected()
{
    const QString suggested = QFileInfo(m_path).absoluteDir().filePath(
        tr("%1 - rejected rows.csv").arg(QFileInfo(m_path).completeBaseName()));
    const QString path = FileDialogs::saveFile(this, tr("Save rejected rows"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    try {
        if (listKind() == ListKind::Units)
            Tables::saveRejected(m_units, path);
        else
            Tables::saveRejected(m_preview, path);
    } catch (const Core::Error &e) {
        QMessageBox::warning(this, tr("Save rejected rows"), e.message());
    }
}

void ImportTableDialog::runImport()
{
    if (!m_import->isEnabled())
        return;
    const bool units = listKind() == ListKind::Units;
    const int total = int(units ? m_units.plans.size() : m_preview.plans.size());
    std::atomic_bool cancel{false};
    QProgressDialog progress(units ? tr("Importing the unit list…") : tr("Importing the staff list…"), tr("Cancel"), 0, total,
                             this);
    progress.setObjectName(QStringLiteral("importProgress"));
    progress.setWindowTitle(title());
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoReset(false);
    connect(&progress, &QProgressDialog::canceled, this, [&cancel] { cancel = true; });
    progress.show();

    // One transaction in this thread: the progress dialog's events (its Cancel button) are
    // handled between two rows, and a cancel rolls everything back.
    const auto step = [&](int n, int all) {
        progress.setValue(n);
        emit progressed(n, all);
        QApplication::processEvents();
        // Cancel (button or Escape) resets the dialog without always emitting canceled().
        if (progress.wasCanceled())
            cancel = true;
    };
    bool cancelled = false;
    QString doneText;
    try {
        if (units) {
            const Tables::UnitCommitResult done = Tables::commitUnits(m_db, m_units, step, &cancel);
            cancelled = done.cancelled;
            doneText = tr("Imported: %1 units added, %2 units changed.").arg(done.unitsAdded).arg(done.unitsChanged);
        } else {
            const Tables::CommitResult done = Tables::commitPeople(m_db, m_preview, step, &cancel);
            cancelled = done.cancelled;
            doneText = tr("Imported: %1 people added, %2 people changed, %3 ratings set.")
                           .arg(done.peopleAdded)
                           .arg(done.peopleChanged)
                           .arg(done.ratingsSet);
        }
    } catch (const Core::Error &e) {
        progress.close();
        QMessageBox::warning(this, title(), e.message());
        reload(); // someone may have changed the registry meanwhile: show what the file does now
        return;
    }
    progress.close();
    if (cancelled) {
        QMessageBox::information(this, title(), tr("The import was cancelled: nothing was written."));
        return;
    }
    QMessageBox::information(this, title(), doneText);
    accept();
}

} // namespace VinhDanh::Ui
