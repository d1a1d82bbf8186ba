import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/**
 * The folder of rlx's package.json: the checkout when rlx runs from src/ (tests) or dist/, the
 * package's folder once installed. Files shipped beside dist/ are found from here, whatever the
 * depth of the module that asks.
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  const start = path.dirname(fileURLToPath(import.meta.url));
  let dir = start;
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`rlx: no package.json in ${start} or any folder above it`);
    dir = parent;
  }
  root = dir;
  return root;
}
