import { parseArgs } from "node:util";
import { reportCharts } from "../../report/charts.js";
import { htmlReport } from "../../report/html.js";
import { writeChartPngs } from "../../report/png.js";
import { ReportInputError, readRunLog, runDirectories } from "../../report/readRuns.js";
import { analyseRuns } from "../../report/runReport.js";
import { terminalReport } from "../../report/terminal.js";
import { writeFileAtomic } from "../../util/atomicWrite.js";
import { UsageError, type Output } from "../output.js";

export const reportHelp = `rlx report RUN_DIR… [--html FILE] [--png DIR]

The study's analyses of runs written by rlx run (a run directory, or a sweep's folder, whose
summary.json lists its runs): reward, accuracy and code frequency over training; each
evaluation at each eval step; the strategy switch on the test set (each problem's greedy answer
before and after training is Code when it contains "python", else Lang: Code→Code, Code→Lang,
Lang→Code, Lang→Lang, with counts and accuracy before and after); each subset's contribution
(correct after − correct before) / N and partial contribution score (its share of the total
change, n/a when that is 0); clip fraction over training, low and high. An analysis a run
directory cannot give (no evaluations, a missing or torn log) is named with the reason.

  --html FILE   also write one self-contained HTML file: line charts as inline SVG (the runs
                overlaid), the tables and the definitions; it loads nothing from the network
  --png DIR     also write each chart as DIR/<chart>.png

Examples:
  rlx report runs/compound_format_nocode-20250101-120000
  rlx report runs/cross_model-20250101-120000 --html cross_model.html --png charts/
Exit status: 0 when reported, 1 when a path is not a run directory or a file cannot be written.`;

export function reportCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { html: { type: "string" }, png: { type: "string" } } });
  if (positionals.length === 0) throw new UsageError("rlx report needs at least one RUN_DIR");
  let reports;
  try {
    reports = analyseRuns(runDirectories(positionals).map(readRunLog));
  } catch (error) {
    if (!(error instanceof ReportInputError)) throw error;
    io.err(`rlx report: ${error.message}\n`);
    return 1;
  }
  io.out(`${terminalReport(reports).join("\n")}\n`);
  const charts = reportCharts(reports);
  const written: string[] = [];
  try {
    if (values.html !== undefined) {
      writeFileAtomic(values.html, htmlReport(reports, charts));
      written.push(values.html);
    }
    if (values.png !== undefined) {
      if (charts.length === 0) io.err("rlx report: no run has data to chart, so --png writes nothing\n");
      written.push(...writeChartPngs(charts, values.png));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    io.err(`rlx report: cannot write the output: ${(error as Error).message}\n`);
    return 1;
  }
  if (written.length > 0) io.out(`\nwrote ${written.join(", ")}\n`);
  return 0;
}
