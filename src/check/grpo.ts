import { Diag } from "../diagnostics/codes.js";
import type { Range } from "../diagnostics/source.js";
import type * as A from "../syntax/ast.js";
import { closest } from "../util/didYouMean.js";
import type { CheckContext } from "./context.js";
import { checkNumber, type ExpressionChecker } from "./expressions.js";
import { CLIP_SHORTHAND, GRPO_FIELD_BY_NAME, GRPO_FIELDS, type GrpoConfig, type GrpoFieldSpec } from "./grpoFields.js";
import type { LoadedModule } from "./modules.js";
import { typeName } from "./types.js";

export type PresetResolver = (module: LoadedModule, name: A.Identifier) => GrpoConfig | undefined;

/**
 * Resolves `preset { field: value, … }` on top of `inherited` (the defaults, or a base
 * experiment's configuration). Returns undefined after reporting when anything is wrong.
 */
export function resolveGrpoSpec(
  ctx: CheckContext,
  exprs: ExpressionChecker,
  presets: PresetResolver,
  module: LoadedModule,
  spec: A.GrpoSpec,
  inherited: GrpoConfig,
): GrpoConfig | undefined {
  let config: GrpoConfig = { ...inherited };
  if (spec.preset) {
    const preset = presets(module, spec.preset);
    if (!preset) return undefined;
    config = { ...preset };
  }
  let ok = true;
  const seen = new Map<string, A.Property>();
  for (const property of spec.fields ?? []) {
    const name = property.name.name;
    const first = seen.get(name);
    if (first) {
      ctx.report(Diag.DuplicateField({ case: "grpo", field: name }), module, property.name.range, [{ file: module.file, range: first.name.range, message: "first given here" }]);
      ok = false;
      continue;
    }
    seen.set(name, property);
    if (name === CLIP_SHORTHAND) {
      const side = ["clip_low", "clip_high"].find((s) => spec.fields!.some((p) => p.name.name === s));
      if (side) {
        ctx.report(Diag.ConflictingFields({ side }), module, property.name.range);
        ok = false;
        continue;
      }
      const low = fieldValue(ctx, exprs, module, GRPO_FIELD_BY_NAME.get("clip_low")!, property.value, "clip");
      // One value for both sides: once it failed for clip_low, checking it for clip_high would report it again.
      const high = low === undefined ? undefined : fieldValue(ctx, exprs, module, GRPO_FIELD_BY_NAME.get("clip_high")!, property.value, "clip");
      if (low === undefined || high === undefined) ok = false;
      else config = { ...config, clip_low: low, clip_high: high };
      continue;
    }
    const field = GRPO_FIELD_BY_NAME.get(name);
    if (!field) {
      const names = [CLIP_SHORTHAND, ...GRPO_FIELDS.map((f) => f.name)];
      ctx.report(Diag.UnknownField({ field: name, suggestion: closest(name, names) }), module, property.name.range);
      ok = false;
      continue;
    }
    const value = fieldValue(ctx, exprs, module, field, property.value, name);
    if (value === undefined) ok = false;
    else config = { ...config, [name]: value };
  }
  return ok ? config : undefined;
}

/** Checks one field's value expression: its kind, its range, `none` where allowed, enum choices. */
export function fieldValue(
  ctx: CheckContext,
  exprs: ExpressionChecker,
  module: LoadedModule,
  field: GrpoFieldSpec,
  expr: A.Expr,
  shownName: string,
): GrpoConfig[string] | undefined {
  const what = `'${shownName}'`;
  // A hole left by a syntax error, reported already.
  if (expr.kind === "Missing") return undefined;
  if (field.kind === "enum") {
    const member = expr.kind === "Identifier" ? expr.name : expr.kind === "StringLit" ? expr.value : undefined;
    if (member !== undefined && field.choices!.includes(member)) return member;
    const suggestion = member === undefined ? undefined : closest(member, field.choices!);
    ctx.report(Diag.InvalidEnum({ what, choices: field.choices!, strings: false, suggestion }), module, expr.range);
    return undefined;
  }
  if (expr.kind === "NoneLit") {
    if (field.noneAllowed) return null;
    ctx.report(Diag.TypeMismatch({ case: "none", what }), module, expr.range);
    return undefined;
  }
  const typed = exprs.check(expr, { module, row: false });
  if (typed.type.kind === "error") return undefined;
  const v = typed.value.kind === "ref" ? typed.value.value : typed.value;
  if (field.kind === "bool") {
    if (v.kind === "bool") return v.value;
    ctx.report(Diag.TypeMismatch({ case: "expected", what, expected: "true or false", actual: typeName(typed.type) }), module, expr.range);
    return undefined;
  }
  if (v.kind !== "number") {
    const expected = `${field.kind === "int" ? "a whole number" : "a number"}${field.noneAllowed ? " or none" : ""}`;
    ctx.report(Diag.TypeMismatch({ case: "expected", what, expected, actual: typeName(typed.type) }), module, expr.range);
    return undefined;
  }
  return checkNumber(ctx, module, expr.range, what, v.value, { ...field, integer: field.kind === "int" }) ? v.value : undefined;
}

/** Checks that need several fields at once: the batch arithmetic of a GRPO step. */
export function checkGrpoConsistency(ctx: CheckContext, module: LoadedModule, range: Range, config: GrpoConfig, where = ""): boolean {
  const responses = (config["prompts_per_step"] as number) * (config["group_size"] as number);
  const mini = config["mini_batch_size"] as number;
  if (mini > responses || responses % mini !== 0) {
    ctx.report(Diag.InconsistentBatch({ mini, responses, where }), module, range);
    return false;
  }
  return true;
}
