import { createChargePoint } from "@voltlane/charge-point-simulator";
import { expect } from "vitest";
import type { ApiClient, TestServer } from "../helpers/test-server";

export const logins = {
  companyAdmin: { email: "alice@acme.test", password: "alice-password-1" },
  employee: { email: "eva@acme.test", password: "eva-password-12" },
  privateUser: { email: "piet@e2e.test", password: "piet-password-1" },
};

export type Seed = {
  companyId: string;
  employeeId: string;
  privateId: string;
  /** Unattached cards: one the company admin attaches, one the private user claims (R31). */
  spareCardId: string;
  claimableExternalId: string;
  period: string;
};

async function created<T = any>(res: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await res;
  expect(status, JSON.stringify(body)).toBeLessThan(300);
  return body;
}

/** The month before now as YYYY-MM, and a moment in it. */
function previousMonth(now = new Date()) {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return {
    period: start.toISOString().slice(0, 7),
    at: new Date(start.getTime() + 9 * 86_400_000 + 8 * 3_600_000),
  };
}

/**
 * Everything through the public API as the super admin: a company with its admin, an employee with web
 * access, a private user, a tariff, group, location, an active charge point of the company, cards,
 * sessions driven by the charge point simulator, and last month's invoice run.
 */
export async function seedPortal(server: TestServer, admin: ApiClient): Promise<Seed> {
  const address = { line1: "Stationsplein 1", postalCode: "1012 AB", city: "Amsterdam", country: "NL" };
  const company = await created(
    admin.post("/api/v1/customers", {
      type: "company",
      name: "Acme Fleet B.V.",
      email: "office@acme.test",
      address,
      admin: { name: "Alice Admin", ...logins.companyAdmin },
    }),
  );
  const employee = await created(
    admin.post("/api/v1/customers", {
      type: "employee",
      companyId: company.id,
      name: "Eva Employee",
      webAccess: true,
      ...logins.employee,
    }),
  );
  const privateUser = await created(
    admin.post("/api/v1/customers", {
      type: "private",
      name: "Piet Private",
      address,
      ...logins.privateUser,
    }),
  );
  const tariff = await created(
    admin.post("/api/v1/tariffs", {
      name: "Public",
      currency: "EUR",
      energyPrice: "0.3500",
      vatRate: "21.00",
    }),
  );
  const group = await created(
    admin.post("/api/v1/charge-groups", {
      code: "ACME",
      name: "Acme yard",
      type: "other",
      tariffId: tariff.id,
      access: "provider",
    }),
  );
  const location = await created(admin.post("/api/v1/locations", { name: "Acme HQ", address }));
  const connector = (connectorId: number) => ({
    connectorId,
    standard: "type2",
    powerType: "ac3",
    maxPowerW: 22_000,
  });
  await created(
    admin.post("/api/v1/charge-points", {
      id: "ACME-CP-1",
      name: "Acme yard 1",
      chargeGroupId: group.id,
      ownerCustomerId: company.id,
      locationId: location.id,
      connectors: [connector(1), connector(2)],
    }),
  );
  await created(admin.post("/api/v1/charge-points/ACME-CP-1/activate"));
  const card = (externalId: string, rfid: string, customerId?: string) =>
    created(
      admin.post("/api/v1/charge-cards", { externalId, rfid, customerId, label: externalId.slice(-8) }),
    );
  await card("NL-VLT-000101-1", "AC000101", employee.id);
  await card("NL-VLT-000102-1", "AC000102", privateUser.id);
  const spare = await card("NL-VLT-000103-1", "AC000103");
  await card("NL-VLT-000104-1", "AC000104");

  const { period, at } = previousMonth();
  const url = `${server.url.replace("http", "ws")}/ocpp`;
  const recent = new Date(Date.now() - 2 * 86_400_000);
  // One hour each, below the connectors' 22 kW so that R37 finds them plausible and billable.
  await driveSession(url, "AC000101", at, 12_345);
  await driveSession(url, "AC000102", new Date(at.getTime() + 86_400_000), 20_000);
  await driveSession(url, "AC000101", recent, 8_000);
  await driveSession(url, "AC000102", new Date(recent.getTime() + 3_600_000 * 3), 15_500);
  await created(admin.post("/api/v1/invoice-runs", { period }));
  return {
    companyId: company.id,
    employeeId: employee.id,
    privateId: privateUser.id,
    spareCardId: spare.id,
    claimableExternalId: "NL-VLT-000104-1",
    period,
  };
}

async function driveSession(url: string, idTag: string, at: Date, energyWh: number) {
  const cp = createChargePoint({ url, identity: "ACME-CP-1", clock: () => new Date(at), reconnect: false });
  try {
    await cp.start();
    const result = await cp.runSession({
      connectorId: 1,
      idTag,
      energyWh,
      durationS: 3_600,
      timeScale: 7_200,
    });
    expect(result.status).toBe("Accepted");
  } finally {
    await cp.close();
  }
}
