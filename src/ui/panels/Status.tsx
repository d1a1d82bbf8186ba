import { Text } from "ink";
import { outcomeLine } from "../outcome.js";
import type { RunOutcome } from "../runState.js";

const COLOR = { completed: "green", interrupted: "yellow", failed: "red" } as const;

export function Status({ outcome }: { outcome: RunOutcome | null }) {
  if (outcome === null) return null;
  return <Text color={COLOR[outcome.status]} bold>{outcomeLine(outcome)}</Text>;
}
