#!/bin/sh
# Makes the user guide's pictures (docs/images/*.png, referenced by docs/huong-dan-su-dung.md)
# with the program itself, so they never go stale: a demo province made by the CLI (fixed seed:
# the same data every run), then the GUI once per page (`vinhdanh --screenshot F --page NAME`),
# in Vietnamese, offscreen (no display needed). Run after building: sh scripts/build.sh.
# Usage: sh scripts/screenshots.sh [BUILD_DIR]   (default ./build)
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build}
CLI=$BUILD/app/vinhdanh-cli
GUI=$BUILD/app/vinhdanh
for program in "$CLI" "$GUI"; do
  if [ ! -x "$program" ]; then
    echo "$program is missing: build first (sh scripts/build.sh)." >&2
    exit 1
  fi
done
OUT=docs/images
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A settings and data folder of its own: the default language (Vietnamese) whatever the user
# chose, and the user's own "last database" and backups left alone.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_RUNTIME_DIR="$WORK/runtime"
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=offscreen VINHDANH_LANG=vi LANG=C.UTF-8
unset LC_ALL LANGUAGE || true

# The start page needs an empty database; every other page the demo province.
# (The demo's progress lines are kept out of the way; a failure shows them.)
if ! { "$CLI" init --database "$WORK/trong.sqlite" &&
       "$CLI" init --database "$WORK/tinh-mau.sqlite" &&
       "$CLI" demo --database "$WORK/tinh-mau.sqlite" --units 40 --people 400 --seed 2025; } >"$WORK/demo.log" 2>&1; then
  cat "$WORK/demo.log" >&2
  exit 1
fi

mkdir -p "$OUT"
shoot() { # PAGE DATABASE
  # --page fails (exit 1, the reason on stderr) rather than picturing the wrong page.
  if ! "$GUI" --screenshot "$OUT/$1.png" --page "$1" "$2" 2>"$WORK/$1.err"; then
    echo "screenshot $1 failed:" >&2
    cat "$WORK/$1.err" >&2
    exit 1
  fi
  echo "$OUT/$1.png"
}
shoot start "$WORK/trong.sqlite"
for page in units unit people person movements candidates dossiers dossier appraisal council sitting decisions decision rules audit; do
  shoot "$page" "$WORK/tinh-mau.sqlite"
done
# Smaller files when optipng is there (it is not a dependency: the pictures are fine without).
if command -v optipng >/dev/null 2>&1; then
  optipng -quiet -o2 "$OUT"/*.png
fi
