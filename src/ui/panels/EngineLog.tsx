import { Box, Text } from "ink";

/** The latest lines an external engine (verl, OpenRLHF) printed, as they come. */
export function EngineLog({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
