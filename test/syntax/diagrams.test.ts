import { existsSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { diagramsHtml } from "../../src/syntax/diagrams.js";

it("grammar/diagrams.html matches the parser", () => {
  const path = new URL("../../grammar/diagrams.html", import.meta.url);
  const committed = existsSync(path) ? readFileSync(path, "utf8") : "";
  // A plain boolean check, so a stale file fails with the fix rather than a huge text diff.
  expect(committed === diagramsHtml(), "grammar/diagrams.html is out of date: run npm run diagrams").toBe(true);
});
