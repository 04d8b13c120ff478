#!/usr/bin/env bash
# sanitize.sh - build hybridc with AddressSanitizer and
# UndefinedBehaviorSanitizer (errors abort: -fno-sanitize-recover=all) and run
# the whole test suite with that hybridc: every compile, `hybridc run` and
# unit test of ctest goes through the sanitizers (LeakSanitizer included).
#
#   bash scripts/sanitize.sh [CTEST ARGS...]     e.g. -R 'lit: e2e'
#
# Build folder: build-asan (HYBRIDC_ASAN_BUILD_DIR overrides), the same
# compiler as the normal build. Run scripts/setup.sh first (packages). The
# .deb test is left out (a sanitizer build depends on libasan, which the
# package rightly does not declare). The exit status is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${HYBRIDC_ASAN_BUILD_DIR:-build-asan}
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -G Ninja -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHYBRIDC_SANITIZE="address;undefined" >/dev/null
fi
ninja -C "$BUILD"
# LLVM's static libraries are not instrumented; hybridc's own code is.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec ctest --test-dir "$BUILD" --output-on-failure -j2 -E '^deb:' "$@"
