import { AppError } from "../errors/app-error";

/**
 * R25: RFID UIDs are compared as upper-case hex without separators ("04:a2-b1 c3" → "04A2B1C3"),
 * so the same chip registered twice with different spelling is still one card.
 */
export function normalizeRfid(input: string): string {
  return input.replace(/[\s:.-]/g, "").toUpperCase();
}

/** Like `normalizeRfid`, but refuses anything that is not hex once separators are gone. */
export function parseRfid(input: string): string {
  const rfid = normalizeRfid(input);
  if (!/^[0-9A-F]{1,40}$/.test(rfid)) {
    throw new AppError("validation_failed", "rfid must be hexadecimal", { field: "rfid" });
  }
  return rfid;
}

/** R25: printed external ids compare case-insensitively and without blanks ("nl-vlt-1 " = "NL-VLT-1"). */
export function normalizeExternalId(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}
