import { fileURLToPath } from "node:url";
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { packageVersion } from "../util/version.js";
import { completionsAt } from "./completion.js";
import { definitionAt } from "./definition.js";
import { checkDocument } from "./diagnostics.js";
import { viewDocument, type DocumentView } from "./document.js";
import { hoverAt } from "./hover.js";
import { offsetAt } from "./positions.js";
import { Workspace } from "./workspace.js";

/**
 * The rlx language server on a connection: diagnostics of every open document as it changes,
 * hover, completion and go-to-definition. Each request reads the documents afresh (parsing and
 * checking a file with its imports takes milliseconds), so there is no cache to keep in step.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let workspace = new Workspace(documents, process.cwd());

  connection.onInitialize((params) => {
    const root = rootOf(params);
    if (root) workspace = new Workspace(documents, root);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["."] },
        definitionProvider: true,
      },
      serverInfo: { name: "rlx", version: packageVersion() },
    };
  });

  // Any open file may import the one that changed (or was closed), so every open file is checked again.
  const checkAll = () => {
    const host = workspace.host();
    for (const document of documents.all()) {
      const diagnostics = checkDocument(workspace.pathOf(document.uri), host, (p) => workspace.uriOf(p));
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    }
  };
  documents.onDidChangeContent(checkAll);
  documents.onDidClose(({ document }) => {
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    checkAll();
  });

  /** An open document with the cursor's offset; requests on documents not open get no answer. */
  const at = (uri: string, position: { line: number; character: number }): [DocumentView, number] | null => {
    if (!documents.get(uri)) return null;
    const doc = viewDocument(workspace.pathOf(uri), workspace.host());
    return [doc, offsetAt(doc.module.file, position)];
  };
  connection.onHover(({ textDocument, position }) => {
    const found = at(textDocument.uri, position);
    return found && hoverAt(...found);
  });
  connection.onCompletion(({ textDocument, position }) => {
    const found = at(textDocument.uri, position);
    return found && completionsAt(...found);
  });
  connection.onDefinition(({ textDocument, position }) => {
    const found = at(textDocument.uri, position);
    return found && definitionAt(...found, (p) => workspace.uriOf(p));
  });

  documents.listen(connection);
  connection.listen();
}

/** The first workspace folder on disk, else the older rootUri; paths in messages are relative to it. */
function rootOf(params: InitializeParams): string | null {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  return uri?.startsWith("file:") ? fileURLToPath(uri) : null;
}
