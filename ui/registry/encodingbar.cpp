#include "ui/registry/encodingbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

namespace Tables = Core::Tables;

EncodingBar::EncodingBar(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel(this)), m_column(new QComboBox(this)), m_encoding(new QComboBox(this))
{
    m_summary->setObjectName(QStringLiteral("encodingSummary"));
    m_column->setObjectName(QStringLiteral("encodingColumn"));
    m_encoding->setObjectName(QStringLiteral("encodingChoice"));
    m_summary->setWordWrap(true);
    for (Tables::TextEncoding e :
         {Tables::TextEncoding::Unicode, Tables::TextEncoding::Tcvn3, Tables::TextEncoding::Vni, Tables::TextEncoding::Viqr})
        m_encoding->addItem(Tables::encodingText(e), int(e));
    m_column->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *label = new QLabel(tr("Te&xt encoding of column:"), this);
    label->setBuddy(m_column);
    auto *choice = new QHBoxLayout;
    choice->setContentsMargins(0, 0, 0, 0);
    choice->addWidget(label);
    choice->addWidget(m_column);
    choice->addWidget(m_encoding);
    choice->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(choice);

    connect(m_column, &QComboBox::currentIndexChanged, this, &EncodingBar::showColumn);
    // Only the clerk's own pick is a choice: showColumn() sets the box with signals blocked.
    connect(m_encoding, &QComboBox::activated, this, [this](int index) {
        if (m_column->currentIndex() >= 0)
            emit encodingChosen(m_column->currentData().toInt(), Tables::TextEncoding(m_encoding->itemData(index).toInt()));
    });
    hide();
}

void EncodingBar::setColumns(const QList<Tables::ColumnEncoding> &columns, const QStringList &headers)
{
    const int current = m_column->currentData().isValid() ? m_column->currentData().toInt() : -1;
    m_columns = columns;
    QStringList lines;
    const QSignalBlocker block(m_column);
    m_column->clear();
    int select = -1;
    for (const Tables::ColumnEncoding &c : columns) {
        const QString header = headers.value(c.column);
        if (c.encoding != Tables::TextEncoding::Unicode || c.chosen)
            lines << Tables::encodingNote(c, header);
        m_column->addItem(header.isEmpty() ? Tables::columnName(c.column)
                                           : QStringLiteral("%1 – %2").arg(Tables::columnName(c.column), header),
                          c.column);
        // The column last looked at, else the first one converted.
        if (c.column == current || (current < 0 && select < 0 && c.encoding != Tables::TextEncoding::Unicode))
            select = m_column->count() - 1;
    }
    m_column->setCurrentIndex(select < 0 ? 0 : select);
    m_summary->setText(lines.isEmpty() ? tr("All columns are read as Unicode.") : lines.join(QLatin1Char('\n')));
    showColumn();
    setVisible(!columns.isEmpty());
}

QString EncodingBar::summaryText() const
{
    return m_summary->text();
}

void EncodingBar::showColumn()
{
    const int column = m_column->currentData().toInt();
    for (const Tables::ColumnEncoding &c : std::as_const(m_columns))
        if (c.column == column) {
            const QSignalBlocker block(m_encoding);
            m_encoding->setCurrentIndex(m_encoding->findData(int(c.encoding)));
        }
}

} // namespace VinhDanh::Ui
