#!/usr/bin/env bash
# bench/compile.sh - how long hybridc takes to compile each kernel, whole
# process (exec, dynamic loading, compile, object written, exit), issue 15's
# "<= 50 ms per kernel".
#
#   bash bench/compile.sh [HYBRIDC]     (default build/tools/hybridc/hybridc)
#   RUNS=20 bash bench/compile.sh       more runs per measurement (default 10)
#
# Kernels: every bench/*.hy and bench/same/*.hy with the schedule that
# bench/anchors.sh uses (<k>_avx512.json or <k>_avx2.json from this CPU's
# flags, BENCH_ISA=avx2|avx512 overrides) and --mcpu ${BENCH_MCPU:-native};
# every samples/X.hy with samples/X.json, as scripts/demo.sh compiles them.
# Each is compiled to an object at -O3 and at -O0, after one warm-up run,
# RUNS times: min and median wall time, with hyperfine when installed, else
# bench/timecmd.py, and the CPU time (user+sys) of a run, which a loaded
# machine inflates less than the wall time. Peak RSS comes from GNU time -v
# (else from wait4). The phases come from hybridc's own -v and --time-passes:
#   fe     read + parse + schedule + sema           (-v)
#   lower  hybridc's loop-IR passes, ast-to-ir ... split-host-device (-v: lower)
#   llvm   the rest of -v's "compile" stage: LLVM IR generation, runtime
#          bitcode link, LLVM optimisation, instruction selection, object
#   proc   the run's wall time minus all of the above: exec, dynamic
#          loading of libLLVM, static initialisers, exit
# (each phase: the minimum of 5 such runs). All figures are noisy on a
# loaded machine: the load average is printed; the CPU column is the steadiest.
# Prints Markdown to stdout. Exits 0, or 1 if a kernel failed to compile.
# A measurement, not a test: nothing fails on slowness.
set -euo pipefail
HYBRIDC=${1:-${HYBRIDC:-}}
[ -z "$HYBRIDC" ] || [[ $HYBRIDC = /* ]] || HYBRIDC=$PWD/$HYBRIDC  # relative to the caller
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HYBRIDC=${HYBRIDC:-$ROOT/build/tools/hybridc/hybridc}
RUNS=${RUNS:-10}
[ -x "$HYBRIDC" ] || { echo "compile.sh: no hybridc at $HYBRIDC (bash scripts/setup.sh builds it)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# A private copy: a rebuild during the run cannot change what is measured.
cp "$HYBRIDC" "$TMP/hybridc"
HY=$TMP/hybridc

isa=${BENCH_ISA:-}
[ -n "$isa" ] || { if grep -qw avx512f /proc/cpuinfo; then isa=avx512; else isa=avx2; fi; }
gnu_time='' rss_from="wait4 ru_maxrss"
if [ -x /usr/bin/time ] && /usr/bin/time --version 2>&1 | grep -q GNU; then
  gnu_time=/usr/bin/time rss_from="GNU time -v"
fi
timer=timecmd.py
if command -v hyperfine >/dev/null; then timer="hyperfine $(hyperfine --version | cut -d' ' -f2)"; fi

# measure CMD... -> "MIN_MS MEDIAN_MS RSS_MB CPU_MS", or "FAIL" if CMD fails.
# CPU_MS (user+sys) is the min over the runs (timecmd.py) or hyperfine's mean.
measure() {
  local line st min med rss cpu
  if [ "$timer" = timecmd.py ]; then line=$(python3 "$ROOT/bench/timecmd.py" --runs "$RUNS" -- "$@")
  else line=$(python3 "$ROOT/bench/timecmd.py" --runs 1 --warmup 0 -- "$@"); fi  # a check
  read -r st min med _ rss cpu <<<"$line"
  [ "$st" = ok ] || { echo FAIL; return; }
  if [ "$timer" != timecmd.py ]; then
    hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-json "$TMP/hf.json" \
      -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    read -r min med cpu < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print("%.1f %.1f %.1f" % (r["min"]*1e3, r["median"]*1e3, (r["user"]+r["system"])*1e3))' "$TMP/hf.json")
  fi
  if [ -n "$gnu_time" ]; then
    "$gnu_time" -v -o "$TMP/time.txt" "$@" >/dev/null 2>&1
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$TMP/time.txt")
  fi
  echo "$min $med $rss $cpu"
}

# phases CMD... -> "fe F / lower L / llvm M / proc P" (ms): 5 runs with -v
# --time-passes, each timed from outside ($EPOCHREALTIME, no fork), the
# minimum of each phase over the runs.
phases() {
  local t0 t1
  for _ in 1 2 3 4 5; do
    t0=$EPOCHREALTIME
    "$@" -v --time-passes 2>"$TMP/v.txt" >/dev/null
    t1=$EPOCHREALTIME t0=${t0/,/.} t1=${t1/,/.}  # a locale's decimal comma
    awk -v wall="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) * 1000 }')" '
      $1 == "hybridc:" && $2 ~ /^(read|parse|schedule|sema)$/ { fe += $3 }
      $1 == "hybridc:" && $2 == "compile" { comp = $3 }
      $1 == "hybridc:" && $2 == "lower" { lower = $3 }
      END { print fe, lower, comp - lower, wall - fe - comp }' "$TMP/v.txt"
  done | awk '{ for (k = 1; k <= 4; k++) if (NR == 1 || $k < m[k]) m[k] = $k }
    END { printf "fe %.1f / lower %.1f / llvm %.1f / proc %.1f", m[1], m[2], m[3], m[4] }'
}

failed=0 over=0 over_cpu=0 total=0
row() { # row NAME ARGS... (hybridc arguments besides -O and -o)
  local name=$1 o3 o0; shift
  read -r -a o3 <<<"$(measure "$HY" "$@" -O3 -o "$TMP/k.o")"
  read -r -a o0 <<<"$(measure "$HY" "$@" -O0 -o "$TMP/k.o")"
  if [ "${o3[0]}" = FAIL ] || [ "${o0[0]}" = FAIL ]; then
    printf '| %s | compile failed | | | | |\n' "$name"; failed=1; return
  fi
  total=$((total + 1))
  awk -v m="${o3[0]}" 'BEGIN { exit !(m > 50) }' && over=$((over + 1))
  awk -v m="${o3[3]}" 'BEGIN { exit !(m > 50) }' && over_cpu=$((over_cpu + 1))
  printf '| %s | %s / %s | %s / %s | %s / %s | %s / %s | %s |\n' "$name" "${o3[0]}" "${o3[1]}" \
    "${o0[0]}" "${o0[1]}" "${o3[3]}" "${o0[3]}" "${o3[2]}" "${o0[2]}" \
    "$(phases "$HY" "$@" -O3 -o "$TMP/k.o")"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "## hybridc compile time ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo
echo "- CPU: $cpu, $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- $("$HY" --version | paste -sd' ') ($HYBRIDC); bench ISA $isa, --mcpu ${BENCH_MCPU:-native}"
echo "- timer: $timer, $RUNS runs after 1 warm-up; peak RSS: $rss_from"
read -r -a v <<<"$(measure "$HY" --version)"
echo "- start-up, \`hybridc --version\`: min ${v[0]} ms, median ${v[1]} ms, CPU ${v[3]} ms, peak RSS ${v[2]} MB"
echo
echo "| kernel | -O3 min / median ms | -O0 min / median ms | CPU ms -O3 / -O0 | peak RSS MB -O3 / -O0 | -O3 phases, ms (min of 5 -v runs) |"
echo "|---|---|---|---|---|---|"
for hy in bench/*.hy bench/same/*.hy; do
  k=$(basename "$hy" .hy) sched=$(dirname "$hy")/${k}_$isa.json
  name=${hy#bench/}; name=${name%.hy}
  if [ -f "$sched" ]; then row "$name" "$hy" -s "$sched" --mcpu "${BENCH_MCPU:-native}"
  else row "$name" "$hy" --mcpu "${BENCH_MCPU:-native}"; fi
done
for hy in samples/*.hy; do
  sched=${hy%.hy}.json
  if [ -f "$sched" ]; then row "samples/$(basename "$hy" .hy)" "$hy" -s "$sched"
  else row "samples/$(basename "$hy" .hy)" "$hy"; fi
done
echo
echo "$over of $total kernels take over 50 ms at -O3 (min wall time); $over_cpu of $total by CPU time."
exit "$failed"
