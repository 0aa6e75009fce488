import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultProviderId,
  fixturePassword,
  insertCompany,
  insertProvider,
  insertSystemUser,
} from "../../../../../packages/core/src/tickets/ticket-test-fixtures";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

// §6 System User View "Tickets: assign": any system user with ticket rights assigns to any other
// system user of the provider who handles tickets, not only to themselves.
describe("ticket assignees over HTTP", () => {
  let server: TestServer;
  let support: ApiClient;
  let viewer: ApiClient;
  let customer: ApiClient;
  let ids: { operations: string; viewer: string; foreign: string; support: string };
  let ticketId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const db = server.core.db;
    const providerId = await defaultProviderId(db);
    const supportRow = await insertSystemUser(db, providerId, {
      email: "assign-support@voltlane.test",
      roles: ["support"],
      name: "Sam Support",
    });
    const operations = await insertSystemUser(db, providerId, {
      email: "assign-ops@voltlane.test",
      roles: ["operations"],
      name: "Olga Operations",
    });
    const viewerRow = await insertSystemUser(db, providerId, {
      email: "assign-viewer@voltlane.test",
      roles: ["viewer"],
      name: "Vic Viewer",
    });
    const other = await insertProvider(db);
    const foreign = await insertSystemUser(db, other.id, { email: "assign-x@other.test", roles: ["admin"] });
    await insertCompany(db, providerId, "Assign BV", { email: "admin@assign.test" });
    ids = { operations: operations.id, viewer: viewerRow.id, foreign: foreign.id, support: supportRow.id };
    support = await server.login("assign-support@voltlane.test", fixturePassword);
    viewer = await server.login("assign-viewer@voltlane.test", fixturePassword);
    customer = await server.login("admin@assign.test", fixturePassword);
    const opened = await customer.post("/api/v1/tickets", {
      subject: "Card does not work",
      category: "card",
      message: "Please help",
    });
    expect(opened.status).toBe(201);
    ticketId = opened.body.id;
  });
  afterAll(async () => server?.close());

  it("lists the provider's ticket handlers to non-super staff, without viewers or other providers' staff", async () => {
    const res = await support.get("/api/v1/tickets/assignees");
    expect(res.status).toBe(200);
    const listed = res.body.items.map((u: { id: string }) => u.id);
    expect(listed).toEqual(expect.arrayContaining([ids.operations, ids.support]));
    expect(listed).not.toContain(ids.viewer);
    expect(listed).not.toContain(ids.foreign);
    expect(res.body.items.find((u: { id: string }) => u.id === ids.operations)).toEqual({
      id: ids.operations,
      name: "Olga Operations",
      email: "assign-ops@voltlane.test",
    });
  });

  it("refuses the list to customers and to read-only staff", async () => {
    expect((await customer.get("/api/v1/tickets/assignees")).status).toBe(403);
    expect((await viewer.get("/api/v1/tickets/assignees")).status).toBe(403);
  });

  it("assigns a ticket to another system user; a first assignment opens it (R61)", async () => {
    const res = await support.patch(`/api/v1/tickets/${ticketId}`, { assigneeId: ids.operations });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assigneeId: ids.operations, status: "open" });
    const viewerAssignee = await support.patch(`/api/v1/tickets/${ticketId}`, { assigneeId: ids.viewer });
    expect(viewerAssignee.status).toBe(422);
    const foreign = await support.patch(`/api/v1/tickets/${ticketId}`, { assigneeId: ids.foreign });
    expect(foreign.status).toBe(422);
    expect((await customer.patch(`/api/v1/tickets/${ticketId}`, { assigneeId: ids.support })).status).toBe(
      403,
    );
    const after = await support.get(`/api/v1/tickets/${ticketId}`);
    expect(after.body.assigneeId).toBe(ids.operations);
  });
});
