import { readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "./packageRoot.js";

/** rlx's own version, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string };
  return pkg.version;
}
