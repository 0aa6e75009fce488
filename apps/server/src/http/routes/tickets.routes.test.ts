import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEntries, notifications } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultProviderId,
  fixturePassword,
  insertCompany,
  insertEmployee,
  insertProvider,
  insertSystemUser,
} from "../../../../../packages/core/src/tickets/ticket-test-fixtures";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const pdf = Buffer.from("%PDF-1.4\n% a tiny pdf\n");

function form(files: { name: string; type: string; bytes: Buffer }[]) {
  const body = new FormData();
  for (const f of files) body.append("file", new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return body;
}

describe("tickets API (R60, R61, R62, R8)", () => {
  let server: TestServer;
  let dataDir: string;
  let eva: ApiClient;
  let acmeAdmin: ApiClient;
  let globexAdmin: ApiClient;
  let support: ApiClient;
  let foreignStaff: ApiClient;
  let ids: { support: string; evaLogin: string; acme: string; eva: string; acmeAdminLogin: string };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "voltlane-tickets-"));
    server = await startTestServer({ env: { DATA_DIR: dataDir } });
    const db = server.core.db;
    const providerId = await defaultProviderId(db);
    const supportUser = await insertSystemUser(db, providerId, {
      email: "support@voltlane.test",
      roles: ["support"],
      ticketNotify: "in_app",
    });
    const acme = await insertCompany(db, providerId, "Acme", { email: "admin@acme.test" });
    const evaRow = await insertEmployee(db, providerId, acme.customer.id, {
      email: "eva@acme.test",
      name: "Eva",
    });
    await insertCompany(db, providerId, "Globex", { email: "admin@globex.test" });
    const other = await insertProvider(db);
    await insertSystemUser(db, other.id, { email: "staff@other.test", roles: ["admin"] });
    ids = {
      support: supportUser.id,
      evaLogin: evaRow.login.id,
      acme: acme.customer.id,
      eva: evaRow.customer.id,
      acmeAdminLogin: acme.login.id,
    };
    eva = await server.login("eva@acme.test", fixturePassword);
    acmeAdmin = await server.login("admin@acme.test", fixturePassword);
    globexAdmin = await server.login("admin@globex.test", fixturePassword);
    support = await server.login("support@voltlane.test", fixturePassword);
    foreignStaff = await server.login("staff@other.test", fixturePassword);
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const open = (client: ApiClient, body: Record<string, unknown> = {}) =>
    client.post("/api/v1/tickets", { subject: "Help", category: "question", message: "Hello", ...body });

  it("shows a ticket to its customer and staff only: not to the employer's admin, another company or provider", async () => {
    const t = await open(eva, {
      relatedAsset: { type: "charge_card", id: "NL-VLT-000123-4" },
      priority: "high",
    });
    expect(t.status).toBe(201);
    expect(t.body).toMatchObject({ status: "new", customerId: ids.eva, priority: "high" });
    expect((await eva.get(`/api/v1/tickets/${t.body.id}`)).body.relatedAsset).toEqual({
      type: "charge_card",
      id: "NL-VLT-000123-4",
    });
    for (const outsider of [acmeAdmin, globexAdmin, foreignStaff]) {
      expect((await outsider.get(`/api/v1/tickets/${t.body.id}`)).status).toBe(404);
      expect((await outsider.post(`/api/v1/tickets/${t.body.id}/messages`, { body: "x" })).status).toBe(404);
    }
    expect(
      (await acmeAdmin.get("/api/v1/tickets")).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(t.body.id);
    expect((await foreignStaff.get("/api/v1/tickets")).body.total).toBe(0);
    // R60: a customer opens tickets only for itself.
    expect(
      (
        await acmeAdmin.post("/api/v1/tickets", {
          subject: "s",
          category: "other",
          message: "m",
          customerId: ids.eva,
        })
      ).status,
    ).toBe(404);
    // Staff open for a named customer.
    const forAcme = await open(support, { customerId: ids.acme });
    expect(forAcme.status).toBe(201);
    expect((await acmeAdmin.get(`/api/v1/tickets/${forAcme.body.id}`)).status).toBe(200);
    expect((await open(support)).status).toBe(400);
  });

  it("keeps internal notes from the customer and notifies nobody on the customer side", async () => {
    const t = await open(eva);
    const before = await server.core.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, ids.evaLogin));
    const note = await support.post(`/api/v1/tickets/${t.body.id}/messages`, {
      body: "VIP, be nice",
      internal: true,
    });
    expect(note.status).toBe(201);
    const after = await server.core.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientId, ids.evaLogin));
    expect(after).toHaveLength(before.length);
    const seenByEva = await eva.get(`/api/v1/tickets/${t.body.id}`);
    expect(seenByEva.body.messages.map((m: { body: string }) => m.body)).toEqual(["Hello"]);
    expect(seenByEva.body.status).toBe("new"); // a note is no response
    const seenByStaff = await support.get(`/api/v1/tickets/${t.body.id}`);
    expect(seenByStaff.body.messages.map((m: { internal: boolean }) => m.internal)).toEqual([false, true]);
    expect(
      (await eva.post(`/api/v1/tickets/${t.body.id}/messages`, { body: "x", internal: true })).status,
    ).toBe(403);
    expect(
      (await eva.post(`/api/v1/tickets/${t.body.id}/messages`, { body: "x".repeat(10_001) })).status,
    ).toBe(400);
  });

  it("follows the R61 lifecycle through replies and PATCH; closed is final", async () => {
    const t = await open(eva);
    const path = `/api/v1/tickets/${t.body.id}`;
    await support.post(`${path}/messages`, { body: "Which charger?" });
    const afterReply = (await eva.get(path)).body;
    expect(afterReply.status).toBe("open");
    expect(afterReply.firstResponseAt).not.toBeNull();
    expect((await support.patch(path, { status: "waiting_on_customer" })).body.status).toBe(
      "waiting_on_customer",
    );
    await eva.post(`${path}/messages`, { body: "The one at the office" });
    expect((await eva.get(path)).body.status).toBe("open");
    const resolved = await support.patch(path, { status: "resolved" });
    expect(resolved.body).toMatchObject({ status: "resolved", resolvedAt: expect.any(String) });
    const mail = await server.core.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, ids.evaLogin), eq(notifications.template, "ticket_resolved")));
    expect(mail.map((m) => m.channel).sort()).toEqual(["email", "in_app"]);
    expect((await eva.patch(path, { priority: "urgent" })).status).toBe(403);
    expect((await eva.patch(path, { status: "open" })).status).toBe(403);
    const closed = await eva.patch(path, { status: "closed" });
    expect(closed.body).toMatchObject({ status: "closed", closedAt: expect.any(String) });
    for (const attempt of [
      await eva.post(`${path}/messages`, { body: "one more thing" }),
      await support.patch(path, { status: "open" }),
      await eva.patch(path, { status: "closed" }),
    ]) {
      expect(attempt.status).toBe(422);
      expect(attempt.body.error.details.rule).toBe("R61");
    }
    const audit = await server.core.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, t.body.id));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["ticket.open", "ticket.reply", "ticket.update"]),
    );
    expect(audit.length).toBeGreaterThanOrEqual(6);
  });

  it("opens a new ticket on assignment and refuses assignees who do not handle tickets", async () => {
    const t = await open(eva, { subject: "Assign me" });
    const path = `/api/v1/tickets/${t.body.id}`;
    expect((await support.patch(path, { assigneeId: ids.evaLogin })).status).toBe(422);
    const assigned = await support.patch(path, { assigneeId: ids.support, priority: "urgent" });
    expect(assigned.body).toMatchObject({ status: "open", assigneeId: ids.support, priority: "urgent" });
    // R62: with an assignee, a customer reply goes to the assignee only.
    await eva.post(`${path}/messages`, { body: "any news?" });
    const toStaff = await server.core.db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "ticket_reply_to_staff"));
    const forThis = toStaff.filter((n) => n.payload.ticketId === t.body.id);
    expect(forThis.map((n) => n.recipientId)).toEqual([ids.support]);
  });

  it("filters the queue and counts per status", async () => {
    await open(eva, { subject: "Invoice 03-VLT-000042 too high", category: "billing" });
    const billing = await support.get("/api/v1/tickets?category=billing&q=VLT-000042");
    expect(billing.body.items.map((i: { subject: string }) => i.subject)).toEqual([
      "Invoice 03-VLT-000042 too high",
    ]);
    const all = await support.get("/api/v1/tickets?pageSize=2");
    expect(all.body.items).toHaveLength(2);
    const counted = Object.values(all.body.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(counted).toBe(all.body.total);
    const closed = await support.get("/api/v1/tickets?status=closed");
    expect(closed.body.items.every((i: { status: string }) => i.status === "closed")).toBe(true);
    expect(closed.body.total).toBe(all.body.counts.closed);
    expect(closed.body.counts).toEqual(all.body.counts);
    const unassigned = await support.get("/api/v1/tickets?assigneeId=none");
    expect(unassigned.body.items.some((i: { assigneeId: string | null }) => i.assigneeId !== null)).toBe(
      false,
    );
    expect((await support.get(`/api/v1/tickets?assigneeId=${ids.support}`)).body.total).toBe(1);
    expect((await support.get("/api/v1/tickets?olderThanHours=1")).body.total).toBe(0);
    expect((await support.get("/api/v1/tickets?status=bogus")).status).toBe(400);
    const mine = await eva.get(`/api/v1/tickets?customerId=${ids.acme}`);
    expect(mine.body.total).toBe(0); // a customer's own scope cannot be widened by a filter
  });

  it("takes attachments within the limits and serves them with the ticket's visibility", async () => {
    const t = await open(eva, { subject: "Photo of the charger" });
    const base = `/api/v1/tickets/${t.body.id}`;
    const upload = (client: ApiClient, messageId: string, files: Parameters<typeof form>[0]) =>
      client.raw(`${base}/messages/${messageId}/files`, { method: "POST", body: form(files) });
    const ok = await upload(eva, t.body.messageId, [
      { name: "charger.png", type: "image/png", bytes: png },
      { name: "../../receipt.pdf", type: "application/pdf", bytes: pdf },
    ]);
    expect(ok.status).toBe(201);
    const { items } = (await ok.json()) as { items: { id: string; filename: string; size: number }[] };
    expect(items.map((f) => [f.filename, f.size])).toEqual([
      ["charger.png", png.length],
      ["receipt.pdf", pdf.length],
    ]);
    const download = await support.raw(`${base}/files/${items[0]!.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    expect((await globexAdmin.raw(`${base}/files/${items[0]!.id}`)).status).toBe(404);

    const refused = async (files: Parameters<typeof form>[0], status: number, client = eva) => {
      const res = await upload(client, t.body.messageId, files);
      expect(res.status).toBe(status);
      return res;
    };
    await refused([{ name: "evil.png", type: "image/png", bytes: Buffer.from("MZ not an image") }], 415);
    await refused([{ name: "page.html", type: "text/html", bytes: Buffer.from("<script>") }], 415);
    await refused(
      [
        {
          name: "big.pdf",
          type: "application/pdf",
          bytes: Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]),
        },
      ],
      413,
    );
    const four = Array.from({ length: 4 }, (_, i) => ({
      name: `n${i}.txt`,
      type: "text/plain",
      bytes: Buffer.from(`note ${i}`),
    }));
    await refused(four, 422); // 2 stored + 4 > 5 per message
    await refused([{ name: "x.txt", type: "text/plain", bytes: Buffer.from("x") }], 403, support); // not the author
    expect((await support.get(base)).body.messages[0].files).toHaveLength(2); // refusals stored nothing

    const note = await support.post(`${base}/messages`, { body: "log attached", internal: true });
    const noteFile = await upload(support, note.body.id, [
      { name: "log.txt", type: "text/plain", bytes: Buffer.from("trace") },
    ]);
    expect(noteFile.status).toBe(201);
    const [internalFile] = ((await noteFile.json()) as { items: { id: string }[] }).items;
    expect((await eva.raw(`${base}/files/${internalFile!.id}`)).status).toBe(404);
    expect((await support.raw(`${base}/files/${internalFile!.id}`)).status).toBe(200);
  });

  it("lets a system user view as the customer read-only (R7) and documents the endpoints", async () => {
    const t = await open(eva, { subject: "Seen through view-as" });
    const admin = await server.login(server.admin.email, server.admin.password);
    expect((await admin.post("/api/v1/view-as", { customerId: ids.eva })).status).toBe(200);
    expect((await admin.get(`/api/v1/tickets/${t.body.id}`)).body.messages).toHaveLength(1);
    const write = await admin.post(`/api/v1/tickets/${t.body.id}/messages`, { body: "as Eva" });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe("view_as_read_only");
    expect((await admin.patch(`/api/v1/tickets/${t.body.id}`, { status: "closed" })).status).toBe(403);
    const openapi = await server.anonymous.get("/api/openapi.json");
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/tickets",
        "/api/v1/tickets/{id}/messages/{messageId}/files",
        "/api/v1/notifications",
        "/api/v1/me/notification-preferences",
      ]),
    );
  });

  it("lists own in-app notifications unread first, marks them read, and keeps preferences per system user", async () => {
    const t = await open(eva, { subject: "Ping the support inbox" });
    const inbox = await support.get("/api/v1/notifications");
    expect(inbox.status).toBe(200);
    const ours = inbox.body.items.find(
      (n: { payload: { ticketId: string } }) => n.payload.ticketId === t.body.id,
    );
    expect(ours).toMatchObject({ template: "ticket_new", readAt: null });
    expect(inbox.body.unread).toBeGreaterThan(0);
    const read = await support.post(`/api/v1/notifications/${ours.id}/read`);
    expect(read.body.readAt).not.toBeNull();
    const again = await support.get("/api/v1/notifications");
    expect(again.body.unread).toBe(inbox.body.unread - 1);
    const order = again.body.items.map((n: { readAt: string | null }) => n.readAt !== null);
    expect(order).toEqual([...order].sort()); // unread (false) before read (true)
    expect((await eva.post(`/api/v1/notifications/${ours.id}/read`)).status).toBe(404);

    expect((await eva.patch("/api/v1/me/notification-preferences", { ticketNotify: "none" })).status).toBe(
      403,
    );
    expect((await support.patch("/api/v1/me/notification-preferences", { ticketNotify: "sms" })).status).toBe(
      400,
    );
    const prefs = await support.patch("/api/v1/me/notification-preferences", { ticketNotify: "none" });
    expect(prefs.body).toEqual({ ticketNotify: "none", incidentNotify: "email" });
    const quiet = await open(eva, { subject: "Nobody hears this one" });
    const after = await support.get("/api/v1/notifications");
    expect(
      after.body.items.some((n: { payload: { ticketId: string } }) => n.payload.ticketId === quiet.body.id),
    ).toBe(false);
  });
});
