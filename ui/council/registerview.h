#pragma once

#include "core/accounts/permissions.h"

#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QLabel;
class QStackedWidget;
class QTableView;

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

class ChangeWatch;
class RegisterListModel;

/// What RegisterView asks of a record's page. SittingPage and DecisionPage have the same
/// members but no common base, and name "open" and "the id" after their record: RegisterPageOf
/// below adapts either, so that no view repeats the calls.
class RegisterPage
{
public:
    virtual ~RegisterPage() = default;
    virtual QWidget *widget() const = 0;
    virtual void setDatabase(Core::Database *db) = 0;
    /// The record shown, 0 for none or a new one.
    virtual qint64 recordId() const = 0;
    /// Loads record `id`; false when it could not (the page said why).
    virtual bool open(qint64 id) = 0;
    virtual bool hasUnsavedChanges() const = 0;
    /// False when refused (the page said why).
    virtual bool save() = 0;
    /// Calls `back` on the page's backRequested() and `changed` on its changed(id), while
    /// `context` lives.
    virtual void connectSignals(QObject *context, std::function<void()> back, std::function<void()> changed) = 0;
};

/// RegisterPage over a page class that has setDatabase(), hasUnsavedChanges() and save(),
/// given its id and open members (e.g. &SittingPage::sessionId, &SittingPage::openSession).
template<class Page, qint64 (Page::*RecordId)() const, bool (Page::*Open)(qint64)>
class RegisterPageOf final : public RegisterPage
{
public:
    explicit RegisterPageOf(Page *page) : m_page(page) {}
    QWidget *widget() const override { return m_page; }
    void setDatabase(Core::Database *db) override { m_page->setDatabase(db); }
    qint64 recordId() const override { return (m_page->*RecordId)(); }
    bool open(qint64 id) override { return (m_page->*Open)(id); }
    bool hasUnsavedChanges() const override { return m_page->hasUnsavedChanges(); }
    bool save() override { return m_page->save(); }
    void connectSignals(QObject *context, std::function<void()> back, std::function<void()> changed) override
    {
        QObject::connect(m_page, &Page::backRequested, context, std::move(back));
        QObject::connect(m_page, &Page::changed, context, std::move(changed));
    }

private:
    Page *m_page;
};

/// What the council's sittings and the decisions register share: a list of records (a
/// toolbar with New / Open, the table, a count or error line under it) and, in its place in
/// a stack, the page of the record opened from it. This class keeps the selection across a
/// reload, opens the selected row, gates New on a permission and asks to save before going
/// back to the list; derived views supply the model, the page and the texts, and create new
/// records. (No template: moc does not take one.)
///
/// Two-phase: a derived constructor creates its model and page, then calls setRegister().
class RegisterView : public QWidget
{
    Q_OBJECT
public:
    ~RegisterView() override;

    /// nullptr when no database is open: the list empties and the page closes.
    void setDatabase(Core::Database *db);

    QTableView *list() const { return m_list; }
    QAction *newAction() const { return m_new; }
    /// True while a record's page is shown (rather than the list).
    bool isPageShown() const;

public slots:
    /// Back to the list (read again), after asking to save the page's changes.
    void showList();
    /// Reads the list again, keeping the selected row (or the page's record) selected.
    void reload();

signals:
    /// The page wrote something (the list has been read again); derived views pass it on as
    /// their own signal.
    void recordsChanged();

protected:
    explicit RegisterView(QWidget *parent = nullptr);

    /// Puts `model` in the list (column `stretchColumn` takes the spare width) and the page
    /// in the stack; New is enabled when the session may `create`. `stem` names the widgets
    /// for tests and style sheets: "session" gives sessionList, sessionListStatus, newSession
    /// and openSession. The derived view sets the New action's text and connects it.
    void setRegister(RegisterListModel *model, std::unique_ptr<RegisterPage> page, int stretchColumn, Core::Permissions::Action create,
                     const QString &stem);

    Core::Database *database() const { return m_db; }
    /// The tables the list shows: it reads again after a commit (here or in another program)
    /// changes one of them. The page is left alone, so unsaved edits stay (ui/widgets/changewatch.h).
    void watchTables(const QStringList &tables);
    /// For errors met while preparing a new record.
    void setStatusText(const QString &text);
    /// Shows record `id` in the page (nothing without a database or for id ≤ 0).
    void openRecord(qint64 id);
    /// Shows the page (after the derived view started a new record in it).
    void showPage();

    /// Under the list, e.g. "%n sitting(s)".
    virtual QString countText(int rows) const = 0;
    /// Asked by showList() when the page has unsaved changes.
    virtual QString unsavedQuestion() const = 0;

private:
    void openSelected();
    void updateActions();

    Core::Database *m_db = nullptr;
    ChangeWatch *m_watch;
    RegisterListModel *m_model = nullptr;
    std::unique_ptr<RegisterPage> m_page;
    Core::Permissions::Action m_create = Core::Permissions::Action::ViewRegistry;
    QStackedWidget *m_stack;
    QTableView *m_list;
    QLabel *m_status;
    QAction *m_new;
    QAction *m_open;
};

} // namespace VinhDanh::Ui
