#pragma once

#include "core/db/database.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <vector>

namespace VinhDanh::Test {

/// A fresh, empty database for one test: a SQLite file in a temporary folder, or the
/// PostgreSQL test database (emptied first) named by VINHDANH_TEST_PG, a
/// `postgresql://user:password@host:port/db` address that .ci/run sets.
class TestDatabase
{
public:
    explicit TestDatabase(Core::Backend backend = Core::Backend::Sqlite);
    ~TestDatabase();

    /// Opens (creating and migrating) the database; call again after closing to reopen.
    Core::Database &open();
    void close();
    Core::Database &db();
    Core::ConnectionSettings settings() const { return m_settings; }
    QString path() const { return m_settings.path; }
    QString dir() const { return m_dir.path(); }

    /// The backends this run covers: SQLite always; PostgreSQL when VINHDANH_TEST_PG is set.
    /// When it is not set, says so once (WARN) so the skip is visible in the test output.
    static std::vector<Core::Backend> backends();
    static QString backendName(Core::Backend backend);
    /// Whether a PostgreSQL database may be emptied by the tests (its name starts with vinhdanh_test).
    static bool isTestDatabaseName(const QString &databaseName);
    /// Empties the PostgreSQL test database (drops and recreates its public schema); refuses
    /// (FAIL) one not named as a test database.
    static void resetPostgres(const Core::ConnectionSettings &settings);

private:
    QTemporaryDir m_dir;
    Core::ConnectionSettings m_settings;
    std::unique_ptr<Core::Database> m_db;
};

/// The message of the Core::Error that `action` throws, or an empty string if it throws none.
QString errorOf(const std::function<void()> &action);

/// Runs `body` once per backend, each in its own Catch2 section named after the backend.
void forEachBackend(const std::function<void(TestDatabase &)> &body);

} // namespace VinhDanh::Test
