import { startInkView } from "./inkView.js";
import type { SweepOutput, SweepOutputTarget } from "./sweepOutput.js";
import { initialSweepState, reduceSweep } from "./sweepState.js";
import { SweepView } from "./SweepView.js";

/** The live sweep view on a terminal; Ctrl-C belongs to `rlx run --jobs`, which stops the children. */
export function startSweepView({ file, runs, jobs }: SweepOutputTarget, stdout: NodeJS.WriteStream = process.stdout): SweepOutput {
  return startInkView(initialSweepState(file, runs, jobs), reduceSweep, (state) => <SweepView state={state} />, stdout);
}
