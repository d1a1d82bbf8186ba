import { tokenLabel, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

/** What each rule stands for, in the words a user would use. */
const RULE_WORDS: Record<string, string> = {
  file: "'import', a definition, 'experiment' or 'sweep'",
  item: "'import', a definition, 'experiment' or 'sweep'",
  definition: "a definition",
  clause: "a clause (model, data, labels, reward, template, seed, grpo, eval, track, checkpoint)",
  exprClause: "a clause",
  grpoSpec: "a GRPO preset name or '{'",
  primary: "an expression",
  unary: "an expression",
  callOrName: "a name",
  expression: "an expression",
};

/** How a token reads in a message: `'reward'`, `string "abc"`, `end of file`. */
export function describeToken(tok: IToken): string {
  if (tok.tokenType.name === "EOF") return "end of file";
  const image = tok.image.length > 24 ? `${tok.image.slice(0, 24)}…` : tok.image;
  if (tok.tokenType.name.endsWith("String")) return `string ${image}`;
  if (tok.tokenType.name === "NumberLiteral") return `number ${image}`;
  return `'${image}'`;
}

function alternatives(paths: TokenType[][]): string {
  const firsts = [...new Set(paths.map((p) => (p[0] ? tokenLabel(p[0]) : "")).filter(Boolean))];
  if (firsts.length === 0) return "something else";
  if (firsts.length > 6) return `one of ${firsts.slice(0, 6).join(", ")}, …`;
  return firsts.length === 1 ? firsts[0]! : `${firsts.slice(0, -1).join(", ")} or ${firsts[firsts.length - 1]}`;
}

/**
 * Each message says only what the parser expected, in a user's words ("a clause or '}'"): parse.ts
 * turns the error into the catalogue's RLX0103 message, with the error's token as what was found.
 */
export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, ruleName }) {
    if (expected.name === "RCurly" && (ruleName === "experiment" || ruleName === "sweep" || ruleName === "record")) {
      return ruleName === "experiment" ? "a clause or '}'" : ruleName === "sweep" ? "a sweep axis ('field in [...]') or '}'" : "a field or '}'";
    }
    // Between items the parser "expects EOF": say what may start an item instead.
    return expected.name === "EOF" ? RULE_WORDS["item"]! : tokenLabel(expected);
  },
  buildNotAllInputParsedMessage() {
    return RULE_WORDS["item"]!;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, ruleName }) {
    return RULE_WORDS[ruleName] ?? alternatives(expectedPathsPerAlt.flat());
  },
  buildEarlyExitMessage({ expectedIterationPaths, ruleName }) {
    return RULE_WORDS[ruleName] ?? alternatives(expectedIterationPaths);
  },
};
