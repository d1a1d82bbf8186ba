import path from "node:path";
import type { BuiltinSpec, ParamSpec } from "../check/builtins/index.js";
import { rangeText, signature } from "../check/expressions.js";
import { CLIP_SHORTHAND, GRPO_FIELD_BY_NAME, type GrpoFieldSpec } from "../check/grpoFields.js";
import type { Host } from "../check/host.js";
import type { MetricSpec } from "../check/metrics.js";
import type { LoadedModule } from "../check/modules.js";
import { printValue } from "../core/printValue.js";
import type { Symbol } from "../check/scope.js";
import { typeName } from "../check/types.js";
import type { Target } from "./targets.js";

/** Markdown for hovers and completion details, written from the same specs the checker enforces. */

const code = (text: string) => `\`\`\`rlx\n${text}\n\`\`\``;

export function targetDoc(target: Target, here: LoadedModule, host: Host): string {
  switch (target.kind) {
    case "symbol":
      return symbolDoc(target.symbol, here, host);
    case "builtin":
      return builtinDoc(target.spec);
    case "parameter":
      return `${code(`${target.param.name}: ${paramType(target.param)}`)}\n\n${target.param.doc} (a parameter of \`${target.spec.name}\`)`;
    case "grpoField":
      return grpoFieldDoc(target.name);
    case "metric":
      return metricDoc(target.spec);
    case "import":
      return `\`${modulePath(target.target, host)}\``;
  }
}

export function builtinDoc(spec: BuiltinSpec): string {
  const result = typeof spec.result === "function" ? "" : ` → ${typeName(spec.result)}`;
  const parts = [code(signature(spec) + result), spec.doc];
  if (spec.exactlyOne) parts.push(`Exactly one of ${spec.exactlyOne.map((n) => `\`${n}\``).join(", ")}.`);
  if (spec.params.length) parts.push(spec.params.map((p) => `- \`${p.name}\`: ${paramType(p)} — ${p.doc}`).join("\n"));
  return parts.join("\n\n");
}

export function paramType(p: ParamSpec): string {
  const name = p.type === "string-any" ? "string" : typeName(p.type);
  const base = p.integer && name === "number" ? "whole number" : name;
  const range = p.min !== undefined || p.max !== undefined ? ` ${rangeText(p)}` : "";
  const choices = p.choices ? ` (${p.choices.map((c) => JSON.stringify(c)).join(" | ")})` : "";
  const given = p.default !== undefined ? ` = ${printValue(p.default)}` : p.optional ? ", optional" : "";
  return base + range + choices + given;
}

export function grpoFieldDoc(name: string): string {
  const field = GRPO_FIELD_BY_NAME.get(name);
  if (field) return `${code(`${field.name}: ${grpoFieldType(field)} = ${field.default ?? "none"}`)}\n\n${field.doc}`;
  // The checker checks `clip` as clip_low, the stricter side.
  const low = GRPO_FIELD_BY_NAME.get("clip_low")!;
  return `${code(`${CLIP_SHORTHAND}: ${grpoFieldType(low)}`)}\n\nsets both \`clip_low\` and \`clip_high\`; \`${CLIP_SHORTHAND}: none\` removes the clip`;
}

export function grpoFieldType(field: GrpoFieldSpec): string {
  const base = field.kind === "enum" ? field.choices!.join(" | ") : field.kind === "int" ? "whole number" : field.kind === "bool" ? "true | false" : "number";
  const range = field.min !== undefined || field.max !== undefined ? ` ${rangeText(field)}` : "";
  return base + range + (field.noneAllowed ? " | none" : "");
}

function metricDoc(spec: MetricSpec): string {
  return `${code(`${spec.name}@k(temperature: number = ${spec.defaultTemperature})`)}\n\n${spec.doc}`;
}

/** A hover stays readable: a longer declaration shows its first lines. */
const MAX_SOURCE_LINES = 30;

/** A definition, preset, experiment or sweep: its source, its comment, its file. */
export function symbolDoc(symbol: Symbol, here: LoadedModule, host: Host): string {
  const { decl, module } = symbol;
  const lines = module.file.text.slice(decl.range.start, decl.range.end).split("\n");
  const shown = lines.length > MAX_SOURCE_LINES ? [...lines.slice(0, MAX_SOURCE_LINES), "  …"] : lines;
  const parts = [code(shown.join("\n"))];
  const comment = leadingComment(module, decl.range.start);
  if (comment) parts.push(comment);
  if (module !== here) parts.push(`*${modulePath(module, host)}*`);
  return parts.join("\n\n");
}

/** The `//` lines right above an offset's line: how stdlib and examples document a definition. */
function leadingComment(module: LoadedModule, offset: number): string {
  const comment: string[] = [];
  for (let line = module.file.position(offset).line - 1; line >= 1; line--) {
    const text = module.file.lineText(line).trim();
    if (!text.startsWith("//")) break;
    comment.unshift(text.replace(/^\/\/ ?/, ""));
  }
  return comment.join("\n");
}

/** `stdlib/rewards.rlx` for the standard library wherever it is installed; the display path otherwise. */
function modulePath(module: LoadedModule, host: Host): string {
  const inStdlib = path.relative(host.stdlibDir, module.absolutePath);
  return inStdlib.startsWith("..") || path.isAbsolute(inStdlib) ? module.file.path : `stdlib/${inStdlib.split(path.sep).join("/")}`;
}
