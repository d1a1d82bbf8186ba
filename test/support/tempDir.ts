import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Temporary folders for tests. Every folder made here is removed once its test file has run
 * (test/support/removeTempDirs.ts, a setup file of every project), so a test only makes them.
 */
const made: string[] = [];

/** A fresh, empty folder under the system's temporary directory, named `<prefix>XXXXXX`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A file named `name` holding `text`, alone in a fresh temporary folder; returns its path. */
export function tempFile(name: string, text: string): string {
  const file = path.join(tempDir("rlx-file-"), name);
  writeFileSync(file, text);
  return file;
}

/** Removes every folder tempDir() has made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
