import { chargePoints, type Database, providers, tariffExceptions } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admitUnknownChargePoint,
  findChargePointForConnection,
  recordBoot,
} from "../charge-points/charge-point-connection";
import { fixedClock } from "../platform/clock";
import { aCard, aChargePoint, aCustomer, aGroup, aMembership, aProvider, aTariff } from "./assets.fixtures";
import { authorizeIdTag } from "./authorize-id-tag";
import { resolveSessionSnapshot } from "./resolve-session-snapshot";

let database: Database;
const at = new Date("2026-05-01T12:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("authorizeIdTag (R32 with real rows)", () => {
  it("accepts a member's card by any spelling of its UID and refuses strangers at an attached group", async () => {
    const { db } = database;
    const p = await aProvider(db);
    const group = await aGroup(db, p.id, { access: "attached" });
    const cp = await aChargePoint(db, p.id, { chargeGroupId: group.id });
    const member = await aCustomer(db, p.id);
    const stranger = await aCustomer(db, p.id);
    const memberCard = await aCard(db, p.id, {
      customerId: member.id,
      payerCustomerId: member.id,
      rfid: "04AABBCC11",
      validUntil: new Date("2027-01-01"),
    });
    const strangerCard = await aCard(db, p.id, { customerId: stranger.id, payerCustomerId: stranger.id });
    await aMembership(db, p.id, group.id, member.id);

    const ok = await authorizeIdTag(db, { chargePointId: cp.id, idTag: "04:aa:bb:cc:11", at });
    expect(ok.status).toBe("Accepted");
    expect(ok.card?.id).toBe(memberCard.id);
    expect(ok.expiryDate).toEqual(new Date("2027-01-01"));
    const refused = await authorizeIdTag(db, { chargePointId: cp.id, idTag: strangerCard.rfid, at });
    expect(refused).toMatchObject({ status: "Invalid", failedCheck: 7 });
    // The charge point's receiver may always charge at its own charger.
    await db.update(chargePoints).set({ ownerCustomerId: stranger.id });
    const owner = await authorizeIdTag(db, { chargePointId: cp.id, idTag: strangerCard.rfid, at });
    expect(owner.status).toBe("Accepted");
  });

  it("refuses unknown chargers and cards, and asks the sessions feature about concurrency", async () => {
    const { db } = database;
    const p = await aProvider(db);
    const group = await aGroup(db, p.id, { access: "provider" });
    const cp = await aChargePoint(db, p.id, { chargeGroupId: group.id });
    const user = await aCustomer(db, p.id);
    const card = await aCard(db, p.id, { customerId: user.id, payerCustomerId: user.id });
    expect((await authorizeIdTag(db, { chargePointId: "NOPE", idTag: card.rfid, at })).status).toBe(
      "Invalid",
    );
    expect((await authorizeIdTag(db, { chargePointId: cp.id, idTag: "DEADBEEF00", at })).failedCheck).toBe(2);
    const busy = await authorizeIdTag(db, {
      chargePointId: cp.id,
      idTag: card.rfid,
      at,
      hasActiveSession: async (id) => id === card.id,
    });
    expect(busy.status).toBe("ConcurrentTx");
  });

  it("lets a foreign card roam only at a roaming group with roamingAllowed", async () => {
    const { db } = database;
    const home = await aProvider(db);
    const other = await aProvider(db);
    const group = await aGroup(db, home.id, { access: "roaming" });
    const cp = await aChargePoint(db, home.id, { chargeGroupId: group.id });
    const foreigner = await aCustomer(db, other.id);
    const roamer = await aCard(db, other.id, { customerId: foreigner.id, roamingAllowed: true });
    const local = await aCard(db, other.id, { customerId: foreigner.id, roamingAllowed: false });
    expect((await authorizeIdTag(db, { chargePointId: cp.id, idTag: roamer.rfid, at })).status).toBe(
      "Accepted",
    );
    expect((await authorizeIdTag(db, { chargePointId: cp.id, idTag: local.rfid, at })).failedCheck).toBe(6);
  });
});

describe("charge point connection (R15, R17, R18)", () => {
  it("finds a charger, answers Pending until active and overwrites boot data", async () => {
    const { db } = database;
    const p = await aProvider(db);
    const cp = await aChargePoint(db, p.id, { activation: "inactive", passwordHash: "hash" });
    expect(await findChargePointForConnection(db, cp.id)).toEqual({
      id: cp.id,
      providerId: p.id,
      activation: "inactive",
      passwordHash: "hash",
    });
    expect(await findChargePointForConnection(db, "unknown-id")).toBeNull();
    const clock = fixedClock(at);
    expect(
      await recordBoot(db, cp.id, { vendor: "ACME", model: "One", firmwareVersion: "1.0" }, clock),
    ).toEqual({ status: "Pending", interval: 60 });
    await db.update(chargePoints).set({ activation: "active" }).where(eq(chargePoints.id, cp.id));
    expect((await recordBoot(db, cp.id, { vendor: "ACME", model: "Two" }, clock))?.status).toBe("Accepted");
    const [row] = await db.select().from(chargePoints).where(eq(chargePoints.id, cp.id));
    expect(row).toMatchObject({ model: "Two", firmwareVersion: null, online: true, lastSeenAt: at });
  });

  it("admits unknown identities only when the operator accepts them (R17)", async () => {
    const { db } = database;
    // The test template has no platform operator; make one that accepts unknown chargers.
    const clock = fixedClock(at);
    expect(await admitUnknownChargePoint(db, "NEW-1", clock)).toBeNull();
    const op = await aProvider(db, { acceptUnknownChargePoints: true });
    await db.update(providers).set({ isPlatformOperator: true }).where(eq(providers.id, op.id));
    expect(await admitUnknownChargePoint(db, "NEW-1", clock)).toMatchObject({
      id: "NEW-1",
      providerId: op.id,
      activation: "inactive",
    });
    expect(await admitUnknownChargePoint(db, "bad id!", clock)).toBeNull();
  });
});

describe("resolveSessionSnapshot (R22, R34)", () => {
  it("picks the user's exception, then the payer's, then the override, then the group tariff", async () => {
    const { db } = database;
    const p = await aProvider(db);
    const [groupT, overrideT, userT, payerT] = await Promise.all(
      [1, 2, 3, 4].map((n) => aTariff(db, p.id, { energyPrice: `0.${n}000` })),
    );
    const group = await aGroup(db, p.id, { tariffId: groupT!.id, type: "home" });
    const owner = await aCustomer(db, p.id);
    const cp = await aChargePoint(db, p.id, { chargeGroupId: group.id, ownerCustomerId: owner.id });
    const user = await aCustomer(db, p.id, { type: "employee" });
    const company = await aCustomer(db, p.id, { type: "company" });
    const card = await aCard(db, p.id, { customerId: user.id, payerCustomerId: company.id });
    const snap = () =>
      resolveSessionSnapshot(db, { chargePointId: cp.id, connectorId: 1, cardId: card.id, at });

    expect(await snap()).toMatchObject({
      tariffSnapshot: { tariffId: groupT!.id, energyPrice: "0.1000", vatRate: "21.00", version: 1 },
      chargeGroupId: group.id,
      chargeGroupType: "home",
      userCustomerId: user.id,
      payerCustomerId: company.id,
      receiverCustomerId: owner.id,
      roaming: false,
    });
    await db.update(chargePoints).set({ tariffOverrideId: overrideT!.id }).where(eq(chargePoints.id, cp.id));
    expect((await snap()).tariffSnapshot?.tariffId).toBe(overrideT!.id);
    await db
      .insert(tariffExceptions)
      .values({ providerId: p.id, chargeGroupId: group.id, customerId: company.id, tariffId: payerT!.id });
    expect((await snap()).tariffSnapshot?.tariffId).toBe(payerT!.id);
    await db
      .insert(tariffExceptions)
      .values({ providerId: p.id, chargeGroupId: group.id, customerId: user.id, tariffId: userT!.id });
    expect((await snap()).tariffSnapshot?.tariffId).toBe(userT!.id);
  });
});
