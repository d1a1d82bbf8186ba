import { cellText, fieldNames, readPath } from "./columns.js";
import type { Row } from "./rows.js";

export interface ColumnMapping {
  readonly problem: string;
  readonly answer: string;
}

/** Maps one source record to a row, or says why it cannot. */
export function mapRow(record: unknown, index: number, columns: ColumnMapping): Row | { error: string } {
  if (!record || typeof record !== "object" || Array.isArray(record)) return { error: "a row must be an object" };
  const problem = cellText(readPath(record, columns.problem));
  const answer = cellText(readPath(record, columns.answer));
  for (const [column, value] of [[columns.problem, problem], [columns.answer, answer]] as const) {
    if (value === undefined) {
      const raw = readPath(record, column);
      return {
        error: raw === undefined || raw === null ? `no field '${column}' (fields: ${fieldNames(record)})` : `field '${column}' is not text or a number`,
      };
    }
  }
  return { index, problem: problem!, answer: answer! };
}
