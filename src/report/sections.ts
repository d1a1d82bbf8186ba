import { fixed, signed } from "../text/format.js";
import type { Contributions } from "./contributions.js";
import type { RunReport, SwitchReport } from "./runReport.js";
import type { StrategySwitch } from "./strategySwitch.js";
import { clipTable, evalTable, switchTable, trainingTable, type Table } from "./tables.js";

/**
 * One part of a run's report, in the order both renderers show them: a titled table with lines of
 * text above it, or the reason the analysis is unavailable.
 */
export type Section =
  | { readonly kind: "table"; readonly title: string; readonly text: readonly string[]; readonly table: Table }
  | { readonly kind: "unavailable"; readonly title: string; readonly reason: string };

/** A run's analyses: training curves, evaluations, each strategy switch with its contributions, clip fraction. */
export function runSections(r: RunReport): Section[] {
  const missing = (title: string, reason: string): Section => ({ kind: "unavailable", title, reason });
  const training: Section = r.training.ok
    ? {
        kind: "table",
        title: `Training (steps ${r.training.value.accuracy.steps[0]}–${r.training.value.accuracy.steps.at(-1)})`,
        text: r.codeFrequency.ok ? [] : [`code frequency: unavailable: ${r.codeFrequency.reason}`],
        table: trainingTable(r.training.value, r.codeFrequency),
      }
    : missing("Training", r.training.reason);
  const evals: Section = r.evals.ok ? { kind: "table", title: "Evaluations", text: [], table: evalTable(r.evals.value) } : missing("Evaluations", r.evals.reason);
  const switches: Section[] = !r.switches.ok
    ? [missing("Strategy switch", r.switches.reason)]
    : r.switches.value.map((s) => {
        if (!s.analysis.ok) return missing(switchTitle(s), s.analysis.reason);
        const { strategySwitch, contributions } = s.analysis.value;
        return { kind: "table", title: switchTitle(s), text: [describeSwitch(strategySwitch, contributions)], table: switchTable(strategySwitch, contributions) };
      });
  const clipping: Section = r.clipping.ok
    ? { kind: "table", title: "Clip fraction over training (share of response tokens clipped)", text: [], table: clipTable(r.clipping.value) }
    : missing("Clip fraction", r.clipping.reason);
  return [training, evals, ...switches, clipping];
}

/** What a run is, as label/value rows: where it lives, what it ran, how far it got, its reward. */
export function runFacts(r: RunReport): [string, string][] {
  const { meta, status, failure, reward, dir } = r.log;
  const origin = [meta.file, meta.seed === null ? null : `seed ${meta.seed}`, meta.backend].filter((x) => x !== null).join(", ");
  const lastStep = r.training.ok ? r.training.value.accuracy.steps.at(-1) : undefined;
  const progress = lastStep === undefined ? "no step logged" : `step ${lastStep}${meta.steps === null ? "" : ` of ${meta.steps}`}`;
  return [
    ["dir", dir],
    ...(origin === "" ? [] : [["run", origin] as [string, string]]),
    ["status", `${status ?? "not ended (no summary.json)"}, ${progress}${failure === null ? "" : `: ${failure}`}`],
    ...(reward === null ? [] : [["reward", reward] as [string, string]]),
  ];
}

function switchTitle(s: SwitchReport): string {
  const steps = s.analysis.ok ? `, step ${s.analysis.value.strategySwitch.stepBefore} → step ${s.analysis.value.strategySwitch.stepAfter}` : "";
  return `Strategy switch: ${s.metric} on ${s.data}${steps}`;
}

/** The switch in one line: how many problems, the share answered in code and the accuracy before → after. */
function describeSwitch(s: StrategySwitch, c: Contributions): string {
  const share = (n: number) => fixed(n / s.problems, 3);
  return [
    `${s.problems} problems answered at both steps${s.unmatched > 0 ? ` (${s.unmatched} answered at only one, left out)` : ""}`,
    `code share ${share(s.codeBefore)} → ${share(s.codeAfter)}`,
    `accuracy ${share(s.correctBefore)} → ${share(s.correctAfter)} (${signed(c.totalChange, 3)})`,
  ].join("; ");
}
