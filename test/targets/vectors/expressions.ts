/**
 * The reward expressions every shared vector is scored with: each standard-library reward, the
 * compound reward of each example, and expressions for the primitives and operators the
 * examples do not use, so each part of the Python module meets a vector.
 */
export const VECTOR_EXPRESSIONS: Readonly<Record<string, string>> = {
  // stdlib/rewards.rlx
  math: "math",
  box_only_format: "box_only_format",
  contain_python_wo_backticks: "contain_python_wo_backticks",
  majority: "majority",
  incorrect: "incorrect",
  random_half: "random_half",
  box_only_format_and_no_python: "box_only_format_and_no_python",
  // the examples' rewards and tracks
  compound_format_nocode: 'box_only_format & !contains("python")',
  custom_data: "math & length <= 400",
  random_reward: "random(0.5)",
  code_frequency: 'contains("python")',
  // the rest of the language
  two_draws: "random(0.3) | random(0.3)",
  matches_boxed_integer: 'matches("\\\\\\\\boxed\\\\{-?\\\\d+\\\\}")',
  matches_anchored: 'matches("^(The|Let|We) ")',
  chat_format: "format(chat)",
  r1_format: "format(r1_only)",
  ignore_case: 'contains("Python", ignore_case: true)',
  boxes: "boxed_count",
  shaped: "if box_only_format then 0.5 * math + 0.5 else -1",
  arithmetic: "2 * math - boxed_count / 4 + 0.25",
  long_response: "len(response) > 200",
  whole_number: 'matches("^-?\\\\d+$")',
  label_checks: 'label == "14" | len(label) > 3',
  length: "length",
};
