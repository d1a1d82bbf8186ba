import { writeFileSync } from "node:fs";
import { selectBackend } from "../runtime/backend.js";
import { generateArith } from "../runtime/data/arith.js";
import { writeWeightsFile } from "../runtime/executor/cache.js";
import { PolicyModel } from "../runtime/model/policy.js";
import { modelConfig } from "../runtime/model/config.js";
import { TINY_ORGANISMS, type OrganismName } from "../core/organisms.js";
import { pretrain, PRETRAIN_RECIPE } from "../runtime/organisms/pretrain.js";
import { measurePriors } from "../runtime/organisms/priors.js";
import { recipeHash, shippedBase, type ShippedRecord, weightsChecksum } from "../runtime/organisms/shipped.js";

/**
 * `npm run pretrain [-- ORGANISM…]`: pretrains the built-in organisms with the current recipe on
 * wasm and writes them to stdlib/models/ with their record (recipe, measured priors, the probe
 * checksum the reproduction test checks). A maintainer's tool: run it after changing the recipe.
 */
export const PROBE_STEPS = 3;
const PRIOR_PROBLEMS = 500;

async function ship(organism: OrganismName, seed: number): Promise<void> {
  const started = performance.now();
  const weights = await pretrain(organism, seed, PRETRAIN_RECIPE, {
    onProgress: (p) => {
      if (p.step % 100 === 0) console.log(`${organism}: step ${p.step}/${p.steps} loss ${p.loss.toFixed(4)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const probe = await pretrain(organism, seed, { ...PRETRAIN_RECIPE, steps: PROBE_STEPS });
  const model = PolicyModel.fromWeights(modelConfig(PRETRAIN_RECIPE.model), weights!);
  const test = generateArith({ split: "test", count: PRIOR_PROBLEMS, seed: 1, difficulty: PRETRAIN_RECIPE.difficulty });
  const priors = {
    greedy: await measurePriors(model, test, { temperature: 0, maxNewTokens: 96, seed: 0 }),
    sampled: await measurePriors(model, test, { temperature: 1, maxNewTokens: 96, seed: 0 }),
  };
  model.dispose();
  const record: ShippedRecord = {
    organism,
    seed,
    recipe: PRETRAIN_RECIPE,
    recipeHash: recipeHash(),
    backend: "wasm",
    seconds: Math.round(seconds),
    priors,
    probe: { steps: PROBE_STEPS, checksum: weightsChecksum(probe!) },
  };
  const base = shippedBase(organism, seed);
  writeWeightsFile(`${base}.rlxt`, weights!);
  writeFileSync(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`${organism}: written ${base}.rlxt in ${record.seconds} s; priors ${JSON.stringify(priors)}`);
}

const requested = process.argv.slice(2);
const organisms = (requested.length > 0 ? requested : [...TINY_ORGANISMS]) as OrganismName[];
for (const o of organisms) {
  if (!TINY_ORGANISMS.includes(o)) throw new Error(`unknown organism '${o}' (${TINY_ORGANISMS.join(", ")})`);
}
await selectBackend("wasm");
for (const o of organisms) await ship(o, 0);
