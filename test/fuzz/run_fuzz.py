#!/usr/bin/env python3
"""Differential fuzzing of hybridc: random kernels (gen_kernels.py) compiled
and run through the end-to-end runner (test/e2e/run.py) and compared with
their reference (the kernel's own source executed as Python, hyexec.py).

    run_fuzz.py --hybridc PATH --seeds A:B [--targets host,aarch64] [--opt 0,3]
                [--workdir DIR] [--keep-failures DIR] [-j N] [--timeout S]

For each seed in [A, B): generate the kernel, then run it unscheduled and with
its random schedule (if it has one), at each -O level and target. The target
"interp" runs the kernel in `hybridc run` (the interpreter, run.py --interp;
with the schedule, both the plain and the --scheduled loop nest) instead of
compiling it; -O levels do not apply to it.

Outcomes of one run:
  ok        run.py compiled, ran and matched the reference;
  refused   hybridc rejected the *schedule* with a diagnostic (exit status 1
            and a file:line:col: error) - fine, schedules are random; the other
            configurations of that schedule are skipped;
  FAILURE   anything else: an internal compiler error (exit status 70), a
            crash or signal, a timeout, a diagnostic on the unscheduled kernel
            (the generator only writes valid kernels), a link error, a driver
            crash, a wrong return code, or outputs that differ.
A kernel the generator itself finds invalid is a GENERATOR ERROR (a bug in
the fuzzer, also counted as a failure).

Each failure prints its seed and configuration and is saved (kernel.hy,
ref.py, sched.json, log.txt with the command and its output, repro.sh) under
--keep-failures (default: <workdir>/failures). Exit status 1 if anything failed.
reduce.py minimises a saved failure.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_PY = os.path.join(HERE, "..", "e2e", "run.py")
sys.path.insert(0, HERE)
import gen_kernels  # noqa: E402

# run.py needs numpy: prefer Debian's python3 (as the lit configuration does).
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable
DIAG = re.compile(r"^\S+:\d+:\d+: error: ", re.M)


def run_e2e(hybridc, case_dir, schedule, target, opt, workdir, timeout, tails="auto"):
    """One run.py invocation; returns (outcome, detail, command, output).
    schedule: use the random schedule sched.json (else base.json, the args
    alone, if the kernel has one). outcome: 'ok', 'refused', or a failure kind."""
    interp = target == "interp"
    cmd = [PYTHON, RUN_PY, "--hybridc", hybridc, "--ref", os.path.join(case_dir, "ref.py"),
           "--function", gen_kernels.FUNCTION, "--target", "host" if interp else target, "--workdir", workdir]
    if interp:
        cmd.append("--interp")
    sched = os.path.join(case_dir, "sched.json" if schedule else "base.json")
    if schedule or os.path.exists(sched):
        cmd += ["--schedule", sched]
    cmd += [os.path.join(case_dir, "kernel.hy"), "--", "-O%d" % opt, "--vector-tails=" + tails]
    # A session of its own, so that a timeout kills run.py and what it started.
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        return "timeout", "no result after %d s" % timeout, cmd, out
    if p.returncode == 0:
        return "ok", "", cmd, out
    return classify(out, schedule) + (cmd, out)


def classify(out, schedule):
    """(outcome, detail) of a failed run.py from its output."""
    m = re.search(r"e2e FAIL: hybridc failed \((-?\d+)\)", out)
    if m:
        code = int(m.group(1))
        first = next((l for l in out.splitlines()[1:] if l.strip()), "")
        if code == 1 and DIAG.search(out):
            if schedule:
                return "refused", first
            return "rejected-valid-kernel", first
        if code == 70:
            return "internal-compiler-error", first
        if code < 0:
            return "compiler-crash", "signal %d" % -code
        return "compiler-exit-%d" % code, first
    m = re.search(r"e2e FAIL: (hybridc run[^:]*?) (failed|exited) \((-?\d+)\)", out) or \
        re.search(r"e2e FAIL: (hybridc run[^:]*?) exited (-?\d+)", out)
    if m:
        line = next((l for l in out.splitlines() if ": error: " in l or "internal" in l), "")
        return "interp-failed", m.group(1) + ": " + line
    for pattern, kind in [(r"differs from the reference", "mismatch"), (r"driver exited", "driver-crash"),
                          (r"kernel returned", "bad-return-code"), (r"link failed", "link-error"),
                          (r"HyRefError|Traceback", "reference-error")]:
        if re.search(pattern, out):
            line = next((l for l in out.splitlines() if "e2e FAIL" in l or "Error" in l), "")
            return kind, line.replace("e2e FAIL: ", "")
    return "unknown-failure", out.strip().splitlines()[-1] if out.strip() else ""


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.kernels = self.runs = self.ok = self.refused = self.scheduled = 0
        self.failures = []          # (seed, config, kind, detail, saved dir)
        self.gen_errors = []


def save_failure(keep, case_dir, seed, config, kind, cmd, out):
    name = "seed%d_%s" % (seed, config.replace(" ", "_"))
    dest = os.path.join(keep, name)
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(case_dir, dest, ignore=shutil.ignore_patterns("run-*"))
    with open(os.path.join(dest, "log.txt"), "w") as f:
        f.write("failure: %s\nconfig: %s\ncommand: %s\n\n%s" % (kind, config, " ".join(cmd), out))
    # the same command, on the saved copy
    repro = [c.replace(case_dir, dest) for c in cmd]
    repro[repro.index("--workdir") + 1] = "/tmp/hybridc-fuzz-repro-%d" % seed
    with open(os.path.join(dest, "repro.sh"), "w") as f:
        f.write("#!/bin/sh\n# %s, seed %d, %s\n%s\n" % (kind, seed, config, " ".join(repro)))
    return dest


def fuzz_seed(seed, args, stats, log):
    case = os.path.join(args.workdir, "seed%d" % seed)
    try:
        g = gen_kernels.generate(seed, schedule=not args.no_schedule)
    except gen_kernels.GenError as e:
        with stats.lock:
            stats.gen_errors.append((seed, str(e)))
        log("GENERATOR ERROR seed %d: %s" % (seed, e))
        return
    gen_kernels.write(g, case)
    with stats.lock:
        stats.kernels += 1
        stats.scheduled += bool(g.schedule)
    failed = False
    for schedule in ([False, True] if g.schedule else [False]):
        for target in args.targets:
            for opt in (args.opt[:1] if target == "interp" else args.opt):
                # Both forms of vector tails and per-lane ifs (masked, split), by turns.
                tails = "masked" if (seed + opt + len(target)) % 2 == 0 else "split"
                config = "%s %s -O%d --vector-tails=%s" % ("scheduled" if schedule else "unscheduled", target,
                                                          opt, tails)
                wd = os.path.join(case, "run-%s-%s-O%d" % ("s" if schedule else "u", target, opt))
                timeout = args.timeout * (3 if target != "host" else 1)
                outcome, detail, cmd, out = run_e2e(args.hybridc, case, schedule, target, opt, wd, timeout,
                                                    tails)
                with stats.lock:
                    stats.runs += 1
                    stats.ok += outcome == "ok"
                    stats.refused += outcome == "refused"
                if outcome == "ok":
                    continue
                if outcome == "refused":
                    if args.verbose:
                        log("refused  seed %d: %s" % (seed, detail))
                    break
                failed = True
                dest = save_failure(args.keep_failures, case, seed, config, outcome, cmd, out)
                with stats.lock:
                    stats.failures.append((seed, config, outcome, detail, dest))
                log("FAIL seed %d [%s]: %s: %s\n     saved in %s" % (seed, config, outcome, detail, dest))
            else:
                continue
            break       # refused: skip the schedule's other targets
    if not failed and not args.keep_all:
        shutil.rmtree(case, ignore_errors=True)


def parse_seeds(text):
    a, _, b = text.partition(":")
    return range(int(a), int(b)) if b else range(int(a), int(a) + 1)


def main():
    ap = argparse.ArgumentParser(description="Differential fuzzing of hybridc with random kernels.")
    ap.add_argument("--hybridc", required=True)
    ap.add_argument("--seeds", required=True, help="A:B runs the seeds A..B-1 (or one seed N)")
    ap.add_argument("--targets", default="host", help="comma-separated: host, aarch64, x86_64, interp")
    ap.add_argument("--opt", default="0,3", help="comma-separated -O levels")
    ap.add_argument("--workdir", help="scratch directory (default: a temporary one, removed)")
    ap.add_argument("--keep-failures", help="where failures are saved (default: <workdir>/failures)")
    ap.add_argument("--keep-all", action="store_true", help="keep the files of passing seeds too")
    ap.add_argument("--no-schedule", action="store_true", help="unscheduled runs only")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=60, help="seconds per run (x3 for cross targets)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also print refused schedules")
    ap.add_argument("--time-budget", type=float, default=0,
                    help="seconds: start no new seed after this (0: run every seed); the summary says how many ran")
    args = ap.parse_args()
    args.hybridc = os.path.abspath(args.hybridc)
    args.targets = [t for t in args.targets.split(",") if t]
    args.opt = [int(o) for o in args.opt.split(",") if o]
    if not os.access(args.hybridc, os.X_OK):
        print("run_fuzz: no hybridc at %s" % args.hybridc, file=sys.stderr)
        return 2
    temp = args.workdir is None
    args.workdir = os.path.abspath(args.workdir or tempfile.mkdtemp(prefix="hybridc-fuzz-"))
    args.keep_failures = os.path.abspath(args.keep_failures or os.path.join(args.workdir, "failures"))
    os.makedirs(args.workdir, exist_ok=True)
    os.makedirs(args.keep_failures, exist_ok=True)

    stats = Stats()
    out_lock = threading.Lock()

    def log(msg):
        with out_lock:
            print(msg, flush=True)

    seeds = parse_seeds(args.seeds)
    t0 = time.time()
    done = []

    def one(seed):
        if args.time_budget and time.time() - t0 > args.time_budget:
            return
        fuzz_seed(seed, args, stats, log)
        with out_lock:
            done.append(seed)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for f in [pool.submit(one, s) for s in seeds]:
            f.result()
    if len(done) < len(seeds):
        args.seeds = "%d seeds of %s (time budget %.0f s; last seed %d)" % (len(done), args.seeds, args.time_budget,
                                                                         max(done) if done else -1)

    print("hybridc fuzz: seeds %s, targets %s, -O%s: %d kernels (%d with a schedule), %d runs, %d ok, "
          "%d refused schedules, %d failures, %d generator errors (%.0f s)"
          % (args.seeds, ",".join(args.targets), ",".join(map(str, args.opt)), stats.kernels, stats.scheduled,
             stats.runs, stats.ok, stats.refused, len(stats.failures), len(stats.gen_errors), time.time() - t0))
    kinds = {}
    for seed, config, kind, detail, dest in sorted(stats.failures):
        kinds.setdefault(kind, []).append("%d (%s)" % (seed, config))
    for kind, where in sorted(kinds.items()):
        print("  %s: %s" % (kind, ", ".join(where)))
    for seed, msg in stats.gen_errors:
        print("  generator error: %s" % msg)
    bad = stats.failures or stats.gen_errors
    if bad:
        print("failures saved in %s" % args.keep_failures)
    elif temp:
        shutil.rmtree(args.workdir, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
