#pragma once

#include <QList>
#include <QString>

class QAbstractItemView;
class QMenu;
class QWidget;

namespace VinhDanh::Ui::Columns {

/// Makes the columns of a list readable and remembered (issue 16 item 5), for every list view:
/// - When the list is shown (and again after each reload until the clerk changes
///   something), each column gets the width of its content and header, within a cap, and the
///   width left over goes to `wideColumns` (a person's name, the unit) instead of the last column
///   (often the narrow key).
/// - Widths, order, hidden columns and the sort the clerk sets are kept in the settings under
///   `list` (Core::Settings::listColumns) and restored when the list is made again. A sort
///   chosen while the widths still follow the content is kept on its own (they go on fitting);
///   "fit to contents" keeps it too.
/// - A right click on the header, or the Menu key / Shift+F10 in the list, offers every column
///   to hide or show, and "fit to contents", which forgets the clerk's layout.
/// Columns the page hides before the call (an id kept for the program) stay hidden and are not
/// offered in the menu.
/// The helper is a child of the view and lives as long as it. Call once the view has its model.
void remember(QAbstractItemView *view, const QString &list, const QList<int> &wideColumns = {});

/// The header's context menu for `view` (a view set up by remember()), for tests and for the
/// header's right click; the caller owns it. Each column's entry carries the column as its data.
QMenu *headerMenu(QAbstractItemView *view, QWidget *parent);

/// Whether remember() was called for `view` (the walk of every screen checks each list).
bool remembered(const QAbstractItemView *view);

/// Sets every column of `view` to its content's width now (what "fit to contents" does).
void fitToContents(QAbstractItemView *view);

} // namespace VinhDanh::Ui::Columns
