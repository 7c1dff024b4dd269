#include "clerkwords.h"
#include "uitesthelpers.h"

#include "core/i18n/language.h"
#include "ui/widgets/columns.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>

namespace VinhDanh::Test {

namespace {
using Opt = QRegularExpression::PatternOption;
constexpr auto kOptions = Opt::UseUnicodePropertiesOption;

// Word edges that know Vietnamese letters ("ụ" is a letter, so "Tiếp_tục" is one word).
#define EDGE_L "(?<![\\p{L}\\p{N}_])"
#define EDGE_R "(?![\\p{L}\\p{N}_])"

struct Rule
{
    QRegularExpression pattern;
    const char *why;
};

const QList<Rule> &codeRules()
{
    static const QList<Rule> rules{
        {QRegularExpression(QStringLiteral(EDGE_L "[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+" EDGE_R), kOptions), "a code (UPPER_SNAKE)"},
        {QRegularExpression(QStringLiteral(EDGE_L "[a-z][a-z0-9]*(?:_[a-z0-9]+)+" EDGE_R), kOptions), "a code (lower_snake)"},
        {QRegularExpression(QStringLiteral("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")), "a UUID"},
        {QRegularExpression(QStringLiteral(EDGE_L "\\d{4}-\\d{2}-\\d{2}" EDGE_R), kOptions), "an ISO date"},
        {QRegularExpression(QStringLiteral(EDGE_L "(?:dd|mm|yyyy)[/.-](?:mm|dd)[/.-](?:yyyy|yy)" EDGE_R),
                            kOptions | Opt::CaseInsensitiveOption),
         "a date pattern instead of words"},
    };
    return rules;
}

// English a clerk would meet if a text were left untranslated: Qt's dialogs and the program's
// own chrome. Whole words and case-sensitive, so Vietnamese words never match.
const QRegularExpression &englishWords()
{
    static const QRegularExpression re(
        QStringLiteral(EDGE_L "(?:Printer|Properties|Location|Folder|Computer|Usage|Options|Cancel|Save|Open|File|Files|"
                              "Name|Date|Size|Type|Print|Page|Pages|Preview|Close|Copies|Paper|Margins|Portrait|"
                              "Landscape|Zoom|Directory|Look in|Back|Forward|Detail|View|Help|Settings|Edit|Delete|New|"
                              "Yes|Apply|Modified|Collate|Color|Grayscale|Layout|Advanced|Output|Search|Filter|Add|"
                              "Remove|Import|Export|Year|Status|Unit|Units|Person|People|Details|Choose|Rename|the|and|"
                              "of|with|for)" EDGE_R "|\\p{L}+\\(s\\)"), // "unit(s)"
        kOptions);
    return re;
}

// An "&" that would be a mnemonic if the widget used one: "&Số:", "Cu&t", but not "&&".
const QRegularExpression &strayAmpersand()
{
    static const QRegularExpression re(QStringLiteral("(?<!&)&(?=[\\p{L}\\p{N}])"), kOptions);
    return re;
}

QString plain(const QString &text)
{
    return Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
}

QString nameOf(const QObject *o)
{
    return o->objectName().isEmpty() ? QString::fromLatin1(o->metaObject()->className())
                                     : QStringLiteral("%1#%2").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName());
}

// The last few links of the widget's parent chain, enough to find it in the source.
QString pathOf(const QWidget *w)
{
    QStringList parts;
    for (const QObject *o = w; o && parts.size() < 4; o = o->parent()) {
        parts.prepend(nameOf(o));
        if (o->isWidgetType() && static_cast<const QWidget *>(o)->isWindow())
            break;
    }
    return parts.join(QStringLiteral(" > "));
}

void closeLikeEscape(QWidget *w)
{
    if (auto *box = qobject_cast<QMessageBox *>(w)) {
        if (QAbstractButton *escape = box->escapeButton())
            escape->click();
        else
            box->reject();
    } else if (auto *dialog = qobject_cast<QDialog *>(w)) {
        dialog->reject();
    } else {
        w->close();
    }
}
} // namespace

VietnameseUi::VietnameseUi()
{
    m_installed = Core::Language::install(*QCoreApplication::instance(), QStringLiteral("vi"));
    // The project's own catalogue, checked: without it every "untranslated" finding would be noise.
    if (!m_catalogue.load(QStringLiteral(":/i18n/vinhdanh_vi.qm")))
        qFatal("the Vietnamese catalogue :/i18n/vinhdanh_vi.qm is not in the test program");
}

VietnameseUi::~VietnameseUi()
{
    // Language::install parents its translator to the application; a RecordingTranslator lives
    // on the stack and removes itself.
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    Core::Language::install(*QCoreApplication::instance(), QStringLiteral("en"));
}

QStringList ClerkWords::findings() const
{
    const QString report = qEnvironmentVariable("VINHDANH_CLERKWORDS_REPORT");
    if (!report.isEmpty()) {
        QFile file(report);
        if (file.open(QIODevice::Append | QIODevice::Text))
            file.write((m_findings.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    }
    return m_findings;
}

void ClerkWords::add(const QString &where, const QString &text, const QString &why)
{
    const QString key = why + QLatin1Char('\t') + text;
    if (m_reported.contains(key))
        return;
    m_reported.insert(key);
    m_findings << QStringLiteral("%1: \"%2\" — %3").arg(where, text, why);
}

void ClerkWords::check(const QString &where, const QString &text, Ampersand ampersand)
{
    if (text.trimmed().isEmpty())
        return;
    ++m_texts;
    const bool rich = Qt::mightBeRichText(text);
    // In rich text "&amp;" is how a literal ampersand is written on purpose.
    if (ampersand == Ampersand::Literal && !rich && strayAmpersand().match(text).hasMatch())
        add(where, text, QStringLiteral("a literal \"&\" (no buddy: the mnemonic is shown, not used)"));
    const QString shown = plain(text);
    for (const Rule &rule : codeRules()) {
        const QRegularExpressionMatch m = rule.pattern.match(shown);
        if (m.hasMatch())
            add(where, shown, QStringLiteral("%1: %2").arg(QString::fromLatin1(rule.why), m.captured()));
    }
    QString words = shown;
    words.remove(QLatin1Char('&')); // "&Open" is "Open" to the eye
    const QRegularExpressionMatch english = m_englishExpected ? QRegularExpressionMatch() : englishWords().match(words);
    if (english.hasMatch())
        add(where, shown, QStringLiteral("English: %1").arg(english.captured()));
}

void ClerkWords::walk(QWidget *window, const QString &screen)
{
    check(screen + QStringLiteral(": window title"), window->window()->windowTitle(), Ampersand::Literal);
    QList<QWidget *> widgets{window};
    widgets += window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->isVisible() && !qobject_cast<QMenu *>(w)) {
            checkWidget(w, screen + QStringLiteral(": ") + pathOf(w));
            noteList(w, screen);
        }
    }
    if (auto *main = qobject_cast<QMainWindow *>(window)) {
        for (QAction *a : main->menuBar()->actions())
            if (a->menu())
                walkMenu(a->menu(), screen + QStringLiteral(": menu"));
        check(screen + QStringLiteral(": status bar"), main->statusBar()->currentMessage(), Ampersand::Literal);
    }
}

void ClerkWords::checkWidget(QWidget *w, const QString &where)
{
    check(where + QStringLiteral(" (tooltip)"), w->toolTip(), Ampersand::Literal);
    if (auto *label = qobject_cast<QLabel *>(w))
        check(where, label->text(), label->buddy() ? Ampersand::Mnemonic : Ampersand::Literal);
    if (auto *button = qobject_cast<QAbstractButton *>(w))
        check(where, button->text(), Ampersand::Mnemonic);
    if (auto *group = qobject_cast<QGroupBox *>(w))
        check(where, group->title(), Ampersand::Mnemonic);
    if (auto *tabs = qobject_cast<QTabBar *>(w)) {
        for (int i = 0; i < tabs->count(); ++i) {
            check(where + QStringLiteral(" (tab %1)").arg(i), tabs->tabText(i), Ampersand::Mnemonic);
            check(where + QStringLiteral(" (tab %1 tooltip)").arg(i), tabs->tabToolTip(i), Ampersand::Literal);
        }
    }
    if (auto *header = qobject_cast<QHeaderView *>(w); header && header->model()) {
        const int count = header->orientation() == Qt::Horizontal ? header->model()->columnCount(header->rootIndex())
                                                                  : header->model()->rowCount(header->rootIndex());
        for (int i = 0; i < count && i < 200; ++i) {
            if (header->isSectionHidden(i))
                continue;
            const QString at = where + QStringLiteral(" (header %1)").arg(i);
            check(at, header->model()->headerData(i, header->orientation(), Qt::DisplayRole).toString(), Ampersand::Literal);
            check(at + QStringLiteral(" tooltip"), header->model()->headerData(i, header->orientation(), Qt::ToolTipRole).toString(),
                  Ampersand::Literal);
        }
    }
    if (auto *edit = qobject_cast<QLineEdit *>(w))
        check(where + QStringLiteral(" (placeholder)"), edit->placeholderText(), Ampersand::Literal);
    if (auto *edit = qobject_cast<QTextEdit *>(w))
        check(where + QStringLiteral(" (placeholder)"), edit->placeholderText(), Ampersand::Literal);
    if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
        check(where + QStringLiteral(" (placeholder)"), edit->placeholderText(), Ampersand::Literal);
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
        check(where + QStringLiteral(" (special value)"), spin->specialValueText(), Ampersand::Literal);
    if (auto *spin = qobject_cast<QSpinBox *>(w)) {
        check(where + QStringLiteral(" (prefix)"), spin->prefix(), Ampersand::Literal);
        check(where + QStringLiteral(" (suffix)"), spin->suffix(), Ampersand::Literal);
    }
    // The choices of a combo box are words of the program (statuses, kinds, filters) more
    // often than data; a code or English among them is as wrong as in a label.
    if (auto *combo = qobject_cast<QComboBox *>(w)) {
        for (int i = 0; i < combo->count() && i < 300; ++i)
            check(where + QStringLiteral(" (choice %1)").arg(i), combo->itemText(i), Ampersand::Literal);
    }
}

void ClerkWords::noteList(QWidget *widget, const QString &screen)
{
    auto *table = qobject_cast<QTableView *>(widget);
    auto *tree = qobject_cast<QTreeView *>(widget);
    QHeaderView *header = table ? table->horizontalHeader() : tree ? tree->header() : nullptr;
    if (!header || header->isHidden() || !widget->isVisible())
        return;
    // Qt's own file dialog (the non-native one the program uses) is not the program's list.
    for (QWidget *w = widget; w; w = w->parentWidget())
        if (qobject_cast<QFileDialog *>(w))
            return;
    const QString where = QStringLiteral("%1 > %2").arg(screen, pathOf(widget));
    if (m_listsSeen.contains(where))
        return;
    m_listsSeen << where;
    if (!Ui::Columns::remembered(static_cast<QAbstractItemView *>(widget)))
        m_notRemembered << where;
}

void ClerkWords::noteListsOnEveryTab(QWidget *dialog, const QString &screen)
{
    for (const QPointer<QTabWidget> tabs : dialog->findChildren<QTabWidget *>()) {
        if (!tabs || !tabs->isVisible())
            continue;
        const int shown = tabs->currentIndex();
        for (int i = 0; i < tabs->count() && tabs; ++i) {
            tabs->setCurrentIndex(i);
            QCoreApplication::processEvents();
            if (!tabs)
                break;
            const QString here = QStringLiteral("%1, tab %2").arg(screen, QString(tabs->tabText(i)).remove(QLatin1Char('&')));
            for (QWidget *w : tabs->widget(i)->findChildren<QWidget *>())
                noteList(w, here);
        }
        if (tabs)
            tabs->setCurrentIndex(shown);
    }
}

void ClerkWords::walkMenu(QMenu *menu, const QString &path)
{
    const QString here = path + QStringLiteral(" > ") + menu->title().remove(QLatin1Char('&'));
    check(here, menu->title(), Ampersand::Mnemonic);
    for (QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        check(here, a->text(), Ampersand::Mnemonic);
        if (a->toolTip() != QString(a->text()).remove(QLatin1Char('&')))
            check(here + QStringLiteral(" (tooltip)"), a->toolTip(), Ampersand::Literal);
        if (a->menu())
            walkMenu(a->menu(), here);
    }
}

int ClerkWords::walkColumnMenus(QWidget *root, const QString &screen)
{
    int opened = 0;
    for (const QPointer<QAbstractItemView> list : root->findChildren<QAbstractItemView *>()) {
        auto *table = qobject_cast<QTableView *>(list.data());
        auto *tree = qobject_cast<QTreeView *>(list.data());
        QHeaderView *header = table ? table->horizontalHeader() : tree ? tree->header() : nullptr;
        // Ui::Columns gives the header its own menu (CustomContextMenu); other headers have none.
        if (!list || !list->isVisible() || !header || header->isHidden() || !list->model())
            continue;
        if (header->contextMenuPolicy() != Qt::CustomContextMenu) {
            if (list->model()->columnCount(list->rootIndex()) > 1)
                m_withoutColumnMenu << QStringLiteral("%1 > %2").arg(screen, pathOf(list));
            continue;
        }
        const QString where = QStringLiteral("%1 > columns menu of %2").arg(screen, pathOf(list));
        // A shortcut needs the keyboard focus in the list, so its window must be active (a
        // dialog the walk closed may have left no window active).
        list->window()->activateWindow();
        list->setFocus(Qt::ShortcutFocusReason);
        waitUntil([list] { return !list || list->hasFocus(); }, 1000);
        if (!list)
            continue;
        QTest::keyClick(list, Qt::Key_F10, Qt::ShiftModifier);
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu || menu->objectName() != QLatin1String("columnsMenu")) {
            add(where, QString(), QStringLiteral("the columns menu does not open with Shift+F10"));
            if (menu)
                menu->close();
            continue;
        }
        ++opened;
        m_columnMenus << where;
        walkMenu(menu, where);
        QAbstractItemModel *model = list->model();
        for (QAction *a : menu->actions()) {
            if (a->isSeparator())
                continue;
            if (a->text().trimmed().isEmpty())
                add(where, a->text(), QStringLiteral("an empty entry"));
        }
        // Column entries are the checkable ones, in the header's visual order; each carries its
        // column (a column the page keeps hidden for itself is not offered).
        int lastVisual = -1;
        for (QAction *a : menu->actions()) {
            if (!a->isCheckable())
                continue;
            const int column = a->data().toInt();
            const QString heading = model->headerData(column, Qt::Horizontal).toString();
            if (a->text() != QString(heading).replace(QLatin1Char('&'), QStringLiteral("&&")))
                add(where, a->text(), QStringLiteral("the entry does not read as its column's header \"%1\"").arg(heading));
            if (header->visualIndex(column) <= lastVisual)
                add(where, a->text(), QStringLiteral("the entry is out of the header's order"));
            lastVisual = header->visualIndex(column);
        }
        menu->close();
        QCoreApplication::processEvents();
    }
    return opened;
}

void ClerkWords::checkTranslated(const QSet<Lookup> &lookups, const QTranslator &catalogue)
{
    static const QRegularExpression word(QStringLiteral("[a-z]{2}"));
    QStringList missing;
    for (const Lookup &l : lookups) {
        // Not words: paper names (A4, JIS B5), "%1%", "…".
        if (!word.match(l.source).hasMatch())
            continue;
        // Key names (Ctrl, Home, Del) stay as printed on the keyboard.
        if (l.context == QLatin1String("QShortcut"))
            continue;
        // The designer title of Qt's embedded .ui forms (QPrintWidget, QPageSetupWidget, …):
        // those widgets are never windows, so it is never shown.
        if (l.source == QLatin1String("Form"))
            continue;
        const QByteArray context = l.context.toUtf8();
        const QByteArray source = l.source.toUtf8();
        const QByteArray disambiguation = l.disambiguation.toUtf8();
        if (catalogue
                .translate(context.constData(), source.constData(), l.disambiguation.isEmpty() ? nullptr : disambiguation.constData(),
                           l.n)
                .isEmpty())
            missing << l.describe();
    }
    missing.sort();
    for (const QString &m : std::as_const(missing))
        m_findings << QStringLiteral("not translated into Vietnamese: %1").arg(m);
}

QStringList openAndWalk(ClerkWords &words, const QString &screen, const std::function<void()> &action)
{
    QStringList seen;
    QSet<QWidget *> before;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible())
            before.insert(w);
    QSet<QWidget *> settling; // walked on the tick after they appear, when their layout is done
    bool walking = false;     // the lists' columns menus are opened from inside a tick
    QTimer timer;
    timer.setInterval(40);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        if (walking)
            return;
        const QScopedValueRollback<bool> inside(walking, true);
        if (QWidget *popup = QApplication::activePopupWidget()) {
            if (auto *menu = qobject_cast<QMenu *>(popup))
                words.walkMenu(menu, screen);
            popup->close();
            return;
        }
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        if (!settling.contains(modal)) {
            settling.insert(modal);
            return;
        }
        seen << modal->windowTitle();
        const QString here = screen + QStringLiteral(" > ") + nameOf(modal) + QStringLiteral(" \"") + modal->windowTitle()
                             + QLatin1Char('"');
        words.walk(modal, here);
        const QPointer<QWidget> guard(modal);
        words.walkColumnMenus(modal, here);
        if (guard)
            words.noteListsOnEveryTab(modal, here);
        if (guard)
            closeLikeEscape(modal);
    });
    timer.start();
    action();
    // Window-modal dialogs (open(), not exec()) are still up when the action returns.
    QTest::qWait(120);
    for (int i = 0; i < 100 && (QApplication::activeModalWidget() || QApplication::activePopupWidget()); ++i)
        QTest::qWait(40);
    timer.stop();
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && !before.contains(w) && !qobject_cast<QMenu *>(w)) {
            seen << w->windowTitle();
            const QString here = screen + QStringLiteral(" > ") + nameOf(w) + QStringLiteral(" \"") + w->windowTitle()
                                 + QLatin1Char('"');
            words.walk(w, here);
            const QPointer<QWidget> guard(w);
            words.walkColumnMenus(w, here);
            if (guard)
                words.noteListsOnEveryTab(w, here);
            if (guard)
                closeLikeEscape(w);
        }
    }
    return seen;
}

QStringList clickEllipsisButtons(ClerkWords &words, QWidget *page, const QString &screen, const QStringList &skip)
{
    QStringList clicked;
    const QList<QAbstractButton *> buttons = page->findChildren<QAbstractButton *>();
    for (const QPointer<QAbstractButton> button : buttons) {
        // A dialog closed by the walk may make the page read again and lose its selection.
        selectFirstRows(page);
        QCoreApplication::processEvents();
        if (!button || !button->isVisible() || !button->isEnabled() || skip.contains(button->objectName()))
            continue;
        const QString text = button->text().trimmed();
        if (!text.endsWith(QChar(0x2026)) && !text.endsWith(QLatin1String("...")))
            continue;
        clicked << text;
        openAndWalk(words, screen + QStringLiteral(" > ") + QString(text).remove(QLatin1Char('&')), [button] {
            if (button)
                button->click();
        });
    }
    return clicked;
}

void selectFirstRows(QWidget *page)
{
    for (QAbstractItemView *view : page->findChildren<QAbstractItemView *>()) {
        if (!view->isVisible() || !view->model() || view->model()->rowCount(view->rootIndex()) == 0)
            continue;
        // The whole row, as a click selects it: pages read selectedRows().
        view->selectionModel()->setCurrentIndex(view->model()->index(0, 0, view->rootIndex()),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
}

} // namespace VinhDanh::Test
