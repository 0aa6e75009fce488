import type { LoadGrid, LoadSession } from "./allocate-load.types";

/** Test builders: a 3-phase grid and a 3-phase, 32 A, priority-1 session unless told otherwise. */
export function grid(id: string, maxCurrentA: number, extra: Partial<LoadGrid> = {}): LoadGrid {
  return { id, parentId: null, maxCurrentA, phases: 3, ...extra };
}

/** `arrival` is minutes after 08:00 UTC; it decides who pauses first among equal priorities. */
export function session(
  sessionId: string,
  gridId: string,
  arrival = 0,
  extra: Partial<LoadSession> = {},
): LoadSession {
  return {
    sessionId,
    gridId,
    phases: 3,
    maxCurrentA: 32,
    priority: 1,
    startedAt: new Date(Date.UTC(2025, 0, 6, 8, arrival)),
    ...extra,
  };
}

/** n sessions s1…sn on one grid, arriving one minute apart. */
export function sessions(n: number, gridId: string, extra: Partial<LoadSession> = {}): LoadSession[] {
  return Array.from({ length: n }, (_, i) => session(`s${i + 1}`, gridId, i, extra));
}
