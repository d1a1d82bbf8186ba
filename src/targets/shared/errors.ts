/**
 * Why an experiment cannot be exported as written: each problem names the field (or clause) and
 * says why, and all of them are reported at once. A user mistake, never a stack trace.
 */
export interface ExportProblem {
  /** `grpo.whiten_advantages`, `labels`, `eval`, `model`, `reward`… */
  readonly field: string;
  readonly reason: string;
}

export class ExportError extends Error {
  constructor(
    readonly run: string,
    readonly target: string,
    readonly problems: readonly ExportProblem[],
  ) {
    super(`run '${run}' cannot be exported to ${target}:\n${problems.map((p) => `  ${p.field}: ${p.reason}`).join("\n")}`);
    this.name = "ExportError";
  }
}
