import { duration, fixed, progressBar, truncate } from "../text/format.js";
import type { RunViewState } from "./runState.js";
import type { SweepCell, SweepViewState } from "./sweepState.js";

const BAR_WIDTH = 10;
/** A stage's name before training (pretraining, labelling) is cut to this many characters. */
const PHASE_CHARS = 36;

/**
 * The sweep view's table, as cells: a row per run with its status, how far it has come, its last
 * step's reward, accuracy and tracked frequencies, and each evaluation (previous → latest).
 */
export function sweepRows(state: SweepViewState): string[][] {
  const tracks = [...new Set(state.cells.flatMap((c) => Object.keys(c.run.latest?.tracks ?? {})))];
  const metrics = [...new Set(state.cells.flatMap((c) => c.run.evals.map((e) => e.metric)))];
  const number = (v: number | undefined) => (v === undefined ? "-" : fixed(v, 3));
  return [
    ["run", "status", "progress", "reward", "accuracy", ...tracks, ...metrics],
    ...state.cells.map((cell) => {
      const latest = cell.run.latest;
      return [
        cell.name,
        cell.status,
        progress(cell),
        number(latest?.reward_mean),
        number(latest?.accuracy),
        ...tracks.map((t) => number(latest?.tracks[t])),
        ...metrics.map((m) => evaluation(cell.run, m)),
      ];
    }),
  ];
}

function progress(cell: SweepCell): string {
  const run = cell.run;
  if (cell.status === "waiting") return "";
  if (run.latest === null && run.outcome === null) {
    const phase = run.phases.at(-1);
    if (phase === undefined) return "starting";
    const share = phase.progress === null ? "" : ` ${Math.floor(phase.progress * 100)}%`;
    return `${truncate(phase.name, PHASE_CHARS)}${share}`;
  }
  if (run.totalSteps === 0) return `step ${run.step}`;
  const eta = run.outcome === null ? ` ETA ${duration(run.etaSeconds)}` : "";
  return `${progressBar(run.step, run.totalSteps, BAR_WIDTH)} ${run.step}/${run.totalSteps}${eta}`;
}

/** The latest result of a metric, after the one before it when there is one: `0.940→0.945`. */
function evaluation(run: RunViewState, metric: string): string {
  const row = run.evals.find((e) => e.metric === metric);
  if (row === undefined) return "-";
  return row.previous === null ? fixed(row.value, 3) : `${fixed(row.previous, 3)}→${fixed(row.value, 3)}`;
}
