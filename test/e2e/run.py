#!/usr/bin/env python3
"""End-to-end runner: compile a .hy kernel with hybridc, link it into a C
driver generated from the emitted header, run it (natively, or under qemu for
AArch64), and compare its outputs with an independent numpy reference.

The reference module (--ref) defines:
    def inputs(rng):  -> dict name -> numpy array / numpy scalar, one per
                         parameter of the C signature (const params excluded)
    def reference(**inputs) -> tuple of numpy arrays, one per output
    RTOL, ATOL        (optional) float tolerances; integer outputs must match
                      exactly
    EXPECT_CODE       (optional) the kernel's expected return code (default 0)
    EXPECT_STDERR     (optional) a substring the kernel must print to stderr

Output buffers are pre-filled with garbage (0xA5 bytes), so a kernel that
relies on zeroed memory fails, and sit between guard zones of garbage that
must survive the call (an out-of-bounds write fails the test). A reference
module that serves several defs may name its functions inputs_<def> and
reference_<def>. An input the kernel writes (non-const in the header) is
loaded from inputs() and checked after the call: reference() returns its
final contents after the outputs. Strided parameters get a padded, non-contiguous
copy of their input (every other element of the last dimension).

With --interp (the lit parameter e2e_interp=1 adds it to every %e2e line) the
kernel is not compiled into the driver but run by `hybridc run` (the
interpreter, docs/run.md) on the same inputs, saved as .npy files: without
its schedule and, when there is one, with --scheduled too; both must match
the reference. Target and code-generation flags do not apply to it; a kernel
expected to fail must make `hybridc run` exit 1 with EXPECT_STDERR in its
message.
"""
import argparse
import importlib.util
import os
import re
import subprocess
import sys

import numpy as np

GUARD = 64  # bytes of 0xA5 around every output buffer

CTYPES = {
    "float": np.float32, "double": np.float64, "uint16_t": np.uint16,
    "int8_t": np.int8, "int16_t": np.int16, "int32_t": np.int32, "int64_t": np.int64,
    "uint8_t": np.uint8, "uint32_t": np.uint32, "uint64_t": np.uint64,
}


def fail(msg):
    print("e2e FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return r


def parse_prototype(header, function):
    text = open(header).read()
    m = re.search(r"int32_t\s+" + re.escape(function) + r"\s*\(([^)]*)\)\s*;", text)
    if not m:
        fail("no prototype for %s in %s" % (function, header))
    params = []
    for p in [x.strip() for x in m.group(1).split(",") if x.strip() and x.strip() != "void"]:
        pm = re.match(r"(const\s+)?(\w+)\s*(\*?)\s*(\w+)$", p)
        if not pm:
            fail("cannot parse parameter '%s'" % p)
        const, ctype, star, name = pm.groups()
        kind = "scalar"
        if star:
            kind = "input" if const else "output"
        params.append({"kind": kind, "ctype": ctype, "name": name})
    return params


def c_literal(value, ctype):
    if ctype in ("float", "double"):
        return "(%s)%s" % (ctype, float(value).hex())
    return "(%s)%dLL" % (ctype, int(value)) if ctype.startswith("int") else "(%s)%dULL" % (ctype, int(value))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kernel")
    ap.add_argument("--hybridc", required=True)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--function", required=True)
    ap.add_argument("--schedule")
    ap.add_argument("--target", default="host")
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--interp", action="store_true", help="run the kernel with `hybridc run` instead")
    # Extra hybridc flags follow a `--` (argparse cannot take "-O0" as a
    # positional, so they are split off before parsing).
    argv = sys.argv[1:]
    hyflags = argv[argv.index("--") + 1:] if "--" in argv else []
    args = ap.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    args.hyflags = hyflags

    os.makedirs(args.workdir, exist_ok=True)
    wd = args.workdir
    spec = importlib.util.spec_from_file_location("ref", args.ref)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)

    obj = os.path.join(wd, "kernel.o")
    hdr = os.path.join(wd, "kernel.h")
    if args.interp:  # only the header is needed: the prototype names the parameters
        # (--vector-tails goes on to `hybridc run --scheduled`: the tails it runs)
        args.run_flags = [f for f in args.hyflags if f.startswith("--vector-tails")]
        args.target, args.hyflags = "host", ["-O0"]
    cmd = [args.hybridc, args.kernel, "--verify-each", "-o", obj, "--emit-header=" + hdr, "--target", args.target,
           "--function", args.function] + args.hyflags
    if args.schedule:
        cmd += ["-s", args.schedule]
    r = run(cmd)
    if r.returncode != 0:
        fail("hybridc failed (%d):\n%s" % (r.returncode, r.stderr))

    params = parse_prototype(hdr, args.function)
    rng = np.random.default_rng(args.seed)
    # A module that serves several defs names its functions after them.
    ref_inputs = getattr(ref, "inputs_" + args.function, None) or ref.inputs
    ref_reference = getattr(ref, "reference_" + args.function, None) or ref.reference
    inputs = ref_inputs(rng)
    expected = ref_reference(**{k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in inputs.items()})
    if not isinstance(expected, (tuple, list)):
        expected = (expected,)
    expect_code = getattr(ref, "EXPECT_CODE", 0)
    if args.interp:
        return interp_main(args, ref, params, inputs, expected, expect_code)

    lines = ['#include "kernel.h"', "#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>",
             "static void *load(const char *p, size_t n) {",
             "  void *b = malloc(n ? n : 1); FILE *f = fopen(p, \"rb\");",
             "  if (!f || fread(b, 1, n, f) != n) { fprintf(stderr, \"cannot read %s\\n\", p); exit(99); }",
             "  fclose(f); return b; }",
             "static void save(const char *p, const void *b, size_t n) {",
             "  FILE *f = fopen(p, \"wb\"); fwrite(b, 1, n, f); fclose(f); }",
             "int main(void) {"]
    call_args = []
    outputs = []
    inouts = []
    names = {p["name"] for p in params}
    out_index = 0
    for p in params:
        name, ctype = p["name"], p["ctype"]
        if p["kind"] == "scalar":
            m = re.match(r"(\w+)_stride(\d+)$", name)
            if m and ctype == "int64_t" and m.group(1) in names:
                continue  # emitted with its buffer
            if name not in inputs:
                fail("reference inputs() lacks scalar '%s'" % name)
            v = inputs[name]
            if ctype == "uint16_t" and np.asarray(v).dtype == np.float16:
                v = int(np.asarray(v, dtype=np.float16).view(np.uint16))
            call_args.append(c_literal(v, ctype))
        elif p["kind"] == "input" or (p["kind"] == "output" and name in inputs):
            if name not in inputs:
                fail("reference inputs() lacks tensor '%s'" % name)
            arr = np.asarray(inputs[name])
            want = CTYPES[ctype]
            if arr.dtype == np.float16:
                arr = arr.view(np.uint16)
            if arr.dtype == np.bool_:
                arr = arr.astype(np.uint8)
            if arr.dtype != want:
                fail("input '%s' has dtype %s, the kernel wants %s" % (name, arr.dtype, ctype))
            strided = any(q["name"] == name + "_stride0" for q in params)
            data = np.ascontiguousarray(arr)
            if strided:
                big = np.full(arr.shape[:-1] + (arr.shape[-1] * 2,), 0, dtype=arr.dtype)
                view = big[..., ::2]
                view[...] = arr
                data = big
                strides = [s // arr.itemsize for s in view.strides]
            path = os.path.join(wd, "in_%s.bin" % name)
            data.tofile(path)
            lines.append('  %s *%s = load("%s", %d);' % (ctype, name, path, data.nbytes))
            call_args.append(name)
            if p["kind"] == "output":  # an input the kernel writes: checked after the call
                inouts.append((name, ctype, data))
            if strided:
                for k, s in enumerate(strides):
                    call_args.append("(int64_t)%d" % s)
        else:
            if out_index >= len(expected):
                fail("the kernel has more outputs than reference() returns")
            e = np.asarray(expected[out_index])
            out_index += 1
            nbytes = e.size * np.dtype(CTYPES[ctype]).itemsize
            # Guard zones of GUARD garbage bytes before and after the output
            # catch out-of-bounds writes.
            lines.append("  unsigned char *%s_mem = malloc(%d); memset(%s_mem, 0xA5, %d);"
                         % (name, nbytes + 2 * GUARD, name, nbytes + 2 * GUARD))
            lines.append("  %s *%s = (%s *)(%s_mem + %d);" % (ctype, name, ctype, name, GUARD))
            call_args.append(name)
            outputs.append((name, ctype, e, nbytes, False))
    # Inputs the kernel writes (non-const in the header): reference() returns
    # their final contents after the outputs, in parameter order.
    for name, ctype, data in inouts:
        if out_index >= len(expected):
            fail("reference() returns no final contents for written input '%s'" % name)
        e = np.asarray(expected[out_index])
        out_index += 1
        outputs.append((name, ctype, e, data.nbytes, True))  # (no guard zones: loaded)
    lines.append("  int32_t rc = %s(%s);" % (args.function, ", ".join(call_args)))
    for name, ctype, e, nbytes, inout in outputs:
        lines.append('  save("%s", %s, %d);' % (os.path.join(wd, "out_%s.bin" % name), name, nbytes))
        if inout:
            continue
        lines.append("  for (int g = 0; g < %d; ++g)" % GUARD)
        lines.append("    if (%s_mem[g] != 0xA5 || %s_mem[%d + g] != 0xA5) {" % (name, name, GUARD + nbytes))
        lines.append('      printf("out-of-bounds write around output %s\\n"); return 98; }' % name)
    lines.append('  printf("rc=%d\\n", (int)rc);')
    lines.append("  return 0;\n}")
    main_c = os.path.join(wd, "main.c")
    open(main_c, "w").write("\n".join(lines) + "\n")

    exe = os.path.join(wd, "main")
    if args.target == "aarch64" or args.target.startswith("aarch64"):
        cc = ["aarch64-linux-gnu-gcc"]
        runner = ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"]
    else:
        cc = [os.environ.get("CC", "cc")]
        runner = []
    r = run(cc + ["-std=c99", "-Wall", "-Werror", "-I", wd, main_c, obj, "-o", exe, "-lm", "-lpthread"])
    if r.returncode != 0:
        fail("link failed:\n" + r.stderr)
    r = run(runner + [exe], cwd=wd)
    if r.returncode != 0:
        fail("driver exited %d:\n%s%s" % (r.returncode, r.stdout, r.stderr))
    m = re.search(r"rc=(-?\d+)", r.stdout)
    rc = int(m.group(1)) if m else None
    if rc != expect_code:
        fail("kernel returned %s, expected %s; stderr:\n%s" % (rc, expect_code, r.stderr))
    want_err = getattr(ref, "EXPECT_STDERR", None)
    if want_err is not None and want_err not in r.stderr:
        fail("stderr lacks %r:\n%s" % (want_err, r.stderr))
    if expect_code != 0:
        print("e2e OK: %s returned %d" % (args.function, rc))
        return
    rtol = getattr(ref, "RTOL", 1e-5)
    atol = getattr(ref, "ATOL", 1e-6)
    for name, ctype, e, nbytes, _ in outputs:
        got = np.fromfile(os.path.join(wd, "out_%s.bin" % name), dtype=CTYPES[ctype]).reshape(e.shape)
        if e.dtype == np.float16:
            got = got.view(np.float16)
        if e.dtype == np.bool_:
            got = got.astype(np.bool_)
        if np.issubdtype(e.dtype, np.floating):
            ok = np.allclose(got.astype(np.float64), e.astype(np.float64), rtol=rtol, atol=atol, equal_nan=True)
        else:
            ok = np.array_equal(got, e.astype(got.dtype))
        if not ok:
            bad = np.argwhere(~np.isclose(got.astype(np.float64), e.astype(np.float64), rtol=rtol, atol=atol)) \
                if np.issubdtype(e.dtype, np.floating) else np.argwhere(got != e.astype(got.dtype))
            idx = tuple(bad[0]) if len(bad) else ()
            fail("output '%s' differs from the reference at %d places; first at %s: got %r, want %r"
                 % (name, len(bad), idx, got[idx] if idx else got, e[idx] if idx else e))
    print("e2e OK: %s (%s), %d output(s) match" % (args.function, args.target, len(outputs)))


def compare(name, got, e, rtol, atol, what):
    if e.dtype == np.bool_:
        got = got.astype(np.bool_)
    if got.shape != e.shape:
        fail("%s: output '%s' has shape %s, the reference %s" % (what, name, got.shape, e.shape))
    if np.issubdtype(e.dtype, np.floating):
        ok = np.allclose(got.astype(np.float64), e.astype(np.float64), rtol=rtol, atol=atol, equal_nan=True)
        bad = np.argwhere(~np.isclose(got.astype(np.float64), e.astype(np.float64), rtol=rtol, atol=atol,
                                      equal_nan=True))
    else:
        ok = np.array_equal(got, e.astype(got.dtype))
        bad = np.argwhere(got != e.astype(got.dtype))
    if not ok:
        idx = tuple(bad[0]) if len(bad) else ()
        fail("%s: output '%s' differs from the reference at %d places; first at %s: got %r, want %r"
             % (what, name, len(bad), idx, got[idx] if idx else got, e[idx] if idx else e))


def interp_main(args, ref, params, inputs, expected, expect_code):
    """Runs the kernel with `hybridc run`, unscheduled and (with a schedule)
    scheduled, and compares with the reference."""
    wd = args.workdir
    run_args = []
    outs = []  # (name, path) in the reference's order: outputs, then written inputs
    written = []
    names = {p["name"] for p in params}
    for p in params:
        name = p["name"]
        if p["kind"] == "scalar":
            m = re.match(r"(\w+)_stride(\d+)$", name)
            if m and p["ctype"] == "int64_t" and m.group(1) in names:
                continue  # implied by the dense .npy data
            v = np.asarray(inputs[name])
            text = repr(float(v)) if np.issubdtype(v.dtype, np.floating) else str(int(v))
            run_args += ["--arg", "%s=%s" % (name, text)]
        elif p["kind"] == "input" or (p["kind"] == "output" and name in inputs):
            path = os.path.join(wd, "in_%s.npy" % name)
            np.save(path, np.array(inputs[name], order="C"))  # (ascontiguousarray makes 0-d 1-d)
            run_args += ["--arg", "%s=%s" % (name, path)]
            if p["kind"] == "output":
                written.append(name)
        else:
            outs.append(name)
    outs += written
    if len(outs) > len(expected):
        fail("the kernel has %d results, reference() returns %d" % (len(outs), len(expected)))
    rtol = getattr(ref, "RTOL", 1e-5)
    atol = getattr(ref, "ATOL", 1e-6)
    modes = [[]]
    if args.schedule:
        modes.append(["--scheduled"] + args.run_flags)
    for mode in modes:
        what = "hybridc run" + (" " + " ".join(mode) if mode else "")
        out_args = []
        for name in outs:
            out_args += ["--out", "%s=%s" % (name, os.path.join(wd, "out_%s.npy" % name))]
        cmd = [args.hybridc, "run", args.kernel, "--function", args.function, "--strict"] + run_args + out_args + mode
        if args.schedule:
            cmd += ["-s", args.schedule]
        r = run(cmd)
        if expect_code != 0:
            if r.returncode != 1:
                fail("%s exited %d, expected 1 (the kernel returns %d):\n%s" % (what, r.returncode, expect_code, r.stderr))
            want_err = getattr(ref, "EXPECT_STDERR", None)
            if want_err is not None:  # the compiled kernel's "hybridc: <def>: " prefix is not the interpreter's
                want_err = re.sub(r"^hybridc: \w+: ", "", want_err)
            if want_err is not None and want_err not in r.stderr:
                fail("%s: stderr lacks %r:\n%s" % (what, want_err, r.stderr))
            continue
        if r.returncode != 0:
            fail("%s failed (%d):\n%s" % (what, r.returncode, r.stderr))
        for name, e in zip(outs, expected):
            compare(name, np.load(os.path.join(wd, "out_%s.npy" % name)), np.asarray(e), rtol, atol, what)
    print("e2e OK: %s (hybridc run%s), %d result(s) match" % (args.function, ", also --scheduled" if args.schedule else "",
                                                             len(outs)))


if __name__ == "__main__":
    main()
