import { Box, Text } from "ink";
import type { PhaseState } from "../runState.js";

/** The stages before training, shown only until training starts: afterwards they are history. */
export function Phases({ phases, trainingStarted }: { phases: readonly PhaseState[]; trainingStarted: boolean }) {
  if (phases.length === 0 || trainingStarted) return null;
  return (
    <Box flexDirection="column">
      {phases.map((phase, i) => (
        <Text key={i} wrap="truncate-end">
          {`${phase.name} … `}
          <Text color={phase.cached || phase.finished ? "green" : "cyan"}>
            {phase.cached ? "cached" : phase.finished ? "done" : phase.progress === null ? "running" : `${Math.floor(phase.progress * 100)}%`}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
