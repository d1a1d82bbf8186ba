import type * as A from "./ast.js";

/**
 * The canonical pretty-printer: `parse(print(m))` gives back `m` (ranges aside), and printing
 * is idempotent. Only meant for error-free trees: a `Missing` node throws.
 */
export function print(module: A.Module): string {
  return module.items.map((item) => printItem(item) + "\n").join("\n");
}

/** One expression on one line, with the fewest parentheses that keep its meaning. */
export function printExpr(expr: A.Expr): string {
  return expression(expr, Prec.Or, false);
}

const INDENT = "  ";
/** A record that fits on its line within this many characters is printed inline. */
const MAX_WIDTH = 80;

function printItem(item: A.Item): string {
  switch (item.kind) {
    case "ImportDecl":
      return `import ${quote(item.path.value)}`;
    case "Definition":
      return `${item.sort} ${item.name.name} = ${printExpr(item.value)}`;
    case "GrpoDefinition":
      return grpoSpec(`grpo ${item.name.name} = `, item.value, "");
    case "ExperimentDecl": {
      const head = `experiment ${item.name.name}${item.base ? ` from ${item.base.name}` : ""}`;
      return block(head, item.clauses.map((c) => clause(c)));
    }
    case "SweepDecl": {
      const axes = item.axes.map((a) => `${INDENT}${a.path.map((p) => p.name).join(".")} in ${printExpr(a.values)}`);
      return block(`sweep ${item.name.name} from ${item.base.name}`, axes);
    }
  }
}

/** `head {` + already indented lines + `}`; an empty body stays on one line. */
function block(head: string, lines: string[]): string {
  return lines.length === 0 ? `${head} {}` : `${head} {\n${lines.join("\n")}\n}`;
}

/** One clause of an experiment, indented one level. */
function clause(c: A.Clause): string {
  switch (c.kind) {
    case "ExprClause":
      return `${INDENT}${c.field} ${printExpr(c.value)}`;
    case "GrpoClause":
      return grpoSpec(`${INDENT}grpo `, c.value, INDENT);
    case "EvalClause": {
      const schedule = c.schedule ? ` ${every(c.schedule)}` : "";
      const metrics = c.metrics.map(metric).join(", ");
      return `${INDENT}eval${schedule} on ${printExpr(c.data)} {${metrics ? ` ${metrics} ` : ""}}`;
    }
    case "TrackClause":
      return `${INDENT}track ${c.name.name} = ${printExpr(c.value)}`;
    case "CheckpointClause":
      return `${INDENT}checkpoint ${every(c.schedule)}`;
  }
}

function every(s: A.Schedule): string {
  return `every ${s.every.raw} steps`;
}

/** `pass@1()` builds the same AST as `pass@1`; the shorter form is the canonical one. */
function metric(m: A.Metric): string {
  const args = m.args.length > 0 ? `(${m.args.map(argument).join(", ")})` : "";
  return `${m.name}@${m.k}${args}`;
}

/**
 * `prefix preset { a: 1 }` on one line when it fits (`prefix` holds the indentation), else one
 * field a line. `fields: []` prints `{}` and `null` prints nothing: the AST keeps them apart.
 */
function grpoSpec(prefix: string, spec: A.GrpoSpec, indent: string): string {
  const preset = spec.preset ? spec.preset.name : "";
  // Neither part: what buildAst makes when recovery lost the whole spec, like a Missing node.
  if (!spec.preset && !spec.fields) throw new Error("cannot print a GRPO spec lost to a syntax error");
  if (spec.fields === null) return prefix + preset;
  const head = prefix + (preset ? `${preset} ` : "");
  const fields = spec.fields.map((p) => `${p.name.name}: ${printExpr(p.value)}`);
  const inline = fields.length === 0 ? `${head}{}` : `${head}{ ${fields.join(", ")} }`;
  if (inline.length <= MAX_WIDTH || fields.length === 0) return inline;
  // Commas between fields are optional, and one field a line reads better without them.
  return `${head}{\n${fields.map((f) => indent + INDENT + f).join("\n")}\n${indent}}`;
}

function argument(a: A.Argument): string {
  return (a.name ? `${a.name.name}: ` : "") + printExpr(a.value);
}

/** Binding strength, loosest first. Atoms (literals, names, calls, lists) never need parentheses. */
const Prec = { Or: 1, And: 2, Compare: 3, Add: 4, Mul: 5, Unary: 6 } as const;

const BINARY_PREC: Record<A.BinaryOp, number> = {
  "|": Prec.Or,
  "&": Prec.And,
  "==": Prec.Compare,
  "!=": Prec.Compare,
  "<": Prec.Compare,
  "<=": Prec.Compare,
  ">": Prec.Compare,
  ">=": Prec.Compare,
  "+": Prec.Add,
  "-": Prec.Add,
  "*": Prec.Mul,
  "/": Prec.Mul,
};

/**
 * Prints `e` where the context needs at least precedence `min`. `followed` says whether more of
 * the same expression comes after `e` on its right (`e` is a left operand, or ends one): an
 * `if … else x` there would swallow what follows into its else branch, so it gets parentheses.
 */
function expression(e: A.Expr, min: number, followed: boolean): string {
  switch (e.kind) {
    case "NumberLit":
      return e.raw;
    case "StringLit":
      return quote(e.value);
    case "BoolLit":
      return e.value ? "true" : "false";
    case "NoneLit":
      return "none";
    case "Identifier":
      return e.name;
    case "Call":
      return `${e.callee.name}(${e.args.map(argument).join(", ")})`;
    case "ListLit":
      return `[${e.items.map(printExpr).join(", ")}]`;
    case "IfExpr": {
      // Condition and then-branch end at a keyword, so they never need parentheses of their own.
      const text = `if ${printExpr(e.condition)} then ${printExpr(e.then)} else ${expression(e.otherwise, Prec.Or, false)}`;
      return followed ? `(${text})` : text;
    }
    case "Unary": {
      const operand = expression(e.operand, Prec.Unary, followed);
      // `- -1` rather than `--1`, which reads like a decrement operator.
      const space = e.op === "-" && operand.startsWith("-") ? " " : "";
      return `${e.op}${space}${operand}`;
    }
    case "Binary": {
      const prec = BINARY_PREC[e.op];
      const parens = prec < min;
      // Left-associative: an equal-precedence left operand needs no parentheses, a right one does.
      // Comparisons do not chain at all, so a comparison operand of either side gets them.
      const left = expression(e.left, prec === Prec.Compare ? prec + 1 : prec, true);
      const right = expression(e.right, prec + 1, parens ? false : followed);
      const text = `${left} ${e.op} ${right}`;
      return parens ? `(${text})` : text;
    }
    case "Missing":
      throw new Error("cannot print a Missing node: the printer only handles error-free syntax trees");
  }
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\0": "\\0" };

/** A string literal that re-lexes to `value`: control characters and lone surrogates are escaped. */
function quote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return out + '"';
}
