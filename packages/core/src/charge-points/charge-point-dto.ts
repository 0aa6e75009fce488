import type { ChargePointDto } from "@voltlane/contracts";
import type { chargePoints, connectors } from "@voltlane/db";

type ChargePointRow = typeof chargePoints.$inferSelect;
type ConnectorRow = typeof connectors.$inferSelect;

/** The API shape; the password hash never leaves core. */
export function toChargePointDto(cp: ChargePointRow, conns: ConnectorRow[]): ChargePointDto {
  return {
    id: cp.id,
    name: cp.name,
    chargeGroupId: cp.chargeGroupId,
    ownerCustomerId: cp.ownerCustomerId,
    subscriptionPayerCustomerId: cp.subscriptionPayerCustomerId,
    locationId: cp.locationId,
    gridId: cp.gridId,
    tariffOverrideId: cp.tariffOverrideId,
    status: cp.activation === "retired" ? "retired" : cp.online ? "online" : "offline",
    activation: cp.activation as ChargePointDto["activation"],
    active: cp.activation === "active",
    online: cp.online,
    lastSeenAt: cp.lastSeenAt?.toISOString() ?? null,
    vendor: cp.vendor,
    model: cp.model,
    serialNumber: cp.serialNumber,
    firmwareVersion: cp.firmwareVersion,
    iccid: cp.iccid,
    imsi: cp.imsi,
    meterType: cp.meterType,
    ocppVersion: cp.ocppVersion,
    phases: cp.phases,
    maxCurrentA: cp.maxCurrentA,
    hasPassword: cp.passwordHash !== null,
    connectors: conns
      .sort((a, b) => a.connectorId - b.connectorId)
      .map((c) => ({
        connectorId: c.connectorId,
        evseId: c.evseId,
        standard: c.standard,
        powerType: c.powerType,
        maxPowerW: c.maxPowerW,
        status: c.status,
        errorCode: c.errorCode,
        statusSince: c.statusSince?.toISOString() ?? null,
      })),
  };
}
