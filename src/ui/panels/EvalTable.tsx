import { Box, Text } from "ink";
import { fixed, signed } from "../../text/format.js";
import type { EvalRow } from "../runState.js";
import { alignColumns } from "../../text/columns.js";

/** The latest value of each evaluation, its change since the previous one, and its tracked shares. */
export function EvalTable({ rows }: { rows: readonly EvalRow[] }) {
  if (rows.length === 0) return null;
  const trackNames = [...new Set(rows.flatMap((r) => Object.keys(r.tracks)))];
  const [head, ...body] = alignColumns([
    ["step", "eval", "metric", "value", "Δ", ...trackNames],
    ...rows.map((r) => [
      String(r.step),
      r.data,
      r.metric,
      fixed(r.value, 3),
      r.previous === null ? "" : signed(r.value - r.previous, 3),
      ...trackNames.map((t) => (r.tracks[t] === undefined ? "" : fixed(r.tracks[t], 3))),
    ]),
  ]);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">{head}</Text>
      {body.map((line, i) => (
        <Text key={i} wrap="truncate-end">{line}</Text>
      ))}
    </Box>
  );
}
