import { spawn } from "node:child_process";
import { realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../support/tempDir.js";
import {
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node";

/**
 * `rlx lsp` as an editor runs it: a subprocess of bin/rlx.js (built before the tests) speaking
 * JSON-RPC over its standard input and output, driven here by the protocol library's own client side.
 */
const root = realpathSync(tempDir("rlx-lsp-"));
const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
const MAIN = uri("main.rlx");
// main.rlx is never saved: the server must check the editor's text, and import lib.rlx from disk.
writeFileSync(path.join(root, "lib.rlx"), "// A reward of the workspace.\nreward my_reward = contains(\"y\")\n");
const TEXT = `import "stdlib/rewards"
import "./lib"
experiment e {
  model tiny("code-prior")
  data arith(train: 10)
  reward maht & contains("x") & my_reward
  grpo { group_size: 4,  }
}
`;

const child = spawn(process.execPath, ["bin/rlx.js", "lsp", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
let stderr = "";
child.stderr.on("data", (chunk) => (stderr += chunk));
let client: ProtocolConnection;

/** Diagnostics as they arrive, per document, so a test can wait for the next ones of a file. */
const published = new Map<string, PublishDiagnosticsParams[]>();
const waiting = new Map<string, (p: PublishDiagnosticsParams) => void>();
function nextDiagnostics(documentUri: string): Promise<PublishDiagnosticsParams> {
  const queued = published.get(documentUri)?.shift();
  return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.set(documentUri, resolve));
}

/** main.rlx as the editor has it now (the tests run in order, on one server). */
let current = TEXT;

/** The position of the first `text` in main.rlx, `delta` characters in. */
function positionOf(text: string, delta = 1) {
  const at = current.indexOf(text);
  expect(at, text).toBeGreaterThanOrEqual(0);
  const before = current.slice(0, at + delta).split("\n");
  return { line: before.length - 1, character: before.at(-1)!.length };
}

beforeAll(async () => {
  client = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const resolve = waiting.get(p.uri);
    waiting.delete(p.uri);
    if (resolve) resolve(p);
    else published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
  });
  client.listen();
  const init = await client.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: null });
  expect(init.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, completionProvider: {} });
  expect(init.serverInfo?.name).toBe("rlx");
  await client.sendNotification(InitializedNotification.type, {});
  await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: MAIN, languageId: "rlx", version: 1, text: TEXT } });
});

afterAll(() => {
  client?.dispose();
  child.kill();
});

describe("rlx lsp over stdio", () => {
  it("publishes the unsaved buffer's diagnostics with their codes and ranges", async () => {
    const { diagnostics, version } = await nextDiagnostics(MAIN);
    expect(version).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "RLX0203",
      severity: 1,
      message: "unknown name 'maht' (did you mean 'math'?)",
      range: { start: positionOf("maht", 0), end: positionOf("maht", 4) },
    });
  });

  it("checks the buffer again when it changes, and sees another open buffer in place of its file", async () => {
    current = TEXT.replace("maht", "math");
    await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: MAIN, version: 2 }, contentChanges: [{ text: current }] });
    expect((await nextDiagnostics(MAIN)).diagnostics).toEqual([]);
    // Opening lib.rlx with other, unsaved text: main.rlx, which imports it, loses my_reward.
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri("lib.rlx"), languageId: "rlx", version: 1, text: "reward other = contains(\"y\")\n" } });
    const again = await nextDiagnostics(MAIN);
    expect(again.diagnostics.map((d) => [d.code, d.message])).toEqual([["RLX0203", "unknown name 'my_reward'"]]);
    await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: uri("lib.rlx"), version: 2 }, contentChanges: [{ text: "reward my_reward = contains(\"y\")\n" }] });
    expect((await nextDiagnostics(MAIN)).diagnostics).toEqual([]);
  });

  it("answers a hover on a built-in with its doc", async () => {
    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri: MAIN }, position: positionOf("contains") });
    expect((hover?.contents as MarkupContent).value).toContain("1 when the response contains the text");
    expect(hover?.range).toEqual({ start: positionOf("contains", 0), end: positionOf("contains", 8) });
  });

  it("completes GRPO fields in a grpo block and names in scope in an expression", async () => {
    const labels = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    const inGrpo = await client.sendRequest(CompletionRequest.type, { textDocument: { uri: MAIN }, position: positionOf(",  }", 2) });
    expect(labels(inGrpo)).toEqual(expect.arrayContaining(["steps", "lr", "clip"]));
    expect(labels(inGrpo)).not.toContain("contains");
    const inReward = await client.sendRequest(CompletionRequest.type, { textDocument: { uri: MAIN }, position: positionOf("my_reward", 0) });
    expect(labels(inReward)).toEqual(expect.arrayContaining(["my_reward", "box_only_format", "contains", "experiment"]));
  });

  it("goes to a named reward's definition in an imported file and in the stdlib", async () => {
    // lib.rlx is open: its definition is on the buffer's first line, not the saved file's second.
    const mine = await client.sendRequest(DefinitionRequest.type, { textDocument: { uri: MAIN }, position: positionOf("my_reward") });
    expect(mine).toEqual({ uri: uri("lib.rlx"), range: { start: { line: 0, character: 7 }, end: { line: 0, character: 16 } } });
    const stdlib = await client.sendRequest(DefinitionRequest.type, { textDocument: { uri: MAIN }, position: positionOf("math") });
    expect(stdlib).toMatchObject({ uri: expect.stringMatching(/\/stdlib\/rewards\.rlx$/) });
  });

  it("checks a new document that was never saved", async () => {
    const untitled = "untitled:Untitled-1";
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: untitled, languageId: "rlx", version: 1, text: 'import "./lib"\nreward r = my_reward & nope\n' } });
    const { diagnostics } = await nextDiagnostics(untitled);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([["RLX0203", "unknown name 'nope'"]]);
  });

  it("shuts down and exits with status 0", async () => {
    expect(await client.sendRequest(ShutdownRequest.type)).toBeNull();
    await client.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  });
});

describe("rlx lsp --help", () => {
  it("says what the server does and how it is started", async () => {
    const { exitCode, stdout } = await execa(process.execPath, ["bin/rlx.js", "lsp", "--help"], { reject: false });
    expect(exitCode).toBe(0);
    expect(stdout).toContain("rlx lsp [--stdio]");
    expect(stdout).toContain("editors/vscode/");
  });
});
