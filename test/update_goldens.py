#!/usr/bin/env python3
"""update_goldens.py - regenerate the CHECK lines of golden tests: diagnostics and listings.

Usage:
    python3 test/update_goldens.py test/errors/fail_foo.hy [more.hy ...]
    python3 test/update_goldens.py --hybridc build/tools/hybridc/hybridc test/errors/fail_*.hy
    python3 test/update_goldens.py --print test/errors/fail_foo.hy   # show, don't write
    python3 test/update_goldens.py --source test/errors/fail_foo.hy  # also check carets

For each file, runs the hybridc command of its first `RUN:` line (the part
before the first `|` or `2>&1`, with a leading `not` dropped and %hybridc, %s,
%S, %srcroot substituted), removes the file's old CHECK lines and appends one
`# CHECK:` line per diagnostic hybridc printed, plus the "N errors generated."
line (with --source, also CHECK-NEXT lines for the quoted source line and
the caret/range line under each diagnostic). Locations in the test file itself are written as `[[@LINE-N]]`, so the
goldens survive edits above them; locations in other files (schedule JSON
inputs) are written literally.

Listing goldens (test/lowered: a RUN line with --emit-lowered or
--print-after) get the whole listing instead: a `# CHECK-LABEL:` line per
`def` and per `; *** IR after PASS ***` header, `# CHECK-NEXT:` for every
other line, `# CHECK-EMPTY:` for blank ones (stderr is included when the RUN
line has 2>&1; the `hybridc:` lines of -v and --time-passes are skipped).

Review the diff before committing: this records what hybridc does, not what
it should do.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECK_RE = re.compile(r"^\s*#\s*CHECK(-[A-Z]+)?:")
DIAG_RE = re.compile(r"^(?P<file>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"(?P<sev>error|warning|note): (?P<msg>.*)$")
SUMMARY_RE = re.compile(r"^\d+ errors? generated\.$")
ICE_RE = re.compile(r"internal compiler error")


def run_line(lines):
    """The hybridc command of the first RUN line (joined over `\\`)."""
    cmd, collecting = "", False
    for line in lines:
        m = re.match(r"^\s*#\s*RUN:\s?(.*)$", line)
        if not m:
            if collecting:
                break
            continue
        part = m.group(1).rstrip()
        collecting = part.endswith("\\")
        cmd += part[:-1] + " " if collecting else part
        if not collecting:
            if "%hybridc" in cmd:
                return cmd
            cmd = ""
    return cmd if "%hybridc" in cmd else None


def hybridc_command(run, path, hybridc):
    cmd = re.split(r"\||2>&1", run, maxsplit=1)[0].strip()
    cmd = re.sub(r"^not\s+", "", cmd)
    subst = {
        "%hybridc": shlex.quote(hybridc),
        "%srcroot": shlex.quote(ROOT),
        "%S": shlex.quote(os.path.dirname(path)),
        "%s": shlex.quote(path),
        "%t": shlex.quote("/tmp/update_goldens." + os.path.basename(path)),
    }
    return re.sub("|".join(re.escape(k) for k in sorted(subst, key=len, reverse=True)),
                  lambda m: subst[m.group(0)], cmd)


def escape(text):
    """FileCheck treats {{...}} and [[...]] specially."""
    return text.replace("{{", "{{[{][{]}}").replace("[[", "{{\\[\\[}}")


def listing_checks(text):
    checks = []
    lines = text.split("\n")
    while lines and lines[-1].strip() == "":
        lines.pop()
    for line in lines:
        if line.startswith("hybridc: "):  # -v / --time-passes lines
            continue
        if line.startswith("def ") or line.startswith("; *** IR after"):
            checks.append(f"# CHECK-LABEL: {escape(line)}")
        elif line.strip() == "":
            checks.append("# CHECK-EMPTY:")
        else:
            checks.append(f"# CHECK-NEXT: {escape(line)}")
    return checks


def place_listing(body, checks):
    """Each def's listing checks right after that def's source (before the
    comments and blank lines that precede the next def); the rest at the end."""
    chunks, current = [], None  # [(def name or None, [checks])]
    for c in checks:
        m = re.match(r"# CHECK-LABEL: def ([A-Za-z_][A-Za-z0-9_.]*)\(", c)
        if current is None or c.startswith("# CHECK-LABEL: ; *** IR after") or (m and current[0] is not None):
            current = [None, []]
            chunks.append(current)
        if m:
            current[0] = m.group(1)
        current[1].append(c)
    starts = [i for i, l in enumerate(body) if re.match(r"def \w+\(", l)]
    insert = {}  # line index -> checks inserted before it
    placed = set()
    for n, i in enumerate(starts):
        name = re.match(r"def (\w+)\(", body[i]).group(1)
        end = starts[n + 1] if n + 1 < len(starts) else len(body)
        while end > i + 1 and (body[end - 1].strip() == "" or body[end - 1].lstrip().startswith("#")):
            if n + 1 == len(starts):
                break
            end -= 1
        for k, (chunk_name, lines) in enumerate(chunks):
            if chunk_name == name and k not in placed:
                insert.setdefault(end, []).extend(lines)
                placed.add(k)
    out = []
    for i, l in enumerate(body):
        out.extend(insert.get(i, []))
        out.append(l)
    out.extend(insert.get(len(body), []))
    for k, (_, lines) in enumerate(chunks):
        if k not in placed:
            out.extend(lines)
    return out


def write_golden(path, text, count, to_stdout):
    if to_stdout:
        sys.stdout.write(text)
    else:
        with open(path, "w") as f:
            f.write(text)
        print(f"{os.path.relpath(path)}: {count} CHECK lines")
    return True


def regenerate(path, hybridc, to_stdout, with_source):
    path = os.path.abspath(path)
    with open(path) as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    run = run_line(lines)
    if run is None:
        print(f"{path}: no RUN line with %hybridc; skipped", file=sys.stderr)
        return False
    cmd = hybridc_command(run, path, hybridc)
    listing = "--emit-lowered" in run or "--print-after" in run
    if listing and "2>&1" in run:
        cmd += " 2>&1"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True,
                          env=dict(os.environ, TERM="dumb"))
    if listing:
        if proc.returncode != 0:
            print(f"{path}: hybridc exited with {proc.returncode}:\n{proc.stderr}", file=sys.stderr)
            return False
        body = [l for l in lines if not CHECK_RE.match(l)]
        while body and body[-1].strip() == "":
            body.pop()
        checks = listing_checks(proc.stdout)
        return write_golden(path, "\n".join(place_listing(body, checks)) + "\n", len(checks), to_stdout)
    output = proc.stderr.splitlines()
    if any(ICE_RE.search(l) for l in output) or proc.returncode not in (0, 1):
        print(f"{path}: hybridc exited with {proc.returncode}:\n{proc.stderr}", file=sys.stderr)
        return False

    body = [l for l in lines if not CHECK_RE.match(l)]
    while body and body[-1].strip() == "":
        body.pop()
    checks = []
    name = os.path.basename(path)
    for k, out in enumerate(output):
        m = DIAG_RE.match(out)
        if m:
            file = m.group("file")
            line = int(m.group("line"))
            rest = f":{m.group('col')}: {m.group('sev')}: {escape(m.group('msg'))}"
            if os.path.abspath(file) == path:
                check_line = len(body) + len(checks) + 1  # 1-based line of this CHECK
                loc = f"{name}:[[@LINE-{check_line - line}]]"
            else:
                loc = f"{os.path.basename(file)}:{line}"
            checks.append(f"# CHECK: {loc}{rest}")
            # The quoted line and the caret line follow a located diagnostic.
            if with_source and k + 2 < len(output) and output[k + 2].strip().startswith("^"):
                for extra in output[k + 1:k + 3]:
                    checks.append(f"# CHECK-NEXT: {{{{^}}}} {escape(extra.strip())}")
        elif SUMMARY_RE.match(out):
            checks.append(f"# CHECK: {escape(out)}")
    if not checks:
        print(f"{path}: hybridc printed no diagnostics; CHECK lines removed", file=sys.stderr)
    return write_golden(path, "\n".join(body + checks) + "\n", len(checks), to_stdout)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+", help="golden tests (.hy) to regenerate")
    ap.add_argument("--hybridc", default=os.path.join(ROOT, "build", "tools", "hybridc", "hybridc"),
                    help="the compiler to run (default: build/tools/hybridc/hybridc)")
    ap.add_argument("--source", action="store_true",
                    help="also check the quoted source line and the caret under each diagnostic")
    ap.add_argument("--print", dest="to_stdout", action="store_true",
                    help="print the regenerated files instead of writing them")
    args = ap.parse_args()
    ok = True
    for f in args.files:
        ok &= regenerate(f, os.path.abspath(args.hybridc), args.to_stdout, args.source)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
