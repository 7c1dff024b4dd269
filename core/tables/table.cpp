#include "core/tables/table.h"

#include "core/text/vntext.h"

namespace VinhDanh::Core::Tables {

Cell Cell::fromText(const QString &text)
{
    Cell c;
    // NFD text (macOS, some Unikey settings) must compare equal to what is stored.
    c.text = text.normalized(QString::NormalizationForm_C);
    c.kind = c.text.isEmpty() ? Kind::Empty : Kind::Text;
    return c;
}

const Cell &Row::cell(int column) const
{
    static const Cell empty;
    return column >= 0 && column < cells.size() ? cells.at(column) : empty;
}

bool Row::isEmpty() const
{
    return std::all_of(cells.begin(), cells.end(), [](const Cell &c) { return c.isEmpty(); });
}

QString columnName(int index)
{
    QString name;
    for (int n = index + 1; n > 0; n = (n - 1) / 26)
        name.prepend(QChar(u'A' + (n - 1) % 26));
    return name;
}

} // namespace VinhDanh::Core::Tables
