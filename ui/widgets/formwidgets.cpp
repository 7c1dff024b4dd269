#include "ui/widgets/formwidgets.h"

#include "core/text/vntext.h"

#include <QCompleter>
#include <QCoreApplication>
#include <QLabel>
#include <QStandardItemModel>

namespace VinhDanh::Ui {

namespace {
const QString kDisplayFormat = QStringLiteral("dd/MM/yyyy");
// The folded name, the text the completer matches against.
constexpr int FoldRole = Qt::UserRole + 1;

/// Matches the folded typed text against the folded names, but puts the real name (not the
/// folded one) into the line edit when an entry is chosen.
class FoldingCompleter : public QCompleter
{
public:
    using QCompleter::QCompleter;
    QStringList splitPath(const QString &path) const override { return {Core::Text::fold(path)}; }
    QString pathFromIndex(const QModelIndex &index) const override { return index.data(Qt::DisplayRole).toString(); }
};
} // namespace

DateField::DateField(QWidget *parent) : QLineEdit(parent)
{
    // Words, not a format code: a clerk reads "ngày/tháng/năm", never "dd/mm/yyyy" (issue 16).
    setPlaceholderText(tr("day/month/year"));
    setMaximumWidth(
        qMax(fontMetrics().horizontalAdvance(QStringLiteral("00/00/00000")), fontMetrics().horizontalAdvance(placeholderText())) + 24);
    // Rewrite what was typed in the canonical form once the clerk leaves the field.
    connect(this, &QLineEdit::editingFinished, this, [this] {
        const QDate d = parse(text());
        if (d.isValid())
            setText(format(d));
    });
}

QDate DateField::date() const
{
    return parse(text());
}

void DateField::setDate(const QDate &date)
{
    setText(format(date));
}

bool DateField::isAcceptable() const
{
    return text().trimmed().isEmpty() || date().isValid();
}

QDate DateField::parse(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    t.replace(QLatin1Char('.'), QLatin1Char('/')).replace(QLatin1Char('-'), QLatin1Char('/'));
    for (const char *fmt : {"d/M/yyyy", "ddMMyyyy"}) {
        const QDate d = QDate::fromString(t, QString::fromLatin1(fmt));
        if (d.isValid())
            return d;
    }
    return {};
}

QString DateField::format(const QDate &date)
{
    return date.isValid() ? date.toString(kDisplayFormat) : QString();
}

UnitPicker::UnitPicker(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    // Typing must never add an entry: the list is the units that exist.
    setInsertPolicy(QComboBox::NoInsert);
    setMaxVisibleItems(20);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(28);
    auto *completer = new FoldingCompleter(model(), this);
    completer->setCompletionRole(FoldRole);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(completer);
    // A name typed in full (folded or not) selects that unit, so currentIndex follows the text.
    connect(lineEdit(), &QLineEdit::editingFinished, this, &UnitPicker::resolveTypedText);
}

void UnitPicker::setUnits(const QList<Core::IdName> &units, const QString &noneText, qint64 excludeId)
{
    const qint64 previous = unitId();
    auto *items = qobject_cast<QStandardItemModel *>(model());
    items->clear();
    auto *none = new QStandardItem(noneText);
    none->setData(qint64(0), Qt::UserRole);
    none->setData(QString(), FoldRole);
    items->appendRow(none);
    for (const Core::IdName &u : units) {
        if (u.id == excludeId)
            continue;
        auto *item = new QStandardItem(u.name);
        item->setData(u.id, Qt::UserRole);
        item->setData(Core::Text::fold(u.name), FoldRole);
        items->appendRow(item);
    }
    setUnitId(previous > 0 ? previous : 0);
}

void UnitPicker::setUnitId(qint64 id)
{
    const int row = findData(id);
    setCurrentIndex(row < 0 ? 0 : row);
}

qint64 UnitPicker::unitId() const
{
    const QString text = Core::Text::clean(currentText());
    if (text.isEmpty() || count() == 0)
        return 0;
    // Prefer the current entry: two units may share a name (a ward in two districts).
    const int current = currentIndex();
    if (current >= 0 && Core::Text::clean(itemText(current)) == text)
        return itemData(current).toLongLong();
    const QString folded = Core::Text::fold(text);
    for (int row = 0; row < count(); ++row) {
        if (itemData(row, FoldRole).toString() == folded || Core::Text::clean(itemText(row)) == text)
            return itemData(row).toLongLong();
    }
    return -1;
}

void UnitPicker::resolveTypedText()
{
    const qint64 id = unitId();
    if (id >= 0 && currentData().toLongLong() != id)
        setUnitId(id);
}

void fillCodes(QComboBox *combo, Core::Codes::Set set, const QString &emptyText)
{
    combo->clear();
    if (!emptyText.isNull())
        combo->addItem(emptyText, QString());
    for (const Core::CodeLabel &c : Core::Codes::list(set))
        combo->addItem(c.label, c.code);
}

QString currentCode(const QComboBox *combo)
{
    return combo->currentData().toString();
}

void selectData(QComboBox *combo, const QVariant &value)
{
    const int row = combo->findData(value);
    combo->setCurrentIndex(row < 0 ? 0 : row);
}

QLabel *makeProblemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problems"));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

void showProblems(QLabel *label, const QStringList &problems)
{
    QStringList lines;
    for (const QString &p : problems)
        lines << QStringLiteral("• ") + p;
    label->setText(lines.join(QLatin1Char('\n')));
    label->setVisible(!problems.isEmpty());
}

QString badDateMessage(const QString &fieldLabel, const QString &text)
{
    return QCoreApplication::translate(
               "VinhDanh::Ui::DateField",
               "%1: “%2” is not a date; write it as day/month/year (for example 06/12/2026), or leave it empty.")
        .arg(fieldLabel, text.trimmed());
}

} // namespace VinhDanh::Ui
