import type { SimulatedChargePoint } from "./charge-point.ts";
import { PHASE_VOLTAGE } from "./charging-profiles.ts";
import { idleStatus } from "./connectors.ts";
import { meterValue, registerValue } from "./meter.ts";
import type { AuthorizationStatus, ChargePointStatus, StopReason } from "./ocpp-types.ts";
import { SimulatedTime } from "./simulated-time.ts";

export interface SessionOptions {
  connectorId: number;
  idTag: string;
  /** Energy the EV takes; meterStop is meterStart + energyWh exactly unless stopped early. */
  energyWh: number;
  /** Time plugged in (simulated seconds); time left after the EV is full is spent SuspendedEV. */
  durationS: number;
  /** Charging power; defaults to the average that spreads energyWh over durationS. */
  powerW?: number;
  sampleEveryS?: number;
  /** Simulated seconds per real second (3600 runs an hour-long session in one second). */
  timeScale?: number;
  reservationId?: number;
  /** Skip Authorize (a remote start the central system already authorized). */
  preAuthorized?: boolean;
  /** Real milliseconds to wait before the first message, e.g. so a command's reply goes out first. */
  startAfterMs?: number;
}

export interface SessionResult {
  status: AuthorizationStatus;
  transactionId?: number;
  meterStart?: number;
  meterStop?: number;
  energyWh: number;
  stopReason?: StopReason;
}

const EV_BATTERY_WH = 60_000;
/** Below this current an EV cannot charge (IEC 61851 minimum). */
const MIN_CURRENT_A = 6;

/**
 * Authorize → Preparing → StartTransaction → Charging → MeterValues… → (SuspendedEV) → Finishing →
 * StopTransaction → Available, with timestamps in simulated time.
 */
export async function runSession(cp: SimulatedChargePoint, options: SessionOptions): Promise<SessionResult> {
  const connector = cp.connectors[options.connectorId];
  if (!connector || options.connectorId === 0) throw new Error(`No connector ${options.connectorId}`);
  if (connector.session) throw new Error(`Connector ${options.connectorId} is busy`);
  const time = new SimulatedTime(cp.now(), options.timeScale ?? 1);
  let stopReason: StopReason | undefined;
  let finish: (value: unknown) => void = () => undefined;
  const done = new Promise((resolve) => {
    finish = resolve;
  });
  const session = {
    transactionId: 0,
    idTag: options.idTag,
    done,
    stop: (reason: StopReason) => {
      stopReason ??= reason;
      time.interrupt();
    },
  };
  // Claimed before the first await, so a second start on this connector is refused at once.
  connector.session = session;
  let started = false;
  try {
    if (options.startAfterMs) await new Promise((resolve) => setTimeout(resolve, options.startAfterMs));
    const auth = options.preAuthorized ? { status: "Accepted" as const } : await cp.authorize(options.idTag);
    if (auth.status !== "Accepted") return { status: auth.status, energyWh: 0 };
    started = true;
    return await charge(cp, options, time, session, () => stopReason);
  } finally {
    connector.session = undefined;
    finish(undefined);
    if (started) await settleConnector(cp, options.connectorId);
  }
}

async function charge(
  cp: SimulatedChargePoint,
  options: SessionOptions,
  time: SimulatedTime,
  session: { transactionId: number },
  stopReason: () => StopReason | undefined,
): Promise<SessionResult> {
  const { connectorId, idTag } = options;
  await cp.statusNotification(connectorId, "Preparing", "NoError", time.now());
  const meterStart = cp.meters.read(connectorId);
  const startedAt = time.now();
  const start = await cp.startTransaction({
    connectorId,
    idTag,
    meterStart,
    timestamp: startedAt,
    reservationId: options.reservationId,
  });
  session.transactionId = start.transactionId;
  if (start.idTagInfo.status !== "Accepted") {
    // OCPP 1.6 StopTransactionOnInvalidId: end at once, nothing delivered.
    await stop(
      cp,
      session.transactionId,
      meterStart,
      meterStart,
      startedAt,
      time.now(),
      "DeAuthorized",
      idTag,
    );
    return { status: start.idTagInfo.status, transactionId: start.transactionId, energyWh: 0 };
  }
  await cp.statusNotification(connectorId, "Charging", "NoError", time.now());
  const deliveredWh = await deliver(cp, options, time, session, meterStart, stopReason);
  if (!stopReason() && time.elapsedS < options.durationS) {
    await cp.statusNotification(connectorId, "SuspendedEV", "NoError", time.now());
    await time.sleep(options.durationS - time.elapsedS);
  }
  const reason = stopReason() ?? "Local";
  await cp.statusNotification(connectorId, "Finishing", "NoError", time.now());
  const meterStop = meterStart + deliveredWh;
  await stop(cp, session.transactionId, meterStart, meterStop, startedAt, time.now(), reason, idTag);
  cp.profiles.clearTxProfiles(connectorId);
  return {
    status: "Accepted",
    transactionId: cp.resolveTransactionId(session.transactionId),
    meterStart,
    meterStop,
    energyWh: deliveredWh,
    stopReason: reason,
  };
}

/** The charging loop; returns the whole Wh delivered (exactly energyWh when not stopped early). */
async function deliver(
  cp: SimulatedChargePoint,
  options: SessionOptions,
  time: SimulatedTime,
  session: { transactionId: number },
  meterStart: number,
  stopReason: () => StopReason | undefined,
): Promise<number> {
  const { connectorId, energyWh } = options;
  const phases = cp.options.phases;
  const sampleEveryS = options.sampleEveryS ?? (cp.config.getInt("MeterValueSampleInterval") || 60);
  const wantedW = options.powerW ?? (energyWh * 3600) / Math.max(options.durationS, 1);
  const startSoc = 20 + (meterStart % 20);
  let delivered = 0;
  let status: ChargePointStatus = "Charging";
  while (delivered < energyWh && !stopReason()) {
    const powerW = availablePower(cp, connectorId, time.now(), wantedW, phases);
    const nextStatus = powerW > 0 ? "Charging" : "SuspendedEVSE";
    if (nextStatus !== status) {
      status = nextStatus;
      await cp.statusNotification(connectorId, status, "NoError", time.now());
    }
    const stepS =
      powerW > 0 ? Math.min(sampleEveryS, ((energyWh - delivered) * 3600) / powerW) : sampleEveryS;
    const sleptS = await time.sleep(stepS);
    delivered = Math.min(energyWh, delivered + (powerW * sleptS) / 3600);
    // Rounding drift must not leave a fraction of a Wh undelivered.
    if (sleptS >= stepS && energyWh - delivered < 0.5) delivered = energyWh;
    const registerWh = meterStart + Math.floor(delivered);
    cp.meters.advanceTo(connectorId, registerWh);
    const socPercent = Math.min(100, startSoc + (delivered / EV_BATTERY_WH) * 100);
    const sample = meterValue({ at: time.now(), registerWh, powerW, socPercent, phases });
    await cp.meterValues(connectorId, session.transactionId, [sample]);
  }
  return Math.floor(delivered);
}

function availablePower(
  cp: SimulatedChargePoint,
  connectorId: number,
  at: Date,
  wantedW: number,
  phases: number,
): number {
  const limitA = Math.min(
    cp.options.maxCurrentA,
    cp.currentLimitA(connectorId, at) ?? Number.POSITIVE_INFINITY,
  );
  if (limitA < MIN_CURRENT_A) return 0;
  return Math.min(wantedW, limitA * PHASE_VOLTAGE * phases);
}

async function stop(
  cp: SimulatedChargePoint,
  transactionId: number,
  meterStart: number,
  meterStop: number,
  startedAt: Date,
  stoppedAt: Date,
  reason: StopReason,
  idTag: string,
): Promise<void> {
  await cp.stopTransaction({
    transactionId,
    meterStop,
    timestamp: stoppedAt,
    reason,
    idTag,
    transactionData: [
      registerValue(startedAt, meterStart, "Transaction.Begin"),
      registerValue(stoppedAt, meterStop, "Transaction.End"),
    ],
  });
}

/** Back to rest, applying a ChangeAvailability that waited for the session (Scheduled). */
async function settleConnector(cp: SimulatedChargePoint, connectorId: number): Promise<void> {
  const connector = cp.connectors[connectorId]!;
  if (connector.scheduledOperative !== undefined) {
    connector.operative = connector.scheduledOperative;
    connector.scheduledOperative = undefined;
  }
  await cp.statusNotification(connectorId, idleStatus(connector), "NoError").catch(() => undefined);
}
