#!/usr/bin/env bash
# test-deb.sh - build hybridc's .deb with CPack and try it without installing
# it system-wide: `dpkg -x` into a temporary root, then
#  - the packaged hybridc has no RUNPATH, and the package's Depends cover every shared library the extracted hybridc
#    needs (readelf NEEDED, resolved by ldd, owner found with dpkg -S);
#  - the extracted hybridc compiles a sample, which links into its C driver
#    and runs;
#  - the extracted CMake package (lib/cmake/hybridc) builds the samples
#    project (samples/CMakeLists.txt), whose programs all pass.
#
#   bash scripts/test-deb.sh [BUILD_DIR]     (default: $HYBRIDC_BUILD_DIR or build)
#
# Needs a built tree (scripts/setup.sh). Leaves the .deb in BUILD_DIR/package/.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
BUILD_DIR=$(cd "${1:-${HYBRIDC_BUILD_DIR:-build}}" && pwd)
[[ -x $BUILD_DIR/tools/hybridc/hybridc ]] || { echo "test-deb: build hybridc first (bash scripts/setup.sh)" >&2; exit 1; }

fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
step() { echo "--- $*"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/hybridc-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

step "cpack (DEB)"
mkdir -p "$BUILD_DIR/package"
cpack --config "$BUILD_DIR/CPackConfig.cmake" -B "$tmp/cpack" >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack"; }
deb=$(ls "$tmp"/cpack/*.deb)
cp "$deb" "$BUILD_DIR/package/"
deb=$BUILD_DIR/package/$(basename "$deb")
echo "$deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Package Version Architecture Depends Recommends

step "contents"
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/hybridc ./usr/lib/cmake/hybridc/hybridcConfig.cmake \
         ./usr/lib/cmake/hybridc/hybridcConfigVersion.cmake \
         ./usr/lib/cmake/hybridc/hybridcTargets.cmake ./usr/lib/cmake/hybridc/HybridcKernel.cmake \
         ./usr/share/doc/hybridc/samples/matmul.hy ./usr/share/doc/hybridc/samples/Makefile; do
  grep -qxF "$f" <<<"$contents" || fail "$f is not in the package"
done
echo "ok: bin/hybridc, the CMake package, the samples"

step "dpkg -x into $tmp/root"
dpkg -x "$deb" "$tmp/root"
hybridc=$tmp/root/usr/bin/hybridc
"$hybridc" --version

step "shared libraries vs Depends"
readelf -d "$hybridc" | grep -qE "RPATH|RUNPATH" && fail "the packaged hybridc has an RPATH/RUNPATH"
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(sed 's/([^)]*)//g; s/|/,/g' <<<"$depends" | tr ',' '\n' | tr -d ' ')
ldd_out=$(ldd "$hybridc")
grep -q "not found" <<<"$ldd_out" && { echo "$ldd_out"; fail "unresolved libraries"; }
for lib in $(readelf -d "$hybridc" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  path=$(awk -v l="$lib" '$1 == l { print $3 }' <<<"$ldd_out")
  # The dynamic loader, when NEEDED, is listed by its path alone.
  [[ -n $path ]] || path=$(awk -v l="/$lib" 'substr($1, length($1) - length(l) + 1) == l { print $1 }' <<<"$ldd_out")
  [[ -n $path ]] || fail "ldd does not resolve $lib"
  # usrmerge: dpkg may know the file under /usr/lib or /lib.
  pkg=""
  for p in "$path" "$(readlink -f "$path")" "/usr$path" "${path#/usr}"; do
    pkg=$(dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1) && [[ -n $pkg ]] && break
  done
  [[ -n $pkg ]] || fail "no package owns $path ($lib)"
  grep -qxF "$pkg" <<<"$depends_names" || fail "$lib comes from $pkg, which Depends does not name: $depends"
  printf '  %-18s %-45s %s\n' "$lib" "$path" "$pkg"
done

step "the extracted hybridc compiles, links and runs a sample"
mkdir -p "$tmp/run"
"$hybridc" "$root_dir/samples/matmul.hy" -s "$root_dir/samples/matmul.json" \
  -o "$tmp/run/matmul.o" --emit-header -MD
cc -O2 -I"$tmp/run" "$root_dir/samples/matmul.c" "$tmp/run/matmul.o" -o "$tmp/run/matmul" -lm -lpthread
"$tmp/run/matmul" || fail "the sample program failed"

step "the extracted CMake package builds the samples project"
cp -r "$tmp/root/usr/share/doc/hybridc/samples" "$tmp/samples"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake "${generator[@]}" -S "$tmp/samples" -B "$tmp/samples/build" \
  -DCMAKE_PREFIX_PATH="$tmp/root/usr" >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "configure"; }
grep -q "hybridc_DIR:PATH=$tmp/root/usr/lib/cmake/hybridc" "$tmp/samples/build/CMakeCache.txt" ||
  fail "the samples project did not find the extracted package"
cmake --build "$tmp/samples/build" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "build"; }
grep -q "$tmp/root/usr/bin/hybridc" "$tmp/samples/build/"{build.ninja,Makefile} 2>/dev/null ||
  grep -rq "$tmp/root/usr/bin/hybridc" "$tmp/samples/build/CMakeFiles" ||
  fail "the samples were not compiled by the extracted hybridc"
ctest --test-dir "$tmp/samples/build" --output-on-failure | tail -3

echo "test-deb: PASS ($deb)"
