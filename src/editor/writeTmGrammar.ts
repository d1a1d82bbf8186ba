import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tmGrammarJson } from "./tmGrammar.js";

// `npm run tmgrammar`: regenerates the VS Code extension's grammar (run from dist/editor/, so the
// repository root is two levels up whatever the working directory is).
const target = fileURLToPath(new URL("../../editors/vscode/syntaxes/rlx.tmLanguage.json", import.meta.url));
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, tmGrammarJson());
console.log(`wrote ${target}`);
