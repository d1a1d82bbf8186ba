import path from "node:path";
import { nodeHost, type Host } from "../check/host.js";
import { checkReward } from "../check/program.js";
import type { Type } from "../check/types.js";
import type { Value } from "../core/values.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../diagnostics/source.js";
import { parse } from "../syntax/parse.js";
import { printExpr } from "../syntax/printer.js";

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

/** The session `rlx reward` and `rlx audit` check in: the defaults plus each `--import` file. */
export function sessionImporting(files: readonly string[], host: Host = nodeHost()): Session {
  return { imports: [...new Set([...DEFAULT_IMPORTS, ...files.flatMap((f) => importsForFile(f, host))])], definitions: [] };
}

export type PreparedReward =
  | { readonly ok: true; readonly value: Value; readonly type: Type; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Checks `expression` in the session; every mistake (a pattern RE2 cannot run too) comes back as a diagnostic. */
export function prepareReward(expression: string, session: Session, host: Host = nodeHost()): PreparedReward {
  const checked = checkReward(expression, sessionSource(session), host);
  if (!checked.value || !checked.type) return { ok: false, diagnostics: checked.diagnostics };
  return { ok: true, value: checked.value, type: checked.type, diagnostics: checked.diagnostics };
}

function quote(text: string): string {
  return printExpr({ kind: "StringLit", value: text, range: { start: 0, end: 0 } });
}
