#include "ui/registry/columnmappingpanel.h"

#include "core/error.h"
#include "core/tables/awardmapping.h"
#include "core/tables/mappingfile.h"
#include "core/tables/peoplemapping.h"
#include "core/tables/unitmapping.h"
#include "ui/common/columns.h"

#include <QComboBox>
#include <QFont>
#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyledItemDelegate>
#include <QTableView>

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
      m_view(new QTableView(this)), m_save(new QPushButton(tr("Sa&ve the column mapping…"), this))
{
    m_presets->setObjectName(QStringLiteral("mappingPresets"));
    m_view->setObjectName(QStringLiteral("columnMapping"));
    m_save->setObjectName(QStringLiteral("saveMapping"));
    m_save->setToolTip(tr("Save how the columns are read under a name, for every clerk of the office and for files "
                          "laid out the same way."));
    auto *presetLabel = new QLabel(tr("Column mappin&g:"), this);
    presetLabel->setBuddy(m_presets);
    auto *viewLabel = new QLabel(tr("How the columns are rea&d:"), this);
    viewLabel->setBuddy(m_view);

    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ColumnMappingModel::Reading, new ReadingDelegate(m_view));
    // F2, typing or a double click opens the combo; Tab moves on to the preview.
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked
                                | QAbstractItemView::SelectedClicked);
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
    layout->setColumnStretch(3, 1);
    layout->addWidget(viewLabel, 1, 0, Qt::AlignTop);
    layout->addWidget(m_view, 1, 1, 1, 3);

    connect(m_model, &ColumnMappingModel::fieldChosen, this, [this](const QString &header, const QString &field) {
        m_overrides.insert(Tables::headerKey(header), field);
        m_save->setEnabled(true);
        emit mappingChanged();
    });
    connect(m_presets, &QComboBox::activated, this, [this] { choosePreset(m_presets->currentData().toString()); });
    connect(m_save, &QPushButton::clicked, this, &ColumnMappingPanel::askAndSave);
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
    m_presets->setCurrentIndex(0);
    m_save->setEnabled(false);
}

void ColumnMappingPanel::clear()
{
    m_model->reset({}, Tables::mappingChoices(m_kind));
    m_save->setEnabled(!m_overrides.isEmpty());
    setVisible(false);
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
        } catch (const Core::Error &e) {
            QMessageBox::warning(this, tr("Column mapping"), e.message());
        }
    }
    m_save->setEnabled(!m_overrides.isEmpty());
    emit mappingChanged();
}

bool ColumnMappingPanel::savePreset(const QString &name)
{
    try {
        Tables::saveMappingPreset(m_db, m_kind, name, m_overrides);
    } catch (const Core::Error &e) {
        QMessageBox::warning(this, tr("Save the column mapping"), e.message());
        return false;
    }
    loadPresets(Core::Tables::mappingPresetNames(m_db, m_kind).contains(name.simplified()) ? name.simplified() : QString());
    return true;
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
    m_save->setEnabled(!m_overrides.isEmpty());
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

void ColumnMappingPanel::showUnmapped(const Tables::Sheet &sheet)
{
    // The clerk's own correction failed (two columns read as one field…): the table stays as
    // they left it, so they can undo it.
    if (m_model->rowCount() > 0 && !m_overrides.isEmpty())
        return;
    const int scan = qMin(20, int(sheet.rows.size()));
    for (int i = 0; i < scan; ++i) {
        const Tables::Row &row = sheet.rows.at(i);
        const auto filled = std::count_if(row.cells.cbegin(), row.cells.cend(), [](const Tables::Cell &c) { return !c.isEmpty(); });
        if (filled >= 2) {
            showRow(row, {}, {});
            return;
        }
    }
    clear();
}

} // namespace VinhDanh::Ui
