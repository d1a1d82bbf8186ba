import { checkProgram } from "../../check/program.js";
import { reportDiagnostics, UsageError, type Output } from "../output.js";

export const checkHelp = `rlx check FILE…

Parses and checks .rlx files: syntax, imports, names, types and value ranges.
Prints every diagnostic as file:line:col with the source line and a caret.
Exit status: 0 when there are no errors (warnings allowed), 1 otherwise.`;

export function checkCommand(args: string[], io: Output): number {
  if (args.length === 0) throw new UsageError("rlx check needs at least one FILE");
  const program = checkProgram(args);
  const failed = reportDiagnostics(io, program.diagnostics, program.files.length);
  if (!failed) {
    const cells = program.sweeps.reduce((n, s) => n + s.cells.length, 0);
    const sweeps = program.sweeps.length ? `, ${program.sweeps.length} sweep${program.sweeps.length > 1 ? "s" : ""} (${cells} cells)` : "";
    io.err(`ok: ${program.experiments.length} experiment${program.experiments.length === 1 ? "" : "s"}${sweeps}\n`);
  }
  return failed ? 1 : 0;
}
