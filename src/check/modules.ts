import path from "node:path";
import { Diag } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { SourceFile } from "../diagnostics/source.js";
import type { ImportDecl, Module } from "../syntax/ast.js";
import { parse } from "../syntax/parse.js";
import { closest } from "../util/didYouMean.js";
import { displayPath, type Host } from "./host.js";

export interface LoadedModule {
  readonly absolutePath: string;
  readonly file: SourceFile;
  readonly ast: Module;
  /** Each import with the module it names, or null when that could not be loaded. */
  readonly imports: readonly { readonly decl: ImportDecl; readonly target: LoadedModule | null }[];
}

export interface LoadResult {
  readonly entries: readonly LoadedModule[];
  readonly modules: ReadonlyMap<string, LoadedModule>;
  readonly diagnostics: readonly Diagnostic[];
}

const STDLIB_PREFIX = "stdlib/";

/** Reads, parses and links the entry files and everything they import, reporting missing files and cycles. */
export function loadModules(entryPaths: readonly string[], host: Host): LoadResult {
  const modules = new Map<string, LoadedModule>();
  const diagnostics: Diagnostic[] = [];

  function load(absolutePath: string): LoadedModule {
    const known = modules.get(absolutePath);
    if (known) return known;
    const file = new SourceFile(displayPath(host, absolutePath), "");
    const text = readText(host, absolutePath, file, diagnostics);
    const source = text === null ? file : new SourceFile(file.path, text);
    const parsed = text === null ? null : parse(source);
    if (parsed) diagnostics.push(...parsed.diagnostics);
    const ast: Module = parsed?.module ?? { kind: "Module", items: [], range: { start: 0, end: 0 } };
    const imports: { decl: ImportDecl; target: LoadedModule | null }[] = [];
    const loaded: LoadedModule = { absolutePath, file: source, ast, imports };
    modules.set(absolutePath, loaded);
    for (const item of ast.items) {
      if (item.kind !== "ImportDecl") continue;
      const target = resolveImport(item, loaded, host, diagnostics);
      imports.push({ decl: item, target: target ? load(target) : null });
    }
    return loaded;
  }

  const entries = entryPaths.map((p) => load(path.resolve(host.cwd, p)));
  diagnostics.push(...findImportCycles(entries));
  return { entries, modules, diagnostics };
}

function readText(host: Host, absolutePath: string, file: SourceFile, diagnostics: Diagnostic[]): string | null {
  const bytes = host.readFile(absolutePath);
  if ("error" in bytes) {
    diagnostics.push(diagnostic(Diag.FileUnreadable({ path: file.path, reason: bytes.error }), file, { start: 0, end: 0 }));
    return null;
  }
  const text = decodeUtf8(bytes);
  if (text === null || text.includes("\u0000")) {
    diagnostics.push(diagnostic(Diag.FileNotText({ path: file.path }), file, { start: 0, end: 0 }));
    return null;
  }
  return text;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function resolveImport(decl: ImportDecl, from: LoadedModule, host: Host, diagnostics: Diagnostic[]): string | null {
  const spec = decl.path.value;
  const withExtension = spec.endsWith(".rlx") ? spec : `${spec}.rlx`;
  const candidate = withExtension.startsWith(STDLIB_PREFIX)
    ? path.join(host.stdlibDir, withExtension.slice(STDLIB_PREFIX.length))
    : path.resolve(path.dirname(from.absolutePath), withExtension);
  if (spec.length > 0 && host.isFile(candidate)) return candidate;
  const siblings = spec.startsWith(STDLIB_PREFIX) ? stdlibNames(host) : [];
  const suggestion = closest(spec, siblings);
  const lookedFor = spec.startsWith(STDLIB_PREFIX) ? undefined : displayPath(host, candidate);
  diagnostics.push(diagnostic(Diag.UnknownImport({ spec, suggestion, lookedFor }), from.file, decl.path.range));
  return null;
}

function stdlibNames(host: Host): string[] {
  return ["rewards", "grpo", "templates", "data"].filter((n) => host.isFile(path.join(host.stdlibDir, `${n}.rlx`))).map((n) => STDLIB_PREFIX + n);
}

/** Every import cycle once, reported at the import that closes it. */
function findImportCycles(entries: readonly LoadedModule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const done = new Set<LoadedModule>();
  const stack: LoadedModule[] = [];
  const reported = new Set<string>();

  function visit(m: LoadedModule): void {
    if (done.has(m)) return;
    stack.push(m);
    for (const { decl, target } of m.imports) {
      if (!target) continue;
      const at = stack.indexOf(target);
      if (at >= 0) {
        const cycle = [...stack.slice(at), target];
        const key = cycle.slice(0, -1).map((c) => c.absolutePath).sort().join("\n");
        if (!reported.has(key)) {
          reported.add(key);
          diagnostics.push(diagnostic(Diag.ImportCycle({ files: cycle.map((c) => c.file.path) }), m.file, decl.range));
        }
      } else {
        visit(target);
      }
    }
    stack.pop();
    done.add(m);
  }
  entries.forEach(visit);
  return diagnostics;
}
