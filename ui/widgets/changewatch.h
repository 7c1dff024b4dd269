#pragma once

#include "core/db/changes.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace VinhDanh::Core {
class Database;
}

namespace VinhDanh::Ui {

/// A view's subscription to the database's change notifier (core/db/changes.h), so it reads
/// again by itself — after a write anywhere in the program, or by another program — instead of
/// being told to by the main window. `reload` runs once, on the next turn of the event loop,
/// for all the commits since that touch one of `tables` (an outside change whose tables are not
/// known touches every table). Deferring keeps a reload out of the middle of the write that
/// caused it (a model resetting inside its own setData, a dialog still open).
///
/// Only lists are reloaded this way: a record's page with unsaved edits is never re-read under
/// the clerk (the pages keep their edits; a conflicting save is caught by the version check).
class ChangeWatch : public QObject
{
    Q_OBJECT
public:
    using Reload = std::function<void(const Core::ChangeSet &changes)>;

    ChangeWatch(const QStringList &tables, Reload reload, QObject *parent);

    /// Follows `db`'s notifier (nullptr: none). Drops what was waiting for the previous one.
    void setDatabase(Core::Database *db);
    void setTables(const QStringList &tables) { m_tables = tables; }
    /// The owner has just read everything again itself (after its own save): what is waiting
    /// would only read it once more.
    void discardPending();
    bool hasPending() const { return m_timer.isActive(); }

private:
    void onChanged(const Core::ChangeSet &changes);
    void fire();

    QStringList m_tables;
    Reload m_reload;
    QMetaObject::Connection m_connection;
    Core::ChangeSet m_pending;
    QTimer m_timer;
};

} // namespace VinhDanh::Ui
