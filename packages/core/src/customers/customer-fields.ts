import { AppError } from "../errors/app-error";
import { validateIban } from "./validation/iban";
import { validateVatNumberFormat } from "./validation/vat-number";

const ibanMessages = {
  empty: "the IBAN is empty",
  invalid_characters: "the IBAN has invalid characters",
  unsupported_country: "the IBAN's country is not in SEPA",
  wrong_length: "the IBAN has the wrong length for its country",
  invalid_checksum: "the IBAN's check digits are wrong (mod-97)",
} as const;

/** §3: IBANs are mod-97 checked; stored in electronic form. Empty → null. */
export function normaliseIban(input: string | null | undefined, path = "iban"): string | null | undefined {
  if (input === undefined) return undefined;
  if (input === null || input.trim() === "") return null;
  const check = validateIban(input);
  if (!check.ok) {
    throw new AppError("validation_failed", ibanMessages[check.reason], [
      { path, message: ibanMessages[check.reason] },
    ]);
  }
  return check.iban;
}

/** R13: only the format is checked here; validity is VIES's answer (status stays `unchecked`). */
export function normaliseVatNumber(input: string | null | undefined, path = "vatNumber") {
  if (input === undefined) return undefined;
  if (input === null || input.trim() === "") return null;
  const check = validateVatNumberFormat(input);
  if (!check.ok) {
    const message = `the VAT number is not valid (${check.reason.replaceAll("_", " ")})`;
    throw new AppError("validation_failed", message, [{ path, message }]);
  }
  return check.vatNumber;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function normaliseBic(bic: string | null | undefined): string | null | undefined {
  if (bic === undefined || bic === null) return bic;
  const compact = bic.replace(/\s+/g, "").toUpperCase();
  if (compact === "") return null;
  if (!/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(compact)) {
    throw new AppError("validation_failed", "the BIC is not valid", [
      { path: "bic", message: "invalid BIC" },
    ]);
  }
  return compact;
}
