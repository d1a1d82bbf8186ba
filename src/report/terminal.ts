import { alignColumns } from "../text/columns.js";
import { CONTRIBUTION_DEFINITION } from "./contributions.js";
import type { RunReport } from "./runReport.js";
import { runFacts, runSections } from "./sections.js";
import { STRATEGY_SWITCH_DEFINITION } from "./strategySwitch.js";
import { overviewTable, type Table } from "./tables.js";

/** The report as plain text lines: an overview when there are several runs, each run's analyses, the definitions. */
export function terminalReport(reports: readonly RunReport[]): string[] {
  return [
    ...(reports.length > 1 ? [`${reports.length} runs`, ...indented(overviewTable(reports)), ""] : []),
    ...reports.flatMap(runLines),
    "Definitions",
    ...[...STRATEGY_SWITCH_DEFINITION, ...CONTRIBUTION_DEFINITION].map((line) => `  ${line}`),
  ];
}

function runLines(r: RunReport): string[] {
  return [
    `== ${r.label} ==`,
    ...alignColumns(runFacts(r)).map((l) => `  ${l}`),
    ...r.log.notes.map((note) => `  note: ${note}`),
    "",
    // Each section ends with a blank line, which also separates this run from the next.
    ...runSections(r).flatMap((s) => (s.kind === "unavailable" ? [`${s.title}: unavailable: ${s.reason}`, ""] : [s.title, ...s.text.map((t) => `  ${t}`), ...indented(s.table), ""])),
  ];
}

function indented(t: Table): string[] {
  return alignColumns([t.header, ...t.rows]).map((l) => `  ${l}`);
}
