/**
 * Checked values: what the checker hands to the graph builder. Plain JSON-able data with every
 * name resolved, defaults filled in and arguments keyed by parameter name, so two values that
 * mean the same serialise identically (the graph hashes them).
 */
export type OpName = "and" | "or" | "not" | "neg" | "add" | "sub" | "mul" | "div" | "eq" | "ne" | "lt" | "le" | "gt" | "ge";

export type Value =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "none" }
  | { readonly kind: "enum"; readonly value: string }
  | { readonly kind: "list"; readonly items: readonly Value[] }
  /** A built-in applied to its arguments, keyed by parameter name. */
  | { readonly kind: "call"; readonly fn: string; readonly args: Readonly<Record<string, Value>> }
  | { readonly kind: "op"; readonly op: OpName; readonly args: readonly Value[] }
  | { readonly kind: "if"; readonly cond: Value; readonly then: Value; readonly otherwise: Value }
  /** A column of a dataset row, inside `where(...)`. */
  | { readonly kind: "column"; readonly name: string }
  /** A data source followed by its stages: `arith(...) | where(...) | shuffle(...)`. */
  | { readonly kind: "pipeline"; readonly source: Value; readonly stages: readonly Value[] }
  /** A named definition, kept so explanations and reports can say `box_only_format` rather than its body. */
  | { readonly kind: "ref"; readonly name: string; readonly value: Value };

export const num = (value: number): Value => ({ kind: "number", value });
export const str = (value: string): Value => ({ kind: "string", value });
export const bool = (value: boolean): Value => ({ kind: "bool", value });
export const none: Value = { kind: "none" };

/** Strips `ref` wrappers: the value a name stands for. */
export function unref(v: Value): Value {
  return v.kind === "ref" ? unref(v.value) : v;
}

/** The plain JSON form of a constant (numbers, strings, booleans, none, enums, lists of them). */
export function constantJson(v: Value): unknown {
  const u = unref(v);
  switch (u.kind) {
    case "number":
    case "string":
    case "bool":
    case "enum":
      return u.value;
    case "none":
      return null;
    case "list":
      return u.items.map(constantJson);
    default:
      return u;
  }
}
