import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { CompletionItemKind, MarkupKind, type CompletionItem } from "vscode-languageserver";
import { BUILTINS, type BuiltinSpec } from "../check/builtins/index.js";
import { signature } from "../check/expressions.js";
import { CLIP_SHORTHAND, GRPO_FIELD_BY_NAME, GRPO_FIELDS } from "../check/grpoFields.js";
import type { Symbol } from "../check/scope.js";
import * as T from "../syntax/tokens.js";
import type { DocumentView } from "./document.js";
import { builtinDoc, grpoFieldDoc, grpoFieldType, paramType, symbolDoc } from "./docs.js";

/**
 * What may be typed at `offset`: GRPO fields inside a `grpo { … }` record (and a field's choices
 * after its colon), a built-in's parameter names inside its parentheses, experiments after `from`,
 * and elsewhere the keywords, the built-ins and every name in scope (own and imported).
 */
export function completionsAt(doc: DocumentView, offset: number): CompletionItem[] {
  // The text before the cursor with a letter appended: when the cursor is where a name can be, the
  // letter ends a name token; inside a comment, a string or a number it is swallowed by that.
  const lexed = T.rlxLexer.tokenize(`${doc.module.file.text.slice(0, offset)}x`);
  const word = lexed.tokens.at(-1);
  if (!word || word.endOffset !== offset || !tokenMatcher(word, T.Name)) return [];
  const before = lexed.tokens.slice(0, -1);
  const previous = before.at(-1);
  const is = (token: IToken | undefined, type: TokenType) => token !== undefined && tokenMatcher(token, type);

  if (is(previous, T.From)) return experimentItems(doc, before.at(-2)?.image);
  if (is(previous, T.Dot) && is(before.at(-2), T.Grpo)) return grpoFieldItems(false);
  const open = innermostOpenBracket(before);
  const bracket = open === undefined ? undefined : before[open];
  if (is(bracket, T.LCurly) && opensGrpoRecord(before, open!)) {
    if (is(previous, T.Colon)) return grpoValueItems(before.at(-2)?.image ?? "");
    if (previous === bracket || is(previous, T.Comma) || endsValue(previous!)) return grpoFieldItems(true);
  }
  const callee = is(bracket, T.LParen) ? BUILTINS.get(before[open! - 1]?.image ?? "") : undefined;
  if (callee && (previous === bracket || is(previous, T.Comma))) return [...parameterItems(callee), ...generalItems(doc)];
  return generalItems(doc);
}

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

/** The index of the last `{`, `(` or `[` not closed before the cursor. */
function innermostOpenBracket(tokens: readonly IToken[]): number | undefined {
  let depth = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const type = tokens[i]!.tokenType;
    if (type === T.RCurly || type === T.RParen || type === T.RBracket) depth++;
    else if (type === T.LCurly || type === T.LParen || type === T.LBracket) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** `grpo {`, `grpo preset {` (a clause) or `grpo name = [preset] {` (a definition). */
function opensGrpoRecord(tokens: readonly IToken[], brace: number): boolean {
  let i = brace - 1;
  if (tokens[i]?.tokenType === T.Identifier) i--;
  if (tokens[i]?.tokenType === T.Equals && tokens[i - 1]?.tokenType === T.Identifier) i -= 2;
  return tokens[i]?.tokenType === T.Grpo;
}

/** Whether a token can end a field's value, so a name after it starts the next field (commas are optional). */
function endsValue(token: IToken): boolean {
  return [T.Name, T.NumberLiteral, T.StringLiteral, T.RParen, T.RBracket].some((type) => tokenMatcher(token, type));
}

/** Names in scope first, then built-ins, then keywords. */
const BUILTIN_ITEMS = [...BUILTINS.values()].map(
  (spec): CompletionItem => ({ label: spec.name, kind: CompletionItemKind.Function, detail: signature(spec), documentation: markdown(builtinDoc(spec)), sortText: `1${spec.name}` }),
);
const KEYWORD_ITEMS = T.keywords.map((word): CompletionItem => ({ label: word, kind: CompletionItemKind.Keyword, sortText: `2${word}` }));

function generalItems(doc: DocumentView): CompletionItem[] {
  const names = doc.scopes.visibleNames(doc.module, "value").map((name) => symbolItem(doc, doc.scopes.lookup(doc.module, name, "value")!));
  return [...names, ...BUILTIN_ITEMS, ...KEYWORD_ITEMS];
}

function symbolItem(doc: DocumentView, symbol: Symbol): CompletionItem {
  const { decl } = symbol;
  const detail = decl.kind === "Definition" ? decl.sort : decl.kind === "GrpoDefinition" ? "grpo preset" : "experiment";
  const kind = decl.kind === "ExperimentDecl" ? CompletionItemKind.Class : decl.kind === "GrpoDefinition" ? CompletionItemKind.Struct : CompletionItemKind.Variable;
  return { label: decl.name.name, kind, detail, documentation: markdown(symbolDoc(symbol, doc.module, doc.host)), sortText: `0${decl.name.name}` };
}

/** The experiments the one being declared (`declared`) can start `from`: any but itself. */
function experimentItems(doc: DocumentView, declared: string | undefined): CompletionItem[] {
  return doc.scopes
    .visibleNames(doc.module, "run")
    .filter((name) => name !== declared)
    .map((name) => doc.scopes.lookup(doc.module, name, "run")!)
    .filter((symbol) => symbol.decl.kind === "ExperimentDecl")
    .map((symbol) => symbolItem(doc, symbol));
}

/** The fields of a `grpo { … }` record, with `name: ` to type; in a sweep axis (`grpo.clip`) just the name. */
function grpoFieldItems(inRecord: boolean): CompletionItem[] {
  return [...GRPO_FIELDS.map((f) => f.name), CLIP_SHORTHAND].map((name) => {
    const field = GRPO_FIELD_BY_NAME.get(name) ?? GRPO_FIELD_BY_NAME.get("clip_low")!;
    const item: CompletionItem = { label: name, kind: CompletionItemKind.Field, detail: grpoFieldType(field), documentation: markdown(grpoFieldDoc(name)) };
    return inRecord ? { ...item, insertText: `${name}: ` } : item;
  });
}

/** The named values a field takes: an enum's choices, `true`/`false`, `none` where allowed. */
function grpoValueItems(fieldName: string): CompletionItem[] {
  const field = GRPO_FIELD_BY_NAME.get(fieldName === CLIP_SHORTHAND ? "clip_low" : fieldName);
  if (!field) return [];
  const words = [...(field.choices ?? []), ...(field.kind === "bool" ? ["true", "false"] : []), ...(field.noneAllowed ? ["none"] : [])];
  return words.map((word) => ({ label: word, kind: field.kind === "enum" ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword }));
}

function parameterItems(spec: BuiltinSpec): CompletionItem[] {
  return spec.params.map((p) => ({ label: p.name, kind: CompletionItemKind.Property, detail: paramType(p), documentation: p.doc, insertText: `${p.name}: `, sortText: `!${p.name}` }));
}
