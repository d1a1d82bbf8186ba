import { shuffled } from "../util/prng.js";

/**
 * The items of each step (1-based): consecutive slices of a permutation per epoch, the epoch's
 * own seeded shuffle. A function of the step alone, so a resumed run draws what an uninterrupted
 * one would. `firstEpochInOrder` keeps the items' own order in the first epoch (a data pipeline
 * the user shuffled, or deliberately did not).
 */
export function epochBatches(size: number, batchSize: number, seed: number, firstEpochInOrder = false): (step: number) => number[] {
  if (batchSize > size) throw new RangeError(`a batch of ${batchSize} from ${size} items`);
  const perEpoch = Math.floor(size / batchSize);
  const indices = Array.from({ length: size }, (_, i) => i);
  let current = { epoch: -1, order: indices };
  return (step) => {
    const epoch = Math.floor((step - 1) / perEpoch);
    if (epoch !== current.epoch) current = { epoch, order: epoch === 0 && firstEpochInOrder ? indices : shuffled(indices, seed * 7919 + epoch) };
    const start = ((step - 1) % perEpoch) * batchSize;
    return current.order.slice(start, start + batchSize);
  };
}
