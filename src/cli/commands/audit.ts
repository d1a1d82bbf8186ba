import { parseArgs } from "node:util";
import { scoreFile } from "../../scoring/batch.js";
import { auditLines } from "../../scoring/report.js";
import { audit } from "../../scoring/scoredRows.js";
import { UsageError, type Output } from "../output.js";
import { fieldsOf, onlyExpression, parseSeed, prepareOrReport, sharedOptions, withResponsesFile } from "./reward.js";

export const auditHelp = `rlx audit EXPR --responses FILE.jsonl [--response-field F] [--label-field F]

How a reward relates to correctness (math against each line's label): the 2×2 table of
rewarded × correct, the share rewarded, precision, recall, F1 and the correlation with math
(phi for a predicate, Pearson r for a real-valued reward). A spurious reward shows up as a
low correlation; one that rewards wrong answers as low precision.

  --responses FILE      JSON Lines, one object per line
  --response-field F    the field holding the response (default: response; dotted for nested)
  --label-field F       the field holding the label (default: answer)
  --import FILE.rlx     add the file's definitions to the session (repeatable)
  --seed N              the run seed random(p) draws from (default 0)

Example:
  rlx audit contain_python_wo_backticks --responses samples.jsonl`;

export function auditCommand(argv: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: sharedOptions });
  const expression = onlyExpression(positionals, "audit");
  if (values.responses === undefined) throw new UsageError("rlx audit needs --responses FILE.jsonl");
  const reward = prepareOrReport(expression, values.import, io);
  if (!reward.ok) return 1;
  const seed = parseSeed(values.seed);
  return withResponsesFile(io, "audit", () => {
    const { rows, summary } = scoreFile(reward.value, values.responses!, fieldsOf(values), seed);
    const predicate = reward.type.kind === "scalar" && reward.type.base === "bool";
    io.out(`${auditLines(expression, values.responses!, summary, audit(rows), predicate).join("\n")}\n`);
  });
}
