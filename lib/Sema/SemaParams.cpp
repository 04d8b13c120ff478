//===- SemaParams.cpp - Parameter types from annotations and "args" -------===//
//
// A parameter is typed by its annotation (`n: int32`, `a: float32[100, n]`,
// whose dims are int literals or scalar integer parameters, in any order), or, when
// unannotated, by the schedule file's "args" entry for it:
//   {"dtype": d}                    a scalar
//   {"shape": [...], "dtype": d}    a tensor (dtype defaults to float32); a
//                                   dim is an integer or any scalar integer
//                                   parameter of the def
//   {"const": [...], "dtype": d}    a ConstArray (dtype defaults to int32
//                                   when every value is integral, else
//                                   float32)
// An "args" entry for an annotated parameter may only add "strides": true;
// a dtype or shape that agrees with the annotation is accepted, anything
// else is ScheduleArgConflict. Unannotated and undescribed parameters are
// UnannotatedParam; their symbol has no dtype and calls to the def are not
// checked further.
//
//===----------------------------------------------------------------------===//
#include "SemaInternal.h"

#include <algorithm>
#include <cmath>

namespace hybridc::sema {

using namespace ast;

void DefChecker::checkSignature() {
  const DefSchedule *ds = mc_.schedule ? mc_.schedule->find(def_.name) : nullptr;
  auto descOf = [&](const Param &p) -> const ArgDesc * {
    if (!ds) return nullptr;
    auto it = ds->args.find(p.name->id);
    return it == ds->args.end() ? nullptr : &it->second;
  };

  for (Param &p : def_.params) {
    Symbol *s = newSymbol(Symbol::ScalarParam, p.name->id, p.name->range);
    p.symbol = s;
    p.name->symbol = s;
    params_.emplace(p.name->id, s); // a duplicate is the parser's error
  }
  if (ds)
    for (const auto &[name, desc] : ds->args)
      if (!params_.count(name) && std::find(def_.constParams.begin(), def_.constParams.end(),
                                            name) == def_.constParams.end())
        diags_.report(DiagKind::ScheduleUnknownParam, desc.keyRange, {def_.name, name});

  // Kinds first, so that a dim naming a described tensor is recognised.
  for (Param &p : def_.params)
    if (const ArgDesc *d = descOf(p); d && !p.annotation)
      p.symbol->kind = d->hasConst   ? Symbol::ConstArray
                       : d->hasShape ? Symbol::TensorParam
                                     : Symbol::ScalarParam;

  // Annotated parameters and described scalars: scalars first, so that a
  // tensor's dims may name any scalar parameter, earlier or later (TVM
  // orders parameters freely: `a: float32[n, 4], n: int32`).
  std::vector<size_t> order;
  for (int round = 0; round < 2; ++round)
    for (size_t i = 0; i < def_.params.size(); ++i) {
      const Expr *a = def_.params[i].annotation.get();
      bool scalar = !a || isa<Name>(a);
      if (scalar == (round == 0)) order.push_back(i);
    }
  for (size_t i : order) {
    Param &p = def_.params[i];
    const ArgDesc *d = descOf(p);
    if (p.annotation) {
      typeFromAnnotation(p);
      if (d) checkArgAgainstAnnotation(p, *d);
    } else if (d && !d->hasConst && !d->hasShape && d->dtype) {
      p.symbol->kind = Symbol::ScalarParam;
      p.symbol->dtype = *d->dtype;
      if (d->strided)
        diags_.report(DiagKind::ScheduleArgConflict, d->stridesRange,
                      {p.name->id, "\"strides\" applies to tensors, but its \"dtype\" alone "
                                   "describes a scalar"});
    }
  }
  // Described tensors and constant arrays: their dims may name any scalar
  // parameter.
  for (Param &p : def_.params) {
    if (p.annotation) continue;
    const ArgDesc *d = descOf(p);
    if (d && (d->hasConst || d->hasShape)) {
      typeFromSchedule(p, *d);
    } else if (!d || !d->dtype) {
      diags_.report(DiagKind::UnannotatedParam, p.range, {p.name->id});
      mc_.badSignature.insert(&def_);
    }
  }
}

void DefChecker::typeFromAnnotation(Param &p) {
  Symbol &s = *p.symbol;
  Expr &a = *p.annotation;
  auto bad = [&](SourceRange r, const std::string &why) {
    diags_.report(DiagKind::BadAnnotation, r, {why});
    s.dtype = DType();
    mc_.badSignature.insert(&def_);
  };
  const char *expected = "expected a dtype such as 'float32' or a tensor type such as "
                         "'float32[16, n]'";

  if (auto *n = dyn_cast<Name>(&a)) {
    if (auto dt = DType::parse(n->id)) {
      s.kind = Symbol::ScalarParam;
      s.dtype = *dt;
      n->type = {Type::DTypeRef, *dt, 0};
      return;
    }
    bad(a.range, "'" + n->id + "' is not a dtype; " + expected);
    return;
  }
  auto *sub = dyn_cast<Subscript>(&a);
  auto *base = sub ? dyn_cast<Name>(sub->value.get()) : nullptr;
  auto dt = base ? DType::parse(base->id) : std::nullopt;
  if (!dt) {
    bad(base ? base->range : a.range,
        (base ? "'" + base->id + "' is not a dtype; " : std::string()) + expected);
    return;
  }
  s.kind = Symbol::TensorParam;
  s.dtype = *dt;
  base->type = {Type::DTypeRef, *dt, 0};
  if (sub->indices.empty()) {
    bad(a.range, "a tensor type needs at least one dimension, or () for a 0-d tensor");
    return;
  }
  // float32[()]: a 0-d tensor (one element, indexed x[()]).
  if (auto *t = dyn_cast<Tuple>(sub->indices[0].get());
      t && t->elts.empty() && sub->indices.size() == 1) {
    t->type = {Type::Tuple, {}, 0};
    return;
  }
  bool ok = true;
  for (auto &idx : sub->indices) {
    Dim dim;
    dim.expr = idx.get();
    if (auto *lit = dyn_cast<IntLit>(idx.get())) {
      lit->type = Type::scalar(DType::i32());
      lit->constInt = lit->value;
      if (lit->value <= 0 || lit->value > INT32_MAX) {
        bad(idx->range, "a dimension must be a positive int32, got " + std::to_string(lit->value));
        ok = false;
        continue;
      }
      dim.constant = lit->value;
    } else if (auto *n = dyn_cast<Name>(idx.get())) {
      size_t j = 0;
      while (j < def_.params.size() && def_.params[j].name->id != n->id) ++j;
      Symbol *ps = j < def_.params.size() ? def_.params[j].symbol : nullptr;
      if (!ps || ps->kind != Symbol::ScalarParam || !ps->dtype.isIntegral()) {
        // A scalar without a dtype had its own error reported.
        if (!ps || ps->kind != Symbol::ScalarParam || ps->dtype.isValid())
          bad(idx->range, "'" + n->id + "' is not a scalar integer parameter");
        ok = false;
        continue;
      }
      n->symbol = ps;
      n->type = Type::scalar(ps->dtype);
      dim.param = ps;
    } else {
      bad(idx->range, "a dimension must be an integer literal or a scalar integer parameter");
      ok = false;
      continue;
    }
    s.shape.push_back(dim);
  }
  if (!ok) {
    s.shape.clear();
    s.dtype = DType();
    mc_.badSignature.insert(&def_);
  }
}

void DefChecker::checkArgAgainstAnnotation(Param &p, const ArgDesc &d) {
  Symbol &s = *p.symbol;
  const std::string &name = p.name->id;
  auto conflict = [&](SourceRange r, const std::string &why) {
    diags_.report(DiagKind::ScheduleArgConflict, r, {name, why})
        .note(DiagKind::NoteDeclaredHere, p.annotation->range, {name});
  };
  if (!s.dtype.isValid()) return; // the annotation was reported
  if (d.constScalar) return;      // SemaDesugar.cpp checked it against the annotation
  bool isTensor = s.kind == Symbol::TensorParam;
  if (d.hasConst)
    conflict(d.constRange, "its annotation gives its type, and \"const\" describes only "
                           "unannotated parameters");
  if (d.dtype && *d.dtype != s.dtype)
    conflict(d.dtypeRange,
             "the schedule says " + d.dtype->str() + " but the annotation says " + s.dtype.str());
  if (d.hasShape) {
    if (!isTensor) {
      conflict(d.shapeRange, "the schedule gives a shape but the annotation makes it a scalar");
    } else {
      bool same = d.shape.size() == s.shape.size();
      for (size_t i = 0; same && i < d.shape.size(); ++i) {
        const ArgDim &ad = d.shape[i];
        const Dim &sd = s.shape[i];
        same = ad.constant ? sd.isConst() && *sd.constant == *ad.constant
                           : sd.param && sd.param->name == ad.param;
      }
      if (!same) {
        std::string given = "[";
        for (size_t i = 0; i < d.shape.size(); ++i)
          given += (i ? ", " : "") +
                   (d.shape[i].constant ? std::to_string(*d.shape[i].constant) : d.shape[i].param);
        given += "]";
        conflict(d.shapeRange, "the schedule gives shape " + given + " but the annotation says " +
                                   symbolTypeStr(s));
      }
    }
  }
  if (d.strided) {
    if (isTensor)
      s.strided = true;
    else
      conflict(d.stridesRange, "\"strides\" applies to tensors, but the annotation makes it a "
                               "scalar");
  }
}

void DefChecker::typeFromSchedule(Param &p, const ArgDesc &d) {
  Symbol &s = *p.symbol;
  if (d.hasConst) {
    s.kind = Symbol::ConstArray;
    bool integral = true;
    for (double v : d.constValues) integral = integral && std::floor(v) == v;
    s.dtype = d.dtype ? *d.dtype : integral ? DType::i32() : DType::f32();
    s.constValues = d.constValues;
    for (int64_t n : d.constShape) {
      Dim dim;
      dim.constant = n;
      s.shape.push_back(dim);
    }
    if (d.constValues.empty() && !(d.constShape.size() == 1 && d.constShape[0] == 0)) { // reported
      s.dtype = DType();
      mc_.badSignature.insert(&def_);
    }
    return;
  }
  s.kind = Symbol::TensorParam;
  s.dtype = d.dtype ? *d.dtype : DType::f32();
  s.strided = d.strided;
  bool ok = !d.shape.empty();
  for (const ArgDim &ad : d.shape) {
    Dim dim;
    if (ad.constant) {
      dim.constant = *ad.constant;
    } else {
      auto it = params_.find(ad.param);
      Symbol *ps = it == params_.end() ? nullptr : it->second;
      if (!ps || ps->kind != Symbol::ScalarParam || !ps->dtype.isIntegral()) {
        if (!ps || ps->kind != Symbol::ScalarParam || ps->dtype.isValid())
          diags_.report(DiagKind::ScheduleBadDim, ad.range, {ad.param, p.name->id});
        ok = false;
        continue;
      }
      dim.param = ps;
    }
    s.shape.push_back(dim);
  }
  if (!ok) {
    s.shape.clear();
    s.dtype = DType();
    mc_.badSignature.insert(&def_);
  }
}

} // namespace hybridc::sema
