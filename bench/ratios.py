#!/usr/bin/env python3
"""ratios.py RESULTS_TXT - hybridc against the other variants, from one run.

Reads the RESULT lines that ../shared/bench/run.sh writes (results.txt in
its build folder) and prints a Markdown table: for each kernel and thread
count, the median time of each hybridc variant and its speed-up over Halide,
oneDNN and OpenBLAS (their median time / hybridc's: > 1 means hybridc is
faster). Only ratios within one run are meaningful on a shared machine.
"""
import re
import sys
from collections import defaultdict

OTHERS = ["halide", "onednn", "openblas"]
MINE = ["hybridc", "hybridc_hlsched"]
ORDER = ["ewise", "matmul1024", "matmul512", "blur", "softmax", "conv", "outer"]


def main():
    med = defaultdict(dict)
    checks = {}
    for line in open(sys.argv[1]):
        if not line.startswith("RESULT"):
            continue
        f = dict(re.findall(r"(\w+)=(\S+)", line))
        key = (f["kernel"], int(f["threads"]))
        med[key][f["variant"]] = float(f["med_ms"])
        checks[key + (f["variant"],)] = f.get("check", "?")
    print("| kernel | thr | variant | median ms | check | x Halide | x oneDNN | x OpenBLAS |")
    print("|---|---|---|---|---|---|---|---|")
    keys = sorted(med, key=lambda k: (ORDER.index(k[0]) if k[0] in ORDER else 99, k[1]))
    for key in keys:
        for v in MINE:
            if v not in med[key]:
                continue
            t = med[key][v]
            cells = []
            for o in OTHERS:
                cells.append("%.2f" % (med[key][o] / t) if o in med[key] else "-")
            print("| %s | %d | %s | %.3f | %s | %s |" % (key[0], key[1], v, t, checks[key + (v,)], " | ".join(cells)))


if __name__ == "__main__":
    main()
