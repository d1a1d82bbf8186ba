import type { SchemaElement } from "hyparquet";
import { parquetWriteFile } from "hyparquet-writer";
import { type PromptLayout, promptMessages } from "../shared/prompt.js";
import type { ExportRow } from "../shared/rows.js";

/**
 * verl's RL data layout (verl/examples/data_preprocess): one row per prompt with
 *   data_source   string                        which data set (and scoring) the row belongs to
 *   prompt        list<struct<role, content>>   the chat messages the model's template renders
 *   ability       string
 *   reward_model  struct<style, ground_truth>   what the reward grades against
 *   extra_info    struct<split, index, …>       passed to compute_score as extra_info
 * written with real nested columns. extra_info also carries what the rlx reward module needs:
 * the step and prompt coordinates of random(p), the ground truth for accuracy, and the labels
 * under labellings the reward names itself.
 */
export const VERL_ABILITY = "math";

const text = (name: string, repetition: "REQUIRED" | "OPTIONAL" = "REQUIRED"): SchemaElement => ({
  name,
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  repetition_type: repetition,
});
const int64 = (name: string): SchemaElement => ({ name, type: "INT64", repetition_type: "REQUIRED" });

/** The schema of a verl data file whose rows carry labels under `ports`. */
export function verlSchema(ports: readonly string[]): SchemaElement[] {
  return [
    { name: "root", num_children: 5 },
    text("data_source"),
    { name: "prompt", repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
    { name: "list", repetition_type: "REPEATED", num_children: 1 },
    { name: "element", repetition_type: "REQUIRED", num_children: 2 },
    text("role"),
    text("content"),
    text("ability"),
    { name: "reward_model", repetition_type: "REQUIRED", num_children: 2 },
    text("style"),
    text("ground_truth"),
    { name: "extra_info", repetition_type: "REQUIRED", num_children: 5 + ports.length },
    text("split"),
    int64("index"),
    int64("step"),
    int64("prompt_index"),
    text("truth", "OPTIONAL"),
    ...ports.map((p) => text(p, "OPTIONAL")),
  ];
}

/** Writes `rows` as a verl data file. */
export function writeVerlParquet(file: string, rows: readonly ExportRow[], layout: PromptLayout, ports: readonly string[]): void {
  parquetWriteFile({
    filename: file,
    schema: verlSchema(ports),
    columnData: [
      { name: "data_source", data: rows.map((r) => `rlx/${r.source}`) },
      { name: "prompt", data: rows.map((r) => promptMessages(layout, r.problem)) },
      { name: "ability", data: rows.map(() => VERL_ABILITY) },
      { name: "reward_model", data: rows.map((r) => ({ style: "rule", ground_truth: r.label })) },
      {
        name: "extra_info",
        data: rows.map((r) => ({
          split: r.split,
          index: BigInt(r.index),
          step: BigInt(r.step),
          prompt_index: BigInt(r.promptIndex),
          truth: r.truth,
          ...Object.fromEntries(ports.map((p) => [p, r.ports[p] ?? null])),
        })),
      },
    ],
  });
}
