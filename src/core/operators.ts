import type { OpName } from "./values.js";

/** A value an expression of the language computes: a predicate, a number or a text. */
export type Scalar = number | boolean | string;

/** What an operator of the language computes on values: rewards and row conditions share it. */
export function applyOp(op: OpName, x: Scalar, y: Scalar): Scalar {
  switch (op) {
    case "and":
      return x === true && y === true;
    case "or":
      return x === true || y === true;
    case "not":
      return x !== true;
    case "neg":
      return -Number(x);
    case "add":
      return Number(x) + Number(y);
    case "sub":
      return Number(x) - Number(y);
    case "mul":
      return Number(x) * Number(y);
    case "div":
      return Number(x) / Number(y);
    case "eq":
      return same(x, y);
    case "ne":
      return !same(x, y);
    case "lt":
      return Number(x) < Number(y);
    case "le":
      return Number(x) <= Number(y);
    case "gt":
      return Number(x) > Number(y);
    case "ge":
      return Number(x) >= Number(y);
  }
}

/** Texts compare as texts; anything else as numbers, a predicate counting as 0 or 1. */
function same(x: Scalar, y: Scalar): boolean {
  return typeof x === "string" && typeof y === "string" ? x === y : Number(x) === Number(y);
}
