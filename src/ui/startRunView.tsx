import { startInkView } from "./inkView.js";
import type { RunOutput } from "./runOutput.js";
import { RunView } from "./RunView.js";
import { initialRunState, reduceRun } from "./runState.js";

/** The live Ink view of one run on a terminal. */
export function startRunView(stdout: NodeJS.WriteStream = process.stdout): RunOutput {
  return startInkView(initialRunState, reduceRun, (state) => <RunView state={state} />, stdout);
}
