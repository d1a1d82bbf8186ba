import { execa } from "execa";

/** rlx as a user runs it: a subprocess of bin/rlx.js, which runs dist/ (`npm run build` first, as `npm test` does). */
export async function rlx(...args: string[]) {
  const result = await execa(process.execPath, ["bin/rlx.js", ...args], { reject: false, env: { NO_COLOR: "1" } });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}
