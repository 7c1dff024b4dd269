#pragma once

#include <QObject>

class QLineEdit;
class QWidget;

namespace VinhDanh::Ui::Keyboard {

/// A field the clerk types or chooses in: a line edit or text box that is not read-only, a
/// spin or date box, a combo, a check or radio box. Push buttons, labels and views are not.
bool isEditableField(const QWidget *widget);

/// The first editable field of `root` in tab order that the clerk can reach now (shown,
/// enabled, accepts Tab focus); when there is none (a page to read), its first list, else the
/// first such widget that is not a button (a tab bar). nullptr when nothing qualifies.
QWidget *firstField(QWidget *root);

/// Gives `root`'s first field the keyboard focus (its text selected, so typing replaces it).
void focusFirstField(QWidget *root);

/// The search field of a page: its first shown line edit whose object name is "search" or
/// ends in "filter" (the convention every list page follows). nullptr when it has none.
QLineEdit *searchFieldOf(QWidget *page);

/// Watches the whole application: every dialog, the first time it is shown, puts the focus
/// on its first field unless it already focused a field itself. Without this a dialog opens
/// with nothing focused (or its OK button) and the clerk's first keystrokes are lost.
/// Message boxes and progress dialogs are left alone. Installing twice is harmless.
void installFirstFieldFocus();

} // namespace VinhDanh::Ui::Keyboard
