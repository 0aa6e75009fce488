import type { SimulatedChargePoint } from "../charge-point.ts";
import { idleStatus } from "../connectors.ts";
import type { ChargingProfile } from "../ocpp-types.ts";
import { afterReply, type RegisterHandler } from "./register.ts";

interface RemoteStartParams {
  connectorId?: number;
  idTag: string;
  chargingProfile?: ChargingProfile;
}

/** RemoteStart/Stop, Reset, UnlockConnector and ChangeAvailability. */
export function registerTransactionHandlers(cp: SimulatedChargePoint, register: RegisterHandler): void {
  register("RemoteStartTransaction", (params) => remoteStart(cp, params as unknown as RemoteStartParams));

  register("RemoteStopTransaction", (params) => {
    const wanted = params.transactionId as number;
    const connector = cp.connectors.find(
      (c) => c.session && cp.resolveTransactionId(c.session.transactionId) === wanted,
    );
    if (!connector?.session) return { status: "Rejected" };
    connector.session.stop("Remote");
    return { status: "Accepted" };
  });

  register("Reset", (params) => {
    const reason = params.type === "Hard" ? "HardReset" : "SoftReset";
    afterReply(async () => {
      await cp.stopAllSessions(reason);
      await cp.restartConnection();
      await cp.boot({ retry: true });
      await cp.announceConnectors();
    });
    return { status: "Accepted" };
  });

  register("UnlockConnector", (params) => {
    const connector = cp.connectors[params.connectorId as number];
    if (!connector || connector.id === 0) return { status: "NotSupported" };
    // Unlocking under a running session ends it, as the cable is released (§5.17).
    connector.session?.stop("UnlockCommand");
    return { status: "Unlocked" };
  });

  register("ChangeAvailability", (params) => changeAvailability(cp, params));
}

function remoteStart(cp: SimulatedChargePoint, params: RemoteStartParams): { status: string } {
  const connector =
    params.connectorId !== undefined
      ? cp.connectors[params.connectorId]
      : cp.connectors.find((c) => c.id > 0 && !c.session && c.operative && !c.reservation);
  if (!connector || connector.id === 0 || connector.session || !connector.operative)
    return { status: "Rejected" };
  if (connector.reservation && connector.reservation.idTag !== params.idTag) return { status: "Rejected" };
  const profile = params.chargingProfile;
  if (profile) {
    if (profile.chargingProfilePurpose !== "TxProfile") return { status: "Rejected" };
    cp.profiles.set(connector.id, profile, cp.now());
  }
  const session = cp.options.remoteSession;
  // Started now (claiming the connector) but silent until the CALLRESULT has gone out.
  void cp
    .runSession({
      connectorId: connector.id,
      idTag: params.idTag,
      energyWh: session.energyWh,
      durationS: session.durationS,
      timeScale: session.timeScale,
      sampleEveryS: session.sampleEveryS,
      reservationId: connector.reservation?.reservationId,
      // AuthorizeRemoteTxRequests=false: the central system vouches for the idTag (§5.11).
      preAuthorized: !cp.config.getBool("AuthorizeRemoteTxRequests"),
      startAfterMs: 5,
    })
    .catch(() => undefined);
  return { status: "Accepted" };
}

function changeAvailability(cp: SimulatedChargePoint, params: Record<string, unknown>): { status: string } {
  const connectorId = params.connectorId as number;
  const operative = params.type === "Operative";
  const targets = connectorId === 0 ? cp.connectors : [cp.connectors[connectorId]];
  if (targets.some((c) => c === undefined)) return { status: "Rejected" };
  let scheduled = false;
  for (const connector of targets) {
    if (!connector) continue;
    if (connector.session) {
      // A running session is never cut: the change waits until it ends.
      connector.scheduledOperative = operative;
      scheduled = true;
      continue;
    }
    connector.operative = operative;
    afterReply(() => cp.statusNotification(connector.id, idleStatus(connector)));
  }
  return { status: scheduled ? "Scheduled" : "Accepted" };
}
