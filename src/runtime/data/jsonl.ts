import { readFileSync } from "node:fs";
import { mapRow, type ColumnMapping } from "./mapRow.js";
import { DataError, type LoadedRows, type Row, type SkippedRow } from "./rows.js";

export interface FileSourceOptions extends ColumnMapping {
  readonly path: string;
  readonly onError: "error" | "skip";
}

/** Reads a JSON Lines file; blank lines are ignored, a malformed line stops or is skipped and counted. */
export function loadJsonl(options: FileSourceOptions): LoadedRows {
  let text: string;
  try {
    text = readFileSync(options.path, "utf8");
  } catch (e) {
    throw new DataError(options.path, null, `cannot read: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  const rows: Row[] = [];
  const skipped: SkippedRow[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    let reason: string;
    try {
      const mapped = mapRow(JSON.parse(line, keepBigIntegers), rows.length + skipped.length, options);
      if (!("error" in mapped)) {
        rows.push(mapped);
        continue;
      }
      reason = mapped.error;
    } catch (e) {
      reason = `malformed JSON (${(e as Error).message})`;
    }
    if (options.onError === "error") throw new DataError(options.path, i + 1, reason);
    skipped.push({ file: options.path, row: i + 1, reason });
  }
  return { rows, skipped };
}

/** JSON.parse loses digits beyond 2^53; integers that large keep their exact text as a BigInt. */
function keepBigIntegers(this: unknown, _key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === "number" && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
}
