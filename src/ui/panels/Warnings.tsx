import { Box, Text } from "ink";

export function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Box flexDirection="column">
      {warnings.map((message, i) => (
        <Text key={i} color="yellow" wrap="truncate-end">{`warning: ${message}`}</Text>
      ))}
    </Box>
  );
}
