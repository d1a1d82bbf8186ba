import type { GrpoConfig } from "../../check/grpoFields.js";

/**
 * One setting of a target's launch command. verl reads Hydra overrides (`key=value`, `++key=value`
 * where the key exists only in some versions), OpenRLHF command-line flags (`--key value`).
 */
export interface Setting {
  readonly key: string;
  readonly value: SettingValue;
  /** verl: written `++key=value`, so it is added where a version lacks the key. */
  readonly force?: boolean;
}

/** A path inside the exported directory, resolved where the command runs. */
export interface RunPath {
  readonly path: string;
}

export type SettingValue = string | number | boolean | RunPath | readonly (number | string)[];

export function runPath(path: string): RunPath {
  return { path };
}

export function isRunPath(v: SettingValue): v is RunPath {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "path" in v;
}

/** What a target does with one GRPO field's value: settings (exact, or with a stated deviation), or a refusal. */
export type FieldOutcome =
  | { readonly settings: readonly Setting[]; readonly note?: string }
  | { readonly rejected: string };

/**
 * How a target maps one GRPO field. `keys` names the target's keys for the mapping table in the
 * README and the export's manifest; `map` decides for the run's value (and may look at the other
 * fields: verl counts mini-batches in prompts, so it needs the group size).
 */
export interface FieldRule {
  readonly keys: string;
  map(value: GrpoConfig[string], config: GrpoConfig): FieldOutcome;
}

/** A target's table: one rule per field of GRPO_FIELDS (a test checks none is missing). */
export type FieldTable = Readonly<Record<string, FieldRule>>;

export interface MappedFields {
  readonly settings: readonly Setting[];
  readonly notes: readonly { readonly field: string; readonly note: string }[];
  readonly problems: readonly { readonly field: string; readonly reason: string }[];
}

/** Applies a table to a resolved configuration; settings two fields share (Adam's betas) appear once. */
export function mapFields(table: FieldTable, config: GrpoConfig): MappedFields {
  const settings = new Map<string, Setting>();
  const notes: { field: string; note: string }[] = [];
  const problems: { field: string; reason: string }[] = [];
  for (const [field, value] of Object.entries(config)) {
    const rule = table[field];
    if (!rule) {
      problems.push({ field: `grpo.${field}`, reason: "the exporter has no mapping for this field (a bug in rlx: every GRPO field must be mapped or rejected)" });
      continue;
    }
    const outcome = rule.map(value, config);
    if ("rejected" in outcome) {
      problems.push({ field: `grpo.${field}`, reason: outcome.rejected });
      continue;
    }
    for (const s of outcome.settings) settings.set(s.key, s);
    if (outcome.note) notes.push({ field: `grpo.${field}`, note: outcome.note });
  }
  return { settings: [...settings.values()], notes, problems };
}

/** The number, whether given as such or as none (null): for fields that allow none. */
export function orNone(value: GrpoConfig[string]): number | null {
  return value === null ? null : (value as number);
}

/** ε in (r − mean)/(std + ε) is fixed in the engines; a different value changes advantages by at most ε/std. */
export function fixedEpsilon(value: number, engine: string, fixed: number): FieldOutcome {
  if (value === fixed) return { settings: [] };
  if (value <= 1e-4) {
    return {
      settings: [],
      note: `${engine} fixes ε at ${fixed} (the run has ${value}): each advantage changes by a relative |Δε|/(std + ε), negligible unless a group's rewards almost agree`,
    };
  }
  return { rejected: `${engine} fixes ε in (r − mean)/(std + ε) at ${fixed} and has no setting for it; ${value} would change the advantages` };
}
