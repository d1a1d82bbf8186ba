import { parseArgs } from "node:util";
import { createConnection } from "vscode-languageserver/node";
import { startServer } from "../../lsp/server.js";
import type { Output } from "../output.js";

export const lspHelp = `rlx lsp [--stdio]

Runs the rlx language server over standard input and output, for an editor to start (the VS Code
extension in editors/vscode/ does). It gives:
  diagnostics   what rlx check reports, with codes, as you type (unsaved text and imports included)
  hover         the docs of built-ins and their parameters, GRPO fields, metrics and definitions
  completion    keywords, built-ins, names in scope (stdlib imports too), GRPO fields in grpo { … }
  definition    where a named reward, definition, preset or experiment is defined, across imports
--stdio is accepted, since language clients add it; standard input and output is the only transport.`;

export async function lspCommand(args: string[], _io: Output): Promise<number> {
  parseArgs({ args, options: { stdio: { type: "boolean" }, clientProcessId: { type: "string" } } });
  // Standard output carries the protocol: anything a library prints goes to standard error instead.
  console.log = console.info = console.debug = console.error;
  const connection = createConnection(process.stdin, process.stdout);
  startServer(connection);
  // The library ends the process after the client's `exit` (status 0 after `shutdown`, 1 without).
  await new Promise<void>((resolve) => connection.onExit(resolve));
  return 0;
}
