import { AppError } from "../errors/app-error";

/** OCPP 1.6 connector statuses (§3 Connector). */
export type ConnectorStatus =
  | "Available"
  | "Preparing"
  | "Charging"
  | "SuspendedEV"
  | "SuspendedEVSE"
  | "Finishing"
  | "Reserved"
  | "Unavailable"
  | "Faulted";

export type StatusEvent = { status: ConnectorStatus; at: Date };
export type MeterSample = { at: Date; energyWh: number };
export type SessionWindow = { startedAt: Date; stoppedAt: Date };
export type ChargingTime = { chargingSeconds: number; idleSeconds: number };

// R36: SuspendedEVSE (the charger holds back) is neither charging nor idle.
const idleStatuses: ReadonlySet<ConnectorStatus> = new Set(["SuspendedEV", "Finishing"]);

/**
 * R36 from status events: time in `Charging` and time in `SuspendedEV`/`Finishing` within
 * [startedAt, stoppedAt]. Events may arrive out of order; the last event at or before `startedAt` gives
 * the status at the start, events after `stoppedAt` are ignored. Durations are UTC-exact (DST-proof),
 * summed in milliseconds and floored to whole seconds.
 */
export function measureChargingTimeFromStatus(
  window: SessionWindow,
  events: readonly StatusEvent[],
): ChargingTime {
  const { start, stop } = checkWindow(window);
  const sorted = sortByTime(events.map((event) => ({ ...event, time: checkDate(event.at, "status event") })));
  let status: ConnectorStatus | undefined;
  let cursor = start;
  let chargingMs = 0;
  let idleMs = 0;
  const spend = (until: number) => {
    if (status === "Charging") chargingMs += until - cursor;
    else if (status && idleStatuses.has(status)) idleMs += until - cursor;
    cursor = until;
  };
  for (const event of sorted) {
    if (event.time > stop) break;
    if (event.time > start) spend(event.time);
    status = event.status;
  }
  spend(stop);
  return { chargingSeconds: Math.floor(chargingMs / 1000), idleSeconds: Math.floor(idleMs / 1000) };
}

/**
 * R36 fallback from energy samples inside the window: an interval in which the energy register rises is
 * charging; an interval without a rise after the first rise is idle; flat intervals before it count as
 * neither. Include the start and stop meter readings as samples, or the edges of the session are lost.
 */
export function measureChargingTimeFromMeter(
  window: SessionWindow,
  samples: readonly MeterSample[],
): ChargingTime {
  const { start, stop } = checkWindow(window);
  const inWindow = sortByTime(
    samples.map((sample) => {
      if (!Number.isSafeInteger(sample.energyWh)) {
        throw new AppError("validation_failed", "energyWh must be an integer", { field: "energyWh" });
      }
      return { ...sample, time: checkDate(sample.at, "meter sample") };
    }),
  ).filter((sample) => sample.time >= start && sample.time <= stop);
  let chargingMs = 0;
  let idleMs = 0;
  let energyFlowed = false;
  for (let i = 1; i < inWindow.length; i++) {
    const previous = inWindow[i - 1]!;
    const current = inWindow[i]!;
    const ms = current.time - previous.time;
    if (current.energyWh > previous.energyWh) {
      chargingMs += ms;
      energyFlowed = true;
    } else if (energyFlowed) {
      idleMs += ms;
    }
  }
  return { chargingSeconds: Math.floor(chargingMs / 1000), idleSeconds: Math.floor(idleMs / 1000) };
}

/** R36: status events when there are any, otherwise the meter-sample fallback. */
export function measureChargingTime(
  window: SessionWindow,
  data: { statusEvents?: readonly StatusEvent[]; meterSamples?: readonly MeterSample[] },
): ChargingTime {
  const statusEvents = data.statusEvents ?? [];
  if (statusEvents.length > 0) return measureChargingTimeFromStatus(window, statusEvents);
  return measureChargingTimeFromMeter(window, data.meterSamples ?? []);
}

function checkWindow(window: SessionWindow): { start: number; stop: number } {
  const start = checkDate(window.startedAt, "startedAt");
  const stop = checkDate(window.stoppedAt, "stoppedAt");
  if (stop < start) {
    throw new AppError("validation_failed", "stoppedAt is before startedAt", { field: "stoppedAt" });
  }
  return { start, stop };
}

function checkDate(value: Date, field: string): number {
  const time = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new AppError("validation_failed", `${field} is not a valid date`, { field });
  return time;
}

/** Stable sort by time: of two events at the same instant, the later one in the input wins. */
function sortByTime<T extends { time: number }>(items: T[]): T[] {
  return items.toSorted((a, b) => a.time - b.time);
}
