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

export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (expected.name === "RCurly" && (ruleName === "experiment" || ruleName === "sweep" || ruleName === "record")) {
      const what = ruleName === "experiment" ? "a clause or '}'" : ruleName === "sweep" ? "a sweep axis ('field in [...]') or '}'" : "a field or '}'";
      return `expected ${what} but found ${describeToken(actual)}`;
    }
    // Between items the parser "expects EOF": say what may start an item instead.
    const what = expected.name === "EOF" ? RULE_WORDS["item"] : tokenLabel(expected);
    return `expected ${what} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected ${RULE_WORDS["item"]} but found ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const expected = RULE_WORDS[ruleName] ?? alternatives(expectedPathsPerAlt.flat());
    return `expected ${expected} but found ${describeToken(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const expected = RULE_WORDS[ruleName] ?? alternatives(expectedIterationPaths);
    return `expected ${expected} but found ${describeToken(actual[0]!)}`;
  },
};
