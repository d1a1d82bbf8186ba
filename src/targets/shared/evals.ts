import type { ExportProblem } from "./errors.js";
import type { ExportedRun } from "./run.js";

/**
 * The evaluations an engine runs during training. verl and OpenRLHF validate with one sampling
 * setting per run (a number of samples per prompt and a temperature) at one frequency, so the
 * run's evaluation metrics must agree on them; `--eval METRIC` picks one when they do not, and
 * `--eval none` exports no evaluation. pass@1 and avg@k map (the engines report the mean score
 * over the samples); maj@k and pass@k with k > 1 have no equivalent and are refused.
 */
export interface EvalSelection {
  /** Indices into the run's evaluations. */
  readonly evals: readonly number[];
  readonly samples: number;
  readonly temperature: number;
  /** Evaluate every this many steps; null: before training and after the last step only. */
  readonly every: number | null;
  /** The metrics the engine reports, as rlx names them (`pass@1`, `avg@8`). */
  readonly metrics: readonly string[];
}

export function selectEvals(
  exp: ExportedRun,
  choice: string | null,
  engine: string,
): { selection: EvalSelection | null; notes: string[]; problems: ExportProblem[] } {
  const evals = exp.plan.evals;
  const all = evals.flatMap((e, i) => e.metrics.map((m) => ({ eval: i, data: e.data, name: `${m.name}@${m.k}`, kind: m.name, k: m.k, temperature: m.temperature, every: e.every })));
  if (all.length === 0) return { selection: null, notes: [], problems: [] };
  const listed = all.map((m) => `${m.name}(temperature: ${m.temperature}) on ${m.data}`);
  if (choice === "none") return { selection: null, notes: [`evaluations not exported (--eval none): ${listed.join("; ")}`], problems: [] };

  const chosen = choice === null ? all : all.filter((m) => m.name === choice);
  if (chosen.length === 0) {
    return { selection: null, notes: [], problems: [{ field: "eval", reason: `the run has no evaluation metric ${choice} (it has ${[...new Set(all.map((m) => m.name))].join(", ")})` }] };
  }
  const problems: ExportProblem[] = [];
  for (const m of chosen) {
    if (m.kind === "maj") problems.push({ field: "eval", reason: `${m.name} on ${m.data}: ${engine} does not grade a majority answer among samples; choose another metric with --eval, or --eval none` });
    else if (m.kind === "pass" && m.k > 1) problems.push({ field: "eval", reason: `${m.name} on ${m.data}: ${engine} reports the mean score over samples, not whether any of ${m.k} is right; choose another metric with --eval, or --eval none` });
  }
  const temperatures = [...new Set(chosen.map((m) => m.temperature))];
  const samples = [...new Set(chosen.filter((m) => m.kind === "avg").map((m) => m.k))];
  if (temperatures.length > 1 || samples.length > 1) {
    problems.push({
      field: "eval",
      reason: `${engine} evaluates with one sampling setting per run, but ${chosen.map((m) => `${m.name} samples ${m.kind === "avg" ? m.k : 1} at temperature ${m.temperature}`).join(" and ")}; export one with --eval ${chosen[0]!.name} (or another), or --eval none`,
    });
  }
  const every = [...new Set(chosen.map((m) => m.every))];
  if (every.length > 1) problems.push({ field: "eval", reason: `${engine} evaluates at one frequency per run, but the evaluations run every ${every.map((e) => e ?? "(end only)").join(" and ")} steps` });
  if (problems.length > 0) return { selection: null, notes: [], problems };

  const notes: string[] = [];
  const left = all.filter((m) => !chosen.includes(m));
  if (left.length > 0) notes.push(`not evaluated by ${engine} (--eval ${choice}): ${left.map((m) => `${m.name} on ${m.data}`).join("; ")}`);
  const n = samples[0] ?? 1;
  if (n > 1 && chosen.some((m) => m.kind === "pass")) notes.push(`pass@1 is reported as the mean over the ${n} samples avg@${n} draws: the same expectation, better estimated`);
  return {
    selection: {
      evals: [...new Set(chosen.map((m) => m.eval))],
      samples: n,
      temperature: temperatures[0]!,
      every: every[0]!,
      metrics: [...new Set(chosen.map((m) => m.name))],
    },
    notes,
    problems: [],
  };
}
