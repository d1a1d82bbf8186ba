/**
 * `random(p)`: a Bernoulli(p) draw that is a pure function of where it is drawn, so a run
 * replays exactly and a batch can be split any way without changing a value.
 *
 * The draw is counter-based: u = hash(seed, step, promptIndex, sampleIndex, term) / 2^32, and the
 * value is 1 when u < p. `term` is the position of that `random` call among the expression's
 * `random` calls (left to right), so `random(0.5) & random(0.5)` is two independent draws.
 *
 * hash: h = 0x524c5831 ("RLX1"); for each integer v of the tuple (0 ≤ v < 2^53), for each of its
 * 32-bit halves w (low half first), h = mix32(h XOR w). mix32 is Chris Wellons' "lowbias32":
 *   x ^= x >> 16; x *= 0x7feb352d; x ^= x >> 15; x *= 0x846ca68b; x ^= x >> 16   (mod 2^32)
 * Written out so the Python reward module of `rlx export` can agree bit for bit.
 */
export interface DrawSite {
  readonly seed: number;
  readonly step: number;
  readonly promptIndex: number;
  readonly sampleIndex: number;
  /** Which `random` call of the expression, counted from 0 left to right. */
  readonly term: number;
}

const TWO_32 = 2 ** 32;
const HASH_START = 0x524c5831;

function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The uniform draw in [0, 1) at a site. */
export function uniformAt(site: DrawSite): number {
  let h = HASH_START;
  for (const v of [site.seed, site.step, site.promptIndex, site.sampleIndex, site.term]) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`random(p) needs non-negative whole coordinates, got ${v}`);
    h = mix32(h ^ (v >>> 0));
    h = mix32(h ^ Math.floor(v / TWO_32));
  }
  return h / TWO_32;
}
