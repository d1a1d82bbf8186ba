import type { RunEvent } from "../runtime/executor/events.js";
import { initialRunState, reduceRun, type RunOutcome, type RunViewState, WARNINGS_KEPT } from "./runState.js";

/** What the first Ctrl-C of `rlx run --jobs` does, as both outputs say it. */
export const STOPPING_MESSAGE = "stopping each run after its step and checkpoint; no further run starts (Ctrl-C again to stop at once)";

export type CellStatus = "waiting" | "running" | RunOutcome["status"];

export interface SweepCell {
  readonly name: string;
  readonly status: CellStatus;
  readonly run: RunViewState;
}

/**
 * The state of `rlx run --jobs N`: every run of the invocation, each folded from its child's
 * events by the single-run reducer, so a cell's numbers are the ones its own view would show.
 */
export interface SweepViewState {
  readonly file: string;
  /** Runs at once. */
  readonly jobs: number;
  readonly cells: readonly SweepCell[];
  /** Warnings and error lines of every run, newest last, each prefixed with its run's name. */
  readonly warnings: readonly string[];
  readonly stopping: boolean;
}

export type SweepEvent =
  | { readonly type: "cell-start"; readonly index: number }
  | { readonly type: "cell-event"; readonly index: number; readonly event: RunEvent }
  /** A line of the child's that is not an event: an error message on its stderr. */
  | { readonly type: "cell-text"; readonly index: number; readonly line: string }
  /** The child exited, with how its run ended as its folder (or its exit) says; a run's own outcome event, when it sent one, stands. */
  | { readonly type: "cell-exit"; readonly index: number; readonly status: RunOutcome["status"] }
  | { readonly type: "stopping" };

export function initialSweepState(file: string, runs: readonly string[], jobs: number): SweepViewState {
  return { file, jobs, cells: runs.map((name) => ({ name, status: "waiting", run: initialRunState })), warnings: [], stopping: false };
}

export function reduceSweep(state: SweepViewState, event: SweepEvent): SweepViewState {
  switch (event.type) {
    case "cell-start":
      return updateCell(state, event.index, (cell) => ({ ...cell, status: "running" }));
    case "cell-event": {
      const next = updateCell(state, event.index, (cell) => {
        const run = reduceRun(cell.run, event.event);
        return { ...cell, run, status: run.outcome?.status ?? cell.status };
      });
      const inner = event.event;
      return inner.type === "warning" ? withWarning(next, event.index, inner.message) : next;
    }
    case "cell-text":
      return event.line.trim() === "" ? state : withWarning(state, event.index, event.line);
    case "cell-exit":
      return updateCell(state, event.index, (cell) => (cell.run.outcome !== null ? cell : { ...cell, status: event.status }));
    case "stopping":
      return { ...state, stopping: true };
  }
}

export function statusCounts(state: SweepViewState): Readonly<Record<CellStatus, number>> {
  const counts: Record<CellStatus, number> = { waiting: 0, running: 0, completed: 0, interrupted: 0, failed: 0 };
  for (const cell of state.cells) counts[cell.status] += 1;
  return counts;
}

function updateCell(state: SweepViewState, index: number, update: (cell: SweepCell) => SweepCell): SweepViewState {
  return { ...state, cells: state.cells.map((cell, i) => (i === index ? update(cell) : cell)) };
}

function withWarning(state: SweepViewState, index: number, message: string): SweepViewState {
  return { ...state, warnings: [...state.warnings, `[${state.cells[index]!.name}] ${message}`].slice(-WARNINGS_KEPT) };
}
