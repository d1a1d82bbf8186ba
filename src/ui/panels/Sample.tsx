import { Box, Text } from "ink";
import { explanationLines } from "../explanationLines.js";
import { fixed } from "../../text/format.js";
import type { SampleState } from "../runState.js";

/** A response can run to hundreds of lines; a glimpse is enough to see its style. */
const RESPONSE_LINES = 4;
const EXPLANATION_LINES = 10;

export function Sample({ sample }: { sample: SampleState | null }) {
  if (sample === null) return null;
  const lines = sample.response.split("\n");
  const hidden = lines.length - RESPONSE_LINES;
  return (
    <Box flexDirection="column">
      <Text bold>{`sample · step ${sample.step} · reward ${fixed(sample.reward, 3)}`}</Text>
      <Text wrap="truncate-end">{`  prompt  ${sample.prompt.replaceAll("\n", " ")}`}</Text>
      {lines.slice(0, RESPONSE_LINES).map((line, i) => (
        <Text key={i} wrap="truncate-end">{`  │ ${line}`}</Text>
      ))}
      {hidden > 0 && <Text dimColor>{`  │ … ${hidden} more lines`}</Text>}
      {sample.explanation !== null &&
        explanationLines(sample.explanation, EXPLANATION_LINES).map((line, i) => (
          <Text key={`why${i}`} wrap="truncate-end">{`  ${line}`}</Text>
        ))}
    </Box>
  );
}
