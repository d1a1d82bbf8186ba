import { CstParser } from "chevrotain";
import { errorMessages } from "./errorMessages.js";
import * as T from "./tokens.js";

/**
 * The rlx grammar as a Chevrotain CST parser with error recovery on, so one run reports
 * several errors. The CST is turned into the typed AST by `buildAst.ts`; the syntax diagrams in
 * grammar/ are generated from this class, so it is the single source of truth for the syntax.
 */
export class RlxParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "full", errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.item));
  });

  item = this.RULE("item", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.importDecl) },
      { ALT: () => this.SUBRULE(this.definition) },
      { ALT: () => this.SUBRULE(this.grpoDefinition) },
      { ALT: () => this.SUBRULE(this.experiment) },
      { ALT: () => this.SUBRULE(this.sweep) },
    ]);
  });

  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLiteral);
  });

  definition = this.RULE("definition", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Reward) },
      { ALT: () => this.CONSUME(T.Data) },
      { ALT: () => this.CONSUME(T.Labels) },
      { ALT: () => this.CONSUME(T.Model) },
      { ALT: () => this.CONSUME(T.Template) },
    ]);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  grpoDefinition = this.RULE("grpoDefinition", () => {
    this.CONSUME(T.Grpo);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.grpoSpec);
  });

  experiment = this.RULE("experiment", () => {
    this.CONSUME(T.Experiment);
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.From);
      this.CONSUME2(T.Identifier);
    });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.clause));
    this.CONSUME(T.RCurly);
  });

  clause = this.RULE("clause", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.exprClause) },
      { ALT: () => this.SUBRULE(this.grpoClause) },
      { ALT: () => this.SUBRULE(this.evalClause) },
      { ALT: () => this.SUBRULE(this.trackClause) },
      { ALT: () => this.SUBRULE(this.checkpointClause) },
    ]);
  });

  exprClause = this.RULE("exprClause", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Model) },
      { ALT: () => this.CONSUME(T.Data) },
      { ALT: () => this.CONSUME(T.Labels) },
      { ALT: () => this.CONSUME(T.Reward) },
      { ALT: () => this.CONSUME(T.Template) },
      { ALT: () => this.CONSUME(T.Seed) },
    ]);
    this.SUBRULE(this.expression);
  });

  grpoClause = this.RULE("grpoClause", () => {
    this.CONSUME(T.Grpo);
    this.SUBRULE(this.grpoSpec);
  });

  grpoSpec = this.RULE("grpoSpec", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Identifier);
          this.OPTION(() => this.SUBRULE(this.record));
        },
      },
      { ALT: () => this.SUBRULE2(this.record) },
    ]);
  });

  /** `{ name: value, … }`; commas between fields are optional so one field a line reads well. */
  record = this.RULE("record", () => {
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.property);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });

  property = this.RULE("property", () => {
    this.CONSUME(T.Name);
    this.CONSUME(T.Colon);
    this.SUBRULE(this.expression);
  });

  evalClause = this.RULE("evalClause", () => {
    this.CONSUME(T.Eval);
    this.OPTION(() => this.SUBRULE(this.schedule));
    this.CONSUME(T.On);
    this.SUBRULE(this.expression);
    this.CONSUME(T.LCurly);
    this.OPTION2(() => {
      this.SUBRULE(this.metric);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== T.RCurly,
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.metric);
        },
      });
      this.OPTION3(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });

  schedule = this.RULE("schedule", () => {
    this.CONSUME(T.Every);
    this.CONSUME(T.NumberLiteral);
    this.CONSUME(T.Steps);
  });

  metric = this.RULE("metric", () => {
    this.CONSUME(T.MetricName);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.argumentList);
      this.CONSUME(T.RParen);
    });
  });

  trackClause = this.RULE("trackClause", () => {
    this.CONSUME(T.Track);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  checkpointClause = this.RULE("checkpointClause", () => {
    this.CONSUME(T.Checkpoint);
    this.SUBRULE(this.schedule);
  });

  sweep = this.RULE("sweep", () => {
    this.CONSUME(T.Sweep);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.From);
    this.CONSUME2(T.Identifier);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.sweepAxis));
    this.CONSUME(T.RCurly);
  });

  sweepAxis = this.RULE("sweepAxis", () => {
    this.CONSUME(T.Name);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.CONSUME2(T.Name);
    });
    this.CONSUME(T.In);
    this.SUBRULE(this.list);
  });

  // Expressions, loosest binding first: `|`, `&`, comparison, `+ -`, `* /`, unary.
  // The checker gives `|` its meaning from the operand types: "or" of predicates, or a data pipeline stage.

  expression = this.RULE("expression", () => {
    this.SUBRULE(this.orExpr);
  });

  orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      this.SUBRULE2(this.andExpr);
    });
  });

  andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.comparison);
    this.MANY(() => {
      this.CONSUME(T.Amp);
      this.SUBRULE2(this.comparison);
    });
  });

  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.CONSUME(T.ComparisonOp);
      this.SUBRULE2(this.additive);
    });
  });

  additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE2(this.multiplicative);
    });
  });

  multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }]);
      this.SUBRULE2(this.unary);
    });
  });

  unary = this.RULE("unary", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.Bang) }, { ALT: () => this.CONSUME(T.Minus) }]);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.None) },
      { ALT: () => this.SUBRULE(this.callOrName) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
      { ALT: () => this.SUBRULE(this.list) },
      { ALT: () => this.SUBRULE(this.ifExpr) },
    ]);
  });

  callOrName = this.RULE("callOrName", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.SUBRULE(this.argumentList);
      this.CONSUME(T.RParen);
    });
  });

  argumentList = this.RULE("argumentList", () => {
    this.OPTION(() => {
      this.SUBRULE(this.argument);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== T.RParen,
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.argument);
        },
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
  });

  argument = this.RULE("argument", () => {
    this.OPTION(() => {
      this.CONSUME(T.Name);
      this.CONSUME(T.Colon);
    });
    this.SUBRULE(this.expression);
  });

  parenthesized = this.RULE("parenthesized", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  list = this.RULE("list", () => {
    this.CONSUME(T.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== T.RBracket,
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.expression);
        },
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RBracket);
  });

  ifExpr = this.RULE("ifExpr", () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression);
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression);
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression);
  });
}

/** One parser instance serves every parse: Chevrotain parsers are reusable after `input` is reset. */
let shared: RlxParser | undefined;
export function getParser(): RlxParser {
  shared ??= new RlxParser();
  return shared;
}
