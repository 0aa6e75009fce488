import type { SimulatedChargePoint } from "../charge-point.ts";
import { meterValue } from "../meter.ts";
import type { DiagnosticsStatus, FirmwareStatus } from "../ocpp-types.ts";
import { afterReply, type RegisterHandler } from "./register.ts";

/** TriggerMessage, GetDiagnostics and UpdateFirmware. */
export function registerMaintenanceHandlers(cp: SimulatedChargePoint, register: RegisterHandler): void {
  register("TriggerMessage", (params) => {
    const connectorId = params.connectorId as number | undefined;
    if (connectorId !== undefined && !cp.connectors[connectorId]) return { status: "Rejected" };
    const send = triggered(cp, params.requestedMessage as string, connectorId);
    if (!send) return { status: "NotImplemented" };
    afterReply(send);
    return { status: "Accepted" };
  });

  register("GetDiagnostics", () => {
    const fileName = `diagnostics-${cp.identity}-${cp.now().toISOString().replace(/[:.]/g, "")}.zip`;
    afterReply(() =>
      stepThrough<DiagnosticsStatus>(cp, ["Uploading", "Uploaded"], (s) => cp.diagnosticsStatus(s)),
    );
    return { fileName };
  });

  register("UpdateFirmware", (params) => {
    const retrieveAt = Date.parse(params.retrieveDate as string);
    const waitMs = Math.min(Math.max(0, retrieveAt - cp.now().getTime()), 2 ** 31 - 1);
    afterReply(async () => {
      await sleep(waitMs);
      await stepThrough<FirmwareStatus>(cp, ["Downloading", "Downloaded", "Installing", "Installed"], (s) =>
        cp.firmwareStatus(s),
      );
    });
    return {};
  });
}

function triggered(
  cp: SimulatedChargePoint,
  message: string,
  connectorId: number | undefined,
): (() => Promise<unknown>) | undefined {
  switch (message) {
    case "BootNotification":
      return () => cp.boot();
    case "Heartbeat":
      return () => cp.heartbeat();
    case "DiagnosticsStatusNotification":
      return () => cp.diagnosticsStatus("Idle");
    case "FirmwareStatusNotification":
      return () => cp.firmwareStatus("Idle");
    case "StatusNotification":
      return async () => {
        const targets = connectorId === undefined ? cp.connectors : [cp.connectors[connectorId]!];
        for (const c of targets) await cp.statusNotification(c.id, c.status, c.errorCode);
      };
    case "MeterValues":
      return () => triggeredMeterValues(cp, connectorId);
    default:
      return undefined;
  }
}

async function triggeredMeterValues(
  cp: SimulatedChargePoint,
  connectorId: number | undefined,
): Promise<void> {
  const targets = cp.connectors.filter(
    (c) => c.id > 0 && (connectorId === undefined || c.id === connectorId),
  );
  for (const c of targets) {
    const sample = meterValue(
      { at: cp.now(), registerWh: cp.meters.read(c.id), powerW: 0, socPercent: 0, phases: cp.options.phases },
      "Trigger",
    );
    const txId = c.session ? cp.resolveTransactionId(c.session.transactionId) : undefined;
    await cp.meterValues(c.id, txId, [sample]);
  }
}

/** Reports each status of a simulated background job, a short pause apart. */
async function stepThrough<S>(
  cp: SimulatedChargePoint,
  statuses: S[],
  report: (status: S) => Promise<void>,
): Promise<void> {
  for (const status of statuses) {
    await sleep(cp.options.jobStepMs);
    await report(status);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
