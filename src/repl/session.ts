import { nodeHost, type Host } from "../check/host.js";
import { checkReward, INPUT_NAME } from "../check/program.js";
import type { Value } from "../core/values.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { SourceFile } from "../diagnostics/source.js";
import { scoreFile } from "../scoring/batch.js";
import { evaluateRewards } from "../reward/evaluate.js";
import { renderExplanation } from "../reward/explain.js";
import { summaryLines } from "../scoring/report.js";
import { DEFAULT_FIELDS, ResponsesFileError } from "../scoring/responsesFile.js";
import { DEFAULT_IMPORTS, importsForFile, prepareReward, sessionSource, type Session } from "../scoring/session.js";

/** What the REPL shows after an entry: the entry echoed, values and explanations, notes, errors. */
export interface OutputBlock {
  readonly kind: "entry" | "result" | "info" | "error";
  readonly text: string;
}

export const REPL_HELP = `Type a reward expression to score the current response against the current label:
  box_only_format & !contains("python")
Define names for later entries (a new definition replaces an old one of the same name):
  reward short = length < 400
Commands:
  :response            paste a response over several lines, then end it with a line holding only .
  :response TEXT       set a one-line response
  :label X             set the label (:label alone: no label)
  :load FILE.rlx       add the file's definitions (and what it imports) to the session
  :responses FILE      score the last expression on a JSON Lines file (fields: response, answer)
  :history             list the entries so far (up/down arrows recall them)
  :help                this text
  :quit                leave (also Ctrl-D, Ctrl-C)
The standard library's rewards (math, box_only_format, contain_python_wo_backticks, majority,
incorrect, random_half, …) and templates (chat, r1_only) are always in scope.`;

const DEFINITION = /^(reward|template)\s+([A-Za-z_][A-Za-z0-9_]*)\s*=/;
const END_OF_RESPONSE = ".";

/**
 * The REPL's state and what each entry does to it; the Ink view (App.tsx) only draws it.
 * Entries are whole lines: a definition, an expression, or a :command.
 */
export class ReplSession {
  private imports: string[] = [...DEFAULT_IMPORTS];
  private definitions: { readonly name: string; readonly text: string }[] = [];
  private response = "";
  private label: string | null = null;
  private last: { readonly text: string; readonly value: Value } | undefined;
  /** The lines of a response being pasted, while `:response` waits for its closing `.`. */
  private pasting: string[] | undefined;
  readonly history: string[] = [];
  quit = false;

  constructor(private readonly host: Host = nodeHost()) {}

  get prompt(): string {
    return this.pasting ? "...  " : "rlx> ";
  }

  /** Handles one line of input and says what to show. */
  submit(line: string): OutputBlock[] {
    if (this.pasting) return this.pasteLine(line);
    const entry = line.trim();
    if (entry === "") return [];
    this.history.push(entry);
    const echo: OutputBlock = { kind: "entry", text: this.prompt + entry };
    return [echo, ...this.run(entry)];
  }

  private run(entry: string): OutputBlock[] {
    if (entry.startsWith(":")) return this.command(entry);
    const definition = DEFINITION.exec(entry);
    if (definition) return this.define(definition[2]!, entry);
    return this.evaluate(entry);
  }

  private command(entry: string): OutputBlock[] {
    const space = entry.search(/\s/);
    const name = space < 0 ? entry : entry.slice(0, space);
    const rest = space < 0 ? "" : entry.slice(space + 1).trim();
    switch (name) {
      case ":help":
        return [info(REPL_HELP)];
      case ":quit":
      case ":q":
      case ":exit":
        this.quit = true;
        return [];
      case ":history":
        return [info(this.history.map((h, i) => `${String(i + 1).padStart(4)}  ${h}`).join("\n"))];
      case ":label":
        this.label = rest === "" ? null : rest;
        return [info(this.label === null ? "no label" : `label: ${this.label}`)];
      case ":response":
        if (rest !== "") return this.setResponse(rest);
        this.pasting = [];
        return [info(`paste the response, then a line with only ${END_OF_RESPONSE}`)];
      case ":load":
        return rest === "" ? [error(":load needs a file: :load FILE.rlx")] : this.load(rest);
      case ":responses":
        return rest === "" ? [error(":responses needs a file: :responses FILE.jsonl")] : this.scoreFile(rest);
      default:
        return [error(`unknown command ${name} (:help lists them)`)];
    }
  }

  private pasteLine(line: string): OutputBlock[] {
    if (line.trim() !== END_OF_RESPONSE) {
      this.pasting!.push(line);
      return [{ kind: "entry", text: this.prompt + line }];
    }
    const text = this.pasting!.join("\n");
    this.pasting = undefined;
    return this.setResponse(text);
  }

  private setResponse(text: string): OutputBlock[] {
    this.response = text;
    const lines = text === "" ? 0 : text.split("\n").length;
    return [info(`response: ${lines} line${lines === 1 ? "" : "s"}, ${text.length} characters`)];
  }

  private session(): Session {
    return { imports: this.imports, definitions: this.definitions.map((d) => d.text) };
  }

  /** Adds or replaces a definition; refused, with its diagnostics, when the session no longer checks. */
  private define(name: string, entry: string): OutputBlock[] {
    const definitions = [...this.definitions.filter((d) => d.name !== name), { name, text: entry }];
    const source = sessionSource({ imports: this.imports, definitions: definitions.map((d) => d.text) });
    // The new definition is the session's last line: its diagnostics are shown against the entry as typed.
    const offset = source.length - entry.length - 1;
    const diagnostics = sessionDiagnostics(source, this.host).map((d) => (d.file.path === SESSION_PATH && d.range.start >= offset ? asEntry(d, entry, offset) : d));
    if (diagnostics.some((d) => d.severity === "error")) return [diagnosticsBlock(diagnostics)];
    const replaced = this.definitions.length === definitions.length;
    this.definitions = definitions;
    return [...(diagnostics.length ? [diagnosticsBlock(diagnostics)] : []), info(`${replaced ? "redefined" : "defined"} ${name}`)];
  }

  private load(file: string): OutputBlock[] {
    const imports = [...new Set([...this.imports, ...importsForFile(file, this.host)])];
    const source = sessionSource({ imports, definitions: this.definitions.map((d) => d.text) });
    const diagnostics = sessionDiagnostics(source, this.host);
    if (diagnostics.some((d) => d.severity === "error")) return [diagnosticsBlock(diagnostics)];
    this.imports = imports;
    return [...(diagnostics.length ? [diagnosticsBlock(diagnostics)] : []), info(`loaded ${file}`)];
  }

  private evaluate(entry: string): OutputBlock[] {
    const prepared = prepareReward(entry, this.session(), this.host);
    if (!prepared.ok) return [diagnosticsBlock(prepared.diagnostics)];
    this.last = { text: entry, value: prepared.value };
    const sample = { prompt: "", response: this.response, label: this.label, seed: 0, step: 0, promptIndex: 0, sampleIndex: 0 };
    const [result] = evaluateRewards(prepared.value, [sample], { explain: true });
    return [{ kind: "result", text: renderExplanation(result!.explanation!).join("\n") }];
  }

  private scoreFile(file: string): OutputBlock[] {
    if (!this.last) return [error("no expression yet: type one, then :responses FILE scores it")];
    try {
      const { summary } = scoreFile(this.last.value, file, DEFAULT_FIELDS, 0);
      return [info([`${this.last.text}:`, ...summaryLines(file, summary)].join("\n"))];
    } catch (e) {
      if (e instanceof ResponsesFileError) return [error(e.message)];
      throw e;
    }
  }
}

/** Where checkReward reports the session's own text (its file name, relative to the working directory). */
const SESSION_PATH = "<session>.rlx";

/** Every diagnostic of the session's files; checking the constant 0 checks nothing else. */
function sessionDiagnostics(source: string, host: Host): readonly Diagnostic[] {
  return checkReward("0", source, host).diagnostics;
}

function asEntry(d: Diagnostic, entry: string, offset: number): Diagnostic {
  return { ...d, file: new SourceFile(INPUT_NAME, entry), range: { start: d.range.start - offset, end: Math.min(d.range.end - offset, entry.length) } };
}

function diagnosticsBlock(diagnostics: readonly Diagnostic[]): OutputBlock {
  return { kind: "error", text: diagnostics.map((d) => formatDiagnostic(d)).join("\n") };
}

const info = (text: string): OutputBlock => ({ kind: "info", text });
const error = (text: string): OutputBlock => ({ kind: "error", text });
