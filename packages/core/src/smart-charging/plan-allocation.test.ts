import { describe, expect, it } from "vitest";
import type { ActiveSessionFact, ProfileStateFact, SmartChargingState } from "./load-smart-charging-state";
import { planAllocation } from "./plan-allocation";

const now = new Date("2026-06-15T12:00:00Z");
const earlier = new Date("2026-06-15T11:00:00Z");
const grid = {
  id: "g",
  providerId: "p",
  parentId: null,
  name: "G",
  phases: 3 as const,
  maxCurrentA: 32,
  minCurrentPerVehicleA: 6,
  timeOfUseLimits: [],
  externalLimit: null,
};

function session(cp: string, tx: number, extra: Partial<ActiveSessionFact> = {}): ActiveSessionFact {
  return {
    chargePointId: cp,
    connectorId: 1,
    ocppTransactionId: tx,
    startedAt: earlier,
    recordedAt: earlier,
    gridId: "g",
    phases: 3,
    maxCurrentA: 32,
    measuredA: null,
    measuredAt: null,
    rejectsProfiles: false,
    ...extra,
  };
}
function sent(
  cp: string,
  tx: number,
  limitA: string,
  extra: Partial<ProfileStateFact> = {},
): ProfileStateFact {
  return {
    chargePointId: cp,
    connectorId: 1,
    providerId: "p",
    gridId: "g",
    ocppTransactionId: tx,
    limitA,
    assumedMeasuredA: null,
    status: "Accepted",
    sentAt: earlier,
    ...extra,
  };
}
const state = (
  sessions: ActiveSessionFact[],
  profiles: ProfileStateFact[] = [],
  extra: Partial<SmartChargingState> = {},
): SmartChargingState => ({
  providerId: "p",
  timeZone: "UTC",
  grids: [grid],
  sessions,
  profiles,
  inGrid: new Set(sessions.map((s) => s.chargePointId)),
  connectors: [],
  defaults: [],
  ...extra,
});
const limits = (plan: ReturnType<typeof planAllocation>) =>
  Object.fromEntries(plan.connectors.map((c) => [c.session.chargePointId, [c.limitA, c.send]]));

describe("planAllocation", () => {
  it("sends only the limits that change", () => {
    const plan = planAllocation(state([session("a", 1), session("b", 2)], [sent("a", 1, "16.0")]), now);
    expect(limits(plan)).toEqual({ a: [16, false], b: [16, true] });
  });

  it("a new transaction on the connector gets a new profile even at the same limit", () => {
    const plan = planAllocation(state([session("a", 7)], [sent("a", 6, "32.0")]), now);
    expect(limits(plan)).toEqual({ a: [32, true] });
  });

  it("ignores a measured change below 2 A, follows one of 2 A or more", () => {
    const before = [sent("a", 1, "16.0", { assumedMeasuredA: "10.0" }), sent("b", 2, "22.0")];
    const small = planAllocation(
      state([session("a", 1, { measuredA: 11.5, measuredAt: now }), session("b", 2)], before),
      now,
    );
    expect(small.connectors[0]!.assumedMeasuredA).toBe(10);
    const big = planAllocation(
      state([session("a", 1, { measuredA: 13, measuredAt: now }), session("b", 2)], before),
      now,
    );
    expect(big.connectors[0]!.assumedMeasuredA).toBe(13);
  });

  it("a sample from before the last profile says nothing about the car", () => {
    const plan = planAllocation(
      state(
        [session("a", 1, { measuredA: 8, measuredAt: earlier }), session("b", 2)],
        [sent("a", 1, "16.0", { sentAt: now })],
      ),
      now,
    );
    expect(plan.connectors[0]!.assumedMeasuredA).toBeNull();
  });

  it("counts a charger that refused profiles at its maximum and reduces the others", () => {
    const stubborn = session("x", 9, { rejectsProfiles: true, maxCurrentA: 16 });
    const plan = planAllocation(state([session("a", 1), stubborn]), now);
    expect(limits(plan).a).toEqual([16, true]);
    const probe = plan.connectors.find((c) => c.probe)!;
    expect(probe).toMatchObject({ limitA: 16, send: true });
    expect(plan.grids[0]!.phaseLoads).toEqual([32, 32, 32]);
    const refusedRecently = planAllocation(
      state([session("a", 1), stubborn], [sent("x", 9, "16.0", { status: "Rejected", sentAt: now })]),
      now,
    );
    expect(refusedRecently.connectors.find((c) => c.probe)!.send).toBe(false);
  });

  it("sends the first profile of a transaction at once (session events follow StartTransaction.conf)", () => {
    const plan = planAllocation(state([session("a", 1, { recordedAt: new Date(now.getTime() - 200) })]), now);
    expect(limits(plan).a).toEqual([32, true]);
  });

  it("clears profiles of chargers that left the grid and forgets those of ended transactions", () => {
    const plan = planAllocation(
      state([], [sent("gone", 1, "8.0"), sent("ended", 2, "8.0")], { inGrid: new Set(["ended"]) }),
      now,
    );
    expect(plan.clear.map((p) => p.chargePointId)).toEqual(["gone"]);
    expect(plan.forget.map((p) => p.chargePointId)).toEqual(["ended"]);
  });
});
