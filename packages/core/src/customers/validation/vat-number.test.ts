import { describe, expect, it } from "vitest";
import { validateVatNumberFormat, vatNumberPrefixes } from "./vat-number";

describe("validateVatNumberFormat", () => {
  it.each([
    ["NL820832493B01", "NL820832493B01", "NL"],
    ["nl 8208.32.493.B01", "NL820832493B01", "NL"],
    ["BE0123456789", "BE0123456789", "BE"],
    ["BE 1023.456.789", "BE1023456789", "BE"],
    ["DE136695976", "DE136695976", "DE"],
    ["ATU13585627", "ATU13585627", "AT"],
    ["FR40303265045", "FR40303265045", "FR"],
    ["FRK7399859412", "FRK7399859412", "FR"],
    ["ESA12345674", "ESA12345674", "ES"],
    ["ESX1234567L", "ESX1234567L", "ES"],
    ["ES12345678Z", "ES12345678Z", "ES"],
    ["IT00743110157", "IT00743110157", "IT"],
    ["IE6388047V", "IE6388047V", "IE"],
    ["IE1234567WA", "IE1234567WA", "IE"],
    ["IE8Z49289F", "IE8Z49289F", "IE"],
    ["SE556703748501", "SE556703748501", "SE"],
    ["DK13585628", "DK13585628", "DK"],
    ["FI20774740", "FI20774740", "FI"],
    ["PL5260250274", "PL5260250274", "PL"],
    ["PT501964843", "PT501964843", "PT"],
    ["LU15027442", "LU15027442", "LU"],
    ["LT119511515", "LT119511515", "LT"],
    ["LT100001919017", "LT100001919017", "LT"],
    ["LV40003521600", "LV40003521600", "LV"],
    ["EE100931558", "EE100931558", "EE"],
    ["CZ25123891", "CZ25123891", "CZ"],
    ["CZ7103192745", "CZ7103192745", "CZ"],
    ["SK2022749619", "SK2022749619", "SK"],
    ["SI50223054", "SI50223054", "SI"],
    ["HU12892312", "HU12892312", "HU"],
    ["HR33392005961", "HR33392005961", "HR"],
    ["RO18547290", "RO18547290", "RO"],
    ["BG175074752", "BG175074752", "BG"],
    ["BG1750747523", "BG1750747523", "BG"],
    ["CY10259033P", "CY10259033P", "CY"],
    ["MT11679112", "MT11679112", "MT"],
    ["EL094259216", "EL094259216", "GR"],
    ["GR094259216", "EL094259216", "GR"],
    ["XI123456789", "XI123456789", "GB"],
    ["XIGD001", "XIGD001", "GB"],
  ])("%j is valid → %s (%s)", (input, vatNumber, country) => {
    expect(validateVatNumberFormat(input)).toEqual({
      ok: true,
      vatNumber,
      prefix: vatNumber.slice(0, 2),
      country,
    });
  });

  it.each([
    ["", "empty"],
    [" . ", "empty"],
    ["NL820832493B01!", "invalid_characters"],
    ["GB123456789", "unknown_prefix"],
    ["CHE123456789", "unknown_prefix"],
    ["US123456789", "unknown_prefix"],
    ["820832493B01", "unknown_prefix"],
    ["NL820832493B1", "invalid_format"],
    ["NL820832493", "invalid_format"],
    ["NL820832493A01", "invalid_format"],
    ["BE2123456789", "invalid_format"],
    ["BE012345678", "invalid_format"],
    ["DE12345678", "invalid_format"],
    ["DE1234567890", "invalid_format"],
    ["AT13585627", "invalid_format"],
    ["ATU1358562", "invalid_format"],
    ["FRIO303265045", "invalid_format"],
    ["FR4030326504", "invalid_format"],
    ["ES123456789", "invalid_format"],
    ["IT0074311015", "invalid_format"],
    ["SE556703748502", "invalid_format"],
    ["RO0123", "invalid_format"],
    ["CY102590331", "invalid_format"],
    ["XI12345", "invalid_format"],
  ])("%j is refused: %s", (input, reason) => {
    expect(validateVatNumberFormat(input)).toEqual({ ok: false, reason });
  });

  it("knows the 27 member states and XI", () => {
    expect(vatNumberPrefixes).toHaveLength(28);
  });
});
