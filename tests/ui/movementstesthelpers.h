#pragma once
// Helpers shared by the movements widget tests (header-only, used by
// movements_view_test.cpp and movement_editor_test.cpp), on top of uitesthelpers.h.

#include "tests/ui/uitesthelpers.h"
#include "ui/widgets/editabletable.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

#include <functional>

namespace VinhDanh::Test {

/// The visible editor of a given type open in a table's viewport (closed editors linger,
/// hidden, until deleteLater runs).
template<typename Editor>
Editor *openEditor(QTableWidget *table)
{
    for (Editor *e : table->viewport()->findChildren<Editor *>())
        if (e->isVisible())
            return e;
    return nullptr;
}

/// Edits a text cell the way a clerk does: open the cell editor, type, press Return.
/// The table's window must be shown.
inline bool typeIntoCell(Ui::EditableTable *t, int row, int column, const QString &text)
{
    // Bring the table's tab to the front: editors only open in a visible view.
    for (QWidget *w = t; w && w->parentWidget(); w = w->parentWidget())
        if (auto *stack = qobject_cast<QStackedWidget *>(w->parentWidget()))
            stack->setCurrentWidget(w);
    QTableWidget *table = t->table();
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    auto *editor = openEditor<QLineEdit>(table);
    if (!editor)
        return false;
    editor->selectAll();
    typeText(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    return true;
}

/// Runs `body` on the first visible top-level widget of type T once it appears (a modal
/// dialog opened by the code under test).
template<typename T>
void whenShown(std::function<void(T *)> body)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, body] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *t = qobject_cast<T *>(w); t && t->isVisible()) {
                timer->stop();
                timer->deleteLater();
                body(t);
                return;
            }
        }
    });
    timer->start();
}

} // namespace VinhDanh::Test
