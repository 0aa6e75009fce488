import { D } from "../money/decimal";
import { type Price, parsePrice } from "../money/price";

export type ChargeGroupType = "home" | "other";
export type ChargeGroupAccess = "attached" | "provider" | "roaming";

export type TariffGroupCheck = { ok: true } | { ok: false; rule: "R23"; reason: "sub_cent_energy_price" };

/**
 * R23: an energy price with a non-zero 3rd or 4th decimal ("0.2345") is allowed only in a `home`
 * group with access `attached` (agreed home-charging rates, W4); elsewhere prices stop at 2 decimals.
 */
export function validateTariffForGroup(
  tariff: { energyPrice: Price },
  group: { type: ChargeGroupType; access: ChargeGroupAccess },
): TariffGroupCheck {
  if (group.type === "home" && group.access === "attached") return { ok: true };
  const energyPrice = new D(parsePrice(tariff.energyPrice, { field: "energyPrice" }));
  if (energyPrice.decimalPlaces() > 2) return { ok: false, rule: "R23", reason: "sub_cent_energy_price" };
  return { ok: true };
}
