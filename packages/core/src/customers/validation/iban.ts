/** IBAN lengths of the SEPA countries (EPC list of countries in the SEPA schemes). */
const sepaIbanLengths: Readonly<Record<string, number>> = {
  AD: 24,
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RS: 22,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

export type IbanCheck =
  | { ok: true; iban: string; country: string }
  | {
      ok: false;
      reason: "empty" | "invalid_characters" | "unsupported_country" | "wrong_length" | "invalid_checksum";
    };

/**
 * Validates an IBAN of a SEPA country (§3 Customer: mod-97 checked): whitespace removed and upper-cased,
 * then country, length and ISO 7064 mod-97-10 check digits. Returns the electronic form
 * ("NL91ABNA0417164300") or the reason it is refused.
 */
export function validateIban(input: string): IbanCheck {
  const iban = input.replace(/\s+/g, "").toUpperCase();
  if (iban === "") return { ok: false, reason: "empty" };
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return { ok: false, reason: "invalid_characters" };
  const country = iban.slice(0, 2);
  const length = sepaIbanLengths[country];
  if (length === undefined) return { ok: false, reason: "unsupported_country" };
  if (iban.length !== length) return { ok: false, reason: "wrong_length" };
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) return { ok: false, reason: "invalid_checksum" };
  return { ok: true, iban, country };
}

/** Groups an electronic IBAN in fours for display ("NL91 ABNA 0417 1643 00"). */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}

/** Remainder mod 97 of the number formed by the text, letters as 10–35, digit by digit (no big numbers). */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const value = Number.parseInt(char, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}
