import { randomBytes } from "node:crypto";
import { createChargePoint, type SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { hashPassword } from "@voltlane/core";
import {
  chargeCards,
  chargeGroups,
  chargePoints,
  customers,
  type Db,
  providers,
  tariffs,
} from "@voltlane/db";
import { eq } from "drizzle-orm";
import type { TestServer } from "../helpers/test-server";

/** Small builders for OCPP tests; every call makes fresh, uniquely named rows. */
export const uid = () => randomBytes(4).toString("hex").toUpperCase();

export async function operatorProviderId(db: Db): Promise<string> {
  const [p] = await db
    .select({ id: providers.id })
    .from(providers)
    .where(eq(providers.isPlatformOperator, true));
  return p!.id;
}

export async function aCustomer(db: Db, providerId: string, name = "Driver") {
  const [c] = await db
    .insert(customers)
    .values({ providerId, customerNumber: `C-${uid()}`, type: "private", name })
    .returning();
  return c!;
}

/** A group open to all the provider's customers, with a simple tariff. */
export async function aChargeGroup(db: Db, providerId: string) {
  const [tariff] = await db
    .insert(tariffs)
    .values({
      providerId,
      name: `T-${uid()}`,
      currency: "EUR",
      startFee: "0.5000",
      energyPrice: "0.3000",
      timePrice: "0.0000",
      idleFee: "0.0000",
      vatRate: "21.00",
    })
    .returning();
  const [group] = await db
    .insert(chargeGroups)
    .values({
      providerId,
      code: `G-${uid()}`,
      name: "Group",
      type: "other",
      tariffId: tariff!.id,
      access: "provider",
    })
    .returning();
  return { group: group!, tariff: tariff! };
}

export async function aChargePoint(
  db: Db,
  providerId: string,
  options: { password?: string; active?: boolean; groupId?: string; ownerCustomerId?: string } = {},
) {
  const id = `CP-${uid()}`;
  await db.insert(chargePoints).values({
    id,
    providerId,
    name: id,
    passwordHash: options.password ? await hashPassword(options.password) : null,
    activation: options.active === false ? "inactive" : "active",
    chargeGroupId: options.groupId ?? null,
    ownerCustomerId: options.ownerCustomerId ?? null,
  });
  return id;
}

export async function aCard(
  db: Db,
  providerId: string,
  customerId: string | null,
  status: "active" | "inactive" | "blocked" = "active",
  validUntil?: Date,
) {
  const rfid = `AA${uid()}`;
  const [card] = await db
    .insert(chargeCards)
    .values({
      providerId,
      externalId: `NL-VLT-${uid()}`,
      rfid,
      status,
      customerId,
      payerCustomerId: customerId,
      validUntil: validUntil ?? null,
    })
    .returning();
  return card!;
}

/** A complete, chargeable setup: provider group, owner, active charge point with a password, a card. */
export async function aChargingSite(server: TestServer) {
  const db = server.core.db;
  const providerId = await operatorProviderId(db);
  const owner = await aCustomer(db, providerId, "Owner");
  const driver = await aCustomer(db, providerId, "Driver");
  const { group, tariff } = await aChargeGroup(db, providerId);
  const password = `pw-${uid()}-secret`;
  const chargePointId = await aChargePoint(db, providerId, {
    password,
    groupId: group.id,
    ownerCustomerId: owner.id,
  });
  const card = await aCard(db, providerId, driver.id);
  return { providerId, owner, driver, group, tariff, chargePointId, password, card };
}

export function ocppUrl(server: TestServer): string {
  return `${server.url.replace("http", "ws")}/ocpp`;
}

export function simulator(
  server: TestServer,
  identity: string,
  options: Partial<Parameters<typeof createChargePoint>[0]> = {},
): SimulatedChargePoint {
  return createChargePoint({
    url: ocppUrl(server),
    identity,
    reconnect: false,
    callTimeoutMs: 5_000,
    ...options,
  });
}

/** Polls until `check` returns a truthy value (for effects that arrive asynchronously). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
