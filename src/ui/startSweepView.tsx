import { render } from "ink";
import type { SweepOutput, SweepOutputTarget } from "./sweepOutput.js";
import { initialSweepState, reduceSweep } from "./sweepState.js";
import { SweepView } from "./SweepView.js";

/** The live sweep view on a terminal; Ctrl-C belongs to `rlx run --jobs`, which stops the children. */
export function startSweepView({ file, runs, jobs }: SweepOutputTarget, stdout: NodeJS.WriteStream = process.stdout): SweepOutput {
  let state = initialSweepState(file, runs, jobs);
  const ink = render(<SweepView state={state} />, { stdout, exitOnCtrlC: false });
  return {
    push(event) {
      state = reduceSweep(state, event);
      ink.rerender(<SweepView state={state} />);
    },
    async done() {
      ink.unmount();
      await ink.waitUntilExit();
    },
  };
}
