import { nodeHost, type Host } from "../check/host.js";
import type { Value } from "../core/values.js";
import { readResponses, type ResponseFields } from "./responsesFile.js";
import { scoreRows, summarize, type ScoredRow, type ScoreSummary } from "./scoring.js";
import { DEFAULT_IMPORTS, importsForFile, prepareReward, type Session } from "./session.js";

/** The session `rlx reward` and `rlx audit` check in: the defaults plus each `--import` file. */
export function sessionImporting(files: readonly string[], host: Host = nodeHost()): Session {
  return { imports: [...new Set([...DEFAULT_IMPORTS, ...files.flatMap((f) => importsForFile(f, host))])], definitions: [] };
}

/** `math` as the standard library defines it: the correctness every score is compared with. */
export function correctnessReward(): Value {
  const math = prepareReward("math", { imports: DEFAULT_IMPORTS, definitions: [] });
  if (!math.ok) throw new Error("stdlib/rewards does not define 'math'");
  return math.value;
}

/** Scores every line of a responses file. Throws ResponsesFileError for a file it cannot read. */
export function scoreFile(reward: Value, file: string, fields: ResponseFields, seed: number): { rows: ScoredRow[]; summary: ScoreSummary } {
  const rows = scoreRows(reward, correctnessReward(), readResponses(file, fields), seed);
  return { rows, summary: summarize(rows) };
}
