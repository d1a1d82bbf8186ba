import path from "node:path";
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Host } from "../check/host.js";
import { checkProgram } from "../check/program.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../diagnostics/source.js";
import { lspRange } from "./positions.js";

/**
 * The diagnostics `rlx check` reports for one file, as LSP diagnostics. Imported files are
 * checked too (their names are needed), but each file's own problems are shown on that file.
 */
export function checkDocument(absolutePath: string, host: Host, uriOf: (absolutePath: string) => string): LspDiagnostic[] {
  const program = checkProgram([absolutePath], host);
  const entry = program.files[0]!;
  const fileUri = (file: SourceFile) => uriOf(path.resolve(host.cwd, file.path));
  return program.diagnostics.filter((d) => d.file.path === entry.path).map((d) => toLsp(d, fileUri));
}

function toLsp(d: Diagnostic, fileUri: (file: SourceFile) => string): LspDiagnostic {
  return {
    range: lspRange(d.file, d.range),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: "rlx",
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
    ...(d.related?.length
      ? { relatedInformation: d.related.map((r) => ({ location: { uri: fileUri(r.file), range: lspRange(r.file, r.range) }, message: r.message })) }
      : {}),
  };
}
