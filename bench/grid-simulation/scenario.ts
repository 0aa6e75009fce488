import type { LoadGrid } from "@voltlane/core";

/** Deterministic PRNG (mulberry32): the same seed gives the same day. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type SimGrid = LoadGrid & {
  name: string;
  timeOfUse?: { from: number; to: number; maxCurrentA: number };
};
export type SimChargePoint = { id: string; gridId: string; maxCurrentA: number };

/**
 * A 400 A site: 4 sub-grids of 160 A, 10 feeders of 63 A beneath them (3, 3, 2, 2), 20 charge points of
 * 22 kW (32 A, 3-phase) per feeder = 200 charge points. The root has an evening time-of-use limit of
 * 250 A (17:00–21:00), as a grid operator's congestion window would impose.
 */
export function buildSite(): { grids: SimGrid[]; chargePoints: SimChargePoint[] } {
  const grids: SimGrid[] = [
    {
      id: "root",
      name: "Site 400 A",
      parentId: null,
      maxCurrentA: 400,
      phases: 3,
      timeOfUse: { from: 17 * 60, to: 21 * 60, maxCurrentA: 250 },
    },
  ];
  const feedersPerSub = [3, 3, 2, 2];
  const chargePoints: SimChargePoint[] = [];
  feedersPerSub.forEach((feeders, s) => {
    const subId = `sub-${s + 1}`;
    grids.push({ id: subId, name: `Sub-grid ${s + 1} 160 A`, parentId: "root", maxCurrentA: 160, phases: 3 });
    for (let f = 0; f < feeders; f++) {
      const feederId = `${subId}-feeder-${f + 1}`;
      grids.push({
        id: feederId,
        name: `${subId} feeder ${f + 1} 63 A`,
        parentId: subId,
        maxCurrentA: 63,
        phases: 3,
      });
      for (let c = 0; c < 20; c++)
        chargePoints.push({ id: `${feederId}-cp${c + 1}`, gridId: feederId, maxCurrentA: 32 });
    }
  });
  return { grids, chargePoints };
}

/** Arrivals per charge point per minute: a morning (work) and an evening (home) peak over a low base. */
export function arrivalRate(minuteOfDay: number): number {
  const h = minuteOfDay / 60;
  const bump = (centre: number, width: number) => Math.exp(-((h - centre) ** 2) / (2 * width ** 2));
  return 0.0004 + 0.006 * bump(8.5, 1) + 0.004 * bump(18, 1.5);
}
