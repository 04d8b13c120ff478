"""Independent reference for hybrid-script kernels: run the .hy source itself
as Python, with small shims for the hybrid-script builtins.

Hybrid script is a Python subset, so a kernel's own text is its most direct
specification. hybridc is not involved at all: `output_tensor` and `allocate`
return checked numpy-backed tensors, the loop kinds are `range`, and the math
builtins follow the semantics in README.md / ../shared/spec/SEMANTICS.md:

  * integers are held as Python ints, so `//` and `%` round toward minus
    infinity exactly as hybridc's floor division does;
  * floats are held as Python floats; the kernels the fuzzer generates keep
    float arithmetic exact (small multiples of powers of two) except in the
    math builtins, which round to float32 here, so results agree with
    hybridc's float32 code (inexact outputs are compared with a tolerance);
  * casts: float -> int truncates toward zero; int -> narrower int must not
    wrap (the generator never relies on wrap-around; a wrap raises here);
  * `round` halves away from zero (not Python's banker's rounding).

The tensors are strict, so a kernel that is invalid for differential testing
is reported as a HyRefError instead of giving a silently wrong reference:
an index out of range (Python would wrap negative indices), a read of an
element never written (the C driver fills outputs with garbage), a store of
an integer that does not fit the element type, a store into an input, or an
output element left unwritten when the def returns.

Used by the reference modules that gen_kernels.py writes (the format
test/e2e/run.py loads: inputs(rng), reference(**inputs), RTOL, ATOL).
"""
import __future__
import inspect
import itertools
import math

import numpy as np

DTYPES = {
    "bool": np.bool_, "int8": np.int8, "int16": np.int16, "int32": np.int32, "int64": np.int64,
    "uint8": np.uint8, "uint16": np.uint16, "uint32": np.uint32, "uint64": np.uint64,
    "float16": np.float16, "float32": np.float32, "float64": np.float64,
}


class HyRefError(Exception):
    """The kernel is not a valid differential test (a fuzzer bug, not hybridc's)."""


def _dtype_name(dtype):
    if isinstance(dtype, str):
        if dtype not in DTYPES:
            raise HyRefError("unknown dtype %r" % dtype)
        return dtype
    return np.dtype(dtype).name


def _is_float(name):
    return name.startswith("float")


def _check_int(value, name):
    """Return value as a Python int that fits dtype `name`, or raise."""
    v = int(value)
    info = np.iinfo(DTYPES[name])
    if not info.min <= v <= info.max:
        raise HyRefError("integer %d does not fit %s (the kernel would wrap)" % (v, name))
    return v


class Tensor:
    """A dense tensor with checked indexing and per-element 'written' tracking."""

    def __init__(self, name, array, writable, initialised):
        self.name = name
        self.arr = array
        self.writable = writable
        self.written = np.full(array.shape, bool(initialised))
        self._dt = array.dtype.name
        self._float = _is_float(self._dt)

    # The attributes hybrid script uses.
    @property
    def shape(self):
        return tuple(int(d) for d in self.arr.shape)

    @property
    def dtype(self):
        return self._dt

    def __len__(self):
        if self.arr.ndim != 1:
            raise HyRefError("len() of the %d-D tensor %s" % (self.arr.ndim, self.name))
        return int(self.arr.shape[0])

    def _index(self, idx):
        if not isinstance(idx, tuple):
            idx = (idx,)
        if len(idx) != self.arr.ndim:
            raise HyRefError("%s indexed with %d indices, it has %d dimensions"
                             % (self.name, len(idx), self.arr.ndim))
        out = []
        for k, (i, d) in enumerate(zip(idx, self.arr.shape)):
            if isinstance(i, (bool, np.bool_)) or not isinstance(i, (int, np.integer)):
                raise HyRefError("%s index %d is %r, not an integer" % (self.name, k, i))
            i = int(i)
            if not 0 <= i < d:
                raise HyRefError("%s index %d out of range: %d not in [0, %d)" % (self.name, k, i, d))
            out.append(i)
        return tuple(out)

    def __getitem__(self, idx):
        idx = self._index(idx)
        if not self.written[idx]:
            raise HyRefError("%s%s read before it is written" % (self.name, list(idx)))
        v = self.arr[idx]
        return float(v) if self._float else (bool(v) if self._dt == "bool" else int(v))

    def __setitem__(self, idx, value):
        if not self.writable:
            raise HyRefError("store into the input %s" % self.name)
        idx = self._index(idx)
        if self._float:
            self.arr[idx] = float(value)
        elif self._dt == "bool":
            self.arr[idx] = bool(value)
        else:
            if isinstance(value, float):
                raise HyRefError("float stored into the integer tensor %s" % self.name)
            self.arr[idx] = _check_int(value, self._dt)
        self.written[idx] = True


def _new_tensor(shape, dtype, what):
    if isinstance(shape, (int, np.integer)):
        shape = (shape,)
    shape = tuple(int(d) for d in shape)
    if any(d < 0 for d in shape):
        raise HyRefError("negative extent in %s shape %s" % (what, shape))
    name = _dtype_name(dtype)
    # The contents are irrelevant: reads of unwritten elements raise.
    return Tensor(what, np.zeros(shape, DTYPES[name]), writable=True, initialised=False)


def output_tensor(shape, dtype):
    return _new_tensor(shape, dtype, "output_tensor")


def allocate(shape, dtype="float32", scope="global"):
    return _new_tensor(shape, dtype, "allocate")


def grid(*extents):
    return itertools.product(*(range(e) for e in extents))


def bind(tag, extent):
    return range(extent)


def _f32(x):
    """Round to float32 (the precision of hybridc's float32 math)."""
    return float(np.float32(x))


def _int_cast(name):
    def cast(x):
        if isinstance(x, float):
            if math.isnan(x) or math.isinf(x):
                raise HyRefError("cast of %r to %s" % (x, name))
            x = math.trunc(x)   # float -> int truncates toward zero
        return _check_int(x, name)
    return cast


def _float_cast(name):
    def cast(x):
        return float(DTYPES[name](x))
    return cast


def _round(x):
    """Round halves away from zero (llvm.round)."""
    return float(math.copysign(math.floor(abs(x) + 0.5), x))


def _unary_f32(fn):
    def f(x):
        with np.errstate(all="ignore"):
            return _f32(fn(np.float32(x)))
    return f


def _popcount(x):
    if x < 0:
        x &= 0xFFFFFFFF     # int32 two's complement (the only signed type the fuzzer uses here)
    return bin(x).count("1")


def _ceil_div(a, b):
    if b == 0:
        raise HyRefError("ceil_div by zero")
    return (a + b - 1) // b


def _serial_loop(*args):
    return range(*args)


# The names a kernel may use besides Python's own (abs, min, max, len, range).
SHIMS = {
    "output_tensor": output_tensor, "allocate": allocate, "grid": grid, "bind": bind,
    "serial": _serial_loop, "parallel": _serial_loop, "vectorize": _serial_loop,
    "unroll": _serial_loop, "const_range": _serial_loop,
    "int8": _int_cast("int8"), "int16": _int_cast("int16"), "int32": _int_cast("int32"),
    "int64": _int_cast("int64"), "uint8": _int_cast("uint8"), "uint16": _int_cast("uint16"),
    "uint32": _int_cast("uint32"), "uint64": _int_cast("uint64"),
    "float16": _float_cast("float16"), "float32": _float_cast("float32"), "float64": _float_cast("float64"),
    "exp": _unary_f32(np.exp), "exp2": _unary_f32(np.exp2), "log": _unary_f32(np.log),
    "log2": _unary_f32(np.log2), "log10": _unary_f32(np.log10), "sqrt": _unary_f32(np.sqrt),
    "rsqrt": _unary_f32(lambda x: np.float32(1) / np.sqrt(x)),
    "sigmoid": _unary_f32(lambda x: np.float32(1) / (np.float32(1) + np.exp(-x))),
    "tanh": _unary_f32(np.tanh), "sin": _unary_f32(np.sin), "cos": _unary_f32(np.cos),
    "erf": _unary_f32(lambda x: math.erf(float(x))),
    "floor": lambda x: float(math.floor(x)), "ceil": lambda x: float(math.ceil(x)),
    "fabs": lambda x: float(abs(x)), "round": _round,
    "power": lambda a, b: _f32(np.power(np.float32(a), np.float32(b))),
    "popcount": _popcount, "ceil_div": _ceil_div,
    "max_num_threads": lambda flag: 1,
}


def load(path):
    """Execute a .hy file as Python; return its namespace (the defs).

    Annotations (`a: int32[n, 4]`) are never evaluated (PEP 563 semantics)."""
    with open(path) as f:
        src = f.read()
    code = compile(src, path, "exec", flags=__future__.annotations.compiler_flag, dont_inherit=True)
    namespace = dict(SHIMS)
    exec(code, namespace)
    return namespace


def make_inputs(spec, rng):
    """Build the inputs from a spec list (see gen_kernels.py):
        ("scalar", name, dtype, value)
        ("tensor", name, dtype, shape, lo, hi, grain): values uniform in
            [lo, hi], floats multiples of 2**-grain;
        ("const", name, dtype, values): a compile-time constant array (the
            schedule's "const" arg), given to the reference only."""
    out = {}
    for entry in spec:
        if entry[0] == "scalar":
            _, name, dtype, value = entry
            out[name] = DTYPES[dtype](value)
        elif entry[0] == "const":
            _, name, dtype, values = entry
            out[name] = np.array(values, dtype=DTYPES[dtype])
        else:
            _, name, dtype, shape, lo, hi, grain = entry
            if _is_float(dtype):
                scale = 2 ** grain
                v = rng.integers(int(lo * scale), int(hi * scale) + 1, size=tuple(shape)) / scale
            else:
                v = rng.integers(lo, hi + 1, size=tuple(shape))
            out[name] = v.astype(DTYPES[dtype])
    return out


def reference(path, function, inputs):
    """Run `function` of the .hy file on the inputs; return its outputs as a
    tuple of numpy arrays, in return order."""
    fn = load(path)[function]
    args = []
    for pname in inspect.signature(fn).parameters:
        if pname not in inputs:
            raise HyRefError("no input for parameter %s" % pname)
        v = inputs[pname]
        if isinstance(v, np.ndarray):
            args.append(Tensor(pname, v.copy(), writable=False, initialised=True))
        elif np.issubdtype(np.asarray(v).dtype, np.floating):
            args.append(float(v))
        else:
            args.append(int(v))
    result = fn(*args)
    if not isinstance(result, tuple):
        result = (result,)
    outs = []
    for k, t in enumerate(result):
        if not isinstance(t, Tensor):
            raise HyRefError("return value %d is not a tensor" % k)
        if not t.written.all():
            missing = tuple(int(x) for x in np.argwhere(~t.written)[0])
            raise HyRefError("output %d (%s) element %s is never written" % (k, t.name, list(missing)))
        outs.append(t.arr.copy())
    return tuple(outs)
