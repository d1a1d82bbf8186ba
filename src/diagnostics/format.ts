import { styleText } from "node:util";
import type { Diagnostic } from "./diagnostic.js";
import type { Range, SourceFile } from "./source.js";

export interface FormatOptions {
  /**
   * The stream the text is for. It is coloured when that stream shows colours, as Node's
   * `styleText` decides: a terminal that has them (not TERM=dumb, nor a CI it does not know),
   * unless NO_COLOR or NODE_DISABLE_COLORS is set; FORCE_COLOR (not 0) colours any stream.
   * Without a stream the text is plain.
   */
  stream?: NodeJS.WritableStream;
}

type Style = "red" | "yellow" | "cyan" | "bold" | "dim";
type Paint = (style: Style, text: string) => string;

function painter(stream: NodeJS.WritableStream | undefined): Paint {
  return stream ? (style, text) => styleText(style, text, { stream }) : (_style, text) => text;
}

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
  const paint = painter(options.stream);
  const pos = d.file.position(d.range.start);
  const severity = d.severity === "error" ? paint("red", "error") : paint("yellow", "warning");
  const lines = [
    `${paint("bold", `${d.file.path}:${pos.line}:${pos.column}`)} ${severity} ${paint("dim", d.code)} ${d.message}`,
    ...excerpt(d.file, d.range, paint),
  ];
  if (d.hint) lines.push(`      = ${d.hint}`);
  for (const r of d.related ?? []) {
    const rp = r.file.position(r.range.start);
    lines.push(`      ${paint("dim", "note:")} ${r.file.path}:${rp.line}:${rp.column} ${r.message}`);
    lines.push(...excerpt(r.file, r.range, paint));
  }
  return lines.join("\n");
}

function excerpt(file: SourceFile, range: Range, paint: Paint): string[] {
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
    `${paint("cyan", gutter + " |")} ${stripControl(text)}`,
    `${paint("cyan", pad + " |")} ${" ".repeat(Math.max(0, col))}${paint("cyan", "^".repeat(Math.max(1, width)))}`,
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
