#!/bin/sh
# Configures and builds Vinh Danh into ./build (Release with debug info unless BUILD_TYPE says otherwise).
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}"
cmake --build build
