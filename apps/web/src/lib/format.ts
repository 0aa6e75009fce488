/** Dates and numbers are formatted by Intl for the active language. */

const localeOf = (language: string) => (language === "nl" ? "nl-NL" : "en-GB");

export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (!value) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium" }).format(date);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
