import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RunDir, defaultRunRoot } from "../../../src/runtime/executor/runDir.js";
import { readTensorFile, writeTensorFile } from "../../../src/runtime/executor/tensorFile.js";
import { tempDir } from "../../support/tempDir.js";

const dir = tempDir("rlx-exec-");

describe("tensor files", () => {
  it("round-trip named float arrays bit for bit", () => {
    const weird = new Float32Array([0, -0, 1.5, NaN, Infinity, -1e-38, 3.4e38, Math.PI]);
    const file = path.join(dir, "t.rlxt");
    writeTensorFile(file, { "layer.0/w": { shape: [2, 4], data: weird }, b: { shape: [1], data: new Float32Array([7]) } });
    const back = readTensorFile(file);
    expect(back["layer.0/w"]!.shape).toEqual([2, 4]);
    expect(Buffer.from(back["layer.0/w"]!.data.buffer).equals(Buffer.from(weird.buffer))).toBe(true);
    expect([...back["b"]!.data]).toEqual([7]);
  });

  it("refuse a file that is not one", () => {
    const file = path.join(dir, "not.rlxt");
    writeFileSync(file, "hello");
    expect(() => readTensorFile(file)).toThrowError(/not an rlx tensor file/);
  });
});

describe("run directories", () => {
  it("truncate a log to a step, dropping a torn last line", () => {
    const run = RunDir.create(path.join(dir, "run"));
    for (let step = 1; step <= 5; step++) run.appendJsonl("metrics.jsonl", { step });
    writeFileSync(run.file("metrics.jsonl"), `${readFileSync(run.file("metrics.jsonl"), "utf8")}{"step": 6, "rew`);
    run.truncateJsonl("metrics.jsonl", 3);
    expect(readFileSync(run.file("metrics.jsonl"), "utf8")).toBe('{"step":1}\n{"step":2}\n{"step":3}\n');
  });

  it("name runs by experiment and time, sweep cells inside their sweep", () => {
    const now = new Date("2026-11-23T14:05:06Z");
    expect(defaultRunRoot("ground_truth", now)).toBe(path.join("runs", "ground_truth-20261123-140506"));
    expect(defaultRunRoot("cross_model/tiny-no-code__math", now)).toBe(path.join("runs", "cross_model-20261123-140506", "tiny-no-code__math"));
  });
});
