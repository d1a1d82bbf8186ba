import type { Value } from "../core/values.js";
import { countBoxed, extractAnswer, mathEqual } from "./math/index.js";
import type { Sample } from "./types.js";

export type Extraction = ReturnType<typeof extractAnswer>;
export type Verdict = ReturnType<typeof mathEqual>;

/**
 * One sample while a reward is evaluated on it: what several sub-terms need (the extracted
 * answer, the box count, a verdict per label, the lower-cased text) is computed once, on first use.
 */
export class SampleContext {
  private extracted?: Extraction;
  private boxes?: number;
  private lowerCased?: string;
  private readonly labels = new Map<Value, string | null>();
  private readonly verdicts = new Map<string, Verdict | null>();

  constructor(
    readonly sample: Sample,
    private readonly gradeTimeoutMs: number | undefined,
  ) {}

  get response(): string {
    return this.sample.response;
  }

  get extraction(): Extraction {
    return (this.extracted ??= extractAnswer(this.sample.response));
  }

  /** The non-empty boxes; from the extraction when that was needed anyway, else by the cheaper count. */
  get boxedCount(): number {
    return (this.boxes ??= this.extracted ? this.extracted.boxes.length : countBoxed(this.sample.response));
  }

  get lowerCase(): string {
    return (this.lowerCased ??= this.sample.response.toLowerCase());
  }

  /** The label under `labels` (the experiment's own labelling when undefined). */
  labelUnder(labels: Value | undefined): string | null {
    if (!labels || !this.sample.labelFor) return this.sample.label;
    if (!this.labels.has(labels)) this.labels.set(labels, this.sample.labelFor(labels));
    return this.labels.get(labels)!;
  }

  /** The grader's verdict on the extracted answer against `label`; null when no answer was found. */
  verdict(label: string): Verdict | null {
    if (!this.verdicts.has(label)) {
      const answer = this.extraction.answer;
      this.verdicts.set(label, answer === null ? null : mathEqual(answer, label, this.gradeTimeoutMs === undefined ? {} : { timeoutMs: this.gradeTimeoutMs }));
    }
    return this.verdicts.get(label)!;
  }
}
