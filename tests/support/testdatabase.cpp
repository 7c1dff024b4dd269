#include "testdatabase.h"

#include "core/db/query.h"
#include "core/error.h"

#include <catch2/catch.hpp>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace VinhDanh::Test {

TestDatabase::TestDatabase(Core::Backend backend)
{
    if (backend == Core::Backend::Sqlite) {
        m_settings = Core::ConnectionSettings::sqlite(m_dir.filePath(QStringLiteral("test.sqlite")));
    } else {
        m_settings = Core::ConnectionSettings::parse(qEnvironmentVariable("VINHDANH_TEST_PG"));
        resetPostgres(m_settings);
    }
}

TestDatabase::~TestDatabase() = default;

Core::Database &TestDatabase::open()
{
    m_db = std::make_unique<Core::Database>(m_settings);
    return *m_db;
}

void TestDatabase::close()
{
    m_db.reset();
}

Core::Database &TestDatabase::db()
{
    if (!m_db)
        open();
    return *m_db;
}

std::vector<Core::Backend> TestDatabase::backends()
{
    std::vector<Core::Backend> out{Core::Backend::Sqlite};
    if (qEnvironmentVariableIsSet("VINHDANH_TEST_PG"))
        out.push_back(Core::Backend::Postgres);
    else if (qEnvironmentVariableIsSet("VINHDANH_REQUIRE_PG"))
        FAIL("VINHDANH_REQUIRE_PG is set but VINHDANH_TEST_PG is not: the PostgreSQL half of this test would not run");
    else {
        static bool told = false;
        if (!told) {
            WARN("PostgreSQL tests skipped: VINHDANH_TEST_PG is not set (see scripts/start-test-pg.sh)");
            told = true;
        }
    }
    return out;
}

QString TestDatabase::backendName(Core::Backend backend)
{
    return backend == Core::Backend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

bool TestDatabase::isTestDatabaseName(const QString &databaseName)
{
    return databaseName.startsWith(QLatin1String("vinhdanh_test"));
}

void TestDatabase::resetPostgres(const Core::ConnectionSettings &s)
{
    // The reset drops schema public: never in a database that may hold an office's records.
    if (!isTestDatabaseName(s.databaseName))
        FAIL("VINHDANH_TEST_PG names the database \"" << s.databaseName.toStdString()
                                                      << "\"; the tests empty only a database whose name starts with vinhdanh_test");
    const QString name = QStringLiteral("vinhdanh-test-reset");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(s.host);
        db.setPort(s.port);
        db.setDatabaseName(s.databaseName);
        db.setUserName(s.user);
        db.setPassword(s.password);
        if (!db.open())
            FAIL("cannot connect to the PostgreSQL test server: " << db.lastError().text().toStdString());
        QSqlQuery q(db);
        // The notices "drop cascades to …" would list every table and trigger function.
        for (const char *sql : {"SET client_min_messages = warning", "DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public"}) {
            if (!q.exec(QString::fromLatin1(sql)))
                FAIL("cannot reset the PostgreSQL test database: " << q.lastError().text().toStdString());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

QString errorOf(const std::function<void()> &action)
{
    try {
        action();
    } catch (const Core::Error &e) {
        return e.message();
    }
    return {};
}

void forEachBackend(const std::function<void(TestDatabase &)> &body)
{
    for (Core::Backend backend : TestDatabase::backends()) {
        SECTION(TestDatabase::backendName(backend).toStdString())
        {
            TestDatabase t(backend);
            t.open();
            body(t);
        }
    }
}

} // namespace VinhDanh::Test
