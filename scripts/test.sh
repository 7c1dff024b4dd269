#!/bin/sh
# Installs what is missing, builds, and runs every test: SQLite always, PostgreSQL too when
# this runs as root (a throwaway server on 127.0.0.1) or when VINHDANH_TEST_PG is already set.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
BUILD_TYPE=${BUILD_TYPE:-Debug} DEBUG_INFO=${DEBUG_INFO:--g1} sh scripts/build.sh
cleanup=""
trap 'eval "$cleanup"' EXIT
# Interrupted (Ctrl-C, a CI timeout): exit, so the cleanup above runs (dash runs EXIT traps only
# on an exit).
trap 'exit 130' INT TERM
if [ -z "${VINHDANH_TEST_PG:-}" ] && [ "$(id -u)" -eq 0 ]; then
  VINHDANH_TEST_PG=$(sh scripts/start-test-pg.sh)
  # That server has a database per test program, so the programs run side by side.
  VINHDANH_TEST_PG_PER_PROGRAM=1
  export VINHDANH_TEST_PG VINHDANH_TEST_PG_PER_PROGRAM
  cleanup="sh scripts/stop-test-pg.sh;"
fi
# Each test makes its SQLite files in a QTemporaryDir: in memory (/dev/shm, when it has 2 GiB
# free) a test waits for no disk flush, about a third of a SQLite test's time.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ] \
    && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -ge 2097152 ]; then
  TMPDIR=$(mktemp -d /dev/shm/vinhdanh-tests.XXXXXX)
  export TMPDIR
  cleanup="$cleanup rm -rf '$TMPDIR';"
fi
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
ctest --test-dir build --output-on-failure -j2
