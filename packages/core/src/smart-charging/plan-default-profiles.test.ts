import { describe, expect, it } from "vitest";
import type { ConnectorFact, DefaultStateFact } from "./load-default-profile-facts";
import type { ActiveSessionFact, SmartChargingState } from "./load-smart-charging-state";
import { planAllocation } from "./plan-allocation";

const now = new Date("2026-06-15T12:00:00Z");
const earlier = new Date("2026-06-15T11:00:00Z");
const grid = (id: string, maxCurrentA: number, parentId: string | null = null) => ({
  id,
  providerId: "p",
  parentId,
  name: id,
  phases: 3 as const,
  maxCurrentA,
  minCurrentPerVehicleA: 6,
  timeOfUseLimits: [],
  externalLimit: null,
});
const connector = (cp: string, extra: Partial<ConnectorFact> = {}): ConnectorFact => ({
  chargePointId: cp,
  connectorId: 1,
  gridId: "g",
  maxCurrentA: 32,
  rejectsProfiles: false,
  lastBootAt: null,
  ...extra,
});
const session = (cp: string, extra: Partial<ActiveSessionFact> = {}): ActiveSessionFact => ({
  chargePointId: cp,
  connectorId: 1,
  ocppTransactionId: 1,
  startedAt: earlier,
  recordedAt: earlier,
  gridId: "g",
  phases: 3,
  maxCurrentA: 32,
  measuredA: null,
  measuredAt: null,
  rejectsProfiles: false,
  ...extra,
});
const sentDefault = (
  cp: string,
  limitA: string,
  extra: Partial<DefaultStateFact> = {},
): DefaultStateFact => ({
  chargePointId: cp,
  connectorId: 1,
  providerId: "p",
  gridId: "g",
  limitA,
  status: "Accepted",
  sentAt: earlier,
  ...extra,
});
function defaultsOf(
  connectors: ConnectorFact[],
  extra: Partial<SmartChargingState> = {},
): Record<string, [number, boolean]> {
  const state: SmartChargingState = {
    providerId: "p",
    timeZone: "UTC",
    grids: [grid("g", 32)],
    sessions: [],
    profiles: [],
    inGrid: new Set(connectors.map((c) => c.chargePointId)),
    connectors,
    defaults: [],
    ...extra,
  };
  const plan = planAllocation(state, now).defaults;
  return Object.fromEntries(plan.defaults.map((d) => [d.connector.chargePointId, [d.limitA, d.send]]));
}

describe("planDefaultProfiles (TxDefaultProfile per idle connector)", () => {
  it.each([
    ["four idle connectors share an empty 32 A grid", ["a", "b", "c", "d"], 8],
    ["three idle: 10.6 A each, floored to 0.1 A", ["a", "b", "c"], 10.6],
    ["six idle: 5.3 A is below the 6 A minimum, so 0", ["a", "b", "c", "d", "e", "f"], 0],
  ])("%s", (_name, ids, limit) => {
    const plan = defaultsOf(ids.map((id) => connector(id)));
    expect(Object.values(plan)).toEqual(ids.map(() => [limit, true]));
  });

  it("a charger's maximum caps its share", () => {
    expect(defaultsOf([connector("a", { maxCurrentA: 16 })])).toEqual({ a: [16, true] });
  });

  it("gives nothing while a session takes the whole grid; busy connectors go to 0; refusing chargers get none", () => {
    const plan = defaultsOf(
      [connector("busy"), connector("idle"), connector("x", { rejectsProfiles: true })],
      {
        sessions: [session("busy")],
      },
    );
    expect(plan).toEqual({ busy: [0, true], idle: [0, true] });
  });

  it("shares only what measured, self-limiting cars leave over", () => {
    // The car draws 9 A: it is capped at 10 A, leaving 22 A for two idle connectors.
    const car = session("car", { measuredA: 9, measuredAt: now });
    const plan = defaultsOf([connector("car"), connector("a"), connector("b")], { sessions: [car] });
    expect(plan).toEqual({ car: [0, true], a: [11, true], b: [11, true] });
  });

  it("beneath nested grids every ancestor's spare is split over all idle connectors below it", () => {
    const grids = [grid("root", 32), grid("small", 10, "root"), grid("tiny", 5, "root")];
    const plan = defaultsOf(
      [
        connector("r1", { gridId: "root" }),
        connector("r2", { gridId: "root" }),
        connector("s1", { gridId: "small" }),
        connector("t1", { gridId: "tiny" }),
      ],
      { grids },
    );
    expect(plan).toEqual({ r1: [8, true], r2: [8, true], s1: [8, true], t1: [0, true] });
  });

  it("sends only changes, retries failures after 15 s and re-sends after a boot", () => {
    const unchanged = defaultsOf([connector("a")], { defaults: [sentDefault("a", "32.0")] });
    expect(unchanged).toEqual({ a: [32, false] });
    const failed = (sentAt: Date) =>
      defaultsOf([connector("a")], { defaults: [sentDefault("a", "32.0", { status: "Failed", sentAt })] });
    expect(failed(new Date(now.getTime() - 5_000))).toEqual({ a: [32, false] });
    expect(failed(new Date(now.getTime() - 16_000))).toEqual({ a: [32, true] });
    const rebooted = defaultsOf([connector("a", { lastBootAt: new Date(earlier.getTime() + 1) })], {
      defaults: [sentDefault("a", "32.0")],
    });
    expect(rebooted).toEqual({ a: [32, true] });
  });

  it("clears the defaults of chargers that left their grid", () => {
    const state: SmartChargingState = {
      providerId: "p",
      timeZone: "UTC",
      grids: [grid("g", 32)],
      sessions: [],
      profiles: [],
      inGrid: new Set(["stays"]),
      connectors: [connector("stays")],
      defaults: [sentDefault("stays", "32.0"), sentDefault("gone", "8.0")],
    };
    expect(planAllocation(state, now).defaults.clear.map((d) => d.chargePointId)).toEqual(["gone"]);
  });
});

describe("planAllocation before a session's first TxProfile", () => {
  it("reads a car's draw against the default it started under (a car at 0 A under a 0 A default may ramp up)", () => {
    const state: SmartChargingState = {
      providerId: "p",
      timeZone: "UTC",
      grids: [grid("g", 32)],
      sessions: [session("a", { measuredA: 0, measuredAt: now })],
      profiles: [],
      inGrid: new Set(["a"]),
      connectors: [connector("a")],
      defaults: [sentDefault("a", "0.0")],
    };
    expect(planAllocation(state, now).connectors[0]!.limitA).toBe(32);
    const noDefault = { ...state, defaults: [] };
    expect(planAllocation(noDefault, now).connectors[0]!.limitA).toBe(6);
  });
});
