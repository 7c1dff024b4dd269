#!/bin/sh
# Configures and builds Vinh Danh into ./build (Release with debug info unless BUILD_TYPE says otherwise).
set -eu
cd "$(dirname "$0")/.."
# DEBUG_INFO: the -g level of a Debug build (scripts/test.sh asks for -g1, line tables only: a
# test build needs file:line in a backtrace, not variables, and builds and links much faster).
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" -DCMAKE_CXX_FLAGS_DEBUG="${DEBUG_INFO:--g}"
cmake --build build
