import { generateArith } from "./arith.js";
import { loadJsonl } from "./jsonl.js";
import { loadParquet } from "./parquet.js";
import type { LoadedRows } from "./rows.js";

/** A data source as a `load_dataset` node carries it: the source's name and its arguments. */
export type SourceParams =
  | { readonly source: "arith"; readonly train?: number; readonly test?: number; readonly seed: number; readonly difficulty: number }
  | { readonly source: "jsonl" | "parquet"; readonly path: string; readonly problem: string; readonly answer: string; readonly on_error: "error" | "skip" };

/** Reads a data source into rows. Throws DataError for a file it cannot read or a malformed row. */
export async function loadSource(params: SourceParams): Promise<LoadedRows> {
  if (params.source === "arith") {
    const split = params.train !== undefined ? "train" : "test";
    const count = (params.train ?? params.test)!;
    return { rows: generateArith({ split, count, seed: params.seed, difficulty: params.difficulty }), skipped: [] };
  }
  const options = { path: params.path, problem: params.problem, answer: params.answer, onError: params.on_error };
  return params.source === "jsonl" ? loadJsonl(options) : loadParquet(options);
}
