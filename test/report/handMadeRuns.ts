import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Hand-made run directories in the layout `rlx run` writes (README "Running experiments"), for the report's tests. */

export const TEST_DATA = "arith(test: 10, seed: 1, difficulty: 2)";

const CODE_ANSWER = "python\nx = 12 + 30  # 2+0=2 1+3=4 -> 42\nprint(x)\n\\boxed{42}";
const LANG_ANSWER = "12 plus 30: 2 plus 0 is 2, 1 plus 3 is 4, so 42.\n\\boxed{42}";

/** An answer in one style; its `tracks` deliberately disagree with it, so a test shows the report reads the text. */
export function answer(step: number, index: number, style: "Code" | "Lang", correct: boolean, metric = "pass@1", data = TEST_DATA) {
  return { step, data, metric, index, response: style === "Code" ? CODE_ANSWER : LANG_ANSWER, correct, tracks: { looks_like_code: style === "Code" ? 0 : 1 } };
}

export type EvalAnswer = ReturnType<typeof answer>;

/** A problem's greedy answers before (step 0) and after (`after`) training: `"Code→Lang"`, correct before and after. */
export function problem(index: number, change: `${"Code" | "Lang"}→${"Code" | "Lang"}`, correct: [boolean, boolean], after = 10) {
  const [before, later] = change.split("→") as ["Code" | "Lang", "Code" | "Lang"];
  return [answer(0, index, before, correct[0]), answer(after, index, later, correct[1])];
}

/** A track definition as graph.json keeps it: `contains("python")` unless told otherwise. */
export function containsTrack(name: string, text = "python", ignoreCase = false) {
  return { name, expression: { kind: "call", fn: "contains", args: { text: { kind: "string", value: text }, ignore_case: { kind: "bool", value: ignoreCase } } } };
}

export interface HandMadeRun {
  readonly run: string;
  readonly steps?: number;
  readonly metrics?: readonly object[];
  readonly evals?: readonly object[];
  readonly evalSamples?: readonly object[];
  readonly samples?: readonly object[];
  /** graph.json's track node; no graph.json when absent. */
  readonly tracks?: readonly object[];
  /** config.json's clip bounds (both null: `clip: none`); the preset's 0.2 when absent. */
  readonly clip?: number | null;
  /** summary.json's status; no summary.json when absent. */
  readonly status?: string;
  /** summary.json's message: why a failed run failed. */
  readonly failure?: string;
}

/** Writes the run's files into `dir` (only those the run has); returns `dir`. */
export function writeRun(dir: string, run: HandMadeRun): string {
  mkdirSync(dir, { recursive: true });
  const json = (name: string, value: unknown) => writeFileSync(path.join(dir, name), `${JSON.stringify(value, null, 2)}\n`);
  const jsonl = (name: string, rows: readonly object[] | undefined) => {
    if (rows !== undefined) writeFileSync(path.join(dir, name), rows.map((r) => `${JSON.stringify(r)}\n`).join(""));
  };
  json("meta.json", { run: run.run, file: "hand/made.rlx", seed: 3, steps: run.steps ?? 10, backend: "wasm (SIMD on, 1 thread)" });
  const clip = run.clip === undefined ? 0.2 : run.clip;
  json("config.json", { run: run.run, reward: "random(p: 0.5)", update: { clip_low: clip, clip_high: clip } });
  if (run.tracks !== undefined) json("graph.json", { format: "rlx.graph/1", nodes: [{ id: "track-1", kind: "track", params: { tracks: run.tracks } }] });
  if (run.status !== undefined) json("summary.json", { status: run.status, step: run.steps ?? 10, ...(run.failure === undefined ? {} : { message: run.failure }) });
  jsonl("metrics.jsonl", run.metrics);
  jsonl("evals.jsonl", run.evals);
  jsonl("eval_samples.jsonl", run.evalSamples);
  jsonl("samples.jsonl", run.samples);
  return dir;
}

/** A step of metrics.jsonl with the fields the report reads. */
export function stepRow(step: number, accuracy: number, code: number, clipLow: number, clipHigh: number) {
  return { step, reward_mean: accuracy / 2, accuracy, tracks: { code_frequency: code }, clip_frac_low: clipLow, clip_frac_high: clipHigh, kl: 0, entropy: 0.1 };
}

/**
 * The ten-problem switch the tests compute by hand, step 0 → step 10:
 *   Code→Code  #0–3  correct 3 → 4
 *   Code→Lang  #4–5  correct 2 → 1
 *   Lang→Code  #6–8  correct 1 → 3
 *   Lang→Lang  #9    correct 0 → 1
 * plus a middle evaluation at step 5 (all Lang, all wrong) that the switch must ignore.
 */
export function tenProblemAnswers() {
  return [
    ...problem(0, "Code→Code", [true, true]),
    ...problem(1, "Code→Code", [true, true]),
    ...problem(2, "Code→Code", [true, true]),
    ...problem(3, "Code→Code", [false, true]),
    ...problem(4, "Code→Lang", [true, false]),
    ...problem(5, "Code→Lang", [true, true]),
    ...problem(6, "Lang→Code", [false, true]),
    ...problem(7, "Lang→Code", [false, true]),
    ...problem(8, "Lang→Code", [true, true]),
    ...problem(9, "Lang→Lang", [false, true]),
    ...Array.from({ length: 10 }, (_, i) => answer(5, i, "Lang", false)),
  ];
}

/** A complete hand-made run: ten training steps, evaluations at 0, 5 and 10, the ten-problem switch. */
export function completeRun(run = "hand_made"): Omit<HandMadeRun, "evalSamples"> & { readonly evalSamples: readonly EvalAnswer[] } {
  return {
    run,
    status: "completed",
    tracks: [containsTrack("code_frequency")],
    metrics: Array.from({ length: 10 }, (_, i) => stepRow(i + 1, 0.5 + i * 0.04, 0.6 + i * 0.03, i === 2 ? 0.004 : 0, i / 1000)),
    evals: [
      { step: 0, data: TEST_DATA, metric: "pass@1", value: 0.6, tracks: { code_frequency: 0.6 } },
      { step: 5, data: TEST_DATA, metric: "pass@1", value: 0, tracks: { code_frequency: 0 } },
      { step: 10, data: TEST_DATA, metric: "pass@1", value: 0.9, tracks: { code_frequency: 0.7 } },
    ],
    evalSamples: tenProblemAnswers(),
  };
}
