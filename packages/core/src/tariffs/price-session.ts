import { AppError } from "../errors/app-error";
import { currencyExponent } from "../money/currency";
import { D, type Dec } from "../money/decimal";
import { type Money, roundMinorUnits, sumMoney } from "../money/money";
import { parseTariffSnapshot, type TariffSnapshot } from "./tariff-snapshot";

/** What a finished session used; all non-negative integers (R1, R36). */
export type SessionUsage = { energyWh: number; chargingSeconds: number; idleSeconds: number };

/** Session cost components and margin in Money of the tariff's currency. */
export type SessionCost = {
  costStartFee: Money;
  costEnergy: Money;
  costTime: Money;
  costIdle: Money;
  costNet: Money;
  margin: Money;
};

/**
 * Prices a session with the tariff snapshot taken at its start (R33). R35 per component, each rounded
 * half-up to minor units and then summed (R2); the optional idle cap applies to the rounded idle cost.
 */
export function priceSession(tariffSnapshot: TariffSnapshot, usage: SessionUsage): SessionCost {
  const tariff = parseTariffSnapshot(tariffSnapshot);
  const energyWh = assertCount(usage.energyWh, "energyWh");
  const chargingSeconds = assertCount(usage.chargingSeconds, "chargingSeconds");
  const idleSeconds = assertCount(usage.idleSeconds, "idleSeconds");
  const minor = new D(10).pow(currencyExponent(tariff.currency));
  const toMoney = (major: Dec) => roundMinorUnits(major.times(minor));

  const costStartFee = toMoney(new D(tariff.startFee));
  const costEnergy = toMoney(new D(energyWh).times(tariff.energyPrice).div(1000));
  const costTime = toMoney(new D(chargingSeconds).times(tariff.timePrice).div(3600));
  const uncappedIdle = toMoney(
    new D(billableIdleMinutes(idleSeconds, tariff.idleGraceMinutes)).times(tariff.idleFee),
  );
  const costIdle = tariff.idleFeeCap == null ? uncappedIdle : Math.min(uncappedIdle, tariff.idleFeeCap);
  const margin = toMoney(new D(energyWh).times(tariff.marginPerKwh).div(1000));

  return {
    costStartFee,
    costEnergy,
    costTime,
    costIdle,
    costNet: sumMoney([costStartFee, costEnergy, costTime, costIdle]),
    margin,
  };
}

/** R35: max(0, floor(idleSeconds / 60) − idleGraceMinutes), in exact integer arithmetic. */
export function billableIdleMinutes(idleSeconds: number, idleGraceMinutes: number): number {
  const wholeMinutes = (idleSeconds - (idleSeconds % 60)) / 60;
  return Math.max(0, wholeMinutes - idleGraceMinutes);
}

function assertCount(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new AppError("validation_failed", `${field} must be a non-negative integer`, {
      field,
      reason: "invalid_quantity",
    });
  }
  return value;
}
