import type { RunOutcome } from "./runState.js";

/** How a run ended, in one line; the plain log and the Ink view's status line both print it. */
export function outcomeLine(done: RunOutcome): string {
  const note = done.message === null ? "" : ` (${done.message})`;
  switch (done.status) {
    case "completed":
      return `done: completed after ${done.step} steps${note}; run directory ${done.runDir}`;
    case "interrupted":
      return done.resumeCommand === null
        ? `interrupted after step ${done.step}${note}; run directory ${done.runDir}`
        : `interrupted after step ${done.step}${note}: resume with ${done.resumeCommand}`;
    case "failed":
      return `failed after step ${done.step}: ${done.message ?? "unknown error"}; run directory ${done.runDir}`;
  }
}
