#!/bin/sh
# Installs what Vinh Danh needs to build, run and test on Debian 12 (bookworm), and nothing
# else. Safe to run again: apt skips what is already there. Run as root, or with sudo.
set -eu
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
PACKAGES="build-essential cmake ninja-build pkg-config
  qt6-base-dev libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-l10n-tools qt6-qpa-plugins
  libsqlite3-dev libicu-dev libpq-dev catch2
  fonts-liberation2 fonts-dejavu-core
  libxlsxwriter-dev libsodium-dev libquazip1-qt6-dev libzip-dev rapidjson-dev
  libreoffice-writer-nogui
  postgresql poppler-utils xauth xvfb
  clang libclang-rt-14-dev libfuzzer-14-dev clang-format"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  $SUDO apt-get update
  # --no-install-recommends: recommends would pull GTK and mesa drivers the app does not use.
  # fonts-liberation (1.x) lacks Vietnamese glyphs; only fonts-liberation2 is installed.
  # LibreOffice (Writer, headless) lets the tests open every .docx as a clerk's office suite would.
  # clang's sanitizer and fuzzer runtimes (libclang-rt-14-dev) are only a recommend: named
  # above, with libfuzzer-14-dev, for scripts/fuzz.sh. clang-format (14): the format-check target.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
fi
