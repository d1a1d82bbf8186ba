import { evaluateRewards } from "../reward/evaluate.js";
import { extractAnswer, mathEqual } from "../reward/math/index.js";
import { checkedReward } from "./rewards.js";

export interface BoundTiming {
  readonly input: string;
  readonly ms: number;
  readonly budgetMs: number;
}

/**
 * Long and hostile inputs that must not slow grading down, each timed against its budget: the
 * tests check what these calls return, the bench how long they take (a loaded machine would
 * fail a timed test without any bug). One call each, the first with its input: the grader
 * caches the answers it has parsed, so a repeated call would time the cache.
 */
export function benchBounds(): BoundTiming[] {
  const filler = "We now consider the next case carefully, noting that \\(x^2 + 1 > 0\\). ";
  const long = filler.repeat(Math.ceil(200_000 / filler.length)) + "\\boxed{17}";
  const unclosed = "\\boxed{\\frac{".repeat(15_000) + "{".repeat(20_000);
  const prose = `${"We consider the next case and check it carefully. ".repeat(4000)}Using python here would be overkill.\n\nThe answer is $\\boxed{17}$.`;
  const stdlib = ["math", "box_only_format_and_no_python", "contain_python_wo_backticks", 'matches("boxed\\\\{[0-9]+\\\\}$")', "length"].map(checkedReward);
  const catastrophic = ['matches("(a+)+$")', 'matches("(a|aa)*b")'].map(checkedReward);
  const as = `${"a".repeat(50_000)}!`;
  const score = (rewards: ReturnType<typeof checkedReward>[], response: string, label: string | null) => {
    for (const reward of rewards) evaluateRewards(reward, [{ prompt: "", response, label, seed: 0, step: 0, promptIndex: 0, sampleIndex: 0 }]);
  };
  const time = (input: string, budgetMs: number, f: () => void): BoundTiming => {
    const t0 = performance.now();
    f();
    return { input, ms: performance.now() - t0, budgetMs };
  };
  return [
    time("extractAnswer, 200 KB of prose ending in a box", 200, () => extractAnswer(long)),
    time("extractAnswer, 200 KB of unclosed boxes and braces", 1000, () => extractAnswer(unclosed)),
    time("5 standard-library rewards on a 200 KB response", 1000, () => score(stdlib, prose, "17")),
    time("matches (a+)+$ and (a|aa)*b on 50,000 a's and a '!'", 1000, () => score(catastrophic, as, null)),
    time("mathEqual refusing 9^{9^{9}}, a sum to 10^{100}, 10!^{10!}", 500, () => {
      mathEqual("9^{9^{9}}", "9^{9^{9}}+1");
      mathEqual("\\sum_{k=1}^{10^{100}} k", "5");
      mathEqual("10!^{10!}", "3");
    }),
  ];
}
