import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { available, unavailable, type Analysis } from "./analysis.js";

/** A JSON file of a run directory, parsed; or why not (missing, torn, edited by hand). */
export function readJsonFile(dir: string, name: string): Analysis<unknown> {
  const file = path.join(dir, name);
  if (!existsSync(file)) return unavailable(`no ${name}`);
  try {
    return available(JSON.parse(readFileSync(file, "utf8")));
  } catch {
    return unavailable(`${name} is not valid JSON (torn or edited?)`);
  }
}

/** The JSON type each named field of a record must have. */
export type FieldTypes = Readonly<Record<string, "number" | "string" | "boolean" | "object">>;

/** What is wrong with a record, or null: the first field that is missing or of another type. */
export function recordProblem(value: unknown, fields: FieldTypes): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "not a JSON object";
  for (const [field, type] of Object.entries(fields)) {
    const actual = (value as Record<string, unknown>)[field];
    if (actual === undefined) return `'${field}' is missing`;
    if (typeof actual !== type || actual === null) return `'${field}' is not ${type === "object" ? "an object" : `a ${type}`}`;
  }
  return null;
}

export interface JsonLines<T> {
  readonly rows: Analysis<readonly T[]>;
  /** Set when a torn last line (a run killed while appending) was left out. */
  readonly note: string | null;
}

/**
 * A JSON Lines log of a run directory, each line checked to have `fields`. A last line without its
 * newline that does not parse is what a killed run leaves: it is left out with a note. Any other
 * bad line makes the whole log unusable, naming the line. `whenMissing` says what an absent file means.
 */
export function readJsonLines<T>(dir: string, name: string, fields: FieldTypes, whenMissing = `no ${name}`): JsonLines<T> {
  const file = path.join(dir, name);
  if (!existsSync(file)) return { rows: unavailable(whenMissing), note: null };
  const text = readFileSync(file, "utf8");
  const lines = text.split("\n");
  const rows: T[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      if (i === lines.length - 1) return { rows: available(rows), note: `${name}: its last line is incomplete (the run was stopped while writing it) and is left out` };
      return { rows: unavailable(`${name} line ${i + 1} is not valid JSON`), note: null };
    }
    const problem = recordProblem(value, fields);
    if (problem !== null) return { rows: unavailable(`${name} line ${i + 1}: ${problem}`), note: null };
    rows.push(value as T);
  }
  return { rows: available(rows), note: null };
}
