import type { SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { buildLocalList, syncChangedLocalLists } from "@voltlane/core";
import { attachments, chargeGroups, wallets } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayOf } from "../../apps/server/src/ocpp/gateway";
import { createOcppLocalListSender } from "../../apps/server/src/ocpp/local-list/ocpp-local-list-sender";
import { type ApiClient, startTestServer, type TestServer } from "../helpers/test-server";
import { aCard, aChargingSite, aCustomer, simulator } from "./ocpp-fixtures";

type Site = Awaited<ReturnType<typeof aChargingSite>>;

/** Issue #3 item 7: the local authorization list, full sync over the API and differential follow-ups. */
describe("local authorization list", () => {
  let server: TestServer;
  let admin: ApiClient;
  let site: Site;
  let cp: SimulatedChargePoint;
  let memberCard: Awaited<ReturnType<typeof aCard>>;
  const cards: Record<string, Awaited<ReturnType<typeof aCard>>> = {};
  const sync = () => admin.post(`/api/v1/charge-points/${site.chargePointId}/local-list/sync`);
  const followUp = () =>
    syncChangedLocalLists(server.core, createOcppLocalListSender(gatewayOf(server.core)!.router));

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    site = await aChargingSite(server);
    const db = server.core.db;
    const member = await aCustomer(db, site.providerId, "Member");
    await db.insert(attachments).values({
      providerId: site.providerId,
      customerId: member.id,
      assetType: "charge_group",
      assetId: site.group.id,
      role: "group_member",
      validFrom: new Date(Date.now() - 60_000),
    });
    memberCard = await aCard(db, site.providerId, member.id);
    cards.blocked = await aCard(db, site.providerId, site.driver.id, "blocked");
    cards.inactive = await aCard(db, site.providerId, site.driver.id, "inactive");
    cards.expired = await aCard(db, site.providerId, site.driver.id, "active", new Date(Date.now() - 1_000));
    cp = simulator(server, site.chargePointId, { password: site.password });
    await cp.start();
  });
  afterAll(async () => {
    await cp?.close();
    await server?.close();
  });

  it("a full sync sends the cards R32 would accept here (access provider: all active cards)", async () => {
    const res = await sync();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ updateType: "Full", listVersion: 1, status: "Accepted", entries: 2 });
    expect(cp.localList.listVersion).toBe(1);
    expect(cp.localList.lookup(memberCard.rfid)?.status).toBe("Accepted");
    expect(cp.localList.lookup(site.card.rfid)?.status).toBe("Accepted");
    for (const card of Object.values(cards)) expect(cp.localList.lookup(card.rfid)).toBeUndefined();
  });

  it("caps the list and keeps members' cards first; access attached leaves only members' and the receiver's", async () => {
    const at = new Date();
    expect((await buildLocalList(server.core.db, site.chargePointId, at, 1)).map((e) => e.idTag)).toEqual([
      memberCard.rfid,
    ]);
    await server.core.db
      .update(chargeGroups)
      .set({ access: "attached" })
      .where(eq(chargeGroups.id, site.group.id));
    const attachedOnly = await buildLocalList(server.core.db, site.chargePointId, at, 1000);
    expect(attachedOnly.map((e) => e.idTag)).toEqual([memberCard.rfid]);
    await server.core.db
      .update(chargeGroups)
      .set({ access: "provider" })
      .where(eq(chargeGroups.id, site.group.id));
  });

  it("leaves wallet cards out: offline a charger cannot know the balance (R32 #8)", async () => {
    const db = server.core.db;
    const walletCard = await aCard(db, site.providerId, site.driver.id);
    const before = await buildLocalList(db, site.chargePointId, new Date(), 1000);
    expect(before.map((e) => e.idTag)).toContain(walletCard.rfid);
    await db.insert(wallets).values({ providerId: site.providerId, cardId: walletCard.id, currency: "EUR" });
    const after = await buildLocalList(db, site.chargePointId, new Date(), 1000);
    expect(after.map((e) => e.idTag)).not.toContain(walletCard.rfid);
    expect(after.map((e) => e.idTag)).toContain(site.card.rfid);
  });

  it("blocking and unblocking a card go out as differential updates with the next versions", async () => {
    expect((await followUp()).every((r) => r.updateType === "None")).toBe(true);
    expect((await admin.post(`/api/v1/charge-cards/${site.card.id}/block`, { reason: "lost" })).status).toBe(
      200,
    );
    const [blocked] = await followUp();
    expect(blocked).toMatchObject({ updateType: "Differential", listVersion: 2, status: "Accepted" });
    expect(cp.localList.lookup(site.card.rfid)?.status).toBe("Blocked");
    const diff = cp.received.filter((c) => c.action === "SendLocalList").at(-1)!.params;
    expect(diff).toMatchObject({ updateType: "Differential", listVersion: 2 });
    expect((diff as { localAuthorizationList: unknown[] }).localAuthorizationList).toHaveLength(1);

    expect((await admin.post(`/api/v1/charge-cards/${site.card.id}/unblock`)).status).toBe(200);
    const [unblocked] = await followUp();
    expect(unblocked).toMatchObject({ updateType: "Differential", listVersion: 3, status: "Accepted" });
    expect(cp.localList.lookup(site.card.rfid)?.status).toBe("Accepted");
  });

  it("a detached card is removed; a charger that lost track gets a full update", async () => {
    expect((await admin.post(`/api/v1/charge-cards/${memberCard.id}/detach`)).status).toBe(200);
    await followUp();
    expect(cp.localList.lookup(memberCard.rfid)).toBeUndefined();
    expect(cp.localList.listVersion).toBe(4);
    // Someone sent the charger another list by hand: it refuses our next differential update.
    const manual = await admin.post(`/api/v1/charge-points/${site.chargePointId}/commands`, {
      type: "SendLocalList",
      params: { listVersion: 10, updateType: "Full", localAuthorizationList: [] },
    });
    expect(manual.body.result.status).toBe("Accepted");
    await server.core.db
      .update(chargeGroups)
      .set({ access: "attached" })
      .where(eq(chargeGroups.id, site.group.id));
    const [result] = await followUp();
    expect(result).toMatchObject({ updateType: "Full", listVersion: 5, status: "Accepted", entries: 0 });
    expect(cp.localList.listVersion).toBe(5);
  });

  it("answers 404 for an unknown charge point", async () => {
    expect((await admin.post("/api/v1/charge-points/NOPE/local-list/sync")).status).toBe(404);
  });
});
