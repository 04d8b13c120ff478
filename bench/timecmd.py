#!/usr/bin/env python3
"""bench/timecmd.py - time one command, the whole process, like a tiny hyperfine.

    python3 bench/timecmd.py [--runs 10] [--warmup 1] [--budget S] [--timeout S] -- CMD ARGS...

Runs CMD --warmup times (not timed), then --runs times, each as a fresh
process (posix_spawn, stdout/stderr to /dev/null), and prints one line:

    ok MIN_MS MEDIAN_MS RUNS MAXRSS_MB CPU_MS   every run exited 0
    fail:RC - - RUNS - -                        a run exited with status RC
    timeout - - RUNS - -                        a run took longer than --timeout S

MIN/MEDIAN are wall times. MAXRSS_MB is the largest ru_maxrss that os.wait4
reported for one run (the child's own peak resident set, as GNU time's
"Maximum resident set size"). CPU_MS is the smallest user+system CPU time of
one run: on a loaded machine it tracks the unloaded wall time of a
single-threaded compiler better than the wall time does.
--budget S stops after the first run that brings the timed total over S
seconds (at least one run; the warm-up is skipped when one run would
already take over a tenth of the budget): long compiles get fewer runs.
"""
import argparse
import os
import signal
import statistics
import sys
import time


class Timeout(Exception):
    pass


def run_once(cmd, limit):
    """One run: (seconds, exit status or None on timeout, rusage)."""
    devnull = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=devnull)
    except OSError:  # not found, not executable: as the shell says it
        return 0.0, 127, None
    if limit:
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        _, status, usage = os.wait4(pid, 0)
    except Timeout:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return time.perf_counter() - start, None, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--budget", type=float, default=0.0, help="seconds; 0 = no limit")
    ap.add_argument("--timeout", type=float, default=0.0, help="seconds per run; 0 = none")
    ap.add_argument("cmd", nargs="+")
    a = ap.parse_args()

    def on_alarm(*_):
        raise Timeout()
    signal.signal(signal.SIGALRM, on_alarm)

    times, rss, cpu = [], 0, []
    for k in range(a.warmup + a.runs):
        t, rc, usage = run_once(a.cmd, a.timeout)
        if rc is None:
            print(f"timeout - - {len(times)} - -")
            return
        if rc != 0:
            print(f"fail:{rc} - - {len(times)} - -")
            return
        # A warm-up run is not timed, unless it is slow enough to eat the budget.
        if k < a.warmup and not (a.budget and t > a.budget / 10):
            continue
        times.append(t)
        cpu.append(usage.ru_utime + usage.ru_stime)
        rss = max(rss, usage.ru_maxrss)
        if a.budget and sum(times) > a.budget:
            break
    times = times[: a.runs]
    print(f"ok {min(times) * 1e3:.1f} {statistics.median(times) * 1e3:.1f} {len(times)} "
          f"{rss / 1024:.1f} {min(cpu) * 1e3:.1f}")


if __name__ == "__main__":
    sys.exit(main())
