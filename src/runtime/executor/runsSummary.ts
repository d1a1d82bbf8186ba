import { RunDir } from "./runDir.js";
import type { RunOutcome } from "./runExperiment.js";

/** One run of an invocation, as its summary.json ends it: for the table after a sweep and its summary file. */
export interface RunSummaryRow {
  readonly run: string;
  readonly status: RunOutcome["status"];
  readonly step: number;
  readonly dir: string;
  /** Last step's reward, accuracy and tracked frequencies. */
  readonly final: Readonly<Record<string, number>>;
  /** Each evaluation (data × metric) before training and after the last step. */
  readonly evals: readonly { readonly data: string; readonly metric: string; readonly before: number | null; readonly after: number | null }[];
}

interface Summary {
  final_metrics: { reward_mean: number; accuracy: number; tracks: Record<string, number> } | null;
  initial_evals: { data: string; metric: string; value: number }[];
  final_evals: { data: string; metric: string; value: number }[];
}

export function summaryRow(run: string, outcome: RunOutcome): RunSummaryRow {
  const dir = new RunDir(outcome.dir);
  const summary = dir.has("summary.json") ? dir.readJson<Summary>("summary.json") : null;
  const m = summary?.final_metrics ?? null;
  const final = m === null ? {} : { reward: m.reward_mean, accuracy: m.accuracy, ...m.tracks };
  const keys = [...(summary?.initial_evals ?? []), ...(summary?.final_evals ?? [])].map((e) => `${e.data}\u0000${e.metric}`);
  const evals = [...new Set(keys)].map((key) => {
    const [data, metric] = key.split("\u0000") as [string, string];
    const find = (list: Summary["initial_evals"] | undefined) => list?.find((e) => e.data === data && e.metric === metric)?.value ?? null;
    return { data, metric, before: find(summary?.initial_evals), after: find(summary?.final_evals) };
  });
  return { run, status: outcome.status, step: outcome.step, dir: outcome.dir, final, evals };
}

/** The runs side by side: status, final reward/accuracy/tracks, and each evaluation before → after. */
export function summaryTable(rows: readonly RunSummaryRow[]): string[][] {
  const finals = [...new Set(rows.flatMap((r) => Object.keys(r.final)))];
  const evals = [...new Set(rows.flatMap((r) => r.evals.map((e) => e.metric)))];
  const number = (v: number | null | undefined) => (v === null || v === undefined ? "-" : v.toFixed(3));
  return [
    ["run", "status", "steps", ...finals, ...evals.map((e) => `${e} before→after`)],
    ...rows.map((r) => [
      r.run,
      r.status,
      String(r.step),
      ...finals.map((f) => number(r.final[f])),
      ...evals.map((metric) => {
        const e = r.evals.find((x) => x.metric === metric);
        return e ? `${number(e.before)}→${number(e.after)}` : "-";
      }),
    ]),
  ];
}
