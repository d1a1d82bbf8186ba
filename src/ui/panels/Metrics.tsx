import { Box, Text } from "ink";
import { compact, fixed } from "../../text/format.js";
import type { MetricSeries } from "../runState.js";
import type { StepMetrics } from "../../runtime/executor/events.js";
import { sparkline } from "../../text/sparkline.js";

/** Steps a sparkline spans: the most recent ones, so a long run still fits a terminal line. */
const SPARK_WIDTH = 60;

/** KL sits near zero for most of a run: more decimals keep it from reading as exactly 0. */
function shown(name: string, value: number): string {
  return fixed(value, name === "kl" ? 4 : 3);
}

export function Metrics({ series, latest }: { series: readonly MetricSeries[]; latest: StepMetrics | null }) {
  if (latest === null) return null;
  const nameWidth = Math.max(...series.map((s) => s.name.length));
  return (
    <Box flexDirection="column">
      {series.map((s) => (
        <Text key={s.name} wrap="truncate-end">
          {`${s.name.padEnd(nameWidth)}  ${shown(s.name, s.values.at(-1) ?? Number.NaN).padStart(7)}  `}
          <Text color="cyan">{sparkline(s.values.slice(-SPARK_WIDTH))}</Text>
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {[
          `len ${fixed(latest.response_length, 1)}`,
          `entropy ${fixed(latest.entropy, 3)}`,
          `|ρ−1| ${fixed(latest.ratio_deviation, 3)}`,
          `zero-std ${fixed(latest.zero_std_share * 100, 0)}%`,
          `lr ${latest.lr.toExponential(1)}`,
        ].join(" · ")}
      </Text>
      <Text dimColor wrap="truncate-end">
        {`rollout ${compact(latest.rollout_tokens_per_s)} tok/s · train ${compact(latest.train_tokens_per_s)} tok/s`}
      </Text>
    </Box>
  );
}
