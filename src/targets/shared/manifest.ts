import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { GRPO_FIELDS } from "../../check/grpoFields.js";
import { packageVersion } from "../../util/version.js";
import type { ExportPlan } from "./plan.js";
import type { ExportData } from "./rows.js";
import { type FieldTable, isRunPath, type MappedFields, type Setting } from "./settings.js";

export const MANIFEST_FILE = "rlx-export.json";

/** What an export wrote and why: read by `rlx run --engine` and by people. */
export interface ExportManifest {
  readonly format: "rlx.export/1";
  readonly target: string;
  readonly rlx: string;
  readonly run: string;
  readonly file: string;
  readonly model: string;
  readonly steps: number;
  readonly seed: number;
  readonly reward: string;
  readonly tracks: readonly string[];
  readonly rows: { readonly train: number; readonly test: number };
  readonly evals: { readonly metrics: readonly string[]; readonly samples: number; readonly temperature: number; readonly every: number | null; readonly data: readonly string[] } | null;
  /** The target's settings, paths relative to the export directory. */
  readonly settings: readonly { readonly key: string; readonly value: unknown; readonly force: boolean }[];
  /** Each GRPO field: its value and the target keys it became. */
  readonly fields: readonly { readonly field: string; readonly value: unknown; readonly keys: string }[];
  readonly notes: readonly string[];
}

export function exportManifest(target: string, plan: ExportPlan, table: FieldTable, settings: readonly Setting[], data: ExportData, notes: readonly string[]): ExportManifest {
  const { exp, evals } = plan;
  return {
    format: "rlx.export/1",
    target,
    rlx: packageVersion(),
    run: exp.run.name,
    file: exp.run.file,
    model: exp.model?.path ?? "",
    steps: exp.steps,
    seed: exp.seed,
    reward: exp.plan.reward.text,
    tracks: exp.plan.tracks.map((t) => t.name),
    rows: { train: data.train.length, test: data.test.length },
    evals: evals && { metrics: evals.metrics, samples: evals.samples, temperature: evals.temperature, every: evals.every, data: evals.evals.map((i) => exp.plan.evals[i]!.data) },
    settings: settings.map((s) => ({ key: s.key, value: isRunPath(s.value) ? `./${s.value.path}` : s.value, force: s.force === true })),
    fields: GRPO_FIELDS.map((f) => ({ field: f.name, value: exp.grpo[f.name] ?? null, keys: table[f.name]?.keys ?? "" })),
    notes,
  };
}

/** All notes of an export: the plan's, the fields' and the data's. */
export function allNotes(plan: ExportPlan, fields: MappedFields, data: ExportData | null): string[] {
  return [...plan.notes, ...fields.notes.map((n) => `${n.field}: ${n.note}`), ...(data?.notes ?? [])];
}

/** Writes a text file into the export directory, creating folders as needed. */
export function writeExportFile(dir: string, relative: string, text: string, mode?: number): void {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, mode === undefined ? undefined : { mode });
}
