import type { RunEvent } from "../runtime/executor/events.js";

/** Where a stream of events goes (a view, a log): the producer pushes each one, then awaits `done`. */
export interface EventOutput<E> {
  push(event: E): void;
  /** Renders the final state and releases the terminal, so the process can exit. */
  done(): Promise<void>;
}

/** Where a running experiment's events go. */
export type RunOutput = EventOutput<RunEvent>;
