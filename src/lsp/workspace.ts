import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { nodeHost, type Host } from "../check/host.js";

/** The open documents and the files on disk, as one file system for the checker. */
export class Workspace {
  private readonly disk: Host;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    /** Paths in messages are relative to this, as `rlx check` run there would print them. */
    readonly root: string,
  ) {
    this.disk = nodeHost(root);
  }

  /**
   * The file a document is. One that is not a local file (`untitled:Untitled-1`, a new unsaved
   * document) counts as a file of that name in the root.
   */
  pathOf(uri: string): string {
    if (uri.startsWith("file:")) {
      try {
        return fileURLToPath(uri);
      } catch {
        // A file URL with a host (`file://server/share/…`) names no local path here.
      }
    }
    const name = decodeURIComponent(uri.slice(Math.max(uri.lastIndexOf("/"), uri.indexOf(":")) + 1));
    return path.join(this.root, name.endsWith(".rlx") ? name : `${name}.rlx`);
  }

  uriOf(absolutePath: string): string {
    return this.documents.all().find((d) => this.pathOf(d.uri) === absolutePath)?.uri ?? pathToFileURL(absolutePath).href;
  }

  /** The file system with each open document's text, saved or not, in place of its file. */
  host(): Host {
    const buffers = new Map(this.documents.all().map((d) => [this.pathOf(d.uri), d.getText()]));
    const { disk } = this;
    return {
      ...disk,
      readFile: (p) => {
        const text = buffers.get(p);
        return text === undefined ? disk.readFile(p) : new TextEncoder().encode(text);
      },
      isFile: (p) => buffers.has(p) || disk.isFile(p),
    };
  }
}
