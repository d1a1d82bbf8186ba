import { render } from "ink";
import type { RunOutput } from "./runOutput.js";
import { RunView } from "./RunView.js";
import { initialRunState, reduceRun } from "./runState.js";

/** The live Ink view on a terminal. Ink throttles redraws, so pushing every event is cheap. */
export function startRunView(stdout: NodeJS.WriteStream = process.stdout): RunOutput {
  let state = initialRunState;
  // Ctrl-C belongs to the executor, which stops after a checkpoint; Ink must not exit on it.
  const ink = render(<RunView state={state} />, { stdout, exitOnCtrlC: false });
  return {
    push(event) {
      state = reduceRun(state, event);
      ink.rerender(<RunView state={state} />);
    },
    async done() {
      ink.unmount();
      await ink.waitUntilExit();
    },
  };
}
