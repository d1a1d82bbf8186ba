import type { RunEvent } from "../runtime/executor/events.js";

/** Where a running experiment's events go: the executor pushes each one, then awaits `done`. */
export interface RunOutput {
  push(event: RunEvent): void;
  /** Renders the final state and releases the terminal, so the process can exit. */
  done(): Promise<void>;
}
