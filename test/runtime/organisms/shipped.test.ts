import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TINY_ORGANISMS, type OrganismName } from "../../../src/core/organisms.js";
import { selectBackend } from "../../../src/runtime/backend.js";
import { pretrain, PRETRAIN_RECIPE } from "../../../src/runtime/organisms/pretrain.js";
import { recipeHash, SHIPPED_DIR, type ShippedRecord, shippedWeights, weightsChecksum } from "../../../src/runtime/organisms/shipped.js";

const records = readdirSync(SHIPPED_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(`${SHIPPED_DIR}${f}`, "utf8")) as ShippedRecord);

describe("the organisms shipped in stdlib/models", () => {
  it("cover every built-in organism, made with the current pretraining recipe", () => {
    expect(records.map((r) => r.organism).sort()).toEqual([...TINY_ORGANISMS].sort());
    for (const r of records) {
      expect(r.recipeHash, `${r.organism} was pretrained with another recipe: run npm run pretrain`).toBe(recipeHash());
      expect(r.recipe).toEqual(PRETRAIN_RECIPE);
      expect(shippedWeights(r.organism, r.seed)).not.toBeNull();
    }
  });

  it("have the priors their organism is meant to have (as measured after pretraining)", () => {
    const prior = (name: OrganismName) => records.find((r) => r.organism === name)!.priors.sampled;
    expect(prior("no-code").codeFrequency).toBeLessThan(0.02);
    expect(prior("code-prior").codeFrequency).toBeGreaterThan(0.5);
    expect(prior("code-prior").codeFrequency).toBeLessThan(0.8);
    expect(prior("code-prior").accuracyWithCode!).toBeGreaterThan(prior("code-prior").accuracyWithLanguage!);
    expect(prior("bad-code").codeFrequency).toBeGreaterThan(prior("code-prior").codeFrequency);
    expect(prior("bad-code").accuracyWithCode!).toBeLessThan(prior("bad-code").accuracyWithLanguage!);
  });

  // Pretraining an organism takes about an hour, too long for a test: the probe reruns the
  // pretraining stage for its first steps and must land on the weights recorded when shipping.
  it("are still what the pretraining stage makes: the probe's first steps reproduce the record", async () => {
    await selectBackend("wasm");
    for (const r of records) {
      const probe = await pretrain(r.organism, r.seed, { ...PRETRAIN_RECIPE, steps: r.probe.steps });
      expect(weightsChecksum(probe!), r.organism).toBeCloseTo(r.probe.checksum, 3);
    }
  });
});
