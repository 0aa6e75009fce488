import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import { aCustomer, aCustomerLogin, startAdminServer } from "./charging-assets.fixtures";

// §6 System User View, Attachments: assets are listed by what people call them, not by raw ids.
describe("attachments tab names the assets", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
  });
  afterAll(async () => server?.close());

  it("shows charge point name and id, card number and label, group name and code, grid name", async () => {
    const company = await aCustomer(server, providerId, { type: "company", name: "Names BV" });
    await admin.post("/api/v1/charge-points", { id: "CP-NAMED", name: "Gate 1" });
    const card = await admin.post("/api/v1/charge-cards", {
      externalId: "NL-VLT-NAMES-1",
      rfid: "0A0B0C",
      label: "Van 7",
      customerId: company.id,
    });
    expect(card.status).toBe(201);
    const group = await admin.post("/api/v1/charge-groups", { code: "NAMES", name: "Office" });
    const grid = await admin.post("/api/v1/grids", { name: "Basement", maxCurrent: 63 });
    expect(grid.status).toBe(201);
    for (const body of [
      { assetType: "charge_point", assetId: "CP-NAMED", role: "cp_receiver" },
      { assetType: "charge_group", assetId: group.body.id, role: "group_member" },
      { assetType: "grid", assetId: grid.body.id, role: "grid_viewer" },
    ])
      expect((await admin.post(`/api/v1/customers/${company.id}/attachments`, body)).status).toBe(201);

    const tab = await admin.get(`/api/v1/customers/${company.id}/attachments`);
    expect(tab.status).toBe(200);
    expect(tab.body.chargePoints.map((i: { name: string }) => i.name)).toEqual(["Gate 1 (CP-NAMED)"]);
    expect(tab.body.chargeCards.map((i: { name: string }) => i.name)).toEqual([
      "NL-VLT-NAMES-1 (Van 7)",
      "NL-VLT-NAMES-1 (Van 7)",
    ]);
    expect(tab.body.chargeGroups.map((i: { name: string }) => i.name)).toEqual(["Office (NAMES)"]);
    expect(tab.body.grids.map((i: { name: string }) => i.name)).toEqual(["Basement"]);
    // The company's own view lists the same names; another company sees nothing of it (R4).
    const { api: stranger } = await aCustomerLogin(server, providerId, { type: "company" });
    expect((await stranger.get(`/api/v1/customers/${company.id}/attachments`)).status).toBe(404);
  });
});
