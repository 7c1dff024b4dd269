#include "ui/widgets/conflictdialog.h"

#include "ui/widgets/columns.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace VinhDanh::Ui {

ConflictDialog::ConflictDialog(const QString &message, const QList<ConflictField> &fields, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Someone else changed this record"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(message, this);
    text->setWordWrap(true);
    layout->addWidget(text);

    const QList<ConflictField> rows = differing(fields);
    auto *table = new QTableWidget(int(rows.size()), 3, this);
    table->setObjectName(QStringLiteral("differences"));
    table->setHorizontalHeaderLabels({tr("Field"), tr("Yours"), tr("Saved by the other user")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[r].label));
        table->setItem(r, 1, new QTableWidgetItem(rows[r].mine));
        table->setItem(r, 2, new QTableWidgetItem(rows[r].theirs));
    }
    Columns::remember(table, QStringLiteral("conflictDifferences"), {1, 2}); // the two values
    layout->addWidget(table);
    if (rows.isEmpty())
        layout->addWidget(new QLabel(tr("The fields of this form are the same; the other user changed something else."), this));

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keep = buttons->addButton(tr("&Keep theirs (reload)"), QDialogButtonBox::RejectRole);
    QPushButton *overwrite = buttons->addButton(tr("&Overwrite with mine"), QDialogButtonBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepTheirs"));
    overwrite->setObjectName(QStringLiteral("overwriteWithMine"));
    keep->setDefault(true); // the safe answer
    connect(keep, &QPushButton::clicked, this, [this] {
        m_choice = KeepTheirs;
        accept();
    });
    connect(overwrite, &QPushButton::clicked, this, [this] {
        m_choice = OverwriteWithMine;
        accept();
    });
    layout->addWidget(buttons);
    resize(640, 320);
}

QList<ConflictField> ConflictDialog::differing(const QList<ConflictField> &fields)
{
    QList<ConflictField> out;
    for (const ConflictField &f : fields)
        if (f.mine != f.theirs)
            out.append(f);
    return out;
}

QList<ConflictField> ConflictDialog::fields(const QList<ConflictColumn> &columns, const QVariantMap &mine, const QVariantMap &theirs)
{
    QList<ConflictField> out;
    for (const ConflictColumn &c : columns) {
        const QString column = QString::fromLatin1(c.column);
        const auto show = [&c](const QVariant &v) { return c.show ? c.show(v) : v.toString(); };
        out.append({c.label, show(mine.value(column)), show(theirs.value(column))});
    }
    return out;
}

} // namespace VinhDanh::Ui
