import type { RunEvent } from "../runtime/executor/events.js";

/**
 * `rlx run --jobs` starts each run in a child `rlx run`; with this variable set to `jsonl` the
 * child reports its events as JSON lines on stdout instead of rendering them, and the parent
 * renders every child's events in one view (or as prefixed plain lines).
 */
export const EVENTS_ENV = "RLX_EVENTS";

// A record, so a new kind of event that is missing here fails to compile.
const EVENT_TYPES: Readonly<Record<RunEvent["type"], true>> = { start: true, phase: true, progress: true, step: true, eval: true, sample: true, checkpoint: true, warning: true, log: true, done: true };

export function eventLine(event: RunEvent): string {
  return JSON.stringify(event);
}

/** The event a child's line carries, or null for any other line (an error message on stderr). */
export function parseEventLine(line: string): RunEvent | null {
  if (!line.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null) return null;
    const type = (value as { type?: unknown }).type;
    return typeof type === "string" && Object.hasOwn(EVENT_TYPES, type) ? (value as RunEvent) : null;
  } catch {
    return null;
  }
}
