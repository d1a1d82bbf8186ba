/**
 * Lets the event loop run: signal handlers (Ctrl-C), timers (Ink's redraws) and stream writes.
 * A training loop on wasm awaits only promises that are already resolved, which never leaves the
 * microtask queue, so without this a run would neither redraw nor hear Ctrl-C until it ended.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
