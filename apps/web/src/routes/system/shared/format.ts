/** Money, energy and timestamps per the active language (Intl). Money arrives in minor units (R1). */

const localeOf = (language: string) => (language === "nl" ? "nl-NL" : "en-GB");

/** Minor units → a currency string; the integer is split, never divided as a float (R1). */
export function formatMoney(
  minor: number | null | undefined,
  currency: string | null | undefined,
  language: string,
) {
  if (minor === null || minor === undefined) return "—";
  const code = currency || "EUR";
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor)
    .toString()
    .padStart(digits + 1, "0");
  const decimal = digits > 0 ? `${abs.slice(0, -digits)}.${abs.slice(-digits)}` : abs;
  // Intl accepts a decimal string (no float rounding on the way).
  return new Intl.NumberFormat(localeOf(language), { style: "currency", currency: code }).format(
    `${sign}${decimal}` as unknown as number,
  );
}

/** A `Price` decimal string ("0.3500") with its currency, all its decimals kept. */
export function formatPrice(value: string | null | undefined, currency: string, language: string) {
  if (!value) return "—";
  const decimals = value.split(".")[1]?.length ?? 0;
  return new Intl.NumberFormat(localeOf(language), {
    style: "currency",
    currency,
    minimumFractionDigits: Math.max(2, Math.min(decimals, 4)),
    maximumFractionDigits: 4,
  }).format(value as unknown as number);
}

export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

/** Integer Wh → kWh with up to 3 decimals. */
export function formatEnergy(wh: number | null | undefined, language: string): string {
  if (wh === null || wh === undefined) return "—";
  return `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 3 }).format(wh / 1000)} kWh`;
}

export function formatAmps(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "—";
  return `${new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value)} A`;
}

/** "5 min ago" style age for live status. */
export function formatAge(value: string | null | undefined, language: string, now = Date.now()): string {
  if (!value) return "—";
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(localeOf(language), { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  return rtf.format(Math.round(seconds / 86_400), "day");
}

/** Decimal string of major units ("12.50") → integer minor units, without floats (R1). */
export function parseMoneyToMinor(text: string, digits = 2): number | null {
  const match = /^\s*(\d{1,12})(?:[.,](\d{0,4}))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction || "0");
}
