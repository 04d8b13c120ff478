#!/usr/bin/env bash
# bench/interp.sh - how fast `hybridc run` (the interpreter, docs/run.md)
# executes loop iterations; issue 14's ">= 50 million simple loop iterations
# per second, so a 512x512 matmul runs in about a second".
#
#   bash bench/interp.sh [HYBRIDC]      (default build/tools/hybridc/hybridc)
#   RUNS=5 bash bench/interp.sh         runs per kernel (default 3; the minimum counts)
#
# Kernels (written to a temporary folder):
#   axpy     c[i] = a[i] * 2.0 + b[i], 1024 elements, repeated 50,000 times
#            (51.2 M iterations of the inner loop)
#   matmul   512x512x512, the textbook triple loop (134 M inner iterations)
#   collatz  integer while/if/break per element (iterations = sum of steps)
# The start-up (a run with nothing to do) is subtracted. Prints Markdown.
# A measurement, not a test: nothing fails on slowness.
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_hybridc interp.sh "${1:-}"
cd "$BENCH_ROOT"
RUNS=${RUNS:-3}
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cat > "$TMP/axpy.hy" <<'EOF'
def axpy(a: float32[1024], b: float32[1024], reps: int32):
    c = output_tensor((1024,), 'float32')
    for r in range(reps):
        for i in range(1024):
            c[i] = a[i] * 2.0 + b[i]
    return c
EOF
cat > "$TMP/matmul.hy" <<'EOF'
def matmul(a: float32[n, n], b: float32[n, n], n: int32):
    c = output_tensor((n, n), 'float32')
    for i in range(n):
        for j in range(n):
            c[i, j] = 0.0
            for k in range(n):
                c[i, j] += a[i, k] * b[k, j]
    return c
EOF
cat > "$TMP/collatz.hy" <<'EOF'
def collatz(n: int32):
    steps = output_tensor((n,), 'int32')
    for i in range(n):
        x = int64(i + 1)
        s = 0
        while x != int64(1):
            if x % int64(2) == int64(0):
                x = x // int64(2)
            else:
                x = x * int64(3) + int64(1)
            s += 1
        steps[i] = s
    return steps
EOF

# Minimum wall time in seconds of RUNS runs of "$@".
best() {
  "$PY" - "$RUNS" "$@" <<'EOF'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    d = time.perf_counter() - t
    best = d if best is None else min(best, d)
print("%.4f" % best)
EOF
}

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| kernel | iterations | time (s) | M iterations/s |"
echo "|---|---:|---:|---:|"
row() { # name iterations seconds startup
  "$PY" -c "import sys; n, t, s = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]); t = max(t - s, 1e-9)
print('| %s | %.1f M | %.3f | %.1f |' % (sys.argv[1], n / 1e6, t, n / t / 1e6))" "$@"
}
start=$(best "$HYBRIDC" run "$TMP/axpy.hy" --arg a=rand --arg b=rand --arg reps=0)
t=$(best "$HYBRIDC" run "$TMP/axpy.hy" --arg a=rand --arg b=rand --arg reps=50000)
row axpy 51200000 "$t" "$start"
start=$(best "$HYBRIDC" run "$TMP/matmul.hy" --arg n=1 --arg a=rand --arg b=rand)
t=$(best "$HYBRIDC" run "$TMP/matmul.hy" --arg n=512 --arg a=rand --arg b=rand)
row "matmul 512" $((512 * 512 * 512)) "$t" "$start"
"$HYBRIDC" run "$TMP/collatz.hy" --arg n=300000 --out "steps=$TMP/steps.npy"
iters=$("$PY" -c "import numpy as np, sys; print(int(np.load(sys.argv[1]).astype(np.int64).sum()))" "$TMP/steps.npy")
start=$(best "$HYBRIDC" run "$TMP/collatz.hy" --arg n=1)
t=$(best "$HYBRIDC" run "$TMP/collatz.hy" --arg n=300000)
row "collatz (while/if)" "$iters" "$t" "$start"
