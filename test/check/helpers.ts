import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { Diag } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import type { Host } from "../../src/check/host.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const STDLIB_DIR = path.join(REPO_ROOT, "stdlib");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");

/** Every `.rlx` file directly in a folder, sorted, as absolute paths. */
export function rlxFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".rlx"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The real stdlib, read once: in-memory hosts serve it under their own `stdlibDir`. */
export function stdlibSources(): Record<string, string> {
  return Object.fromEntries(rlxFiles(STDLIB_DIR).map((p) => [path.basename(p), readFileSync(p, "utf8")]));
}

/**
 * A file system in memory: `files` maps absolute paths to text (or raw bytes); the real stdlib is
 * served under `/stdlib` unless a file of that path is given. Paths shown in messages are relative to `cwd`.
 */
export function memoryHost(files: Record<string, string | Uint8Array>, cwd = "/mem", stdlib: Record<string, string> = stdlibSources()): Host {
  const all = new Map<string, string | Uint8Array>();
  for (const [name, text] of Object.entries(stdlib)) all.set(path.join("/stdlib", name), text);
  for (const [p, content] of Object.entries(files)) all.set(path.resolve(cwd, p), content);
  const encoder = new TextEncoder();
  return {
    cwd,
    stdlibDir: "/stdlib",
    readFile(absolutePath) {
      const content = all.get(absolutePath);
      if (content === undefined) return { error: "no such file" };
      return typeof content === "string" ? encoder.encode(content) : content;
    },
    isFile: (absolutePath) => all.has(absolutePath),
  };
}

/** A stream that passes for a colour terminal, whatever the environment says (short of FORCE_COLOR=0). */
export function colourTerminal(): NodeJS.WritableStream {
  return Object.assign(new PassThrough(), { isTTY: true, getColorDepth: () => 8 });
}

const CATALOGUE = new Map<string, string>(Object.values(Diag).map((k) => [k.code, k.severity]));

/**
 * What must hold of any diagnostic, whatever the input: a code from the catalogue with its
 * severity, a range inside its file (related locations too), and a formatting that does not throw.
 * Returns the problems found, empty when none.
 */
export function diagnosticProblems(d: Diagnostic): string[] {
  const problems: string[] = [];
  const where = `${d.code} at ${d.file.path}[${d.range.start}, ${d.range.end})`;
  if (!CATALOGUE.has(d.code)) problems.push(`${where}: code not in the catalogue`);
  else if (CATALOGUE.get(d.code) !== d.severity) problems.push(`${where}: severity ${d.severity}, the catalogue says ${CATALOGUE.get(d.code)}`);
  if (typeof d.message !== "string" || d.message.length === 0) problems.push(`${where}: empty message`);
  const ranges = [{ file: d.file, range: d.range }, ...(d.related ?? [])];
  for (const { file, range } of ranges) {
    const ok = Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= file.text.length;
    if (!ok) problems.push(`${where}: range [${range.start}, ${range.end}) is outside ${file.path} (length ${file.text.length})`);
  }
  try {
    if (!formatDiagnostic(d) || !formatDiagnostic(d, { stream: colourTerminal() })) problems.push(`${where}: formats to nothing`);
  } catch (e) {
    problems.push(`${where}: formatDiagnostic threw ${(e as Error).stack ?? String(e)}`);
  }
  return problems;
}
