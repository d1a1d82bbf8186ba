import { render } from "ink";
import type { ReactElement } from "react";
import type { EventOutput } from "./runOutput.js";

/** A live Ink view folded from a stream of events; Ink throttles redraws, so pushing every event is cheap. */
export function startInkView<S, E>(initial: S, reduce: (state: S, event: E) => S, view: (state: S) => ReactElement, stdout: NodeJS.WriteStream): EventOutput<E> {
  let state = initial;
  // Ctrl-C belongs to the command, which stops after a checkpoint; Ink must not exit on it.
  const ink = render(view(state), { stdout, exitOnCtrlC: false });
  return {
    push(event) {
      state = reduce(state, event);
      ink.rerender(view(state));
    },
    async done() {
      ink.unmount();
      await ink.waitUntilExit();
    },
  };
}
