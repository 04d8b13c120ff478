#!/usr/bin/env python3
"""bench/gen_scaling.py - write synthetic hybrid-script kernels of N statements.

    python3 bench/gen_scaling.py OUTDIR [N ...]      (default N: 10 100 1000 10000)

For each N it writes three one-def files to OUTDIR (bench/scaling.sh compiles
them and times hybridc on each):

  assign_N.hy  N independent straight-line stores, out[k] = a[k] * c + b[k]
               (one basic block of N loads/FMAs/stores: stresses SLP, ISel,
               the register allocator on one huge block)
  loop_N.hy    N independent serial loops of 16 iterations, one store each
               (N loop nests: stresses the per-loop passes, LICM, unrolling,
               the loop vectoriser)
  unroll_N.hy  one `for i in const_range(N)` loop over the same store, which
               hybridc itself unrolls into N statements (front-end expansion)

All are valid hybrid script (README "The language"): typed parameters, an
output_tensor returned at the end, float literals are float32. Prints the
written paths, one per line.
"""
import os
import sys


def assign(n):
    body = [f"    out[{k}] = a[{k}] * {1.0 + (k % 7) * 0.25} + b[{k}]" for k in range(n)]
    return (f"def assign_{n}(a: float32[{n}], b: float32[{n}]):\n"
            f"    out = output_tensor(({n},), 'float32')\n" + "\n".join(body) +
            "\n    return out\n")


def loops(n):
    # Each loop gets its own variable: a loop variable may not shadow a
    # visible name, and distinct names keep the file valid whatever the
    # scope rules of sibling loops become.
    body = [f"    for i{k} in range(16):\n        out[{k}, i{k}] = a[{k}, i{k}] * {1.0 + (k % 7) * 0.25} + b[i{k}]"
            for k in range(n)]
    return (f"def loop_{n}(a: float32[{n}, 16], b: float32[16]):\n"
            f"    out = output_tensor(({n}, 16), 'float32')\n" + "\n".join(body) +
            "\n    return out\n")


def unroll(n):
    return (f"def unroll_{n}(a: float32[{n}], b: float32[{n}]):\n"
            f"    out = output_tensor(({n},), 'float32')\n"
            f"    for i in const_range({n}):\n"
            f"        out[i] = a[i] * 1.5 + b[i]\n"
            "    return out\n")


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    outdir = argv[1]
    sizes = [int(s) for s in argv[2:]] or [10, 100, 1000, 10000]
    os.makedirs(outdir, exist_ok=True)
    for n in sizes:
        for kind, gen in (("assign", assign), ("loop", loops), ("unroll", unroll)):
            path = os.path.join(outdir, f"{kind}_{n}.hy")
            with open(path, "w") as f:
                f.write(gen(n))
            print(path)


if __name__ == "__main__":
    main(sys.argv)
