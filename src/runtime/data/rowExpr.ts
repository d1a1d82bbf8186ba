import { applyOp, type Scalar } from "../../core/operators.js";
import type { Value } from "../../core/values.js";
import type { Row } from "./rows.js";

/** Evaluates a checked row condition (`len(problem) < 120`) on one row. */
export function evaluateRowExpr(v: Value, row: Row): Scalar {
  switch (v.kind) {
    case "number":
    case "string":
    case "bool":
      return v.value;
    case "column":
      return v.name === "problem" ? row.problem : row.answer;
    case "ref":
      return evaluateRowExpr(v.value, row);
    case "call":
      if (v.fn === "len") return String(evaluateRowExpr(v.args["text"]!, row)).length;
      throw new Error(`internal: '${v.fn}' is not a row function`);
    case "if":
      return evaluateRowExpr(v.cond, row) ? evaluateRowExpr(v.then, row) : evaluateRowExpr(v.otherwise, row);
    case "op": {
      const [a, b] = v.args.map((x) => evaluateRowExpr(x, row));
      return applyOp(v.op, a!, b ?? 0);
    }
    default:
      throw new Error(`internal: a ${v.kind} value is not a row expression`);
  }
}
