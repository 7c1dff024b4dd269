// The list tabs of MovementEditorDialog: building the tables and moving the movement's lists
// in and out of them. Kept apart from the general tab so each file stays readable.
#include "ui/movements/movementeditordialog.h"

#include "core/domain/codes.h"
#include "core/text/vntext.h"
#include "ui/widgets/editabletable.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace {

using Col = EditableColumn;

QList<Core::CodeLabel> reviewChoices()
{
    // A phase ends in an interim or a final review; "annual" is not a phase review.
    QList<Core::CodeLabel> out;
    for (const Core::CodeLabel &c : Core::Codes::list(Core::Codes::Set::Occasion))
        if (c.code != QLatin1String("annual"))
            out << c;
    return out;
}

EditableTable *makeTable(const char *objectName, const QList<EditableColumn> &columns, QWidget *parent)
{
    auto *table = new EditableTable(columns, parent);
    table->setObjectName(QLatin1String(objectName));
    return table;
}

/// A tab holding one table under a one-line explanation.
QWidget *tablePage(EditableTable *table, const QString &hint, QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    auto *label = new QLabel(hint, page);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addWidget(table, 1);
    return page;
}

/// Rows the clerk added but left blank are dropped rather than saved as empty entries.
bool rowIsBlank(const EditableTable *t, int row)
{
    for (int c = 0; c < t->table()->columnCount(); ++c) {
        const Col::Kind kind = t->column(c).kind;
        if ((kind == Col::Text && !Core::Text::clean(t->text(row, c)).isEmpty()) || (kind == Col::Year && t->year(row, c) > 0)
            || (kind == Col::CodeList && !t->codes(row, c).isEmpty()))
            return false;
    }
    return t->rowData(row).toStringList().isEmpty();
}

QStringList cleanLines(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString cleaned = Core::Text::clean(line);
        if (!cleaned.isEmpty())
            out << cleaned;
    }
    return out;
}

QStringList storeTexts(const EditableTable *t)
{
    QStringList out;
    for (int row = 0; row < t->rowCount(); ++row) {
        const QString text = Core::Text::clean(t->text(row, 0));
        if (!text.isEmpty())
            out << text;
    }
    return out;
}

void loadTexts(EditableTable *t, const QStringList &texts)
{
    for (const QString &text : texts)
        t->setText(t->addRow(), 0, text);
}

} // namespace

void MovementEditorDialog::buildListTabs()
{
    const QList<Core::CodeLabel> occasions = Core::Codes::list(Core::Codes::Set::Occasion);
    const QList<Core::CodeLabel> kinds{{QStringLiteral("collective"), tr("Collective")},
                                       {QStringLiteral("individual"), tr("Individual")}};

    m_legalBases = makeTable("legalBases", {{tr("Legal basis"), Col::Text, {}, false, 0}}, this);
    m_tabs->addTab(tablePage(m_legalBases, tr("The documents the plan is based on, one per row."), this), tr("&Legal bases"));

    m_phases = makeTable("phases",
                         {{tr("Phase"), Col::Text, {}, false, 150},
                          {tr("From"), Col::Year, {}, false, 60},
                          {tr("To"), Col::Year, {}, false, 60},
                          {tr("Review"), Col::Code, reviewChoices(), true, 170},
                          {tr("Review year"), Col::Year, {}, false, 90},
                          {tr("Text"), Col::Text, {}, false, 0}},
                         this);
    m_tabs->addTab(tablePage(m_phases, tr("The phases in order; a phase may end in an interim or a final review."), this),
                   tr("P&hases"));

    m_contents = makeTable("contents", {{tr("Number"), Col::Text, {}, false, 70}, {tr("Content"), Col::Text, {}, false, 0}}, this);
    m_tabs->addTab(tablePage(m_contents, tr("The numbered contents of the movement."), this), tr("&Contents"));

    m_categories = makeTable(
        "categories",
        {{tr("Code"), Col::Text, {}, false, 130},
         {tr("Kind"), Col::Code, kinds, false, 100},
         {tr("Name"), Col::Text, {}, false, 0},
         {tr("Unit kinds"), Col::CodeList, Core::Codes::list(Core::Codes::Set::UnitKind), false, 200},
         {tr("Person categories"), Col::CodeList, Core::Codes::list(Core::Codes::Set::PersonCategory), false, 200}},
        this);
    m_tabs->addTab(tablePage(m_categories,
                             tr("Who competes. Standards refer to a category by its code; unit kinds apply to "
                                "collectives, person categories to individuals."),
                             this),
                   tr("Cat&egories"));
    // A new category gets a unique code at once, so standards can refer to it straight away.
    // (Connected after EditableTable's own handler, so the row exists when this runs.)
    connect(m_categories->addButton(), &QPushButton::clicked, this, [this] {
        const int row = m_categories->rowCount() - 1;
        QStringList used;
        for (int r = 0; r < m_categories->rowCount(); ++r)
            used << m_categories->text(r, CategoryCode);
        int n = m_categories->rowCount();
        while (used.contains(QStringLiteral("category_%1").arg(n)))
            ++n;
        m_categories->setText(row, CategoryCode, QStringLiteral("category_%1").arg(n));
    });

    m_awards = makeTable("awards",
                         {{tr("Occasion"), Col::Code, occasions, false, 150},
                          {tr("Award forms"), Col::CodeList, m_awardForms, false, 220},
                          {tr("Name in the plan"), Col::Text, {}, false, 0},
                          {tr("Recipients"), Col::Code, Core::Codes::list(Core::Codes::Set::Recipients), false, 170},
                          {tr("Note"), Col::Text, {}, false, 150}},
                         this);
    m_tabs->addTab(tablePage(m_awards, tr("The award forms the plan names, per occasion."), this), tr("A&wards"));

    m_tabs->addTab(buildStandardsTab(), tr("St&andards"));

    m_notes = makeTable("notes", {{tr("Note"), Col::Text, {}, false, 0}}, this);
    m_tabs->addTab(tablePage(m_notes, tr("Deadlines and other facts from the plan, one per row."), this), tr("N&otes"));

    for (EditableTable *t : {m_legalBases, m_phases, m_contents, m_categories, m_awards, m_standards, m_notes})
        connect(t, &EditableTable::changed, this, &MovementEditorDialog::onEdited);
    connect(m_categories, &EditableTable::changed, this, &MovementEditorDialog::refreshCategoryChoices);
}

QWidget *MovementEditorDialog::buildStandardsTab()
{
    const QList<Core::CodeLabel> occasions = Core::Codes::list(Core::Codes::Set::Occasion);
    m_standards = makeTable("standards",
                            {{tr("Award forms"), Col::CodeList, m_awardForms, false, 220},
                             {tr("Occasion"), Col::Code, occasions, false, 150},
                             {tr("Category"), Col::Code, {}, true, 200},
                             {tr("Heading"), Col::Text, {}, false, 0},
                             {tr("Items"), Col::ReadOnly, {}, false, 90}},
                            this);
    // Items are paragraphs, often several per group: they get a proper multi-line editor for
    // the selected row instead of a cramped cell.
    m_standardItems = new QPlainTextEdit(this);
    m_standardItems->setObjectName(QStringLiteral("standardItems"));
    m_standardItems->setPlaceholderText(tr("The standards of the selected group, one item per line."));
    m_standardItems->setEnabled(false);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *hint = new QLabel(tr("Standards grouped by award and nominee category. Select a group to edit its items below."), page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_standards, 3);
    layout->addWidget(new QLabel(tr("Items (one per line):"), page));
    layout->addWidget(m_standardItems, 2);

    connect(m_standards, &EditableTable::currentRowChanged, this, &MovementEditorDialog::showStandardItems);
    connect(m_standardItems, &QPlainTextEdit::textChanged, this, &MovementEditorDialog::storeStandardItems);
    return page;
}

void MovementEditorDialog::refreshCategoryChoices()
{
    QList<Core::CodeLabel> choices;
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        const QString code = m_categories->text(row, CategoryCode).trimmed();
        if (code.isEmpty())
            continue;
        const QString name = Core::Text::clean(m_categories->text(row, CategoryName));
        choices.append({code, name.isEmpty() ? code : name});
    }
    m_standards->setColumnCodes(StandardCategory, choices);
}

void MovementEditorDialog::showStandardItems(int row)
{
    const QSignalBlocker blocker(m_standardItems); // showing is not editing
    const bool valid = row >= 0 && row < m_standards->rowCount();
    m_standardItems->setEnabled(valid);
    m_standardItems->setPlainText(valid ? m_standards->rowData(row).toStringList().join(QLatin1Char('\n')) : QString());
}

void MovementEditorDialog::storeStandardItems()
{
    const int row = m_standards->currentRow();
    if (row < 0)
        return;
    const QStringList items = cleanLines(m_standardItems->toPlainText());
    m_standards->setRowData(row, items);
    m_standards->setText(row, StandardItems, tr("%n item(s)", nullptr, int(items.size())));
}

void MovementEditorDialog::loadLists(const Core::Movement &m)
{
    loadTexts(m_legalBases, m.legalBases);
    for (const Core::MovementPhase &p : m.phases) {
        const int row = m_phases->addRow();
        m_phases->setText(row, PhaseName, p.name);
        m_phases->setYear(row, PhaseFrom, p.fromYear);
        m_phases->setYear(row, PhaseTo, p.toYear);
        m_phases->setCode(row, PhaseReview, p.review);
        m_phases->setYear(row, PhaseReviewYear, p.reviewYear);
        m_phases->setText(row, PhaseText, p.text);
    }
    for (const Core::MovementContent &c : m.contents) {
        const int row = m_contents->addRow();
        m_contents->setText(row, ContentNumber, c.number);
        m_contents->setText(row, ContentText, c.text);
    }
    for (const Core::MovementCategory &c : m.categories) {
        const int row = m_categories->addRow();
        m_categories->setText(row, CategoryCode, c.code);
        m_categories->setCode(row, CategoryKind, c.kind);
        m_categories->setText(row, CategoryName, c.name);
        m_categories->setCodes(row, CategoryUnitKinds, c.unitKinds);
        m_categories->setCodes(row, CategoryPersonCategories, c.personCategories);
    }
    refreshCategoryChoices();
    for (const Core::MovementAward &a : m.awards) {
        const int row = m_awards->addRow();
        m_awards->setCode(row, AwardOccasion, a.occasion);
        m_awards->setCodes(row, AwardCodes, a.awardCodes);
        m_awards->setText(row, AwardName, a.name);
        m_awards->setCode(row, AwardRecipients, a.recipients);
        m_awards->setText(row, AwardNote, a.note);
    }
    for (const Core::MovementStandard &s : m.standards) {
        const int row = m_standards->addRow();
        m_standards->setCodes(row, StandardCodes, s.awardCodes);
        m_standards->setCode(row, StandardOccasion, s.occasion);
        m_standards->setCode(row, StandardCategory, s.category);
        m_standards->setText(row, StandardHeading, s.heading);
        m_standards->setRowData(row, s.items);
        m_standards->setText(row, StandardItems, tr("%n item(s)", nullptr, int(s.items.size())));
    }
    loadTexts(m_notes, m.notes);
    // Open every tab at its first row (addRow leaves the last one current).
    for (EditableTable *t : {m_legalBases, m_phases, m_contents, m_categories, m_awards, m_standards, m_notes})
        if (t->rowCount() > 0)
            t->setCurrentRow(0);
    showStandardItems(m_standards->currentRow());
}

void MovementEditorDialog::storeLists(Core::Movement &m) const
{
    m.legalBases = storeTexts(m_legalBases);
    m.notes = storeTexts(m_notes);

    m.phases.clear();
    for (int row = 0; row < m_phases->rowCount(); ++row) {
        if (rowIsBlank(m_phases, row))
            continue;
        Core::MovementPhase p;
        p.ordinal = int(m.phases.size()) + 1;
        p.name = Core::Text::clean(m_phases->text(row, PhaseName));
        p.fromYear = m_phases->year(row, PhaseFrom);
        p.toYear = m_phases->year(row, PhaseTo);
        p.review = m_phases->code(row, PhaseReview);
        p.reviewYear = m_phases->year(row, PhaseReviewYear);
        p.text = Core::Text::clean(m_phases->text(row, PhaseText));
        m.phases.append(p);
    }

    m.contents.clear();
    for (int row = 0; row < m_contents->rowCount(); ++row) {
        if (rowIsBlank(m_contents, row))
            continue;
        m.contents.append(
            {Core::Text::clean(m_contents->text(row, ContentNumber)), Core::Text::clean(m_contents->text(row, ContentText))});
    }

    // Categories are kept even when only their generated code is filled in: validation then
    // asks for the name instead of the row silently disappearing.
    m.categories.clear();
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        Core::MovementCategory c;
        c.code = m_categories->text(row, CategoryCode).trimmed();
        c.kind = m_categories->code(row, CategoryKind);
        c.name = Core::Text::clean(m_categories->text(row, CategoryName));
        c.unitKinds = m_categories->codes(row, CategoryUnitKinds);
        c.personCategories = m_categories->codes(row, CategoryPersonCategories);
        if (c.code.isEmpty() && c.name.isEmpty() && c.unitKinds.isEmpty() && c.personCategories.isEmpty())
            continue;
        m.categories.append(c);
    }

    m.awards.clear();
    for (int row = 0; row < m_awards->rowCount(); ++row) {
        if (rowIsBlank(m_awards, row))
            continue;
        m.awards.append({m_awards->code(row, AwardOccasion), m_awards->codes(row, AwardCodes),
                         Core::Text::clean(m_awards->text(row, AwardName)), m_awards->code(row, AwardRecipients),
                         Core::Text::clean(m_awards->text(row, AwardNote))});
    }

    m.standards.clear();
    for (int row = 0; row < m_standards->rowCount(); ++row) {
        if (rowIsBlank(m_standards, row))
            continue;
        m.standards.append({m_standards->codes(row, StandardCodes), m_standards->code(row, StandardOccasion),
                            m_standards->code(row, StandardCategory), Core::Text::clean(m_standards->text(row, StandardHeading)),
                            m_standards->rowData(row).toStringList()});
    }
}

} // namespace VinhDanh::Ui
