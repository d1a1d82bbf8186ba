import { Box, Static, Text, useApp, useInput, usePaste } from "ink";
import { useRef, useState } from "react";
import type { OutputBlock, ReplSession } from "./session.js";

const COLORS: Record<OutputBlock["kind"], string | undefined> = { entry: "gray", result: undefined, info: "cyan", error: "red" };

/** The REPL's terminal view: the transcript so far, then the prompt being typed. State lives in the session. */
export function App({ session }: { session: ReplSession }) {
  const { exit } = useApp();
  const [transcript, setTranscript] = useState<(OutputBlock & { id: number })[]>([]);
  // The line being typed lives in a ref: keys can arrive faster than React re-renders.
  const line = useRef("");
  const [, redraw] = useState(0);
  const setLine = (text: string) => {
    line.current = text;
    redraw((n) => n + 1);
  };
  // Where the up/down arrows are in the history; history.length means "the line being typed".
  const recall = useRef(session.history.length);
  const nextId = useRef(0);

  const submit = (text: string) => {
    const blocks = session.submit(text).map((b) => ({ ...b, id: nextId.current++ }));
    recall.current = session.history.length;
    setTranscript((t) => [...t, ...blocks]);
    if (session.quit) exit();
  };

  /** Typed or pasted text: every line break submits the line before it. */
  const type = (text: string) => {
    const parts = text.split(/\r\n|\r|\n/);
    let current = line.current + parts[0]!;
    for (const next of parts.slice(1)) {
      submit(current);
      current = next;
    }
    setLine(current);
  };

  useInput((input, key) => {
    if (key.return) {
      submit(line.current);
      setLine("");
    } else if (key.upArrow || key.downArrow) {
      const to = Math.max(0, Math.min(session.history.length, recall.current + (key.upArrow ? -1 : 1)));
      recall.current = to;
      setLine(session.history[to] ?? "");
    } else if (key.backspace || key.delete) {
      setLine(line.current.slice(0, -1));
    } else if (key.ctrl && input === "d") {
      exit();
    } else if (key.ctrl && input === "u") {
      setLine("");
    } else if (!key.ctrl && !key.meta && input) {
      type(input);
    }
  });
  usePaste(type);

  return (
    <Box flexDirection="column">
      <Static items={transcript}>
        {(block) => (
          <Text key={block.id} color={COLORS[block.kind]}>
            {block.text}
          </Text>
        )}
      </Static>
      {!session.quit && (
        <Text>
          {session.prompt}
          {line.current}
          <Text inverse> </Text>
        </Text>
      )}
    </Box>
  );
}
