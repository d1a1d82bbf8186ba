import { Text } from "ink";
import { duration, progressBar } from "../../text/format.js";
import type { RunViewState } from "../runState.js";

const BAR_WIDTH = 30;

/** `[████░░░░] step 24/60  40%  elapsed 00:41  ETA 01:23  · checkpoint step 20` */
export function Progress({ state }: { state: RunViewState }) {
  if (state.totalSteps === 0) return null;
  const share = Math.min(1, Math.max(0, state.step / state.totalSteps));
  const bar = progressBar(state.step, state.totalSteps, BAR_WIDTH);
  const elapsed = state.latest === null ? "" : `  elapsed ${duration(state.latest.wall_s)}`;
  const eta = state.outcome === null ? `  ETA ${duration(state.etaSeconds)}` : "";
  const checkpoint = state.checkpoint === null ? "" : `  · checkpoint step ${state.checkpoint.step}`;
  return (
    <Text wrap="truncate-end">
      <Text color="cyan">{bar}</Text>
      {` step ${state.step}/${state.totalSteps}  ${Math.floor(share * 100)}%${elapsed}${eta}`}
      <Text dimColor>{checkpoint}</Text>
    </Text>
  );
}
