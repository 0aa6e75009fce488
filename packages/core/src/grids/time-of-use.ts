import { type LocalWeekTime, previousWeekday } from "./local-time";

/** A Grid's time-of-use limit (R24): on `daysOfWeek` (1 = Mon … 7 = Sun) from `from` to `to`, local time. */
export interface TimeOfUseLimit {
  daysOfWeek: readonly number[];
  from: string;
  to: string;
  maxCurrentA: number;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight of "HH:MM"; "24:00" is accepted only as an end (`to`). Null when malformed. */
export function parseClockMinutes(clock: string, isEnd = false): number | null {
  if (isEnd && clock === "24:00") return 24 * 60;
  const match = CLOCK.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Whether a window is well formed: days 1–7, non-empty, valid clocks, a finite non-negative limit. */
export function isValidTimeOfUse(limit: TimeOfUseLimit): boolean {
  const days = limit.daysOfWeek;
  return (
    days.length > 0 &&
    days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) &&
    parseClockMinutes(limit.from) !== null &&
    parseClockMinutes(limit.to, true) !== null &&
    Number.isFinite(limit.maxCurrentA) &&
    limit.maxCurrentA >= 0
  );
}

/**
 * Whether the window covers the local time. `daysOfWeek` names the day a window starts on: a window with
 * `from` ≥ `to` crosses midnight and ends on the next day (`from` = `to` is a full 24 hours).
 */
export function isTimeOfUseActive(limit: TimeOfUseLimit, local: LocalWeekTime): boolean {
  const from = parseClockMinutes(limit.from);
  const to = parseClockMinutes(limit.to, true);
  if (from === null || to === null)
    throw new RangeError(`invalid time-of-use window ${limit.from}-${limit.to}`);
  const startsToday = limit.daysOfWeek.includes(local.isoWeekday);
  const minute = local.minuteOfDay;
  if (from < to) return startsToday && minute >= from && minute < to;
  const startedYesterday = limit.daysOfWeek.includes(previousWeekday(local.isoWeekday));
  return (startsToday && minute >= from) || (startedYesterday && minute < to);
}
