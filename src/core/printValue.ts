import type { OpName, Value } from "./values.js";

/** How tightly each operator binds, loosest first, as in the grammar. */
const PRECEDENCE: Record<OpName, number> = {
  or: 1, and: 2, eq: 3, ne: 3, lt: 3, le: 3, gt: 3, ge: 3, add: 4, sub: 4, mul: 5, div: 5, not: 6, neg: 6,
};
const SYMBOL: Record<OpName, string> = {
  or: "|", and: "&", eq: "==", ne: "!=", lt: "<", le: "<=", gt: ">", ge: ">=", add: "+", sub: "-", mul: "*", div: "/", not: "!", neg: "-",
};

/**
 * Writes a checked value back in rlx syntax: named definitions by their name, calls with the
 * arguments the user could have written (defaults left out is not attempted: every argument shows).
 */
export function printValue(v: Value, parentPrecedence = 0): string {
  switch (v.kind) {
    case "number":
      return String(v.value);
    case "string":
      return JSON.stringify(v.value);
    case "bool":
      return String(v.value);
    case "none":
      return "none";
    case "enum":
      return v.value;
    case "column":
      return v.name;
    case "ref":
      return v.name;
    case "list":
      return `[${v.items.map((i) => printValue(i)).join(", ")}]`;
    case "call": {
      const args = Object.entries(v.args).map(([k, a]) => `${k}: ${printValue(a)}`);
      return args.length === 0 ? v.fn : `${v.fn}(${args.join(", ")})`;
    }
    case "pipeline":
      return wrap([printValue(v.source, 2), ...v.stages.map((s) => printValue(s, 2))].join(" | "), 1, parentPrecedence);
    case "if":
      return wrap(`if ${printValue(v.cond)} then ${printValue(v.then)} else ${printValue(v.otherwise)}`, 0, parentPrecedence);
    case "op": {
      const p = PRECEDENCE[v.op];
      if (v.args.length === 1) return wrap(`${SYMBOL[v.op]}${printValue(v.args[0]!, p)}`, p, parentPrecedence);
      // Left-associative: the right operand needs parentheses at equal precedence; comparisons never chain.
      const left = printValue(v.args[0]!, p === 3 ? p + 1 : p);
      const right = printValue(v.args[1]!, p + 1);
      return wrap(`${left} ${SYMBOL[v.op]} ${right}`, p, parentPrecedence);
    }
  }
}

function wrap(text: string, own: number, parent: number): string {
  return own < parent ? `(${text})` : text;
}
