import { AppError } from "../errors/app-error";
import { D } from "../money/decimal";

export type PlausibilityInput = {
  durationSeconds: number;
  energyWh: number;
  meterStartWh: number;
  meterStopWh: number;
  /** The connector's maximum power; without it only `maxPlausibleSessionWh` bounds the energy. */
  maxPowerW?: number | null;
};

/** Provider settings (§3 Provider). */
export type PlausibilitySettings = {
  minSessionSeconds: number;
  minSessionWh: number;
  maxPlausibleSessionWh: number;
};

export type NotBillableReason = "too_short" | "too_little_energy" | "implausible";

export type Plausibility = {
  status: "completed" | "invalid";
  billable: boolean;
  notBillableReason?: NotBillableReason;
};

/**
 * R37: meter stop < start (or a negative duration or energy) makes the session `invalid`; otherwise it
 * is `completed` and billable unless implausible (energy above `maxPlausibleSessionWh` or above max
 * power × duration), too short (< `minSessionSeconds`) or too small (< `minSessionWh`), checked in that
 * order. Bounds are inclusive: exactly the minimum is billable, exactly the maximum is plausible.
 */
export function checkPlausibility(input: PlausibilityInput, settings: PlausibilitySettings): Plausibility {
  const { durationSeconds, energyWh, meterStartWh, meterStopWh } = input;
  for (const [field, value] of Object.entries({ durationSeconds, energyWh, meterStartWh, meterStopWh })) {
    assertInteger(value, field);
  }
  for (const [field, value] of Object.entries(settings)) assertInteger(value, field, true);
  if (input.maxPowerW != null) assertInteger(input.maxPowerW, "maxPowerW", true);

  if (meterStopWh < meterStartWh || durationSeconds < 0 || energyWh < 0) {
    return { status: "invalid", billable: false, notBillableReason: "implausible" };
  }
  if (
    energyWh > settings.maxPlausibleSessionWh ||
    exceedsMaxPower(energyWh, durationSeconds, input.maxPowerW)
  ) {
    return notBillable("implausible");
  }
  if (durationSeconds < settings.minSessionSeconds) return notBillable("too_short");
  if (energyWh < settings.minSessionWh) return notBillable("too_little_energy");
  return { status: "completed", billable: true };
}

/** energyWh > maxPowerW × durationSeconds / 3600, compared exactly. */
function exceedsMaxPower(energyWh: number, durationSeconds: number, maxPowerW?: number | null): boolean {
  if (maxPowerW == null) return false;
  return new D(energyWh).times(3600).gt(new D(maxPowerW).times(durationSeconds));
}

function notBillable(reason: NotBillableReason): Plausibility {
  return { status: "completed", billable: false, notBillableReason: reason };
}

function assertInteger(value: unknown, field: string, nonNegative = false): void {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || (nonNegative && value < 0)) {
    throw new AppError(
      "validation_failed",
      `${field} must be a${nonNegative ? " non-negative" : "n"} integer`,
      {
        field,
        reason: "invalid_quantity",
      },
    );
  }
}
