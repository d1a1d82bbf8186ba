/**
 * Deterministic pseudo-randomness. Everything random in rlx (data order, splits, synthetic
 * problems) derives from explicit seeds through these, so a run replays exactly.
 */

/** A 32-bit integer hash of several integers (murmur3's finaliser over a running mix). */
export function hashInts(...values: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A uniform number in [0, 1) determined by the integers: counter-based, no state. */
export function unitFromInts(...values: readonly number[]): number {
  return hashInts(...values) / 4294967296;
}

/** A 32-bit hash of a string (FNV-1a), for deciding membership by content. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A seeded stream of uniforms in [0, 1) (mulberry32): small, fast, good enough for shuffles. */
export function randomStream(seed: number): () => number {
  let state = hashInts(seed) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, n). */
export function randomInt(next: () => number, n: number): number {
  return Math.floor(next() * n);
}

/** Fisher–Yates with a seeded stream. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = randomStream(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(next, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
