/**
 * Exact rational arithmetic on BigInt, used so that integer and fraction
 * answers are compared exactly: a relative tolerance would call 1000000001 and
 * 1000000000 equal, which no grader wants.
 */
export interface Rational {
  readonly n: bigint; // numerator, carries the sign
  readonly d: bigint; // denominator, always > 0
}

/** Largest operand size (in bits) we agree to produce; beyond it we give up on exactness. */
const MAX_BITS = 4096;

function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function bits(a: bigint): number {
  return abs(a).toString(16).length * 4;
}

/** A normalised rational, or null when it would be too large to be worth keeping exact. */
export function rat(n: bigint, d: bigint = 1n): Rational | null {
  if (d === 0n) return null;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  if (g > 1n) {
    n /= g;
    d /= g;
  }
  if (bits(n) > MAX_BITS || bits(d) > MAX_BITS) return null;
  return { n, d };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

/** Exact value of a decimal literal such as "12.50" or "1.5e3". */
export function parseDecimal(text: string): Rational | null {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const int = m[1] ?? "";
  const frac = m[2] ?? "";
  if (int === "" && frac === "") return null;
  const exp = m[3] === undefined ? 0 : Number(m[3]);
  if (!Number.isFinite(exp) || Math.abs(exp) > 1000) return null;
  const digits = BigInt((int + frac) || "0");
  const scale = exp - frac.length;
  return scale >= 0 ? rat(digits * 10n ** BigInt(scale)) : rat(digits, 10n ** BigInt(-scale));
}

export function add(a: Rational, b: Rational): Rational | null {
  return rat(a.n * b.d + b.n * a.d, a.d * b.d);
}
export function sub(a: Rational, b: Rational): Rational | null {
  return rat(a.n * b.d - b.n * a.d, a.d * b.d);
}
export function mul(a: Rational, b: Rational): Rational | null {
  return rat(a.n * b.n, a.d * b.d);
}
export function div(a: Rational, b: Rational): Rational | null {
  return b.n === 0n ? null : rat(a.n * b.d, a.d * b.n);
}
export function neg(a: Rational): Rational {
  return { n: -a.n, d: a.d };
}
export function isInteger(a: Rational): boolean {
  return a.d === 1n;
}
export function eq(a: Rational, b: Rational): boolean {
  return a.n === b.n && a.d === b.d;
}

/** a^e for an integer exponent, refusing results that would blow the size budget (e.g. 9^(9^9)). */
export function pow(a: Rational, e: Rational): Rational | null {
  if (e.d !== 1n) return null;
  const k = e.n;
  if (k === 0n) return a.n === 0n ? null : ONE;
  if (a.n === 0n) return k > 0n ? ZERO : null;
  const absK = abs(k);
  const sizeBits = Math.max(bits(a.n), bits(a.d)) * Number(absK);
  if (absK > 100000n || sizeBits > MAX_BITS) return null;
  const n = a.n ** absK;
  const d = a.d ** absK;
  return k > 0n ? rat(n, d) : rat(d, n);
}

/** n! for a small non-negative integer n. */
export function factorial(a: Rational): Rational | null {
  if (a.d !== 1n || a.n < 0n || a.n > 500n) return null;
  let r = 1n;
  for (let i = 2n; i <= a.n; i++) r *= i;
  return rat(r);
}

/** C(n, k) for small integers. */
export function binomial(n: Rational, k: Rational): Rational | null {
  if (n.d !== 1n || k.d !== 1n || n.n < 0n || n.n > 10000n) return null;
  if (k.n < 0n || k.n > n.n) return ZERO;
  const kk = k.n < n.n - k.n ? k.n : n.n - k.n;
  let r = 1n;
  for (let i = 1n; i <= kk; i++) r = (r * (n.n - kk + i)) / i;
  return rat(r);
}

export function toNumber(a: Rational): number {
  const x = Number(a.n) / Number(a.d);
  if (Number.isFinite(x)) return x;
  // Both parts overflow doubles: scale them down together.
  const shift = BigInt(Math.max(bits(a.n), bits(a.d)) - 1000);
  return Number(a.n >> shift) / Number(a.d >> shift);
}

export function toString(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}
