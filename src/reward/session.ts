import path from "node:path";
import { nodeHost, type Host } from "../check/host.js";
import { checkReward, INPUT_NAME } from "../check/program.js";
import type { Type } from "../check/types.js";
import type { Value } from "../check/values.js";
import { Diag } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceFile, type Range } from "../diagnostics/source.js";
import { parse } from "../syntax/parse.js";
import { printExpr } from "../syntax/printer.js";
import { RewardCompileError } from "./compileError.js";
import { compiledReward } from "./evaluate.js";

/**
 * A reward session: the imports and definitions that expressions typed at `rlx reward`, `rlx audit`
 * and the REPL are checked against. Every session imports the paper's rewards and the templates.
 */
export const DEFAULT_IMPORTS: readonly string[] = ["stdlib/rewards", "stdlib/templates"];

export interface Session {
  /** Import paths as an `import` declaration takes them: `stdlib/…` or absolute. */
  readonly imports: readonly string[];
  /** Definitions in rlx, one per entry (`reward short = length < 400`). */
  readonly definitions: readonly string[];
}

export function sessionSource(session: Session): string {
  const imports = session.imports.map((i) => `import ${quote(i)}\n`);
  return [...imports, ...session.definitions.map((d) => `${d}\n`)].join("");
}

/**
 * What loading `file` adds to a session's imports: the file, and what the file imports itself
 * (imports are not transitive in rlx, and its definitions are usually written against them).
 * An unreadable file is still returned: checking the session then reports it.
 */
export function importsForFile(file: string, host: Host = nodeHost()): string[] {
  const absolute = path.resolve(host.cwd, file);
  const bytes = host.readFile(absolute);
  if ("error" in bytes) return [absolute];
  const { module } = parse(new SourceFile(file, new TextDecoder().decode(bytes)));
  const own = module.items.flatMap((item) => (item.kind === "ImportDecl" ? [item.path.value] : []));
  return [absolute, ...own.map((spec) => (spec.startsWith("stdlib/") ? spec : path.resolve(path.dirname(absolute), spec)))];
}

export type PreparedReward =
  | { readonly ok: true; readonly value: Value; readonly type: Type; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Checks `expression` in the session and compiles it; every mistake comes back as a diagnostic. */
export function prepareReward(expression: string, session: Session, host: Host = nodeHost()): PreparedReward {
  const checked = checkReward(expression, sessionSource(session), host);
  if (!checked.value || !checked.type) return { ok: false, diagnostics: checked.diagnostics };
  try {
    compiledReward(checked.value);
  } catch (error) {
    if (!(error instanceof RewardCompileError)) throw error;
    return { ok: false, diagnostics: [...checked.diagnostics, compileErrorDiagnostic(error, expression)] };
  }
  return { ok: true, value: checked.value, type: checked.type, diagnostics: checked.diagnostics };
}

/** Points at the pattern when the expression spells it out, else at the whole expression. */
function compileErrorDiagnostic(error: RewardCompileError, expression: string): Diagnostic {
  const file = new SourceFile(INPUT_NAME, expression);
  let range: Range = { start: 0, end: expression.length };
  if (error.pattern !== undefined) {
    const literal = quote(error.pattern);
    const at = expression.indexOf(literal);
    if (at >= 0) range = { start: at, end: at + literal.length };
  }
  return diagnostic(Diag.InvalidRegex({ case: "unsupported", message: error.message }), file, range);
}

function quote(text: string): string {
  return printExpr({ kind: "StringLit", value: text, range: { start: 0, end: 0 } });
}
