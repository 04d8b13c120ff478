#!/usr/bin/env python3
"""masked_fuzz.py - differential fuzzing of masked vector code
(--vector-tails, docs/schedules.md "Vector tails and masks").

Each seed is one random kernel over i in range(n) whose body nests per-lane
`if`/`else` (conditions on loaded values, i % k, `idx[i] >= 0 and
b[idx[i]] > 0.0`, `or` with a shifted load), a lane variable `t` assigned
in the branches, selects whose arms read out of bounds in the lanes that do
not take them (a[i - 1], a[i + 1], b[idx[i]] with idx[i] = -1), stores into
c[i] and one reduction into s[0]; n random in 1..59, so every tail count
occurs. The loop is split by --width and the inner loop vectorized; the
kernel is compiled with --vector-tails=masked and split, --mcpu native and
x86-64-v3, linked with a small C driver, run, and compared with `hybridc
run` of the unscheduled kernel (the interpreter, the reference). With
`--targets host,aarch64` also for AArch64 (both forms; NEON has no masks, so
LLVM takes the masked form's loads and stores apart lane by lane), linked
with aarch64-linux-gnu-gcc and run under qemu-aarch64.

    /usr/bin/python3 test/fuzz/masked_fuzz.py --hybridc build/tools/hybridc/hybridc \
        --seeds 0:200 [--width 16] [--targets host,aarch64] [--workdir /tmp/mf]

Prints each failure (compile error other than a refused schedule, crash,
mismatch) with its seed; exits 1 if any. The kernels stay in the workdir.
"""
import argparse
import os
import random
import subprocess
import sys

import numpy as np

DRIVER = r"""#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
int32_t kern(int32_t n, const float *a, const float *b, const int32_t *idx, float *c, float *s);
int main(int argc, char **argv) {
  int n = atoi(argv[1]);
  float *a = malloc(4 * n + 4), *b = malloc(4 * n + 4), *c = malloc(4 * n + 4), s[2];
  int32_t *idx = malloc(4 * n + 4);
  FILE *f = fopen(argv[2], "rb");
  if (fread(a, 4, n, f) != (size_t)n || fread(b, 4, n, f) != (size_t)n || fread(idx, 4, n, f) != (size_t)n) return 3;
  fclose(f);
  int r = kern(n, a, b, idx, c, s);
  if (r) return 4;
  f = fopen(argv[3], "wb");
  fwrite(c, 4, n, f); fwrite(s, 4, 2, f); fclose(f);
  return 0;
}
"""

def expr(r, d):
    ch = r.randrange(9 if d < 2 else 5)
    if ch == 0: return "a[i]"
    if ch == 1: return "b[i]"
    if ch == 2: return "t"
    if ch == 3: return "%.2f" % r.uniform(-2, 2)
    if ch == 4: return r.choice(["(a[i - 1] if i >= 1 else 0.5)", "(a[i + 1] if i + 1 < n else b[i])", "(b[idx[i]] if idx[i] >= 0 else -1.0)"])
    return "(%s %s %s)" % (expr(r, d + 1), r.choice("+-*"), expr(r, d + 1))
def cond(r, d):
    ch = r.randrange(5)
    if ch == 0: return "a[i] > %.2f" % r.uniform(-1, 1)
    if ch == 1: return "%s < t" % expr(r, d + 1)
    if ch == 2: return "i %% %d == %d" % (r.choice([2, 3, 5]), 0)
    if ch == 3: return "(idx[i] >= 0 and b[idx[i]] > 0.0)"
    return "(i + 2 < n and a[i + 2] > b[i]) or a[i] < -0.5"
def stmts(r, d, ind, red):
    out = []
    for _ in range(r.randint(1, 3)):
        ch = r.randrange(5 if d < 2 else 3)
        if ch == 0: out.append(ind + "t = %s" % expr(r, 0))
        elif ch == 1: out.append(ind + "c[i] = %s" % expr(r, 0))
        elif ch == 2:
            if not red[0]:
                red[0] = True
                out.append(ind + "s[0] = s[0] + %s" % expr(r, 1))
            else:
                out.append(ind + "t = t * 0.5")
        else:
            out.append(ind + "if %s:" % cond(r, d))
            out += stmts(r, d + 1, ind + "    ", red)
            if r.random() < 0.5:
                out.append(ind + "else:")
                out += stmts(r, d + 1, ind + "    ", red)
    return out
def gen(seed):
    r = random.Random(seed)
    body = stmts(r, 0, "        ", [False])
    src = """def kern(n: int32, a: float32[n], b: float32[n], idx: int32[n]):
    c = output_tensor((n,), 'float32')
    s = output_tensor((2,), 'float32')
    s[0] = 0.0
    s[1] = 0.0
    for i in range(n):
        c[i] = 0.0
    for i in range(n):
        t = a[i] * 0.25
""" + "\n".join(body) + "\n        c[i] = c[i] + t\n    return c, s\n"
    return src


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hybridc", required=True)
    ap.add_argument("--seeds", default="0:100", help="A:B runs the seeds A..B-1")
    ap.add_argument("--width", type=int, default=16, help="the vector loop's lanes")
    ap.add_argument("--targets", default="host", help="host, aarch64 or both (comma-separated)")
    ap.add_argument("--workdir", default="/tmp/hybridc-masked-fuzz")
    args = ap.parse_args()
    H = os.path.abspath(args.hybridc)
    lo, hi = (int(x) for x in args.seeds.split(":"))
    os.makedirs(args.workdir, exist_ok=True)
    drv = os.path.join(args.workdir, "driver.c")
    with open(drv, "w") as f:
        f.write(DRIVER)
    targets = args.targets.split(",")
    configs = []  # (target, --mcpu)
    if "host" in targets:
        configs += [("host", "native"), ("host", "x86-64-v3")]
    if "aarch64" in targets:
        configs += [("aarch64", "generic")]
    if not configs or set(targets) - {"host", "aarch64"}:
        ap.error("--targets: host, aarch64 or host,aarch64")
    fails = runs = refused = 0
    for seed in range(lo, hi):
        d = os.path.join(args.workdir, str(seed))
        os.makedirs(d, exist_ok=True)
        with open(d + "/k.hy", "w") as f:
            f.write(gen(seed))
        with open(d + "/k.json", "w") as f:
            f.write('{"kern": {"schedule": [{"op": "split", "loop": "i#1", "factor": %d}, '
                    '{"op": "vectorize", "loop": "i.inner"}]}}' % args.width)
        rng = np.random.default_rng(seed)
        n = int(rng.integers(1, 60))
        a = rng.standard_normal(n).astype(np.float32)
        b = rng.standard_normal(n).astype(np.float32)
        idx = rng.integers(-1, n, n).astype(np.int32)
        for name, v in (("a", a), ("b", b), ("idx", idx)):
            np.save("%s/%s.npy" % (d, name), v)
        with open(d + "/in.bin", "wb") as f:
            f.write(a.tobytes() + b.tobytes() + idx.tobytes())
        ref = subprocess.run([H, "run", d + "/k.hy", "--arg", "n=%d" % n] +
                             [w for x in ("a", "b", "idx") for w in ("--arg", "%s=%s/%s.npy" % (x, d, x))] +
                             ["--out", "c=%s/c.npy" % d, "--out", "s=%s/s.npy" % d],
                             capture_output=True, text=True)
        if ref.returncode != 0:
            print("seed %d: the reference failed: %s" % (seed, ref.stderr[:300]))
            fails += 1
            continue
        rc, rs = np.load(d + "/c.npy"), np.load(d + "/s.npy")
        for form in ("masked", "split"):
            for target, mcpu in configs:
                obj = "%s/k_%s_%s_%s.o" % (d, form, target, mcpu)
                p = subprocess.run([H, d + "/k.hy", "-s", d + "/k.json", "--vector-tails=" + form,
                                    "--target", target,
                                    "--mcpu", mcpu, "-o", obj, "--verify-each"], capture_output=True, text=True)
                runs += 1
                if p.returncode == 1 and "error:" in p.stderr and "internal" not in p.stderr:
                    refused += 1  # a refused schedule
                    continue
                if p.returncode != 0:
                    print("seed %d %s %s %s: compile: %s" % (seed, form, target, mcpu, p.stderr[:400]))
                    fails += 1
                    continue
                exe = obj + ".exe"
                cc, runner = ["cc"], []
                if target == "aarch64":
                    cc, runner = ["aarch64-linux-gnu-gcc"], ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"]
                subprocess.run(cc + ["-O1", drv, obj, "-o", exe, "-lm", "-lpthread"], check=True)
                q = subprocess.run(runner + [exe, str(n), d + "/in.bin", d + "/out.bin"], capture_output=True)
                if q.returncode != 0:
                    print("seed %d %s %s %s: the kernel exited %d" % (seed, form, target, mcpu, q.returncode))
                    fails += 1
                    continue
                out = np.fromfile(d + "/out.bin", np.float32)
                if not (np.allclose(out[:n], rc, rtol=1e-4, atol=1e-4) and
                        np.allclose(out[n:], rs, rtol=1e-3, atol=1e-3)):
                    print("seed %d %s %s %s: mismatch (n = %d)\n c %s\n reference %s\n s %s, reference %s"
                          % (seed, form, target, mcpu, n, out[:8], rc[:8], out[n:], rs))
                    fails += 1
    print("masked_fuzz: seeds %d:%d, %d compiled runs (%d refused), %d failures" % (lo, hi, runs, refused, fails))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
