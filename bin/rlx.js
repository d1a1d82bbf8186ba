#!/usr/bin/env node
// The rlx command. rlx needs Node >= 22; the project pins one as a dev dependency, so when an
// older node runs this file we hand over to the pinned one instead of failing on syntax later.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  const pinned = join(root, "node_modules", ".bin", "node");
  if (!existsSync(pinned)) {
    console.error(`rlx needs Node.js 22 or newer (this is ${process.version}); run 'npm install' in ${root} to get the pinned one.`);
    process.exit(2);
  }
  const child = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}
const entry = join(root, "dist", "cli", "main.js");
if (!existsSync(entry)) {
  console.error(`rlx is not built: run 'npm run build' in ${root}.`);
  process.exit(2);
}
// A closed pipe (`rlx compile … | head`) ends the output quietly: the reader has what it wanted.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));
