/** Wall-clock position of an instant in a time zone: ISO weekday (1 = Monday … 7 = Sunday) and minute of day. */
export interface LocalWeekTime {
  isoWeekday: number;
  minuteOfDay: number;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** Reads the local weekday and time through Intl, so DST follows the IANA database (no extra packages). */
export function toLocalWeekTime(at: Date, timeZone: string): LocalWeekTime {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const isoWeekday = WEEKDAYS.indexOf(part("weekday") as (typeof WEEKDAYS)[number]) + 1;
  // `% 24`: some engines still print midnight as "24" despite h23.
  const minuteOfDay = (Number(part("hour")) % 24) * 60 + Number(part("minute"));
  if (isoWeekday < 1 || !Number.isInteger(minuteOfDay)) {
    throw new RangeError(`cannot read local time in ${timeZone}`);
  }
  return { isoWeekday, minuteOfDay };
}

/** The ISO weekday before `isoWeekday` (Monday → Sunday). */
export function previousWeekday(isoWeekday: number): number {
  return isoWeekday === 1 ? 7 : isoWeekday - 1;
}
