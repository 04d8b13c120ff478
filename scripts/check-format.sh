#!/usr/bin/env bash
# check-format.sh - the C/C++ sources follow .clang-format (clang-format-19,
# which setup.sh installs); run by ctest as "format: clang-format".
#
#   bash scripts/check-format.sh         list what differs, exit 1 if anything does
#   bash scripts/check-format.sh --fix   reformat those files in place
#
# Tables that read better packed are fenced with `// clang-format off/on`.
set -euo pipefail
cd "$(dirname "$0")/.."
CF=${CLANG_FORMAT:-clang-format-19}
command -v "$CF" >/dev/null || { echo "check-format: $CF is missing (bash scripts/setup.sh installs it)" >&2; exit 1; }
mapfile -t files < <(git ls-files 'lib/*.cpp' 'lib/*.h' 'lib/*.c' 'include/*.h' 'tools/*.cpp' \
  'test/unit/*.cpp' 'test/unit/*.h' 'test/libfuzzer/*.cpp' 2>/dev/null || true)
if [ ${#files[@]} -eq 0 ]; then # not a git checkout (a source tarball): the same folders
  mapfile -t files < <(find lib include tools test/unit test/libfuzzer -name '*.cpp' -o -name '*.h' -o -name '*.c' | sort)
fi
if [ "${1:-}" = --fix ]; then
  "$CF" -i "${files[@]}"
  exit 0
fi
bad=0
for f in "${files[@]}"; do
  if ! "$CF" --dry-run -Werror "$f" >/dev/null 2>&1; then
    echo "check-format: $f is not formatted (bash scripts/check-format.sh --fix)"
    bad=1
  fi
done
[ $bad = 0 ] && echo "check-format: ${#files[@]} files formatted"
exit $bad
