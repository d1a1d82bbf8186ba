/**
 * The catalogue of diagnostics. Codes are stable: a code is never reused for another meaning.
 * RLX00xx files, RLX01xx syntax, RLX02xx names and imports, RLX03xx types,
 * RLX04xx values and ranges, RLX05xx experiments and sweeps.
 */
export type Severity = "error" | "warning";

export interface DiagnosticKind {
  code: string;
  severity: Severity;
  /** One line saying what the code means, for `rlx explain`-style listings and the docs. */
  summary: string;
}

function kind(code: string, summary: string, severity: Severity = "error"): DiagnosticKind {
  return { code, severity, summary };
}

export const Diag = {
  FileUnreadable: kind("RLX0001", "the file cannot be read"),
  FileNotText: kind("RLX0002", "the file is not UTF-8 text (binary content)"),
  FileEmpty: kind("RLX0003", "the file defines nothing", "warning"),
  TooManyErrors: kind("RLX0004", "too many errors; the rest are not shown"),

  UnexpectedCharacter: kind("RLX0101", "a character that no token starts with"),
  UnterminatedString: kind("RLX0102", "a string literal without its closing quote"),
  UnexpectedToken: kind("RLX0103", "a token where the grammar expects something else"),
  UnterminatedComment: kind("RLX0104", "a block comment without its closing */"),
  InvalidEscape: kind("RLX0105", "an unknown escape sequence in a string"),
  InvalidNumber: kind("RLX0106", "a malformed number literal"),

  UnknownImport: kind("RLX0201", "an import that names no file"),
  ImportCycle: kind("RLX0202", "files that import each other in a cycle"),
  UnknownName: kind("RLX0203", "a name that is not defined"),
  DuplicateDefinition: kind("RLX0204", "a name defined twice"),
  UnknownField: kind("RLX0205", "a field the block does not have"),
  DuplicateField: kind("RLX0206", "a field given twice"),
  MissingField: kind("RLX0207", "a required field is missing"),
  UnknownArgument: kind("RLX0208", "a named argument the function does not take"),
  DuplicateArgument: kind("RLX0209", "an argument given twice"),
  MissingArgument: kind("RLX0210", "a required argument is missing"),
  TooManyArguments: kind("RLX0211", "more positional arguments than the function takes"),
  UnknownExperiment: kind("RLX0212", "a base experiment that is not defined"),
  InheritanceCycle: kind("RLX0213", "experiments that extend each other in a cycle"),
  UnknownMetric: kind("RLX0214", "an evaluation metric that does not exist"),
  DataFileNotFound: kind("RLX0215", "a data file that does not exist (yet): it must when the experiment runs", "warning"),
  UnknownColumn: kind("RLX0216", "a column name the rows do not have"),
  ConflictingFields: kind("RLX0217", "two fields that set the same thing"),
  NotCallable: kind("RLX0218", "a call of something that is not a function"),
  RecursiveDefinition: kind("RLX0219", "a definition that refers to itself"),

  TypeMismatch: kind("RLX0301", "a value of the wrong type"),
  OperandType: kind("RLX0302", "an operator applied to operands of the wrong type"),
  MixedDomains: kind("RLX0303", "a row value and a response value in one expression"),
  MixedListTypes: kind("RLX0304", "a list whose elements have different types"),
  NonConstantArgument: kind("RLX0305", "an argument that must be a constant"),

  OutOfRange: kind("RLX0401", "a number outside the range the field allows"),
  NotInteger: kind("RLX0402", "a fractional number where a whole number is needed"),
  InvalidRegex: kind("RLX0403", "a regular expression that does not compile"),
  InvalidEnum: kind("RLX0404", "a value that is not one of the allowed choices"),
  TemplatePlaceholder: kind("RLX0405", "a template without the {problem} placeholder"),
  ExclusiveArguments: kind("RLX0406", "arguments that exclude each other"),
  DivisionByZero: kind("RLX0407", "a division by the constant zero"),
  InconsistentBatch: kind("RLX0408", "batch sizes that do not divide each other"),

  NoExperiment: kind("RLX0501", "a sweep over an experiment that is not defined"),
  UnknownSweepAxis: kind("RLX0502", "a sweep axis that is not an experiment field"),
  DuplicateSweepAxis: kind("RLX0503", "a sweep axis given twice"),
  EmptySweepAxis: kind("RLX0504", "a sweep axis with no values"),
  SweepTooLarge: kind("RLX0505", "a sweep grid with too many cells"),
  DuplicateSweepValue: kind("RLX0506", "the same value twice on one sweep axis", "warning"),
} as const satisfies Record<string, DiagnosticKind>;

export type DiagName = keyof typeof Diag;
