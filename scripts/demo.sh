#!/usr/bin/env bash
# demo.sh - set hybridc up, then compile every sample, link it into its C
# driver, run it and show its result (the README's first command).
#
# For each samples/X.hy: `hybridc X.hy -s X.json -o X.o --emit-header`, then
# `cc X.c X.o -lm -lpthread` (samples/X.c fills the inputs, calls the kernel
# and checks it against a plain C loop), then runs the program, which prints
# one line with the kernel's result. Files go to $BUILD_DIR/demo/. Exits
# non-zero if any sample fails to compile, link or match its reference.
#
# Environment: HYBRIDC_BUILD_DIR (default: build), CC (default: cc).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
BUILD_DIR="${HYBRIDC_BUILD_DIR:-build}"
HYBRIDC="$PWD/$BUILD_DIR/tools/hybridc/hybridc"
CC="${CC:-cc}"
OUT="$BUILD_DIR/demo"
mkdir -p "$OUT"

echo
"$HYBRIDC" --version | head -1
echo "Compiling each sample with hybridc, linking it into its C driver and running it:"
echo
failed=0
first=1
# matmul first: its commands are shown.
names=(matmul)
for hy in samples/*.hy; do
  [[ $(basename "$hy" .hy) == matmul ]] || names+=("$(basename "$hy" .hy)")
done
for name in "${names[@]}"; do
  hy="samples/$name.hy"
  compile=("$HYBRIDC" "$hy" -s "samples/$name.json" -o "$OUT/$name.o" --emit-header)
  link=("$CC" -O2 -I"$OUT" "samples/$name.c" "$OUT/$name.o" -o "$OUT/$name" -lm -lpthread)
  if ((first)); then
    # Show the commands once, as a user would type them.
    echo "  \$ hybridc $hy -s samples/$name.json -o $OUT/$name.o --emit-header"
    echo "  \$ ${link[*]}"
    echo "  \$ $OUT/$name"
    first=0
  fi
  if "${compile[@]}" && "${link[@]}" && result=$("$OUT/$name"); then
    echo "  $result"
  else
    echo "  FAIL  $name${result:+: $result}"
    failed=1
  fi
  result=
done
echo
if ((failed)); then
  echo "demo: some samples failed (see above)"
else
  echo "demo: every kernel matched its C reference. Next: samples/README.md, \`make -C samples run\`,"
  echo "      and \`$BUILD_DIR/tools/hybridc/hybridc samples/matmul.hy -s samples/matmul.json --emit-lowered=-\`."
fi
exit "$failed"
