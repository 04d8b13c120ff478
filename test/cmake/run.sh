#!/usr/bin/env bash
# run.sh - the consumer-project test: test/cmake/ is a project that uses
# find_package(hybridc) and add_hybridc_kernel() like a user's would.
#
#   bash test/cmake/run.sh MODE HYBRIDC_BUILD_DIR WORK_DIR
#
# MODE is install-ninja (cmake --install the build to WORK_DIR/prefix and
# use that with Ninja), build-ninja (use the build tree: -Dhybridc_DIR=BUILD)
# or build-make (the build tree with Unix Makefiles). The project is copied
# to WORK_DIR/src, so touching its files leaves the source tree alone. Checks:
#  - it configures, builds, links two kernels and an AArch64 one, and runs;
#  - a second build does nothing (ninja -n -d explain / make output);
#  - touching scale.hy, then scale.json, rebuilds exactly the kernels made
#    from them (and what links them), not saxpy;
#  - the depfile reaches the generator (Ninja: build.ninja names it);
#  - install-ninja: touching the installed hybridc rebuilds every kernel.
set -euo pipefail
mode=$1
build=$(cd "$2" && pwd)
work=$3
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "FAIL ($mode): $*" >&2; exit 1; }
step() { echo "--- $*"; }

rm -rf "$work"
mkdir -p "$work/src"
cp "$here"/CMakeLists.txt "$here"/*.hy "$here"/*.json "$here"/*.c "$work/src/"
src=$work/src
bin=$work/bld

case $mode in
  install-ninja)
    step "cmake --install $build --prefix $work/prefix"
    cmake --install "$build" --prefix "$work/prefix" >/dev/null
    for f in bin/hybridc lib/cmake/hybridc/hybridcConfig.cmake \
             lib/cmake/hybridc/hybridcConfigVersion.cmake lib/cmake/hybridc/HybridcKernel.cmake; do
      [[ -e $work/prefix/$f ]] || fail "not installed: $f"
    done
    generator=Ninja
    config=(-DCMAKE_PREFIX_PATH="$work/prefix")
    hybridc=$work/prefix/bin/hybridc ;;
  build-ninja)
    generator=Ninja
    config=(-Dhybridc_DIR="$build")
    hybridc=$build/tools/hybridc/hybridc ;;
  build-make)
    generator="Unix Makefiles"
    config=(-Dhybridc_DIR="$build")
    hybridc=$build/tools/hybridc/hybridc ;;
  *) fail "unknown mode" ;;
esac

# What the next build would do: the commands (Ninja: ninja -n; Makefiles: a
# real build, whose "Compiling hybridc kernel" lines are the kernels rebuilt).
plan() {
  if [[ $generator == Ninja ]]; then
    ninja -C "$bin" -n -d explain 2>&1
  else
    make -C "$bin" --no-print-directory 2>&1
  fi
}
build_it() {
  if [[ $generator == Ninja ]]; then ninja -C "$bin" >/dev/null; else make -C "$bin" -j2 >/dev/null; fi
}
expect_kernels() { # expect_kernels "<plan output>" kernel... : exactly these (sorted) rebuild
  local out=$1; shift
  local got
  got=$({ grep -o "Compiling hybridc kernel hybridc/[a-z_]*/" <<<"$out" || true; } |
        sed 's|.*hybridc/\(.*\)/|\1|' | sort -u | paste -sd' ')
  [[ "$got" == "$*" ]] || { echo "$out"; fail "rebuilt kernels: '$got', expected (sorted): '$*'"; }
}

step "configure ($generator) against $mode"
cmake -G "$generator" -S "$src" -B "$bin" "${config[@]}" >/dev/null
used=$(grep -E '^hybridc_DIR' "$bin/CMakeCache.txt")
echo "$used"
if [[ $mode == install-ninja ]]; then
  [[ $used == *"$work/prefix/lib/cmake/hybridc" ]] || fail "did not use the installed package"
fi

step "build and run"
build_it
out=$("$bin/consumer") || fail "consumer: $out"
echo "$out"
[[ $out == *": ok" ]] || fail "unexpected output: $out"
file_out=$(readelf -h "$bin/hybridc/scale_kernel_arm/scale_kernel_arm.o" | grep Machine)
[[ $file_out == *AArch64* ]] || fail "TARGET_ARCH aarch64 gave: $file_out"
[[ -f $bin/hybridc/scale_kernel/include/scale_kernel.h ]] || fail "no header"

step "nothing changed: nothing rebuilds"
out=$(plan)
if [[ $generator == Ninja ]]; then
  [[ $out == "ninja: Entering directory \`$bin'"$'\n'"ninja: no work to do." ]] ||
    { echo "$out"; fail "a no-op build would run something"; }
  grep -q "depfile = .*CMakeFiles/d/" "$bin/build.ninja" || fail "no depfile in build.ninja"
else
  expect_kernels "$out"
  [[ $out != *"Building C object"* && $out != *"Linking"* ]] || { echo "$out"; fail "a no-op build did work"; }
fi

sleep 1.1 # coarse file timestamps: make the touched file strictly newer
step "touch scale.hy: the two kernels made from it rebuild, saxpy does not"
touch "$src/scale.hy"
out=$(plan)
expect_kernels "$out" scale_kernel scale_kernel_arm
[[ $generator == Ninja ]] && build_it
"$bin/consumer" >/dev/null || fail "consumer after rebuild"
[[ $(plan) != *"Compiling hybridc kernel"* ]] || fail "still dirty after the rebuild"

sleep 1.1
step "touch scale.json: the same"
touch "$src/scale.json"
out=$(plan)
expect_kernels "$out" scale_kernel scale_kernel_arm
[[ $generator == Ninja ]] && build_it

sleep 1.1
step "touch saxpy.hy: only saxpy"
touch "$src/saxpy.hy"
out=$(plan)
expect_kernels "$out" saxpy_kernel
[[ $generator == Ninja ]] && build_it

if [[ $mode == install-ninja ]]; then
  sleep 1.1
  step "touch the hybridc executable: every kernel rebuilds"
  touch "$hybridc"
  out=$(plan)
  expect_kernels "$out" saxpy_kernel scale_kernel scale_kernel_arm
  build_it
else
  # Never touch the shared build's hybridc; check the dependency instead.
  if [[ $generator == Ninja ]]; then
    deps=$(ninja -C "$bin" -t query hybridc/scale_kernel/scale_kernel.o)
  else
    deps=$(cat "$bin/CMakeFiles/scale_kernel.dir/build.make")
  fi
  [[ $deps == *"$hybridc"* ]] || fail "the kernel's rule does not depend on $hybridc"
fi
"$bin/consumer"
echo "PASS ($mode)"
