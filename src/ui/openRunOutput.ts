import { EVENTS_ENV, eventLine } from "./eventLines.js";
import { createPlainLogger } from "./plainLog.js";
import type { RunOutput } from "./runOutput.js";
import { startRunView } from "./startRunView.js";

export type RunOutputKind = "ink" | "plain";

/**
 * The live view needs a terminal to redraw in; a pipe, a file or a CI log gets plain lines.
 * `ci` is the CI environment variable: set to anything but "", "0" or "false" counts.
 */
export function chooseRunOutput({ isTTY, ci }: { isTTY: boolean | undefined; ci: string | undefined }): RunOutputKind {
  const inCi = ci !== undefined && !["", "0", "false"].includes(ci.toLowerCase());
  return isTTY === true && !inCi ? "ink" : "plain";
}

/** The output `rlx run` uses: Ink on a terminal, plain lines elsewhere, event lines for a parent `rlx run --jobs`. */
export function openRunOutput(stdout: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): RunOutput {
  if (env[EVENTS_ENV] === "jsonl") return { push: (event) => stdout.write(`${eventLine(event)}\n`), done: async () => {} };
  if (chooseRunOutput({ isTTY: stdout.isTTY, ci: env["CI"] }) === "ink") return startRunView(stdout);
  const log = createPlainLogger((line) => stdout.write(`${line}\n`));
  return { push: log, done: async () => {} };
}
