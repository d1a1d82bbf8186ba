/**
 * Turning a parsed answer into the value it denotes, before comparison:
 * "x = 5" is 5, "x > 3" is the interval (3, ∞), "x \in [0, 1]" is [0, 1],
 * "1 \pm \sqrt2" is the list of its two values.
 */
import type { Node, RelOp } from "./ast.js";
import { choosePm, freeVars, hasPm } from "./evaluate.js";

const INF: Node = { k: "const", name: "inf" };
const NEG_INF: Node = { k: "neg", x: INF };

export function shape(n: Node): Node {
  if (n.k === "list") {
    const xs = n.xs.flatMap((x) => expandPm(shapeItem(x)));
    return xs.length === 1 ? xs[0]! : { k: "list", xs };
  }
  const one = shapeItem(n);
  const xs = expandPm(one);
  return xs.length === 1 ? xs[0]! : { k: "list", xs };
}

function shapeItem(n: Node): Node {
  if (n.k === "rel") return shapeRelation(n.ops, n.xs) ?? n;
  if (n.k === "tuple") return { ...n, xs: n.xs.map(shapeNested) };
  if (n.k === "set") return { k: "set", xs: n.xs.flatMap((x) => expandPm(shapeNested(x))) };
  return n;
}

function shapeNested(n: Node): Node {
  return n.k === "rel" ? (shapeRelation(n.ops, n.xs) ?? n) : n;
}

/** x = 5 → 5; 5 = x → 5; x \in S → S; x > 3 → (3, ∞); 1 < x \le 2 → (1, 2]. Otherwise null. */
function shapeRelation(ops: readonly RelOp[], xs: readonly Node[]): Node | null {
  if (ops.length === 1) {
    const [op] = ops as [RelOp];
    const [l, r] = xs as [Node, Node];
    if (op === "=" || op === "in") {
      if (isLoneVariableOf(l, r)) return shapeItem(r);
      if (op === "=" && isLoneVariableOf(r, l)) return l;
      return null;
    }
    if (op === "!=") {
      const bound = isLoneVariableOf(l, r) ? r : isLoneVariableOf(r, l) ? l : null;
      if (!bound) return null;
      return {
        k: "union",
        xs: [
          { k: "tuple", open: "(", close: ")", xs: [NEG_INF, bound] },
          { k: "tuple", open: "(", close: ")", xs: [bound, INF] },
        ],
      };
    }
    if (isLoneVariableOf(l, r)) return ray(op, r, false);
    if (isLoneVariableOf(r, l)) return ray(op, l, true);
    return null;
  }
  if (ops.length === 2) {
    // a < x < b (or a > x > b): the middle term is the variable.
    const [o1, o2] = ops as [RelOp, RelOp];
    const [a, x, b] = xs as [Node, Node, Node];
    if (x.k !== "sym" || freeVars(a).size + freeVars(b).size > 0) return null;
    const up = (o: RelOp) => o === "<" || o === "<=";
    const down = (o: RelOp) => o === ">" || o === ">=";
    if (up(o1) && up(o2)) return interval(a, o1 === "<=", b, o2 === "<=");
    if (down(o1) && down(o2)) return interval(b, o2 === ">=", a, o1 === ">=");
  }
  return null;
}

/** The variable side of "x op bound" (or "bound op x" when flipped) as an interval. */
function ray(op: RelOp, bound: Node, flipped: boolean): Node | null {
  let o = op;
  if (flipped) o = op === "<" ? ">" : op === ">" ? "<" : op === "<=" ? ">=" : op === ">=" ? "<=" : op;
  switch (o) {
    case ">":
      return interval(bound, false, INF, false);
    case ">=":
      return interval(bound, true, INF, false);
    case "<":
      return interval(NEG_INF, false, bound, false);
    case "<=":
      return interval(NEG_INF, false, bound, true);
    default:
      return null;
  }
}

function interval(lo: Node, loClosed: boolean, hi: Node, hiClosed: boolean): Node {
  return { k: "tuple", open: loClosed ? "[" : "(", close: hiClosed ? "]" : ")", xs: [lo, hi] };
}

/** `v` is a single variable that does not occur in `other` (so "v = other" names a value). */
function isLoneVariableOf(v: Node, other: Node): boolean {
  if (v.k !== "sym" || v.name === "\\dots") return false;
  return !freeVars(other).has(v.name);
}

/** One ± in an answer stands for two answers. */
function expandPm(n: Node): Node[] {
  if (!hasPm(n)) return [n];
  if (n.k === "tuple" || n.k === "set" || n.k === "matrix" || n.k === "union" || n.k === "rel") return [n];
  return [choosePm(n, 1), choosePm(n, -1)];
}
