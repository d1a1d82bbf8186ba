import { Box } from "ink";
import { EngineLog } from "./panels/EngineLog.js";
import { EvalTable } from "./panels/EvalTable.js";
import { Header } from "./panels/Header.js";
import { Metrics } from "./panels/Metrics.js";
import { Phases } from "./panels/Phases.js";
import { Progress } from "./panels/Progress.js";
import { Sample } from "./panels/Sample.js";
import { Status } from "./panels/Status.js";
import { Warnings } from "./panels/Warnings.js";
import type { RunViewState } from "./runState.js";

/** The whole run on one screen; each panel hides itself until it has something to show. */
export function RunView({ state }: { state: RunViewState }) {
  return (
    <Box flexDirection="column" gap={1}>
      <Header header={state.header} />
      <Phases phases={state.phases} trainingStarted={state.latest !== null} />
      <Progress state={state} />
      <Metrics series={state.series} latest={state.latest} />
      <EvalTable rows={state.evals} />
      <Sample sample={state.sample} />
      <EngineLog lines={state.log} />
      <Warnings warnings={state.warnings} />
      <Status outcome={state.outcome} />
    </Box>
  );
}
