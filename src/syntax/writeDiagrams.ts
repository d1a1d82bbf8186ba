import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { diagramsHtml } from "./diagrams.js";

// `npm run diagrams`: regenerates grammar/diagrams.html (run from dist/syntax/, so the
// repository root is two levels up whatever the working directory is).
const target = fileURLToPath(new URL("../../grammar/diagrams.html", import.meta.url));
writeFileSync(target, diagramsHtml());
console.log(`wrote ${target}`);
