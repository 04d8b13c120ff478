#!/usr/bin/env bash
# libfuzzer.sh - build hybridc's libFuzzer harnesses (test/libfuzzer) with
# AddressSanitizer and UndefinedBehaviorSanitizer, seed their corpora from the
# repository's kernels and schedules, and run each for a while.
#
#   bash scripts/libfuzzer.sh [SECONDS] [HARNESS ...]
#       SECONDS  per harness (default 60); HARNESS: frontend schedule pipeline run
#
# Build folder: build-libfuzzer (HYBRIDC_FUZZ_BUILD_DIR overrides), clang-19,
# -DHYBRIDC_LIBFUZZER=ON -DHYBRIDC_SANITIZE="address;undefined". Installs
# libclang-rt-19-dev (libFuzzer's runtime) when it is missing. The corpora
# grow in <build>/libfuzzer-corpus/<harness>; a finding (crash, sanitizer
# report, internal error, timeout over 10 s, over 2 GB) is saved as
# <build>/libfuzzer-findings/<harness>-crash-* and makes the script exit 1
# after the remaining harnesses ran. Reproduce one with
#   <build>/test/libfuzzer/hybridc-fuzz-<harness> FILE
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TIME=${1:-60}
shift || true
HARNESSES=${*:-frontend schedule pipeline run}
BUILD=${HYBRIDC_FUZZ_BUILD_DIR:-build-libfuzzer}

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
if ! ls /usr/lib/llvm-19/lib/clang/19/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "libfuzzer.sh: installing libclang-rt-19-dev (libFuzzer's runtime)"
  $SUDO apt-get install -y libclang-rt-19-dev >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y libclang-rt-19-dev >/dev/null; }
fi

if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -G Ninja -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_CXX_FLAGS="-fno-sanitize=vptr" -DHYBRIDC_LIBFUZZER=ON \
    -DHYBRIDC_SANITIZE="address;undefined" -DBUILD_TESTING=OFF >/dev/null
fi
targets=""
for h in $HARNESSES; do targets="$targets hybridc-fuzz-$h"; done
ninja -C "$BUILD" $targets

# Seed corpora: every .hy file of the repository (frontend); kernels with
# their schedules, joined by a "#---" line (schedule, pipeline, run); and
# the JSON files alone (for the harnesses' fixed kernel).
CORPUS=$BUILD/libfuzzer-corpus
FINDINGS=$BUILD/libfuzzer-findings
mkdir -p "$FINDINGS"
for h in $HARNESSES; do mkdir -p "$CORPUS/$h"; done
n=0
while IFS= read -r f; do
  n=$((n + 1))
  [ -d "$CORPUS/frontend" ] && cp "$f" "$CORPUS/frontend/seed-$n.hy"
  json="${f%.hy}.json"
  for h in schedule pipeline run; do
    [ -d "$CORPUS/$h" ] || continue
    if [ -f "$json" ]; then
      { cat "$f"; printf '#---\n'; cat "$json"; } > "$CORPUS/$h/seed-$n"
    else
      cp "$f" "$CORPUS/$h/seed-$n.hy"  # no '#---': the whole file as a schedule (rejected quickly)
    fi
  done
done < <(find samples bench test -name '*.hy' -not -path '*/lit-out*' | sort)
for h in schedule pipeline run; do
  [ -d "$CORPUS/$h" ] || continue
  find test/e2e/Inputs test/errors/Inputs -name '*.json' | while IFS= read -r j; do
    cp "$j" "$CORPUS/$h/json-$(echo "$j" | tr / _)"
  done
done

status=0
for h in $HARNESSES; do
  echo "== hybridc-fuzz-$h: $TIME s (corpus $(ls "$CORPUS/$h" | wc -l) files)"
  if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      "$BUILD/test/libfuzzer/hybridc-fuzz-$h" -max_total_time="$TIME" -timeout=10 -rss_limit_mb=2048 \
      -max_len=16384 -print_final_stats=1 -artifact_prefix="$FINDINGS/$h-" "$CORPUS/$h" \
      > "$BUILD/libfuzzer-$h.log" 2>&1; then
    echo "   FINDING: see $BUILD/libfuzzer-$h.log and $FINDINGS/"
    grep -E "ERROR|runtime error|internal|Test unit written" "$BUILD/libfuzzer-$h.log" | head -5 || true
    status=1
  fi
  grep -E "^stat::number_of_executed_units|^stat::new_units_added" "$BUILD/libfuzzer-$h.log" | tr '\n' ' ' || true
  echo
done
exit $status
