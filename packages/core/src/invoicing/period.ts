import { AppError } from "../errors/app-error";

/** A calendar month in the provider's time zone, `YYYY-MM` (§3 Month). */
export type Period = string;

const periodPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parsePeriod(input: string): { year: number; month: number } {
  const match = periodPattern.exec(input);
  if (!match) throw new AppError("validation_failed", "period must be YYYY-MM", { field: "period" });
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function formatPeriod(year: number, month: number): Period {
  const y = year + Math.floor((month - 1) / 12);
  const m = (((month - 1) % 12) + 12) % 12;
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}`;
}

export function shiftPeriod(period: Period, months: number): Period {
  const { year, month } = parsePeriod(period);
  return formatPeriod(year, month + months);
}

/** Offset of the zone from UTC at an instant, in ms (DST through Intl; no extra packages). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour") % 24,
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The UTC instant of a local wall-clock time in a zone. */
export function zonedTime(timeZone: string, year: number, month: number, day: number, hour = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  // Two passes settle DST edges: the offset at the guess, then at the corrected instant.
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** [start, end) of a period in UTC; R38: a session belongs to the month of its stoppedAt. */
export function periodBounds(period: Period, timeZone: string): { start: Date; end: Date } {
  const { year, month } = parsePeriod(period);
  return { start: zonedTime(timeZone, year, month, 1), end: zonedTime(timeZone, year, month + 1, 1) };
}

/** The local calendar date (`YYYY-MM-DD`) of an instant. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** The period an instant falls in, in a zone. */
export function periodOf(at: Date, timeZone: string): Period {
  return localDate(at, timeZone).slice(0, 7);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
