import { render } from "ink";
import { createElement } from "react";
import { App } from "../../repl/App.js";
import { REPL_HELP, ReplSession } from "../../repl/session.js";
import { UsageError, type Output } from "../output.js";

export const replHelp = `rlx repl

An interactive session for reward expressions: set a response and a label, type expressions,
and see each sub-term's value and why (the extracted \\boxed{} answer, the forms compared, the
substring found, the random draw).

${REPL_HELP}`;

export async function replCommand(args: string[], io: Output): Promise<number> {
  if (args.length > 0) throw new UsageError("rlx repl takes no arguments (use :load FILE.rlx inside it)");
  if (!process.stdin.isTTY) {
    io.err("rlx repl needs a terminal: its input is not one. To score responses from a script, use rlx reward.\n");
    return 2;
  }
  const app = render(createElement(App, { session: new ReplSession() }), { exitOnCtrlC: true });
  await app.waitUntilExit();
  return 0;
}
