import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import type { FileSourceOptions } from "./jsonl.js";
import { mapRow } from "./mapRow.js";
import { DataError, type LoadedRows, type Row, type SkippedRow } from "./rows.js";

/** Reads a Parquet file (any codec hyparquet-compressors knows); nested columns map by dotted path. */
export async function loadParquet(options: FileSourceOptions): Promise<LoadedRows> {
  let records: Record<string, unknown>[];
  try {
    const file = await asyncBufferFromFile(options.path);
    records = await parquetReadObjects({ file, compressors });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(options.path, null, code === "ENOENT" ? "cannot read: no such file" : `not a readable Parquet file (${(e as Error).message})`);
  }
  const rows: Row[] = [];
  const skipped: SkippedRow[] = [];
  records.forEach((record, i) => {
    const mapped = mapRow(record, rows.length + skipped.length, options);
    if (!("error" in mapped)) {
      rows.push(mapped);
      return;
    }
    if (options.onError === "error") throw new DataError(options.path, i + 1, mapped.error);
    skipped.push({ file: options.path, row: i + 1, reason: mapped.error });
  });
  return { rows, skipped };
}
