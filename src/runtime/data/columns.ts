/**
 * Column mapping: `problem: "prompt.0.content"` and `answer: "reward_model.ground_truth"` read
 * nested fields (verl's layout) by dotted path; array elements by index.
 */
export function readPath(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split(".")) {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value)) {
      const i = Number(part);
      value = Number.isInteger(i) ? value[i] : undefined;
    } else if (typeof value === "object") {
      value = (value as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return value;
}

/**
 * A cell as text. Numbers keep their digits: 64-bit integers arrive as BigInt (Parquet INT64,
 * or JSONL integers beyond 2^53, read from their source text) and are printed exactly.
 */
export function cellText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  return undefined;
}

/** The top-level field names of a record, for "no field 'x' (fields: …)" messages. */
export function fieldNames(record: unknown): string {
  return record && typeof record === "object" && !Array.isArray(record) ? Object.keys(record).join(", ") || "none" : "none";
}
