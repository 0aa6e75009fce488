import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

/** System users (R5), the audit log (R8) and the outbox (R63). */
describe("system users, audit and outbox", () => {
  let server: TestServer;
  let admin: ApiClient;
  let superId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    superId = (await admin.get("/api/v1/me")).body.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  it("creates a system user without password and queues an invitation", async () => {
    const res = await admin.post("/api/v1/system-users", {
      email: "Sam@Voltlane.test",
      name: "Sam",
      roles: ["support"],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: "sam@voltlane.test",
      roles: ["support"],
      isSuper: false,
      status: "active",
    });
    const outbox = await admin.get("/api/v1/outbox?status=pending");
    const mail = outbox.body.items.find(
      (m: { recipientEmail: string }) => m.recipientEmail === "sam@voltlane.test",
    );
    expect(mail).toMatchObject({ template: "invitation", recipientKind: "system", recipientId: res.body.id });
    expect(mail.body).toContain("/reset-password?token=");
    const list = await admin.get("/api/v1/system-users");
    expect(list.body.items.map((u: { email: string }) => u.email).sort()).toEqual([
      server.admin.email,
      "sam@voltlane.test",
    ]);
    const dup = await admin.post("/api/v1/system-users", { email: "sam@voltlane.test", name: "Again" });
    expect(dup.status).toBe(409);
    expect(
      (await admin.post("/api/v1/system-users", { email: "x@x.test", name: "X", roles: ["root"] })).status,
    ).toBe(400);
  });

  it("keeps at least one active super user (R5)", async () => {
    const demote = await admin.patch(`/api/v1/system-users/${superId}`, { isSuper: false });
    expect(demote.status).toBe(422);
    expect(demote.body.error).toMatchObject({ code: "business_rule", details: { rule: "R5" } });
    expect((await admin.patch(`/api/v1/system-users/${superId}`, { status: "disabled" })).status).toBe(422);
    const second = await admin.post("/api/v1/system-users", {
      email: "second@voltlane.test",
      name: "Second",
      isSuper: true,
      password: "second-password",
    });
    const disabled = await admin.patch(`/api/v1/system-users/${second.body.id}`, { status: "disabled" });
    expect(disabled.body.status).toBe("disabled");
    expect((await admin.patch(`/api/v1/system-users/${superId}`, { isSuper: false })).status).toBe(422);
    await admin.patch(`/api/v1/system-users/${second.body.id}`, { status: "active" });
    const prefs = await admin.patch(`/api/v1/system-users/${superId}`, {
      ticketNotify: "in_app",
      incidentNotify: "none",
    });
    expect(prefs.body).toMatchObject({ ticketNotify: "in_app", incidentNotify: "none", isSuper: true });
  });

  it("lets only super users manage system users; others see the outbox without bodies", async () => {
    await admin.post("/api/v1/system-users", {
      email: "ops@voltlane.test",
      name: "Ops",
      roles: ["admin"],
      password: "ops-password-1",
    });
    const ops = await server.login("ops@voltlane.test", "ops-password-1");
    expect((await ops.get("/api/v1/system-users")).status).toBe(403);
    expect((await ops.post("/api/v1/system-users", { email: "y@y.test", name: "Y" })).status).toBe(403);
    expect((await ops.patch(`/api/v1/system-users/${superId}`, { roles: [] })).status).toBe(403);
    const outbox = await ops.get("/api/v1/outbox");
    expect(outbox.status).toBe(200);
    expect(outbox.body.total).toBeGreaterThan(0);
    expect(outbox.body.items.every((m: { body: string | null }) => m.body === null)).toBe(true);
  });

  it("records every change in the audit log, visible per the matrix", async () => {
    const audit = await admin.get("/api/v1/audit?entityType=system_user&action=system_user.update");
    expect(audit.body.total).toBeGreaterThanOrEqual(3);
    const [latest] = audit.body.items;
    expect(latest).toMatchObject({ actorKind: "system_user", actorId: superId, entityId: superId });
    expect(latest.before.ticketNotify).toBe("email");
    expect(latest.after.ticketNotify).toBe("in_app");
    expect(latest.after.passwordHash).toBe("[redacted]");
    await admin.post("/api/v1/customers", {
      type: "private",
      name: "Pia",
      email: "pia@x.test",
      address: {},
      password: "pia-password-1",
    });
    const pia = await server.login("pia@x.test", "pia-password-1");
    expect((await pia.get("/api/v1/audit")).status).toBe(403);
    expect((await pia.get("/api/v1/outbox")).status).toBe(403);
    expect((await server.anonymous.get("/api/v1/audit")).status).toBe(401);
  });

  it("documents the endpoints in the OpenAPI document", async () => {
    const doc = await server.anonymous.get("/api/openapi.json");
    expect(doc.status).toBe(200);
    for (const path of [
      "/api/v1/customers",
      "/api/v1/customers/{id}/change-type",
      "/api/v1/system-users",
      "/api/v1/audit",
    ]) {
      expect(doc.body.paths[path]).toBeDefined();
    }
  });
});
