# RUN: not %hybridc %s -s %S/Inputs/fail_schedule_split_break.json --emit-lowered=- 2>&1 | FileCheck %s
# A loop that breaks out of itself cannot be fused with the loop around it,
# tiled, or moved outward: its 'break' would then leave another loop (a
# split is fine: the break sets a flag that leaves both halves).
def first_in_column(a: int32[12, 20], thr: int32):
    out = output_tensor((20, 12), 'int32')
    for c in range(20):
        for r in range(12):
            out[c, r] = a[r, c]
            if a[r, c] > thr:
                break
    return out

def reordered(a: int32[12, 20], thr: int32):
    out = output_tensor((20, 12), 'int32')
    for c in range(20):
        for r in range(12):
            out[c, r] = a[r, c]
            if a[r, c] > thr:
                break
    return out

def tiled(a: int32[12, 20], thr: int32):
    out = output_tensor((20, 12), 'int32')
    for c in range(20):
        for r in range(12):
            out[c, r] = a[r, c]
            if a[r, c] > thr:
                break
    return out
# CHECK: fail_schedule_split_break.json:2:69: error: cannot fuse loop 'r': its body leaves it early with 'break', which would then leave another loop than 'r' [ScheduleConflict]
# CHECK: fail_schedule_split_break.hy:[[@LINE-21]]:17: note: the 'break' is here [NotePrevious]
# CHECK: fail_schedule_split_break.json:3:61: error: cannot reorder loop 'r': its body leaves it early with 'break', which would then leave another loop than 'r' [ScheduleConflict]
# CHECK: fail_schedule_split_break.hy:[[@LINE-14]]:17: note: the 'break' is here [NotePrevious]
# CHECK: fail_schedule_split_break.json:4:59: error: cannot tile loop 'r': its body leaves it early with 'break', which would then leave another loop than 'r' [ScheduleConflict]
# CHECK: fail_schedule_split_break.hy:[[@LINE-7]]:17: note: the 'break' is here [NotePrevious]
# CHECK: 3 errors generated.
