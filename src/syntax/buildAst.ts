import type { CstElement, CstNode, IToken } from "chevrotain";
import { Diag } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Range, SourceFile } from "../diagnostics/source.js";
import type * as A from "./ast.js";

/**
 * Turns Chevrotain's CST into the typed AST. Parts lost to error recovery become `Missing`
 * nodes (or are dropped from lists), so the checker can still look at the rest of the file.
 */
export function buildAst(cst: CstNode, file: SourceFile, diagnostics: Diagnostic[]): A.Module {
  return new AstBuilder(file, diagnostics).module(cst);
}

export function buildExpression(cst: CstNode, file: SourceFile, diagnostics: Diagnostic[]): A.Expr {
  return new AstBuilder(file, diagnostics).expression(cst);
}

const CLAUSE_FIELDS: Record<string, A.ExprClauseField> = {
  Model: "model", Data: "data", Labels: "labels", Reward: "reward", Template: "template", Seed: "seed",
};
const DEFINITION_SORTS: Record<string, A.DefinitionSort> = {
  Reward: "reward", Data: "data", Labels: "labels", Model: "model", Template: "template",
};

class AstBuilder {
  /** End offset of the last real token seen: where a node lost to recovery is placed. */
  private lastEnd = 0;

  constructor(
    private readonly file: SourceFile,
    private readonly diagnostics: Diagnostic[],
  ) {}

  module(cst: CstNode): A.Module {
    const items = nodes(cst, "item").flatMap((n) => {
      const item = this.item(n);
      return item ? [item] : [];
    });
    return { kind: "Module", items, range: { start: 0, end: this.file.text.length } };
  }

  private item(node: CstNode): A.Item | null {
    const [child] = allChildren(node).filter(isNode);
    if (!child) return null;
    switch (child.name) {
      case "importDecl": {
        const path = token(child, "StringLiteral");
        return path ? { kind: "ImportDecl", path: this.stringLit(path), range: this.rangeOf(child) } : null;
      }
      case "definition": {
        const sortToken = firstToken(child, Object.keys(DEFINITION_SORTS));
        const name = this.identifier(token(child, "Identifier"));
        if (!sortToken || !name) return null;
        return {
          kind: "Definition",
          sort: DEFINITION_SORTS[sortToken.tokenType.name]!,
          name,
          value: this.expression(node1(child, "expression")),
          range: this.rangeOf(child),
        };
      }
      case "grpoDefinition": {
        const name = this.identifier(token(child, "Identifier"));
        const spec = node1(child, "grpoSpec");
        if (!name) return null;
        return { kind: "GrpoDefinition", name, value: this.grpoSpec(spec, child), range: this.rangeOf(child) };
      }
      case "experiment": {
        const [nameToken, baseToken] = tokens(child, "Identifier");
        const name = this.identifier(nameToken);
        if (!name) return null;
        const clauses = nodes(child, "clause").flatMap((c) => {
          const clause = this.clause(c);
          return clause ? [clause] : [];
        });
        return { kind: "ExperimentDecl", name, base: this.identifier(baseToken), clauses, range: this.rangeOf(child) };
      }
      case "sweep": {
        const [nameToken, baseToken] = tokens(child, "Identifier");
        const name = this.identifier(nameToken);
        const base = this.identifier(baseToken);
        if (!name || !base) return null;
        const axes = nodes(child, "sweepAxis").flatMap((a) => {
          const axis = this.sweepAxis(a);
          return axis ? [axis] : [];
        });
        return { kind: "SweepDecl", name, base, axes, range: this.rangeOf(child) };
      }
      default:
        return null;
    }
  }

  private sweepAxis(node: CstNode): A.SweepAxis | null {
    const path = tokens(node, "Name").flatMap((t) => {
      const id = this.identifier(t);
      return id ? [id] : [];
    });
    const list = node1(node, "list");
    if (path.length === 0 || !list) return null;
    return { kind: "SweepAxis", path, values: this.list(list), range: this.rangeOf(node) };
  }

  private clause(node: CstNode): A.Clause | null {
    const [child] = allChildren(node).filter(isNode);
    if (!child) return null;
    const range = this.rangeOf(child);
    switch (child.name) {
      case "exprClause": {
        const keyword = firstToken(child, Object.keys(CLAUSE_FIELDS));
        if (!keyword) return null;
        return {
          kind: "ExprClause",
          field: CLAUSE_FIELDS[keyword.tokenType.name]!,
          keyword: this.tokenRange(keyword),
          value: this.expression(node1(child, "expression")),
          range,
        };
      }
      case "grpoClause":
        return {
          kind: "GrpoClause",
          keyword: this.tokenRange(token(child, "Grpo")),
          value: this.grpoSpec(node1(child, "grpoSpec"), child),
          range,
        };
      case "evalClause": {
        const schedule = node1(child, "schedule");
        return {
          kind: "EvalClause",
          keyword: this.tokenRange(token(child, "Eval")),
          schedule: schedule ? this.schedule(schedule) : null,
          data: this.expression(node1(child, "expression")),
          metrics: nodes(child, "metric").flatMap((m) => {
            const metric = this.metric(m);
            return metric ? [metric] : [];
          }),
          range,
        };
      }
      case "trackClause": {
        const name = this.identifier(token(child, "Identifier"));
        if (!name) return null;
        return {
          kind: "TrackClause",
          keyword: this.tokenRange(token(child, "Track")),
          name,
          value: this.expression(node1(child, "expression")),
          range,
        };
      }
      case "checkpointClause": {
        const schedule = node1(child, "schedule");
        if (!schedule) return null;
        return {
          kind: "CheckpointClause",
          keyword: this.tokenRange(token(child, "Checkpoint")),
          schedule: this.schedule(schedule),
          range,
        };
      }
      default:
        return null;
    }
  }

  private schedule(node: CstNode): A.Schedule {
    return { kind: "Schedule", every: this.numberLit(token(node, "NumberLiteral")), range: this.rangeOf(node) };
  }

  private metric(node: CstNode): A.Metric | null {
    const nameToken = token(node, "MetricName");
    if (!nameToken || !isReal(nameToken)) return null;
    const [name, k] = nameToken.image.split("@") as [string, string];
    const args = node1(node, "argumentList");
    return {
      kind: "Metric",
      name,
      k: Number(k),
      nameRange: this.tokenRange(nameToken),
      args: args ? this.argumentList(args) : [],
      range: this.rangeOf(node),
    };
  }

  private grpoSpec(node: CstNode | undefined, parent: CstNode): A.GrpoSpec {
    if (!node) return { kind: "GrpoSpec", preset: null, fields: null, range: this.missingRange(parent) };
    const record = node1(node, "record");
    return {
      kind: "GrpoSpec",
      preset: this.identifier(token(node, "Identifier")),
      fields: record
        ? nodes(record, "property").flatMap((p) => {
            const name = this.identifier(token(p, "Name"));
            if (!name) return [];
            const property: A.Property = {
              kind: "Property",
              name,
              value: this.expression(node1(p, "expression")),
              range: this.rangeOf(p),
            };
            return [property];
          })
        : null,
      range: this.rangeOf(node),
    };
  }

  expression(node: CstNode | undefined): A.Expr {
    if (!node) return this.missing();
    // The parser skipped tokens inside to get back in step: what is left is a fragment whose
    // meaning is unknown, and checking it would report the syntax error again as a type error.
    if (node.recoveredNode) return { kind: "Missing", range: this.rangeOf(node) };
    const or = node1(node, "orExpr");
    return or ? this.binaryChain(or, "andExpr", ["Pipe"], (n) => this.binaryChain(n, "comparison", ["Amp"], (c) => this.comparison(c))) : this.missing();
  }

  /** `a op b op c` folds left: ((a op b) op c). */
  private binaryChain(node: CstNode, operandRule: string, operatorNames: string[], operand: (n: CstNode) => A.Expr): A.Expr {
    const operands = nodes(node, operandRule);
    const operators = operatorNames.flatMap((name) => tokens(node, name)).sort((a, b) => a.startOffset - b.startOffset);
    let left = operands[0] ? operand(operands[0]) : this.missing();
    for (let i = 0; i < operators.length; i++) {
      const right = operands[i + 1] ? operand(operands[i + 1]!) : this.missing();
      left = {
        kind: "Binary",
        op: operators[i]!.image as A.BinaryOp,
        left,
        right,
        range: { start: left.range.start, end: Math.max(right.range.end, left.range.end) },
      };
    }
    return left;
  }

  private comparison(node: CstNode): A.Expr {
    return this.binaryChain(node, "additive", ["ComparisonOp"], (n) =>
      this.binaryChain(n, "multiplicative", ["Plus", "Minus"], (m) =>
        this.binaryChain(m, "unary", ["Star", "Slash"], (u) => this.unary(u)),
      ),
    );
  }

  private unary(node: CstNode): A.Expr {
    const primary = node1(node, "primary");
    if (primary) return this.primary(primary);
    const op = token(node, "Bang") ?? token(node, "Minus");
    const operand = this.expressionOrMissing(node1(node, "unary"), (n) => this.unary(n));
    if (!op || !isReal(op)) return operand;
    return { kind: "Unary", op: op.image as A.UnaryOp, operand, range: { start: op.startOffset, end: Math.max(operand.range.end, op.endOffset! + 1) } };
  }

  private primary(node: CstNode): A.Expr {
    const child = allChildren(node)[0];
    if (!child) return this.missing();
    if (isNode(child)) {
      switch (child.name) {
        case "callOrName":
          return this.callOrName(child);
        case "parenthesized":
          return this.expression(node1(child, "expression"));
        case "list":
          return this.list(child);
        case "ifExpr": {
          const [cond, then, otherwise] = nodes(child, "expression");
          return {
            kind: "IfExpr",
            condition: this.expression(cond),
            then: this.expression(then),
            otherwise: this.expression(otherwise),
            range: this.rangeOf(child),
          };
        }
      }
      return this.missing();
    }
    if (!isReal(child)) return this.missing();
    const range = this.tokenRange(child);
    switch (child.tokenType.name) {
      case "NumberLiteral":
        return this.numberLit(child);
      case "True":
        return { kind: "BoolLit", value: true, range };
      case "False":
        return { kind: "BoolLit", value: false, range };
      case "None":
        return { kind: "NoneLit", range };
      default:
        return this.stringLit(child);
    }
  }

  private callOrName(node: CstNode): A.Expr {
    const callee = this.identifier(token(node, "Identifier"));
    if (!callee) return this.missing();
    const args = node1(node, "argumentList");
    if (!token(node, "LParen")) return callee;
    return { kind: "Call", callee, args: args ? this.argumentList(args) : [], range: this.rangeOf(node) };
  }

  private argumentList(node: CstNode): A.Argument[] {
    return nodes(node, "argument").map((arg) => ({
      kind: "Argument",
      name: this.identifier(token(arg, "Name")),
      value: this.expression(node1(arg, "expression")),
      range: this.rangeOf(arg),
    }));
  }

  private list(node: CstNode): A.ListLit {
    const items = nodes(node, "expression").map((e) => this.expression(e)).filter((e) => e.kind !== "Missing");
    return { kind: "ListLit", items, range: this.rangeOf(node) };
  }

  private expressionOrMissing(node: CstNode | undefined, build: (n: CstNode) => A.Expr): A.Expr {
    return node ? build(node) : this.missing();
  }

  private numberLit(tok: IToken | undefined): A.NumberLit {
    if (!tok || !isReal(tok)) return { kind: "NumberLit", value: NaN, raw: "", range: this.missingRange() };
    return { kind: "NumberLit", value: Number(tok.image), raw: tok.image, range: this.tokenRange(tok) };
  }

  private stringLit(tok: IToken): A.StringLit {
    const range = this.tokenRange(tok);
    if (!isReal(tok)) return { kind: "StringLit", value: "", range };
    const terminated = tok.tokenType.name === "DoneString";
    const body = tok.image.slice(1, terminated ? -1 : undefined);
    return { kind: "StringLit", value: this.unescape(body, tok.startOffset + 1), range };
  }

  private unescape(body: string, offset: number): string {
    return body.replace(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|.?)/g, (match, esc: string, at: number) => {
      const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\", "0": "\0" };
      if (esc in simple) return simple[esc]!;
      if (esc.startsWith("u")) {
        const code = parseInt(esc.replace(/[u{}]/g, ""), 16);
        if (code <= 0x10ffff) return String.fromCodePoint(code);
      }
      const start = offset + at;
      this.diagnostics.push(diagnostic(Diag.InvalidEscape({ escape: match }), this.file, { start, end: start + match.length }));
      return match;
    });
  }

  private identifier(tok: IToken | undefined): A.Identifier | null {
    if (!tok || !isReal(tok)) return null;
    return { kind: "Identifier", name: tok.image, range: this.tokenRange(tok) };
  }

  private missing(): A.Missing {
    return { kind: "Missing", range: this.missingRange() };
  }

  private missingRange(near?: CstNode): Range {
    const end = near?.location?.endOffset;
    const at = end !== undefined && end >= 0 ? end + 1 : this.lastEnd; // NaN and -1: no token read
    return { start: at, end: at };
  }

  private tokenRange(tok: IToken | undefined): Range {
    if (!tok || !isReal(tok)) return this.missingRange();
    this.lastEnd = Math.max(this.lastEnd, tok.endOffset! + 1);
    return { start: tok.startOffset, end: tok.endOffset! + 1 };
  }

  private rangeOf(node: CstNode): Range {
    const loc = node.location;
    // A node the parser recovered without reading a token has no location (NaN, or -1 from re-sync).
    if (!loc || Number.isNaN(loc.startOffset) || loc.startOffset < 0) return this.missingRange();
    const end = loc.endOffset === undefined || Number.isNaN(loc.endOffset) ? loc.startOffset : loc.endOffset + 1;
    this.lastEnd = Math.max(this.lastEnd, end);
    return { start: loc.startOffset, end };
  }
}

function isNode(el: CstElement): el is CstNode {
  return (el as CstNode).children !== undefined;
}

/** A token the parser really read, not one it pretended to insert while recovering. */
function isReal(tok: IToken): boolean {
  return !tok.isInsertedInRecovery && !Number.isNaN(tok.startOffset);
}

function allChildren(node: CstNode): CstElement[] {
  return Object.values(node.children).flat();
}

function nodes(node: CstNode, name: string): CstNode[] {
  return (node.children[name] ?? []).filter(isNode);
}

function node1(node: CstNode, name: string): CstNode | undefined {
  return nodes(node, name)[0];
}

function tokens(node: CstNode, name: string): IToken[] {
  return (node.children[name] ?? []).filter((el): el is IToken => !isNode(el));
}

function token(node: CstNode, name: string): IToken | undefined {
  return tokens(node, name)[0];
}

function firstToken(node: CstNode, names: string[]): IToken | undefined {
  for (const name of names) {
    const t = token(node, name);
    if (t && isReal(t)) return t;
  }
  return undefined;
}
