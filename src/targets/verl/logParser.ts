/**
 * What rlx reads in verl's console output. verl's console logger prints one line per step,
 *   step:12 - actor/pg_loss:0.0123 - critic/score/mean:0.5 - val-core/rlx/eval-0/reward/mean@1:0.41 - …
 * (values through pprint, so numpy scalars read `np.float64(0.5)`; under Ray the line is prefixed
 * `(TaskRunner pid=…)`). The exported reward module adds its own per-step sums,
 *   rlx-metrics {"pid": 4242, "step": 12, "n": 1024, "sums": {…}, "counts": {…}}
 * which carry what verl does not log: accuracy against the ground truth and the tracked behaviours.
 */
export interface EngineStepLine {
  readonly step: number;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface RewardMetricsLine {
  readonly pid: number;
  readonly step: number;
  readonly n: number;
  readonly sums: Readonly<Record<string, number>>;
  readonly counts: Readonly<Record<string, number>>;
}

const STEP = /(?:^|[\s)])step:(\d+)(?= - |\s*$)/;

/** A number as pprint writes it: 0.5, 1e-05, nan, inf, np.float64(0.5), np.int64(3), tensor(0.5). */
export function engineNumber(text: string): number | null {
  const inner = /^(?:np\.\w+|numpy\.\w+|tensor)\((.*)\)$/.exec(text.trim());
  const t = (inner ? inner[1]! : text).trim().replace(/,\s*device=.*$/, "");
  if (/^[-+]?(nan|NaN)$/.test(t)) return Number.NaN;
  if (/^[-+]?inf(inity)?$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (t === "True" || t === "False") return t === "True" ? 1 : 0;
  return null;
}

/** verl's step line, or null for any other line. */
export function parseStepLine(line: string): EngineStepLine | null {
  const m = STEP.exec(line);
  if (!m) return null;
  const rest = line.slice(m.index + m[0].length);
  const metrics: Record<string, number> = {};
  for (const part of rest.split(" - ")) {
    const colon = part.lastIndexOf(":");
    if (colon <= 0) continue;
    const value = engineNumber(part.slice(colon + 1));
    if (value !== null) metrics[part.slice(0, colon).trim()] = value;
  }
  return { step: Number(m[1]), metrics };
}

/** The reward module's per-step sums, or null for any other line. */
export function parseRewardMetricsLine(line: string): RewardMetricsLine | null {
  const at = line.indexOf("rlx-metrics {");
  if (at < 0) return null;
  try {
    const record = JSON.parse(line.slice(at + "rlx-metrics ".length)) as Partial<RewardMetricsLine>;
    if (typeof record.step !== "number" || typeof record.n !== "number" || typeof record.sums !== "object" || record.sums === null) return null;
    return { pid: record.pid ?? 0, step: record.step, n: record.n, sums: record.sums, counts: record.counts ?? {} };
  } catch {
    return null;
  }
}
