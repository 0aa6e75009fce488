import { describe, expect, it } from "vitest";
import { formatIban, validateIban } from "./iban";

describe("validateIban", () => {
  it.each([
    ["NL91ABNA0417164300", "NL91ABNA0417164300"],
    ["NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"],
    ["nl91abna0417164300", "NL91ABNA0417164300"],
    ["  NL91\tABNA 0417164300 ", "NL91ABNA0417164300"],
    ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000"],
    ["BE68 5390 0754 7034", "BE68539007547034"],
    ["FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"],
    ["AT61 1904 3002 3457 3201", "AT611904300234573201"],
    ["ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"],
    ["IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"],
    ["GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819"],
    ["CH93 0076 2011 6238 5295 7", "CH9300762011623852957"],
    ["NO93 8601 1117 947", "NO9386011117947"],
    ["MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S"],
    ["PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874"],
  ])("%j is valid → %s", (input, iban) => {
    expect(validateIban(input)).toEqual({ ok: true, iban, country: iban.slice(0, 2) });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["NL91-ABNA-0417-1643-00", "invalid_characters"],
    ["NL91ABNA041716430Ä", "invalid_characters"],
    ["91ABNA0417164300", "invalid_characters"],
    ["US64SVBKUS6S3300958879", "unsupported_country"],
    ["NL91ABNA041716430", "wrong_length"],
    ["NL91ABNA04171643000", "wrong_length"],
    ["NL91ABNA0417164301", "invalid_checksum"], // one digit changed
    ["NL91ABNA0417164200", "invalid_checksum"], // one digit changed
    ["NL19ABNA0417164300", "invalid_checksum"], // check digits swapped
    ["NL91ABNA0417146300", "invalid_checksum"], // two digits swapped
    ["DE89370400440532013001", "invalid_checksum"],
    ["GB29NWBK60161331926818", "invalid_checksum"],
  ])("%j is refused: %s", (input, reason) => {
    expect(validateIban(input)).toEqual({ ok: false, reason });
  });
});

describe("formatIban", () => {
  it.each([
    ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00"],
    ["BE68539007547034", "BE68 5390 0754 7034"],
  ])("%s → %s", (iban, text) => {
    expect(formatIban(iban)).toBe(text);
  });
});
