import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import * as wasm from "@tensorflow/tfjs-backend-wasm";

/**
 * Chooses the tfjs backend of a run (`--backend auto|node-gpu|node|wasm|cpu`).
 *
 * Same seed, same backend → same run. Across backends results agree only to float rounding,
 * because these ops are computed differently by each: matMul (XNNPACK's blocked SIMD kernels on
 * wasm, plain JS loops on cpu, Eigen/cuBLAS on tfjs-node), every reduction (sum, mean, softmax,
 * logSoftmax, layer-norm moments: summation order), and exp/log/tanh (each backend's own math
 * library). Over a training run the differences grow, and a sampled token can flip when a random
 * draw lands within rounding of a cumulative-probability boundary. Random numbers themselves
 * never come from a backend (see random.ts), so that source of divergence is excluded.
 */
export type BackendRequest = "auto" | "node-gpu" | "node" | "wasm" | "cpu";

export interface SelectedBackend {
  /** The tfjs backend name now active: "tensorflow", "wasm" or "cpu". */
  readonly name: string;
  /** For people and for the run record: what was chosen, e.g. "wasm (SIMD on, 1 thread)". */
  readonly detail: string;
  /** Why each faster backend `auto` tried was not taken. */
  readonly skipped: readonly string[];
}

export class BackendUnavailableError extends Error {}

const NATIVE_PACKAGES = { "node-gpu": "@tensorflow/tfjs-node-gpu", node: "@tensorflow/tfjs-node" } as const;

export async function selectBackend(requested: BackendRequest): Promise<SelectedBackend> {
  const skipped: string[] = [];
  for (const kind of ["node-gpu", "node"] as const) {
    if (requested !== kind && requested !== "auto") continue;
    const failure = await tryNative(NATIVE_PACKAGES[kind]);
    if (failure === null) return { name: tf.getBackend(), detail: `${kind} (${NATIVE_PACKAGES[kind]})`, skipped };
    if (requested === kind) throw new BackendUnavailableError(`backend '${kind}' is not available: ${failure}`);
    skipped.push(failure);
  }
  if (requested === "auto" || requested === "wasm") {
    const failure = await tryWasm();
    if (failure === null) return { name: "wasm", detail: `wasm (SIMD ${await simdText()}, 1 thread)`, skipped };
    if (requested === "wasm") throw new BackendUnavailableError(`backend 'wasm' is not available: ${failure}`);
    skipped.push(failure);
  }
  if (!(await tf.setBackend("cpu"))) throw new BackendUnavailableError("backend 'cpu' failed to initialise");
  return { name: "cpu", detail: "cpu (pure JavaScript, slow)", skipped };
}

/** null when the package loaded and its backend is active, else why not. */
async function tryNative(packageName: string): Promise<string | null> {
  try {
    // A variable specifier: these are optionalDependencies whose install downloads libtensorflow;
    // offline that fails and npm leaves them out, so nothing may import them statically.
    const specifier: string = packageName;
    await import(specifier);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      return `${packageName} is not installed (npm install ${packageName}; it downloads libtensorflow)`;
    }
    return `${packageName} failed to load: ${(error as Error).message.split("\n")[0]}`;
  }
  return (await tf.setBackend("tensorflow")) ? null : `${packageName} loaded but its backend failed to initialise`;
}

async function tryWasm(): Promise<string | null> {
  // The .wasm binaries ship inside the npm package: point the loader at them so nothing is fetched.
  const require = createRequire(import.meta.url);
  const folder = path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
  try {
    wasm.setWasmPaths(folder + path.sep);
  } catch {
    // Already initialised once in this process (setWasmPaths refuses then): the paths are set.
  }
  // One thread. In Node, tfjs 4.22 reports no thread support (WASM_HAS_MULTITHREAD_SUPPORT is false
  // there), and forcing the flag fails: the threaded build starts its workers from blob: URLs, which
  // Node's Worker rejects (ERR_WORKER_PATH). docs/architecture.md also records two threads making a training
  // step slower: the matrices of this model are too small to split.
  try {
    return (await tf.setBackend("wasm")) ? null : "wasm failed to initialise";
  } catch (error) {
    return `wasm failed to initialise: ${(error as Error).message}`;
  }
}

async function simdText(): Promise<string> {
  return (await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) ? "on" : "off";
}
