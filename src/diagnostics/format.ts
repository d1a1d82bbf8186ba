import type { Diagnostic } from "./diagnostic.js";
import type { Range, SourceFile } from "./source.js";

export interface FormatOptions {
  color?: boolean;
}

const style = {
  red: (s: string) => `\u001b[31m${s}\u001b[39m`,
  yellow: (s: string) => `\u001b[33m${s}\u001b[39m`,
  cyan: (s: string) => `\u001b[36m${s}\u001b[39m`,
  bold: (s: string) => `\u001b[1m${s}\u001b[22m`,
  dim: (s: string) => `\u001b[2m${s}\u001b[22m`,
};
const plain = (s: string) => s;

/** The longest source line shown; longer lines are cut around the caret. */
const MAX_SHOWN = 120;

/**
 * Prints a location the way compilers do:
 *
 *     examples/x.rlx:7:10 error RLX0203 unknown name 'maht' (did you mean 'math'?)
 *        7 |   reward maht & !contains("python")
 *          |          ^^^^
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const c = options.color ? style : { red: plain, yellow: plain, cyan: plain, bold: plain, dim: plain };
  const pos = d.file.position(d.range.start);
  const severity = d.severity === "error" ? c.red("error") : c.yellow("warning");
  const lines = [
    `${c.bold(`${d.file.path}:${pos.line}:${pos.column}`)} ${severity} ${c.dim(d.code)} ${d.message}`,
    ...excerpt(d.file, d.range, c.cyan),
  ];
  if (d.hint) lines.push(`      = ${d.hint}`);
  for (const r of d.related ?? []) {
    const rp = r.file.position(r.range.start);
    lines.push(`      ${c.dim("note:")} ${r.file.path}:${rp.line}:${rp.column} ${r.message}`);
    lines.push(...excerpt(r.file, r.range, c.cyan));
  }
  return lines.join("\n");
}

function excerpt(file: SourceFile, range: Range, paint: (s: string) => string): string[] {
  const start = file.position(range.start);
  const end = file.position(Math.max(range.start, range.end));
  let text = file.lineText(start.line).replace(/\t/g, " ");
  let col = start.column - 1;
  // Underline to the end of the range, or to the end of the line when it spans several lines.
  let width = end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, text.length - col);
  if (text.length > MAX_SHOWN) {
    const from = Math.max(0, Math.min(col - 20, text.length - MAX_SHOWN));
    text = (from > 0 ? "…" : "") + text.slice(from, from + MAX_SHOWN) + (from + MAX_SHOWN < text.length ? "…" : "");
    col = col - from + (from > 0 ? 1 : 0);
    width = Math.min(width, MAX_SHOWN - col + 1);
  }
  const gutter = String(start.line).padStart(5);
  const pad = " ".repeat(gutter.length);
  return [
    `${paint(gutter + " |")} ${stripControl(text)}`,
    `${paint(pad + " |")} ${" ".repeat(Math.max(0, col))}${paint("^".repeat(Math.max(1, width)))}`,
  ];
}

/** Control characters in a broken file would garble the terminal; show them as `·`. */
function stripControl(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "·");
}

export function formatSummary(errors: number, warnings: number, files: number): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}`;
}
