import { allocateLoad, effectiveLimitA, type LoadSession } from "@voltlane/core";
import { arrivalRate, buildSite, type SimGrid, seededRandom } from "./scenario";

const VOLTS = 230;
const TICK_S = 30;
const DAY_TICKS = (24 * 3600) / TICK_S;

type Car = {
  session: LoadSession;
  /** What the car's own charger draws at most per phase (on-board charger limit). */
  onboardA: number;
  phases: 1 | 3;
  wantWh: number;
  gotWh: number;
  leavesAtTick: number;
};

export type GridStats = {
  grid: SimGrid;
  peakAllocatedA: number;
  peakDrawA: number;
  peakLimitAtPeakA: number;
  violations: number;
  maxSessions: number;
};
export type DayResult = {
  ticks: number;
  sessions: number;
  energyDeliveredKWh: number;
  unservedKWh: number;
  allocationMs: number[];
  maxConcurrent: number;
  grids: GridStats[];
};

/** One simulated day with the real allocateLoad every 30 s; cars draw min(limit, their on-board max). */
export function simulateDay(seed: number): DayResult {
  const random = seededRandom(seed);
  const { grids, chargePoints } = buildSite();
  const stats = new Map(
    grids.map((g) => [
      g.id,
      { grid: g, peakAllocatedA: 0, peakDrawA: 0, peakLimitAtPeakA: 0, violations: 0, maxSessions: 0 },
    ]),
  );
  const parents = new Map(grids.map((g) => [g.id, g.parentId]));
  const occupied = new Map<string, Car>();
  const lastLimit = new Map<string, number>();
  const allocationMs: number[] = [];
  let sessions = 0;
  let deliveredWh = 0;
  let unservedWh = 0;
  let maxConcurrent = 0;
  const day = Date.UTC(2026, 5, 15); // a Monday
  for (let tick = 0; tick < DAY_TICKS; tick++) {
    const at = new Date(day + tick * TICK_S * 1000);
    const minute = (tick * TICK_S) / 60;
    for (const [cpId, car] of occupied) {
      if (tick >= car.leavesAtTick) {
        unservedWh += Math.max(0, car.wantWh - car.gotWh);
        occupied.delete(cpId);
        lastLimit.delete(cpId);
      }
    }
    for (const cp of chargePoints) {
      if (occupied.has(cp.id) || random() >= arrivalRate(minute) * (TICK_S / 60)) continue;
      sessions++;
      const phases = random() < 0.2 ? 1 : 3;
      const onboardA = phases === 1 ? 32 : random() < 0.5 ? 16 : 32;
      occupied.set(cp.id, {
        phases,
        onboardA,
        wantWh: Math.round(5_000 + random() * 45_000),
        gotWh: 0,
        leavesAtTick: tick + Math.round((3_600 + random() * 9 * 3_600) / TICK_S),
        session: {
          sessionId: cp.id,
          gridId: cp.gridId,
          phases,
          maxCurrentA: cp.maxCurrentA,
          priority: 1,
          startedAt: at,
        },
      });
    }
    maxConcurrent = Math.max(maxConcurrent, occupied.size);
    const limits = new Map(
      grids.map((g) => [g.id, effectiveLimitA(toSource(g), grids.map(toSource), at, "UTC")]),
    );
    const input = {
      grids: grids.map((g) => ({ ...g, maxCurrentA: limits.get(g.id)! })),
      sessions: [...occupied.values()].map((car) => ({
        ...car.session,
        measuredCurrentA: lastLimit.has(car.session.sessionId)
          ? drawOf(car, lastLimit.get(car.session.sessionId)!)
          : null,
        offeredCurrentA: lastLimit.get(car.session.sessionId) ?? null,
      })),
    };
    const started = performance.now();
    const result = allocateLoad(input);
    allocationMs.push(performance.now() - started);
    const draws = new Map<string, number>();
    for (const a of result.allocations) {
      const car = occupied.get(a.sessionId)!;
      lastLimit.set(a.sessionId, a.limitA);
      const draw = drawOf(car, a.limitA);
      car.gotWh += draw * VOLTS * car.phases * (TICK_S / 3600);
      deliveredWh += draw * VOLTS * car.phases * (TICK_S / 3600);
      // The highest line of each grid: 3-phase cars load all lines, 1-phase ones L1 (the allocator's default).
      for (let id: string | null | undefined = car.session.gridId; id; id = parents.get(id))
        draws.set(id, (draws.get(id) ?? 0) + draw);
    }
    for (const load of result.gridLoads) {
      const s = stats.get(load.gridId)!;
      const allocated = Math.max(...load.phaseLoads);
      const limit = limits.get(load.gridId)!;
      if (allocated > limit + 1e-9) s.violations++;
      if (allocated > s.peakAllocatedA) {
        s.peakAllocatedA = allocated;
        s.peakLimitAtPeakA = limit;
      }
      s.peakDrawA = Math.max(s.peakDrawA, draws.get(load.gridId) ?? 0);
      s.maxSessions = Math.max(s.maxSessions, countBelow(load.gridId, occupied, parents));
    }
  }
  for (const car of occupied.values()) unservedWh += Math.max(0, car.wantWh - car.gotWh);
  return {
    ticks: DAY_TICKS,
    sessions,
    energyDeliveredKWh: deliveredWh / 1000,
    unservedKWh: unservedWh / 1000,
    allocationMs,
    maxConcurrent,
    grids: [...stats.values()],
  };
}

/** A full car draws nothing; otherwise the smaller of its limit and its on-board charger. */
function drawOf(car: Car, limitA: number): number {
  return car.gotWh >= car.wantWh ? 0 : Math.min(limitA, car.onboardA);
}

function countBelow(
  gridId: string,
  occupied: ReadonlyMap<string, Car>,
  parents: ReadonlyMap<string, string | null>,
): number {
  let n = 0;
  for (const car of occupied.values()) {
    for (let id: string | null | undefined = car.session.gridId; id; id = parents.get(id))
      if (id === gridId) n++;
  }
  return n;
}

function toSource(g: SimGrid) {
  const windows = g.timeOfUse
    ? [
        {
          daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
          from: clock(g.timeOfUse.from),
          to: clock(g.timeOfUse.to),
          maxCurrentA: g.timeOfUse.maxCurrentA,
        },
      ]
    : [];
  return { id: g.id, parentId: g.parentId, maxCurrentA: g.maxCurrentA, timeOfUseLimits: windows };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
