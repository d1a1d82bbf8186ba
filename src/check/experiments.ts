import { Diag } from "../diagnostics/codes.js";
import type * as A from "../syntax/ast.js";
import type { CheckContext } from "./context.js";
import { checkNumber, type ExpressionChecker, type Typed } from "./expressions.js";
import { checkGrpoConsistency, resolveGrpoSpec, type PresetResolver } from "./grpo.js";
import { defaultGrpoConfig, type GrpoConfig } from "./grpoFields.js";
import { METRIC_PARAMS, METRICS } from "./metrics.js";
import type { LoadedModule } from "./modules.js";
import type { EvalSpec, ResolvedExperiment, TrackSpec } from "./resolved.js";
import { closest } from "../util/didYouMean.js";
import { isRewardType, T, typeName } from "./types.js";
import { constantJson, type Value } from "../core/values.js";

/** The clauses of an experiment after inheritance, before the required ones are enforced. */
/** Without a `checkpoint every N steps` clause a run still checkpoints this often, so a killed run loses little. */
export const DEFAULT_CHECKPOINT_EVERY = 10;

export interface ClauseSet {
  readonly model?: Value;
  readonly data?: Value;
  readonly labels?: Value;
  readonly reward?: Value;
  readonly template?: string;
  readonly seed?: number;
  readonly grpo?: GrpoConfig;
  readonly evals?: readonly EvalSpec[];
  readonly tracks: readonly TrackSpec[];
  readonly checkpointEvery?: number;
  /** Some clause was written but did not check: the experiment cannot run, and nothing more is said. */
  readonly broken?: boolean;
}

const REQUIRED = ["model", "data", "reward"] as const;
const SYNTAX_CODES = new Set([Diag.UnexpectedToken.code, Diag.UnterminatedString.code, Diag.UnexpectedCharacter.code, Diag.InvalidNumber.code]);
const GROUND_TRUTH: Value = { kind: "call", fn: "ground_truth", args: {} };

/**
 * Checks one value for an experiment field (a clause, or a sweep axis value) and returns what the
 * field holds. Shared by clauses and sweeps so a value is judged the same wherever it is written.
 */
export function checkFieldValue(
  ctx: CheckContext,
  exprs: ExpressionChecker,
  module: LoadedModule,
  field: A.ExprClauseField,
  expr: A.Expr,
): Value | string | number | undefined {
  const typed = exprs.check(expr, { module, row: false });
  if (typed.type.kind === "error") return undefined;
  switch (field) {
    case "reward":
      if (!isRewardType(typed.type)) {
        ctx.report(Diag.TypeMismatch({ case: "reward", what: "a reward", actual: typeName(typed.type) }), module, expr.range);
        return undefined;
      }
      return typed.value;
    case "seed": {
      const v = constantJson(typed.value);
      if (typeof v !== "number") {
        ctx.report(Diag.TypeMismatch({ case: "expected", what: "the seed", expected: "a whole number", actual: typeName(typed.type) }), module, expr.range);
        return undefined;
      }
      return checkNumber(ctx, module, expr.range, "the seed", v, { min: 0, integer: true }) ? v : undefined;
    }
    case "template":
      return templateText(ctx, module, expr, typed);
    default: {
      const expected = { model: T.model, data: T.dataset, labels: T.labels }[field];
      return exprs.expectType(typed, expected, expr.range, `'${field}'`, module) ? typed.value : undefined;
    }
  }
}

/** A template is a string with a `{problem}` placeholder, written inline or named by a definition. */
export function templateText(ctx: CheckContext, module: LoadedModule, expr: A.Expr, typed: Typed): string | undefined {
  const v = constantJson(typed.value);
  if ((typed.type.kind !== "template" && typed.type.kind !== "scalar") || typeof v !== "string") {
    ctx.report(Diag.TypeMismatch({ case: "expected", what: "a template", expected: "a string", actual: typeName(typed.type) }), module, expr.range);
    return undefined;
  }
  if (!v.includes("{problem}")) {
    ctx.report(Diag.TemplatePlaceholder(), module, expr.range);
    return undefined;
  }
  return v;
}

export interface ExperimentDeps {
  readonly ctx: CheckContext;
  readonly exprs: ExpressionChecker;
  readonly presets: PresetResolver;
}

/** The own clauses of an experiment applied over its base's (or nothing). */
export function applyClauses(deps: ExperimentDeps, module: LoadedModule, decl: A.ExperimentDecl, base: ClauseSet): ClauseSet {
  const { ctx, exprs } = deps;
  const seen = new Map<string, A.Clause>();
  const result: { -readonly [K in keyof ClauseSet]: ClauseSet[K] } = { ...base };
  const tracks = new Map(base.tracks.map((t) => [t.name, t]));
  const ownTracks = new Map<string, A.TrackClause>();
  const evals: EvalSpec[] = [];

  // A clause lost to a syntax error was reported already: the experiment is incomplete, and
  // saying that its clause is missing would report the same mistake twice.
  const span = decl.range;
  if (ctx.diagnostics.some((d) => d.file === module.file && SYNTAX_CODES.has(d.code) && d.range.start >= span.start && d.range.start < span.end)) {
    result.broken = true;
  }

  for (const clause of decl.clauses) {
    const single = clause.kind === "ExprClause" ? clause.field : clause.kind === "GrpoClause" ? "grpo" : clause.kind === "CheckpointClause" ? "checkpoint" : null;
    if (single) {
      const first = seen.get(single);
      if (first) {
        ctx.report(Diag.DuplicateField({ case: "clause", clause: single, experiment: decl.name.name }), module, clause.keyword, [
          { file: module.file, range: first.keyword, message: "first given here" },
        ]);
        continue;
      }
      seen.set(single, clause);
    }
    switch (clause.kind) {
      case "ExprClause": {
        const v = checkFieldValue(ctx, exprs, module, clause.field, clause.value);
        if (v !== undefined) (result as Record<string, unknown>)[clause.field] = v;
        else result.broken = true;
        break;
      }
      case "GrpoClause": {
        const config = resolveGrpoSpec(ctx, exprs, deps.presets, module, clause.value, base.grpo ?? defaultGrpoConfig());
        if (config && checkGrpoConsistency(ctx, module, clause.value.range, config)) result.grpo = config;
        else result.broken = true;
        break;
      }
      case "CheckpointClause": {
        const every = checkEvery(deps, module, clause.schedule);
        if (every !== undefined) result.checkpointEvery = every;
        else result.broken = true;
        break;
      }
      case "TrackClause": {
        const name = clause.name.name;
        const first = ownTracks.get(name);
        if (first) {
          ctx.report(Diag.DuplicateField({ case: "track", name }), module, clause.name.range, [{ file: module.file, range: first.name.range, message: "first tracked here" }]);
          break;
        }
        ownTracks.set(name, clause);
        const typed = exprs.check(clause.value, { module, row: false });
        if (typed.type.kind === "error") {
          result.broken = true;
          break;
        }
        if (!isRewardType(typed.type)) {
          ctx.report(Diag.TypeMismatch({ case: "reward", what: "a tracked behaviour", actual: typeName(typed.type) }), module, clause.value.range);
          result.broken = true;
          break;
        }
        tracks.set(name, { name, value: typed.value });
        break;
      }
      case "EvalClause": {
        const spec = checkEval(deps, module, clause);
        if (spec) evals.push(spec);
        else result.broken = true;
        break;
      }
    }
  }
  result.tracks = [...tracks.values()];
  // An experiment's own eval clauses replace its base's: evaluation protocols don't add up.
  if (decl.clauses.some((c) => c.kind === "EvalClause")) result.evals = evals;
  return result;
}

function checkEvery(deps: ExperimentDeps, module: LoadedModule, schedule: A.Schedule): number | undefined {
  const n = schedule.every.value;
  if (Number.isNaN(n)) return undefined;
  return checkNumber(deps.ctx, module, schedule.every.range, "the step interval", n, { min: 1, integer: true }) ? n : undefined;
}

function checkEval(deps: ExperimentDeps, module: LoadedModule, clause: A.EvalClause): EvalSpec | undefined {
  const { ctx, exprs } = deps;
  let ok = true;
  const every = clause.schedule ? checkEvery(deps, module, clause.schedule) : null;
  if (every === undefined) ok = false;
  const typed = exprs.check(clause.data, { module, row: false });
  if (!exprs.expectType(typed, T.dataset, clause.data.range, "the evaluation data", module)) ok = false;
  if (clause.metrics.length === 0) {
    ctx.report(Diag.UnknownMetric({ case: "none" }), module, clause.keyword);
    ok = false;
  }
  const metrics: EvalSpec["metrics"][number][] = [];
  for (const m of clause.metrics) {
    const spec = METRICS.get(m.name);
    if (!spec) {
      const suggestion = closest(m.name, METRICS.keys());
      ctx.report(Diag.UnknownMetric({ case: "unknown", name: m.name, k: m.k, suggestion, known: [...METRICS.keys()] }), module, m.nameRange);
      ok = false;
      continue;
    }
    if (!checkNumber(ctx, module, m.nameRange, `the k of ${m.name}@k`, m.k, { min: 1, integer: true })) ok = false;
    let temperature = spec.defaultTemperature;
    for (const arg of m.args) {
      const name = arg.name?.name ?? METRIC_PARAMS[0];
      if (!(METRIC_PARAMS as readonly string[]).includes(name)) {
        ctx.report(Diag.UnknownArgument({ case: "metric", metric: `${m.name}@${m.k}`, name, suggestion: closest(name, METRIC_PARAMS) }), module, arg.range);
        ok = false;
        continue;
      }
      const typed = exprs.check(arg.value, { module, row: false });
      const v = constantJson(typed.value);
      if (typed.type.kind === "error") ok = false;
      else if (typeof v !== "number") {
        ctx.report(Diag.TypeMismatch({ case: "expected", what: "the temperature", expected: "a number" }), module, arg.value.range);
        ok = false;
      } else if (checkNumber(ctx, module, arg.value.range, "the temperature", v, { min: 0 })) temperature = v;
      else ok = false;
    }
    metrics.push({ name: m.name, k: m.k, temperature });
  }
  return ok ? { every: every ?? null, data: typed.value, metrics } : undefined;
}

/** Enforces the required clauses and fills the defaults: the experiment as it runs. */
export function finishExperiment(
  ctx: CheckContext,
  module: LoadedModule,
  at: A.Identifier,
  name: string,
  set: ClauseSet,
  sweep: ResolvedExperiment["sweep"],
): ResolvedExperiment | undefined {
  if (set.broken) return undefined;
  const missing = REQUIRED.filter((f) => set[f] === undefined);
  if (missing.length > 0) {
    ctx.report(Diag.MissingField({ experiment: name, missing }), module, at.range);
    return undefined;
  }
  return {
    name,
    file: module.file.path,
    model: set.model!,
    data: set.data!,
    labels: set.labels ?? GROUND_TRUTH,
    reward: set.reward!,
    template: set.template ?? null,
    grpo: set.grpo ?? defaultGrpoConfig(),
    evals: set.evals ?? [],
    tracks: set.tracks,
    seed: set.seed ?? 0,
    checkpointEvery: set.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY,
    sweep,
  };
}
