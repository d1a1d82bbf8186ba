import { readdirSync } from "node:fs";
import path from "node:path";
import { checkProgram } from "../check/program.js";
import { SourceFile } from "../diagnostics/source.js";
import { buildGraph } from "../graph/build.js";
import { parse } from "../syntax/parse.js";
import { medianMs } from "./timing.js";

export interface FrontendTiming {
  readonly phase: string;
  readonly medianMs: number;
  readonly budgetMs: number | null;
}

/**
 * Times the compiler front end on all examples together, after start-up (the parser's
 * self-analysis and the first parse are warm-up). Budget from the issue: parse + check < 200 ms.
 */
export function benchFrontend(root: string): FrontendTiming[] {
  const dir = path.join(root, "examples");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".rlx"))
    .map((f) => path.join(dir, f));
  const program = checkProgram(files);
  const sources = program.files.map((f) => new SourceFile(f.path, f.text));
  const runs = 30;
  return [
    { phase: `parse ${sources.length} files`, medianMs: medianMs(() => sources.forEach(parse), runs), budgetMs: null },
    { phase: `parse + check (${files.length} examples + stdlib)`, medianMs: medianMs(() => checkProgram(files), runs), budgetMs: 200 },
    { phase: "parse + check + build graphs", medianMs: medianMs(() => buildGraph(checkProgram(files), files), runs), budgetMs: null },
  ];
}
