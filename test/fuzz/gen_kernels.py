#!/usr/bin/env python3
"""Random hybrid-script kernel generator for differential testing of hybridc.

    gen_kernels.py --seed N --out DIR [--no-schedule]

writes DIR/kernel.hy (one or more defs; the def `kern` is the one tested),
DIR/ref.py (a reference module in test/e2e/run.py's format: inputs(rng),
reference(**inputs), RTOL, ATOL) and, usually, DIR/sched.json (a random
schedule for `kern`). The same seed always gives the same files.

The reference is independent of hybridc: ref.py executes kernel.hy itself as
Python through hyexec.py (hybrid script is a Python subset), so the oracle is
the source text; hyexec.py documents the semantics it implements.

What the kernels contain (stages picked at random, with random nesting):
  * scalar counters used as store/load indices: stream compaction
    (`out[k] = a[i]; k = k + 1`, under a data-dependent `if` or not, steps
    of 1-3, counting down, two counters, per row), then loops over the
    filled part (`for j in range(k)`); histograms (`h[a[i] % 8] += 1`);
  * indices read from inputs: gathers `a[idx[i]]`, scatters `out[idx[i]] = ...`,
    `out[i, j + offs[i]]`, loads and stores of one buffer at different
    data-dependent indices (`out[idx[i]] = out[idx2[i]] + 1`);
  * while loops with counters, searches left by `break`, `continue`;
  * reductions into scalars, into outputs (`c[i] += a[i, k] * b[k]`) and into
    `allocate`d buffers (also allocated inside a loop), nested; prefix scans;
    triangular loops;
  * elementwise nests, if/elif/else, min/max, `x if c else y`, casts, `//` and
    `%` (floor semantics), bit operations, calls between defs (inlined), a
    symbolic size `n`, source loop kinds (parallel, vectorize, unroll,
    const_range, grid) where they are legal by construction;
  * small computations nested inside loop bodies (inner sums, counts,
    searches with break, while loops) that feed the values above.

Validity by construction:
  * every element of every output is written before the def returns (an
    init nest comes first where a pattern writes only some elements);
  * every index is in range: loop variables over a fitting extent, `e % D`,
    clamps, index inputs generated in range, counters whose maximum the
    generator knows;
  * no integer overflow: every integer expression carries an interval and is
    clamped when it grows past LIMIT; stores into a buffer that the same stage
    may read are clamped to [-CLAMP, CLAMP];
  * float arithmetic is exact (small multiples of 2**-grain; only +, -, *,
    halving, min/max, abs, floor/ceil/round, casts of small ints), so control
    flow and casts that depend on floats agree between float32 and Python; the
    inexact math builtins (exp, sqrt, ...) only feed float outputs that nothing
    reads, compared with a tolerance.
The generator runs the reference once before it returns a kernel; a kernel
the reference finds invalid (hyexec.HyRefError: an index out of range, a read
of an unwritten element, ...) is a generator bug and raises GenError.
"""
import argparse
import contextlib
import json
import math
import os
import random
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import hyexec  # noqa: E402

FUNCTION = "kern"          # the exported def under test
LIMIT = 1 << 20            # bound on |integer values| anywhere in a kernel
MUL_OPERAND = 1 << 10      # operands of an integer * are at most this large
CLAMP = 1000               # values stored where the same stage may read them back
FLIMIT = 1 << 12           # bound on |float values|
FGRAIN = 6                 # floats are multiples of 2**-FGRAIN at most (exact in float32)
MAX_TRIPS = 20000          # bound on the iterations of one loop nest (keeps the reference fast)

SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 20, 24]
NARROW = {"int8": (-128, 127), "int16": (-32768, 32767), "uint8": (0, 255)}


class GenError(Exception):
    """The generator produced a kernel that is not a valid test (a fuzzer bug)."""


# ----------------------------------------------------------------------------
# Values: dimensions, expressions with intervals, buffers, variables


class Dim:
    """A tensor dimension / loop extent: its value and how the source spells it."""

    def __init__(self, val, text=None):
        self.val = val
        self.text = text if text is not None else str(val)

    @property
    def const(self):
        return self.text == str(self.val)

    def minus1(self):
        return str(self.val - 1) if self.const else "%s - 1" % self.text


class Expr:
    """An expression: text, type ('int32', 'int64', 'float32', 'bool', or a
    narrow int), the interval of its values and, for floats, the grain
    (values are multiples of 2**-grain)."""

    def __init__(self, text, ty, lo=0, hi=0, grain=0, atom=False):
        self.text, self.ty, self.lo, self.hi, self.grain, self.atom = text, ty, lo, hi, grain, atom

    def p(self):
        """The text as an operand: parenthesised unless atomic."""
        return self.text if self.atom else "(" + self.text + ")"

    @property
    def mag(self):
        return max(abs(self.lo), abs(self.hi))


def int_lit(v, ty="int32"):
    if ty != "int32":
        return Expr("%s(%d)" % (ty, v), ty, v, v, atom=True)
    return Expr(str(v), "int32", v, v, atom=v >= 0)


def float_lit(v):
    g = 0
    while v * 2 ** g != math.floor(v * 2 ** g):
        g += 1
    return Expr(repr(float(v)), "float32", v, v, g, atom=v >= 0)


def call(fn, *args, ty, lo, hi, grain=0):
    return Expr("%s(%s)" % (fn, ", ".join(a.text if isinstance(a, Expr) else str(a) for a in args)),
                ty, lo, hi, grain, atom=True)


def binop(a, op, b, ty, lo, hi, grain=0):
    return Expr("%s %s %s" % (a.p(), op, b.p()), ty, lo, hi, grain)


class Buf:
    """A tensor: an input, an output_tensor, an allocate'd buffer or a call result."""

    def __init__(self, name, dtype, dims, kind, lo=0, hi=0, grain=0):
        self.name, self.dtype, self.dims, self.kind = name, dtype, list(dims), kind
        self.lo, self.hi, self.grain = lo, hi, grain
        self.ready = kind == "input"    # every element written: readable anywhere
        self.index_bound = None         # index inputs: values in [0, index_bound)
        self.local = False              # allocated inside a loop (never returned)
        self.inexact = False            # holds inexact floats: never read
        self.guard = False              # this stage may read what it stores: clamp stores
        self.returnable = kind != "input"

    @property
    def mag(self):
        return max(abs(self.lo), abs(self.hi))

    def widen(self, e):
        self.lo, self.hi = min(self.lo, e.lo), max(self.hi, e.hi)
        self.grain = max(self.grain, e.grain)


class Var:
    """A scalar or loop variable; lo/hi bound every value it ever holds."""

    def __init__(self, name, ty, lo, hi, grain=0, loop=False, ext=None):
        self.name, self.ty, self.lo, self.hi, self.grain = name, ty, lo, hi, grain
        self.loop, self.ext = loop, ext

    def expr(self):
        return Expr(self.name, self.ty, self.lo, self.hi, self.grain, atom=True)


class LoopNode:
    """A loop of a def, for the schedule model (make_schedule)."""

    def __init__(self, name, ext):
        self.name = name
        self.ext = ext              # the extent if it is a compile-time constant, else None
        self.children = []
        self.single_child = False   # the body is exactly one statement, a loop
        self.has_ctrl = False       # a while / break / continue inside
        self.kind = "serial"
        self.calls = []             # (child position, helper name, helper root): inlined defs


class Frame:
    """An open block while a def is generated (def, loop, if, while)."""

    def __init__(self, kind, node=None):
        self.kind, self.node = kind, node
        self.nstmts = 0
        self.only_loops = True
        self.vars = []


def _has_kind(node, kind):
    return any(c.kind == kind or _has_kind(c, kind) for c in node.children)


# ----------------------------------------------------------------------------
# One def


class DefGen:
    """Generates one def. Statements are emitted in order; expressions are
    built from the variables and buffers visible at that point."""

    def __init__(self, gen, name, depth, dims, given=(), scalar_params=()):
        self.g, self.r, self.name, self.depth = gen, gen.r, name, depth
        self.lines = []
        self.ind = 1
        self.root = LoopNode(name, None)
        self.frames = [Frame("def", self.root)]
        self.bufs = list(given)
        self.params = []            # (name, annotation) in order
        self.dims = dims            # the pool of dimensions for this def
        self.sym = [d for d in dims if not d.const]
        self.trips = 1              # iterations of the enclosing loops
        self.inexact = False        # some output uses inexact float math
        self.can_create_inputs = not given and not scalar_params
        self.outputs = []
        if self.sym:
            self.params.append((self.sym[0].text, "int32"))
        for b in given:
            self.params.append((b.name, self.annotation(b)))
        for v in scalar_params:
            self.params.append((v.name, v.ty))
            self.frames[0].vars.append(v)

    def chance(self, p):
        return self.r.random() < p

    # -- emitting -------------------------------------------------------

    def fresh(self, prefix):
        return self.g.fresh(prefix)

    @staticmethod
    def annotation(b):
        return "%s[%s]" % (b.dtype, ", ".join(d.text for d in b.dims))

    def emit(self, text):
        self.lines.append("    " * self.ind + text)

    def stmt(self, text, is_loop=False):
        """Emit a statement of the innermost open block."""
        f = self.frames[-1]
        f.nstmts += 1
        f.only_loops = f.only_loops and is_loop
        self.emit(text)

    def mark_ctrl(self):
        """A while / break / continue here: every enclosing loop holds one."""
        for f in self.frames:
            if f.node is not None:
                f.node.has_ctrl = True

    def enclosing_loop(self):
        for f in reversed(self.frames):
            if f.node is not None:
                return f.node
        return self.root

    def visible(self):
        return [v for f in self.frames for v in f.vars]

    def loop_vars(self):
        return [v for v in self.visible() if v.loop]

    def declare(self, name, e, lo=None, hi=None):
        """`name = e`: declares a scalar; lo/hi bound the values it will hold."""
        v = Var(name, e.ty, e.lo if lo is None else lo, e.hi if hi is None else hi, e.grain)
        self.stmt("%s = %s" % (name, e.text))
        self.frames[-1].vars.append(v)
        return v

    @contextlib.contextmanager
    def hidden(self, v):
        """Keep v out of expressions while the values it will hold are not
        known yet (an accumulator inside its own loop)."""
        frame = next(f for f in self.frames if v in f.vars)
        frame.vars.remove(v)
        yield
        frame.vars.append(v)

    @contextlib.contextmanager
    def loop(self, ext, kind="range", start=0, name=None, hi=None):
        """`for v in kind(ext)` or `for v in kind(start, ext)`; ext is a Dim or
        an Expr (a data-dependent extent), start an int or an Expr (a
        run-time lower bound); hi bounds v (default ext - 1).
        Yields the loop's Var. The kind is checked once the body is known:
        unroll/parallel/vectorize/const_range fall back to range where they
        would be illegal (while/break/continue inside, a non-constant extent,
        a vectorized loop inside)."""
        v = name or self.fresh("i")
        if isinstance(ext, Dim):
            ext_text, ext_val, ext_const = ext.text, ext.val, ext.const
        else:
            ext_text, ext_val, ext_const = ext.text, ext.hi, False
        start_text = start.text if isinstance(start, Expr) else str(start)
        if isinstance(start, Expr):
            ext_const = False
            start = start.lo
        node = LoopNode(v, ext_val - start if ext_const else None)
        self.enclosing_loop().children.append(node)
        self.frames[-1].nstmts += 1
        at = len(self.lines)
        self.lines.append(None)     # the header, written once the kind is known
        var = Var(v, "int32", start, (ext_val - 1) if hi is None else hi, loop=True,
                  ext=ext if isinstance(ext, Dim) and start_text == "0" else None)
        frame = Frame("loop", node)
        frame.vars.append(var)
        self.frames.append(frame)
        self.ind += 1
        saved_trips = self.trips
        self.trips *= max(1, ext_val - start)
        yield var
        self.trips = saved_trips
        self.ind -= 1
        self.frames.pop()
        if frame.nstmts == 0:
            raise GenError("empty loop body")
        node.single_child = frame.nstmts == 1 and frame.only_loops and len(node.children) == 1
        trip = ext_val - start
        if kind in ("unroll", "parallel", "vectorize", "const_range") and node.has_ctrl:
            kind = "range"
        if kind in ("unroll", "vectorize", "const_range") and not ext_const:
            kind = "range"
        if kind == "vectorize" and _has_kind(node, "vectorized"):
            kind = "range"
        if kind == "const_range" and (node.children or trip > 8):
            kind = "unroll"
        if kind == "unroll" and trip > 32:
            kind = "range"
        args = ext_text if start_text == "0" else "%s, %s" % (start_text, ext_text)
        self.lines[at] = "    " * self.ind + "for %s in %s(%s):" % (v, kind, args)
        node.kind = {"range": "serial", "serial": "serial", "unroll": "unrolled", "parallel": "parallel",
                     "vectorize": "vectorized", "const_range": "const"}[kind]
        if kind == "const_range":
            # unrolled while parsing: not a loop the schedule can name
            self.enclosing_loop().children.remove(node)

    @contextlib.contextmanager
    def block(self, header, kind="if"):
        """An if / elif / else / while block (elif/else continue an if).
        Variables declared inside are not used after it."""
        if header.startswith(("elif", "else")):
            self.emit(header)
        else:
            self.stmt(header)
        frame = Frame(kind)
        self.frames.append(frame)
        self.ind += 1
        yield
        self.ind -= 1
        self.frames.pop()
        if frame.nstmts == 0:
            raise GenError("empty block")

    def if_(self, cond):
        return self.block("if %s:" % cond.text)

    def elif_(self, cond):
        return self.block("elif %s:" % cond.text)

    def else_(self):
        return self.block("else:")

    def while_(self, cond):
        self.mark_ctrl()
        return self.block("while %s:" % cond.text, "while")

    def ctrl(self, word):
        self.mark_ctrl()
        self.stmt(word)

    @contextlib.contextmanager
    def bound_var(self, name, lo, hi, ext=None):
        """Generate expressions that may index with `name`, assumed in
        [lo, hi] there (a while condition evaluated after its bounds test)."""
        self.frames.append(Frame("while"))
        self.frames[-1].vars.append(Var(name, "int32", lo, hi, loop=True, ext=ext))
        yield
        self.frames.pop()

    # -- buffers -----------------------------------------------------------

    def new_buffer(self, dims, dtype, kind=None):
        """Declare an output_tensor or an allocate'd buffer here."""
        kind = kind or ("alloc" if self.chance(0.3) else "output")
        name = self.fresh("tmp" if kind == "alloc" else "out")
        b = Buf(name, dtype, dims, kind)
        shape = "(%s,)" % dims[0].text if len(dims) == 1 else "(%s)" % ", ".join(d.text for d in dims)
        if kind == "alloc":
            scope = self.r.choice(["", ", 'global'", ", 'local'"])
            self.stmt("%s = allocate(%s, '%s'%s)" % (name, shape, dtype, scope))
            b.returnable = scope != ", 'local'"     # only global buffers can be returned
        else:
            self.stmt("%s = output_tensor(%s, '%s')" % (name, shape, dtype))
        self.bufs.append(b)
        return b

    def input(self, dtype, dims, lo, hi, grain=0, index_bound=None, reuse=0.6):
        """An input tensor of this shape and value range: an existing one that
        fits, or a new parameter. None in a helper def that has none."""
        fits = [b for b in self.bufs if b.kind == "input" and b.ready and b.dtype == dtype
                and [d.val for d in b.dims] == [d.val for d in dims]
                and (index_bound is None or (b.index_bound is not None and b.index_bound <= index_bound))]
        if fits and (self.chance(reuse) or not self.can_create_inputs):
            return self.r.choice(fits)
        if not self.can_create_inputs:
            return None
        b = Buf(self.g.input_name(dtype, index_bound is not None), dtype, dims, "input", lo, hi, grain)
        b.index_bound = index_bound
        self.bufs.append(b)
        self.params.append((b.name, self.annotation(b)))
        self.g.spec.append(["tensor", b.name, dtype, [d.val for d in dims], lo, hi, grain])
        return b

    def data_input(self, dims, dtype="int32"):
        if dtype == "float32":
            lo, hi = self.r.choice([(-4, 4), (0, 2), (-1, 1)])
            return self.input("float32", dims, lo, hi, grain=self.r.choice([0, 1, 2]))
        lo, hi = self.r.choice([(-9, 9), (0, 9), (0, 30), (-100, 100), (1, 5), (-3, 3)])
        return self.input("int32", dims, lo, hi)

    def index_input(self, dims, bound):
        """An input of indices in [0, bound.val)."""
        return self.input("int32", dims, 0, bound.val - 1, index_bound=bound.val)

    def readable(self, dtype=None):
        return [b for b in self.bufs if b.ready and not b.inexact and (dtype is None or b.dtype == dtype)]

    def dim(self, lo=1, hi=None):
        cands = [d for d in self.dims if d.val >= lo and (hi is None or d.val <= hi)]
        return self.r.choice(cands) if cands else Dim(lo)

    def small_dim(self, hi=8):
        cands = [d for d in self.dims if 1 <= d.val <= hi]
        if cands and self.chance(0.7):
            return self.r.choice(cands)
        return Dim(self.r.randint(1, hi))

    # -- expressions -------------------------------------------------------

    def clamp_int(self, e, c=CLAMP):
        """e brought into [-c, c] (by min/max) or [0, m) (by modulo)."""
        if -c <= e.lo and e.hi <= c:
            return e
        if self.chance(0.5):
            m = self.r.choice([7, 16, 100, c])
            return binop(e, "%", int_lit(m), e.ty, 0, m - 1)
        lo, hi = max(min(e.lo, c), -c), min(max(e.hi, -c), c)
        inner = call("max", e, int_lit(-c), ty=e.ty, lo=0, hi=0)
        return call("min", inner, int_lit(c), ty=e.ty, lo=lo, hi=hi)

    def clamp_float(self, e, c):
        if e.mag <= c:
            return e
        inner = call("max", e, float_lit(-c), ty="float32", lo=0, hi=0)
        return call("min", inner, float_lit(c), ty="float32", lo=max(e.lo, -c), hi=min(e.hi, c), grain=e.grain)

    def leaf_int(self, depth):
        """A variable, a load, a shape or a literal. Depth < 0: no loads (the
        indices of a load at depth d are generated at depth d - 1)."""
        r = self.r.random()
        vs = [v for v in self.visible() if v.ty == "int32"]
        if r < 0.35 and vs:
            loops = [v for v in vs if v.loop]
            return self.r.choice(loops if loops and self.chance(0.6) else vs).expr()
        if r < 0.85 and depth >= 0:
            ld = self.load("int32", depth)
            if ld is not None:
                return ld
        if r < 0.9 and self.readable():
            b = self.r.choice(self.readable())
            k = self.r.randrange(len(b.dims))
            if len(b.dims) == 1 and self.chance(0.5):
                return Expr("len(%s)" % b.name, "int32", b.dims[0].val, b.dims[0].val, atom=True)
            return Expr("%s.shape[%d]" % (b.name, k), "int32", b.dims[k].val, b.dims[k].val, atom=True)
        return int_lit(self.r.randint(-9, 9))

    def gen_int(self, depth):
        """A random int32 expression, |values| <= LIMIT."""
        if depth <= 0 or self.chance(0.25):
            return self.leaf_int(depth)
        op = self.r.choice(["+", "+", "-", "*", "//", "%", "%v", "minmax", "abs", "neg", "sel",
                            "cast", "bits", "ceil_div", "popcount"])
        a = self.gen_int(depth - 1)
        if op == "+":
            b = self.gen_int(depth - 1)
            e = binop(a, "+", b, "int32", a.lo + b.lo, a.hi + b.hi)
        elif op == "-":
            b = self.gen_int(depth - 1)
            e = binop(a, "-", b, "int32", a.lo - b.hi, a.hi - b.lo)
        elif op == "*":
            b = self.gen_int(depth - 1)
            a = self.clamp_int(a, 64) if a.mag > MUL_OPERAND else a
            b = self.clamp_int(b, 64) if b.mag > MUL_OPERAND else b
            ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
            e = binop(a, "*", b, "int32", min(ps), max(ps))
        elif op == "//":
            c = self.r.choice([2, 3, 4, 5, 7, 8, -2, -3])
            qs = [a.lo // c, a.hi // c]
            e = binop(a, "//", int_lit(c), "int32", min(qs), max(qs))
        elif op == "%":
            c = self.r.choice([2, 3, 4, 5, 7, 8, 16, -3])
            e = binop(a, "%", int_lit(c), "int32", *((0, c - 1) if c > 0 else (c + 1, 0)))
        elif op == "%v":
            # a run-time divisor, kept >= 1 by max()
            d = self.clamp_int(self.gen_int(depth - 1), 50)
            d = call("max", d, 1, ty="int32", lo=max(d.lo, 1), hi=max(d.hi, 1))
            if self.chance(0.5):
                e = binop(a, "%", d, "int32", 0, d.hi - 1)
            else:
                e = binop(a, "//", d, "int32", min(a.lo, 0), max(a.hi, 0))
        elif op == "minmax":
            b = self.gen_int(depth - 1)
            f = self.r.choice([min, max])
            e = call(f.__name__, a, b, ty="int32", lo=f(a.lo, b.lo), hi=f(a.hi, b.hi))
        elif op == "abs":
            e = call("abs", a, ty="int32", lo=0 if a.lo <= 0 <= a.hi else min(abs(a.lo), abs(a.hi)), hi=a.mag)
        elif op == "neg":
            e = Expr("-%s" % a.p(), "int32", -a.hi, -a.lo)
        elif op == "sel":
            b = self.gen_int(depth - 1)
            c = self.gen_cond(depth - 1)
            e = Expr("%s if %s else %s" % (a.p(), c.p(), b.p()), "int32", min(a.lo, b.lo), max(a.hi, b.hi))
        elif op == "cast":
            f = self.gen_float(depth - 1)
            e = call("int32", f, ty="int32", lo=math.trunc(f.lo), hi=math.trunc(f.hi))
        elif op == "bits":
            b = self.gen_int(depth - 1)
            a = a if a.lo >= 0 else binop(a, "%", int_lit(64), "int32", 0, 63)
            b = b if b.lo >= 0 else binop(b, "%", int_lit(64), "int32", 0, 63)
            f = self.r.choice(["&", "|", "^", "~"])
            if f == "&":
                e = binop(a, "&", b, "int32", 0, min(a.hi, b.hi))
            elif f == "~":
                e = Expr("~%s" % a.p(), "int32", -a.hi - 1, -a.lo - 1)
            else:
                e = binop(a, f, b, "int32", 0, (1 << max(a.hi, b.hi, 1).bit_length()) - 1)
        elif op == "ceil_div":
            c = self.r.choice([2, 3, 4, 8])
            e = call("ceil_div", a, c, ty="int32", lo=(a.lo + c - 1) // c, hi=(a.hi + c - 1) // c)
        else:
            a = a if a.lo >= 0 else call("abs", a, ty="int32", lo=0, hi=a.mag)
            e = call("popcount", a, ty="int32", lo=0, hi=max(a.hi, 1).bit_length())
        return self.clamp_int(e) if e.mag > LIMIT else e

    def gen_float(self, depth):
        """A random exact float32 expression."""
        if depth <= 0 or self.chance(0.25):
            r = self.r.random()
            vs = [v for v in self.visible() if v.ty == "float32"]
            if r < 0.25 and vs:
                return self.r.choice(vs).expr()
            if r < 0.7 and depth >= 0:
                ld = self.load("float32", depth)
                if ld is not None:
                    return ld
            if r < 0.85:
                i = self.clamp_int(self.leaf_int(depth - 1), 64)
                return call("float32", i, ty="float32", lo=i.lo, hi=i.hi)
            return float_lit(self.r.randint(-16, 16) / 4)
        op = self.r.choice(["+", "-", "*", "half", "minmax", "fabs", "neg", "round", "sel", "divmod"])
        a = self.gen_float(depth - 1)
        if op in ("+", "-"):
            b = self.gen_float(depth - 1)
            lo, hi = (a.lo + b.lo, a.hi + b.hi) if op == "+" else (a.lo - b.hi, a.hi - b.lo)
            e = binop(a, op, b, "float32", lo, hi, max(a.grain, b.grain))
        elif op == "*":
            b = self.gen_float(depth - 1)
            if a.grain + b.grain > FGRAIN or a.mag * b.mag > FLIMIT:
                b = float_lit(self.r.choice([2.0, -1.0, 0.5, 3.0]))
                if a.grain + b.grain > FGRAIN or a.mag * b.mag > FLIMIT:
                    return a
            ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
            e = binop(a, "*", b, "float32", min(ps), max(ps), a.grain + b.grain)
        elif op == "half":
            if a.grain + 2 > FGRAIN:
                return a
            d = self.r.choice([2, 4])
            e = binop(a, "/", float_lit(d), "float32", a.lo / d, a.hi / d, a.grain + d // 2)
        elif op == "minmax":
            b = self.gen_float(depth - 1)
            f = self.r.choice([min, max])
            e = call(f.__name__, a, b, ty="float32", lo=f(a.lo, b.lo), hi=f(a.hi, b.hi),
                     grain=max(a.grain, b.grain))
        elif op == "fabs":
            lo = 0 if a.lo <= 0 <= a.hi else min(abs(a.lo), abs(a.hi))
            e = call(self.r.choice(["abs", "fabs"]), a, ty="float32", lo=lo, hi=a.mag, grain=a.grain)
        elif op == "neg":
            e = Expr("-%s" % a.p(), "float32", -a.hi, -a.lo, a.grain)
        elif op == "divmod":
            # floor division / modulo (exact: floor(a / c) never lands next to an integer)
            c = float_lit(self.r.choice([2.0, 0.5, -2.0, 3.0]))
            if self.chance(0.5):
                qs = [math.floor(a.lo / c.lo), math.floor(a.hi / c.lo)]
                e = binop(a, "//", c, "float32", min(qs), max(qs), 0)
            else:
                lo, hi = (0, c.lo) if c.lo > 0 else (c.lo, 0)
                e = binop(a, "%", c, "float32", lo, hi, max(a.grain, c.grain))
        elif op == "round":
            e = call(self.r.choice(["floor", "ceil", "round"]), a, ty="float32",
                     lo=math.floor(a.lo), hi=math.ceil(a.hi))
        else:
            b = self.gen_float(depth - 1)
            c = self.gen_cond(depth - 1)
            e = Expr("%s if %s else %s" % (a.p(), c.p(), b.p()), "float32", min(a.lo, b.lo), max(a.hi, b.hi),
                     max(a.grain, b.grain))
        return self.clamp_float(e, FLIMIT // 4) if e.mag > FLIMIT else e

    def gen_inexact(self, depth, bounded=False):
        """A float expression through the inexact math builtins (outputs only).
        bounded: results of modest size (for sums, compared with ATOL)."""
        a = self.gen_float(depth)
        fs = ["exp", "sqrt", "log", "sin", "cos", "tanh", "sigmoid", "exp2", "log2", "log10", "rsqrt", "erf"]
        f = self.r.choice(fs if bounded else fs + ["power"])
        if f in ("exp", "exp2"):
            t = "%s(min(%s, 4.0))" % (f, a.text)
        elif f == "sqrt":
            t = "sqrt(fabs(%s))" % a.text
        elif f in ("log", "log2", "log10", "rsqrt"):
            t = "%s(fabs(%s) + 1.0)" % (f, a.text)
        elif f == "power":
            t = "power(fabs(min(max(%s, -8.0), 8.0)) + 0.5, %s)" % (a.text, self.r.choice(["1.5", "2.0", "0.5"]))
        else:
            t = "%s(%s)" % (f, a.text)
        if f in ("exp", "exp2", "log", "log2", "log10", "sigmoid", "tanh", "sin", "cos", "erf") and self.r.random() < 0.3:
            # in float64 (the float64 polynomials where the loop is vectorized)
            t = "float32(%s(float64(%s)))" % (f, t[len(f) + 1:-1])
        self.inexact = True
        return Expr(t, "float32", -1e9, 1e9, atom=True)

    def gen_cond(self, depth):
        """A random bool expression."""
        r = self.r.random()
        if depth > 0 and r < 0.2:
            a, b = self.gen_cond(depth - 1), self.gen_cond(depth - 1)
            return binop(a, self.r.choice(["and", "or"]), b, "bool", 0, 1)
        if depth > 0 and r < 0.27:
            return Expr("not %s" % self.gen_cond(depth - 1).p(), "bool", 0, 1)
        if r < 0.8 or not self.readable("float32"):
            a = self.gen_int(depth - 1)
            for _ in range(3):      # prefer a run-time value (a constant test folds away)
                if a.lo != a.hi:
                    break
                a = self.gen_int(depth)
            if self.chance(0.15):
                m = self.r.choice([2, 3, 4])
                return Expr("%s %% %d == %d" % (a.p(), m, self.r.randrange(m)), "bool", 0, 1)
            t = self.r.randint(a.lo, a.hi) if a.hi - a.lo < 10 ** 6 else 0
            if self.chance(0.15) and a.hi - a.lo >= 2:
                lo = self.r.randint(a.lo - 1, t)
                return Expr("%d < %s <= %d" % (lo, a.p(), max(t, lo + 1)), "bool", 0, 1)
            b = int_lit(t) if self.chance(0.6) else self.gen_int(depth - 1)
            return binop(a, self.r.choice(["<", "<=", ">", ">=", "==", "!="]), b, "bool", 0, 1)
        a = self.gen_float(depth - 1)
        b = float_lit(self.r.randint(-8, 8) / 2) if self.chance(0.6) else self.gen_float(depth - 1)
        return binop(a, self.r.choice(["<", "<=", ">", ">=", "==", "!="]), b, "bool", 0, 1)

    def gen_value(self, dtype, depth):
        """A value to store into a tensor of this dtype."""
        if dtype == "float32":
            return self.gen_float(depth)
        if dtype == "bool":
            return self.gen_cond(depth)
        return self.fit(self.gen_int(depth), dtype)

    def fit(self, e, dtype):
        """e converted for storing into dtype (casts; never a wrap-around)."""
        if e.ty == dtype:
            return e
        if dtype == "float32":
            i = self.clamp_int(e, FLIMIT // 4)
            return call("float32", i, ty="float32", lo=i.lo, hi=i.hi)
        if e.ty == "float32":
            e = call("int32", e, ty="int32", lo=math.trunc(e.lo), hi=math.trunc(e.hi))
        if dtype in NARROW:
            lo, hi = NARROW[dtype]
            if e.lo < lo or e.hi > hi:
                e = binop(e, "%", int_lit(100), "int32", 0, 99)
        return call(dtype, e, ty=dtype, lo=e.lo, hi=e.hi)

    def load(self, dtype, depth):
        """`b[idx...]` of a readable buffer of this dtype, or None."""
        cands = self.readable(dtype)
        if not cands:
            return None
        b = self.r.choice(cands)
        idx = [self.gen_index(d, depth - 1) for d in b.dims]
        return Expr("%s[%s]" % (b.name, ", ".join(i.text for i in idx)), dtype, b.lo, b.hi, b.grain, atom=True)

    def gen_index(self, dim, depth):
        """An int32 expression whose values are in [0, dim.val)."""
        D = dim.val
        cands = []
        for v in self.visible():
            if v.ty != "int32":
                continue
            w = 14 if (v.loop and v.ext is dim) else (6 if v.loop else 1)
            if 0 <= v.lo and v.hi <= D - 1:
                cands.append((w, v.expr()))
                if v.loop and v.lo == 0 and v.hi == D - 1:
                    cands.append((1, Expr("%s - %s" % (dim.minus1(), v.name), "int32", 0, D - 1)))
            elif v.loop and v.hi - v.lo <= D - 1:
                c = self.r.randint(-v.lo, D - 1 - v.hi)
                t = "%s + %d" % (v.name, c) if c >= 0 else "%s - %d" % (v.name, -c)
                cands.append((w // 2 + 1, Expr(t, "int32", v.lo + c, v.hi + c)))
        if depth > 0:
            idxs = [b for b in self.bufs if b.ready and b.index_bound is not None and b.index_bound <= D]
            if idxs:
                b = self.r.choice(idxs)
                sub = [self.gen_index(d, depth - 1) for d in b.dims]
                cands.append((5, Expr("%s[%s]" % (b.name, ", ".join(s.text for s in sub)), "int32", 0,
                                      b.index_bound - 1, atom=True)))
        e = self.gen_int(depth - 1)
        cands.append((3, Expr("%s %% %s" % (e.p(), dim.text), "int32", 0, D - 1)))
        if self.chance(0.3):
            inner = call("max", e, 0, ty="int32", lo=0, hi=0)
            cands.append((1, call("min", inner, dim.minus1(), ty="int32",
                                  lo=max(0, min(e.lo, D - 1)), hi=min(D - 1, max(e.hi, 0)))))
        cands.append((1, int_lit(self.r.randrange(D))))
        return self.r.choices([e for _, e in cands], [w for w, _ in cands])[0]

    def store(self, b, idx, e):
        """`b[idx] = e` (e of b's dtype); clamped where the stage may read b."""
        if b.guard and b.dtype == "int32":
            e = self.clamp_int(e)
        elif b.guard and b.dtype == "float32":
            e = self.clamp_float(e, float(CLAMP))
        self.stmt("%s[%s] = %s" % (b.name, ", ".join(i if isinstance(i, str) else i.text for i in idx), e.text))
        b.widen(e)

    # -- scalar producers: small computations nested inside loop bodies --

    def producer(self, depth):
        """Emit statements that compute a new int32 scalar here; return its Var.
        This nests loops, whiles, searches and counters in the current body."""
        kinds = ["expr", "sum", "count", "search", "while"]
        if self.trips > MAX_TRIPS // 16 or depth <= 0:
            kinds = ["expr"]
        kind = self.r.choice(kinds)
        if kind == "expr":
            return self.declare(self.fresh("t"), self.gen_int(2))
        q = self.dim(hi=12) if self.chance(0.8) else self.small_dim()
        if kind == "sum":
            s = self.fresh("s")
            var = self.declare(s, int_lit(0))
            with self.hidden(var), self.loop(q, kind=self.r.choice(["range", "range", "unroll", "serial",
                                                                    "const_range"])):
                term = self.clamp_int(self.gen_int(2), 100)
                if self.chance(0.3):
                    with self.if_(self.gen_cond(1)):
                        self.stmt("%s += %s" % (s, term.p()))
                    var.lo, var.hi = min(0, term.lo * q.val), max(0, term.hi * q.val)
                elif self.chance(0.3):
                    op = self.r.choice(["min", "max"])
                    self.stmt("%s = %s(%s, %s)" % (s, op, s, term.text))
                    var.lo, var.hi = min(0, term.lo), max(0, term.hi)
                else:
                    self.stmt("%s = %s + %s" % (s, s, term.p()))
                    var.lo, var.hi = min(0, term.lo * q.val), max(0, term.hi * q.val)
            return var
        if kind == "count":
            c = self.fresh("c")
            var = self.declare(c, int_lit(0), lo=0, hi=q.val)
            with self.loop(q):
                cond = self.gen_cond(1)
                if self.chance(0.4):
                    with self.if_(Expr("not %s" % cond.p(), "bool")):
                        self.ctrl("continue")
                    self.stmt("%s += 1" % c)
                else:
                    with self.if_(cond):
                        self.stmt("%s = %s + 1" % (c, c))
            return var
        if kind == "search":
            p = self.fresh("p")
            var = self.declare(p, int_lit(-1), lo=-1, hi=q.val - 1)
            with self.loop(q) as j:
                with self.if_(self.gen_cond(1)):
                    self.stmt("%s = %s" % (p, j.name))
                    self.ctrl("break")
            return var
        # while: advance a counter while a condition on the element holds
        w = self.fresh("w")
        var = Var(w, "int32", 0, q.val)
        self.stmt("%s = 0" % w)
        with self.bound_var(w, 0, q.val - 1, ext=q):
            cond = self.gen_cond(1)
        with self.while_(Expr("%s < %s and %s" % (w, q.text, cond.p()), "bool")):
            self.stmt("%s += 1" % w)
        self.frames[-1].vars.append(var)
        return var

    def maybe_producers(self, depth, p=0.35):
        for _ in range(2):
            if self.chance(p):
                self.producer(depth)

    # -- stages: each writes whole buffers of the def -------------------------

    def init_nest(self, b, fill=None, kinds=True):
        """Write every element of b: a constant, or an expression per element."""
        idx = []

        def rec(k):
            if k == len(b.dims):
                e = fill if fill is not None else self.gen_value(b.dtype, 1)
                self.store(b, idx, self.fit(e, b.dtype))
                return
            kind = self.r.choice(["range", "range", "serial", "parallel", "unroll", "vectorize"]) if kinds else "range"
            with self.loop(b.dims[k], kind=kind, name=self.g.init_loop_name(self)) as v:
                idx.append(v.name)
                rec(k + 1)
                idx.pop()
        rec(0)
        b.ready = True

    @staticmethod
    def zero(dtype):
        if dtype == "bool":
            return Expr("False", "bool", 0, 0, atom=True)
        return float_lit(0.0) if dtype == "float32" else int_lit(0, dtype)

    def target(self, dims, dtype="int32", need_init=False):
        """A buffer to write: an existing ready one of this shape (updated in
        place; the stage may read it, so its stores are clamped), or a new
        one (initialised first when need_init)."""
        olds = [b for b in self.bufs if b.kind in ("output", "alloc") and b.ready and not b.local
                and not b.inexact and b.dtype == dtype and [d.val for d in b.dims] == [d.val for d in dims]]
        if olds and self.chance(0.3):
            b = self.r.choice(olds)
            self.guard(b)
            return b
        b = self.new_buffer(dims, dtype)
        if need_init:
            self.init_nest(b, fill=self.zero(dtype) if self.chance(0.5) else None)
        return b

    @staticmethod
    def guard(b):
        """The stage reads b while it stores into it: reads see b's old values
        or clamped new ones."""
        b.guard = True
        if b.dtype in ("int32", "float32"):
            b.lo, b.hi = min(b.lo, -CLAMP), max(b.hi, CLAMP)

    def depth_budget(self):
        return 2 if self.trips < 200 else 1

    def stage_elementwise(self):
        """out[i, j] = f(...) over a whole buffer (or in place)."""
        nd = self.r.choice([1, 1, 2, 2, 3])
        dims = [self.dim(hi=16 if nd > 1 else None) for _ in range(nd)]
        while math.prod(d.val for d in dims) > 2000:
            dims.pop()
        nd = len(dims)
        dtype = self.r.choice(["int32"] * 5 + ["float32"] * 2 + ["int64", "int16", "uint8", "bool"])
        if not self.readable() and self.can_create_inputs:
            self.data_input(dims)
        if dtype == "float32" and not self.readable("float32") and self.can_create_inputs:
            self.data_input(dims, "float32")
        b = self.target(dims, dtype)
        in_place = b.ready
        order = list(range(nd))
        if nd > 1 and self.chance(0.25):
            self.r.shuffle(order)
        vars_ = [None] * nd
        # Source loop kinds only where they are legal by construction: b is
        # written at the loop variables' element only and never read.
        simple = not in_place and self.chance(0.5)

        def body():
            if not simple:
                self.maybe_producers(self.depth_budget())
            idx = [v.name for v in vars_]
            if self.chance(0.35):
                self.if_chain(lambda: self.store_value(b, idx, in_place), must_write=not in_place)
            else:
                self.store_value(b, idx, in_place)

        def rec(k):
            if k == nd:
                body()
                return
            kind = self.r.choice(["range", "parallel", "vectorize", "unroll", "serial"]) if simple else "range"
            with self.loop(dims[order[k]], kind=kind) as v:
                vars_[order[k]] = v
                rec(k + 1)

        if nd == 2 and self.chance(0.15):
            self.grid_nest(dims, vars_, body)
        else:
            rec(0)
        b.ready = True

    def grid_nest(self, dims, vars_, body):
        """for i, j in grid(D0, D1): body (two loops of one perfect nest)."""
        names = [self.fresh("i"), self.fresh("i")]
        self.stmt("for %s, %s in grid(%s, %s):" % (names[0], names[1], dims[0].text, dims[1].text), is_loop=True)
        outer = LoopNode(names[0], dims[0].val if dims[0].const else None)
        inner = LoopNode(names[1], dims[1].val if dims[1].const else None)
        outer.children.append(inner)
        outer.single_child = True
        self.enclosing_loop().children.append(outer)
        frame = Frame("loop", inner)
        for k, n in enumerate(names):
            vars_[k] = Var(n, "int32", 0, dims[k].val - 1, loop=True, ext=dims[k])
            frame.vars.append(vars_[k])
        self.frames.append(frame)
        self.ind += 1
        saved = self.trips
        self.trips *= dims[0].val * dims[1].val
        body()
        self.trips = saved
        self.ind -= 1
        self.frames.pop()
        outer.has_ctrl = inner.has_ctrl
        inner.single_child = frame.nstmts == 1 and frame.only_loops and len(inner.children) == 1

    def store_value(self, b, idx, in_place):
        e = self.gen_value(b.dtype, 2)
        if in_place and b.dtype in ("int32", "float32") and self.chance(0.5):
            # read the element being updated, or another one
            if self.chance(0.6):
                pos = ", ".join(idx)
            else:
                pos = ", ".join(self.gen_index(d, 1).text for d in b.dims)
            old = Expr("%s[%s]" % (b.name, pos), b.dtype, b.lo, b.hi, b.grain, atom=True)
            if b.dtype == "int32":
                e = binop(old, "+", e, "int32", old.lo + e.lo, old.hi + e.hi)
            else:
                e = call("max", old, e, ty="float32", lo=max(old.lo, e.lo), hi=max(old.hi, e.hi),
                         grain=max(old.grain, e.grain))
        self.store(b, idx, e)

    def if_chain(self, body, must_write):
        """if / elif / else, each branch calling body(). must_write: every
        path must store (without an else, body() also runs after the if)."""
        with self.if_(self.gen_cond(2)):
            body()
        if self.chance(0.4):
            with self.elif_(self.gen_cond(2)):
                body()
        if self.chance(0.7):
            with self.else_():
                body()
        elif must_write:
            body()

    def rows(self, p=0.45, hi=12):
        """0 or 1 row dimensions for a per-row pattern."""
        return [self.dim(hi=hi)] if self.chance(p) else []

    @contextlib.contextmanager
    def row_loops(self, rows, kind="range", written=()):
        """The loop over rows (if any); yields the row index texts. A parallel
        row loop is legal because each row writes only its own elements of
        the `written` buffers: those are not read by generated expressions
        inside it (explicit reads of the row's own elements still are)."""
        if not rows:
            yield []
            return
        hide = [b for b in written if b.ready] if kind == "parallel" else []
        for b in hide:
            b.ready = False
        with self.loop(rows[0], kind=kind) as v:
            yield [v.name]
        for b in hide:
            b.ready = True

    def stage_compaction(self):
        """A scalar counter used as a store index: out[k] = v; k = k + step
        under a data-dependent if (or not), per row or over the whole input."""
        rows = self.rows()
        E = self.dim(hi=20)
        E2 = self.small_dim(4) if self.chance(0.2) and E.val <= 12 else None
        trips = E.val * (E2.val if E2 else 1)
        step = self.r.choice([1, 1, 1, 1, 2, 3])
        start = self.r.choice([0, 0, 0, 1, 2])
        down = self.chance(0.15)
        two = self.chance(0.15)
        L = Dim(start + step * trips + self.r.choice([0, 0, 1, 3]))
        same = [d for d in self.dims if d.val == L.val]
        if same and self.chance(0.5):
            L = same[0]
        src = self.data_input(rows + [E]) if self.can_create_inputs else None
        b = self.target(rows + [L], "int32", need_init=True)
        cnt = self.target(rows or [Dim(1)], "int32") if self.chance(0.5) else None
        self.guard(b)
        # parallel rows: each row's counter is private, stores are b[r, k]
        kind = self.r.choice(["range", "range", "parallel"])
        with self.row_loops(rows, kind, written=[b] + ([cnt] if cnt else [])) as rv:
            k = self.fresh("k")
            first = L.val - 1 if down else start
            lo, hi = (first - step * trips, first) if down else (first, first + step * trips)
            kvar = self.declare(k, int_lit(first), lo=lo, hi=hi)
            upd = self.r.choice(["{k} = {k} {s} {n}", "{k} {s}= {n}"]).format(k=k, s="-" if down else "+", n=step)
            k2 = None
            driver = self.r.choice(["range", "range", "range", "serial", "unroll", "const_range", "while"])
            if E2 or two:
                driver = "range"
            cap = self.r.randint(1, max(1, trips)) if not down and not two and self.chance(0.15) else None
            if two:
                k2 = self.fresh("k")
                k2var = self.declare(k2, int_lit(L.val - 1), lo=L.val - 1 - trips, hi=L.val - 1)

            def inner():
                self.maybe_producers(1, 0.25)
                v = self.compaction_value(b, rv, kvar, first, step, down, src)
                if two:
                    with self.if_(self.gen_cond(1)):
                        self.store(b, rv + [k], v)
                        self.stmt(upd)
                    with self.else_():
                        self.store(b, rv + [k2], self.gen_int(1))
                        self.stmt("%s = %s - 1" % (k2, k2))
                    return
                if cap is not None:
                    # top-k: stop once `cap` elements are stored
                    with self.block("if %s >= %d:" % (k, cap)):
                        self.ctrl("break")
                mode = self.r.choice(["if", "if", "if", "plain", "elif"] + ([] if driver == "while" else ["continue"]))
                if mode == "plain":
                    self.store(b, rv + [k], v)
                    self.stmt(upd)
                elif mode == "continue":
                    with self.if_(Expr("not %s" % self.gen_cond(1).p(), "bool")):
                        self.ctrl("continue")
                    self.store(b, rv + [k], v)
                    self.stmt(upd)
                else:
                    with self.if_(self.gen_cond(1)):
                        self.store(b, rv + [k], v)
                        self.stmt(upd)
                    if mode == "elif":
                        with self.elif_(self.gen_cond(1)):
                            self.stmt(upd)      # skip a slot without writing it
            if driver == "while":
                # while i < E: ...; i += 1 (no continue: it would skip the increment)
                iw = self.fresh("i")
                self.stmt("%s = 0" % iw)
                with self.while_(Expr("%s < %s" % (iw, E.text), "bool")):
                    with self.bound_var(iw, 0, E.val - 1, ext=E):
                        inner()
                    self.stmt("%s += 1" % iw)
            else:
                with self.loop(E, kind=driver):
                    if E2:
                        with self.loop(E2):
                            inner()
                    else:
                        inner()
            if cnt is not None:
                e = kvar.expr()
                if two:
                    e = Expr("%s * 100 + %s" % (k, k2), "int32", kvar.lo * 100 + k2var.lo, kvar.hi * 100 + k2var.hi)
                self.store(cnt, rv or ["0"], e)
            if two:
                self.frames[-1].vars.remove(k2var)
            self.use_counter(b, rv, kvar, down)
        b.ready = True
        if cnt is not None:
            cnt.ready = True

    def compaction_value(self, b, rv, kvar, first, step, down, src):
        """The value stored at the counter: an input element, the counter, a
        read of the previously filled slot, or any expression."""
        r = self.r.random()
        k = kvar.name
        loopv = self.loop_vars()
        if r < 0.35 and src is not None:
            e_var = loopv[len(rv)]      # the loop over E (after the row loop)
            return Expr("%s[%s]" % (src.name, ", ".join(rv + [e_var.name])), "int32", src.lo, src.hi, atom=True)
        if r < 0.5:
            prev = "%s + %d" % (k, step) if down else "%s - %d" % (k, step)
            test = "%s < %d" % (k, first) if down else "%s > %d" % (k, first)
            e = self.clamp_int(self.gen_int(1), 100)
            return Expr("(%s[%s] if %s else 0) + %s" % (b.name, ", ".join(rv + [prev]), test, e.p()), "int32",
                        min(b.lo, 0) + e.lo, max(b.hi, 0) + e.hi)
        if r < 0.6:
            i = loopv[-1]
            return Expr("%s * 10 + %s" % (k, i.name), "int32", kvar.lo * 10 + i.lo, kvar.hi * 10 + i.hi)
        return self.gen_int(2)

    def use_counter(self, b, rv, kvar, down):
        """After a compaction, maybe loop over the filled part or fill the
        rest: the counter as a (data-dependent) loop bound."""
        if not self.chance(0.4) or kvar.lo < 0:
            return
        L = b.dims[-1]
        if not down and self.chance(0.5):
            # the epilogue: for j in range(k, L): b[j] = fill
            with self.loop(L, start=kvar.expr()) as j:
                self.store(b, rv + [j.name], self.clamp_int(self.gen_int(1), 100))
            return
        acc = self.declare(self.fresh("s"), int_lit(0))
        n = min(kvar.hi, b.dims[-1].val)
        with self.loop(Expr(kvar.name, "int32", kvar.lo, n, atom=True), hi=n - 1) as j:
            self.stmt("%s = %s + %s[%s] %% 10" % (acc.name, acc.name, b.name, ", ".join(rv + [j.name])))
        acc.lo, acc.hi = 0, 10 * n
        self.store(b, rv + ["0"], acc.expr())

    def stage_merge(self):
        """Two-pointer merge: loads through two counters, guarded by lazy
        `or`/`and` (the out-of-range load is never evaluated)."""
        srcs = [b for b in self.readable("int32") if len(b.dims) == 1]
        if self.can_create_inputs and (len(srcs) < 2 or self.chance(0.5)):
            srcs = [self.data_input([self.dim(hi=16)]) for _ in range(2)]
        a, c = self.r.sample(srcs, 2) if len(srcs) >= 2 else (srcs[0], srcs[0])
        n1, n2 = a.dims[0], c.dims[0]
        total = Dim(n1.val + n2.val)
        same = [d for d in self.dims if d.val == total.val]
        b = self.new_buffer([same[0] if same else total], "int32")
        p, q = self.fresh("p"), self.fresh("q")
        self.declare(p, int_lit(0), hi=n1.val)
        self.declare(q, int_lit(0), hi=n2.val)
        op = self.r.choice(["<=", "<", ">"])
        with self.loop(b.dims[0], kind=self.r.choice(["range", "range", "serial", "unroll"])) as k:
            test = "%s >= %s or (%s < %s and %s[%s] %s %s[%s])" % (q, n2.text, p, n1.text, a.name, p, op, c.name, q)
            extra = self.r.choice(["", " + %s" % k.name, " * 2"])
            with self.block("if %s:" % test):
                self.store(b, [k.name], Expr("%s[%s]%s" % (a.name, p, extra), "int32", -2 * a.mag, 2 * a.mag + 40))
                self.stmt(self.r.choice(["%s += 1", "{0} = {0} + 1"]).replace("%s", "{0}").format(p))
            with self.else_():
                self.store(b, [k.name], Expr("%s[%s]%s" % (c.name, q, extra), "int32", -2 * c.mag, 2 * c.mag + 40))
                self.stmt("%s = %s + 1" % (q, q))
        b.ready = True

    def stage_histogram(self):
        """h[bin] += 1 (or += v, = max(h[bin], v)) with a data-dependent bin."""
        rows = self.rows()
        B = self.small_dim(12)
        E = self.dim(hi=24)
        b = self.target(rows + [B], "int32", need_init=True)
        base_lo, base_hi = b.lo, b.hi
        self.guard(b)       # reads during the stage see counts that grow
        src = self.data_input(rows + [E]) if self.can_create_inputs else None
        idxb = self.index_input([E], B) if self.can_create_inputs and self.chance(0.3) else None
        val = None
        with self.row_loops(rows) as rv:
            with self.loop(E, kind=self.r.choice(["range", "serial", "unroll"])) as i:
                self.maybe_producers(1, 0.2)
                if idxb is not None:
                    bin_ = "%s[%s]" % (idxb.name, i.name)
                elif src is not None and self.chance(0.7):
                    a = "%s[%s]" % (src.name, ", ".join(rv + [i.name]))
                    bin_ = self.r.choice(["%s %% %s" % (a, B.text), "(%s + %s) %% %s" % (a, i.name, B.text),
                                          "min(max(%s, 0), %s)" % (a, B.minus1())])
                else:
                    bin_ = self.gen_index(B, 2).text
                pos = "%s[%s]" % (b.name, ", ".join(rv + [bin_]))
                how = self.r.choice(["one", "one", "val", "max"])
                val = self.clamp_int(self.gen_int(1), 50) if how != "one" else int_lit(1)
                text = {"one": "%s += 1" % pos, "val": "%s += %s" % (pos, val.p()),
                        "max": "%s = max(%s, %s)" % (pos, pos, val.text)}[how]
                if self.chance(0.4):
                    with self.if_(self.gen_cond(1)):
                        self.stmt(text)
                else:
                    self.stmt(text)
        if how == "max":
            b.lo, b.hi = min(base_lo, val.lo), max(base_hi, val.hi)
        else:
            b.lo, b.hi = base_lo + min(0, val.lo) * E.val, base_hi + max(0, val.hi) * E.val
        b.ready = True

    def stage_scatter(self):
        """Stores at indices read from inputs, reading the same buffer at
        other data-dependent indices: out[idx[i]] = out[idx2[i]] + v."""
        D = self.dim(hi=24)
        E = self.dim(hi=24)
        R = self.dim(hi=8) if self.chance(0.3) else None
        b = self.target(([R] if R else []) + [D], "int32", need_init=True)
        self.guard(b)
        idx = self.index_input(([R] if R and self.chance(0.5) else []) + [E], D)
        idx2 = self.index_input([E], D) if self.chance(0.6) else None
        with self.row_loops([R] if R else []) as rv:
            with self.loop(E, kind=self.r.choice(["range", "serial"])) as i:
                pos = rv + ["%s[%s]" % (idx.name, ", ".join((rv if len(idx.dims) == 2 else []) + [i.name]))]
                mode = self.r.choice(["set", "same", "add", "other"])
                v = self.clamp_int(self.gen_int(1), 100)
                if mode == "set":
                    e = v
                else:
                    if mode == "add":
                        at = pos
                    elif mode == "other" and idx2 is not None:
                        at = rv + ["%s[%s]" % (idx2.name, i.name)]
                    else:
                        at = rv + [self.gen_index(D, 1).text]
                    e = Expr("%s[%s] + %s" % (b.name, ", ".join(at), v.p()), "int32", b.lo + v.lo, b.hi + v.hi)
                if self.chance(0.3):
                    with self.if_(self.gen_cond(1)):
                        self.store(b, pos, e)
                else:
                    self.store(b, pos, e)
        b.ready = True

    def stage_offsets(self):
        """out[i, j + offs[i]]: a column offset read from an input."""
        R = self.dim(hi=12)
        W = self.dim(lo=2, hi=24)
        J = Dim(self.r.randint(1, W.val))
        same = [d for d in self.dims if d.val == J.val]
        if same:
            J = same[0]
        offs = self.input("int32", [R], 0, W.val - J.val, index_bound=W.val - J.val + 1)
        b = self.target([R, W], self.r.choice(["int32", "int32", "float32"]), need_init=True)
        self.guard(b)
        with self.loop(R) as i:
            self.maybe_producers(1, 0.2)
            with self.loop(J, kind=self.r.choice(["range", "range", "unroll"])) as j:
                pos = [i.name, "%s + %s[%s]" % (j.name, offs.name, i.name)]
                if b.dtype == "int32" and self.chance(0.5):
                    v = self.gen_int(1)
                    e = Expr("%s[%s] + %s" % (b.name, ", ".join(pos), v.p()), "int32", b.lo + v.lo, b.hi + v.hi)
                else:
                    e = self.gen_value(b.dtype, 2)
                self.store(b, pos, e)
        b.ready = True

    def stage_reduce(self):
        """acc = init; for j (for l): acc op= term; out[rows] = acc, with
        conditional updates, continue, a triangular bound, int64/float accs."""
        rows = [self.dim(hi=16)] if self.chance(0.8) else []
        if rows and self.chance(0.25):
            rows.append(self.dim(hi=8))
        R1 = self.dim(hi=24)
        R2 = self.small_dim(6) if self.chance(0.3) else None
        dtype = self.r.choice(["int32", "int32", "int32", "float32", "int64"])
        if dtype == "float32" and not self.readable("float32") and self.can_create_inputs:
            self.data_input(rows[:1] + [R1], "float32")
        elif not self.readable("int32") and self.can_create_inputs:
            self.data_input(rows[:1] + [R1])
        b = self.target(rows or [Dim(1)], "float32" if dtype == "float32" else self.r.choice(["int32", dtype]))
        n = R1.val * (R2.val if R2 else 1)
        tri = rows and rows[0].val <= R1.val and self.chance(0.2)
        ridx = []

        def body():
            acc = self.fresh("acc")
            op = self.r.choice(["+", "+", "+", "max", "min", "-"])
            if dtype == "float32":
                init = float_lit(0.0) if op in "+-" else float_lit(-64.0 if op == "max" else 64.0)
            elif dtype == "int64":
                init = int_lit(0, "int64")
            else:
                init = int_lit(0) if op in "+-" else int_lit(-LIMIT if op == "max" else LIMIT)
            var = self.declare(acc, init)
            if tri:
                # triangular: j in [0, row]
                outer = self.loop(Expr("%s + 1" % ridx[0], "int32", 1, rows[0].val), hi=rows[0].val - 1)
            else:
                outer = self.loop(R1, kind=self.r.choice(["range", "range", "serial", "unroll"]))
            with contextlib.ExitStack() as st:
                st.enter_context(self.hidden(var))
                st.enter_context(outer)
                if R2:
                    st.enter_context(self.loop(R2))
                if dtype == "float32":
                    t = self.clamp_float(self.gen_float(2), 64.0)
                else:
                    t = self.clamp_int(self.gen_int(2), 1000)
                    if dtype == "int64":
                        t = call("int64", t, ty="int64", lo=t.lo, hi=t.hi)
                if op in "+-" and dtype == "int32" and self.chance(0.25):
                    # the accumulator also read in its own update (not a plain reduction)
                    t = Expr("%s + %s %% 5" % (t.p(), acc), "int32", t.lo, t.hi + 4)
                if op in "+-":
                    upd = self.r.choice(["%s = %s %s %s" % (acc, acc, op, t.p()), "%s %s= %s" % (acc, op, t.p())])
                    var.lo, var.hi = min(init.lo, 0) - t.mag * n, max(init.hi, 0) + t.mag * n
                else:
                    upd = "%s = %s(%s, %s)" % (acc, op, acc, t.text)
                    var.lo, var.hi = min(init.lo, t.lo), max(init.hi, t.hi)
                if self.chance(0.25):
                    with self.if_(self.gen_cond(1)):
                        self.stmt(upd)
                elif self.chance(0.1):
                    with self.if_(self.gen_cond(1)):
                        self.ctrl("continue")
                    self.stmt(upd)
                else:
                    self.stmt(upd)
            e = var.expr()
            if b.dtype != e.ty:
                e = call(b.dtype, e, ty=b.dtype, lo=e.lo, hi=e.hi)
            self.store(b, ridx or ["0"], e)

        if not rows:
            body()
        else:
            with self.row_loops(rows[:1], self.r.choice(["range", "range", "parallel"]), written=[b]) as rv:
                ridx.append(rv[0])
                if len(rows) > 1:
                    with self.loop(rows[1]) as r1:
                        ridx.append(r1.name)
                        body()
                else:
                    body()
        b.ready = True

    def stage_reduce_buffer(self):
        """Reductions straight into a buffer, c[i] += a[i, k] * b[k]: the init
        in the same nest or a separate one, the reduction loop inside or
        outside the others; into an allocate'd buffer copied out after."""
        I = self.dim(hi=16)
        J = self.dim(hi=12) if self.chance(0.4) else None
        K = self.dim(hi=16)
        dims = [I] + ([J] if J else [])
        if not self.readable("int32") and self.can_create_inputs:
            self.data_input([I, K])
        into_alloc = self.chance(0.35)
        b = self.new_buffer(dims, "int32", kind="alloc" if into_alloc else None)
        op = self.r.choice(["+=", "+=", "max", "-="])
        layout = self.r.choice(["inner", "inner", "outer", "separate"])
        init = int_lit(0) if op != "max" else int_lit(-1000)
        tmag = 30 if self.chance(0.5) else 1000
        # every element stays within +-tmag*K through the stage
        b.lo, b.hi = -tmag * K.val, tmag * K.val

        def update(idx):
            t = self.gen_int(2)
            if b.ready and self.chance(0.35):
                # read the buffer being reduced into, at another (maybe the same) element
                other = "%s[%s]" % (b.name, ", ".join(self.gen_index(d, 2).text for d in b.dims))
                t = Expr("%s + %s %% 7" % (t.p(), other), "int32", t.lo, t.hi + 6)
            t = self.clamp_int(t, tmag)
            pos = "%s[%s]" % (b.name, ", ".join(idx))
            if op == "max":
                text = "%s = max(%s, %s)" % (pos, pos, t.text)
            else:
                text = self.r.choice(["%s %s %s" % (pos, op, t.p()), "%s = %s %s %s" % (pos, pos, op[0], t.p())])
            if self.chance(0.2):
                with self.if_(self.gen_cond(1)):
                    self.stmt(text)
            else:
                self.stmt(text)

        def nest(loops, leaf):
            if not loops:
                leaf()
                return
            with self.loop(loops[0][1], kind=loops[0][2]) as v:
                loops[0][0].append(v.name)
                nest(loops[1:], leaf)
        idx = []
        red = self.r.choice(["range", "range", "unroll"])
        if layout == "inner":
            # for i (for j): c[i] = init; for k: c[i] += ...
            def leaf():
                self.stmt("%s[%s] = %s" % (b.name, ", ".join(idx), init.text))
                with self.loop(K, kind=red):
                    update(idx)
            nest([(idx, d, "range") for d in dims], leaf)
        else:
            self.init_nest(b, fill=init)
            b.ready = True      # the terms may read it (within the bound above)
            loops = [(idx, d, "range") for d in dims]
            kl = ([], K, red)
            loops = [kl] + loops if layout == "outer" else loops + [kl]
            nest(loops, lambda: update(idx))
        b.ready = True
        if into_alloc and self.chance(0.7):
            out = self.new_buffer(dims, "int32", kind="output")
            oidx = []
            nest([(oidx, d, "range") for d in dims], lambda: self.store(out, oidx, self.clamp_int(
                Expr("%s[%s] * 2 + %s" % (b.name, ", ".join(oidx), oidx[0]), "int32", 2 * b.lo, 2 * b.hi + I.val))))
            out.ready = True

    def stage_rowbuf(self):
        """Nested reductions into a buffer allocated inside a loop."""
        R = self.dim(hi=10)
        C = self.dim(hi=12)
        K = self.dim(hi=10)
        if not self.readable("int32") and self.can_create_inputs:
            self.data_input([C, K])
        b = self.target([R], "int32")
        with self.row_loops([R], self.r.choice(["range", "parallel"]), written=[b]) as rv:
            row = self.fresh("row")
            self.stmt("%s = allocate((%s,), 'int32', '%s')" % (row, C.text, self.r.choice(["local", "global"])))
            rb = Buf(row, "int32", [C], "alloc")
            rb.local = True
            with self.loop(C) as c:
                self.store(rb, [c.name], int_lit(0))
            rb.ready = True
            rb.lo, rb.hi = -100 * K.val, 100 * K.val
            self.bufs.append(rb)
            with self.loop(C) as c:
                with self.loop(K):
                    t = self.clamp_int(self.gen_int(2), 100)
                    self.stmt("%s[%s] += %s" % (row, c.name, t.p()))
            m = self.fresh("m")
            var = self.declare(m, int_lit(-LIMIT), hi=rb.hi)
            with self.loop(C) as c:
                self.stmt("%s = max(%s, %s[%s])" % (m, m, row, c.name))
            self.store(b, rv, Expr(m, "int32", var.lo, var.hi, atom=True))
            self.bufs.remove(rb)
        b.ready = True

    def stage_search(self):
        """A search per row: a for loop left by break (with continue), or a
        while loop with the test in its condition or a break."""
        rows = [self.dim(hi=16)] if self.chance(0.7) else []
        E = self.dim(hi=24)
        src = self.data_input(rows + [E]) if self.can_create_inputs else None
        b = self.target(rows or [Dim(1)], "int32")
        with self.row_loops(rows) as rv:
            form = self.r.choice(["break", "break", "while", "while_break"])
            res = self.fresh("pos")
            self.declare(res, int_lit(-1) if form == "break" else int_lit(0), lo=-1, hi=E.val)
            if src is not None:
                thr = self.r.randint(src.lo, src.hi)
                el = lambda j: "%s[%s]" % (src.name, ", ".join(rv + [j]))  # noqa: E731
                cond = self.r.choice([lambda j: "%s > %d" % (el(j), thr), lambda j: "%s == %d" % (el(j), thr),
                                      lambda j: "%s %% 3 == 0" % el(j)])
            else:
                def cond(j):
                    with self.bound_var(j, 0, E.val - 1, ext=E):
                        return self.gen_cond(1).text
            if form == "break":
                with self.loop(E) as j:
                    if self.chance(0.3):
                        with self.if_(self.gen_cond(1)):
                            self.ctrl("continue")
                    with self.block("if %s:" % cond(j.name)):
                        self.stmt("%s = %s" % (res, j.name))
                        self.ctrl("break")
            elif form == "while":
                with self.while_(Expr("%s < %s and not (%s)" % (res, E.text, cond(res)), "bool")):
                    self.stmt("%s += 1" % res)
            else:
                c = cond(res)
                with self.while_(Expr("%s < %s" % (res, E.text), "bool")):
                    with self.block("if %s:" % c):
                        self.ctrl("break")
                    self.stmt("%s = %s + 1" % (res, res))
            e = Expr(res, "int32", -1, E.val, atom=True)
            if self.chance(0.4):
                e = Expr("%s * 3 + %s" % (res, rv[0] if rv else "1"), "int32", -3, E.val * 3 + 16)
            self.store(b, rv or ["0"], e)
        b.ready = True

    def stage_while(self):
        """While loops with counters: bounded Collatz steps, or a running sum
        with continue and break."""
        rows = [self.dim(hi=16)] if self.chance(0.8) else []
        b = self.target(rows or [Dim(1)], "int32")
        with self.row_loops(rows) as rv:
            if self.chance(0.5):
                v, steps = self.fresh("v"), self.fresh("n")
                src = self.data_input(rows or [self.dim(hi=16)]) if self.can_create_inputs else None
                start = self.gen_int(1) if src is None else \
                    Expr("%s[%s]" % (src.name, ", ".join(rv or ["0"])), "int32", src.lo, src.hi, atom=True)
                # Collatz from 1..27 peaks below 10000 within 111 steps
                self.declare(v, Expr("abs(%s) %% 27 + 1" % start.text, "int32", 1, 27), hi=10000)
                self.declare(steps, int_lit(0), hi=200)
                lim = self.r.choice([10, 30, 200])
                with self.while_(Expr("%s != 1 and %s < %d" % (v, steps, lim), "bool")):
                    with self.block("if %s %% 2 == 0:" % v):
                        self.stmt("%s = %s // 2" % (v, v))
                    with self.else_():
                        self.stmt("%s = 3 * %s + 1" % (v, v))
                    self.stmt("%s += 1" % steps)
                self.store(b, rv or ["0"], Expr("%s * 100 + %s %% 100" % (steps, v), "int32", 0, 20099))
            else:
                E = self.dim(hi=24)
                data = self.data_input(rows + [E]) if self.can_create_inputs else None
                j, s = self.fresh("j"), self.fresh("s")
                self.declare(j, int_lit(0), hi=E.val)
                self.declare(s, int_lit(0), lo=-100 * E.val, hi=100 * E.val)
                lim = self.r.randint(0, 60)
                with self.while_(Expr("%s < %s" % (j, E.text), "bool")):
                    self.stmt("%s = %s + 1" % (j, j))
                    el = "%s[%s]" % (data.name, ", ".join(rv + ["%s - 1" % j])) if data else "((%s - 1) * 7 %% 5)" % j
                    with self.block("if %s %% 3 == 0:" % el):
                        self.ctrl("continue")
                    self.stmt("%s += %s" % (s, el))
                    with self.block("if %s > %d:" % (s, lim)):
                        self.ctrl("break")
                self.store(b, rv or ["0"], Expr("%s * 1000 + %s" % (j, s), "int32", -100 * E.val, 1100 * E.val))
        b.ready = True

    def stage_segments(self):
        """Segmented reduction: out[k] += v where the counter k moves on when
        a data-dependent condition holds (a read-modify-write through an
        index that changes inside the loop), or counters bumped in an inner
        loop and used by a store in the outer one."""
        E = self.dim(hi=20)
        src = self.data_input([E]) if self.can_create_inputs else None
        if self.chance(0.5):
            S = Dim(E.val + 1)
            b = self.new_buffer([S], "int32")
            self.init_nest(b, fill=int_lit(0) if self.chance(0.7) else None)
            b.lo, b.hi = -1000 * E.val - CLAMP, 1000 * E.val + CLAMP
            k = self.fresh("k")
            kvar = self.declare(k, int_lit(0), hi=E.val)
            how = self.r.choice(["+=", "max", "= +"])
            with self.loop(E, kind=self.r.choice(["range", "range", "serial", "unroll"])) as i:
                self.maybe_producers(1, 0.2)
                cond = self.gen_cond(1) if src is None else \
                    Expr("%s[%s] %% %d == 0" % (src.name, i.name, self.r.choice([2, 3, 4])), "bool")
                before = self.chance(0.5)
                if before:
                    with self.if_(cond):
                        self.stmt("%s += 1" % k)
                v = self.clamp_int(self.gen_int(2), 1000)
                pos = "%s[%s]" % (b.name, k)
                self.stmt({"+=": "%s += %s" % (pos, v.p()), "max": "%s = max(%s, %s)" % (pos, pos, v.text),
                           "= +": "%s = %s + %s" % (pos, v.p(), pos)}[how])
                if not before:
                    with self.if_(cond):
                        self.stmt("%s = %s + 1" % (k, k))
            b.ready = True
            if self.chance(0.5):
                cnt = self.new_buffer([Dim(1)], "int32")
                self.store(cnt, ["0"], kvar.expr())
                cnt.ready = True
            return
        # counters bumped in an inner loop, used in the outer one
        R = self.dim(hi=12)
        K = self.small_dim(4)
        L = Dim(R.val * K.val + 1)
        b = self.target([L], "int32", need_init=True)
        self.guard(b)
        k = self.fresh("k")
        kvar = self.declare(k, int_lit(0), hi=R.val * K.val)
        with self.loop(R) as r:
            with self.loop(K, kind=self.r.choice(["range", "unroll", "const_range"])):
                with self.if_(self.gen_cond(1)):
                    self.stmt("%s += 1" % k)
            self.store(b, [k], self.gen_int(2))
            if self.chance(0.5):
                self.store(b, ["%s // 2" % k], Expr("%s[%s] + %s" % (b.name, k, r.name), "int32", -CLAMP, CLAMP + 20))
        b.ready = True

    def stage_const_conv(self):
        """A compile-time constant weight array (the schedule's "const" arg,
        an unannotated parameter) indexed by const_range variables."""
        if not self.can_create_inputs or self.g.base_args:
            return self.stage_elementwise()
        K = self.r.randint(1, 5)
        E = self.dim(hi=20)
        dtype = self.r.choice(["int32", "int32", "float32"])
        name = self.g.input_name(dtype, False)
        if dtype == "float32":
            values = [self.r.randint(-8, 8) / 4 for _ in range(K)]
        else:
            values = [self.r.randint(-3, 3) for _ in range(K)]
        w = Buf(name, dtype, [Dim(K)], "input", min(values), max(values), 2 if dtype == "float32" else 0)
        self.params.append((name, None))
        self.g.base_args[name] = {"const": values}
        self.g.spec.append(["const", name, dtype, values])
        src = self.data_input([E], dtype)
        b = self.new_buffer([E], dtype)
        with self.loop(E, kind=self.r.choice(["range", "range", "parallel", "vectorize"])) as i:
            acc = self.fresh("acc")
            self.declare(acc, self.zero(dtype))
            with self.loop(Dim(K), kind="const_range") as t:
                # t is a compile-time constant: w[t] folds to a literal
                j = self.r.choice(["(%s + %s) %% %s" % (i.name, t.name, E.text), i.name,
                                   "%s - %s" % (E.minus1(), i.name)])
                self.stmt("%s += %s[%s] * %s[%s]" % (acc, name, t.name, src.name, j))
            self.store(b, [i.name], Expr(acc, dtype, -src.mag * 3 * K, src.mag * 3 * K, grain=4, atom=True))
        b.ready = True
        w.ready = False         # indexed only by constants: not for generated loads, not reused by input()
        self.bufs.append(w)

    def stage_scan(self):
        """Prefix sums: a loop-carried scalar, or out[i] = out[i - 1] + t."""
        E = self.dim(lo=2, hi=24)
        if not self.readable("int32") and self.can_create_inputs:
            self.data_input([E])
        b = self.new_buffer([E], "int32")
        if self.chance(0.5):
            s = self.fresh("s")
            var = self.declare(s, int_lit(0), lo=-100 * E.val, hi=100 * E.val)
            with self.loop(E) as i:
                t = self.clamp_int(self.gen_int(2), 100)
                if self.chance(0.5):
                    self.stmt("%s = %s + %s" % (s, s, t.p()))
                else:
                    self.stmt("%s = max(%s, %s) - 1" % (s, s, t.text))
                self.store(b, [i.name], var.expr())
        else:
            self.store(b, ["0"], self.clamp_int(self.gen_int(1), 100))
            b.lo, b.hi = -100 * E.val, 100 * E.val
            with self.loop(E, start=1) as i:
                t = self.clamp_int(self.gen_int(1), 99)
                self.store(b, [i.name], Expr("%s[%s - 1] + %s" % (b.name, i.name, t.p()), "int32", b.lo, b.hi))
        b.ready = True

    def stage_float_out(self):
        """A float output through inexact math (never read again)."""
        D = self.dim(hi=16)
        if not self.readable("float32") and self.can_create_inputs:
            self.data_input([D], "float32")
        b = self.new_buffer([D], "float32", kind="output")
        b.inexact = True
        with self.loop(D, kind=self.r.choice(["range", "vectorize", "parallel"])) as i:
            if self.chance(0.4):
                acc = self.fresh("f")
                var = self.declare(acc, float_lit(0.0))
                with self.hidden(var), self.loop(self.dim(hi=12)):
                    self.stmt("%s += %s" % (acc, self.gen_inexact(2, bounded=True).p()))
                self.store(b, [i.name], Expr(acc, "float32", atom=True))
            else:
                self.store(b, [i.name], self.gen_inexact(2))
        b.ready = True

    def call_args(self):
        return [b for b in self.bufs if b.ready and not b.local and not b.inexact and b.dtype in ("int32", "float32")]

    def reuse_helper(self):
        """A helper generated before (for a caller at this depth) and
        arguments that fit its parameters' intervals, or None."""
        avail = self.call_args()
        for h in self.r.sample(self.g.helpers, len(self.g.helpers)):
            if h.dg.depth != self.depth + 1:
                continue
            args = []
            for p in h.params:
                fits = [b for b in avail if b.dtype == p.dtype and [d.val for d in b.dims] == [d.val for d in p.dims]
                        and p.lo <= b.lo and b.hi <= p.hi and b.grain <= p.grain]
                if not fits:
                    break
                args.append(self.r.choice(fits))
            else:
                scalar = None
                if h.scalar is not None:
                    scalar = int_lit(self.r.randint(h.scalar.lo, h.scalar.hi))
                return h, args, scalar
        return None

    def stage_call(self):
        """r = helper(...): a def generated for this call (hybridc inlines
        it), or another call of a helper generated before."""
        reuse = self.reuse_helper() if self.g.helpers and self.chance(0.4) else None
        if reuse:
            h, args, scalar = reuse
        else:
            args = self.call_args()
            self.r.shuffle(args)
            args = args[:self.r.randint(1, min(3, len(args)))]
            scalar = self.clamp_int(self.gen_int(1), 100) if self.chance(0.5) else None
            h = self.g.helper(self, args, scalar)
        actual = ([self.sym[0].text] if h.dg.sym else []) + [b.name for b in args] + ([scalar.text] if scalar else [])
        names = [self.fresh("r") for _ in h.outputs]
        self.stmt("%s = %s(%s)" % (", ".join(names), h.name, ", ".join(actual)))
        self.root.calls.append((len(self.root.children), h.name, h.dg.root))
        for n, o in zip(names, h.outputs):
            b = Buf(n, o.dtype, o.dims, "result", o.lo, o.hi, o.grain)
            b.ready = True
            b.inexact = o.inexact
            self.bufs.append(b)
        self.inexact = self.inexact or h.dg.inexact

    # stage -> weight
    STAGES = {"elementwise": 5, "compaction": 6, "merge": 2, "segments": 3, "const_conv": 1, "histogram": 3,
              "scatter": 3, "offsets": 2, "reduce": 4, "reduce_buffer": 3, "rowbuf": 1, "search": 3, "while": 2,
              "scan": 2, "float_out": 1, "call": 2}

    def stage_ok(self, st):
        if st == "call":
            return self.depth < 2 and self.call_args() and (self.g.helpers_left > 0 or self.g.helpers)
        if st in ("scatter", "offsets"):
            return self.can_create_inputs
        if st == "merge":
            return self.can_create_inputs or len([b for b in self.readable("int32") if len(b.dims) == 1]) >= 2
        return True

    def stages(self, n):
        names, weights = list(self.STAGES), list(self.STAGES.values())
        for _ in range(n):
            st = self.r.choices(names, weights)[0]
            while not self.stage_ok(st):
                st = self.r.choices(names, weights)[0]
            getattr(self, "stage_" + st)()
            for b in self.bufs:
                b.guard = False

    def copy_out(self, src):
        """A new output holding a copy of src (when nothing else can be returned)."""
        b = self.new_buffer(src.dims, src.dtype, kind="output")
        idx = []

        def rec(k):
            if k == len(src.dims):
                self.store(b, idx, Expr("%s[%s]" % (src.name, ", ".join(idx)), src.dtype, src.lo, src.hi,
                                        src.grain, atom=True))
                return
            with self.loop(src.dims[k]) as v:
                idx.append(v.name)
                rec(k + 1)
        rec(0)
        b.ready = True
        b.inexact = src.inexact
        return b

    def finish(self):
        """The def's text; returns its outputs in a random order."""
        outs = [b for b in self.bufs if b.ready and not b.local and b.returnable]
        if not outs:
            outs = [self.copy_out([b for b in self.bufs if b.ready and b.kind != "input"][-1])]
        ret = [b for b in outs if b.kind == "output" or self.chance(0.3)] or outs[-1:]
        self.r.shuffle(ret)
        self.outputs = ret
        self.emit("return " + ", ".join(b.name for b in ret))
        header = "def %s(%s):" % (self.name, ", ".join("%s: %s" % p if p[1] else p[0] for p in self.params))
        return "\n".join([header] + self.lines) + "\n"


class Helper:
    """A generated def called from another one."""

    def __init__(self, name, dg, params, scalar):
        self.name, self.dg, self.params, self.scalar = name, dg, params, scalar
        self.outputs = dg.outputs


# ----------------------------------------------------------------------------
# The whole file


class Generator:
    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random(seed)
        self.spec = []              # the inputs of the exported def (hyexec.make_inputs)
        self.helper_defs = []       # helper sources, emitted before the kernel
        self.helpers_left = 2
        self.helpers = []
        self.counters = {}
        self.base_args = {}         # schedule "args" both runs need (const arrays)

    def fresh(self, prefix):
        """A new name (file-wide, so defs never share scalar names by accident)."""
        self.counters["#"] = self.counters.get("#", 0) + 1
        return "%s%d" % (prefix, self.counters["#"])

    def input_name(self, dtype, index):
        base = "idx" if index else ("x" if dtype == "float32" else "a")
        n = self.counters[base] = self.counters.get(base, -1) + 1
        return base if n == 0 else "%s%d" % (base, n)

    def init_loop_name(self, dg):
        """Init loops often share the name z (the schedule then says z#1)."""
        if self.r.random() < 0.3 and not any(v.name == "z" for v in dg.visible()):
            return "z"
        return None

    def helper(self, caller, args, scalar):
        """Generate a def taking these buffers (and an int32 scalar)."""
        self.helpers_left -= 1
        name = "h%d" % (1 - self.helpers_left)
        params = []
        for b in args:
            # the caller's name or a new one (both unique in the file)
            pname = self.fresh("arg") if self.r.random() < 0.7 else b.name
            p = Buf(pname, b.dtype, b.dims, "input", b.lo, b.hi, b.grain)
            p.index_bound = b.index_bound
            params.append(p)
        sv = [Var("sc", "int32", scalar.lo, scalar.hi)] if scalar is not None else []
        dg = DefGen(self, name, caller.depth + 1, caller.dims, given=params, scalar_params=sv)
        dg.stages(self.r.randint(1, 2))
        self.helper_defs.append(dg.finish())
        h = Helper(name, dg, params, sv[0] if sv else None)
        self.helpers.append(h)
        return h

    def generate(self, schedule=True):
        r = self.r
        dims = [Dim(r.choice(SIZES)) for _ in range(r.randint(2, 4))]
        if r.random() < 0.2:
            dims.append(Dim(r.randint(1, 20), "n"))
        dg = DefGen(self, FUNCTION, 0, dims)
        if dg.sym:
            self.spec.append(["scalar", "n", "int32", dg.sym[0].val])
        if r.random() < 0.25:
            # scalar parameters: values known to lie in a range
            lo, hi = r.choice([(-9, 9), (0, 20), (1, 4)])
            v = Var(self.fresh("s"), "int32", lo, hi)
            dg.params.append((v.name, "int32"))
            dg.frames[0].vars.append(v)
            self.spec.append(["scalar", v.name, "int32", r.randint(lo, hi)])
        if r.random() < 0.15:
            v = Var(self.fresh("f"), "float32", -2, 2, grain=2)
            dg.params.append((v.name, "float32"))
            dg.frames[0].vars.append(v)
            self.spec.append(["scalar", v.name, "float32", r.randint(-8, 8) / 4])
        dg.stages(r.randint(1, 4))
        kernel = dg.finish()
        self.source = "\n".join(self.helper_defs + [kernel])
        # "args" both runs need (const arrays); the random schedule may also
        # make some inputs strided (run.py then passes padded copies)
        self.base = {FUNCTION: {"args": self.base_args}} if self.base_args else None
        self.schedule = make_schedule(r, dg) if schedule else None
        if self.schedule is not None:
            args = dict(self.base_args)
            for name, ann in dg.params:
                if ann and "[" in ann and r.random() < 0.2:
                    args[name] = {"strides": True}
            if args:
                self.schedule[FUNCTION]["args"] = args
        self.tolerance = (1e-4, 1e-3) if dg.inexact else (1e-5, 1e-6)
        return self


# ----------------------------------------------------------------------------
# Schedules


class SNode:
    """A loop in the schedule model: the loop nest as the ops reshape it."""

    def __init__(self, name, ext, kind="serial", single=True, unique=True):
        self.name, self.ext, self.kind, self.single, self.unique = name, ext, kind, single, unique
        self.children = []
        self.parent = None


def schedule_tree(dg):
    """The exported def's loops after inlining (helper loops are named
    `h1.i`, `h1.h2.i`), with the names a schedule must use (`i#1` for a name
    several loops share, in preorder). Returns (top-level nodes, all nodes)."""
    flat = []

    def build(node, prefix, parent):
        kids = list(node.children)
        for pos, hname, hroot in sorted(node.calls, key=lambda c: -c[0]):
            kids[pos:pos] = [(hname, hroot)]
        out = []
        for k in kids:
            if isinstance(k, tuple):
                out.extend(build(k[1], prefix + k[0] + ".", parent))
                continue
            s = SNode(prefix + k.name, k.ext, k.kind, k.single_child)
            s.parent = parent
            flat.append(s)
            s.children = build(k, prefix, s)
            out.append(s)
        return out
    top = build(dg.root, "", None)
    counts = {}
    for s in flat:
        counts[s.name] = counts.get(s.name, 0) + 1
    seen = {}
    for s in flat:
        if counts[s.name] > 1:
            seen[s.name] = seen.get(s.name, -1) + 1
            s.name, s.unique = "%s#%d" % (s.name, seen[s.name]), False
    return top, flat


def make_schedule(r, dg):
    """A random schedule for the exported def: often a recipe on one loop
    nest (split + vectorize the inner loop + parallelize the outer one,
    tile, fuse + split, reorder), then 0-3 random ops, each on loops that
    exist at that point. hybridc may refuse some (a parallel loop with a
    dependence, a reorder across statements, ...): the runner counts those."""
    if r.random() < 0.1:
        return None
    top, flat = schedule_tree(dg)
    if not flat:
        return None
    ops = []
    consumed = set()
    fresh = [0]

    def loops(pred):
        return [s for s in flat if s.name not in consumed and pred(s)]

    def newname(base):
        fresh[0] += 1
        return "%s%d" % (base, fresh[0])

    def nests():
        return loops(lambda s: s.single and len(s.children) == 1 and s.unique and s.children[0].unique
                     and s.kind == "serial" and s.children[0].kind == "serial")

    def split(s, factor=None):
        o = {"op": "split", "loop": s.name}
        if factor is None and s.ext is not None and r.random() < 0.3:
            o["nparts"] = r.choice([2, 3, 4])
            factor = -(-s.ext // o["nparts"])
        else:
            factor = o["factor"] = factor or r.choice([2, 3, 4, 4, 8, 16, 5, 7])
        if not s.unique or r.random() < 0.15:
            o["outer"], o["inner"] = newname("o"), newname("in")
        outer = SNode(o.get("outer", s.name + ".outer"), -(-s.ext // factor) if s.ext else None)
        inner = SNode(o.get("inner", s.name + ".inner"), factor, single=s.single)
        _replace(flat, top, [s], [outer, inner])
        consumed.add(s.name)
        ops.append(o)
        return outer, inner

    def fuse(a):
        b = a.children[0]
        o = {"op": "fuse", "loops": [a.name, b.name]}
        name = a.name + "." + b.name + ".fused"
        if r.random() < 0.2:
            name = o["name"] = newname("f")
        fused = SNode(name, a.ext * b.ext if a.ext and b.ext else None, single=b.single)
        _replace(flat, top, [a, b], [fused])
        consumed.update([a.name, b.name])
        ops.append(o)
        return fused

    def reorder(a):
        chain = [a, a.children[0]]
        last = chain[1]
        if last.single and len(last.children) == 1 and last.children[0].unique and r.random() < 0.5:
            chain.append(last.children[0])
        names = [s.name for s in chain]
        perm = names[:]
        while perm == names:
            r.shuffle(perm)
        ops.append({"op": "reorder", "loops": perm})
        info = {s.name: (s.ext, s.kind) for s in chain}     # the slots take the loops in the new order
        for s, n in zip(chain, perm):
            s.name = n
            s.ext, s.kind = info[n]
        return chain

    def tile(x, fx=None, fy=None):
        y = x.children[0]
        fx, fy = fx or r.choice([2, 4, 8, 3]), fy or r.choice([2, 4, 8, 5])
        ops.append({"op": "tile", "loops": [x.name, y.name], "factors": [fx, fy]})
        new = [SNode(x.name + ".outer", -(-x.ext // fx) if x.ext else None),
               SNode(y.name + ".outer", -(-y.ext // fy) if y.ext else None),
               SNode(x.name + ".inner", fx), SNode(y.name + ".inner", fy, single=y.single)]
        _replace(flat, top, [x, y], new)
        consumed.update([x.name, y.name])
        return new

    def kind(s, op):
        ops.append({"op": op, "loop": s.name})
        s.kind = {"parallel": "parallel", "vectorize": "vectorized", "unroll": "unrolled"}[op]

    def recipe():
        ns, singles = nests(), loops(lambda s: s.kind == "serial" and s.unique)
        which = r.choice(["split-vec-par", "tile", "fuse-split", "reorder-par", "single"])
        if which != "single" and ns:
            x = r.choice(ns)
            if which == "split-vec-par":
                o, i = split(x.children[0], r.choice([4, 8, 3]))
                kind(i, "vectorize")
                kind(x, "parallel")
            elif which == "tile":
                xo, yo, xi, yi = tile(x)
                kind(yi, r.choice(["vectorize", "unroll"]))
                kind(xo, "parallel")
            elif which == "fuse-split":
                o, i = split(fuse(x), r.choice([4, 8, 16, 6]))
                kind(o, "parallel")
                if r.random() < 0.5:
                    kind(i, "vectorize")
            else:
                kind(reorder(x)[0], "parallel")
        elif singles:
            s = r.choice(singles)
            o, i = split(s, r.choice([2, 4, 8, 3, 5]))
            kind(r.choice([o, i]), r.choice(["parallel", "vectorize", "unroll"]))

    if r.random() < 0.5:
        recipe()
    for _ in range(r.randint(0 if ops else 1, 3)):
        op = r.choice(["split", "split", "fuse", "reorder", "tile", "unroll", "vectorize", "vectorize",
                       "parallel", "parallel", "bind", "rfactor", "cache_read", "cache_write",
                       "compute_at", "stream"])
        if op == "split":
            c = loops(lambda s: s.kind == "serial")
            if c:
                split(r.choice(c))
        elif op in ("fuse", "reorder", "tile"):
            c = nests()
            if c:
                {"fuse": fuse, "reorder": reorder, "tile": tile}[op](r.choice(c))
        elif op in ("unroll", "vectorize"):
            c = loops(lambda s: s.ext is not None and s.ext <= (32 if op == "unroll" else 64) and s.kind == "serial")
            if r.random() < 0.1:
                c = loops(lambda s: True)     # sometimes anything: hybridc must refuse cleanly
            if op == "vectorize" and r.random() < 0.7:
                c = [s for s in c if not s.children] or c
            if c:
                kind(r.choice(c), op)
        elif op == "parallel":
            c = loops(lambda s: s.kind == "serial")
            if r.random() < 0.6:
                c = [s for s in c if s.parent is None] or c
            if c:
                kind(r.choice(c), "parallel")
        elif op == "rfactor":
            # partial results per iteration of a (short) loop: hybridc refuses
            # the loops without a reduction, the rest must compute the same
            c = loops(lambda s: s.ext is not None and s.ext <= 64 and s.kind == "serial")
            if c:
                s = r.choice(c)
                ops.append({"op": "rfactor", "loop": s.name})
                for base in (".init", ".combine"):
                    consumed.add(s.name.split("#")[0] + base)
        elif op == "cache_read":
            # a copy of the box of an array parameter that a loop reads
            arrays = [n for n, ann in dg.params if ann and "[" in ann]
            c = loops(lambda s: True)
            if arrays and c:
                ops.append({"op": "cache_read", "buffer": r.choice(arrays), "loop": r.choice(c).name})
        elif op == "cache_write":
            # a local tile of what a loop reads and writes of a buffer,
            # written back per iteration
            names = [b.name for b in dg.bufs] + [n for n, ann in dg.params if ann and "[" in ann]
            c = loops(lambda s: True)
            if r.random() < 0.7:
                c = [s for s in c if s.parent is None] or c   # a whole nest: likelier to write it
            if names and c:
                ops.append({"op": "cache_write", "buffer": r.choice(names), "loop": r.choice(c).name})
        elif op == "compute_at":
            # an allocated buffer's producer nest run per iteration of a loop
            names = [b.name for b in dg.bufs if b.kind == "alloc"]
            c = loops(lambda s: True)
            if r.random() < 0.5:
                c = [s for s in c if s.parent is None] or c
            if names and c:
                ops.append({"op": "compute_at", "buffer": r.choice(names), "loop": r.choice(c).name})
        elif op == "stream":
            # non-temporal vector stores into a buffer: values unchanged;
            # inputs, local buffers and unknown names refused cleanly
            names = [b.name for b in dg.bufs] + [n for n, ann in dg.params if ann and "[" in ann]
            if names:
                ops.append({"op": "stream", "buffer": r.choice(names)})
        elif op == "bind" and r.random() < 0.3:
            c = loops(lambda s: s.kind == "serial" and s.ext is not None and not s.children)
            if c:
                s = r.choice(c)
                ops.append({"op": "bind", "loop": s.name, "thread": r.choice(["threadIdx.x", "blockIdx.x"])})
                s.kind = "bind"
    if not ops:
        return None
    return {FUNCTION: {"schedule": ops}}


def _replace(flat, top, old, new):
    """Replace the chain of loops `old` (outermost first, each the only
    statement of the previous) by the chain `new`; the last new loop gets
    the body of the last old one."""
    for a, b in zip(new, new[1:]):
        a.children = [b]
        b.parent = a
    new[-1].children = old[-1].children
    for ch in new[-1].children:
        ch.parent = new[-1]
    new[0].parent = old[0].parent
    sib = old[0].parent.children if old[0].parent else top
    sib[sib.index(old[0])] = new[0]
    for s in old:
        flat.remove(s)
    flat.extend(new)


# ----------------------------------------------------------------------------
# Output


REF_TEMPLATE = '''\
# Reference for {kernel}: runs the kernel's own source as Python (hyexec.py).
# Written by test/fuzz/gen_kernels.py; the format is test/e2e/run.py's.
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
for _d in ({dirs}):
    if os.path.exists(os.path.join(_d, "hyexec.py")):
        sys.path.insert(0, _d)
        break
import hyexec  # noqa: E402

KERNEL = os.path.join(_HERE, {kernel!r})
FUNCTION = {function!r}
RTOL, ATOL = {rtol!r}, {atol!r}
SPEC = {spec}


def inputs(rng):
    return hyexec.make_inputs(SPEC, rng)


def reference(**kw):
    return hyexec.reference(KERNEL, FUNCTION, kw)
'''


def write_ref(path, kernel_name, spec, rtol, atol, portable=False):
    """A reference module for the kernel file kernel_name beside it. It finds
    hyexec.py in this directory (absolute path) or, portable, in the
    reference's directory or its parent (test/fuzz/found/X.py)."""
    dirs = 'os.path.join(_HERE, ".."), _HERE' if portable else '%r, os.path.join(_HERE, ".."), _HERE' % HERE
    with open(path, "w") as f:
        f.write(REF_TEMPLATE.format(kernel=kernel_name, dirs=dirs, function=FUNCTION,
                                    rtol=rtol, atol=atol, spec=json.dumps(spec)))


def check(source, spec):
    """Run the reference once (on run.py's default inputs): a HyRefError or
    any other exception means the kernel is not a valid test."""
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "kernel.hy")
        with open(path, "w") as f:
            f.write(source)
        hyexec.reference(path, FUNCTION, hyexec.make_inputs(spec, np.random.default_rng(1)))


def generate(seed, schedule=True):
    """Generate and self-check the kernel of this seed: a Generator with
    .source, .spec, .schedule (dict or None), .tolerance. GenError if the
    generator made an invalid kernel."""
    try:
        g = Generator(seed).generate(schedule)
        check(g.source, g.spec)
    except GenError as e:
        raise GenError("seed %d: %s" % (seed, e))
    except Exception as e:  # noqa: BLE001 - a failure here is always the generator's
        raise GenError("seed %d: %s: %s" % (seed, type(e).__name__, e))
    return g


def write(g, outdir):
    """Write kernel.hy, ref.py, sched.json (the random schedule, if any) and
    base.json (the args the unscheduled run needs, if any)."""
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "kernel.hy"), "w") as f:
        f.write("# hybridc fuzz kernel, seed %d (test/fuzz/gen_kernels.py)\n" % g.seed + g.source)
    write_ref(os.path.join(outdir, "ref.py"), "kernel.hy", g.spec, *g.tolerance)
    for name, sched in (("sched.json", g.schedule), ("base.json", g.base)):
        sp = os.path.join(outdir, name)
        if sched:
            with open(sp, "w") as f:
                json.dump(sched, f, indent=1)
                f.write("\n")
        elif os.path.exists(sp):
            os.remove(sp)


def main():
    ap = argparse.ArgumentParser(description="Write one random hybrid-script kernel, its reference and schedule.")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True, help="directory for kernel.hy, ref.py, sched.json")
    ap.add_argument("--no-schedule", action="store_true")
    args = ap.parse_args()
    try:
        g = generate(args.seed, schedule=not args.no_schedule)
    except GenError as e:
        print("gen_kernels: %s" % e, file=sys.stderr)
        return 1
    write(g, args.out)
    print(os.path.join(args.out, "kernel.hy"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
