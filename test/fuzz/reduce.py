#!/usr/bin/env python3
"""Minimise a failure saved by run_fuzz.py.

    reduce.py --hybridc PATH FAILDIR [--out DIR] [--found NAME]

FAILDIR holds kernel.hy, ref.py, sched.json (if scheduled) and log.txt (the
failure kind and configuration). The reducer repeatedly edits the kernel
and keeps an edit when the same configuration still fails the same way:

  * delete a def, a statement (with its body), an elif/else clause;
  * unwrap a compound statement (an if / else / while body runs
    unconditionally; a `for v in ...:` body runs once with v = 0);
  * drop an output from `return`, drop an unused parameter;
  * drop a schedule op.

The oracle needs no care: ref.py executes the edited kernel.hy itself, and an
edit that makes it invalid (an out-of-range index, a read of an unwritten
element, an output element never written, a compile error) is simply not
interesting, since the run then fails in another way.

The result goes to DIR (default FAILDIR/reduced). --found NAME also writes
test/fuzz/found/NAME.hy (+ NAME.py reference, NAME.json schedule), a lit
test marked XFAIL, with a header to complete by hand.
"""
import argparse
import json
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_kernels  # noqa: E402
import run_fuzz  # noqa: E402


def indent(line):
    return len(line) - len(line.lstrip())


def block_end(lines, i):
    """Index after the statement starting at line i (its deeper-indented body)."""
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or indent(lines[j]) > indent(lines[i])):
        j += 1
    return j


def chain_end(lines, i):
    """Index after an if statement with all its elif/else clauses."""
    j = block_end(lines, i)
    while j < len(lines) and indent(lines[j]) == indent(lines[i]) and \
            re.match(r"\s*(elif\b|else\s*:)", lines[j]):
        j = block_end(lines, j)
    return j


def dedent(body, n=4):
    return [l[n:] if l.startswith(" " * n) else l for l in body]


def candidates(lines):
    """Edited versions of the kernel's lines, biggest cuts first."""
    out = []
    # whole statements (defs first: they are at indent 0), last first
    starts = [i for i, l in enumerate(lines) if l.strip() and not re.match(r"\s*(elif\b|else\s*:|return\b)", l)]
    for i in sorted(starts, key=lambda i: (indent(lines[i]), -i)):
        end = chain_end(lines, i) if re.match(r"\s*if\b", lines[i]) else block_end(lines, i)
        out.append(lines[:i] + lines[end:])
    # elif / else clauses
    for i, l in enumerate(lines):
        if re.match(r"\s*(elif\b|else\s*:)", l):
            out.append(lines[:i] + lines[block_end(lines, i):])
    # unwrap compound statements
    for i, l in enumerate(lines):
        m = re.match(r"(\s*)(if|elif|else|while|for)\b(.*):\s*$", l)
        if not m:
            continue
        end = block_end(lines, i)
        body = dedent(lines[i + 1:end])
        if m.group(2) == "for":
            v = re.match(r"\s*(\w+)", m.group(3)).group(1)
            body = [m.group(1) + "%s = 0" % v] + body if "," not in m.group(3) else None
        elif m.group(2) == "if":
            # keep the then-branch, drop the other clauses
            end = chain_end(lines, i)
        elif m.group(2) in ("elif", "else"):
            # the clause replaces the whole if statement
            start = i
            while not re.match(r"\s*if\b", lines[start]) or indent(lines[start]) != indent(l):
                start -= 1
            end = chain_end(lines, start)
            out.append(lines[:start] + body + lines[end:])
            continue
        if body is not None:
            out.append(lines[:i] + body + lines[end:])
    # outputs and parameters
    for i, l in enumerate(lines):
        m = re.match(r"(\s*return )(.*)$", l)
        if m:
            names = [n.strip() for n in m.group(2).split(",")]
            for k in range(len(names)):
                if len(names) > 1:
                    out.append(lines[:i] + [m.group(1) + ", ".join(names[:k] + names[k + 1:])] + lines[i + 1:])
        m = re.match(r"def (\w+)\((.*)\):$", l)
        if m:
            params = [p.strip() for p in re.split(r",\s*(?=\w+\s*:)", m.group(2)) if p.strip()]
            end = block_end(lines, i)
            body = "\n".join(lines[i + 1:end])
            for k, p in enumerate(params):
                name = p.split(":")[0].strip()
                rest = [q for q in params if q != p]
                if not re.search(r"\b%s\b" % re.escape(name), body + " ".join(rest)):
                    out.append(lines[:i] + ["def %s(%s):" % (m.group(1), ", ".join(rest))] + lines[i + 1:])
    return out


class Reducer:
    def __init__(self, hybridc, src, out):
        self.hybridc = hybridc
        log = open(os.path.join(src, "log.txt")).read()
        self.kind = re.search(r"^failure: (\S+)", log, re.M).group(1)
        config = re.search(r"^config: (.*)$", log, re.M).group(1).split()
        self.scheduled = config[0] == "scheduled"
        self.target, self.opt = config[1], int(config[2][2:])
        # --vector-tails=X (the older logs have none: auto)
        self.tails = config[3].split("=", 1)[1] if len(config) > 3 else "auto"
        self.out = out
        os.makedirs(out, exist_ok=True)
        for f in ("kernel.hy", "ref.py", "sched.json", "base.json", "log.txt"):
            if os.path.exists(os.path.join(src, f)) and os.path.abspath(src) != os.path.abspath(out):
                shutil.copy(os.path.join(src, f), out)
        self.lines = open(os.path.join(out, "kernel.hy")).read().splitlines()
        sp = os.path.join(out, "sched.json")
        self.sched = json.load(open(sp)) if self.scheduled and os.path.exists(sp) else None
        self.scratch = tempfile.mkdtemp(prefix="hybridc-reduce-")
        self.tests = 0

    def fails(self, lines, sched):
        """Does this kernel (and schedule) still fail the same way?"""
        self.tests += 1
        with open(os.path.join(self.out, "kernel.hy"), "w") as f:
            f.write("\n".join(lines) + "\n")
        if sched is not None:
            with open(os.path.join(self.out, "sched.json"), "w") as f:
                json.dump(sched, f, indent=1)
        outcome = run_fuzz.run_e2e(self.hybridc, self.out, sched is not None, self.target, self.opt,
                                   os.path.join(self.scratch, "w"), 60 if self.target == "host" else 180,
                                   self.tails)[0]
        return outcome == self.kind

    def smaller_schedules(self):
        """The schedule less one op, or less one "args" entry."""
        d = self.sched[gen_kernels.FUNCTION]
        ops, args = d.get("schedule", []), d.get("args", {})
        for k in range(len(ops)):
            yield {gen_kernels.FUNCTION: dict(d, schedule=ops[:k] + ops[k + 1:])}
        for name in args:
            if "strides" in args[name]:
                yield {gen_kernels.FUNCTION: dict(d, args={n: v for n, v in args.items() if n != name})}

    def run(self):
        if not self.fails(self.lines, self.sched):
            raise SystemExit("reduce: %s does not fail as %s any more" % (self.out, self.kind))
        progress = True
        while progress:
            progress = False
            for cand in candidates(self.lines):
                if len("\n".join(cand)) < len("\n".join(self.lines)) and self.fails(cand, self.sched):
                    self.lines = cand
                    progress = True
                    print("reduce: %d lines" % len(self.lines), flush=True)
                    break
            if self.sched is not None and not progress:
                for s in self.smaller_schedules():
                    if self.fails(self.lines, s):
                        self.sched = s
                        progress = True
                        print("reduce: schedule %s" % json.dumps(s), flush=True)
                        break
        self.fails(self.lines, self.sched)     # leave the final files in place
        shutil.rmtree(self.scratch, ignore_errors=True)


def write_found(r, name):
    """test/fuzz/found/NAME.hy (+ .py, .json) from a reduced failure."""
    found = os.path.join(HERE, "found")
    os.makedirs(found, exist_ok=True)
    body = [l for l in r.lines if not l.startswith("#")]
    spec_ns = {}
    exec(re.search(r"^SPEC = .*$", open(os.path.join(r.out, "ref.py")).read(), re.M).group(0), spec_ns)
    header = re.search(r"def %s\((.*)\):" % gen_kernels.FUNCTION, "\n".join(body)).group(1)
    params = {p.split(":")[0].strip() for p in header.split(",") if p.strip()}
    spec = [e for e in spec_ns["SPEC"] if e[1] in params]
    tol = re.search(r"^RTOL, ATOL = (.*), (.*)$", open(os.path.join(r.out, "ref.py")).read(), re.M)
    gen_kernels.write_ref(os.path.join(found, name + ".py"), name + ".hy", spec, float(tol.group(1)),
                          float(tol.group(2)), portable=True)
    sched = ""
    base = os.path.join(r.out, "base.json")
    sched_dict = r.sched if r.sched is not None else (json.load(open(base)) if os.path.exists(base) else None)
    if sched_dict is not None:
        with open(os.path.join(found, name + ".json"), "w") as f:
            json.dump(sched_dict, f, indent=1)
            f.write("\n")
        sched = " --schedule %%S/%s.json" % name
    target = "" if r.target == "host" else " --target %s" % r.target
    with open(os.path.join(found, name + ".hy"), "w") as f:
        f.write("# Found by test/fuzz/run_fuzz.py: %s at -O%d on %s%s.\n" % (
            r.kind, r.opt, r.target, " with the schedule %s.json" % name if sched else ""))
        f.write("# TODO: what is wrong.\n#\n# Reproduce (from the repository root):\n")
        f.write("#   /usr/bin/python3 test/e2e/run.py --hybridc build/tools/hybridc/hybridc --ref test/fuzz/found/"
                "%s.py --function %s%s%s --workdir /tmp/%s test/fuzz/found/%s.hy -- -O%d --vector-tails=%s\n"
                % (name, gen_kernels.FUNCTION, sched.replace("%S", "test/fuzz/found"), target, name, name, r.opt,
                   r.tails))
        f.write("# Fails until hybridc is fixed; drop this line with the fix.\n# XFAIL: *\n")
        f.write("# RUN: %%e2e %%s --ref %%S/%s.py --function %s%s%s --workdir %%t -- -O%d --vector-tails=%s\n"
                % (name, gen_kernels.FUNCTION, sched, target, r.opt, r.tails))
        f.write("\n".join(body) + "\n")
    print("reduce: wrote %s" % os.path.join(found, name + ".hy"))


def main():
    ap = argparse.ArgumentParser(description="Minimise a failure saved by run_fuzz.py.")
    ap.add_argument("--hybridc", required=True)
    ap.add_argument("faildir")
    ap.add_argument("--out", help="where the reduced files go (default: FAILDIR/reduced)")
    ap.add_argument("--found", metavar="NAME", help="also write test/fuzz/found/NAME.hy, .py, .json")
    args = ap.parse_args()
    out = os.path.abspath(args.out or os.path.join(args.faildir, "reduced"))
    r = Reducer(os.path.abspath(args.hybridc), os.path.abspath(args.faildir), out)
    r.run()
    nops = len(r.sched[gen_kernels.FUNCTION].get("schedule", [])) if r.sched else None
    print("reduce: %s in %d tests: %d lines%s" % (r.kind, r.tests, len(r.lines),
                                                   ", %d schedule ops" % nops if r.sched else ""))
    print("\n".join(r.lines))
    if r.sched:
        print(json.dumps(r.sched))
    if args.found:
        write_found(r, args.found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
