/** One example of a dataset after column mapping. */
export interface Row {
  /** Position in the source (0-based): a stable id for splits, labels and prompt indices. */
  readonly index: number;
  readonly problem: string;
  readonly answer: string;
}

export interface SkippedRow {
  readonly file: string;
  /** 1-based line (JSONL) or row (Parquet) number, as editors and tools count. */
  readonly row: number;
  readonly reason: string;
}

export interface LoadedRows {
  readonly rows: readonly Row[];
  /** Malformed rows skipped because the source says `on_error: "skip"`. */
  readonly skipped: readonly SkippedRow[];
}

/** A problem with the data a user gave: the message names the file and the row, never a stack. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    reason: string,
  ) {
    super(row === null ? `${file}: ${reason}` : `${file}:${row}: ${reason}`);
    this.name = "DataError";
  }
}
