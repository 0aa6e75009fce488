import { describe, expect, it } from "vitest";
import {
  type ConnectorStatus,
  measureChargingTime,
  measureChargingTimeFromMeter,
  measureChargingTimeFromStatus,
} from "./charging-time";

const at = (iso: string) => new Date(iso);
const window = (startedAt: string, stoppedAt: string) => ({
  startedAt: at(startedAt),
  stoppedAt: at(stoppedAt),
});
const events = (...list: [string, ConnectorStatus][]) =>
  list.map(([iso, status]) => ({ at: at(iso), status }));
const samples = (...list: [string, number][]) => list.map(([iso, energyWh]) => ({ at: at(iso), energyWh }));

describe("measureChargingTimeFromStatus (R36)", () => {
  it.each([
    {
      name: "charging then finishing",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T12:00:00Z"),
      events: events(["2026-05-01T10:00:00Z", "Charging"], ["2026-05-01T11:30:00Z", "Finishing"]),
      time: { chargingSeconds: 5400, idleSeconds: 1800 },
    },
    {
      name: "SuspendedEV is idle, SuspendedEVSE is neither",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      events: events(
        ["2026-05-01T10:00:00Z", "Preparing"],
        ["2026-05-01T10:01:00Z", "Charging"],
        ["2026-05-01T10:11:00Z", "SuspendedEVSE"],
        ["2026-05-01T10:21:00Z", "Charging"],
        ["2026-05-01T10:31:00Z", "SuspendedEV"],
        ["2026-05-01T10:41:00Z", "Finishing"],
      ),
      time: { chargingSeconds: 1200, idleSeconds: 1740 },
    },
    {
      name: "over midnight",
      window: window("2026-05-01T22:30:00Z", "2026-05-02T01:15:00Z"),
      events: events(["2026-05-01T22:30:05Z", "Charging"], ["2026-05-02T00:30:05Z", "SuspendedEV"]),
      time: { chargingSeconds: 7200, idleSeconds: 2695 },
    },
    {
      // Amsterdam 00:30 CET → 04:30 CEST is four hours on the wall clock but three in UTC.
      name: "over the spring DST change in Europe/Amsterdam (2026-03-29)",
      window: window("2026-03-29T00:30:00+01:00", "2026-03-29T04:30:00+02:00"),
      events: events(["2026-03-29T00:30:00+01:00", "Charging"], ["2026-03-29T03:30:00+02:00", "SuspendedEV"]),
      time: { chargingSeconds: 7200, idleSeconds: 3600 },
    },
    {
      // Amsterdam 02:30 CEST → 02:30 CET is zero on the wall clock but one hour in UTC.
      name: "over the autumn DST change in Europe/Amsterdam (2026-10-25)",
      window: window("2026-10-25T01:30:00+02:00", "2026-10-25T02:30:00+01:00"),
      events: events(["2026-10-25T01:30:00+02:00", "Charging"], ["2026-10-25T02:45:00+02:00", "Finishing"]),
      time: { chargingSeconds: 4500, idleSeconds: 2700 },
    },
    {
      name: "out-of-order events are sorted",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T12:00:00Z"),
      events: events(
        ["2026-05-01T11:30:00Z", "Finishing"],
        ["2026-05-01T10:00:00Z", "Charging"],
        ["2026-05-01T11:00:00Z", "SuspendedEV"],
        ["2026-05-01T11:10:00Z", "Charging"],
      ),
      time: { chargingSeconds: 4800, idleSeconds: 2400 },
    },
    {
      name: "an event before the start gives the status at the start (clipped)",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      events: events(
        ["2026-05-01T08:00:00Z", "Preparing"],
        ["2026-05-01T09:59:00Z", "Charging"],
        ["2026-05-01T10:40:00Z", "SuspendedEV"],
      ),
      time: { chargingSeconds: 2400, idleSeconds: 1200 },
    },
    {
      name: "events after the stop are ignored (clipped)",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      events: events(
        ["2026-05-01T10:00:00Z", "Charging"],
        ["2026-05-01T11:00:00Z", "Finishing"],
        ["2026-05-01T13:00:00Z", "Available"],
      ),
      time: { chargingSeconds: 3600, idleSeconds: 0 },
    },
    {
      name: "no status known before the first event counts as neither",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      events: events(["2026-05-01T10:20:00Z", "Charging"]),
      time: { chargingSeconds: 2400, idleSeconds: 0 },
    },
    {
      name: "two events at the same instant: the later in the input wins",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      events: events(["2026-05-01T10:00:00Z", "Preparing"], ["2026-05-01T10:00:00Z", "Charging"]),
      time: { chargingSeconds: 3600, idleSeconds: 0 },
    },
    {
      name: "milliseconds are summed before flooring",
      window: window("2026-05-01T10:00:00.000Z", "2026-05-01T10:00:10.900Z"),
      events: events(["2026-05-01T10:00:00.400Z", "Charging"], ["2026-05-01T10:00:05.900Z", "SuspendedEV"]),
      time: { chargingSeconds: 5, idleSeconds: 5 },
    },
    {
      name: "empty window",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T10:00:00Z"),
      events: events(["2026-05-01T10:00:00Z", "Charging"]),
      time: { chargingSeconds: 0, idleSeconds: 0 },
    },
  ])("$name", ({ window, events, time }) => {
    expect(measureChargingTimeFromStatus(window, events)).toEqual(time);
  });

  it.each([
    ["stop before start", window("2026-05-01T11:00:00Z", "2026-05-01T10:00:00Z"), []],
    ["invalid start", { startedAt: new Date("nope"), stoppedAt: at("2026-05-01T10:00:00Z") }, []],
    [
      "invalid event date",
      window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      [{ at: new Date("nope"), status: "Charging" as const }],
    ],
  ])("rejects %s", (_name, window, events) => {
    expect(() => measureChargingTimeFromStatus(window, events)).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });
});

describe("measureChargingTimeFromMeter (R36 fallback)", () => {
  it.each([
    {
      name: "flat before the first energy is neither, flat after it is idle",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T12:00:00Z"),
      samples: samples(
        ["2026-05-01T10:00:00Z", 1000],
        ["2026-05-01T10:05:00Z", 1000],
        ["2026-05-01T10:20:00Z", 3000],
        ["2026-05-01T11:00:00Z", 9000],
        ["2026-05-01T11:30:00Z", 9000],
        ["2026-05-01T11:40:00Z", 9500],
        ["2026-05-01T12:00:00Z", 9500],
      ),
      time: { chargingSeconds: 3900, idleSeconds: 3000 },
    },
    {
      name: "over midnight and out of order",
      window: window("2026-05-01T23:00:00Z", "2026-05-02T01:00:00Z"),
      samples: samples(
        ["2026-05-02T00:00:00Z", 5000],
        ["2026-05-01T23:00:00Z", 0],
        ["2026-05-02T01:00:00Z", 5000],
      ),
      time: { chargingSeconds: 3600, idleSeconds: 3600 },
    },
    {
      name: "over the spring DST change, UTC-exact",
      window: window("2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00"),
      samples: samples(["2026-03-29T01:30:00+01:00", 0], ["2026-03-29T03:30:00+02:00", 4000]),
      time: { chargingSeconds: 3600, idleSeconds: 0 },
    },
    {
      name: "over the autumn DST change, UTC-exact",
      window: window("2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00"),
      samples: samples(["2026-10-25T02:30:00+02:00", 0], ["2026-10-25T02:30:00+01:00", 4000]),
      time: { chargingSeconds: 3600, idleSeconds: 0 },
    },
    {
      name: "samples outside the window are dropped",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      samples: samples(
        ["2026-05-01T09:00:00Z", 0],
        ["2026-05-01T10:00:00Z", 100],
        ["2026-05-01T11:00:00Z", 2100],
        ["2026-05-01T12:00:00Z", 2100],
      ),
      time: { chargingSeconds: 3600, idleSeconds: 0 },
    },
    {
      name: "no energy at all",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      samples: samples(["2026-05-01T10:00:00Z", 100], ["2026-05-01T11:00:00Z", 100]),
      time: { chargingSeconds: 0, idleSeconds: 0 },
    },
    {
      name: "a falling register counts as no increase",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      samples: samples(
        ["2026-05-01T10:00:00Z", 0],
        ["2026-05-01T10:30:00Z", 500],
        ["2026-05-01T11:00:00Z", 400],
      ),
      time: { chargingSeconds: 1800, idleSeconds: 1800 },
    },
    {
      name: "no samples",
      window: window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
      samples: [],
      time: { chargingSeconds: 0, idleSeconds: 0 },
    },
  ])("$name", ({ window, samples, time }) => {
    expect(measureChargingTimeFromMeter(window, samples)).toEqual(time);
  });

  it("rejects a fractional energy", () => {
    expect(() =>
      measureChargingTimeFromMeter(
        window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z"),
        samples(["2026-05-01T10:00:00Z", 1.5]),
      ),
    ).toThrow(/energyWh/);
  });
});

describe("measureChargingTime", () => {
  const session = window("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z");
  const meterSamples = samples(["2026-05-01T10:00:00Z", 0], ["2026-05-01T11:00:00Z", 7000]);

  it.each([
    [
      "status events win",
      events(["2026-05-01T10:30:00Z", "Charging"]),
      { chargingSeconds: 1800, idleSeconds: 0 },
    ],
    ["meter samples without status events", [], { chargingSeconds: 3600, idleSeconds: 0 }],
  ])("%s", (_name, statusEvents, time) => {
    expect(measureChargingTime(session, { statusEvents, meterSamples })).toEqual(time);
  });
});
