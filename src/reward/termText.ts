import { BUILTINS } from "../check/builtins/index.js";
import { printValue } from "../core/printValue.js";
import type { Value } from "../core/values.js";

/**
 * A sub-term as an explanation shows it: rlx, without the arguments left at their defaults
 * (`contains(text: "python")`, not `contains(text: "python", ignore_case: false)`).
 */
export function termText(v: Value): string {
  return printValue(withoutDefaults(v));
}

function withoutDefaults(v: Value): Value {
  switch (v.kind) {
    case "call": {
      const params = BUILTINS.get(v.fn)?.params ?? [];
      const args: Record<string, Value> = {};
      for (const [name, arg] of Object.entries(v.args)) {
        const fallback = params.find((p) => p.name === name)?.default;
        if (!fallback || JSON.stringify(fallback) !== JSON.stringify(arg)) args[name] = withoutDefaults(arg);
      }
      return { ...v, args };
    }
    case "op":
      return { ...v, args: v.args.map(withoutDefaults) };
    case "if":
      return { ...v, cond: withoutDefaults(v.cond), then: withoutDefaults(v.then), otherwise: withoutDefaults(v.otherwise) };
    default:
      return v;
  }
}
