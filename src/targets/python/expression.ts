import { printValue } from "../../core/printValue.js";
import { constantJson, unref, type Value } from "../../core/values.js";
import { labelingKey } from "../../graph/build.js";
import { formatStyle } from "../../reward/format.js";
import { pythonRegex, RegexTranslationError } from "./regex.js";

/**
 * Compiles a checked reward (or track) expression into one Python expression over a sample `s`,
 * term for term what src/reward/compile.ts builds: the same primitives, the language's operator
 * semantics (`_op`), and `random` calls numbered left to right exactly as compileReward numbers
 * them, so every draw lands on the same hash coordinates.
 */
export interface PythonExpression {
  /** A Python expression over `s` (a Sample). */
  readonly code: string;
  /** Module-level definitions it needs (compiled regular expressions), as `NAME = …` lines. */
  readonly definitions: readonly string[];
}

/** A reward the Python target cannot compile faithfully: the message names what and why. */
export class PythonCompileError extends Error {}

export interface CompileContext {
  /** The port ("labels_1", …) of a labelling `equals_label(labels)` names; null for the experiment's own labels. */
  labelPort(labels: Value): string | null;
  /** A fresh module-level name for a definition (shared across the expressions of one module). */
  freshName(prefix: string): string;
}

/** The label ports of a compiled graph's reward node, as a CompileContext function. */
export function portsFrom(labelPorts: Readonly<Record<string, string>>): (labels: Value) => string | null {
  return (labels) => labelPorts[labelingKey(labels)] ?? null;
}

export function pythonExpression(value: Value, ctx: CompileContext): PythonExpression {
  const definitions: string[] = [];
  let randomTerms = 0;
  const compile = (v: Value): string => {
    switch (v.kind) {
      case "number":
        return pyNumber(v.value);
      case "string":
        return pyString(v.value);
      case "bool":
        return v.value ? "True" : "False";
      case "ref":
        return compile(v.value);
      case "op": {
        const [a, b] = v.args.map(compile);
        switch (v.op) {
          case "and":
            return `((${a}) is True and (${b}) is True)`;
          case "or":
            return `((${a}) is True or (${b}) is True)`;
          case "not":
            return `((${a}) is not True)`;
          case "neg":
            return `_op("neg", ${a})`;
          default:
            return `_op(${pyString(v.op)}, ${a}, ${b})`;
        }
      }
      case "if": {
        const cond = compile(v.cond);
        const then = compile(v.then);
        const otherwise = compile(v.otherwise);
        return `((${then}) if (${cond}) is True else (${otherwise}))`;
      }
      case "call":
        return call(v.fn, v.args);
      default:
        throw new PythonCompileError(`a reward cannot contain a ${v.kind} value (${printValue(v)})`);
    }
  };
  const arg = (args: Readonly<Record<string, Value>>, name: string) => constantJson(args[name]!);
  const call = (fn: string, args: Readonly<Record<string, Value>>): string => {
    switch (fn) {
      case "equals_label": {
        const labels = args["labels"];
        const port = labels ? ctx.labelPort(unref(labels)) : null;
        return `_equals_label(s, ${port === null ? "None" : pyString(port)})`;
      }
      case "boxed_count":
        return "_boxed_count(s)";
      case "contains":
        return `_contains(s, ${pyString(arg(args, "text") as string)}, ${arg(args, "ignore_case") === true ? "True" : "False"})`;
      case "matches": {
        let rx;
        try {
          rx = pythonRegex(arg(args, "pattern") as string);
        } catch (error) {
          if (error instanceof RegexTranslationError) throw new PythonCompileError(error.message);
          throw error;
        }
        const name = ctx.freshName("_RX");
        definitions.push(`${name} = re.compile(${pyString(rx.pattern)}, ${rx.flags})`);
        return `_matches(s, ${name})`;
      }
      case "random":
        return `_random(s, ${pyNumber(arg(args, "p") as number)}, ${randomTerms++})`;
      case "length":
        return "_length(s)";
      case "format":
        return `_format(s, ${pyString(formatStyle(arg(args, "template") as string))})`;
      case "response":
        return "s.response";
      case "label":
        return "_label_text(s)";
      case "len":
        return `_len(${compile(args["text"]!)})`;
      default:
        throw new PythonCompileError(`the Python reward module has no primitive '${fn}'`);
    }
  };
  const code = compile(value);
  return { code, definitions };
}

/** A JavaScript number as a Python float literal with the same value. */
export function pyNumber(value: number): string {
  if (!Number.isFinite(value)) throw new PythonCompileError(`the constant ${value} has no Python literal`);
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** A string as a Python literal (JSON's escapes are Python's too). */
export function pyString(value: string): string {
  return JSON.stringify(value);
}
