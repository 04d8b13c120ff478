//===- ApplySchedule.h - The schedule file's primitives on the loop nest --===//
//
// Applies a def's "schedule" list (docs/contract.md §2, TVM semantics) to its
// lowered body, one primitive at a time, in order: split, fuse, reorder,
// tile, unroll, vectorize, parallel, bind. Loops are named by their variable
// ("i", "i.outer", "i.j.fused", "i#1" for the second loop named i in source
// order). Every error (unknown or ambiguous loop, illegal primitive) is
// reported at the op's range in the JSON, naming the loop; on error the body
// is returned unchanged.
// Expects: simplified IR straight from lowering. Guarantees: loop names stay
// unique per name (#k addressing), results unchanged for legal schedules.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "hybridc/IR/IR.h"
#include "hybridc/Support/Diagnostics.h"

namespace hybridc {

struct DefSchedule;

ir::Stmt applySchedule(const ir::Stmt &body, const DefSchedule &schedule, DiagnosticEngine &diags);

/// Rejects parallel/vectorized loops that carry a dependence (a scalar or
/// buffer element written in one iteration and read in another), unless it
/// is a recognised reduction; reports at the schedule op that made the loop
/// parallel (or at the .hy loop when annotated in the source).
/// `schedule` may be null (source annotations only).
bool checkLegality(const ir::Stmt &body, const DefSchedule *schedule, DiagnosticEngine &diags);

} // namespace hybridc
