import type { Database } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aCard, aChargePoint, aCustomer, aGroup, aProvider, aTariff } from "../authorization/assets.fixtures";
import { billingChangesOf } from "../invoicing/invoice-run-lock";
import { fixedClock } from "../platform/clock";
import type { CoreDeps } from "../platform/deps";
import { closeInterruptedSessions } from "./close-interrupted-sessions";
import { startSession } from "./start-session";
import { stopSession } from "./stop-session";

/**
 * ADR 0007: the monthly run prepares chunks outside its lock and trusts them only while the
 * provider's count of billing changes stands still. Recomputing a session the server closed at a
 * reboot changes what it bills, so it must count; an ordinary stop completes a new session and a
 * replayed stop changes nothing, so neither counts.
 */
describe("stopping a session and the run's billing changes", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it("counts the recomputation of a boot-closed session, not an ordinary or a replayed stop", async () => {
    const { db } = database;
    const deps: CoreDeps = {
      db,
      clock: fixedClock("2026-05-01T12:00:00Z"),
      secretKey: "0".repeat(64),
      publicUrl: "http://localhost",
    };
    const provider = await aProvider(db);
    const tariff = await aTariff(db, provider.id, { energyPrice: "0.3500", vatRate: "21.00" });
    const group = await aGroup(db, provider.id, { access: "provider", tariffId: tariff.id });
    const cp = await aChargePoint(db, provider.id, { chargeGroupId: group.id });
    const driver = await aCustomer(db, provider.id, { status: "active" });
    const card = await aCard(db, provider.id, { customerId: driver.id, payerCustomerId: driver.id });
    const start = (hour: number, meterStartWh: number) =>
      startSession(deps, {
        chargePointId: cp.id,
        connectorId: 1,
        idTag: card.rfid,
        meterStartWh,
        startedAt: new Date(Date.UTC(2026, 3, 2, hour)),
      });
    const changes = () => billingChangesOf(db, provider.id);
    const before = await changes();

    const ordinary = await start(8, 0);
    const stop = {
      chargePointId: cp.id,
      ocppTransactionId: ordinary.ocppTransactionId,
      meterStopWh: 5_000,
      stoppedAt: new Date(Date.UTC(2026, 3, 2, 9)),
    };
    await stopSession(deps, stop);
    await stopSession(deps, stop); // replayed from the charger's queue
    expect(await changes()).toBe(before);

    const interrupted = await start(10, 5_000);
    expect(
      await closeInterruptedSessions(deps, {
        chargePointId: cp.id,
        bootedAt: new Date(Date.UTC(2026, 3, 2, 11)),
      }),
    ).toBe(1);
    expect(await changes()).toBe(before);
    await stopSession(deps, {
      chargePointId: cp.id,
      ocppTransactionId: interrupted.ocppTransactionId,
      meterStopWh: 12_000,
      stoppedAt: new Date(Date.UTC(2026, 3, 2, 10, 45)),
    });
    expect(await changes()).toBe(before + 1);
  });
});
