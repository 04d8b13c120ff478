#!/usr/bin/env bash
# test.sh - build hybridc and run its whole test suite (the README's second
# command, also what CI runs through .ci/run).
#
# setup.sh installs missing packages and builds; ctest then runs the Catch2
# unit tests and the lit suites (test/errors, test/lowered, test/e2e,
# test/samples). The exit status is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
BUILD_DIR="${HYBRIDC_BUILD_DIR:-build}"
exec ctest --test-dir "$BUILD_DIR" --output-on-failure -j2
