#include "ui/registry/columnmappingpanel.h"

#include "core/error.h"
#include "core/tables/awardmapping.h"
#include "core/tables/mappingfile.h"
#include "core/tables/nomineelist.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/unitmapping.h"
#include "core/text/vntext.h"
#include "ui/widgets/columns.h"

#include "ui/widgets/errorbox.h"

#include <QComboBox>
#include <QFont>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTableView>

#include <algorithm>

namespace VinhDanh::Ui {

namespace Tables = Core::Tables;

namespace {
/// The reading column's editor: a combo of the list's fields in words (the field name as data).
class ReadingDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("readingEditor"));
        if (const auto *m = qobject_cast<const ColumnMappingModel *>(index.model()))
            for (const Tables::MappingChoice &c : m->choices())
                combo->addItem(c.words, c.field);
        // A choice made in the open list is taken at once, not when the editor loses focus.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            emit const_cast<ReadingDelegate *>(this)->commitData(combo);
            emit const_cast<ReadingDelegate *>(this)->closeEditor(combo);
        });
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(qMax(0, combo->findData(index.data(Qt::EditRole))));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
    }
};

/// The years written in the headers ("Xếp loại 2021", "DH 2023"): the per-year fields offered.
QList<int> yearsIn(const Tables::Row &header)
{
    static const QRegularExpression re(QStringLiteral(R"(\b((?:19|20)\d{2})\b)"));
    QList<int> years;
    for (const Tables::Cell &c : header.cells)
        if (const auto m = re.match(c.text); m.hasMatch())
            years << m.captured(1).toInt();
    return years;
}
} // namespace

void ColumnMappingModel::reset(const QList<MappedHeader> &headers, const QList<Tables::MappingChoice> &choices)
{
    beginResetModel();
    m_rows = headers;
    m_choices = choices;
    endResetModel();
}

int ColumnMappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ColumnMappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ColumnMappingModel::words(const QString &field) const
{
    if (field.isEmpty())
        return tr("Left out (not recognised)");
    for (const Tables::MappingChoice &c : m_choices)
        if (c.field == field)
            return c.words;
    return field;
}

QVariant ColumnMappingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MappedHeader &h = m_rows.at(index.row());
    if (role == Qt::DisplayRole)
        return index.column() == Header ? h.header : words(h.field);
    if ((role == Qt::EditRole || role == Qt::UserRole) && index.column() == Reading)
        return h.field.isEmpty() ? QStringLiteral("ignore") : h.field;
    if (role == Qt::EditRole)
        return h.header;
    if (role == Qt::ToolTipRole && index.column() == Reading)
        return tr("Press F2 or double-click to choose what this column holds.");
    if (role == Qt::FontRole && index.column() == Reading && (h.field.isEmpty() || h.field == QLatin1String("ignore"))) {
        QFont f;
        f.setItalic(true); // left out: the clerk looks here first
        return f;
    }
    return {};
}

bool ColumnMappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Reading || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const QString field = value.toString();
    if (std::none_of(m_choices.cbegin(), m_choices.cend(), [&](const Tables::MappingChoice &c) { return c.field == field; }))
        return false;
    MappedHeader &h = m_rows[index.row()];
    if (h.field == field)
        return true;
    h.field = field;
    emit dataChanged(index, index);
    emit fieldChosen(h.header, field);
    return true;
}

Qt::ItemFlags ColumnMappingModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Reading)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant ColumnMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == Header ? tr("Column in the file") : tr("Read as");
}

ColumnMappingPanel::ColumnMappingPanel(Core::Database &db, QWidget *parent)
    : QWidget(parent), m_db(db), m_model(new ColumnMappingModel(this)), m_presets(new QComboBox(this)),
      m_headerRowBox(new QComboBox(this)), m_view(new QTableView(this)),
      m_save(new QPushButton(tr("Sa&ve the column mapping…"), this)),
      m_delete(new QPushButton(tr("D&elete the column mapping…"), this))
{
    m_presets->setObjectName(QStringLiteral("mappingPresets"));
    m_view->setObjectName(QStringLiteral("columnMapping"));
    m_save->setObjectName(QStringLiteral("saveMapping"));
    m_delete->setObjectName(QStringLiteral("deleteMapping"));
    m_delete->setToolTip(tr("Delete the saved column mapping chosen in the list, for every clerk of the office."));
    m_save->setToolTip(tr("Save how the columns are read under a name, for every clerk of the office and for files "
                          "laid out the same way."));
    auto *presetLabel = new QLabel(tr("Column mappin&g:"), this);
    presetLabel->setBuddy(m_presets);
    m_headerRowBox->setObjectName(QStringLiteral("headerRow"));
    m_headerRowBox->setToolTip(tr("The row of the sheet that holds the column headers. Choose it when the list starts "
                                  "with a letterhead or a title that was taken for the headers."));
    m_headerRowBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_headerRowBox->setMinimumContentsLength(40);
    auto *headerRowLabel = new QLabel(tr("Header ro&w:"), this);
    headerRowLabel->setBuddy(m_headerRowBox);
    auto *viewLabel = new QLabel(tr("How the columns are rea&d:"), this);
    viewLabel->setBuddy(m_view);

    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ColumnMappingModel::Reading, new ReadingDelegate(m_view));
    // F2, typing or a double click opens the combo; Tab moves on to the preview.
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked);
    m_view->setTabKeyNavigation(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Compact: a few lines, then it scrolls; the preview below keeps the room.
    m_view->setMaximumHeight(m_view->fontMetrics().height() * 9);
    Columns::remember(m_view, QStringLiteral("importColumnMapping"), {ColumnMappingModel::Reading});

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(presetLabel, 0, 0);
    layout->addWidget(m_presets, 0, 1);
    layout->addWidget(m_save, 0, 2);
    layout->addWidget(m_delete, 0, 3);
    layout->setColumnStretch(4, 1);
    layout->addWidget(headerRowLabel, 1, 0);
    layout->addWidget(m_headerRowBox, 1, 1, 1, 3);
    layout->addWidget(viewLabel, 2, 0, Qt::AlignTop);
    layout->addWidget(m_view, 2, 1, 1, 4);

    connect(m_model, &ColumnMappingModel::fieldChosen, this, [this](const QString &header, const QString &field) {
        m_overrides.insert(Tables::headerKey(header), field);
        updateButtons();
        emit mappingChanged();
    });
    connect(m_presets, &QComboBox::activated, this, [this] { choosePreset(m_presets->currentData().toString()); });
    connect(m_headerRowBox, &QComboBox::activated, this, [this](int index) { setHeaderRow(m_headerRowBox->itemData(index).toInt()); });
    connect(m_save, &QPushButton::clicked, this, &ColumnMappingPanel::askAndSave);
    connect(m_delete, &QPushButton::clicked, this, &ColumnMappingPanel::askAndDelete);
    loadPresets();
    clear();
}

void ColumnMappingPanel::setKind(Tables::MappingKind kind)
{
    m_kind = kind;
    m_overrides.clear();
    loadPresets();
    clear();
}

void ColumnMappingPanel::resetOverrides()
{
    m_overrides.clear();
    m_headerRow = 0;
    m_headerRowMapping.clear();
    showHeaderRow();
    m_presets->setCurrentIndex(0);
    updateButtons();
}

void ColumnMappingPanel::resetHeaderRow()
{
    m_headerRow = 0;
    m_headerRowMapping.clear();
    m_foundRow = 0;
    showHeaderRow();
    updateButtons();
}

void ColumnMappingPanel::updateButtons()
{
    m_save->setEnabled(!m_overrides.isEmpty() || m_headerRow > 0);
    m_delete->setEnabled(m_presets->currentIndex() > 0); // a saved mapping is chosen
}

void ColumnMappingPanel::clear()
{
    m_model->reset({}, Tables::mappingChoices(m_kind));
    updateButtons();
    setVisible(false);
}

void ColumnMappingPanel::setSheet(const Tables::Sheet &sheet)
{
    const QSignalBlocker block(m_headerRowBox);
    m_headerRowBox->clear();
    m_headerRowBox->addItem(QString(), 0); // "found automatically": its text says the row (showHeaderRow)
    // The first rows as the clerk sees them: the header is near the top, under the letterhead.
    const int shown = qMin(30, int(sheet.rows.size()));
    for (int i = 0; i < shown; ++i) {
        const Tables::Row &row = sheet.rows.at(i);
        QStringList texts;
        for (const Tables::Cell &c : row.cells)
            if (!c.isEmpty())
                texts << c.text.simplified();
        if (texts.isEmpty())
            continue;
        QString line = texts.join(QStringLiteral(" | "));
        if (line.size() > 90)
            line = line.left(89) + QChar(0x2026);
        m_headerRowBox->addItem(tr("Row %1: %2").arg(row.number).arg(line), row.number);
    }
    showHeaderRow();
}

void ColumnMappingPanel::setHeaderRow(int row)
{
    m_headerRow = qMax(0, row);
    m_headerRowMapping.clear(); // the clerk's own choice now
    showHeaderRow();
    updateButtons();
    emit mappingChanged();
}

QString ColumnMappingPanel::headerRowNote() const
{
    // The clerk chose no row: the saved mapping did, made for another file's layout.
    if (m_headerRowMapping.isEmpty() || m_headerRow == 0)
        return {};
    return QLatin1Char(' ')
           + tr("The saved column mapping \"%1\" chose row %2 as the header; choose another row under \"Header row\", "
                "or \"Found from the headers\".")
                 .arg(m_headerRowMapping)
                 .arg(m_headerRow);
}

void ColumnMappingPanel::showHeaderRow()
{
    const QSignalBlocker block(m_headerRowBox);
    if (m_headerRowBox->count() == 0)
        m_headerRowBox->addItem(QString(), 0);
    m_headerRowBox->setItemText(0, m_foundRow > 0 && m_headerRow == 0 ? tr("Found from the headers (row %1)").arg(m_foundRow)
                                                                      : tr("Found from the headers"));
    int at = m_headerRowBox->findData(m_headerRow);
    if (at < 0) {
        // A saved mapping's row beyond the rows listed (or past the sheet's end: the preview says so).
        m_headerRowBox->addItem(tr("Row %1").arg(m_headerRow), m_headerRow);
        at = m_headerRowBox->count() - 1;
    }
    m_headerRowBox->setCurrentIndex(at);
}

void ColumnMappingPanel::loadPresets(const QString &current)
{
    m_presets->clear();
    m_presets->addItem(tr("Automatic (from the headers)"), QString());
    try {
        for (const QString &name : Tables::mappingPresetNames(m_db, m_kind))
            m_presets->addItem(name, name);
    } catch (const Core::Error &) {
        // A database that cannot be read here fails the preview too, which says why.
    }
    m_presets->setCurrentIndex(qMax(0, m_presets->findData(current)));
    updateButtons();
}

QStringList ColumnMappingPanel::presetNames() const
{
    QStringList names;
    for (int i = 1; i < m_presets->count(); ++i)
        names << m_presets->itemData(i).toString();
    return names;
}

void ColumnMappingPanel::choosePreset(const QString &name)
{
    m_presets->setCurrentIndex(qMax(0, m_presets->findData(name)));
    m_overrides.clear();
    if (!name.isEmpty()) {
        try {
            m_overrides = Tables::mappingPreset(m_db, m_kind, name);
            // A mapping saved with its header row brings it; one saved without keeps the row the
            // clerk chose, but not one another saved mapping brought (made for other files).
            if (const int row = Tables::mappingPresetHeaderRow(m_db, m_kind, name); row > 0) {
                m_headerRow = row;
                m_headerRowMapping = name;
            } else if (!m_headerRowMapping.isEmpty()) {
                m_headerRow = 0;
                m_headerRowMapping.clear();
            }
        } catch (const Core::Error &e) {
            showError(this, tr("Column mapping"), e);
        }
    } else {
        m_headerRow = 0; // "Automatic (from the headers)": the header row too
        m_headerRowMapping.clear();
    }
    showHeaderRow();
    updateButtons();
    emit mappingChanged();
}

bool ColumnMappingPanel::savePreset(const QString &name)
{
    try {
        Tables::saveMappingPreset(m_db, m_kind, name, m_overrides, m_headerRow);
    } catch (const Core::Error &e) {
        showError(this, tr("Save the column mapping"), e);
        return false;
    }
    loadPresets(Core::Tables::mappingPresetNames(m_db, m_kind).contains(name.simplified()) ? name.simplified() : QString());
    return true;
}

bool ColumnMappingPanel::deletePreset(const QString &name)
{
    try {
        Tables::deleteMappingPreset(m_db, m_kind, name);
    } catch (const Core::Error &e) {
        showError(this, tr("Delete the column mapping"), e);
        return false;
    }
    const bool applied = m_presets->currentIndex() > 0
                         && Core::Text::fold(m_presets->currentData().toString()) == Core::Text::fold(name);
    loadPresets(applied ? QString() : m_presets->currentData().toString());
    // The mapping applied is gone: the file is read from its headers again, as the box now says.
    if (applied)
        choosePreset({});
    return true;
}

void ColumnMappingPanel::askAndDelete()
{
    const QString name = m_presets->currentData().toString();
    if (name.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Delete the column mapping"),
                                              tr("Delete the saved column mapping \"%1\"? No clerk of the office will "
                                                 "find it in the list any more; lists already imported do not change.")
                                                  .arg(name),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer == QMessageBox::Yes)
        deletePreset(name);
}

void ColumnMappingPanel::askAndSave()
{
    bool ok = false;
    const QString current = m_presets->currentData().toString();
    const QString name = QInputDialog::getText(this, tr("Save the column mapping"),
                                               tr("A name for this column mapping (every clerk of the office will find it "
                                                  "in the list):"),
                                               QLineEdit::Normal, current, &ok);
    if (ok)
        savePreset(name);
}

void ColumnMappingPanel::showRow(const Tables::Row &header, const QHash<int, QString> &fields, const QList<int> &years)
{
    QList<MappedHeader> rows;
    for (int c = 0; c < header.cells.size(); ++c) {
        const QString text = header.cell(c).text.simplified();
        if (!text.isEmpty())
            rows.append({text, fields.value(c)});
    }
    m_model->reset(rows, Tables::mappingChoices(m_kind, years + yearsIn(header)));
    m_foundRow = header.number;
    showHeaderRow();
    updateButtons();
    setVisible(true);
}

void ColumnMappingPanel::showMapping(const Tables::Sheet &sheet, const Tables::PeopleMapping &m)
{
    QHash<int, QString> fields;
    QList<int> years;
    for (const Tables::MappedColumn &c : m.columns) {
        fields.insert(c.column, Tables::fieldName(c.field, c.year));
        if (c.year > 0)
            years << c.year;
    }
    showRow(sheet.rows.at(m.headerIndex), fields, years);
}

void ColumnMappingPanel::showMapping(const Tables::Sheet &sheet, const Tables::UnitMapping &m)
{
    QHash<int, QString> fields;
    for (const Tables::UnitColumn &c : m.columns)
        fields.insert(c.column, Tables::unitFieldName(c.field));
    showRow(sheet.rows.at(m.headerIndex), fields, {});
}

void ColumnMappingPanel::showMapping(const Tables::Sheet &sheet, const Tables::RecordMapping &m)
{
    QHash<int, QString> fields;
    QList<int> years;
    for (const Tables::RecordColumn &c : m.columns) {
        fields.insert(c.column, Tables::recordFieldName(c.field, c.year));
        if (c.year > 0)
            years << c.year;
    }
    showRow(sheet.rows.at(m.headerIndex), fields, years);
}

void ColumnMappingPanel::showMapping(const Tables::NomineeMapping &m)
{
    // The header as the mapping combined it (a two-row header's lower names over the upper).
    // A row under it that looks like the header's lower row but names a column nothing
    // recognises is read as data until the clerk names that column: shown as the two rows would
    // make the header, so they can (the upper name of a merged span gives way to the lower ones).
    const bool lower = m.lowerIndex >= 0;
    Tables::Row header;
    header.number = m.headerRow;
    for (const QString &text : lower ? m.lowerHeaders : m.headers)
        header.cells.append(Tables::Cell::fromText(text));
    QHash<int, QString> fields;
    for (const Tables::NomineeColumn &c : lower ? m.lowerColumns : m.columns)
        fields.insert(c.column, Tables::nomineeFieldName(c.field));
    showRow(header, fields, {});
}

void ColumnMappingPanel::showUnmapped(const Tables::Sheet &sheet)
{
    // The clerk's own correction failed (two columns read as one field…): the table stays as
    // they left it, so they can undo it.
    const bool correcting = m_model->rowCount() > 0 && !m_overrides.isEmpty();
    // A header row the clerk chose is shown as it is, for its columns to be named.
    if (m_headerRow > 0) {
        const auto at = std::find_if(sheet.rows.cbegin(), sheet.rows.cend(),
                                     [&](const Tables::Row &r) { return r.number == m_headerRow; });
        if (at != sheet.rows.cend() && !at->isEmpty()) {
            if (!(correcting && m_foundRow == m_headerRow))
                showRow(*at, {}, {});
            return;
        }
    }
    if (correcting)
        return;
    if (const int i = likelyHeaderIndex(sheet); i >= 0) {
        showRow(sheet.rows.at(i), {}, {});
        m_foundRow = 0; // a likely row, not one the mapping found: "found" names no row
        showHeaderRow();
    } else
        clear();
}

int likelyHeaderIndex(const Tables::Sheet &sheet)
{
    // Not simply the first row with two cells: a lower unit's list opens with its letterhead
    // ("UBND TỈNH…" beside "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), a title merged across, a
    // "(1) (2) (3)" line. A table's header is the row of most names (text, not numbers) whose
    // columns the rows under it fill too; the first such row wins, so the data rows below,
    // as wide as the header, never do.
    static const QRegularExpression numbering(QStringLiteral(R"(^[(\[]?\d+[)\].]?$)"));
    const auto isName = [](const Tables::Cell &c) {
        return c.kind == Tables::Cell::Kind::Text && !c.isEmpty() && !numbering.match(c.text.trimmed()).hasMatch();
    };
    const int scan = qMin(30, int(sheet.rows.size()));
    int best = -1, bestScore = 0, firstTwo = -1;
    for (int i = 0; i < scan; ++i) {
        const Tables::Row &row = sheet.rows.at(i);
        int names = 0, filled = 0, below = 0;
        for (int c = 0; c < row.cells.size(); ++c) {
            if (row.cell(c).isEmpty())
                continue;
            ++filled;
            if (!isName(row.cell(c)))
                continue;
            ++names;
            // Filled under it within the next few rows (a two-row header and a column-number
            // line may sit between the header and its data).
            for (int j = i + 1; j < qMin(i + 5, int(sheet.rows.size())); ++j)
                if (!sheet.rows.at(j).cell(c).isEmpty()) {
                    ++below;
                    break;
                }
        }
        if (filled >= 2 && firstTwo < 0)
            firstTwo = i;
        // One or two cells (a letterhead, a title, a group heading) are no table's header.
        if (names >= 3 && below > bestScore) {
            best = i;
            bestScore = below;
        }
    }
    return best >= 0 ? best : firstTwo; // a narrow list of two columns: its first such row
}

} // namespace VinhDanh::Ui
