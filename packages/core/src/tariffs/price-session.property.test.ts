import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceSession } from "./price-session";

// Independent oracle in BigInt: a 4-decimal price as an integer of ten-thousandths.
const halfUp = (numerator: bigint, denominator: bigint) =>
  (2n * numerator + denominator) / (2n * denominator);
const tenThousandths = fc.integer({ min: 0, max: 99_999 });
const price = (units: number) => `${Math.floor(units / 10_000)}.${String(units % 10_000).padStart(4, "0")}`;

describe("priceSession properties (R35, R2)", () => {
  it("energy cost and margin equal exact half-up rounding, and costNet is the sum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        tenThousandths,
        tenThousandths,
        fc.integer({ min: 0, max: 86_400 }),
        tenThousandths,
        (energyWh, energyUnits, marginUnits, chargingSeconds, timeUnits) => {
          const cost = priceSession(
            {
              startFee: "0.25",
              energyPrice: price(energyUnits),
              timePrice: price(timeUnits),
              idleFee: "0",
              idleGraceMinutes: 0,
              marginPerKwh: price(marginUnits),
              vatRate: "21.00",
              currency: "EUR",
            },
            { energyWh, chargingSeconds, idleSeconds: 0 },
          );
          // cents = Wh × units / 10 000 / 1 000 × 100
          expect(cost.costEnergy).toBe(Number(halfUp(BigInt(energyWh) * BigInt(energyUnits), 100_000n)));
          expect(cost.margin).toBe(Number(halfUp(BigInt(energyWh) * BigInt(marginUnits), 100_000n)));
          // cents = s × units / 10 000 / 3 600 × 100
          expect(cost.costTime).toBe(Number(halfUp(BigInt(chargingSeconds) * BigInt(timeUnits), 360_000n)));
          expect(cost.costNet).toBe(cost.costStartFee + cost.costEnergy + cost.costTime + cost.costIdle);
        },
      ),
    );
  });
});
