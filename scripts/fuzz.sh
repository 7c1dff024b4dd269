#!/bin/sh
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan into ./build-fuzz and runs
# each for SECONDS seconds (first argument, or $FUZZ_SECONDS; default 60), one after the other,
# starting from its seed corpus. Exits non-zero when a target crashes, leaks, trips a sanitizer
# or breaks one of its invariants; the input that did it is saved as build-fuzz/crash-<target>-*.
#   sh scripts/fuzz.sh 60                     # what CI runs
#   FUZZ_TARGETS=fuzz_ruleset sh scripts/fuzz.sh 3600
#   FUZZ_BUILD_ONLY=1 sh scripts/fuzz.sh      # build the targets, run nothing
# Inputs the fuzzer finds are written to build-fuzz/corpus/<target> (seeded from
# tests/fuzz/corpus/<target>), so a later run carries on where the last one stopped.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-${FUZZ_SECONDS:-60}}
TARGETS=${FUZZ_TARGETS:-"fuzz_interchange fuzz_ruleset fuzz_movement fuzz_tables"}
BUILD=build-fuzz
# clang, its sanitizer runtimes and libFuzzer (a no-op when they are installed).
sh scripts/install-deps.sh
# The build lock shared with other builds on this machine, when there is one (flock is in
# util-linux, on every Debian).
LOCK=${VINHDANH_BUILD_LOCK:-/tmp/vd-build.lock}
locked() { if command -v flock >/dev/null 2>&1; then flock "$LOCK" "$@"; else "$@"; fi; }

# -fsanitize=fuzzer-no-link instruments the core library for coverage without a second main;
# the targets link -fsanitize=fuzzer (tests/fuzz/CMakeLists.txt). UBSan checks stay
# recoverable only so that tests/fuzz/ubsan.supp can silence a report in a system header;
# halt_on_error below makes every other report a crash. -O1: fast enough to fuzz, readable
# stacks. Debug keeps Q_ASSERT.
FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined"
locked env CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="$FLAGS" -DVINHDANH_FUZZ=ON >/dev/null
# shellcheck disable=SC2086
locked cmake --build "$BUILD" --target $TARGETS
# FUZZ_BUILD_ONLY=1: build the targets and stop (.ci/run builds them beside the test suite).
[ "${FUZZ_BUILD_ONLY:-0}" = 1 ] && exit 0

export QT_QPA_PLATFORM=offscreen
# Leaks are reported per input by libFuzzer itself; halt_on_error makes the first report final.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$PWD/tests/fuzz/ubsan.supp}
failed=""
for t in $TARGETS; do
  corpus="$BUILD/corpus/$t"
  mkdir -p "$corpus"
  # Every input that ever crashed a target is replayed first, under the sanitizers: the
  # normal build's replay test (core_tests "[fuzz]") cannot see undefined behaviour.
  regressions="tests/data/fuzz-regressions/$t"
  [ -d "$regressions" ] || regressions=""
  echo "== $t: ${SECONDS_EACH}s"
  # The checked-in folders come after $corpus: libFuzzer writes new inputs only into the first
  # directory, so the seeds and regressions stay as they are.
  # shellcheck disable=SC2086
  if ! "$BUILD/tests/fuzz/$t" -max_total_time="$SECONDS_EACH" -timeout=25 -rss_limit_mb=2048 -max_len=65536 \
      -dict=tests/fuzz/json.dict -print_final_stats=1 -artifact_prefix="$BUILD/crash-$t-" \
      "$corpus" "tests/fuzz/corpus/$t" $regressions 2>"$BUILD/$t.log"; then
    tail -n 60 "$BUILD/$t.log"
    failed="$failed $t"
  else
    grep -E '^(Done|stat::|#[0-9]+[[:space:]]+DONE)' "$BUILD/$t.log" || true
  fi
done
if [ -n "$failed" ]; then
  echo "fuzzing found a problem in:$failed (inputs: $BUILD/crash-*)" >&2
  exit 1
fi
