// libFuzzer target: the interchange importer (see fuzztargets.h), on one in-memory SQLite
// database for the whole run, each input rolled back.
#include "fuzzsupport.h"
#include "fuzztargets.h"

#include <QDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <unistd.h>

using namespace VinhDanh;

namespace {
// Never destroyed, like the application (see fuzzsupport.h).
Fuzz::InterchangeHarness *g_harness = nullptr;
QString g_path;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    Fuzz::startQt(argc, argv);
    // importFrom() reads a path. One file per process (libFuzzer's -jobs/-fork run several side
    // by side), unlinked at once and reached through /proc/self/fd: a crash or a timeout ends the
    // process through _Exit(), past any clean-up, and would leave the file in /tmp.
    const QByteArray name = QDir::tempPath().toLocal8Bit() + "/vinhdanh-fuzz-XXXXXX";
    std::vector<char> buffer(name.begin(), name.end());
    buffer.push_back('\0');
    const int fd = mkstemp(buffer.data());
    if (fd < 0 || unlink(buffer.data()) != 0) {
        std::perror("fuzz_interchange: temporary file");
        std::abort();
    }
    g_path = QStringLiteral("/proc/self/fd/%1").arg(fd);
    try {
        auto *db = new Core::Database(Core::ConnectionSettings::sqlite(QStringLiteral(":memory:")));
        g_harness = new Fuzz::InterchangeHarness(*db, g_path);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "fuzz_interchange: setting up the database failed: %s\n", e.what());
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_harness->import(QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    return 0;
}
