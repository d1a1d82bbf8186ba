import { Lexer, type TokenType } from "chevrotain";
import { allTokens } from "../syntax/tokens.js";

/**
 * The TextMate grammar of .rlx files (editor syntax highlighting), generated from the lexer's
 * tokens so it cannot drift from the real syntax: every token becomes a rule with its own regex,
 * in the lexer's order. A TextMate engine tries the rules at each position in list order, as the
 * lexer does, so a keyword wins over the identifier it spells and `//` over `/`.
 */

/** The scope of each token, by token name; `null` for tokens that need no rule of their own. */
export const TOKEN_SCOPES: Readonly<Record<string, string | null>> = {
  WhiteSpace: null,
  LineComment: "comment.line.double-slash.rlx",
  BlockComment: "comment.block.rlx",
  // BlockComment's rule already runs to the end of the file when the comment is never closed.
  UnterminatedComment: null,
  DoneString: "string.quoted.double.rlx",
  UnterminatedString: "string.quoted.double.rlx",
  NumberLiteral: "constant.numeric.rlx",
  MalformedNumber: "invalid.illegal.number.rlx",
  MetricName: "support.function.metric.rlx",
  Import: "keyword.control.import.rlx",
  Experiment: "storage.type.rlx",
  Sweep: "storage.type.rlx",
  From: "keyword.other.rlx",
  Reward: "storage.type.rlx",
  Data: "storage.type.rlx",
  Labels: "storage.type.rlx",
  Model: "storage.type.rlx",
  Template: "storage.type.rlx",
  Grpo: "storage.type.rlx",
  Eval: "keyword.other.rlx",
  Track: "keyword.other.rlx",
  Seed: "keyword.other.rlx",
  Checkpoint: "keyword.other.rlx",
  Every: "keyword.other.rlx",
  Steps: "keyword.other.rlx",
  On: "keyword.other.rlx",
  In: "keyword.other.rlx",
  If: "keyword.control.conditional.rlx",
  Then: "keyword.control.conditional.rlx",
  Else: "keyword.control.conditional.rlx",
  True: "constant.language.boolean.rlx",
  False: "constant.language.boolean.rlx",
  None: "constant.language.none.rlx",
  Identifier: "variable.other.rlx",
  LCurly: "punctuation.section.block.begin.rlx",
  RCurly: "punctuation.section.block.end.rlx",
  LParen: "punctuation.section.parens.begin.rlx",
  RParen: "punctuation.section.parens.end.rlx",
  LBracket: "punctuation.section.brackets.begin.rlx",
  RBracket: "punctuation.section.brackets.end.rlx",
  Comma: "punctuation.separator.comma.rlx",
  Colon: "punctuation.separator.key-value.rlx",
  Dot: "punctuation.accessor.rlx",
  EqEq: "keyword.operator.comparison.rlx",
  NotEq: "keyword.operator.comparison.rlx",
  LessEq: "keyword.operator.comparison.rlx",
  GreaterEq: "keyword.operator.comparison.rlx",
  Less: "keyword.operator.comparison.rlx",
  Greater: "keyword.operator.comparison.rlx",
  Equals: "keyword.operator.assignment.rlx",
  Amp: "keyword.operator.logical.rlx",
  Pipe: "keyword.operator.logical.rlx",
  Bang: "keyword.operator.logical.rlx",
  Plus: "keyword.operator.arithmetic.rlx",
  Minus: "keyword.operator.arithmetic.rlx",
  Star: "keyword.operator.arithmetic.rlx",
  Slash: "keyword.operator.arithmetic.rlx",
};

export type TmRule =
  | { readonly name: string; readonly match: string }
  | { readonly name: string; readonly begin: string; readonly end: string };

export interface TmGrammar {
  readonly comment: string;
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly patterns: readonly TmRule[];
}

/** The body of a token that spans lines (`/* … *\/`): the rule matches from its start to its end. */
const SPANNING_BODY = "[\\s\\S]*?";

export function tmGrammar(): TmGrammar {
  const tokens = allTokens.filter((t) => t.PATTERN !== Lexer.NA);
  const unknown = Object.keys(TOKEN_SCOPES).filter((name) => !tokens.some((t) => t.name === name));
  if (unknown.length) throw new Error(`TOKEN_SCOPES names tokens the lexer does not have: ${unknown.join(", ")}`);

  // Neighbouring tokens of one scope share a rule: alternatives keep the lexer's order among them.
  const groups: { scope: string; sources: string[]; spanning: boolean }[] = [];
  for (const token of tokens) {
    const scope = TOKEN_SCOPES[token.name];
    if (scope === undefined) throw new Error(`token ${token.name} has no TextMate scope: add it to TOKEN_SCOPES in src/editor/tmGrammar.ts`);
    if (scope === null) continue;
    const source = patternSource(token);
    const spanning = source.includes(SPANNING_BODY);
    const last = groups.at(-1);
    if (!spanning && last && !last.spanning && last.scope === scope) last.sources.push(source);
    else groups.push({ scope, sources: [source], spanning });
  }
  const patterns = groups.map(({ scope, sources, spanning }): TmRule => {
    if (!spanning) return { name: scope, match: sources.length === 1 ? sources[0]! : `(?:${sources.join("|")})` };
    const [begin, end, ...rest] = sources[0]!.split(SPANNING_BODY);
    if (rest.length > 0) throw new Error(`a spanning pattern must be START${SPANNING_BODY}END: ${sources[0]}`);
    return { name: scope, begin: begin!, end: end! };
  });
  return {
    comment: "Generated from src/syntax/tokens.ts by `npm run tmgrammar` (src/editor/tmGrammar.ts); do not edit.",
    name: "rlx",
    scopeName: "source.rlx",
    fileTypes: ["rlx"],
    patterns,
  };
}

/** The token's regex source, which must mean the same in JavaScript and in TextMate's Oniguruma. */
function patternSource(token: TokenType): string {
  const pattern = token.PATTERN;
  if (!(pattern instanceof RegExp)) throw new Error(`token ${token.name}: only regex patterns can become TextMate rules`);
  if (pattern.flags.replace("u", "") !== "") throw new Error(`token ${token.name}: regex flags have no TextMate equivalent`);
  // `\uXXXX` and `\p{…}` are JavaScript spellings that Oniguruma reads differently.
  if (/\\u|\\p\{/.test(pattern.source)) throw new Error(`token ${token.name}: \\u and \\p escapes need a TextMate spelling`);
  return pattern.source;
}

/** The grammar file as committed in editors/vscode/syntaxes/. */
export function tmGrammarJson(): string {
  return `${JSON.stringify(tmGrammar(), null, 2)}\n`;
}
