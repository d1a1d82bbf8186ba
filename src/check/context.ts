import type { DiagnosticMessage } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic, type RelatedInfo } from "../diagnostics/diagnostic.js";
import type { Range } from "../diagnostics/source.js";
import type { Host } from "./host.js";
import type { LoadedModule } from "./modules.js";

/** What every checking step shares: the host and the diagnostics found so far. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly host: Host) {}

  /** Reports a message from the catalogue (`Diag.UnknownName({ … })`) at `range` in `module`. */
  report(message: DiagnosticMessage, module: LoadedModule, range: Range, related?: RelatedInfo[]): void {
    this.diagnostics.push(diagnostic(message, module.file, range, related));
  }
}
