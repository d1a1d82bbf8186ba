import type { Chart } from "./charts.js";
import { CONTRIBUTION_DEFINITION } from "./contributions.js";
import type { RunReport } from "./runReport.js";
import { runFacts, runSections } from "./sections.js";
import { STRATEGY_SWITCH_DEFINITION } from "./strategySwitch.js";
import { chartSvg, escapeXml } from "./svgChart.js";
import { overviewTable, type Table } from "./tables.js";

const STYLE = `
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; } h3 { margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #e5e5e5; text-align: left; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.facts th { background: none; font-weight: normal; color: #666; }
figure { margin: 1rem 0; } .charts { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.unavailable { color: #8a4b00; } .note { color: #666; }
`;

/** One self-contained HTML file: the charts as inline SVG, the tables, a small stylesheet; nothing it loads from elsewhere. */
export function htmlReport(reports: readonly RunReport[], charts: readonly Chart[]): string {
  const title = reports.length === 1 ? `rlx report: ${reports[0]!.label}` : `rlx report: ${reports.length} runs`;
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeXml(title)}</h1>`,
    ...(reports.length > 1 ? ["<h2>Runs</h2>", table(overviewTable(reports))] : []),
    "<h2>Charts</h2>",
    ...(charts.length === 0 ? ['<p class="unavailable">No run has data to chart; each run below says why.</p>'] : []),
    '<div class="charts">',
    ...charts.map((c) => `<figure id="chart-${c.name}">\n${chartSvg(c, { standalone: false })}\n</figure>`),
    "</div>",
    ...reports.flatMap(runSection),
    "<h2>Definitions</h2>",
    `<ul>${[...STRATEGY_SWITCH_DEFINITION, ...CONTRIBUTION_DEFINITION].map((d) => `<li>${escapeXml(d)}</li>`).join("")}</ul>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function runSection(r: RunReport): string[] {
  return [
    `<h2>${escapeXml(r.label)}</h2>`,
    `<table class="facts">${runFacts(r).map(([k, v]) => `<tr><th>${escapeXml(k)}</th><td>${escapeXml(v)}</td></tr>`).join("")}</table>`,
    ...r.log.notes.map((n) => `<p class="note">Note: ${escapeXml(n)}</p>`),
    ...runSections(r).flatMap((s) =>
      s.kind === "unavailable"
        ? [`<h3>${escapeXml(s.title)}</h3>`, `<p class="unavailable">Unavailable: ${escapeXml(s.reason)}</p>`]
        : [`<h3>${escapeXml(s.title)}</h3>`, ...s.text.map((t) => `<p>${escapeXml(t)}</p>`), table(s.table)],
    ),
  ];
}

/** Numbers (and their placeholders) align right, as in the terminal's columns. */
const NUMERIC = /^([-+]?\d+(\.\d+)?|-|n\/a|[-+]?\d+(\.\d+)?→[-+]?\d+(\.\d+)?)$/;

function table(t: Table): string {
  const cell = (text: string) => `<td${NUMERIC.test(text) ? ' class="num"' : ""}>${escapeXml(text)}</td>`;
  return [
    "<table>",
    `<thead><tr>${t.header.map((h) => `<th>${escapeXml(h)}</th>`).join("")}</tr></thead>`,
    `<tbody>${t.rows.map((row) => `<tr>${row.map(cell).join("")}</tr>`).join("\n")}</tbody>`,
    "</table>",
  ].join("\n");
}
