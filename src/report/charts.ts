import type { Series } from "./curves.js";
import type { RunReport } from "./runReport.js";
import { CODE_MARKER } from "./strategy.js";

/** One line of a chart: a run's curve, coloured by the run, dashed to tell two curves of one run apart. */
export interface ChartLine {
  readonly label: string;
  /** The run's position among the reported runs: the same colour in every chart. */
  readonly run: number;
  readonly dashed: boolean;
  readonly series: Series;
}

/** A line chart over steps, the runs overlaid: what the HTML file inlines as SVG and --png writes. */
export interface Chart {
  /** A file name stem: `accuracy`, `eval-1-pass_1`. */
  readonly name: string;
  readonly title: string;
  readonly yLabel: string;
  /** Shares (accuracy, frequencies) are drawn on 0–1; other values on a range fitted to them. */
  readonly unitRange: boolean;
  readonly lines: readonly ChartLine[];
}

/** The report's charts; a chart no run has data for is left out (the run's section says why). */
export function reportCharts(reports: readonly RunReport[]): Chart[] {
  const each = (line: (r: RunReport, run: number) => ChartLine[]) => reports.flatMap(line);
  const evaluations = [...new Map(reports.flatMap((r) => (r.evals.ok ? r.evals.value : [])).map((e) => [`${e.data}\u0000${e.metric}`, e])).values()];
  return [
    {
      name: "accuracy",
      title: "Training accuracy (rollout answers correct)",
      yLabel: "accuracy",
      unitRange: true,
      lines: each((r, run) => (r.training.ok ? [{ label: r.label, run, dashed: false, series: r.training.value.accuracy }] : [])),
    },
    {
      name: "code_frequency",
      title: `Code frequency over training (answers containing "${CODE_MARKER}")`,
      yLabel: "code frequency",
      unitRange: true,
      lines: each((r, run) => (r.codeFrequency.ok ? [{ label: r.label, run, dashed: false, series: r.codeFrequency.value.series }] : [])),
    },
    {
      name: "clip_fraction",
      title: "Clip fraction over training (low dashed, high solid)",
      yLabel: "share of tokens clipped",
      unitRange: false,
      lines: each((r, run) =>
        r.clipping.ok
          ? [
              { label: `${r.label} low`, run, dashed: true, series: r.clipping.value.low.series },
              { label: `${r.label} high`, run, dashed: false, series: r.clipping.value.high.series },
            ]
          : [],
      ),
    },
    ...evaluations.map(({ data, metric }, i) => ({
      name: `eval-${i + 1}-${metric.replace(/[^A-Za-z0-9]+/g, "_")}`,
      title: `${metric} on ${data}`,
      yLabel: metric,
      unitRange: true,
      lines: each((r, run) => {
        const curve = r.evals.ok ? r.evals.value.find((e) => e.data === data && e.metric === metric) : undefined;
        return curve ? [{ label: r.label, run, dashed: false, series: curve.series }] : [];
      }),
    })),
  ].filter((chart) => chart.lines.length > 0);
}
