import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLoad } from "./allocate-load";
import type { AllocateLoadInput, LoadAllocation, LoadGrid, LoadSession } from "./allocate-load.types";

// Independent re-statement of the physics, in integer deciamps, to check allocateLoad against.
const DA = (amperes: number) => Math.round(amperes * 10);
const capDa = (grid: LoadGrid) => Math.floor(Math.round(grid.maxCurrentA * 100) / 10);
const minDa = (s: LoadSession) => DA(s.minCurrentA ?? 6);
const LINE = { L1: 0, L2: 1, L3: 2 } as const;

function pathOf(s: LoadSession, input: AllocateLoadInput): LoadGrid[] {
  const byId = new Map(input.grids.map((g) => [g.id, g]));
  const path: LoadGrid[] = [];
  for (let g = byId.get(s.gridId); g; g = g.parentId === null ? undefined : byId.get(g.parentId))
    path.push(g);
  return path;
}

/** A 3-phase car loads every line, unless a 1-phase grid above it leaves it one line (phaseMap). */
function linesOf(s: LoadSession, input: AllocateLoadInput): number[] {
  const single = s.phases === 1 || pathOf(s, input).some((g) => g.phases === 1);
  return single ? [LINE[s.phaseMap ?? "L1"]] : [0, 1, 2];
}

function loadsDa(input: AllocateLoadInput, limits: ReadonlyMap<string, number>) {
  const loads = new Map(input.grids.map((g) => [g.id, [0, 0, 0]]));
  for (const s of input.sessions) {
    for (const g of pathOf(s, input)) {
      for (const line of linesOf(s, input)) loads.get(g.id)![line]! += limits.get(s.sessionId) ?? 0;
    }
  }
  return loads;
}

/** Room left on each constraint the session loads: its lines on 3-phase grids, the one conductor otherwise. */
function slacksOf(s: LoadSession, input: AllocateLoadInput, loads: Map<string, number[]>): number[] {
  return pathOf(s, input).flatMap((g) => {
    const load = loads.get(g.id)!;
    if (g.phases === 1) return [capDa(g) - load[0]! - load[1]! - load[2]!];
    return linesOf(s, input).map((line) => capDa(g) - load[line]!);
  });
}

function limitsDa(result: LoadAllocation): Map<string, number> {
  return new Map(result.allocations.map((a) => [a.sessionId, DA(a.limitA)]));
}

/** Higher priority, then earlier arrival, then id: the order in which sessions keep charging. */
function ranksAbove(a: LoadSession, b: LoadSession): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.startedAt.getTime() !== b.startedAt.getTime()) return a.startedAt < b.startedAt;
  return a.sessionId < b.sessionId;
}

// Random forests: up to 30 grids, depth ≤ 4, limits in centiamps (so flooring to 0.1 A is exercised),
// child limits not forced below their parents' (the allocator must still respect every ancestor).
const gridsArb = fc
  .array(
    fc.record({
      root: fc.boolean(),
      parentPick: fc.nat(),
      centiamps: fc.integer({ min: 0, max: 10_000 }),
      phases: fc.constantFrom<1 | 3>(1, 3, 3, 3),
    }),
    { minLength: 1, maxLength: 30, size: "max" },
  )
  .map((raw) => {
    const depth: number[] = [];
    return raw.map((r, i): LoadGrid => {
      const candidates = depth.flatMap((d, j) => (d < 4 ? [j] : []));
      const parent = i === 0 || r.root ? undefined : candidates[r.parentPick % candidates.length];
      depth.push(parent === undefined ? 1 : depth[parent]! + 1);
      const parentId = parent === undefined ? null : `g${parent}`;
      return { id: `g${i}`, parentId, maxCurrentA: r.centiamps / 100, phases: r.phases };
    });
  });

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const deciamps = (min: number, max: number) => fc.integer({ min, max }).map((d) => d / 10);

const rawSessionArb = fc.record({
  gridPick: fc.nat(),
  phases: fc.constantFrom<1 | 3>(1, 3),
  phaseMap: optional(fc.constantFrom<"L1" | "L2" | "L3">("L1", "L2", "L3")),
  measuredCurrentA: fc.option(deciamps(0, 400), { nil: undefined }),
  offeredCurrentA: optional(deciamps(0, 400)),
  maxCurrentA: deciamps(40, 630),
  priority: fc.constantFrom(1, 1, 1, 1.5, 2, 3),
  minCurrentA: optional(fc.constantFrom(0, 6, 8)),
  arrival: fc.integer({ min: 0, max: 60 }),
});

const inputArb = fc
  .tuple(gridsArb, fc.array(rawSessionArb, { maxLength: 200, size: "max" }))
  .map(([grids, raw]): AllocateLoadInput => {
    const sessions = raw.map(
      ({ gridPick, arrival, ...rest }, i): LoadSession => ({
        ...rest,
        sessionId: `s${i}`,
        gridId: grids[gridPick % grids.length]!.id,
        startedAt: new Date(Date.UTC(2025, 0, 6, 8, arrival)),
      }),
    );
    return { grids, sessions };
  });

const runs = { numRuns: 100 };

describe("allocateLoad properties (R24)", () => {
  it("never overloads a grid or any ancestor on any line; gridLoads says so", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateLoad(input);
        const loads = loadsDa(input, limitsDa(result));
        for (const g of input.grids) {
          const load = loads.get(g.id)!;
          if (g.phases === 3) for (const l of load) expect(l).toBeLessThanOrEqual(capDa(g));
          else expect(load[0]! + load[1]! + load[2]!).toBeLessThanOrEqual(capDa(g));
        }
        expect(result.gridLoads).toEqual(
          input.grids.map((g) => ({ gridId: g.id, phaseLoads: loads.get(g.id)!.map((l) => l / 10) })),
        );
      }),
      runs,
    );
  });

  it("gives every session 0 (paused) or a 0.1 A limit within [min, max]", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateLoad(input);
        result.allocations.forEach((a, i) => {
          const s = input.sessions[i]!;
          expect(a.sessionId).toBe(s.sessionId);
          expect(Math.abs(a.limitA * 10 - DA(a.limitA))).toBeLessThan(1e-9);
          if (a.paused) expect(a.limitA).toBe(0);
          else {
            expect(DA(a.limitA)).toBeGreaterThanOrEqual(minDa(s));
            expect(DA(a.limitA)).toBeLessThanOrEqual(DA(s.maxCurrentA));
          }
        });
      }),
      runs,
    );
  });

  // Pareto: a running session below its charger max is held back by something — either a constraint it
  // loads (a line of a grid on its path, or a 1-phase grid's conductor) has less than 0.1 A left, or the
  // car is self-limiting and sits at its measured draw + 1 A (never below its minimum).
  it("wastes no capacity a running session could use", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateLoad(input);
        const limits = limitsDa(result);
        const loads = loadsDa(input, limits);
        result.allocations.forEach((a, i) => {
          const s = input.sessions[i]!;
          const limit = limits.get(s.sessionId)!;
          if (a.paused || limit >= DA(s.maxCurrentA)) return;
          const full = Math.min(...slacksOf(s, input, loads)) < 1;
          const measuredCap =
            s.measuredCurrentA == null ? null : Math.max(minDa(s), DA(s.measuredCurrentA) + 10);
          expect(full || limit === measuredCap).toBe(true);
        });
      }),
      runs,
    );
  });

  // Pausing: only when the charger cannot give the minimum, or when the minimums of the higher-ranked
  // running sessions (priority, then arrival) leave less than this session's minimum on a constraint.
  it("pauses a session only when higher-ranked minimums leave no room for its own", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateLoad(input);
        const running = input.sessions.filter((_, i) => !result.allocations[i]!.paused);
        result.allocations.forEach((a, i) => {
          const s = input.sessions[i]!;
          if (!a.paused || DA(s.maxCurrentA) < minDa(s)) return;
          const above = new Map(running.map((r) => [r.sessionId, ranksAbove(r, s) ? minDa(r) : 0]));
          const slacks = slacksOf(s, input, loadsDa(input, above));
          expect(Math.min(...slacks)).toBeLessThan(minDa(s));
        });
      }),
      runs,
    );
  });

  it("is deterministic and independent of input order", () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        const result = allocateLoad(input);
        expect(allocateLoad(input)).toEqual(result);
        const shuffled = { grids: shuffle(input.grids, seed), sessions: shuffle(input.sessions, seed + 1) };
        const again = allocateLoad(shuffled);
        const bySession = (r: LoadAllocation) => new Map(r.allocations.map((a) => [a.sessionId, a]));
        const byGrid = (r: LoadAllocation) => new Map(r.gridLoads.map((g) => [g.gridId, g]));
        expect(bySession(again)).toEqual(bySession(result));
        expect(byGrid(again)).toEqual(byGrid(result));
      }),
      { numRuns: 75 },
    );
  });

  // Weights: two running cars on the same lines of the same grid, both between min and max and not
  // measured, hold the same amperes per unit of priority — up to flooring and the 0.1 A top-up.
  it("shares in proportion to priority", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateLoad(input);
        const limits = limitsDa(result);
        const free = input.sessions.filter((s, i) => {
          const limit = limits.get(s.sessionId)!;
          const clear = !result.allocations[i]!.paused && s.measuredCurrentA === undefined;
          return clear && limit > minDa(s) + 1 && limit < DA(s.maxCurrentA);
        });
        const key = (s: LoadSession) => `${s.gridId}|${linesOf(s, input).join()}`;
        for (const a of free) {
          for (const b of free.filter((x) => key(x) === key(a))) {
            const perWeight = (s: LoadSession) => limits.get(s.sessionId)! / s.priority;
            expect(Math.abs(perWeight(a) - perWeight(b))).toBeLessThanOrEqual(2 + 1e-9);
          }
        }
      }),
      runs,
    );
  });

  it("treats identical sessions alike (within 0.1 A)", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 2, max: 6 }), (input, copies) => {
        const twin = input.sessions[0];
        if (!twin) return;
        const plain = { ...twin, measuredCurrentA: undefined };
        const twins = Array.from({ length: copies }, (_, k) => ({ ...plain, sessionId: `twin${k}` }));
        const result = allocateLoad({ grids: input.grids, sessions: [...twins, ...input.sessions.slice(1)] });
        const running = result.allocations.slice(0, copies).filter((a) => !a.paused);
        const spread = running.map((a) => DA(a.limitA));
        if (spread.length > 1) expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 75 },
    );
  });
});

/** Fisher–Yates with a small seeded generator (mulberry32), so a failing case replays. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}
