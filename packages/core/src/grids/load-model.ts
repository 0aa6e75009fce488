import Decimal from "decimal.js";
import type { AllocateLoadInput, LoadGrid, LoadSession } from "./allocate-load.types";
import { toDeciampsCeil, toDeciampsFloor } from "./deciamps";

/** Fixed-point scale of priority weights: priority 1.5 is weight 1500. */
export const WEIGHT_SCALE = 1000;
const DEFAULT_MIN_DA = 60; // OCPP/IEC 61851 minimum of 6 A
const MEASURED_MARGIN_DA = 10; // 1 A: a car drawing measured + 1 A or more is taking what it gets

/** One capacity constraint: the sum of the members' limits (dA) must stay ≤ capacity. */
export interface Constraint {
  capacityDa: number;
  members: number[];
}

/** A session in deciamps; sessions are indexed in rank order (who keeps charging first). */
export interface SessionModel {
  source: LoadSession;
  lines: number[];
  /** The session's grid and its ancestors, nearest first. */
  gridPath: string[];
  minDa: number;
  maxDa: number;
  weight: number;
  measuredDa: number | null;
  offeredDa: number | null;
  constraints: number[];
}

export interface LoadModel {
  sessions: SessionModel[];
  constraints: Constraint[];
  /** Per grid id, the indices of its constraints (3 lines or 1 for a single-phase grid). */
  gridConstraints: Map<string, number[]>;
}

/** Translates the input into integer constraints; throws RangeError on malformed input. */
export function buildLoadModel(input: AllocateLoadInput): LoadModel {
  const grids = new Map<string, LoadGrid>();
  for (const grid of input.grids) {
    if (grids.has(grid.id)) throw new RangeError(`duplicate grid ${grid.id}`);
    grids.set(grid.id, grid);
  }
  const { constraints, gridConstraints } = gridConstraintsOf(grids);
  const sessions = rankSessions(input.sessions).map((source) => toSessionModel(source, grids));
  sessions.forEach((session, index) => {
    session.constraints = sessionConstraints(session, grids, gridConstraints);
    for (const c of session.constraints) constraints[c]!.members.push(index);
  });
  return { sessions, constraints, gridConstraints };
}

/** A 3-phase grid limits each line; a 1-phase grid has one conductor carrying all its load. */
function gridConstraintsOf(grids: ReadonlyMap<string, LoadGrid>) {
  const constraints: Constraint[] = [];
  const gridConstraints = new Map<string, number[]>();
  for (const id of [...grids.keys()].sort(compareText)) {
    const grid = grids.get(id)!;
    const capacityDa = toDeciampsFloor(grid.maxCurrentA, `grid ${id} maxCurrentA`);
    const count = grid.phases === 1 ? 1 : 3;
    const indices = Array.from({ length: count }, () => constraints.push({ capacityDa, members: [] }) - 1);
    gridConstraints.set(id, indices);
  }
  return { constraints, gridConstraints };
}

/** Rank: higher priority first, then earlier arrival, then session id — the last to pause first. */
function rankSessions(sessions: readonly LoadSession[]): LoadSession[] {
  const ids = new Set<string>();
  for (const s of sessions) {
    if (ids.has(s.sessionId)) throw new RangeError(`duplicate session ${s.sessionId}`);
    ids.add(s.sessionId);
  }
  return [...sessions].sort(
    (a, b) =>
      b.priority - a.priority ||
      a.startedAt.getTime() - b.startedAt.getTime() ||
      compareText(a.sessionId, b.sessionId),
  );
}

function toSessionModel(source: LoadSession, grids: ReadonlyMap<string, LoadGrid>): SessionModel {
  const what = `session ${source.sessionId}`;
  if (!Number.isFinite(source.priority) || source.priority < 1) {
    throw new RangeError(`${what} priority must be ≥ 1`);
  }
  const path = pathToRoot(source.gridId, grids);
  const singleLine = source.phases === 1 || path.some((g) => g.phases === 1);
  const measured = source.measuredCurrentA;
  const offered = source.offeredCurrentA;
  return {
    source,
    lines: singleLine ? [lineIndex(source.phaseMap)] : [0, 1, 2],
    gridPath: path.map((g) => g.id),
    minDa: source.minCurrentA === undefined ? DEFAULT_MIN_DA : toDeciampsCeil(source.minCurrentA, what),
    maxDa: toDeciampsFloor(source.maxCurrentA, what),
    weight: new Decimal(source.priority).times(WEIGHT_SCALE).floor().toNumber(),
    measuredDa: measured === null || measured === undefined ? null : toDeciampsCeil(measured, what),
    offeredDa: offered === null || offered === undefined ? null : toDeciampsFloor(offered, what),
    constraints: [],
  };
}

/** Every constraint the session loads: its lines on each 3-phase grid up to the root, each 1-phase grid. */
function sessionConstraints(
  session: SessionModel,
  grids: ReadonlyMap<string, LoadGrid>,
  gridConstraints: ReadonlyMap<string, number[]>,
): number[] {
  const result: number[] = [];
  for (const grid of pathToRoot(session.source.gridId, grids)) {
    const indices = gridConstraints.get(grid.id)!;
    if (grid.phases === 1) result.push(indices[0]!);
    else for (const line of session.lines) result.push(indices[line]!);
  }
  return result;
}

/** The grid and its ancestors, nearest first (R24: a session counts against every ancestor). */
export function pathToRoot(gridId: string, grids: ReadonlyMap<string, LoadGrid>): LoadGrid[] {
  const path: LoadGrid[] = [];
  for (let id: string | null = gridId; id !== null; ) {
    const grid = grids.get(id);
    if (!grid) throw new RangeError(`unknown grid ${id}`);
    if (path.includes(grid)) throw new RangeError(`grid ${id} is part of a cycle`);
    path.push(grid);
    id = grid.parentId;
  }
  return path;
}

/**
 * The cap a measurement allows: a car drawing measured + 1 A less than both its new limit and the limit it
 * was offered is self-limiting, so it keeps measured + 1 A (never below its minimum) and frees the rest.
 */
export function measuredCapDa(session: SessionModel, limitDa: number): number | null {
  const { measuredDa, offeredDa, minDa } = session;
  if (measuredDa === null) return null;
  const ceiling = measuredDa + MEASURED_MARGIN_DA;
  if (ceiling >= limitDa || (offeredDa !== null && ceiling >= offeredDa)) return null;
  return Math.max(minDa, ceiling);
}

function lineIndex(line: LoadSession["phaseMap"]): number {
  return line === "L2" ? 1 : line === "L3" ? 2 : 0;
}

/** Code-unit order: locale-independent, so the result never depends on the host. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
