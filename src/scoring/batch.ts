import type { Value } from "../core/values.js";
import { correctnessReward } from "../reward/correctness.js";
import { readResponses, type ResponseFields } from "./responsesFile.js";
import { scoreRows, summarize, type ScoredRow, type ScoreSummary } from "./scoredRows.js";

/** Scores every line of a responses file (`rlx reward --responses`, `rlx audit`, the REPL's `:responses`). Throws ResponsesFileError for a file it cannot read. */
export function scoreFile(reward: Value, file: string, fields: ResponseFields, seed: number): { rows: ScoredRow[]; summary: ScoreSummary } {
  const rows = scoreRows(reward, correctnessReward(), readResponses(file, fields), seed);
  return { rows, summary: summarize(rows) };
}
