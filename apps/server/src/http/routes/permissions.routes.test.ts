import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../../test/helpers/test-server";
import { aCustomer, aCustomerLogin, aStaff, defaultProviderId } from "./charging-assets.fixtures";

// GET /me/permissions: DOMAIN.md §2 for the logged-in user, so the web hides what it may not use.
describe("my permissions over HTTP", () => {
  let server: TestServer;
  let providerId: string;

  beforeAll(async () => {
    server = await startTestServer();
    providerId = await defaultProviderId(server);
  });
  afterAll(async () => server?.close());

  it("answers the matrix row for each system-user role", async () => {
    const viewer = await aStaff(server, providerId, ["viewer"]);
    const mine = (await viewer.get("/api/v1/me/permissions")).body;
    expect(mine.readOnly).toBe(false);
    expect(mine.permissions).toMatchObject({
      cards: "V",
      tickets_manage: "-",
      attachments: "V",
      payments: "V",
    });
    const support = await aStaff(server, providerId, ["support"]);
    expect((await support.get("/api/v1/me/permissions")).body.permissions).toMatchObject({
      cards: "F",
      tickets_manage: "F",
      payments: "V",
    });
    const combined = await aStaff(server, providerId, ["viewer", "finance"]);
    expect((await combined.get("/api/v1/me/permissions")).body.permissions.payments).toBe("F");
  });

  it("gives company admins own-scope card attach, employees none (R28)", async () => {
    const { customer: company, api: admin } = await aCustomerLogin(server, providerId, { type: "company" });
    const { api: employee } = await aCustomerLogin(server, providerId, {
      type: "employee",
      companyId: company.id,
    });
    expect((await admin.get("/api/v1/me/permissions")).body.permissions.cards_attach).toBe("O");
    expect((await employee.get("/api/v1/me/permissions")).body.permissions.cards_attach).toBe("-");
    expect((await server.anonymous.get("/api/v1/me/permissions")).status).toBe(401);
  });

  it("is read-only while a system user views as a customer (R7)", async () => {
    const support = await aStaff(server, providerId, ["support"]);
    const customer = await aCustomer(server, providerId, { type: "company" });
    expect((await support.post("/api/v1/view-as", { customerId: customer.id })).status).toBe(200);
    const viewing = (await support.get("/api/v1/me/permissions")).body;
    expect(viewing.readOnly).toBe(true);
    expect(viewing.permissions.cards_attach).toBe("O");
  });
});
