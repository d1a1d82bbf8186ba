import type { RunEvent } from "../runtime/executor/events.js";
import { duration, fixed, signed, truncate } from "../text/format.js";
import { outcomeLine } from "./outcome.js";
import { initialRunState, reduceRun, type EvalRow, type RunViewState } from "./runState.js";

/** A sample's response on one line: long enough to recognise, short enough to scan. */
const SAMPLE_CHARS = 80;

/**
 * The non-TTY / CI rendering: one line per event (one per result for an eval), stable and
 * greppable (`key=value`, fixed decimals). It folds events through the same reducer as the Ink
 * view, so eval deltas and step totals agree with what a terminal shows.
 */
export function createPlainLogger(write: (line: string) => void): (event: RunEvent) => void {
  let state = initialRunState;
  return (event) => {
    const before = state;
    state = reduceRun(state, event);
    for (const line of plainLines(event, state, before)) write(line);
  };
}

/** `state` is the state after `event`, `before` the one it replaced. */
function plainLines(event: RunEvent, state: RunViewState, before: RunViewState): string[] {
  switch (event.type) {
    case "start": {
      const resumed = event.resumedFrom === null ? "" : ` resumed_from=${event.resumedFrom}`;
      const position = event.position === null ? "" : ` run=${event.position.index}/${event.position.total}`;
      return [`start ${event.run} ${event.file} backend=${event.backend} steps=${event.steps} dir=${event.runDir}${resumed}${position}`];
    }
    case "phase":
      return [`phase ${event.name}${event.cached ? " (cached)" : ""}`];
    case "progress": {
      // A line per tenth: a long pretraining logs ten lines, not a thousand.
      const tenth = (s: RunViewState) => Math.floor(10 * (s.phases.find((p) => p.name === event.name)?.progress ?? 0));
      return tenth(state) > tenth(before) ? [`progress ${event.name} ${event.done}/${event.total}`] : [];
    }
    case "step": {
      const m = event.metrics;
      const tracks = Object.entries(m.tracks).map(([name, v]) => `${name}=${fixed(v, 3)}`);
      return [
        [
          `step ${state.totalSteps > 0 ? `${m.step}/${state.totalSteps}` : m.step}`,
          `reward=${fixed(m.reward_mean, 3)}`,
          `acc=${fixed(m.accuracy, 3)}`,
          ...tracks,
          `clip=${fixed(m.clip_frac_low + m.clip_frac_high, 3)}`,
          `kl=${fixed(m.kl, 4)}`,
          `len=${fixed(m.response_length, 1)}`,
          `eta=${duration(event.etaSeconds)}`,
        ].join(" "),
      ];
    }
    case "eval":
      return event.results.map((r) => evalLine(state.evals.find((row) => row.data === r.data && row.metric === r.metric)!));
    case "sample":
      return [`sample step ${event.step} reward=${fixed(event.reward, 3)} response=${JSON.stringify(truncate(event.response, SAMPLE_CHARS))}`];
    case "checkpoint":
      return [`checkpoint step ${event.step} ${event.path}`];
    case "warning":
      return [`warning: ${event.message}`];
    case "log":
      return [`${event.source} | ${event.line}`];
    case "done":
      return [outcomeLine(event)];
  }
}

function evalLine(row: EvalRow): string {
  const delta = row.previous === null ? "" : ` (${signed(row.value - row.previous, 3)})`;
  const tracks = Object.entries(row.tracks).map(([name, v]) => ` ${name}=${fixed(v, 3)}`).join("");
  return `eval step ${row.step} ${row.data} ${row.metric}=${fixed(row.value, 3)}${delta}${tracks}`;
}
