import { Box, Text } from "ink";
import type { RunHeader } from "../runState.js";

export function Header({ header }: { header: RunHeader | null }) {
  if (header === null) return <Text dimColor>rlx run: starting…</Text>;
  const resumed = header.resumedFrom === null ? "" : ` · resumed after step ${header.resumedFrom}`;
  const position = header.position === null ? "" : `run ${header.position.index}/${header.position.total} · `;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {position}
        <Text bold>{header.run}</Text>
        {` · ${header.file} · backend ${header.backend}`}
      </Text>
      <Text dimColor wrap="truncate-end">{`run directory ${header.runDir}${resumed}`}</Text>
    </Box>
  );
}
