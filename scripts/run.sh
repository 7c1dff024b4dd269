#!/bin/sh
# Installs what is missing, builds, and opens Vinh Danh on the default local database
# (created in the user's data folder on first start).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
sh scripts/build.sh
exec ./build/app/vinhdanh "$@"
