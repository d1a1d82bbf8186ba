import { fixed } from "../text/format.js";
import type { Chart, ChartLine } from "./charts.js";

/** Run colours (Tableau 10): distinct on screen and in print. A run keeps its colour in every chart. */
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const WIDTH = 720;
const LEFT = 64;
const RIGHT = 24;
const TOP = 44;
const PLOT_HEIGHT = 260;
const PLOT_BOTTOM = TOP + PLOT_HEIGHT;
const LEGEND_TOP = PLOT_BOTTOM + 58;
const LEGEND_ROW = 18;
/** A series with this many points or fewer (evaluations, short runs) also gets a dot per point. */
const MARKER_LIMIT = 40;
/** Average advance of a 12 px sans-serif character, to lay the legend out without measuring text. */
const CHAR_WIDTH = 7;

/**
 * A line chart as SVG: title, axes with ticks and grid, one polyline per line (broken where a step
 * has no value), and a legend below. `standalone` adds the XML namespace a .svg file (or resvg)
 * needs; inside HTML the parser supplies it.
 */
export function chartSvg(chart: Chart, options: { readonly standalone: boolean }): string {
  const x = axis(chart.lines.flatMap((l) => l.series.steps), { integer: true, unit: false });
  const y = axis(chart.lines.flatMap((l) => l.series.values), { integer: false, unit: chart.unitRange });
  const px = (step: number) => LEFT + ((step - x.min) / (x.max - x.min)) * (WIDTH - LEFT - RIGHT);
  const py = (value: number) => PLOT_BOTTOM - ((value - y.min) / (y.max - y.min)) * PLOT_HEIGHT;
  const legend = legendLayout(chart.lines);
  const height = legend.bottom + 12;
  const text = (tx: number, ty: number, content: string, style: { size?: number; anchor?: "start" | "middle" | "end"; bold?: boolean; vertical?: boolean } = {}) =>
    `<text x="${round(tx)}" y="${round(ty)}" font-family="${FONT}" font-size="${style.size ?? 12}" text-anchor="${style.anchor ?? "start"}" fill="#222"` +
    `${style.bold ? ' font-weight="bold"' : ""}${style.vertical ? ` transform="rotate(-90 ${round(tx)} ${round(ty)})"` : ""}>${escapeXml(content)}</text>`;
  return [
    `<svg${options.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ""} width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(chart.title)}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    text(LEFT, 24, chart.title, { size: 14, bold: true }),
    ...y.ticks.flatMap((t) => [
      `<line x1="${LEFT}" y1="${round(py(t))}" x2="${WIDTH - RIGHT}" y2="${round(py(t))}" stroke="#e5e5e5"/>`,
      text(LEFT - 8, py(t) + 4, fixed(t, y.decimals), { anchor: "end" }),
    ]),
    ...x.ticks.flatMap((t) => [
      `<line x1="${round(px(t))}" y1="${PLOT_BOTTOM}" x2="${round(px(t))}" y2="${PLOT_BOTTOM + 5}" stroke="#444"/>`,
      text(px(t), PLOT_BOTTOM + 19, fixed(t, 0), { anchor: "middle" }),
    ]),
    `<path d="M${LEFT} ${TOP}V${PLOT_BOTTOM}H${WIDTH - RIGHT}" fill="none" stroke="#444"/>`,
    text((LEFT + WIDTH - RIGHT) / 2, PLOT_BOTTOM + 38, "step", { anchor: "middle" }),
    text(16, (TOP + PLOT_BOTTOM) / 2, chart.yLabel, { anchor: "middle", vertical: true }),
    ...chart.lines.flatMap((line) => {
      const all = line.series.steps.map((step, i) => ({ step, value: line.series.values[i]! }));
      const d = all.map((p, i) => (Number.isFinite(p.value) ? `${i > 0 && Number.isFinite(all[i - 1]!.value) ? "L" : "M"}${round(px(p.step))} ${round(py(p.value))}` : "")).join("");
      const points = all.filter((p) => Number.isFinite(p.value));
      return [
        `<path d="${d}" fill="none" stroke="${colour(line)}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ""} stroke-linejoin="round"/>`,
        ...(points.length <= MARKER_LIMIT ? points.map((p) => `<circle cx="${round(px(p.step))}" cy="${round(py(p.value))}" r="3" fill="${colour(line)}"/>`) : []),
      ];
    }),
    ...legend.items.flatMap(({ line, left, baseline }) => [
      `<line x1="${left}" y1="${baseline - 4}" x2="${left + 22}" y2="${baseline - 4}" stroke="${colour(line)}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ""}/>`,
      text(left + 28, baseline, line.label),
    ]),
    "</svg>",
  ].join("\n");
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Axis {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  /** Decimals a tick label needs to tell neighbouring ticks apart. */
  readonly decimals: number;
}

/**
 * An axis over the finite values: 0–1 for shares; else from min(0, lowest) up to the first
 * "nice" tick (1, 2 or 5 × 10^k) at or above the highest. Steps (`integer`) span exactly their
 * first to last, with whole-number ticks.
 */
function axis(values: readonly number[], options: { readonly integer: boolean; readonly unit: boolean }): Axis {
  const finite = values.filter(Number.isFinite);
  let min = options.unit ? 0 : options.integer ? Math.min(...finite) : Math.min(0, ...finite);
  let max = options.unit ? 1 : Math.max(...finite);
  if (!(max > min)) max = min + 1;
  const step = Math.max(options.integer ? 1 : 0, niceStep((max - min) / 5));
  if (!options.integer && !options.unit) max = Math.ceil(max / step - 1e-9) * step;
  min = options.integer ? min : Math.floor(min / step + 1e-9) * step;
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks = Array.from({ length: Math.floor((max - first) / step + 1e-9) + 1 }, (_, i) => first + i * step);
  return { min, max, ticks, decimals: Math.max(0, Math.ceil(-Math.log10(step) - 1e-9)) };
}

function niceStep(rough: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough - 1e-12)!;
}

/** Legend entries flowed left to right under the plot, wrapping at the chart's width. */
function legendLayout(lines: readonly ChartLine[]): { items: { line: ChartLine; left: number; baseline: number }[]; bottom: number } {
  let left = LEFT;
  let baseline = LEGEND_TOP;
  const items = lines.map((line) => {
    const width = 28 + line.label.length * CHAR_WIDTH + 18;
    if (left > LEFT && left + width > WIDTH - RIGHT) {
      left = LEFT;
      baseline += LEGEND_ROW;
    }
    const item = { line, left, baseline };
    left += width;
    return item;
  });
  return { items, bottom: baseline };
}

function colour(line: ChartLine): string {
  return PALETTE[line.run % PALETTE.length]!;
}

function round(v: number): string {
  return v.toFixed(1).replace(/\.0$/, "");
}
