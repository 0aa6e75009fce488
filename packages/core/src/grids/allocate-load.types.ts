/** A supply line in the site's frame. */
export type Line = "L1" | "L2" | "L3";

/** A grid node with its effective per-phase limit already computed (see `effectiveLimitA`). */
export interface LoadGrid {
  id: string;
  parentId: string | null;
  maxCurrentA: number;
  phases: 1 | 3;
}

/** An active charging session as the allocator sees it. All currents are per phase, in amperes. */
export interface LoadSession {
  sessionId: string;
  gridId: string;
  phases: 1 | 3;
  /** The line a 1-phase car loads, or any car below a 1-phase grid; default L1. */
  phaseMap?: Line;
  /** The car's measured draw (highest phase); null or absent when unknown. */
  measuredCurrentA?: number | null;
  /** The limit in force when `measuredCurrentA` was sampled; a car drawing all of it is not self-limiting. */
  offeredCurrentA?: number | null;
  /** Charger/connector maximum. */
  maxCurrentA: number;
  /** Card priority weight, ≥ 1. */
  priority: number;
  /** Below this a car must be paused instead (OCPP minimum); default 6 A. */
  minCurrentA?: number;
  /** Tie-break for pausing: later arrivals pause first. */
  startedAt: Date;
}

export interface AllocateLoadInput {
  grids: readonly LoadGrid[];
  sessions: readonly LoadSession[];
}

export interface SessionAllocation {
  sessionId: string;
  /** Per-phase limit in amperes with one decimal (0.1 A resolution, floored); 0 when paused. */
  limitA: number;
  paused: boolean;
}

export interface GridLoad {
  gridId: string;
  /** Sum of the session limits beneath the grid per line [L1, L2, L3], amperes. */
  phaseLoads: [number, number, number];
}

export interface LoadAllocation {
  allocations: SessionAllocation[];
  gridLoads: GridLoad[];
}
