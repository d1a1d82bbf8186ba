import { dataBuiltins } from "./data.js";
import { labelBuiltins } from "./labels.js";
import { modelBuiltins } from "./models.js";
import { rewardBuiltins } from "./rewards.js";
import type { BuiltinSpec } from "./spec.js";

export type { BuiltinSpec, ParamSpec } from "./spec.js";
export { ROW_COLUMNS } from "./data.js";

/** Every built-in function by name: the names a file can use without importing anything. */
export const BUILTINS: ReadonlyMap<string, BuiltinSpec> = new Map(
  [...rewardBuiltins, ...dataBuiltins, ...labelBuiltins, ...modelBuiltins].map((b) => [b.name, b]),
);
