import { randomBytes } from "node:crypto";
import {
  attachments,
  chargeCards,
  chargeGroups,
  chargePoints,
  customers,
  type Db,
  providers,
  tariffs,
} from "@voltlane/db";
import { defaultProviderSettings } from "../providers/bootstrap";

/** Small builders for database tests of charging assets; each returns the inserted row. */
const tag = () => randomBytes(4).toString("hex").toUpperCase();

export async function aProvider(db: Db, settings: Partial<typeof defaultProviderSettings> = {}) {
  const t = tag();
  const [row] = await db
    .insert(providers)
    .values({
      slug: `p-${t}`,
      name: `Provider ${t}`,
      invoicePrefix: t,
      settings: { ...defaultProviderSettings, ...settings },
    })
    .returning();
  return row!;
}

export async function aCustomer(
  db: Db,
  providerId: string,
  values: Partial<typeof customers.$inferInsert> = {},
) {
  const [row] = await db
    .insert(customers)
    .values({ providerId, customerNumber: tag(), type: "private", name: "Driver", ...values })
    .returning();
  return row!;
}

export async function aTariff(db: Db, providerId: string, values: Partial<typeof tariffs.$inferInsert> = {}) {
  const [row] = await db
    .insert(tariffs)
    .values({
      providerId,
      name: `Tariff ${tag()}`,
      currency: "EUR",
      energyPrice: "0.3500",
      vatRate: "21.00",
      ...values,
    })
    .returning();
  return row!;
}

export async function aGroup(
  db: Db,
  providerId: string,
  values: Partial<typeof chargeGroups.$inferInsert> = {},
) {
  const [row] = await db
    .insert(chargeGroups)
    .values({ providerId, code: `G-${tag()}`, name: "Group", ...values })
    .returning();
  return row!;
}

export async function aChargePoint(
  db: Db,
  providerId: string,
  values: Partial<typeof chargePoints.$inferInsert> = {},
) {
  const [row] = await db
    .insert(chargePoints)
    .values({ id: `CP-${tag()}`, providerId, name: "Charger", activation: "active", ...values })
    .returning();
  return row!;
}

export async function aCard(
  db: Db,
  providerId: string,
  values: Partial<typeof chargeCards.$inferInsert> = {},
) {
  const t = tag();
  const [row] = await db
    .insert(chargeCards)
    .values({ providerId, externalId: `NL-VLT-${t}`, rfid: `04${t}`, status: "active", ...values })
    .returning();
  return row!;
}

export async function aMembership(
  db: Db,
  providerId: string,
  groupId: string,
  customerId: string,
  validFrom = new Date("2020-01-01"),
) {
  await db.insert(attachments).values({
    providerId,
    customerId,
    assetType: "charge_group",
    assetId: groupId,
    role: "group_member",
    validFrom,
  });
}
