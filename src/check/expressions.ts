import { matchesRefusal, regexProblem } from "../core/regex.js";
import { Diag } from "../diagnostics/codes.js";
import type { Range } from "../diagnostics/source.js";
import type * as A from "../syntax/ast.js";
import { didYouMean } from "../util/didYouMean.js";
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
        this.ctx.report(Diag.MissingArgument, env.module, e.range, `'${e.name}' needs arguments: ${signature(builtin)}`);
        return ERROR;
      }
      return this.apply(builtin, [], e, env);
    }
    const candidates = [...this.names.visibleNames(env.module), ...BUILTINS.keys(), ...(env.row ? ROW_COLUMNS : [])];
    const hint = env.row ? undefined : (ROW_COLUMNS as readonly string[]).includes(e.name) ? "row columns are only in scope inside where(...)" : undefined;
    this.ctx.report(Diag.UnknownName, env.module, e.range, `unknown name '${e.name}'${didYouMean(e.name, candidates)}`, hint ? { hint } : {});
    return ERROR;
  }

  private call(e: A.Call, env: Env): Typed {
    const builtin = BUILTINS.get(e.callee.name);
    if (!builtin) {
      const defined = this.names.resolve(env.module, e.callee.name, e.callee.range);
      if (defined) {
        this.ctx.report(Diag.NotCallable, env.module, e.callee.range, `'${e.callee.name}' is a ${typeName(defined.type)}, not a function: use it without arguments`);
      } else {
        const candidates = [...BUILTINS.keys(), ...this.names.visibleNames(env.module)];
        this.ctx.report(Diag.UnknownName, env.module, e.callee.range, `unknown function '${e.callee.name}'${didYouMean(e.callee.name, candidates)}`);
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
          this.ctx.report(Diag.UnknownArgument, env.module, arg.name.range, `'${spec.name}' has no parameter '${arg.name.name}'${didYouMean(arg.name.name, names)}`, {
            hint: signature(spec),
          });
          ok = false;
          continue;
        }
      } else {
        param = spec.params[positional++];
        if (!param) {
          this.ctx.report(Diag.TooManyArguments, env.module, arg.range, `'${spec.name}' takes ${spec.params.length} argument${spec.params.length === 1 ? "" : "s"}: ${signature(spec)}`);
          ok = false;
          continue;
        }
      }
      if (bound.has(param.name)) {
        this.ctx.report(Diag.DuplicateArgument, env.module, arg.range, `argument '${param.name}' of '${spec.name}' is given twice`);
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
          this.ctx.report(Diag.MissingArgument, env.module, site.range, `'${spec.name}' needs its '${param.name}' argument: ${signature(spec)}`);
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
        const which = spec.exactlyOne.map((n) => `'${n}'`).join(" or ");
        this.ctx.report(
          Diag.ExclusiveArguments,
          env.module,
          given.length > 1 ? bound.get(given[1]!)!.arg.range : site.range,
          given.length > 1 ? `'${spec.name}' takes ${which}, not both` : `'${spec.name}' needs ${which}`,
        );
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
      this.ctx.report(Diag.TypeMismatch, env.module, expr.range, `${what} must be a string, but this is a ${typeName(typed.type)}`);
      return ERROR;
    }
    if (!this.expectType(typed, param.type, expr.range, what, env.module)) return ERROR;
    const constant = constantValue(typed.value);
    if (typeof constant === "number") {
      if (!checkNumber(this.ctx, env.module, expr.range, what, constant, param)) return ERROR;
    }
    if (typeof constant === "string" && param.choices && !param.choices.includes(constant)) {
      this.ctx.report(Diag.InvalidEnum, env.module, expr.range, `${what} must be one of ${param.choices.map((c) => `"${c}"`).join(", ")}${didYouMean(constant, param.choices)}`);
      return ERROR;
    }
    if (typeof constant === "string" && param.file) return { type: typed.type, value: str(this.dataPath(constant, expr.range, env.module)) };
    if (typeof constant === "string" && spec.name === "matches") {
      // The engine the reward runs on decides, so a pattern the checker passes always runs.
      const problem = regexProblem(constant);
      if (problem) {
        this.ctx.report(Diag.InvalidRegex, env.module, expr.range, matchesRefusal(constant, problem));
        return ERROR;
      }
    }
    return typed;
  }

  /** Resolves a data file against the importing .rlx file; a missing file is a warning, since it may be made before the run. */
  private dataPath(written: string, range: Range, module: LoadedModule): string {
    const absolute = path.resolve(path.dirname(module.absolutePath), written);
    if (!this.ctx.host.isFile(absolute)) {
      this.ctx.report(Diag.DataFileNotFound, module, range, `data file '${written}' not found (looked for ${displayPath(this.ctx.host, absolute)})`);
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
        this.ctx.report(Diag.NonConstantArgument, module, range, `${what} must be a constant ${typeName(expected)}, but this is a ${typeName(t)}`);
        return false;
      }
    } else {
      fits = t.kind === expected.kind;
    }
    if (!fits) this.ctx.report(Diag.TypeMismatch, module, range, `${what} must be a ${typeName(expected)}, but this is a ${typeName(t)}`);
    return fits;
  }

  private unary(e: A.Unary, env: Env): Typed {
    const operand = this.check(e.operand, env);
    const t = operand.type;
    if (t.kind === "error") return ERROR;
    if (e.op === "!") {
      if (t.kind === "scalar" && t.base === "bool") return { type: t, value: { kind: "op", op: "not", args: [operand.value] } };
      this.ctx.report(Diag.OperandType, env.module, e.operand.range, `'!' needs a predicate or boolean, but this is a ${typeName(t)}`, {
        hint: t.kind === "scalar" && t.base === "number" ? "compare it first, e.g. `!(length > 200)`" : undefined,
      });
      return ERROR;
    }
    const n = numeric(t);
    if (!n) {
      this.ctx.report(Diag.OperandType, env.module, e.operand.range, `'-' needs a number, but this is a ${typeName(t)}`);
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
      this.ctx.report(Diag.OperandType, env.module, e.left.range, `a pipeline stage follows a dataset, but this is a ${typeName(left.type)}`);
      return ERROR;
    }
    const lt = left.type;
    const rt = right.type;
    if (lt.kind !== "scalar" || rt.kind !== "scalar") {
      const bad = lt.kind !== "scalar" ? e.left : e.right;
      const badType = lt.kind !== "scalar" ? lt : rt;
      const hint = e.op === "|" && rt.kind === "stage" ? "a pipeline stage follows a dataset: `data | where(...)`" : undefined;
      this.ctx.report(Diag.OperandType, env.module, bad.range, `'${e.op}' cannot take a ${typeName(badType)}`, hint ? { hint } : {});
      return ERROR;
    }
    const domain = joinDomains(lt.domain, rt.domain);
    if (!domain) {
      this.ctx.report(Diag.MixedDomains, env.module, e.range, `'${e.op}' mixes a ${typeName(lt)} with a ${typeName(rt)}`, {
        hint: "row columns belong in where(...); rewards look at responses",
      });
      return ERROR;
    }
    const op = BINARY_OPS[e.op];
    const value: Value = { kind: "op", op, args: [left.value, right.value] };
    switch (e.op) {
      case "&":
      case "|": {
        for (const [side, t] of [[e.left, lt], [e.right, rt]] as const) {
          if (t.base !== "bool") {
            this.ctx.report(Diag.OperandType, env.module, side.range, `'${e.op}' combines predicates, but this is a ${typeName(t)}`, {
              hint: t.base === "number" ? "real-valued rewards combine with + - *, or compare them first" : undefined,
            });
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
          this.ctx.report(Diag.OperandType, env.module, e.range, `'${e.op}' compares a ${typeName(lt)} with a ${typeName(rt)}`);
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
          this.ctx.report(Diag.OperandType, env.module, e.range, "rewards multiply only by constants", { hint: "use `if p then a else b` to gate a reward" });
          return ERROR;
        }
        if (e.op === "/" && rt.domain !== "const") {
          this.ctx.report(Diag.OperandType, env.module, e.right.range, "rewards divide only by constants");
          return ERROR;
        }
        if (e.op === "/" && rc === 0) {
          this.ctx.report(Diag.DivisionByZero, env.module, e.right.range, "division by zero");
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
        this.ctx.report(Diag.OperandType, env.module, side.range, `'${e.op}' needs numbers, but this is a ${typeName(t)}`);
        return false;
      }
    }
    return true;
  }

  private pipeline(left: Typed, right: Typed, e: A.Binary, env: Env): Typed {
    if (right.type.kind !== "stage") {
      this.ctx.report(Diag.OperandType, env.module, e.right.range, `after a dataset, '|' needs a pipeline stage (where, shuffle, take, skip, sample, split), but this is a ${typeName(right.type)}`);
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
      this.ctx.report(Diag.TypeMismatch, env.module, e.condition.range, `the condition of 'if' must be a predicate, but this is a ${typeName(ct)}`);
      return ERROR;
    }
    const at = a.type;
    const bt = b.type;
    if (at.kind !== "scalar" || bt.kind !== "scalar" || at.base === "string" || bt.base === "string") {
      const bad = at.kind !== "scalar" || at.base === "string" ? e.then : e.otherwise;
      this.ctx.report(Diag.TypeMismatch, env.module, bad.range, "the branches of 'if' must be rewards or numbers");
      return ERROR;
    }
    const domain = [ct.domain, at.domain, bt.domain].reduce<Domain | null>((d, x) => (d ? joinDomains(d, x) : null), "const");
    if (!domain) {
      this.ctx.report(Diag.MixedDomains, env.module, e.range, "'if' mixes row values with response values");
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
    ctx.report(Diag.OutOfRange, module, range, `${what} must be a finite number`);
    return false;
  }
  if (spec.integer && !Number.isInteger(value)) {
    ctx.report(Diag.NotInteger, module, range, `${what} must be a whole number, but it is ${value}`);
    return false;
  }
  const below = spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min);
  const above = spec.max !== undefined && (spec.maxExclusive ? value >= spec.max : value > spec.max);
  if (below || above) {
    ctx.report(Diag.OutOfRange, module, range, `${what} must be ${rangeText(spec)}, but it is ${value}`);
    return false;
  }
  return true;
}

function rangeText(spec: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }): string {
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
