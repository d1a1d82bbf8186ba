import { matchesRefusal, regexProblem } from "../core/regex.js";
import { Diag } from "../diagnostics/codes.js";
import type { Range } from "../diagnostics/source.js";
import type * as A from "../syntax/ast.js";
import { closest } from "../util/didYouMean.js";
import { BUILTINS, ROW_COLUMNS, type BuiltinSpec, type ParamSpec } from "./builtins/index.js";
import type { CheckContext } from "./context.js";
import type { LoadedModule } from "./modules.js";
import { joinDomains, T, typeName, type Domain, type Type } from "./types.js";
import { none, num, str, type OpName, type Value } from "../core/values.js";
import { displayPath } from "./host.js";
import path from "node:path";

/** A checked expression: its type and its resolved value. */
export interface Typed {
  readonly type: Type;
  readonly value: Value;
}

export interface Env {
  readonly module: LoadedModule;
  /** Inside `where(...)`: row columns are in scope. */
  readonly row: boolean;
}

/** How the expression checker reaches named definitions (checked lazily, once each). */
export interface NameResolver {
  /** The checked value of a definition visible in the module, or undefined when no such name. */
  resolve(module: LoadedModule, name: string, range: Range): Typed | undefined;
  visibleNames(module: LoadedModule): string[];
}

const ERROR: Typed = { type: T.error, value: none };

const BINARY_OPS: Record<A.BinaryOp, OpName> = {
  "|": "or", "&": "and", "==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge",
  "+": "add", "-": "sub", "*": "mul", "/": "div",
};

/**
 * Types and resolves expressions. `|` gets its meaning here: after a dataset it appends a
 * pipeline stage, between predicates it is "or". Reports one diagnostic per root cause:
 * an operand that already failed has the `error` type and is not reported again.
 */
export class ExpressionChecker {
  constructor(
    private readonly ctx: CheckContext,
    private readonly names: NameResolver,
  ) {}

  check(e: A.Expr, env: Env): Typed {
    switch (e.kind) {
      case "NumberLit":
        return Number.isNaN(e.value) ? ERROR : { type: T.number, value: num(e.value) };
      case "StringLit":
        return { type: T.string, value: { kind: "string", value: e.value } };
      case "BoolLit":
        return { type: T.bool, value: { kind: "bool", value: e.value } };
      case "NoneLit":
        return { type: T.none, value: none };
      case "Missing":
        return ERROR;
      case "Identifier":
        return this.identifier(e, env);
      case "Call":
        return this.call(e, env);
      case "Unary":
        return this.unary(e, env);
      case "Binary":
        return this.binary(e, env);
      case "IfExpr":
        return this.ifExpr(e, env);
      case "ListLit":
        return this.list(e, env);
    }
  }

  private identifier(e: A.Identifier, env: Env): Typed {
    if (env.row && (ROW_COLUMNS as readonly string[]).includes(e.name)) {
      return { type: T.rowString, value: { kind: "column", name: e.name } };
    }
    const defined = this.names.resolve(env.module, e.name, e.range);
    if (defined) return defined;
    const builtin = BUILTINS.get(e.name);
    if (builtin) {
      const required = builtin.params.filter((p) => p.default === undefined && !p.optional);
      if (required.length > 0 || builtin.exactlyOne) {
        this.ctx.report(Diag.MissingArgument({ function: e.name, signature: signature(builtin) }), env.module, e.range);
        return ERROR;
      }
      return this.apply(builtin, [], e, env);
    }
    const candidates = [...this.names.visibleNames(env.module), ...BUILTINS.keys(), ...(env.row ? ROW_COLUMNS : [])];
    const rowColumn = !env.row && (ROW_COLUMNS as readonly string[]).includes(e.name);
    this.ctx.report(Diag.UnknownName({ case: "name", name: e.name, suggestion: closest(e.name, candidates), rowColumn }), env.module, e.range);
    return ERROR;
  }

  private call(e: A.Call, env: Env): Typed {
    const builtin = BUILTINS.get(e.callee.name);
    if (!builtin) {
      const defined = this.names.resolve(env.module, e.callee.name, e.callee.range);
      if (defined) {
        this.ctx.report(Diag.NotCallable({ name: e.callee.name, type: typeName(defined.type) }), env.module, e.callee.range);
      } else {
        const candidates = [...BUILTINS.keys(), ...this.names.visibleNames(env.module)];
        this.ctx.report(Diag.UnknownName({ case: "function", name: e.callee.name, suggestion: closest(e.callee.name, candidates) }), env.module, e.callee.range);
      }
      return ERROR;
    }
    return this.apply(builtin, e.args, e, env);
  }

  /** Binds arguments to parameters (positional, then named), checks each, fills defaults. */
  private apply(spec: BuiltinSpec, args: readonly A.Argument[], site: A.Expr, env: Env): Typed {
    const bound = new Map<string, { param: ParamSpec; arg: A.Argument }>();
    let ok = true;
    let positional = 0;
    for (const arg of args) {
      let param: ParamSpec | undefined;
      if (arg.name) {
        param = spec.params.find((p) => p.name === arg.name!.name);
        if (!param) {
          const names = spec.params.map((p) => p.name);
          const suggestion = closest(arg.name.name, names);
          this.ctx.report(Diag.UnknownArgument({ case: "function", function: spec.name, name: arg.name.name, suggestion, signature: signature(spec) }), env.module, arg.name.range);
          ok = false;
          continue;
        }
      } else {
        param = spec.params[positional++];
        if (!param) {
          this.ctx.report(Diag.TooManyArguments({ function: spec.name, count: spec.params.length, signature: signature(spec) }), env.module, arg.range);
          ok = false;
          continue;
        }
      }
      if (bound.has(param.name)) {
        this.ctx.report(Diag.DuplicateArgument({ function: spec.name, name: param.name }), env.module, arg.range);
        ok = false;
        continue;
      }
      bound.set(param.name, { param, arg });
    }

    const values: Record<string, Value> = {};
    const argTypes: Type[] = [];
    for (const param of spec.params) {
      const given = bound.get(param.name);
      if (!given) {
        if (param.default !== undefined) values[param.name] = param.default;
        else if (!param.optional) {
          this.ctx.report(Diag.MissingArgument({ function: spec.name, signature: signature(spec), param: param.name }), env.module, site.range);
          ok = false;
        }
        continue;
      }
      const typed = this.argument(spec, param, given.arg.value, env);
      if (typed.type.kind === "error") ok = false;
      values[param.name] = typed.value;
      argTypes.push(typed.type);
    }
    if (spec.exactlyOne) {
      const given = spec.exactlyOne.filter((n) => bound.has(n));
      if (given.length !== 1) {
        const both = given.length > 1;
        this.ctx.report(Diag.ExclusiveArguments({ function: spec.name, names: spec.exactlyOne, both }), env.module, both ? bound.get(given[1]!)!.arg.range : site.range);
        ok = false;
      }
    }
    if (!ok) return ERROR;
    const type = typeof spec.result === "function" ? spec.result(argTypes) : spec.result;
    return { type, value: { kind: "call", fn: spec.name, args: values } };
  }

  private argument(spec: BuiltinSpec, param: ParamSpec, expr: A.Expr, env: Env): Typed {
    const typed = this.check(expr, { module: env.module, row: env.row || param.type === T.rowBool });
    if (typed.type.kind === "error") return typed;
    const what = `argument '${param.name}' of '${spec.name}'`;
    if (param.type === "string-any") {
      if (typed.type.kind === "scalar" && typed.type.base === "string") return typed;
      this.ctx.report(Diag.TypeMismatch({ case: "expected", what, expected: "a string", actual: typeName(typed.type) }), env.module, expr.range);
      return ERROR;
    }
    if (!this.expectType(typed, param.type, expr.range, what, env.module)) return ERROR;
    const constant = constantValue(typed.value);
    if (typeof constant === "number") {
      if (!checkNumber(this.ctx, env.module, expr.range, what, constant, param)) return ERROR;
    }
    if (typeof constant === "string" && param.choices && !param.choices.includes(constant)) {
      this.ctx.report(Diag.InvalidEnum({ what, choices: param.choices, strings: true, suggestion: closest(constant, param.choices) }), env.module, expr.range);
      return ERROR;
    }
    if (typeof constant === "string" && param.file) return { type: typed.type, value: str(this.dataPath(constant, expr.range, env.module)) };
    if (typeof constant === "string" && spec.name === "matches") {
      // The engine the reward runs on decides, so a pattern the checker passes always runs.
      const problem = regexProblem(constant);
      if (problem) {
        this.ctx.report(Diag.InvalidRegex({ message: matchesRefusal(constant, problem) }), env.module, expr.range);
        return ERROR;
      }
    }
    return typed;
  }

  /** Resolves a data file against the importing .rlx file; a missing file is a warning, since it may be made before the run. */
  private dataPath(written: string, range: Range, module: LoadedModule): string {
    const absolute = path.resolve(path.dirname(module.absolutePath), written);
    if (!this.ctx.host.isFile(absolute)) {
      this.ctx.report(Diag.DataFileNotFound({ file: written, lookedFor: displayPath(this.ctx.host, absolute) }), module, range);
    }
    return displayPath(this.ctx.host, absolute);
  }

  /** Whether `typed` fits where `expected` is needed; reports the mismatch when not. */
  expectType(typed: Typed, expected: Type, range: Range, what: string, module: LoadedModule): boolean {
    const t = typed.type;
    if (t.kind === "error") return false;
    let fits: boolean;
    if (expected.kind === "scalar" && t.kind === "scalar") {
      // A constant lifts into any domain; a predicate counts as a 0/1 real where reals are expected.
      const domainFits = t.domain === "const" || t.domain === expected.domain;
      const baseFits = t.base === expected.base || (expected.base === "number" && t.base === "bool" && t.domain === "response");
      fits = domainFits && baseFits;
      if (baseFits && !domainFits && expected.domain === "const") {
        this.ctx.report(Diag.NonConstantArgument({ what, expected: typeName(expected), actual: typeName(t) }), module, range);
        return false;
      }
    } else {
      fits = t.kind === expected.kind;
    }
    if (!fits) this.ctx.report(Diag.TypeMismatch({ case: "expected", what, expected: `a ${typeName(expected)}`, actual: typeName(t) }), module, range);
    return fits;
  }

  private unary(e: A.Unary, env: Env): Typed {
    const operand = this.check(e.operand, env);
    const t = operand.type;
    if (t.kind === "error") return ERROR;
    if (e.op === "!") {
      if (t.kind === "scalar" && t.base === "bool") return { type: t, value: { kind: "op", op: "not", args: [operand.value] } };
      const number = t.kind === "scalar" && t.base === "number";
      this.ctx.report(Diag.OperandType({ case: "not", actual: typeName(t), number }), env.module, e.operand.range);
      return ERROR;
    }
    const n = numeric(t);
    if (!n) {
      this.ctx.report(Diag.OperandType({ case: "negate", actual: typeName(t) }), env.module, e.operand.range);
      return ERROR;
    }
    const c = constantValue(operand.value);
    return { type: n, value: typeof c === "number" ? num(-c) : { kind: "op", op: "neg", args: [operand.value] } };
  }

  private binary(e: A.Binary, env: Env): Typed {
    const left = this.check(e.left, env);
    const right = this.check(e.right, env);
    if (left.type.kind === "error" || right.type.kind === "error") return ERROR;
    if (e.op === "|" && left.type.kind === "dataset") return this.pipeline(left, right, e, env);
    if (e.op === "|" && right.type.kind === "stage") {
      // The stage is fine; what comes before it is not a dataset.
      this.ctx.report(Diag.OperandType({ case: "dataset expected", actual: typeName(left.type) }), env.module, e.left.range);
      return ERROR;
    }
    const lt = left.type;
    const rt = right.type;
    if (lt.kind !== "scalar" || rt.kind !== "scalar") {
      const bad = lt.kind !== "scalar" ? e.left : e.right;
      const badType = lt.kind !== "scalar" ? lt : rt;
      const stageAfter = e.op === "|" && rt.kind === "stage";
      this.ctx.report(Diag.OperandType({ case: "not scalar", op: e.op, actual: typeName(badType), stageAfter }), env.module, bad.range);
      return ERROR;
    }
    const domain = joinDomains(lt.domain, rt.domain);
    if (!domain) {
      this.ctx.report(Diag.MixedDomains({ case: "operator", op: e.op, left: typeName(lt), right: typeName(rt) }), env.module, e.range);
      return ERROR;
    }
    const op = BINARY_OPS[e.op];
    const value: Value = { kind: "op", op, args: [left.value, right.value] };
    switch (e.op) {
      case "&":
      case "|": {
        for (const [side, t] of [[e.left, lt], [e.right, rt]] as const) {
          if (t.base !== "bool") {
            this.ctx.report(Diag.OperandType({ case: "logic", op: e.op, actual: typeName(t), number: t.base === "number" }), env.module, side.range);
            return ERROR;
          }
        }
        return { type: { kind: "scalar", base: "bool", domain }, value };
      }
      case "==":
      case "!=": {
        const lb = numeric(lt)?.kind === "scalar" && lt.base !== "string" ? "number" : lt.base;
        const rb = numeric(rt)?.kind === "scalar" && rt.base !== "string" ? "number" : rt.base;
        if (lb !== rb) {
          this.ctx.report(Diag.OperandType({ case: "comparison", op: e.op, left: typeName(lt), right: typeName(rt) }), env.module, e.range);
          return ERROR;
        }
        return { type: { kind: "scalar", base: "bool", domain }, value };
      }
      case "<":
      case "<=":
      case ">":
      case ">=":
        if (!this.numericOperands(e, lt, rt, env)) return ERROR;
        return { type: { kind: "scalar", base: "bool", domain }, value };
      default: {
        if (!this.numericOperands(e, lt, rt, env)) return ERROR;
        const lc = constantValue(left.value);
        const rc = constantValue(right.value);
        if (e.op === "*" && lt.domain !== "const" && rt.domain !== "const") {
          this.ctx.report(Diag.OperandType({ case: "reward times reward" }), env.module, e.range);
          return ERROR;
        }
        if (e.op === "/" && rt.domain !== "const") {
          this.ctx.report(Diag.OperandType({ case: "divide by reward" }), env.module, e.right.range);
          return ERROR;
        }
        if (e.op === "/" && rc === 0) {
          this.ctx.report(Diag.DivisionByZero(), env.module, e.right.range);
          return ERROR;
        }
        const type: Type = { kind: "scalar", base: "number", domain };
        if (typeof lc === "number" && typeof rc === "number") return { type, value: num(fold(e.op, lc, rc)) };
        return { type, value };
      }
    }
  }

  private numericOperands(e: A.Binary, lt: Type, rt: Type, env: Env): boolean {
    for (const [side, t] of [[e.left, lt], [e.right, rt]] as const) {
      if (!numeric(t)) {
        this.ctx.report(Diag.OperandType({ case: "arithmetic", op: e.op, actual: typeName(t) }), env.module, side.range);
        return false;
      }
    }
    return true;
  }

  private pipeline(left: Typed, right: Typed, e: A.Binary, env: Env): Typed {
    if (right.type.kind !== "stage") {
      this.ctx.report(Diag.OperandType({ case: "stage expected", actual: typeName(right.type) }), env.module, e.right.range);
      return ERROR;
    }
    const l = left.value.kind === "pipeline" ? left.value : { kind: "pipeline" as const, source: left.value, stages: [] };
    return { type: T.dataset, value: { kind: "pipeline", source: l.source, stages: [...l.stages, right.value] } };
  }

  private ifExpr(e: A.IfExpr, env: Env): Typed {
    const cond = this.check(e.condition, env);
    const a = this.check(e.then, env);
    const b = this.check(e.otherwise, env);
    if (cond.type.kind === "error" || a.type.kind === "error" || b.type.kind === "error") return ERROR;
    const ct = cond.type;
    if (ct.kind !== "scalar" || ct.base !== "bool") {
      this.ctx.report(Diag.TypeMismatch({ case: "expected", what: "the condition of 'if'", expected: "a predicate", actual: typeName(ct) }), env.module, e.condition.range);
      return ERROR;
    }
    const at = a.type;
    const bt = b.type;
    if (at.kind !== "scalar" || bt.kind !== "scalar" || at.base === "string" || bt.base === "string") {
      const bad = at.kind !== "scalar" || at.base === "string" ? e.then : e.otherwise;
      this.ctx.report(Diag.TypeMismatch({ case: "expected", what: "the branches of 'if'", expected: "rewards or numbers" }), env.module, bad.range);
      return ERROR;
    }
    const domain = [ct.domain, at.domain, bt.domain].reduce<Domain | null>((d, x) => (d ? joinDomains(d, x) : null), "const");
    if (!domain) {
      this.ctx.report(Diag.MixedDomains({ case: "if" }), env.module, e.range);
      return ERROR;
    }
    const base = at.base === "bool" && bt.base === "bool" ? "bool" : "number";
    return { type: { kind: "scalar", base, domain }, value: { kind: "if", cond: cond.value, then: a.value, otherwise: b.value } };
  }

  private list(e: A.ListLit, env: Env): Typed {
    const items = e.items.map((i) => this.check(i, env));
    if (items.some((i) => i.type.kind === "error")) return ERROR;
    const element = items[0]?.type ?? T.none;
    return { type: { kind: "list", element }, value: { kind: "list", items: items.map((i) => i.value) } };
  }
}

/** The number type a value can be used as: numbers, and predicates as 0/1 over responses. */
function numeric(t: Type): Type | null {
  if (t.kind !== "scalar") return null;
  if (t.base === "number") return t;
  if (t.base === "bool" && t.domain === "response") return { kind: "scalar", base: "number", domain: "response" };
  return null;
}

function fold(op: A.BinaryOp, a: number, b: number): number {
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    default:
      return a / b;
  }
}

/** A constant's JS value (number or string), seeing through named definitions. */
export function constantValue(v: Value): number | string | undefined {
  if (v.kind === "ref") return constantValue(v.value);
  if (v.kind === "number" || v.kind === "string") return v.value;
  return undefined;
}

/** Range and integrality of a constant number; used for built-in arguments and GRPO fields alike. */
export function checkNumber(
  ctx: CheckContext,
  module: LoadedModule,
  range: Range,
  what: string,
  value: number,
  spec: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean },
): boolean {
  if (!Number.isFinite(value)) {
    ctx.report(Diag.OutOfRange({ case: "not finite", what }), module, range);
    return false;
  }
  if (spec.integer && !Number.isInteger(value)) {
    ctx.report(Diag.NotInteger({ what, value }), module, range);
    return false;
  }
  const below = spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min);
  const above = spec.max !== undefined && (spec.maxExclusive ? value >= spec.max : value > spec.max);
  if (below || above) {
    ctx.report(Diag.OutOfRange({ case: "outside", what, allowed: rangeText(spec), value }), module, range);
    return false;
  }
  return true;
}

/** `between 0 and 1`, `≥ 2`, `in (0, 1]`: a numeric range as messages write it. */
export function rangeText(spec: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }): string {
  const { min, max, minExclusive, maxExclusive } = spec;
  if (min !== undefined && max !== undefined) {
    if (!minExclusive && !maxExclusive) return `between ${min} and ${max}`;
    return `in ${minExclusive ? "(" : "["}${min}, ${max}${maxExclusive ? ")" : "]"}`;
  }
  if (min !== undefined) return `${minExclusive ? ">" : "≥"} ${min}`;
  return `${maxExclusive ? "<" : "≤"} ${max}`;
}

/** `random(p)`, `arith(train | test, seed = 0, difficulty = 2)`: how a built-in is called. */
export function signature(spec: BuiltinSpec): string {
  const params = spec.params.map((p) => (p.default !== undefined || p.optional ? `${p.name}?` : p.name));
  return `${spec.name}(${params.join(", ")})`;
}
