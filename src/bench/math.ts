/**
 * Throughput of the `math` reward on synthetic responses shaped like
 * Qwen2.5-Math's: reasoning prose with inline LaTeX, sometimes a ```python
 * block and its ```output, one or several \boxed{}, sometimes none, a few
 * very long ones. As in GRPO, each prompt (gold label) gets a group of 8
 * samples, whose answers are right, right in another form, or wrong.
 */
import { extractAnswer, gradeResponse, mathEqual } from "../reward/math/index.js";
import { randomStream } from "../util/prng.js";

export interface MathBenchResult {
  name: string;
  responsesPerSecond: number;
  /** The rate grading must reach, if it has one: 5,000 responses a second on one core. */
  targetPerSecond: number | null;
}

const RESPONSES = 10_000;
/** Responses per prompt, as in a GRPO rollout group. */
export const GROUP = 8;

export function benchMath(): MathBenchResult[] {
  // Warm-up on a different seed, so the measured run meets fresh gold labels (cold gold cache).
  const warm = synthesize(1_000, 7);
  for (const s of warm) gradeResponse(s.response, s.gold);

  const samples = synthesize(RESPONSES, 42);
  const grade = timeIt(() => {
    for (const s of samples) gradeResponse(s.response, s.gold);
  });
  const extract = timeIt(() => {
    for (const s of samples) extractAnswer(s.response);
  });
  const answers = samples.map((s) => ({ answer: extractAnswer(s.response).answer ?? "", gold: s.gold }));
  const compare = timeIt(() => {
    for (const a of answers) mathEqual(a.answer, a.gold);
  });
  return [
    { name: "math gradeResponse (10k synthetic Qwen2.5-Math responses)", responsesPerSecond: rate(samples.length, grade), targetPerSecond: 5000 },
    { name: "math extractAnswer only", responsesPerSecond: rate(samples.length, extract), targetPerSecond: null },
    { name: "math mathEqual only (answers already extracted)", responsesPerSecond: rate(samples.length, compare), targetPerSecond: null },
  ];
}

function timeIt(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function rate(n: number, ms: number): number {
  return Math.round((n / ms) * 1000);
}

export interface Sample {
  response: string;
  gold: string;
}

interface Item {
  gold: string;
  /** Equivalent spellings a model might produce. */
  right: string[];
  /** Plausible wrong answers. */
  wrong: string[];
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** Gold answers in the proportions of MATH: mostly numbers and fractions, then radicals, expressions, structures. */
const TEMPLATES: [number, (r: Rand) => Item][] = [
  [30, (r) => {
    const n = int(r, -20, 999);
    return { gold: `${n}`, right: [`${n}`, `${n}.0`, `x = ${n}`], wrong: [`${n + 1}`, `${-n - 1}`, `${n * 2}`] };
  }],
  [6, (r) => {
    const n = int(r, 1000, 99999);
    const sep = n.toLocaleString("en-US");
    return { gold: `${n}`, right: [sep, `${n}`, `${n} \\text{ dollars}`], wrong: [`${n + 10}`, `${n * 10}`] };
  }],
  [18, (r) => {
    const q = int(r, 2, 30);
    let p = int(r, 1, 60);
    const g = gcd(p, q);
    p /= g;
    const d = q / g;
    const dec = [2, 4, 5, 8, 10, 20, 25].includes(d) ? [`${p / d}`] : [];
    return {
      gold: `\\frac{${p}}{${d}}`,
      right: [`\\frac{${p}}{${d}}`, `\\dfrac{${p}}{${d}}`, `${p}/${d}`, ...dec],
      wrong: [`\\frac{${d}}{${p}}`, `\\frac{${p + 1}}{${d}}`, `${(p / d).toFixed(2)}`],
    };
  }],
  [10, (r) => {
    const a = int(r, 2, 9);
    const b = pick(r, [2, 3, 5, 6, 7, 10]);
    return { gold: `${a}\\sqrt{${b}}`, right: [`${a}\\sqrt{${b}}`, `\\sqrt{${a * a * b}}`, `${a} \\sqrt ${b}`], wrong: [`${a}\\sqrt{${b + 1}}`, `${a * b}`] };
  }],
  [6, (r) => {
    const a = int(r, 1, 12);
    const c = int(r, 2, 9);
    return { gold: `\\frac{${a}\\pi}{${c}}`, right: [`\\frac{${a}\\pi}{${c}}`, `\\frac{${a}}{${c}}\\pi`], wrong: [`\\frac{${a}}{${c}}`, `\\frac{${c}\\pi}{${a}}`] };
  }],
  [5, (r) => {
    const a = int(r, -5, 5);
    const b = int(r, a + 1, 9);
    return { gold: `[${a}, ${b})`, right: [`[${a},${b})`, `\\left[${a}, ${b}\\right)`, `${a} \\le x < ${b}`], wrong: [`(${a}, ${b}]`, `[${a}, ${b}]`] };
  }],
  [6, (r) => {
    const a = int(r, -9, 9);
    const b = int(r, -9, 9);
    return { gold: `(${a}, ${b})`, right: [`(${a},${b})`, `\\left(${a}, ${b}\\right)`], wrong: [`(${b + 1}, ${a})`, `(${a}, ${-b - 1})`] };
  }],
  [6, (r) => {
    const a = int(r, -9, 0);
    const b = int(r, 1, 9);
    return { gold: `${a}, ${b}`, right: [`${b}, ${a}`, `\\{${a}, ${b}\\}`, `x = ${a} \\text{ or } x = ${b}`], wrong: [`${a}`, `${-a}, ${-b}`] };
  }],
  [6, (r) => {
    const p = int(r, 1, 6);
    const q = int(r, 1, 6);
    return {
      gold: `x^2 + ${p + q}x + ${p * q}`,
      right: [`(x+${p})(x+${q})`, `x^2+${p + q}x+${p * q}`],
      wrong: [`(x-${p})(x-${q})`, `x^2 + ${p + q}x - ${p * q}`],
    };
  }],
  [3, (r) => {
    const a = int(r, 10, 170);
    return { gold: `${a}^\\circ`, right: [`${a}`, `${a}^{\\circ}`, `${a} \\text{ degrees}`], wrong: [`${180 - a}^\\circ`] };
  }],
  [2, (r) => {
    const a = int(r, 1, 99);
    return { gold: `${a}\\%`, right: [`${a}`, `${a}\\%`, `${a / 100}`], wrong: [`${a + 5}\\%`] };
  }],
  [2, (r) => {
    const x = pick(r, ["A", "B", "C", "D", "E"]);
    return { gold: `\\text{(${x})}`, right: [`(${x})`, x], wrong: [x === "A" ? "(B)" : "(A)"] };
  }],
  [2, (r) => {
    const x = pick(r, ["Devon", "Monday", "even", "odd", "Tuesday"]);
    return { gold: `\\text{${x}}`, right: [x, `\\text{${x}}`], wrong: ["\\text{Alice}"] };
  }],
  [2, (r) => {
    const [a, b, c, d] = [int(r, -5, 9), int(r, -5, 9), int(r, -5, 9), int(r, -5, 9)];
    const m = (w: number) => `\\begin{pmatrix} ${a} & ${b} \\\\ ${c} & ${w} \\end{pmatrix}`;
    return { gold: m(d), right: [m(d)], wrong: [m(d + 1)] };
  }],
  [2, (r) => {
    const a = int(r, 1, 9);
    const b = int(r, 1, 9);
    return { gold: `${a} + ${b}i`, right: [`${a}+${b}i`, `${b}i + ${a}`], wrong: [`${a} - ${b}i`] };
  }],
  [2, (r) => {
    const a = int(r, 1, 20);
    return { gold: `${a}`, right: [`${a} \\text{ cm}`, `${a}\\text{ units}`], wrong: [`${a + 2} \\text{ cm}`] };
  }],
];
const TOTAL_WEIGHT = TEMPLATES.reduce((s, [w]) => s + w, 0);

function item(r: Rand): Item {
  let x = r() * TOTAL_WEIGHT;
  for (const [w, make] of TEMPLATES) {
    x -= w;
    if (x < 0) return make(r);
  }
  return TEMPLATES[0]![1](r);
}

const PROSE = [
  String.raw`To solve this problem, we need to carefully analyze the given conditions.`,
  String.raw`First, we note that \(x^2 - 5x + 6 = 0\) factors as \((x-2)(x-3) = 0\).`,
  String.raw`Let's denote the unknown quantity by \(n\). Then we have \[ 3n + 7 = 2n + 12. \]`,
  String.raw`By the Pythagorean theorem, \(a^2 + b^2 = c^2\), so \(c = \sqrt{a^2 + b^2}\).`,
  String.raw`We can simplify the expression: \[ \frac{2x + 4}{2} = x + 2. \]`,
  String.raw`Substituting back, we get \(f(3) = 2 \cdot 3^2 - 4 = 14\).`,
  String.raw`The sum of the interior angles of a polygon with \(n\) sides is \(180(n-2)^\circ\).`,
  String.raw`Using the quadratic formula, \(x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}\).`,
  String.raw`Now, let's verify this result using Python to ensure accuracy.`,
  String.raw`Since the probability of each outcome is \(\frac{1}{6}\), the expected value is \(\sum_{k=1}^{6} \frac{k}{6} = 3.5\).`,
  String.raw`Therefore, the number of ways is \(\binom{10}{3} = 120\).`,
  String.raw`We are given that \(\log_2 x = 5\), hence \(x = 2^5 = 32\).`,
];

const CODE = [
  "```python\nfrom sympy import symbols, solve\nx = symbols('x')\nsolution = solve(x**2 - 5*x + 6, x)\nprint(solution)\n```\n```output\n[2, 3]\n```",
  "```python\nimport math\nresult = math.comb(10, 3)\nprint(result)\n```\n```output\n120\n```",
  "```python\n# Compute the answer and print it in boxed form\nanswer = 3/4\nprint(f\"\\\\boxed{{{answer}}}\")\n```\n```output\n\\boxed{0.75}\n```",
];

function response(r: Rand, answer: string): string {
  const parts: string[] = [];
  const long = r() < 0.02;
  const sentences = long ? int(r, 200, 600) : int(r, 3, 25);
  for (let i = 0; i < sentences; i++) {
    parts.push(pick(r, PROSE));
    if (r() < 0.04) parts.push(pick(r, CODE));
  }
  if (r() < 0.15) parts.push(String.raw`An intermediate result is \(\boxed{${int(r, 1, 99)}}\), but we must continue.`);
  const ending = r();
  if (ending < 0.82) parts.push(String.raw`Therefore, the final answer is \(\boxed{${answer}}\).`);
  else if (ending < 0.9) parts.push(`The final answer is $\\boxed{${answer}}$. I hope it is correct.`);
  else if (ending < 0.95) parts.push(`The answer is ${answer}.`);
  else if (ending < 0.98) parts.push(String.raw`So the answer is \(\boxed{${answer}`); // truncated generation
  else parts.push("We still need to check the remaining cases, which");
  return parts.join(r() < 0.5 ? "\n\n" : " ");
}

export function synthesize(n: number, seed: number): Sample[] {
  const r = randomStream(seed);
  const out: Sample[] = [];
  while (out.length < n) {
    const it = item(r);
    for (let k = 0; k < GROUP && out.length < n; k++) {
      const u = r();
      const answer = u < 0.45 ? it.right[0]! : u < 0.7 ? pick(r, it.right) : pick(r, it.wrong);
      out.push({ response: response(r, answer), gold: it.gold });
    }
  }
  return out;
}
