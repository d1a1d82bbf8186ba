import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { writeFileAtomic } from "../util/atomicWrite.js";
import type { Chart } from "./charts.js";
import { chartSvg } from "./svgChart.js";

/** PNGs are drawn at twice the SVG's size, sharp on high-density screens and in slides. */
const ZOOM = 2;

/**
 * A chart as PNG bytes: its SVG rasterised by resvg on a white background. Text uses the system's
 * fonts: the first of the chart's families installed, else resvg's default, the first system font.
 */
export function chartPng(chart: Chart): Buffer {
  return new Resvg(chartSvg(chart, { standalone: true }), { fitTo: { mode: "zoom", value: ZOOM }, background: "#fff" }).render().asPng();
}

/** Writes each chart to DIR/<name>.png; returns the files written. */
export function writeChartPngs(charts: readonly Chart[], dir: string): string[] {
  return charts.map((chart) => {
    const file = path.join(dir, `${chart.name}.png`);
    writeFileAtomic(file, chartPng(chart));
    return file;
  });
}
