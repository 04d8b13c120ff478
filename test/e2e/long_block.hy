# A top-level block of more than 1024 statements (a const_range of 1500):
# code generation compiles it in functions of 512 statements each
# (CodeGenLLVM::visit(Block), compile time, bench/RESULTS.md), and, as the
# def has more than 16 top-level loops, each loop of a chunk in a function
# of its own. A scalar carried from chunk to chunk and a failing assert in
# the last chunk (long_block_fail) keep their meaning.
# RUN: %e2e %s --ref %S/long_block.py --function long_block --workdir %t
# RUN: %e2e %s --ref %S/long_block.py --function long_block --target aarch64 --workdir %t.a64
# RUN: %e2e %s --ref %S/long_block_fail.py --function long_block --workdir %t.fail
# RUN: %hybridc %s -O0 --emit-ir=- | FileCheck %s
# CHECK: define i32 @long_block(
# CHECK: call i32 @long_block.nest.chunk0.body(
# CHECK: call i32 @long_block.nest.chunk2.body(
# CHECK: define internal i32 @long_block.nest.chunk0.body(
# CHECK: define internal i32 @long_block.nest.chunk2.body(
# CHECK: define internal i32 @long_block.nest.chunk5.body(
# CHECK: call i32 @long_block.nest.chunk5.body.nest.j0.body(
# CHECK: define internal i32 @long_block.nest.chunk5.body.nest.j16.body(
def long_block(a: float32[1500]):
    out = output_tensor((1501,), 'float32')
    s = 0.0
    for i in const_range(1500):
        s = s + a[i]
        out[i] = a[i] * 2.0 + s
    assert s < 1000000.0, "sum too large"
    out[1500] = s
    for j0 in range(4):
        out[0] = out[0] + 0.5
    for j1 in range(4):
        out[1] = out[1] + 0.5
    for j2 in range(4):
        out[2] = out[2] + 0.5
    for j3 in range(4):
        out[3] = out[3] + 0.5
    for j4 in range(4):
        out[4] = out[4] + 0.5
    for j5 in range(4):
        out[5] = out[5] + 0.5
    for j6 in range(4):
        out[6] = out[6] + 0.5
    for j7 in range(4):
        out[7] = out[7] + 0.5
    for j8 in range(4):
        out[8] = out[8] + 0.5
    for j9 in range(4):
        out[9] = out[9] + 0.5
    for j10 in range(4):
        out[10] = out[10] + 0.5
    for j11 in range(4):
        out[11] = out[11] + 0.5
    for j12 in range(4):
        out[12] = out[12] + 0.5
    for j13 in range(4):
        out[13] = out[13] + 0.5
    for j14 in range(4):
        out[14] = out[14] + 0.5
    for j15 in range(4):
        out[15] = out[15] + 0.5
    for j16 in range(4):
        out[16] = out[16] + 0.5
    return out
