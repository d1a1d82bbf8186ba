/** Evaluation metrics: `name@k`, each with its own defaults (the study's protocol). */
export interface MetricSpec {
  readonly name: string;
  readonly defaultTemperature: number;
  readonly doc: string;
}

export const METRICS: ReadonlyMap<string, MetricSpec> = new Map(
  [
    { name: "pass", defaultTemperature: 0, doc: "share of problems solved by at least one of k samples (pass@1 at temperature 0 is greedy accuracy)" },
    { name: "avg", defaultTemperature: 0.6, doc: "mean accuracy over k samples per problem" },
    { name: "maj", defaultTemperature: 0.6, doc: "accuracy of the majority answer among k samples" },
  ].map((m) => [m.name, m]),
);

export const METRIC_PARAMS = ["temperature"] as const;
