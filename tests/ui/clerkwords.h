#pragma once

// What a clerk reads, checked (issue 16, items 1 and 2): walks a window's visible chrome (labels,
// buttons, group titles, tabs, list headers, tooltips, placeholders, window titles, menus) and
// lists every text that shows a code, a literal "&" or English in the Vietnamese screens, and
// every text Qt or the program looked up that the Vietnamese catalogue does not translate.
// Cell data (names, titles of records) is not walked: the rules are for the program's words.

#include "tests/support/recordingtranslator.h"

#include <QSet>
#include <QStringList>
#include <QTranslator>

#include <functional>

class QMenu;
class QWidget;

namespace VinhDanh::Test {

/// The Vietnamese catalogue and the vi_VN locale for the life of the object (as `vinhdanh`
/// starts with Vietnamese chosen), English again after. Build the widgets inside its lifetime.
class VietnameseUi
{
public:
    VietnameseUi();
    ~VietnameseUi();
    bool installed() const { return m_installed; }
    /// The same catalogue, not installed: asked directly whether a text has a translation.
    const QTranslator &catalogue() const { return m_catalogue; }

private:
    bool m_installed = false;
    QTranslator m_catalogue;
};

class ClerkWords
{
public:
    /// How an "&" in a text is shown: as a mnemonic (buttons, tabs, menus, a label with a buddy)
    /// or literally (a label without buddy, a header, a tooltip, a title, a placeholder).
    enum class Ampersand { Mnemonic, Literal };

    /// `window` and every visible widget in it; `screen` names it in the findings.
    void walk(QWidget *window, const QString &screen);
    /// A menu's title, its actions' texts and tooltips, and its submenus.
    void walkMenu(QMenu *menu, const QString &path);
    /// The columns menu (Ui::Columns: show or hide a column, fit to contents) of every visible
    /// list in `root` that has one, opened as a clerk without a mouse does (Shift+F10 in the
    /// list), walked like any menu and closed. Also checked: it opens at all, no entry is
    /// empty, and each column's entry reads as its header (an "&" in it is not a mnemonic).
    /// Returns how many opened; columnMenus() lists them all.
    int walkColumnMenus(QWidget *root, const QString &screen);
    QStringList columnMenus() const { return m_columnMenus; }
    /// Lists of two or more columns seen without one (Ui::Columns::remember not called).
    QStringList listsWithoutColumnMenu() const { return m_withoutColumnMenu; }
    /// Every list with a visible header that walk() saw, "screen > path" (Qt's file dialog's own
    /// list left out), and those of them Ui::Columns::remember was not called for.
    QStringList listsSeen() const { return m_listsSeen; }
    QStringList listsNotRemembered() const { return m_notRemembered; }
    /// The lists on every tab of `dialog`'s tab widgets, not only the tab shown, noted as walk()
    /// notes them (the words on those tabs are not checked); the tabs are left as they were.
    void noteListsOnEveryTab(QWidget *dialog, const QString &screen);
    /// One text: a code, a literal "&" (when shown literally), English words.
    void check(const QString &where, const QString &text, Ampersand ampersand);
    /// Every lookup with words in it that `catalogue` leaves untranslated.
    void checkTranslated(const QSet<Lookup> &lookups, const QTranslator &catalogue);

    /// In the English program English words are expected: only codes and stray "&" count.
    void setEnglishExpected(bool expected) { m_englishExpected = expected; }
    /// The findings, also appended one per line to the file VINHDANH_CLERKWORDS_REPORT names
    /// when it is set (Catch wraps long messages; a file is easier to work through).
    QStringList findings() const;
    int textsChecked() const { return m_texts; }

private:
    void checkWidget(QWidget *widget, const QString &where);
    void noteList(QWidget *widget, const QString &screen);
    void add(const QString &where, const QString &text, const QString &why);

    QStringList m_findings;
    QSet<QString> m_reported; // one finding per (text, why), however many screens show it
    int m_texts = 0;
    QStringList m_columnMenus; // "screen > list" of every columns menu opened
    QStringList m_withoutColumnMenu;
    QStringList m_listsSeen;
    QStringList m_notRemembered;
    bool m_englishExpected = false;
};

/// Runs `action`; each modal dialog and popup menu that opens meanwhile (or right after, for
/// window-modal ones) is walked under `screen` and then closed the way Cancel / Esc would, so
/// nothing is saved. New non-modal windows are walked and closed too. Returns the titles seen.
QStringList openAndWalk(ClerkWords &words, const QString &screen, const std::function<void()> &action);

/// Dialog buttons whose text ends with "…" (by convention they open a dialog) in `page`, except
/// those named in `skip`, each clicked through openAndWalk. Returns the buttons' texts.
QStringList clickEllipsisButtons(ClerkWords &words, QWidget *page, const QString &screen, const QStringList &skip = {});

/// Makes the first row current in every visible list of `page`, so buttons that act on a
/// selection are enabled.
void selectFirstRows(QWidget *page);

} // namespace VinhDanh::Test
