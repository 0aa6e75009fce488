import type { CoreDeps } from "../platform/deps";

export type GridChange = { providerId: string; releasedChargePointIds?: string[] };
type Listener = (change: GridChange) => void;

// One set of listeners per running core (a server, a test), so that two servers in one process never mix.
const listeners = new WeakMap<CoreDeps, Set<Listener>>();

/**
 * After a grid change commits (limits, members, external limit), smart charging re-balances at once
 * instead of waiting for its next tick. Returns the unsubscribe function.
 */
export function onGridChange(deps: CoreDeps, listener: Listener): () => void {
  const set = listeners.get(deps) ?? new Set<Listener>();
  listeners.set(deps, set);
  set.add(listener);
  return () => set.delete(listener);
}

export function signalGridChange(deps: CoreDeps, change: GridChange): void {
  for (const listener of listeners.get(deps) ?? []) {
    try {
      listener(change);
    } catch {
      // A listener's failure must not undo a committed change; the periodic job catches up.
    }
  }
}
