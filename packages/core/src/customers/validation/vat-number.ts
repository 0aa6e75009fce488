/**
 * VIES formats of VAT numbers per EU member state (prefix = VAT prefix, EL for Greece) and XI for
 * Northern Ireland. Format only: whether the number is valid is VIES's answer (R13).
 */
const vatNumberFormats: Readonly<Record<string, { country: string; pattern: RegExp }>> = {
  AT: { country: "AT", pattern: /^U\d{8}$/ },
  BE: { country: "BE", pattern: /^[01]\d{9}$/ },
  BG: { country: "BG", pattern: /^\d{9,10}$/ },
  CY: { country: "CY", pattern: /^\d{8}[A-Z]$/ },
  CZ: { country: "CZ", pattern: /^\d{8,10}$/ },
  DE: { country: "DE", pattern: /^\d{9}$/ },
  DK: { country: "DK", pattern: /^\d{8}$/ },
  EE: { country: "EE", pattern: /^\d{9}$/ },
  EL: { country: "GR", pattern: /^\d{9}$/ },
  ES: { country: "ES", pattern: /^(?:[A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/ },
  FI: { country: "FI", pattern: /^\d{8}$/ },
  FR: { country: "FR", pattern: /^[A-HJ-NP-Z0-9]{2}\d{9}$/ },
  HR: { country: "HR", pattern: /^\d{11}$/ },
  HU: { country: "HU", pattern: /^\d{8}$/ },
  IE: { country: "IE", pattern: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/ },
  IT: { country: "IT", pattern: /^\d{11}$/ },
  LT: { country: "LT", pattern: /^(?:\d{9}|\d{12})$/ },
  LU: { country: "LU", pattern: /^\d{8}$/ },
  LV: { country: "LV", pattern: /^\d{11}$/ },
  MT: { country: "MT", pattern: /^\d{8}$/ },
  NL: { country: "NL", pattern: /^\d{9}B\d{2}$/ },
  PL: { country: "PL", pattern: /^\d{10}$/ },
  PT: { country: "PT", pattern: /^\d{9}$/ },
  RO: { country: "RO", pattern: /^[1-9]\d{1,9}$/ },
  SE: { country: "SE", pattern: /^\d{10}01$/ },
  SI: { country: "SI", pattern: /^\d{8}$/ },
  SK: { country: "SK", pattern: /^\d{10}$/ },
  XI: { country: "GB", pattern: /^(?:\d{9}|\d{12}|GD\d{3}|HA\d{3})$/ },
};

export type VatNumberCheck =
  | { ok: true; vatNumber: string; prefix: string; country: string }
  | { ok: false; reason: "empty" | "invalid_characters" | "unknown_prefix" | "invalid_format" };

/**
 * Checks a VAT number's format for its prefix after removing spaces, dots and dashes and upper-casing
 * ("nl 8208.32.493.B01" → "NL820832493B01"); a Greek number given as GR becomes EL. `country` is the
 * ISO 3166 country (EL → GR, XI → GB).
 */
export function validateVatNumberFormat(input: string): VatNumberCheck {
  const compact = input.replace(/[\s.-]+/g, "").toUpperCase();
  if (compact === "") return { ok: false, reason: "empty" };
  if (!/^[A-Z0-9+*]+$/.test(compact)) return { ok: false, reason: "invalid_characters" };
  const prefix = compact.startsWith("GR") ? "EL" : compact.slice(0, 2);
  const format = vatNumberFormats[prefix];
  if (!format) return { ok: false, reason: "unknown_prefix" };
  const body = compact.slice(2);
  if (!format.pattern.test(body)) return { ok: false, reason: "invalid_format" };
  return { ok: true, vatNumber: prefix + body, prefix, country: format.country };
}

/** The VAT prefixes with a known format: the 27 member states (EL for Greece) and XI. */
export const vatNumberPrefixes: readonly string[] = Object.keys(vatNumberFormats);
