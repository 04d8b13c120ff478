# bench/common.sh - sourced by the bench scripts (not run): the hybridc a
# script uses and the median of numbers.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# bench_hybridc SCRIPT [PATH]: sets HYBRIDC to PATH, else $HYBRIDC, else the
# build's hybridc, as an absolute path (a relative one is taken from the
# directory the script was started in: call this before any cd); exits 1
# naming SCRIPT when there is no executable there.
bench_hybridc() {
  local h=${2:-${HYBRIDC:-}}
  [ -z "$h" ] || [[ $h = /* ]] || h=$PWD/$h
  HYBRIDC=${h:-$BENCH_ROOT/build/tools/hybridc/hybridc}
  [ -x "$HYBRIDC" ] || { echo "$1: no hybridc at $HYBRIDC (bash scripts/setup.sh builds it)" >&2; exit 1; }
}

# The median of the numbers on standard input, one a line.
med() { sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
