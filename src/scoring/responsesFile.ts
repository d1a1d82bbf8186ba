import { readFileSync } from "node:fs";

/** One line of a responses file: a response to score and the label of its prompt. */
export interface ResponseRow {
  /** 1-based line number in the file, for messages. */
  readonly line: number;
  readonly response: string;
  readonly label: string | null;
}

export interface ResponseFields {
  /** Dotted paths reach into nested objects: `reward_model.ground_truth`. */
  readonly response: string;
  readonly label: string;
}

export const DEFAULT_FIELDS: ResponseFields = { response: "response", label: "answer" };

/** A responses file that cannot be read or has a malformed line; the message names file and line. */
export class ResponsesFileError extends Error {}

/** Reads a JSON Lines file of responses; blank lines are skipped. A row without a label gets null. */
export function readResponses(file: string, fields: ResponseFields = DEFAULT_FIELDS): ResponseRow[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ResponsesFileError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : (error as Error).message}`);
  }
  const rows: ResponseRow[] = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    const where = `${file}:${i + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw new ResponsesFileError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new ResponsesFileError(`${where}: expected a JSON object per line`);
    const response = field(parsed, fields.response);
    if (typeof response !== "string") {
      const problem = response === undefined ? `has no field '${fields.response}' (it has ${Object.keys(parsed).join(", ") || "no fields"})` : `'${fields.response}' is not a string`;
      throw new ResponsesFileError(`${where}: ${problem}; --response-field names the response field`);
    }
    const label = field(parsed, fields.label);
    if (label !== undefined && label !== null && typeof label !== "string" && typeof label !== "number") {
      throw new ResponsesFileError(`${where}: '${fields.label}' is neither a string nor a number`);
    }
    rows.push({ line: i + 1, response, label: label === undefined || label === null ? null : String(label) });
  });
  return rows;
}

function field(row: object, dotted: string): unknown {
  let at: unknown = row;
  for (const key of dotted.split(".")) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
