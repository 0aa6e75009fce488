import type { Database } from "@voltlane/db";
import { tariffExceptions } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCard, aChargePoint, aCustomer, aGroup, aProvider, aTariff } from "./assets.fixtures";
import { resolveSessionSnapshot, tariffInForce } from "./resolve-session-snapshot";

const from = new Date("2026-06-01T00:00:00Z");
const to = new Date("2026-07-01T00:00:00Z");
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("tariffInForce (R33)", () => {
  it.each([
    ["one millisecond before validFrom", ms(from, -1), false],
    ["exactly validFrom", from, true],
    ["inside", new Date("2026-06-15T12:00:00Z"), true],
    ["one millisecond before validTo", ms(to, -1), true],
    ["exactly validTo", to, false],
  ])("%s", (_name, at, expected) => {
    expect(tariffInForce({ validFrom: from, validTo: to }, at)).toBe(expected);
  });

  it("treats open ends as unbounded", () => {
    expect(tariffInForce({ validFrom: null, validTo: null }, new Date("1990-01-01"))).toBe(true);
    expect(tariffInForce({ validFrom: from, validTo: null }, new Date("2099-01-01"))).toBe(true);
    expect(tariffInForce({ validFrom: null, validTo: to }, ms(to, -1))).toBe(true);
  });
});

describe("the tariff in force at session start prices the session (R33, R22)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it("skips a candidate outside its validity for the next one in R22 order, at the boundaries", async () => {
    const { db } = database;
    const p = await aProvider(db);
    const groupTariff = await aTariff(db, p.id, { name: "group", energyPrice: "0.3000" });
    const summer = await aTariff(db, p.id, {
      name: "summer",
      energyPrice: "0.2000",
      validFrom: from,
      validTo: to,
    });
    const group = await aGroup(db, p.id, { access: "provider", tariffId: groupTariff.id });
    const cp = await aChargePoint(db, p.id, { chargeGroupId: group.id, tariffOverrideId: summer.id });
    const user = await aCustomer(db, p.id);
    const card = await aCard(db, p.id, { customerId: user.id, payerCustomerId: user.id });
    const tariffAt = async (at: Date) =>
      (await resolveSessionSnapshot(db, { chargePointId: cp.id, connectorId: 1, cardId: card.id, at }))
        .tariffSnapshot?.name;

    expect(await tariffAt(ms(from, -1))).toBe("group");
    expect(await tariffAt(from)).toBe("summer");
    expect(await tariffAt(ms(to, -1))).toBe("summer");
    expect(await tariffAt(to)).toBe("group");

    // An exception for the user wins while it is in force, and steps aside once it has ended.
    const personal = await aTariff(db, p.id, { name: "personal", validTo: new Date("2026-06-10T00:00:00Z") });
    await db.insert(tariffExceptions).values({
      providerId: p.id,
      chargeGroupId: group.id,
      customerId: user.id,
      tariffId: personal.id,
    });
    expect(await tariffAt(new Date("2026-06-09T23:59:59Z"))).toBe("personal");
    expect(await tariffAt(new Date("2026-06-10T00:00:00Z"))).toBe("summer");
  });

  it("leaves a session unpriced when no candidate is in force", async () => {
    const { db } = database;
    const p = await aProvider(db);
    const ended = await aTariff(db, p.id, { validTo: from });
    const group = await aGroup(db, p.id, { access: "provider", tariffId: ended.id });
    const cp = await aChargePoint(db, p.id, { chargeGroupId: group.id });
    const user = await aCustomer(db, p.id);
    const card = await aCard(db, p.id, { customerId: user.id, payerCustomerId: user.id });
    const snapshot = await resolveSessionSnapshot(db, {
      chargePointId: cp.id,
      connectorId: 1,
      cardId: card.id,
      at: from,
    });
    expect(snapshot.tariffSnapshot).toBeNull();
    const before = await resolveSessionSnapshot(db, {
      chargePointId: cp.id,
      connectorId: 1,
      cardId: card.id,
      at: ms(from, -1),
    });
    expect(before.tariffSnapshot?.tariffId).toBe(ended.id);
  });
});
