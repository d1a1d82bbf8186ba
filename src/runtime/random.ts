import { hashString, randomStream } from "../util/prng.js";

/**
 * Seeded pseudo-random numbers computed on the host, never by a backend: weight initialisation
 * and sampling draw from here, so the same seed gives the same numbers on every backend.
 * (tfjs's own `randomNormal`/`multinomial` differ between backends and are not used.)
 */
export class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = randomStream(seed);
  }

  /** Derives an independent stream, e.g. one per parameter name or per sampling call. */
  static derive(seed: number, label: string): Rng {
    return new Rng((hashString(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return this.next();
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.uniform(); // (0, 1]: log(0) never happens
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.uniform());
  }

  uniforms(n: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform();
    return out;
  }

  normals(n: number, std: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = std * this.normal();
    return out;
  }
}
