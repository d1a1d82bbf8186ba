import { Box, Text } from "ink";
import { Warnings } from "./panels/Warnings.js";
import { type CellStatus, statusCounts, STOPPING_MESSAGE, type SweepViewState } from "./sweepState.js";
import { sweepRows } from "./sweepTable.js";
import { alignColumns } from "../text/columns.js";

const COLOR: Readonly<Record<CellStatus, string | undefined>> = { waiting: undefined, running: "cyan", completed: "green", interrupted: "yellow", failed: "red" };

/** `rlx run --jobs N` on a terminal: every run of the invocation on one screen, a row each. */
export function SweepView({ state }: { state: SweepViewState }) {
  const counts = statusCounts(state);
  const tally = (["completed", "running", "waiting", "interrupted", "failed"] as const)
    .filter((s) => counts[s] > 0 || s === "completed")
    .map((s) => `${counts[s]} ${s}`)
    .join(" · ");
  const [head, ...rows] = alignColumns(sweepRows(state));
  return (
    <Box flexDirection="column" gap={1}>
      <Text wrap="truncate-end">
        <Text bold>{state.file}</Text>
        {` · ${state.cells.length} runs, ${state.jobs} at once · ${tally}`}
      </Text>
      <Box flexDirection="column">
        <Text bold wrap="truncate-end">{head}</Text>
        {rows.map((line, i) => {
          const status = state.cells[i]!.status;
          return (
            <Text key={i} wrap="truncate-end" {...(COLOR[status] === undefined ? { dimColor: true } : { color: COLOR[status] })}>
              {line}
            </Text>
          );
        })}
      </Box>
      <Warnings warnings={state.warnings} />
      {state.stopping ? <Text color="yellow">{STOPPING_MESSAGE}</Text> : null}
    </Box>
  );
}
