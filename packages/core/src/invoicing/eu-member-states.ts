/** The 27 EU member states (ISO 3166-1 alpha-2), for R46. */
export const euMemberStates: ReadonlySet<string> = new Set([
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
]);

/** Whether an ISO country code is an EU member state; "EL" (Greece's VAT prefix) counts as GR. */
export function isEuMemberState(country: string): boolean {
  const code = country.trim().toUpperCase();
  return euMemberStates.has(code === "EL" ? "GR" : code);
}
