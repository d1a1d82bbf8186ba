// @ts-check
// The rlx extension: the grammar and language configuration are declared in package.json; this
// starts the language server (`rlx lsp`) for .rlx documents, saved or not.
const { workspace } = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

/** @type {LanguageClient | undefined} */
let client;

/** @param {import("vscode").ExtensionContext} _context */
function activate(_context) {
  const config = workspace.getConfiguration("rlx");
  const command = config.get("server.command", "rlx");
  const args = [...config.get("server.args", []), "lsp"];
  // The stdio transport adds `--stdio`, which `rlx lsp` accepts. On Windows `rlx` is a .cmd shim, which needs a shell.
  const server = { command, args, transport: TransportKind.stdio, options: { shell: process.platform === "win32" } };
  client = new LanguageClient("rlx", "rlx language server", server, { documentSelector: [{ language: "rlx" }] });
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
