import { CheckContext } from "../check/context.js";
import type { Host } from "../check/host.js";
import { loadModules, type LoadedModule } from "../check/modules.js";
import { Scopes } from "../check/scope.js";

/** One document as the editor features see it: its parsed module, linked to what it imports. */
export interface DocumentView {
  readonly module: LoadedModule;
  /** Name lookup as the checker does it (own names shadow imported ones). */
  readonly scopes: Scopes;
  readonly host: Host;
}

export function viewDocument(absolutePath: string, host: Host): DocumentView {
  const loaded = loadModules([absolutePath], host);
  // The scopes' own reports (duplicate names) are the checker's business: they go nowhere here.
  return { module: loaded.entries[0]!, scopes: new Scopes(new CheckContext(host)), host };
}
