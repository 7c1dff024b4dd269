#include "ui/common/keyboard.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QRadioButton>
#include <QTextEdit>

namespace VinhDanh::Ui::Keyboard {

namespace {

bool reachable(const QWidget *widget, const QWidget *root)
{
    return widget->isEnabled() && widget->isVisibleTo(root) && (widget->focusPolicy() & Qt::TabFocus)
           && !widget->focusProxy(); // the proxy itself is met in the chain
}

/// Installed on the application: QEvent::Show of a dialog window, once per dialog.
class FirstFieldFocus : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Show || !watched->isWidgetType())
            return false;
        auto *dialog = qobject_cast<QDialog *>(watched);
        // A message box keeps its default button; a progress dialog has nothing to type in.
        if (!dialog || !dialog->isWindow() || qobject_cast<QMessageBox *>(dialog) || qobject_cast<QProgressDialog *>(dialog))
            return false;
        // Only the first showing: a dialog shown again (hidden behind another) keeps where the
        // clerk was.
        if (dialog->property(FirstShownProperty).toBool())
            return false;
        dialog->setProperty(FirstShownProperty, true);
        // A dialog that chose its field itself (the login's password when the name is known,
        // Qt's file dialog's name) keeps its choice.
        if (isEditableField(dialog->focusWidget()))
            return false;
        focusFirstField(dialog);
        return false;
    }

    static constexpr const char *FirstShownProperty = "vinhdanhFirstFieldFocused";
};

} // namespace

bool isEditableField(const QWidget *widget)
{
    if (!widget)
        return false;
    if (auto *edit = qobject_cast<const QLineEdit *>(widget))
        return !edit->isReadOnly();
    if (auto *spin = qobject_cast<const QAbstractSpinBox *>(widget))
        return !spin->isReadOnly();
    if (auto *text = qobject_cast<const QTextEdit *>(widget))
        return !text->isReadOnly();
    if (auto *text = qobject_cast<const QPlainTextEdit *>(widget))
        return !text->isReadOnly();
    return qobject_cast<const QComboBox *>(widget) || qobject_cast<const QCheckBox *>(widget)
           || qobject_cast<const QRadioButton *>(widget);
}

QWidget *firstField(QWidget *root)
{
    if (!root)
        return nullptr;
    QWidget *fallback = nullptr; // a page to read: its first list, else the first non-button
    bool fallbackIsList = false;
    // The focus chain is the Tab order, so the first field is also where Tab starts. A combo's
    // line edit is its focus proxy's target: the combo itself is the field.
    for (QWidget *w = root->nextInFocusChain(); w && w != root; w = w->nextInFocusChain()) {
        if (!root->isAncestorOf(w) || !reachable(w, root))
            continue;
        if (isEditableField(w)) {
            if (auto *combo = qobject_cast<QComboBox *>(w->parentWidget()); combo && combo->lineEdit() == w)
                return combo;
            return w;
        }
        const bool list = qobject_cast<QAbstractItemView *>(w) != nullptr;
        if ((!fallback || (list && !fallbackIsList)) && !qobject_cast<QAbstractButton *>(w)) {
            fallback = w;
            fallbackIsList = list;
        }
    }
    return fallback;
}

void focusFirstField(QWidget *root)
{
    QWidget *field = firstField(root);
    if (!field)
        return;
    field->setFocus(Qt::TabFocusReason);
    // Tab focus selects a line edit's text; setFocus() before the window is active does not.
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        edit->selectAll();
}

QLineEdit *searchFieldOf(QWidget *page)
{
    if (!page)
        return nullptr;
    for (QLineEdit *edit : page->findChildren<QLineEdit *>()) {
        const QString name = edit->objectName();
        if ((name == QLatin1String("search") || name.endsWith(QLatin1String("filter"), Qt::CaseInsensitive)) && edit->isVisibleTo(page)
            && edit->isEnabled())
            return edit;
    }
    return nullptr;
}

void installFirstFieldFocus()
{
    static FirstFieldFocus *filter = nullptr;
    if (filter || !qApp)
        return;
    filter = new FirstFieldFocus(qApp);
    qApp->installEventFilter(filter);
}

} // namespace VinhDanh::Ui::Keyboard
