import { packageVersion as version } from "../util/version.js";
import { alignColumns } from "../text/columns.js";
import { checkCommand, checkHelp } from "./commands/check.js";
import { compileCommand, compileHelp } from "./commands/compile.js";
import { exportCommand, exportHelp } from "./commands/export.js";
import { rewardCommand, rewardHelp } from "./commands/reward.js";
import { auditCommand, auditHelp } from "./commands/audit.js";
import { lspCommand, lspHelp } from "./commands/lsp.js";
import { replCommand, replHelp } from "./commands/repl.js";
import { reportCommand, reportHelp } from "./commands/report.js";
import { runCommand, runHelp } from "./commands/run.js";
import { processOutput, UsageError, type Output } from "./output.js";

interface Command {
  readonly summary: string;
  readonly help: string;
  run(args: string[], io: Output): number | Promise<number>;
}

/** Every subcommand of rlx, in the order --help lists them. */
const COMMANDS: Record<string, Command> = {
  run: { summary: "run an experiment (or a sweep) locally with a live view, checkpoints and resume; or on verl (--engine verl)", help: runHelp, run: runCommand },
  report: { summary: "the study's analyses of run directories: curves, strategy switch, contribution scores, clipping; HTML and PNG charts", help: reportHelp, run: reportCommand },
  check: { summary: "check .rlx files and print diagnostics", help: checkHelp, run: checkCommand },
  compile: { summary: "compile a file to its execution graph (JSON or YAML)", help: compileHelp, run: compileCommand },
  export: { summary: "write a complete run for verl or OpenRLHF: data, reward module, launch script", help: exportHelp, run: exportCommand },
  reward: { summary: "score a response (or a JSONL file of them) with a reward expression", help: rewardHelp, run: rewardCommand },
  audit: { summary: "how a reward relates to correctness on a JSONL file of responses", help: auditHelp, run: auditCommand },
  repl: { summary: "type reward expressions and responses, see the value and why", help: replHelp, run: replCommand },
  lsp: { summary: "the language server for editors: diagnostics, hover, completion, go to definition (stdin/stdout)", help: lspHelp, run: lspCommand },
};

function usage(): string {
  const lines = alignColumns(Object.entries(COMMANDS).map(([name, c]) => [name, c.summary])).map((line) => `  ${line}`);
  return `rlx ${version()}: a declarative language for RLVR experiments

Usage: rlx COMMAND [options]

Commands:
${lines.join("\n")}

Options:
  -h, --help     show help (also: rlx COMMAND --help)
  -v, --version  print the version

Example:
  rlx run examples/compound_format_nocode.rlx
  rlx report runs/compound_format_nocode-*/ --html report.html
  rlx check examples/*.rlx
  rlx compile examples/cross_model.rlx --emit yaml
  rlx export examples/ground_truth.rlx --target verl --model Qwen/Qwen2.5-Math-7B --eval pass@1
`;
}

/** Runs the CLI; returns the exit status. User mistakes become messages, never stack traces. */
export async function main(argv: string[], io: Output = processOutput()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    const topic = name === "help" && rest[0] ? COMMANDS[rest[0]] : undefined;
    io.out(topic ? `${topic.help}\n` : usage());
    return 0;
  }
  if (name === "-v" || name === "--version") {
    io.out(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`rlx: unknown command '${name}'. Run 'rlx --help' for the list.\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`rlx ${name}: ${(error as Error).message}\nRun 'rlx ${name} --help' for usage.\n`);
      return 2;
    }
    io.err(`rlx ${name}: internal error: ${(error as Error).message}\n`);
    if (process.env["RLX_DEBUG"]) io.err(`${(error as Error).stack}\n`);
    else io.err("This is a bug in rlx, not in your input; RLX_DEBUG=1 shows the stack trace.\n");
    return 70;
  }
}
