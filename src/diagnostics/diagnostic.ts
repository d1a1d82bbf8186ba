import type { DiagnosticMessage, Severity } from "./codes.js";
import type { Range, SourceFile } from "./source.js";

/** A related location shown under the main message ("first defined here"). */
export interface RelatedInfo {
  file: SourceFile;
  range: Range;
  message: string;
}

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file: SourceFile;
  range: Range;
  /** A short suggestion printed after the caret line. */
  hint?: string;
  related?: RelatedInfo[];
}

/** Places a message from the catalogue (`Diag.UnknownName({ … })`) in a file. */
export function diagnostic(
  message: DiagnosticMessage,
  file: SourceFile,
  range: Range,
  related?: RelatedInfo[],
): Diagnostic {
  return { ...message, file, range, ...(related ? { related } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by file, then position, so output is stable whatever order phases found them. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0) ||
      a.range.start - b.range.start ||
      a.code.localeCompare(b.code),
  );
}
