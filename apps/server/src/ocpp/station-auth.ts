import {
  admitUnknownChargePoint,
  type CoreDeps,
  findChargePointForConnection,
  verifyPassword,
} from "@voltlane/core";
import type { Handshake } from "./rpc-server";

export type StationAuthResult =
  | { ok: true; chargePointId: string; providerId: string }
  | { ok: false; code: 401 | 404; message: string };

/**
 * Security profile 1 (profile 2 is the same behind TLS, docs/ocpp.md): an unknown identity is refused
 * with 404 unless the platform operator accepts unknown charge points (R17: registered inactive); a
 * charge point with a password must send it with HTTP Basic auth, else 401.
 */
export async function authenticateStation(core: CoreDeps, handshake: Handshake): Promise<StationAuthResult> {
  const identity = handshake.identity;
  const known =
    (await findChargePointForConnection(core.db, identity)) ??
    (await admitUnknownChargePoint(core.db, identity, core.clock));
  if (!known) return { ok: false, code: 404, message: "Unknown charge point" };
  if (known.passwordHash) {
    const password = handshake.password?.toString("utf8");
    if (!password || !(await verifyPassword(known.passwordHash, password))) {
      return { ok: false, code: 401, message: "Unauthorized" };
    }
  }
  return { ok: true, chargePointId: known.id, providerId: known.providerId };
}
