import { chooseRunOutput } from "./openRunOutput.js";
import { createPlainLogger } from "./plainLog.js";
import type { EventOutput } from "./runOutput.js";
import { startSweepView } from "./startSweepView.js";
import { STOPPING_MESSAGE, type SweepEvent } from "./sweepState.js";

/** Where `rlx run --jobs` reports its runs: the sweep view on a terminal, prefixed plain lines elsewhere. */
export type SweepOutput = EventOutput<SweepEvent>;

export interface SweepOutputTarget {
  readonly file: string;
  readonly runs: readonly string[];
  readonly jobs: number;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export function openSweepOutput(target: SweepOutputTarget, stdout: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): SweepOutput {
  if (chooseRunOutput({ isTTY: stdout.isTTY, ci: env["CI"] }) === "ink") return startSweepView(target, stdout);
  return plainSweepOutput(target);
}

/** Each run's events as its own plain log would print them, every line prefixed with the run's name. */
export function plainSweepOutput({ runs, out, err }: SweepOutputTarget): SweepOutput {
  const loggers = runs.map((name) => createPlainLogger((line) => out(`[${name}] ${line}\n`)));
  return {
    push(event) {
      switch (event.type) {
        case "cell-start":
          return out(`[${runs[event.index]}] run ${event.index + 1}/${runs.length}\n`);
        case "cell-event":
          return loggers[event.index]!(event.event);
        case "cell-text":
          return out(`[${runs[event.index]}] ${event.line}\n`);
        case "cell-exit":
          return;
        case "stopping":
          return err(`rlx run: ${STOPPING_MESSAGE}\n`);
      }
    },
    done: async () => {},
  };
}
