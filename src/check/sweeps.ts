import { Diag } from "../diagnostics/codes.js";
import type * as A from "../syntax/ast.js";
import { printExpr } from "../syntax/printer.js";
import { closest } from "../util/didYouMean.js";
import { checkFieldValue, finishExperiment, type ClauseSet, type ExperimentDeps } from "./experiments.js";
import { checkGrpoConsistency, fieldValue } from "./grpo.js";
import { CLIP_SHORTHAND, defaultGrpoConfig, GRPO_FIELD_BY_NAME, GRPO_FIELDS, type GrpoConfig } from "./grpoFields.js";
import type { LoadedModule } from "./modules.js";
import type { ResolvedExperiment, ResolvedSweep } from "./resolved.js";

/** Sweeps larger than this are almost surely a mistake (and would take days locally). */
export const MAX_SWEEP_CELLS = 4096;

const EXPR_AXES: readonly A.ExprClauseField[] = ["model", "data", "labels", "reward", "template", "seed"];

/** One axis value, checked: how it changes a cell's clauses. */
type Apply = (set: ClauseSet, grpo: GrpoConfig) => { set: ClauseSet; grpo: GrpoConfig };

interface CheckedAxis {
  readonly path: string;
  readonly values: readonly { readonly text: string; readonly apply: Apply }[];
}

/** Expands `sweep NAME from BASE { axis in [...] … }` into one experiment per cell of the grid. */
export function expandSweep(deps: ExperimentDeps, module: LoadedModule, decl: A.SweepDecl, base: ClauseSet): ResolvedSweep | undefined {
  const { ctx } = deps;
  const axes: CheckedAxis[] = [];
  const seen = new Map<string, A.SweepAxis>();
  let ok = true;
  for (const axis of decl.axes) {
    const path = axis.path.map((p) => p.name).join(".");
    const first = seen.get(path);
    if (first) {
      ctx.report(Diag.DuplicateSweepAxis({ axis: path }), module, axis.path[0]!.range, [{ file: module.file, range: first.path[0]!.range, message: "first given here" }]);
      ok = false;
      continue;
    }
    seen.set(path, axis);
    const checked = checkAxis(deps, module, axis, path);
    if (checked) axes.push(checked);
    else ok = false;
  }
  if (!ok) return undefined;
  if (axes.length === 0) {
    ctx.report(Diag.EmptySweepAxis({ case: "no axes", sweep: decl.name.name }), module, decl.name.range);
    return undefined;
  }
  const size = axes.reduce((n, a) => n * a.values.length, 1);
  if (size > MAX_SWEEP_CELLS) {
    ctx.report(Diag.SweepTooLarge({ sweep: decl.name.name, cells: size, max: MAX_SWEEP_CELLS }), module, decl.name.range);
    return undefined;
  }

  const cells: ResolvedExperiment[] = [];
  const ids = new Set<string>();
  for (const combination of product(axes.map((a) => a.values))) {
    let set = base;
    let grpo = base.grpo ?? defaultGrpoConfig();
    for (const value of combination) ({ set, grpo } = value.apply(set, grpo));
    let id = combination.map((v) => slug(v.text)).join("__");
    if (ids.has(id)) id = `${id}__${cells.length}`;
    ids.add(id);
    const bindings = Object.fromEntries(axes.map((a, i) => [a.path, combination[i]!.text]));
    if (!checkGrpoConsistency(ctx, module, decl.name.range, grpo, ` (in cell ${id})`)) return undefined;
    const cell = finishExperiment(ctx, module, decl.name, `${decl.name.name}/${id}`, { ...set, grpo }, { sweep: decl.name.name, id, bindings });
    if (!cell) return undefined;
    cells.push(cell);
  }
  return {
    name: decl.name.name,
    base: decl.base.name,
    file: module.file.path,
    axes: axes.map((a) => ({ path: a.path, values: a.values.map((v) => v.text) })),
    cells,
  };
}

function checkAxis(deps: ExperimentDeps, module: LoadedModule, axis: A.SweepAxis, path: string): CheckedAxis | undefined {
  const { ctx, exprs } = deps;
  const [head, field, ...rest] = axis.path.map((p) => p.name);
  const items = axis.values.items;
  if (items.length === 0) {
    ctx.report(Diag.EmptySweepAxis({ case: "no values", axis: path }), module, axis.values.range);
    return undefined;
  }
  // A value with a hole left by a syntax error (reported already) can be neither printed nor checked.
  if (items.some(hasMissing)) return undefined;
  const texts = items.map((i) => printExpr(i));
  texts.forEach((t, i) => {
    if (texts.indexOf(t) !== i) ctx.report(Diag.DuplicateSweepValue({ value: t, axis: path }), module, items[i]!.range);
  });

  let apply: ((item: A.Expr) => Apply | undefined) | undefined;
  if (head && (EXPR_AXES as readonly string[]).includes(head) && field === undefined) {
    const clause = head as A.ExprClauseField;
    apply = (item) => {
      const v = checkFieldValue(ctx, exprs, module, clause, item);
      return v === undefined ? undefined : (set, grpo) => ({ set: { ...set, [clause]: v }, grpo });
    };
  } else if (head === "grpo" && field === undefined) {
    apply = (item) => {
      if (item.kind !== "Identifier") {
        ctx.report(Diag.TypeMismatch({ case: "grpo axis" }), module, item.range);
        return undefined;
      }
      const preset = deps.presets(module, item);
      return preset ? (set) => ({ set, grpo: { ...preset } }) : undefined;
    };
  } else if (head === "grpo" && field !== undefined && rest.length === 0) {
    const clip = field === CLIP_SHORTHAND;
    const spec = GRPO_FIELD_BY_NAME.get(clip ? "clip_low" : field);
    if (!spec) {
      const names = [CLIP_SHORTHAND, ...GRPO_FIELDS.map((f) => f.name)];
      ctx.report(Diag.UnknownSweepAxis({ case: "grpo field", field, suggestion: closest(field, names) }), module, axis.path[1]!.range);
      return undefined;
    }
    apply = (item) => {
      if (!clip) {
        const v = fieldValue(ctx, exprs, module, spec, item, field);
        return v === undefined ? undefined : (set, grpo) => ({ set, grpo: { ...grpo, [field]: v } });
      }
      const low = fieldValue(ctx, exprs, module, spec, item, field);
      const high = low === undefined ? undefined : fieldValue(ctx, exprs, module, GRPO_FIELD_BY_NAME.get("clip_high")!, item, field);
      return high === undefined ? undefined : (set, grpo) => ({ set, grpo: { ...grpo, clip_low: low!, clip_high: high } });
    };
  }
  if (!apply) {
    const axesNames = [...EXPR_AXES, "grpo", ...GRPO_FIELDS.map((f) => `grpo.${f.name}`), "grpo.clip"];
    // A bare GRPO field (`temperature in [...]`) is the commonest slip: it lives under grpo.
    const suggestion = GRPO_FIELD_BY_NAME.has(path) || path === CLIP_SHORTHAND ? `grpo.${path}` : closest(path, axesNames);
    ctx.report(Diag.UnknownSweepAxis({ case: "path", path, suggestion, exprAxes: EXPR_AXES }), module, axis.path[0]!.range);
    return undefined;
  }
  const values: CheckedAxis["values"][number][] = [];
  let ok = true;
  items.forEach((item, i) => {
    const fn = apply!(item);
    if (fn) values.push({ text: texts[i]!, apply: fn });
    else ok = false;
  });
  return ok ? { path, values } : undefined;
}

/** Whether a syntax error left a `Missing` node somewhere in `e`. */
function hasMissing(e: A.Expr): boolean {
  switch (e.kind) {
    case "Missing":
      return true;
    case "Call":
      return e.args.some((a) => hasMissing(a.value));
    case "Unary":
      return hasMissing(e.operand);
    case "Binary":
      return hasMissing(e.left) || hasMissing(e.right);
    case "IfExpr":
      return hasMissing(e.condition) || hasMissing(e.then) || hasMissing(e.otherwise);
    case "ListLit":
      return e.items.some(hasMissing);
    default:
      return false;
  }
}

function* product<T>(lists: readonly (readonly T[])[]): Generator<T[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const head of first!) for (const tail of product(rest)) yield [head, ...tail];
}

/** `tiny("code-prior")` → `tiny-code-prior`; `random(0.5)` → `random-0.5`. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9._]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "value"
  );
}
