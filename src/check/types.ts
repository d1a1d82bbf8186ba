/**
 * The types of rlx values. Scalars vary over a domain: a constant, a dataset row (inside
 * `where(...)`), or a sampled response (rewards and tracked behaviours). A reward predicate is
 * a boolean over responses; a real-valued reward is a number over responses.
 */
export type Domain = "const" | "row" | "response";
export type ScalarBase = "number" | "bool" | "string";

export type Type =
  | { readonly kind: "scalar"; readonly base: ScalarBase; readonly domain: Domain }
  | { readonly kind: "none" }
  | { readonly kind: "dataset" }
  | { readonly kind: "stage" }
  | { readonly kind: "labels" }
  | { readonly kind: "model" }
  | { readonly kind: "template" }
  | { readonly kind: "grpo" }
  | { readonly kind: "list"; readonly element: Type }
  /** An identifier that names a choice (`constant`, `token_mean`); only valid where a field expects one. */
  | { readonly kind: "enum"; readonly member: string }
  /** Stands for a value that already produced a diagnostic, so no second one follows from it. */
  | { readonly kind: "error" };

export const scalar = (base: ScalarBase, domain: Domain = "const"): Type => ({ kind: "scalar", base, domain });
export const T = {
  number: scalar("number"),
  bool: scalar("bool"),
  string: scalar("string"),
  predicate: scalar("bool", "response"),
  real: scalar("number", "response"),
  responseText: scalar("string", "response"),
  rowBool: scalar("bool", "row"),
  rowString: scalar("string", "row"),
  none: { kind: "none" } as Type,
  dataset: { kind: "dataset" } as Type,
  stage: { kind: "stage" } as Type,
  labels: { kind: "labels" } as Type,
  model: { kind: "model" } as Type,
  template: { kind: "template" } as Type,
  grpo: { kind: "grpo" } as Type,
  error: { kind: "error" } as Type,
};

const SCALAR_NAMES: Record<Domain, Record<ScalarBase, string>> = {
  const: { number: "number", bool: "boolean", string: "string" },
  row: { number: "row number", bool: "row condition", string: "row text" },
  response: { number: "real-valued reward", bool: "predicate", string: "response text" },
};

/** How a type reads in a message: "predicate", "dataset", "list of models". */
export function typeName(t: Type): string {
  switch (t.kind) {
    case "scalar":
      return SCALAR_NAMES[t.domain][t.base];
    case "list":
      return `list of ${typeName(t.element)}s`;
    case "enum":
      return `name '${t.member}'`;
    case "grpo":
      return "GRPO configuration";
    case "none":
      return "none";
    default:
      return t.kind;
  }
}

/** Whether a value of type `t` is a reward: a predicate or a real-valued reward (constants included). */
export function isRewardType(t: Type): boolean {
  return t.kind === "error" || (t.kind === "scalar" && t.base !== "string" && t.domain !== "row");
}

/** The domain of a combination: constants take the other side's; row and response never mix. */
export function joinDomains(a: Domain, b: Domain): Domain | null {
  if (a === "const") return b;
  if (b === "const" || a === b) return a;
  return null;
}
