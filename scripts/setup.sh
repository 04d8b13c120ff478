#!/usr/bin/env bash
# setup.sh - install what hybridc needs, configure and build it.
#
# Installs every missing Debian 12 package with apt-get (runs `apt-get update`
# only when something is missing; works as root or through passwordless
# sudo, with no terminal), configures the build in ./build (CMake + Ninja,
# Release on the first configure; later runs keep the existing settings) and
# builds everything. Safe to run again: it only does what is still needed.
#
# Environment: HYBRIDC_BUILD_DIR (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR="${HYBRIDC_BUILD_DIR:-build}"

PACKAGES=(
  # compiler and build tools
  g++ make cmake ninja-build git python3
  # LLVM 19 (libLLVM, headers, static archives) and its test tools
  # (FileCheck, not, lit); static LLVM needs zstd
  llvm-19-dev llvm-19-tools libzstd-dev
  # exact dependence analysis on integer sets (lib/Analysis/ExactDependence.cpp)
  libisl-dev
  # the runtime is C compiled to LLVM bitcode (then assembly) at build time
  clang-19
  # libraries
  libcli11-dev catch2
  # cross-compiling and running AArch64 objects in tests
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
  # reference computations in end-to-end tests
  python3-numpy
  # the -g test drives gdb
  gdb
  # the sources' format, checked by the test suite (scripts/check-format.sh)
  clang-format-19
)

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "setup: these packages are missing and I cannot install them without root:" >&2
    echo "  apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
  echo "setup: all required packages are installed"
fi

if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
  cmake -G Ninja -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
else
  cmake -S . -B "$BUILD_DIR" >/dev/null
fi
ninja -C "$BUILD_DIR"
