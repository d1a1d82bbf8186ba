import type { Type } from "../types.js";
import type { Value } from "../../core/values.js";

/** A parameter of a built-in: its type, default, and the range the checker enforces. */
export interface ParamSpec {
  readonly name: string;
  /** `"string-any"`: a string of any domain (a constant, a row column, the response). */
  readonly type: Type | "string-any";
  /** Absent and not `optional`: the argument is required. */
  readonly default?: Value;
  /** Optional without a default: left out of the checked call, and the runtime decides (see doc). */
  readonly optional?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  /** For string parameters that name one of a fixed set of things. */
  readonly choices?: readonly string[];
  /** A path to a data file, relative to the .rlx file; the checked value is the path as seen from the working directory. */
  readonly file?: boolean;
  readonly doc: string;
}

export type BuiltinCategory = "reward" | "value" | "data" | "stage" | "labels" | "model";

export interface BuiltinSpec {
  readonly name: string;
  readonly category: BuiltinCategory;
  readonly params: readonly ParamSpec[];
  /** Exactly one of these parameters must be given (`arith(train: …)` or `arith(test: …)`). */
  readonly exactlyOne?: readonly string[];
  /** The result type; a function when it depends on the arguments' types (`len`). */
  readonly result: Type | ((argTypes: readonly Type[]) => Type);
  readonly doc: string;
}

export const INT = { integer: true } as const;
