import { PassThrough } from "node:stream";
import tty from "node:tty";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reportDiagnostics, type Output } from "../../src/cli/output.js";
import { Diag } from "../../src/diagnostics/codes.js";
import { diagnostic } from "../../src/diagnostics/diagnostic.js";
import { formatDiagnostic } from "../../src/diagnostics/format.js";
import { SourceFile } from "../../src/diagnostics/source.js";
import { colourTerminal } from "../check/helpers.js";

const file = new SourceFile("x.rlx", "reward r = maht\n");
const typo = diagnostic(Diag.UnknownName({ case: "name", name: "maht", suggestion: "math", rowColumn: false }), file, { start: 11, end: 15 });
const empty = diagnostic(Diag.FileEmpty({ path: "x.rlx" }), file, { start: 0, end: 0 });

const PLAIN = ["x.rlx:1:12 error RLX0203 unknown name 'maht' (did you mean 'math'?)", "    1 | reward r = maht", "      |            ^^^^"].join("\n");
/** The escapes rlx has always written: bold place, red severity, dim code, cyan gutter and caret. */
const COLOURED = [
  "\u001b[1mx.rlx:1:12\u001b[22m \u001b[31merror\u001b[39m \u001b[2mRLX0203\u001b[22m unknown name 'maht' (did you mean 'math'?)",
  "\u001b[36m    1 |\u001b[39m reward r = maht",
  "\u001b[36m      |\u001b[39m            \u001b[36m^^^^\u001b[39m",
].join("\n");

/** A terminal whose colour support Node judges from the environment, as it does for process.stderr. */
function realTerminal(): NodeJS.WritableStream {
  return Object.assign(new PassThrough(), { isTTY: true, getColorDepth: tty.WriteStream.prototype.getColorDepth });
}

/** The environment of a plain colour terminal; a test changes what it is about. */
function terminalEnv(): void {
  vi.stubEnv("FORCE_COLOR", undefined);
  vi.stubEnv("NO_COLOR", undefined);
  vi.stubEnv("NODE_DISABLE_COLORS", undefined);
  vi.stubEnv("CI", undefined);
  vi.stubEnv("TERM", "xterm-256color");
}

describe("formatDiagnostic colours", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("writes plain text without a stream", () => {
    terminalEnv();
    vi.stubEnv("FORCE_COLOR", "1");
    expect(formatDiagnostic(typo)).toBe(PLAIN);
  });

  it("colours for a colour terminal with the same escapes as ever", () => {
    expect(formatDiagnostic(typo, { stream: colourTerminal() })).toBe(COLOURED);
    expect(formatDiagnostic(empty, { stream: colourTerminal() })).toContain(" \u001b[33mwarning\u001b[39m ");
  });

  it("colours a terminal, unless NO_COLOR, NODE_DISABLE_COLORS or TERM=dumb says not to", () => {
    terminalEnv();
    expect(formatDiagnostic(typo, { stream: realTerminal() })).toBe(COLOURED);
    for (const [name, value] of [["NO_COLOR", "1"], ["NODE_DISABLE_COLORS", "1"], ["TERM", "dumb"]] as const) {
      terminalEnv();
      vi.stubEnv(name, value);
      expect(formatDiagnostic(typo, { stream: realTerminal() }), `${name}=${value}`).toBe(PLAIN);
    }
  });

  it("writes plain text to a pipe, unless FORCE_COLOR asks for colours", () => {
    terminalEnv();
    expect(formatDiagnostic(typo, { stream: new PassThrough() })).toBe(PLAIN);
    vi.stubEnv("FORCE_COLOR", "1");
    expect(formatDiagnostic(typo, { stream: new PassThrough() })).toBe(COLOURED);
    vi.stubEnv("FORCE_COLOR", "0");
    expect(formatDiagnostic(typo, { stream: colourTerminal() })).toBe(PLAIN);
  });

  it("colours what the CLI prints by the stream its errors go to", () => {
    const printed = (errStream?: NodeJS.WritableStream) => {
      let text = "";
      const io: Output = { out: () => {}, err: (t) => (text += t), ...(errStream ? { errStream } : {}) };
      reportDiagnostics(io, [typo], 1);
      return text;
    };
    expect(printed(colourTerminal())).toBe(`${COLOURED}\n\n1 error, 0 warnings in 1 file\n`);
    expect(printed()).toBe(`${PLAIN}\n\n1 error, 0 warnings in 1 file\n`);
  });
});
