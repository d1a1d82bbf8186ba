/**
 * The catalogue of diagnostics: each code with its severity, a one-line summary, and the template
 * of its message (and hint), so the wording lives here and a call site passes only the values:
 *
 *     ctx.report(Diag.UnknownField({ field, suggestion: closest(field, names) }), module, range);
 *
 * Codes are stable: a code is never reused for another meaning. RLX00xx files, RLX01xx syntax,
 * RLX02xx names and imports, RLX03xx types, RLX04xx values and ranges, RLX05xx experiments and
 * sweeps. Retired, never to be reused: RLX0216 (unknown column) and RLX0304 (mixed list types),
 * which no check ever reported.
 *
 * A code that covers several situations takes a union of parameter shapes told apart by `case`.
 */
export type Severity = "error" | "warning";

export interface DiagnosticKind {
  readonly code: string;
  readonly severity: Severity;
  /** One line saying what the code means, for `rlx explain`-style listings and the docs. */
  readonly summary: string;
}

/** What a catalogue entry makes of one occurrence's values: a diagnostic still without its place. */
export interface DiagnosticMessage {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** A short suggestion printed after the caret line. */
  readonly hint?: string;
}

/** A message, or a message with a hint. */
type Text = string | { readonly message: string; readonly hint: string | undefined };

/** A catalogue entry: the code's facts, callable with the values of one occurrence. */
type CatalogueEntry<P> = DiagnosticKind & ((params: P) => DiagnosticMessage);

function kind(code: string, summary: string, template: () => Text, severity?: Severity): CatalogueEntry<void>;
function kind<P>(code: string, summary: string, template: (params: P) => Text, severity?: Severity): CatalogueEntry<P>;
function kind<P>(code: string, summary: string, template: (params: P) => Text, severity: Severity = "error"): CatalogueEntry<P> {
  const entry = (params: P): DiagnosticMessage => {
    const text = template(params);
    if (typeof text === "string") return { code, severity, message: text };
    return text.hint === undefined ? { code, severity, message: text.message } : { code, severity, message: text.message, hint: text.hint };
  };
  return Object.assign(entry, { code, severity, summary });
}

export const Diag = {
  FileUnreadable: kind("RLX0001", "the file cannot be read", (p: { path: string; reason: string }) => `cannot read ${p.path}: ${p.reason}`),
  FileNotText: kind("RLX0002", "the file is not UTF-8 text (binary content)", (p: { path: string }) => `${p.path} is not a text file (it holds binary data)`),
  FileEmpty: kind("RLX0003", "the file defines nothing", (p: { path: string }) => `${p.path} defines nothing`, "warning"),
  TooManyErrors: kind("RLX0004", "too many errors; the rest are not shown", (p: { hidden: number }) => `${p.hidden} more syntax errors in this file are not shown`),

  UnexpectedCharacter: kind(
    "RLX0101",
    "a character that no token starts with",
    /** `shown`: the (first) character as `'x'` or `U+0007`; `several`: a run of them. */
    (p: { shown: string; several: boolean }) => `unexpected ${p.several ? "characters starting with" : "character"} ${p.shown}`,
  ),
  UnterminatedString: kind("RLX0102", "a string literal without its closing quote", () => ({
    message: "string is not closed before the end of the line",
    hint: 'add the closing "',
  })),
  UnexpectedToken: kind(
    "RLX0103",
    "a token where the grammar expects something else",
    /** `keyword`: the keyword a misspelt name was likely meant to be; `comparison`: `=` where `==` was meant. */
    (p: { expected: string; found: string; keyword: string | undefined; comparison: boolean }) => ({
      message: `expected ${p.expected} but found ${p.found}`,
      hint: p.keyword ? `did you mean '${p.keyword}'?` : p.comparison ? "to compare, write '=='" : undefined,
    }),
  ),
  UnterminatedComment: kind("RLX0104", "a block comment without its closing */", () => "block comment is never closed with '*/'"),
  InvalidEscape: kind("RLX0105", "an unknown escape sequence in a string", (p: { escape: string }) => ({
    message: `unknown escape '${p.escape}' in string`,
    hint: "known escapes: \\n \\t \\r \\\" \\\\ \\0 \\uXXXX \\u{X…}",
  })),
  InvalidNumber: kind("RLX0106", "a malformed number literal", (p: { text: string }) => `'${p.text}' is not a number`),

  UnknownImport: kind(
    "RLX0201",
    "an import that names no file",
    /** `lookedFor`: the path tried, absent for a `stdlib/` import. */
    (p: { spec: string; suggestion: string | undefined; lookedFor: string | undefined }) => ({
      message: `cannot find '${p.spec}'${meant(p.suggestion)}`,
      hint: p.lookedFor === undefined ? "stdlib/ names the standard library" : `looked for ${p.lookedFor}`,
    }),
  ),
  ImportCycle: kind("RLX0202", "files that import each other in a cycle", (p: { files: readonly string[] }) => `import cycle: ${p.files.join(" → ")}`),
  UnknownName: kind("RLX0203", "a name that is not defined", unknownName),
  DuplicateDefinition: kind("RLX0204", "a name defined twice", (p: { name: string; firstLine: number }) => `'${p.name}' is already defined on line ${p.firstLine}`),
  UnknownField: kind("RLX0205", "a field the block does not have", (p: { field: string; suggestion: string | undefined }) => noGrpoField(p.field, p.suggestion)),
  DuplicateField: kind("RLX0206", "a field given twice", duplicateField),
  MissingField: kind(
    "RLX0207",
    "a required field is missing",
    (p: { experiment: string; missing: readonly string[] }) => `experiment '${p.experiment}' has no ${quoted(p.missing)} clause${p.missing.length > 1 ? "s" : ""}`,
  ),
  UnknownArgument: kind("RLX0208", "a named argument the function does not take", unknownArgument),
  DuplicateArgument: kind("RLX0209", "an argument given twice", (p: { function: string; name: string }) => `argument '${p.name}' of '${p.function}' is given twice`),
  MissingArgument: kind(
    "RLX0210",
    "a required argument is missing",
    /** `param`: the one missing; absent when the function is named without any arguments. */
    (p: { function: string; signature: string; param?: string }) =>
      `'${p.function}' needs ${p.param === undefined ? "arguments" : `its '${p.param}' argument`}: ${p.signature}`,
  ),
  TooManyArguments: kind(
    "RLX0211",
    "more positional arguments than the function takes",
    (p: { function: string; count: number; signature: string }) => `'${p.function}' takes ${p.count} argument${p.count === 1 ? "" : "s"}: ${p.signature}`,
  ),
  UnknownExperiment: kind("RLX0212", "a base experiment that is not defined", notAnExperiment),
  InheritanceCycle: kind(
    "RLX0213",
    "experiments that extend each other in a cycle",
    (p: { experiment: string; through: string }) => `experiment '${p.experiment}' extends itself through '${p.through}'`,
  ),
  UnknownMetric: kind("RLX0214", "an evaluation metric that does not exist", unknownMetric),
  DataFileNotFound: kind(
    "RLX0215",
    "a data file that does not exist (yet): it must when the experiment runs",
    (p: { file: string; lookedFor: string }) => `data file '${p.file}' not found (looked for ${p.lookedFor})`,
    "warning",
  ),
  ConflictingFields: kind(
    "RLX0217",
    "two fields that set the same thing",
    (p: { side: string }) => `'clip' sets both clip_low and clip_high, so it cannot go with '${p.side}'`,
  ),
  NotCallable: kind(
    "RLX0218",
    "a call of something that is not a function",
    (p: { name: string; type: string }) => `'${p.name}' is a ${p.type}, not a function: use it without arguments`,
  ),
  RecursiveDefinition: kind(
    "RLX0219",
    "a definition that refers to itself",
    (p: { name: string; preset?: boolean }) => `${p.preset ? "GRPO preset " : ""}'${p.name}' is defined in terms of itself`,
  ),

  TypeMismatch: kind("RLX0301", "a value of the wrong type", typeMismatch),
  OperandType: kind("RLX0302", "an operator applied to operands of the wrong type", operandType),
  MixedDomains: kind("RLX0303", "a row value and a response value in one expression", mixedDomains),
  NonConstantArgument: kind(
    "RLX0305",
    "an argument that must be a constant",
    (p: { what: string; expected: string; actual: string }) => `${p.what} must be a constant ${p.expected}, but this is a ${p.actual}`,
  ),

  OutOfRange: kind("RLX0401", "a number outside the range the field allows", outOfRange),
  NotInteger: kind(
    "RLX0402",
    "a fractional number where a whole number is needed",
    (p: { what: string; value: number }) => `${p.what} must be a whole number, but it is ${p.value}`,
  ),
  InvalidRegex: kind("RLX0403", "a regular expression that does not compile", invalidRegex),
  InvalidEnum: kind(
    "RLX0404",
    "a value that is not one of the allowed choices",
    /** `strings`: the choices are string literals, shown quoted. */
    (p: { what: string; choices: readonly string[]; strings: boolean; suggestion: string | undefined }) =>
      `${p.what} must be one of ${p.choices.map((c) => (p.strings ? `"${c}"` : c)).join(", ")}${meant(p.suggestion)}`,
  ),
  TemplatePlaceholder: kind("RLX0405", "a template without the {problem} placeholder", () => "a template must contain {problem}, where the problem text goes"),
  ExclusiveArguments: kind(
    "RLX0406",
    "arguments that exclude each other",
    /** `both`: more than one was given (else none was). */
    (p: { function: string; names: readonly string[]; both: boolean }) => {
      const which = p.names.map((n) => `'${n}'`).join(" or ");
      return p.both ? `'${p.function}' takes ${which}, not both` : `'${p.function}' needs ${which}`;
    },
  ),
  DivisionByZero: kind("RLX0407", "a division by the constant zero", () => "division by zero"),
  InconsistentBatch: kind(
    "RLX0408",
    "batch sizes that do not divide each other",
    /** `where`: appended to the message, e.g. ` (in cell lr=0.1)`, or empty. */
    (p: { mini: number; responses: number; where: string }) =>
      `mini_batch_size ${p.mini} must divide the ${p.responses} responses of a step (prompts_per_step × group_size)${p.where}`,
  ),

  NoExperiment: kind("RLX0501", "a sweep over an experiment that is not defined", notAnExperiment),
  UnknownSweepAxis: kind("RLX0502", "a sweep axis that is not an experiment field", unknownSweepAxis),
  DuplicateSweepAxis: kind("RLX0503", "a sweep axis given twice", (p: { axis: string }) => `sweep axis '${p.axis}' is given twice`),
  EmptySweepAxis: kind("RLX0504", "a sweep axis with no values", emptySweepAxis),
  SweepTooLarge: kind(
    "RLX0505",
    "a sweep grid with too many cells",
    (p: { sweep: string; cells: number; max: number }) => `sweep '${p.sweep}' has ${p.cells} cells; at most ${p.max} are allowed`,
  ),
  DuplicateSweepValue: kind(
    "RLX0506",
    "the same value twice on one sweep axis",
    (p: { value: string; axis: string }) => `${p.value} is already on axis '${p.axis}'`,
    "warning",
  ),
} as const satisfies Record<string, CatalogueEntry<never>>;

/** ` (did you mean 'x'?)`, or nothing without a suggestion. */
function meant(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean '${suggestion}'?)` : "";
}

/** A suggestion when there is one, else the names that would do (` (presets here: a, b)`), else nothing. */
function meantOrListed(suggestion: string | undefined, names: readonly string[], what: string): string {
  return meant(suggestion) || (names.length ? ` (${what} here: ${names.join(", ")})` : "");
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `'${n}'`).join(", ");
}

function noGrpoField(field: string, suggestion: string | undefined): string {
  return `GRPO has no field '${field}'${meant(suggestion)}`;
}

function unknownName(
  p:
    | { case: "name"; name: string; suggestion: string | undefined; rowColumn: boolean }
    | { case: "function"; name: string; suggestion: string | undefined }
    /** `otherKind`: the name is defined, as something else; `presets`: the presets in scope. */
    | { case: "preset"; name: string; suggestion: string | undefined; otherKind: boolean; presets: readonly string[] },
): Text {
  switch (p.case) {
    case "name":
      return { message: `unknown name '${p.name}'${meant(p.suggestion)}`, hint: p.rowColumn ? "row columns are only in scope inside where(...)" : undefined };
    case "function":
      return `unknown function '${p.name}'${meant(p.suggestion)}`;
    case "preset":
      return {
        message: `${p.otherKind ? `'${p.name}' is not a GRPO preset` : `unknown GRPO preset '${p.name}'`}${meantOrListed(p.suggestion, p.presets, "presets")}`,
        hint: p.presets.length ? undefined : 'import "stdlib/grpo" for the paper preset',
      };
  }
}

function duplicateField(p: { case: "clause"; clause: string; experiment: string } | { case: "track"; name: string } | { case: "grpo"; field: string }): Text {
  switch (p.case) {
    case "clause":
      return `'${p.clause}' is given twice in experiment '${p.experiment}'`;
    case "track":
      return `'${p.name}' is tracked twice`;
    case "grpo":
      return `field '${p.field}' is given twice`;
  }
}

function unknownArgument(
  p:
    | { case: "function"; function: string; name: string; suggestion: string | undefined; signature: string }
    /** `metric`: as written, `pass@1`. */
    | { case: "metric"; metric: string; name: string; suggestion: string | undefined },
): Text {
  switch (p.case) {
    case "function":
      return { message: `'${p.function}' has no parameter '${p.name}'${meant(p.suggestion)}`, hint: p.signature };
    case "metric":
      return `metric '${p.metric}' has no parameter '${p.name}'${meant(p.suggestion)}`;
  }
}

/** `experiments`: the experiments in scope, listed when nothing is close. */
function notAnExperiment(p: { name: string; suggestion: string | undefined; experiments: readonly string[] }): Text {
  return `'${p.name}' is not an experiment${meantOrListed(p.suggestion, p.experiments, "experiments")}`;
}

function unknownMetric(p: { case: "none" } | { case: "unknown"; name: string; k: number; suggestion: string | undefined; known: readonly string[] }): Text {
  switch (p.case) {
    case "none":
      return "an eval clause needs at least one metric, like pass@1";
    case "unknown":
      return {
        message: `unknown metric '${p.name}@${p.k}'${meant(p.suggestion && `${p.suggestion}@${p.k}`)}`,
        hint: `metrics: ${p.known.map((n) => `${n}@k`).join(", ")}`,
      };
  }
}

function typeMismatch(
  p:
    /** `<what> must be <expected>[, but this is a <actual>]`: `expected` with its article ("a string"). */
    | { case: "expected"; what: string; expected: string; actual?: string }
    /** Where a reward goes: a predicate or a real-valued reward. */
    | { case: "reward"; what: string; actual: string }
    | { case: "none"; what: string }
    /** A value of a `grpo` sweep axis that is not a preset name. */
    | { case: "grpo axis" },
): Text {
  switch (p.case) {
    case "expected":
      return `${p.what} must be ${p.expected}${p.actual === undefined ? "" : `, but this is a ${p.actual}`}`;
    case "reward":
      return `${p.what} must be a predicate or a real-valued reward, but this is a ${p.actual}`;
    case "none":
      return `${p.what} cannot be none`;
    case "grpo axis":
      return "a 'grpo' axis takes GRPO preset names; to vary one field, sweep 'grpo.FIELD'";
  }
}

function operandType(
  p:
    /** `number`: the operand is a number, which wants comparing first. */
    | { case: "not"; actual: string; number: boolean }
    | { case: "negate"; actual: string }
    | { case: "arithmetic"; op: string; actual: string }
    | { case: "logic"; op: string; actual: string; number: boolean }
    | { case: "comparison"; op: string; left: string; right: string }
    /** A list, dataset or other non-scalar operand; `stageAfter`: a pipeline stage on the right. */
    | { case: "not scalar"; op: string; actual: string; stageAfter: boolean }
    /** Something other than a stage after `dataset |`. */
    | { case: "stage expected"; actual: string }
    /** A stage after something other than a dataset. */
    | { case: "dataset expected"; actual: string }
    | { case: "reward times reward" }
    | { case: "divide by reward" },
): Text {
  switch (p.case) {
    case "not":
      return {
        message: `'!' needs a predicate or boolean, but this is a ${p.actual}`,
        hint: p.number ? "compare it first, e.g. `!(length > 200)`" : undefined,
      };
    case "negate":
      return `'-' needs a number, but this is a ${p.actual}`;
    case "arithmetic":
      return `'${p.op}' needs numbers, but this is a ${p.actual}`;
    case "logic":
      return {
        message: `'${p.op}' combines predicates, but this is a ${p.actual}`,
        hint: p.number ? "real-valued rewards combine with + - *, or compare them first" : undefined,
      };
    case "comparison":
      return `'${p.op}' compares a ${p.left} with a ${p.right}`;
    case "not scalar":
      return { message: `'${p.op}' cannot take a ${p.actual}`, hint: p.stageAfter ? "a pipeline stage follows a dataset: `data | where(...)`" : undefined };
    case "stage expected":
      return `after a dataset, '|' needs a pipeline stage (where, shuffle, take, skip, sample, split), but this is a ${p.actual}`;
    case "dataset expected":
      return `a pipeline stage follows a dataset, but this is a ${p.actual}`;
    case "reward times reward":
      return { message: "rewards multiply only by constants", hint: "use `if p then a else b` to gate a reward" };
    case "divide by reward":
      return "rewards divide only by constants";
  }
}

function mixedDomains(p: { case: "operator"; op: string; left: string; right: string } | { case: "if" }): Text {
  switch (p.case) {
    case "operator":
      return { message: `'${p.op}' mixes a ${p.left} with a ${p.right}`, hint: "row columns belong in where(...); rewards look at responses" };
    case "if":
      return "'if' mixes row values with response values";
  }
}

/** `allowed`: the range as messages write it, `between 0 and 1`. */
function outOfRange(p: { case: "not finite"; what: string } | { case: "outside"; what: string; allowed: string; value: number }): Text {
  switch (p.case) {
    case "not finite":
      return `${p.what} must be a finite number`;
    case "outside":
      return `${p.what} must be ${p.allowed}, but it is ${p.value}`;
  }
}

/** `message`: RE2's refusal of the pattern (src/core/regex.ts), which names the pattern already. */
function invalidRegex(p: { message: string }): Text {
  return p.message;
}

function unknownSweepAxis(
  p:
    | { case: "grpo field"; field: string; suggestion: string | undefined }
    /** `exprAxes`: the clause fields that can be swept (model, data, …). */
    | { case: "path"; path: string; suggestion: string | undefined; exprAxes: readonly string[] },
): Text {
  switch (p.case) {
    case "grpo field":
      return noGrpoField(p.field, p.suggestion);
    case "path":
      return { message: `cannot sweep '${p.path}'${meant(p.suggestion)}`, hint: `sweepable: ${p.exprAxes.join(", ")}, grpo (presets), grpo.FIELD` };
  }
}

function emptySweepAxis(p: { case: "no axes"; sweep: string } | { case: "no values"; axis: string }): Text {
  switch (p.case) {
    case "no axes":
      return { message: `sweep '${p.sweep}' has no axes`, hint: "add one, e.g. `reward in [math, random(0.5)]`" };
    case "no values":
      return `sweep axis '${p.axis}' has no values`;
  }
}
