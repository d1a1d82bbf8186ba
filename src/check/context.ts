import type { DiagnosticKind } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic, type RelatedInfo } from "../diagnostics/diagnostic.js";
import type { Range } from "../diagnostics/source.js";
import type { Host } from "./host.js";
import type { LoadedModule } from "./modules.js";

/** What every checking step shares: the host and the diagnostics found so far. */
export class CheckContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly host: Host) {}

  report(kind: DiagnosticKind, module: LoadedModule, range: Range, message: string, extra: { hint?: string; related?: RelatedInfo[] } = {}): void {
    this.diagnostics.push(diagnostic(kind, module.file, range, message, extra));
  }
}
