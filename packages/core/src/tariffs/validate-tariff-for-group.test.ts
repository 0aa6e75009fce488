import { describe, expect, it } from "vitest";
import { validateTariffForGroup } from "./validate-tariff-for-group";

const refused = { ok: false, rule: "R23", reason: "sub_cent_energy_price" };

describe("validateTariffForGroup (R23)", () => {
  it.each([
    ["0.2345", "home", "attached", { ok: true }],
    ["0.2345", "home", "provider", refused],
    ["0.2345", "other", "attached", refused],
    ["0.2345", "other", "roaming", refused],
    ["0.2300", "other", "roaming", { ok: true }],
    ["0.23", "other", "provider", { ok: true }],
    ["0.2301", "other", "provider", refused],
    ["0.2310", "other", "provider", refused],
    ["1", "other", "provider", { ok: true }],
  ] as const)("%s in a %s group with %s access → %j", (energyPrice, type, access, result) => {
    expect(validateTariffForGroup({ energyPrice }, { type, access })).toEqual(result);
  });

  it("rejects an invalid price", () => {
    expect(() =>
      validateTariffForGroup({ energyPrice: "0.12345" }, { type: "other", access: "provider" }),
    ).toThrow(/energyPrice/);
  });
});
