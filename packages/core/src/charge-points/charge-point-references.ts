import type { UpdateChargePointInput } from "@voltlane/contracts";
import { chargeGroups, type Db, locations, tariffs } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { loadProviderCustomer } from "../authorization/asset-attachments";
import { businessRule, notFound } from "../errors/app-error";
import { unpublishLocation } from "../locations/manage-locations";
import { validateTariffForGroup } from "../tariffs/validate-tariff-for-group";
import type { ChargePointRow } from "./charge-point-scope";

async function one<T>(rows: Promise<T[]>, what: string): Promise<T> {
  const [row] = await rows;
  if (!row) throw notFound(what);
  return row;
}

/** Every referenced row must belong to the actor's provider (R4: others answer 404). */
export async function checkChargePointReferences(db: Db, p: Principal, input: UpdateChargePointInput) {
  const pid = p.providerId;
  if (input.ownerCustomerId) await loadProviderCustomer(db, p, input.ownerCustomerId, { active: true });
  if (input.subscriptionPayerCustomerId)
    await loadProviderCustomer(db, p, input.subscriptionPayerCustomerId, { active: true });
  if (input.locationId)
    await one(
      db
        .select({ id: locations.id })
        .from(locations)
        .where(and(eq(locations.id, input.locationId), eq(locations.providerId, pid))),
      "location",
    );
  if (input.chargeGroupId)
    await one(
      db
        .select({ id: chargeGroups.id })
        .from(chargeGroups)
        .where(and(eq(chargeGroups.id, input.chargeGroupId), eq(chargeGroups.providerId, pid))),
      "charge group",
    );
  if (input.tariffOverrideId)
    await one(
      db
        .select({ id: tariffs.id })
        .from(tariffs)
        .where(and(eq(tariffs.id, input.tariffOverrideId), eq(tariffs.providerId, pid))),
      "tariff",
    );
}

/** R23 for the override tariff in the charger's group, R20 for its location. */
export async function enforceGroupRules(db: Db, p: Principal, cp: ChargePointRow, at: Date) {
  if (!cp.chargeGroupId) return;
  const [group] = await db.select().from(chargeGroups).where(eq(chargeGroups.id, cp.chargeGroupId));
  if (!group) return;
  if (cp.tariffOverrideId) {
    const [t] = await db
      .select({ energyPrice: tariffs.energyPrice })
      .from(tariffs)
      .where(eq(tariffs.id, cp.tariffOverrideId));
    const shape = group as Parameters<typeof validateTariffForGroup>[1];
    if (t && !validateTariffForGroup(t, shape).ok) {
      throw businessRule(
        "R23",
        "an energy price with more than 2 decimals is allowed only in a home group with access attached",
      );
    }
  }
  if (group.type === "home" && cp.locationId) await unpublishLocation(db, p, cp.locationId, at);
}
