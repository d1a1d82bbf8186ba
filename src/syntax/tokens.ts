import { createToken, Lexer, type TokenType } from "chevrotain";

/**
 * The tokens of rlx. Keywords are reserved but may still name fields and arguments
 * (`steps: 200`, `seed: 1`): every keyword is in the `Name` category for that.
 */
export const Name = createToken({ name: "Name", pattern: Lexer.NA });
export const StringLiteral = createToken({ name: "StringLiteral", pattern: Lexer.NA, label: "string" });

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\uFEFF]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
/** Kept as a token (not skipped) so the parse step can report it with its position. */
export const UnterminatedComment = createToken({ name: "UnterminatedComment", pattern: /\/\*[\s\S]*/, group: "errors" });

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/, categories: [Name], label: "name" });
/** `pass@1`, `avg@8`: an evaluation metric with its sample count. */
export const MetricName = createToken({ name: "MetricName", pattern: /[A-Za-z_][A-Za-z0-9_]*@[0-9]+/, label: "metric (like pass@1)" });

const keywordTokens: TokenType[] = [];
function keyword(word: string): TokenType {
  const token = createToken({
    name: word[0]!.toUpperCase() + word.slice(1),
    pattern: new RegExp(`${word}(?![A-Za-z0-9_@])`),
    longer_alt: Identifier,
    categories: [Name],
    label: `'${word}'`,
  });
  keywordTokens.push(token);
  return token;
}

export const Import = keyword("import");
export const Experiment = keyword("experiment");
export const Sweep = keyword("sweep");
export const From = keyword("from");
export const Reward = keyword("reward");
export const Data = keyword("data");
export const Labels = keyword("labels");
export const Model = keyword("model");
export const Template = keyword("template");
export const Grpo = keyword("grpo");
export const Eval = keyword("eval");
export const Track = keyword("track");
export const Seed = keyword("seed");
export const Checkpoint = keyword("checkpoint");
export const Every = keyword("every");
export const Steps = keyword("steps");
export const On = keyword("on");
export const In = keyword("in");
export const If = keyword("if");
export const Then = keyword("then");
export const Else = keyword("else");
export const True = keyword("true");
export const False = keyword("false");
export const None = keyword("none");

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  // Not followed by a digit or a dot either: otherwise the regex backtracks and `12abc` lexes as `1` + `2abc`.
  pattern: /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?(?![A-Za-z0-9_.])/,
  label: "number",
});
/** A number glued to letters or dots (`12abc`, `1e`, `1.2.3`): one token, so the error names the whole thing. */
export const MalformedNumber = createToken({ name: "MalformedNumber", pattern: /[0-9][A-Za-z0-9_.]*/, group: "errors" });

export const DoneString = createToken({
  name: "DoneString",
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
  categories: [StringLiteral],
  label: "string",
});
/** A string cut by the end of its line; parsed as a string so the rest of the file is still checked. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*\\?/,
  categories: [StringLiteral],
  label: "string",
});

export const LCurly = createToken({ name: "LCurly", pattern: /{/, label: "'{'" });
export const RCurly = createToken({ name: "RCurly", pattern: /}/, label: "'}'" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "')'" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "'['" });
export const RBracket = createToken({ name: "RBracket", pattern: /]/, label: "']'" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "':'" });
export const Dot = createToken({ name: "Dot", pattern: /\./, label: "'.'" });

export const ComparisonOp = createToken({ name: "ComparisonOp", pattern: Lexer.NA, label: "comparison" });
export const EqEq = createToken({ name: "EqEq", pattern: /==/, categories: [ComparisonOp], label: "'=='" });
export const NotEq = createToken({ name: "NotEq", pattern: /!=/, categories: [ComparisonOp], label: "'!='" });
export const LessEq = createToken({ name: "LessEq", pattern: /<=/, categories: [ComparisonOp], label: "'<='" });
export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=/, categories: [ComparisonOp], label: "'>='" });
export const Less = createToken({ name: "Less", pattern: /</, categories: [ComparisonOp], label: "'<'" });
export const Greater = createToken({ name: "Greater", pattern: />/, categories: [ComparisonOp], label: "'>'" });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: "'='" });
export const Amp = createToken({ name: "Amp", pattern: /&/, label: "'&'" });
export const Pipe = createToken({ name: "Pipe", pattern: /\|/, label: "'|'" });
export const Bang = createToken({ name: "Bang", pattern: /!/, label: "'!'" });
export const Plus = createToken({ name: "Plus", pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "'-'" });
export const Star = createToken({ name: "Star", pattern: /\*/, label: "'*'" });
export const Slash = createToken({ name: "Slash", pattern: /\//, label: "'/'" });

/** Order matters: longer and more specific patterns first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  DoneString,
  UnterminatedString,
  NumberLiteral,
  MalformedNumber,
  MetricName,
  ...keywordTokens,
  Identifier,
  LCurly, RCurly, LParen, RParen, LBracket, RBracket, Comma, Colon, Dot,
  EqEq, NotEq, LessEq, GreaterEq, Less, Greater, Equals,
  Amp, Pipe, Bang, Plus, Minus, Star, Slash,
  Name, StringLiteral, ComparisonOp,
];

export const keywords: readonly string[] = keywordTokens.map((t) => String(t.LABEL).slice(1, -1));

export const rlxLexer = new Lexer(allTokens, { ensureOptimizations: true, positionTracking: "full" });
