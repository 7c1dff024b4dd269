#pragma once

#include <QObject>
#include <QStringList>

class QLabel;
class QWidget;

namespace VinhDanh::Core {
class ChangeSet;
class Database;
} // namespace VinhDanh::Core

namespace VinhDanh::Ui {

class ChangeWatch;

/// The signals of a RecordPage. They live on an object of their own because a RecordPage is
/// not a QObject (its page is: a QWidget or a QDialog, see RecordPage).
class RecordPageSignals : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    /// The clerk began to edit the record (true), or the edits were saved or read over (false).
    void dirtyChanged(bool dirty);
    /// The record was changed elsewhere while the page held unsaved edits: the notice is shown.
    void changedElsewhere();
};

/// What every record's page shares (issue 17): reading a record by id and again, the clerk's
/// unsaved edits (the dirty flag and its signal, saving them before an action that needs the
/// stored record), the read-only state applied to its editors, following the database's change
/// notifier, and the rule that keeps children's last signals out of a page being destroyed.
///
/// Not a QObject: a decision's and a sitting's page are widgets inside the main window, a
/// dossier's and a subject's page are windows of their own (QDialog), and Qt allows one QObject
/// base. A page derives from its widget class first and from RecordPage second, so that
/// ~RecordPage runs before ~QWidget.
///
/// Following changes: when a commit (here or in another program) touches one of the page's
/// tables and concerns its record, a page without unsaved edits reads the record again, keeping
/// what the clerk selected; a page with unsaved edits keeps them and shows a notice ("changed
/// elsewhere — Reload") when the stored record itself moved on, and reads only its lists
/// (readChildren) when it did not. Nothing is read while a dialog of the page is open or while
/// the clerk types in a part the page holds (holdWhileFocused): it waits until then.
class RecordPage
{
public:
    RecordPage(const RecordPage &) = delete;
    RecordPage &operator=(const RecordPage &) = delete;

    bool hasUnsavedChanges() const { return m_dirty; }
    bool isReadOnly() const { return m_readOnly; }
    RecordPageSignals *recordSignals() const { return m_signals; }
    /// The bar that says the record changed elsewhere, with its Reload button; the page puts
    /// it in its layout. Hidden unless it has something to say.
    QWidget *changeNotice() const { return m_notice; }
    bool isChangeNoticeShown() const;

    /// Reads the shown record again (Reload on the notice): unsaved edits are dropped.
    void reloadRecord();

protected:
    /// `page` is the widget this object is a base of; `tables` the tables whose changes it follows.
    RecordPage(QWidget *page, const QStringList &tables);
    virtual ~RecordPage();

    // ---- What a page supplies.
    /// The stored record shown; 0 for none or a new one not saved yet.
    virtual qint64 shownRecordId() const = 0;
    /// Reads record `id` and shows it (calling setClean()); reading the record already shown
    /// keeps the clerk's selection. Throws Core::Error when it cannot be read.
    virtual void readRecord(qint64 id) = 0;
    /// Writes the clerk's edits; false when refused (the page said why). Pages without a form
    /// of their own have nothing to write.
    virtual bool saveRecord() { return true; }
    /// Whether the stored record is no longer the one the page read (another version, or gone).
    /// Asked only while there are unsaved edits.
    virtual bool storedRecordDiffers() const { return true; }
    /// Reads the lists of the record (nominees, items, awardees) without touching the form.
    virtual void readChildren() {}
    /// Whether `changes` concern the shown record (the tables are already one of the page's).
    virtual bool concerns(const Core::ChangeSet &changes) const;
    /// The dirty flag changed: the page updates its buttons and state line.
    virtual void dirtyStateChanged() {}
    /// Input the clerk has typed that is not part of the dirty state (a sitting's tally not yet
    /// recorded): while true, changes elsewhere wait, as while a held part has the focus.
    virtual bool holdsUnsavedInput() const { return false; }
    /// The box's title when a record cannot be read at the clerk's request.
    virtual QString readErrorTitle() const = 0;

    // ---- What the base does for it.
    /// Reads and shows record `id`; false (with a message box) when it cannot be read.
    bool loadRecord(qint64 id);
    /// Saves unless nothing is unsaved and the record is stored already.
    bool saveIfDirty();
    /// The clerk edited something (ignored while loading or read-only).
    void markDirty();
    /// The form shows the stored record again (read, saved, or a new one started).
    void setClean();

    /// While one lives, edits the page makes itself are not the clerk's (markDirty ignores them).
    class Loading
    {
    public:
        explicit Loading(RecordPage *page) : m_page(page), m_was(page->m_loading) { page->m_loading = true; }
        ~Loading() { m_page->m_loading = m_was; }
        Loading(const Loading &) = delete;
        Loading &operator=(const Loading &) = delete;

    private:
        RecordPage *m_page;
        bool m_was;
    };
    bool isLoading() const { return m_loading; }

    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    /// The widgets that edit the record. setEditorsReadOnly() sets their readOnly property, or
    /// disables those that have none (combo boxes).
    void addEditors(const QList<QWidget *> &editors);
    void setEditorsReadOnly(bool readOnly);

    /// Follows `db`'s changes (nullptr: none).
    void watchDatabase(Core::Database *db);
    /// The page wrote and showed the result itself: what the notifier announces of it is old news.
    void ownChangeShown();
    /// A reload waits while the keyboard focus is inside `part` (a form the page does not count
    /// as its edits, such as a tally being typed).
    void holdWhileFocused(QWidget *part);

private:
    void onChanges(const Core::ChangeSet &changes);
    bool mustWait() const;
    void followChange();
    void showNotice(const QString &text);
    void hideNotice();

    QWidget *m_page;
    RecordPageSignals *m_signals;
    ChangeWatch *m_watch;
    QWidget *m_notice;
    QLabel *m_noticeText;
    QList<QWidget *> m_editors;
    QList<QWidget *> m_held;
    bool m_dirty = false;
    bool m_loading = false;
    bool m_readOnly = false;
    bool m_waiting = false; // a change arrived while the page could not read: retried shortly
};

} // namespace VinhDanh::Ui
