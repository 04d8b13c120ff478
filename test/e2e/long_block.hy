# A top-level block of more than 1024 statements (a const_range of 1500):
# code generation compiles it in functions of 512 statements each
# (CodeGenLLVM::visit(Block), compile time, bench/RESULTS.md). A scalar
# carried from chunk to chunk and a failing assert in the last chunk
# (long_block_fail) keep their meaning.
# RUN: %e2e %s --ref %S/long_block.py --function long_block --workdir %t
# RUN: %e2e %s --ref %S/long_block.py --function long_block --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/long_block_fail.py --function long_block --workdir %t.fail
# RUN: %hybridc %s -O0 --emit-ir=- | FileCheck %s
# CHECK: define i32 @long_block(
# CHECK: call i32 @long_block.nest.chunk0.body(
# CHECK: call i32 @long_block.nest.chunk2.body(
# CHECK: define internal i32 @long_block.nest.chunk0.body(
# CHECK: define internal i32 @long_block.nest.chunk2.body(
def long_block(a: float32[1500]):
    out = output_tensor((1501,), 'float32')
    s = 0.0
    for i in const_range(1500):
        s = s + a[i]
        out[i] = a[i] * 2.0 + s
    assert s < 1000000.0, "sum too large"
    out[1500] = s
    return out
