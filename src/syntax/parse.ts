import type { CstNode, IRecognitionException, IToken } from "chevrotain";
import { Diag } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Range, SourceFile } from "../diagnostics/source.js";
import { closest } from "../util/didYouMean.js";
import type { Expr, Module } from "./ast.js";
import { buildAst, buildExpression } from "./buildAst.js";
import { describeToken } from "./errorMessages.js";
import { getParser, type RlxParser } from "./parser.js";
import { keywords, rlxLexer } from "./tokens.js";

export interface ParseResult {
  module: Module;
  diagnostics: Diagnostic[];
}

/** More than this many syntax errors in one file is noise: the rest are summarised. */
export const MAX_SYNTAX_ERRORS = 50;

/** Lexes and parses one source file. Never throws for bad input: problems become diagnostics. */
export function parse(file: SourceFile): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const spans: Range[] = [];
  const cst = parseRule(file, diagnostics, (parser) => parser.file(), spans);
  const built = buildAst(cst, file, diagnostics);
  // Items the parser found by resyncing inside a broken item are fragments of it, not items.
  const items = built.items.filter((item) => !spanAt(spans, item.range.start));
  const module = items.length === built.items.length ? built : { ...built, items };
  return { module, diagnostics: capped(file, diagnostics) };
}

/** Parses a lone expression (a REPL line, a `rlx reward` argument), with the same diagnostics as in a file. */
export function parseExpression(file: SourceFile): { expr: Expr; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const cst = parseRule(file, diagnostics, (parser) => parser.expression());
  const expr = buildExpression(cst, file, diagnostics);
  return { expr, diagnostics: capped(file, diagnostics) };
}

/**
 * Lexes and parses with `rule`. With `brokenItems`, errors between items also mark the broken
 * item's extent (see {@link brokenItemSpans}): errors inside it are dropped, and the spans returned.
 */
function parseRule(file: SourceFile, diagnostics: Diagnostic[], rule: (parser: RlxParser) => CstNode, brokenItems?: Range[]): CstNode {
  const lexed = rlxLexer.tokenize(file.text);
  // Where each lexical error ends: the parse error that the missing or swallowed text causes right there is not reported again.
  const lexicalEnds: number[] = [];
  for (const error of mergeAdjacent(lexed.errors)) {
    const ch = file.text.slice(error.offset, error.offset + error.length);
    diagnostics.push(
      diagnostic(Diag.UnexpectedCharacter(describeChars(ch)), file, { start: error.offset, end: error.offset + error.length }),
    );
    lexicalEnds.push(error.offset + error.length);
  }
  for (const tok of lexed.groups["errors"] ?? []) {
    const range = { start: tok.startOffset, end: tok.endOffset! + 1 };
    lexicalEnds.push(range.end);
    if (tok.tokenType.name === "UnterminatedComment") {
      diagnostics.push(diagnostic(Diag.UnterminatedComment(), file, { start: range.start, end: range.start + 2 }));
    } else {
      diagnostics.push(diagnostic(Diag.InvalidNumber({ text: tok.image }), file, range));
    }
  }
  for (const tok of lexed.tokens) {
    if (tok.tokenType.name === "UnterminatedString") {
      diagnostics.push(diagnostic(Diag.UnterminatedString(), file, { start: tok.startOffset, end: tok.endOffset! + 1 }));
      lexicalEnds.push(tok.endOffset! + 1);
    }
  }
  const parser = getParser();
  parser.input = lexed.tokens;
  const cst = rule(parser);
  const shadowed = new Set(lexicalEnds.map((end) => lexed.tokens[firstTokenFrom(lexed.tokens, end)]?.startOffset ?? file.text.length));
  const spans = brokenItems ? brokenItemSpans(file, parser.errors, lexed.tokens) : [];
  for (const span of spans) brokenItems?.push(span);
  for (const error of parser.errors) {
    const d = syntaxDiagnostic(file, error, lexed.tokens[firstTokenFrom(lexed.tokens, error.token.startOffset) - 1]);
    if (shadowed.has(d.range.start)) continue;
    if ((spanAt(spans, d.range.start)?.start ?? d.range.start) < d.range.start) continue;
    diagnostics.push(d);
  }
  return cst;
}

const ITEM_KEYWORDS = new Set(["Import", "Reward", "Data", "Labels", "Model", "Template", "Grpo", "Experiment", "Sweep"]);

/**
 * After an error between items (a misspelt `experimnt e { … }`), Chevrotain resumes at the next
 * token that can start an item, even one inside the broken item's braces (`model tiny(…)` reads
 * as a definition): a cascade of errors from one typo. A broken item instead runs from the error
 * to the next item keyword outside braces.
 */
function brokenItemSpans(file: SourceFile, errors: readonly IRecognitionException[], tokens: readonly IToken[]): Range[] {
  const spans: Range[] = [];
  for (const error of errors) {
    if (error.context.ruleStack.length > 1 || Number.isNaN(error.token.startOffset) || error.token.tokenType.name === "EOF") continue;
    let i = firstTokenFrom(tokens, error.token.startOffset);
    if (tokens[i]?.startOffset !== error.token.startOffset) continue;
    let depth = 0;
    let end = file.text.length;
    for (i++; i < tokens.length; i++) {
      const t = tokens[i - 1]!.tokenType.name;
      if (t === "LCurly") depth++;
      else if (t === "RCurly") depth = Math.max(0, depth - 1);
      if (depth === 0 && ITEM_KEYWORDS.has(tokens[i]!.tokenType.name)) {
        end = tokens[i]!.startOffset;
        break;
      }
    }
    spans.push({ start: error.token.startOffset, end });
  }
  // Sorted and disjoint, for spanAt.
  const merged: Range[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** The index of the first token starting at or after `offset` (tokens.length when none). */
function firstTokenFrom(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The span of sorted, disjoint `spans` that holds `offset`. */
function spanAt(spans: readonly Range[], offset: number): Range | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const span = spans[lo - 1];
  return span && offset < span.end ? span : undefined;
}

/** Token types an operand can end with: `x = 1` after one of these inside an expression was meant as `x == 1`. */
const OPERAND_ENDS = new Set(["Identifier", "NumberLiteral", "DoneString", "RParen", "RBracket", "True", "False", "None"]);

function syntaxDiagnostic(file: SourceFile, error: IRecognitionException, previous: IToken | undefined): Diagnostic {
  const tok = error.token;
  const atEnd = tok.tokenType.name === "EOF" || Number.isNaN(tok.startOffset);
  const start = atEnd ? file.text.length : tok.startOffset;
  const end = atEnd ? start : tok.endOffset! + 1;
  const keyword = tok.tokenType.name === "Identifier" ? closest(tok.image, keywords) : undefined;
  const comparison =
    tok.tokenType.name === "Equals" && OPERAND_ENDS.has(previous?.tokenType.name ?? "") && error.context.ruleStack.includes("expression");
  // The error message provider says only what was expected (see errorMessages.ts); the error's token is what was found.
  return diagnostic(Diag.UnexpectedToken({ expected: error.message, found: describeToken(tok), keyword, comparison }), file, { start, end });
}

/** The lexer reports every bad character; a run of them (binary garbage) is one diagnostic. */
function mergeAdjacent(errors: readonly { offset: number; length: number }[]): { offset: number; length: number }[] {
  const merged: { offset: number; length: number }[] = [];
  for (const e of errors) {
    const last = merged[merged.length - 1];
    if (last && last.offset + last.length === e.offset) last.length += e.length;
    else merged.push({ offset: e.offset, length: e.length });
  }
  return merged;
}

/** The first of `chars` as a message shows it (`'x'`, or `U+0007` for a control character), and whether there are more. */
function describeChars(chars: string): { shown: string; several: boolean } {
  const first = [...chars][0] ?? "";
  const code = first.codePointAt(0) ?? 0;
  const shown = code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `'${first}'`;
  return { shown, several: chars.length > first.length };
}

function capped(file: SourceFile, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_SYNTAX_ERRORS) return diagnostics;
  const sorted = [...diagnostics].sort((a, b) => a.range.start - b.range.start);
  const kept = sorted.slice(0, MAX_SYNTAX_ERRORS);
  const next = sorted[MAX_SYNTAX_ERRORS]!;
  kept.push(
    diagnostic(Diag.TooManyErrors({ hidden: diagnostics.length - MAX_SYNTAX_ERRORS }), file, next.range),
  );
  return kept;
}

