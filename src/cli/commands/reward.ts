import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { scoreFile } from "../../scoring/batch.js";
import { evaluateRewards } from "../../reward/evaluate.js";
import { renderExplanation, showValue } from "../../reward/explain.js";
import { summaryLines } from "../../scoring/report.js";
import { ResponsesFileError, type ResponseFields } from "../../scoring/responsesFile.js";
import { prepareReward, sessionImporting, type PreparedReward } from "../../scoring/session.js";
import { reportDiagnostics, UsageError, type Output } from "../output.js";

export const rewardHelp = `rlx reward EXPR --response FILE [--label X] [--explain]
rlx reward EXPR --responses FILE.jsonl [--response-field F] [--label-field F]

Scores a response, or every line of a JSON Lines file, with a reward expression. The
expression sees the standard library's rewards (math, box_only_format,
contain_python_wo_backticks, majority, incorrect, random_half, …) and templates (chat, r1_only).

One response:
  --response FILE       the response text, as is ('-' reads standard input)
  --label X             the label equals_label grades against (math, majority, incorrect: all read it)
  --explain             print every sub-term's value and what it saw (extracted answer, match, draw…)
Many responses:
  --responses FILE      JSON Lines, one object per line; prints the mean, the share rewarded and
                        how often the reward agrees with math
  --response-field F    the field holding the response (default: response; dotted for nested)
  --label-field F       the field holding the label (default: answer)
Both:
  --import FILE.rlx     add the file's definitions to the session (repeatable)
  --seed N              the run seed random(p) draws from (default 0); line i is prompt i of step 0

Example:
  rlx reward 'box_only_format & !contains("python")' --response out.txt --label 42 --explain`;

/** The options `rlx reward` and `rlx audit` share. */
export const sharedOptions = {
  responses: { type: "string" },
  "response-field": { type: "string", default: "response" },
  "label-field": { type: "string", default: "answer" },
  import: { type: "string", multiple: true, default: [] as string[] },
  seed: { type: "string", default: "0" },
} as const;

export function rewardCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...sharedOptions, response: { type: "string" }, label: { type: "string" }, explain: { type: "boolean", default: false } },
  });
  const expression = onlyExpression(positionals, "reward");
  if ((values.response === undefined) === (values.responses === undefined)) throw new UsageError("give either --response FILE or --responses FILE.jsonl");
  if (values.responses !== undefined && (values.label !== undefined || values.explain)) throw new UsageError("--label and --explain go with --response; with --responses the labels come from --label-field");

  const reward = prepareOrReport(expression, values.import, io);
  if (!reward.ok) return 1;
  const seed = parseSeed(values.seed);
  if (values.responses !== undefined) {
    return withResponsesFile(io, "reward", () => {
      const { summary } = scoreFile(reward.value, values.responses!, fieldsOf(values), seed);
      io.out(`${summaryLines(values.responses!, summary).join("\n")}\n`);
    });
  }
  const response = readResponse(values.response!);
  const [result] = evaluateRewards(reward.value, [{ prompt: "", response, label: values.label ?? null, seed, step: 0, promptIndex: 0, sampleIndex: 0 }], { explain: values.explain });
  io.out(values.explain ? `${renderExplanation(result!.explanation!).join("\n")}\n` : `${showValue(result!.value)}\n`);
  return 0;
}

export function onlyExpression(positionals: readonly string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`rlx ${command} takes exactly one reward expression (quote it: '${command === "audit" ? "box_only_format" : "math | contains(\"python\")"}')`);
  return positionals[0]!;
}

/** Checks the expression in a session of the stdlib and the imports; prints diagnostics (errors and warnings). */
export function prepareOrReport(expression: string, imports: readonly string[], io: Output): PreparedReward {
  const prepared = prepareReward(expression, sessionImporting(imports));
  reportDiagnostics(io, prepared.diagnostics, 1, true);
  return prepared;
}

export function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number ≥ 0, not '${text}'`);
  return seed;
}

export function fieldsOf(values: { "response-field": string; "label-field": string }): ResponseFields {
  return { response: values["response-field"], label: values["label-field"] };
}

/** Runs `body`; a responses file it cannot read becomes a message naming file and line, and exit 1. */
export function withResponsesFile(io: Output, command: string, body: () => void): number {
  try {
    body();
    return 0;
  } catch (error) {
    if (!(error instanceof ResponsesFileError)) throw error;
    io.err(`rlx ${command}: ${error.message}\n`);
    return 1;
  }
}

function readResponse(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read --response ${file}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}
