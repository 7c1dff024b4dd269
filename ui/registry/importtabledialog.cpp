#include "ui/registry/importtabledialog.h"

#include "ui/common/commitprogress.h"
#include "ui/widgets/columns.h"

#include "core/error.h"
#include "core/tables/awardmapping.h"
#include "core/tables/mappingpresets.h"
#include "core/tables/tablefile.h"
#include "core/tables/templates.h"
#include "core/tables/unitmapping.h"
#include "core/tables/xlsxreader.h"
#include "ui/registry/columnmappingpanel.h"
#include "ui/registry/encodingbar.h"
#include "ui/registry/importpreviewmodel.h"
#include "ui/widgets/errorbox.h"
#include "ui/widgets/filedialogs.h"

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

#include <algorithm>
#include <atomic>
#include <optional>

namespace VinhDanh::Ui {

namespace Tables = Core::Tables;

namespace {
Tables::MappingKind mappingKind(ImportTableDialog::ListKind kind)
{
    switch (kind) {
    case ImportTableDialog::ListKind::Units: return Tables::MappingKind::Units;
    case ImportTableDialog::ListKind::Awards: return Tables::MappingKind::Awards;
    case ImportTableDialog::ListKind::Disciplines: return Tables::MappingKind::Disciplines;
    case ImportTableDialog::ListKind::Initiatives: return Tables::MappingKind::Initiatives;
    case ImportTableDialog::ListKind::People: break;
    }
    return Tables::MappingKind::People;
}
} // namespace

ImportTableDialog::ImportTableDialog(Core::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_kind(new QComboBox(this)), m_model(new ImportPreviewModel(this)),
      m_encodingBar(new EncodingBar(this)), m_mapping(new ColumnMappingPanel(db, this)), m_file(new QLabel(this)),
      m_sheet(new QComboBox(this)), m_sheetLabel(new QLabel(tr("&Sheet:"), this)), m_table(new QTableView(this)),
      m_summary(new QLabel(this)), m_problem(new QLabel(this)), m_reload(new QPushButton(tr("Re&ad the file again"), this)),
      m_rejected(new QPushButton(tr("Save &rejected rows…"), this)), m_import(new QPushButton(tr("&Import"), this))
{
    // Created first: the first field of the dialog (what the file holds, then the file).
    m_kind->setObjectName(QStringLiteral("listKind"));
    m_kind->addItem(tr("staff"), int(ListKind::People));
    m_kind->addItem(tr("units"), int(ListKind::Units));
    m_kind->addItem(tr("awards and titles"), int(ListKind::Awards));
    m_kind->addItem(tr("disciplines"), int(ListKind::Disciplines));
    m_kind->addItem(tr("initiatives"), int(ListKind::Initiatives));
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
    // The reasons take what the other columns leave; widths and hidden columns are remembered.
    m_table->setObjectName(QStringLiteral("preview"));
    Columns::remember(m_table, QStringLiteral("importPreview"), {ImportPreviewModel::Details});

    auto *choose = new QPushButton(tr("&Choose a file…"), this);
    choose->setObjectName(QStringLiteral("chooseFile"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(kindLabel);
    fileRow->addWidget(m_kind);
    fileRow->addWidget(choose);
    auto *getTemplate = new QPushButton(tr("Get a &template…"), this);
    getTemplate->setObjectName(QStringLiteral("getTemplate"));
    getTemplate->setToolTip(tr("Save an Excel template of this list to fill in: the columns the import reads, with "
                               "drop-down lists."));
    fileRow->addWidget(getTemplate);
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
    layout->addWidget(m_mapping);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(choose, &QPushButton::clicked, this, &ImportTableDialog::chooseFile);
    connect(getTemplate, &QPushButton::clicked, this, &ImportTableDialog::saveTemplate);
    connect(m_kind, &QComboBox::activated, this, [this] {
        setWindowTitle(title());
        m_mapping->setKind(mappingKind(listKind()));
        remap(); // what was read, as the other list
    });
    connect(m_reload, &QPushButton::clicked, this, &ImportTableDialog::reload);
    connect(m_sheet, &QComboBox::activated, this, [this] {
        m_encodings.clear();         // another sheet, other columns
        m_mapping->resetHeaderRow(); // and its own header row
        reload();
    });
    // Queued: the change comes from the mapping table's own editor, which the new mapping resets.
    // From memory: the file is not read again (see loadFile).
    connect(m_mapping, &ColumnMappingPanel::mappingChanged, this, &ImportTableDialog::remap, Qt::QueuedConnection);
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
    // The choice in force before, put back when this one cannot be applied.
    const std::optional<Tables::TextEncoding> previous = m_encodings.contains(column) ? std::optional(m_encodings.value(column))
                                                                                      : std::nullopt;
    m_encodings.insert(column, encoding);
    if (!m_read)
        return; // nothing read: the next read applies the choice
    try {
        // From what was read: the file may have changed or gone since.
        Tables::applyEncodings(*m_read, encodingChoices(), m_read->guessedFrom);
    } catch (const Core::Error &e) {
        if (previous)
            m_encodings.insert(column, *previous);
        else
            m_encodings.remove(column);
        showProblem(tr("The file %1 cannot be imported: %2").arg(QFileInfo(m_path).fileName(), e.message()));
        return;
    }
    remap();
}

QList<Tables::EncodingChoice> ImportTableDialog::encodingChoices() const
{
    QList<Tables::EncodingChoice> choices;
    for (auto it = m_encodings.cbegin(); it != m_encodings.cend(); ++it)
        choices.append({QString::number(it.key() + 1), it.value()});
    return choices;
}

void ImportTableDialog::setListKind(ListKind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    setWindowTitle(title());
    m_mapping->setKind(mappingKind(kind));
    remap();
}

ImportTableDialog::ListKind ImportTableDialog::listKind() const
{
    return ListKind(m_kind->currentData().toInt());
}

QString ImportTableDialog::title() const
{
    switch (listKind()) {
    case ListKind::Units: return tr("Import unit list");
    case ListKind::Awards: return tr("Import award history");
    case ListKind::Disciplines: return tr("Import disciplinary records");
    case ListKind::Initiatives: return tr("Import initiatives");
    case ListKind::People: break;
    }
    return tr("Import staff list");
}

const Tables::SheetPreview &ImportTableDialog::sheetPreview() const
{
    switch (listKind()) {
    case ListKind::Units: return m_units;
    case ListKind::Awards: return m_awards;
    case ListKind::Disciplines: return m_disciplines;
    case ListKind::Initiatives: return m_initiatives;
    case ListKind::People: break;
    }
    return m_preview;
}

const QList<Tables::PreviewRow> &ImportTableDialog::rows() const
{
    return sheetPreview().rows;
}

int ImportTableDialog::count(Tables::RowStatus status) const
{
    return sheetPreview().count(status);
}

const QStringList &ImportTableDialog::notes() const
{
    return sheetPreview().notes;
}

/// The preview of the list kind chosen; Error when the file's columns do not make that list.
/// Returns the header row the mapping used.
int ImportTableDialog::previewFile(const Tables::TableFile &file)
{
    int usedRow = 0;
    QStringList *notes = nullptr;
    // The clerk's corrections, or the saved mapping chosen, for the columns this file has.
    const int headerRow = m_mapping->headerRow(); // the clerk's, or 0: found from the headers
    const QHash<QString, QString> overrides = Tables::presentOverrides(file.sheet, m_mapping->overrides(), headerRow);
    if (listKind() == ListKind::Awards || listKind() == ListKind::Disciplines || listKind() == ListKind::Initiatives) {
        const bool awards = listKind() == ListKind::Awards;
        const bool initiatives = listKind() == ListKind::Initiatives;
        const Tables::RecordMapping mapping = Tables::mapRecords(awards        ? Tables::RecordList::Awards
                                                                 : initiatives ? Tables::RecordList::Initiatives
                                                                               : Tables::RecordList::Disciplines,
                                                                 file.sheet, overrides, headerRow);
        m_mapping->showMapping(file.sheet, mapping);
        usedRow = mapping.headerRow;
        Tables::SheetPreview *preview = nullptr;
        if (awards)
            preview = &(m_awards = Tables::previewAwards(m_db, file.sheet, mapping));
        else if (initiatives)
            preview = &(m_initiatives = Tables::previewInitiatives(m_db, file.sheet, mapping));
        else
            preview = &(m_disciplines = Tables::previewDisciplines(m_db, file.sheet, mapping));
        m_unitColumn = mapping.columnOf(Tables::RecordField::Unit);
        m_encodingBar->setColumns(file.encodings, preview->headers);
        notes = &preview->notes;
    } else if (listKind() == ListKind::Units) {
        const Tables::UnitMapping mapping = Tables::mapUnits(file.sheet, overrides, headerRow);
        m_mapping->showMapping(file.sheet, mapping);
        usedRow = mapping.headerRow;
        m_units = Tables::previewUnits(m_db, file.sheet, mapping);
        m_unitColumn = mapping.columnOf(Tables::UnitField::Parent);
        m_encodingBar->setColumns(file.encodings, m_units.headers);
        notes = &m_units.notes;
    } else {
        const Tables::PeopleMapping mapping = Tables::mapPeople(file.sheet, overrides, headerRow);
        m_mapping->showMapping(file.sheet, mapping);
        usedRow = mapping.headerRow;
        m_preview = Tables::previewPeople(m_db, file.sheet, mapping);
        m_unitColumn = mapping.columnOf(Tables::Field::Unit);
        m_encodingBar->setColumns(file.encodings, m_preview.headers);
        notes = &m_preview.notes;
    }
    if (!file.hiddenSheets.isEmpty())
        notes->prepend(tr("Hidden sheets, not read: %1.").arg(file.hiddenSheets.join(QStringLiteral(", "))));
    // A saved mapping made on another office's file may name columns this one lacks: read
    // without them, and said so (a clerk who expected the column looks at the file).
    QStringList absent;
    const QHash<QString, QString> chosen = m_mapping->overrides(); // a copy: iterate one hash
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it)
        if (!overrides.contains(it.key()))
            absent << it.key();
    if (!absent.isEmpty()) {
        absent.sort();
        notes->prepend(tr("The column mapping names columns this file does not have: %1.").arg(absent.join(QStringLiteral(", "))));
    }
    return usedRow;
}

void ImportTableDialog::chooseFile()
{
    const QString dir = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath();
    const QString path = FileDialogs::openFile(this, title(), dir, tr("Spreadsheets (*.xlsx *.csv);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void ImportTableDialog::clearPreviews()
{
    m_preview = {};
    m_units = {};
    m_awards = {};
    m_disciplines = {};
    m_initiatives = {};
    m_unitColumn = -1;
}

bool ImportTableDialog::loadFile(const QString &path)
{
    if (path != m_path) {
        m_path = path;
        m_sheet->clear(); // another file: its own sheets, the first visible one to start
        m_encodings.clear();
        m_mapping->resetOverrides();
    }
    m_file->setText(QDir::toNativeSeparators(QFileInfo(path).fileName()));
    m_file->setToolTip(QDir::toNativeSeparators(path));
    m_read.reset();
    try {
        auto file = std::make_unique<Tables::TableFile>(Tables::readFile(path, m_sheet->currentText(), encodingChoices()));
        if (file->format == QLatin1String("XLSX") && m_sheet->count() == 0) {
            // The sheet box lists the visible sheets; hidden ones are named in the notes.
            QFile f(path);
            if (f.open(QIODevice::ReadOnly)) {
                const Tables::XlsxWorkbook book(f.readAll());
                for (const Tables::SheetInfo &s : book.sheets())
                    if (!s.hidden)
                        m_sheet->addItem(s.name);
                m_sheet->setCurrentText(file->sheet.name);
            }
        }
        m_read = std::move(file);
    } catch (const Core::Error &e) {
        clearPreviews();
        m_encodingBar->setColumns({}, {});
        m_mapping->clear();
        showPreview();
        showProblem(tr("The file %1 cannot be imported: %2").arg(QFileInfo(path).fileName(), e.message()));
        return false;
    }
    const bool manySheets = m_sheet->count() > 1;
    m_sheet->setVisible(manySheets);
    m_sheetLabel->setVisible(manySheets);
    return remap();
}

bool ImportTableDialog::remap()
{
    clearPreviews();
    if (!m_read) {
        showPreview();
        return false;
    }
    try {
        // The encodings guessed from the table's rows only: a title or sign-off box above the
        // header row, typed apart, must not outvote a short list (the row the clerk chose, or
        // else the one the mapping found; mapped again when the text changed).
        const int chosenRow = m_mapping->headerRow();
        if (chosenRow > 0)
            Tables::guessBelowHeader(*m_read, encodingChoices(), chosenRow);
        m_mapping->setSheet(m_read->sheet); // the header-row box lists its first rows
        const int usedRow = previewFile(*m_read);
        if (chosenRow == 0 && Tables::guessBelowHeader(*m_read, encodingChoices(), usedRow)) {
            clearPreviews();
            m_mapping->setSheet(m_read->sheet);
            previewFile(*m_read);
        }
        // Its name and SHA-256 go into the import's one audit entry (core/audit/bulkwrite.h).
        m_preview.sourceFile = m_units.sourceFile = m_awards.sourceFile = m_disciplines.sourceFile = m_initiatives.sourceFile = m_path;
        // The hash of the bytes read, not of the file at the commit (it may have changed since).
        m_preview.sourceSha256 = m_units.sourceSha256 = m_awards.sourceSha256 = m_disciplines.sourceSha256 =
            m_initiatives.sourceSha256 = m_read->sha256;
        m_problem->clear();
        m_problem->hide();
        showPreview();
        return true;
    } catch (const Core::Error &e) {
        clearPreviews();
        m_encodingBar->setColumns({}, {});
        m_mapping->showUnmapped(m_read->sheet); // the clerk can name the columns by hand
        showPreview();
        showProblem(tr("The file %1 cannot be imported: %2").arg(QFileInfo(m_path).fileName(), e.message())
                    + m_mapping->headerRowNote());
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
    m_model->reset(rows(), m_unitColumn, listKind() == ListKind::Units,
                   listKind() == ListKind::Awards        ? Tables::awardStatusText
                   : listKind() == ListKind::Disciplines ? Tables::disciplineStatusText
                   : listKind() == ListKind::Initiatives ? Tables::initiativeStatusText
                                                         : nullptr);
    // Widths are the columns keeper's (ui/widgets/columns.h: the reasons take what is left); a
    // width set here would count as the clerk's own and stop the fitting. Rows are as tall as
    // their wrapped reasons, measured again when a column's width changes; measuring every row
    // is slow on a whole province's list, so long lists keep one line a row and show the
    // reasons in the tooltip.
    m_table->verticalHeader()->setSectionResizeMode(rows().size() <= 2000 ? QHeaderView::ResizeToContents : QHeaderView::Interactive);

    const int errors = count(RowStatus::Error);
    const int changes = count(RowStatus::New) + count(RowStatus::Changed);
    QString summary;
    if (!rows().isEmpty())
        summary = tr("%1 new, %2 changed, %3 unchanged, %4 with errors.")
                      .arg(count(RowStatus::New))
                      .arg(count(RowStatus::Changed))
                      .arg(count(RowStatus::Unchanged))
                      .arg(errors);
    const auto warned = std::count_if(rows().cbegin(), rows().cend(),
                                      [](const Tables::PreviewRow &r) { return !r.warnings.isEmpty(); });
    if (warned > 0)
        summary += QStringLiteral("\n")
                   + tr("Rows that may add someone already in the registry: %1. They still import; check them first.").arg(warned);
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
                 "and leave them out of the file.")
                  .arg(errors);
    else if (changes == 0)
        why = tr("Nothing to import: every row is already in the registry as written.");
    m_import->setEnabled(why.isEmpty());
    m_import->setToolTip(why);
}

void ImportTableDialog::saveRejected()
{
    const QString path = FileDialogs::saveRejectedRows(this, m_path);
    if (path.isEmpty())
        return;
    try {
        Tables::saveRejected(sheetPreview(), path);
    } catch (const Core::Error &e) {
        showError(this, tr("Save rejected rows"), e);
    }
}

void ImportTableDialog::saveTemplate()
{
    Tables::TemplateKind kind = Tables::TemplateKind::People;
    QString name = tr("staff list template.xlsx");
    switch (listKind()) {
    case ListKind::People: break;
    case ListKind::Units:
        kind = Tables::TemplateKind::Units;
        name = tr("unit list template.xlsx");
        break;
    case ListKind::Awards:
        kind = Tables::TemplateKind::Awards;
        name = tr("award list template.xlsx");
        break;
    case ListKind::Disciplines:
        kind = Tables::TemplateKind::Disciplines;
        name = tr("discipline list template.xlsx");
        break;
    case ListKind::Initiatives:
        kind = Tables::TemplateKind::Initiatives;
        name = tr("initiative list template.xlsx");
        break;
    }
    const QString dir = m_path.isEmpty() ? QDir::homePath() : QFileInfo(m_path).absolutePath();
    const QString suggested = QDir(dir).filePath(name);
    QString path = FileDialogs::saveFile(this, tr("Get a template"), suggested, tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive))
        path += QStringLiteral(".xlsx");
    try {
        // The drop-downs list this database's units (those the account may edit) and award forms.
        Tables::writeTemplate(&m_db, kind, path);
    } catch (const Core::Error &e) {
        showError(this, tr("Get a template"), e);
    }
}

void ImportTableDialog::runImport()
{
    if (!m_import->isEnabled())
        return;
    const bool units = listKind() == ListKind::Units;
    const ListKind kind = listKind();
    const int total = int(kind == ListKind::Awards        ? m_awards.plans.size()
                          : kind == ListKind::Disciplines ? m_disciplines.plans.size()
                          : kind == ListKind::Initiatives ? m_initiatives.plans.size()
                          : units                         ? m_units.plans.size()
                                                          : m_preview.plans.size());
    CommitProgress progress(this,
                            kind == ListKind::Awards        ? tr("Importing the award history…")
                            : kind == ListKind::Disciplines ? tr("Importing the disciplinary records…")
                            : kind == ListKind::Initiatives ? tr("Importing the initiatives…")
                            : units                         ? tr("Importing the unit list…")
                                                            : tr("Importing the staff list…"),
                            title(), total);
    const auto step = [&](int n, int all) {
        emit progressed(n, all);
        progress.step(n, all);
    };
    const std::atomic_bool *cancel = progress.cancelFlag();
    bool cancelled = false;
    QString doneText;
    try {
        if (kind == ListKind::Awards) {
            const Tables::AwardCommitResult done = Tables::commitAwards(m_db, m_awards, step, cancel);
            cancelled = done.cancelled;
            doneText = tr("Imported: %1 awards added, %2 awards changed.").arg(done.awardsAdded).arg(done.awardsChanged);
        } else if (kind == ListKind::Disciplines) {
            const Tables::DisciplineCommitResult done = Tables::commitDisciplines(m_db, m_disciplines, step, cancel);
            cancelled = done.cancelled;
            doneText =
                tr("Imported: %1 disciplinary records added, %2 changed.").arg(done.disciplinesAdded).arg(done.disciplinesChanged);
        } else if (kind == ListKind::Initiatives) {
            const Tables::InitiativeCommitResult done = Tables::commitInitiatives(m_db, m_initiatives, step, cancel);
            cancelled = done.cancelled;
            doneText = tr("Imported: %1 initiatives added, %2 changed.").arg(done.initiativesAdded).arg(done.initiativesChanged);
        } else if (units) {
            const Tables::UnitCommitResult done = Tables::commitUnits(m_db, m_units, step, cancel);
            cancelled = done.cancelled;
            doneText = tr("Imported: %1 units added, %2 units changed.").arg(done.unitsAdded).arg(done.unitsChanged);
        } else {
            const Tables::CommitResult done = Tables::commitPeople(m_db, m_preview, step, cancel);
            cancelled = done.cancelled;
            doneText = tr("Imported: %1 people added, %2 people changed, %3 ratings set.")
                           .arg(done.peopleAdded)
                           .arg(done.peopleChanged)
                           .arg(done.ratingsSet);
        }
    } catch (const Core::Error &e) {
        progress.close();
        showError(this, title(), e);
        remap(); // someone may have changed the registry meanwhile: show what the rows do now
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
