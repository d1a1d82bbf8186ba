import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic, formatSummary } from "../diagnostics/format.js";

/** Where a command writes: real streams in the CLI, buffers in tests. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** The stream err() writes to, when it is one: diagnostics are coloured when it shows colours. */
  readonly errStream?: NodeJS.WritableStream;
}

export function processOutput(): Output {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    errStream: process.stderr,
  };
}

/** Prints diagnostics and a one-line summary to stderr; returns whether any was an error. */
export function reportDiagnostics(io: Output, diagnostics: readonly Diagnostic[], fileCount: number, quietWhenClean = false): boolean {
  for (const d of diagnostics) io.err(`${formatDiagnostic(d, { stream: io.errStream })}\n\n`);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (!(quietWhenClean && diagnostics.length === 0)) io.err(`${formatSummary(errors, warnings, fileCount)}\n`);
  return errors > 0;
}

/** A mistake in how the command was called: no stack trace, a pointer to --help. */
export class UsageError extends Error {}
