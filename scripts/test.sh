#!/bin/sh
# Installs what is missing, builds, and runs every test: SQLite always, PostgreSQL too when
# this runs as root (a throwaway server on 127.0.0.1) or when VINHDANH_TEST_PG is already set.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
BUILD_TYPE=${BUILD_TYPE:-Debug} DEBUG_INFO=${DEBUG_INFO:--g1} sh scripts/build.sh
if [ -z "${VINHDANH_TEST_PG:-}" ] && [ "$(id -u)" -eq 0 ]; then
  VINHDANH_TEST_PG=$(sh scripts/start-test-pg.sh)
  # That server has a database per test program, so the programs run side by side.
  VINHDANH_TEST_PG_PER_PROGRAM=1
  export VINHDANH_TEST_PG VINHDANH_TEST_PG_PER_PROGRAM
  trap 'sh scripts/stop-test-pg.sh' EXIT
fi
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
ctest --test-dir build --output-on-failure -j2
