import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createChargePoint } from "@voltlane/charge-point-simulator";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../helpers/test-server";
import { ok } from "./browser-harness";

/**
 * Issue #6 part B: a system user walks every back-office page with real data (seeded over the API,
 * one session driven by the simulator), sends a remote command and starts an invoice run.
 */
const artifacts = resolve("test-artifacts");
const webDist = resolve("apps/web/dist/index.html");
const CP = "CP-BO-1";

let server: TestServer;
let admin: ApiClient;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let station: ReturnType<typeof createChargePoint>;
const consoleErrors: string[] = [];

async function seed() {
  const tariff = await ok(
    admin.post("/api/v1/tariffs", { name: "Public AC", energyPrice: "0.3500", vatRate: "21.00" }),
  );
  const group = await ok(
    admin.post("/api/v1/charge-groups", {
      code: "PUB",
      name: "Public chargers",
      type: "other",
      access: "provider",
      tariffId: tariff.id,
    }),
  );
  const location = await ok(
    admin.post("/api/v1/locations", { name: "Depot", address: { city: "Utrecht", country: "NL" } }),
  );
  const company = await ok(
    admin.post("/api/v1/customers", {
      type: "company",
      name: "Fleet Co B.V.",
      email: "office@fleet.test",
      address: { line1: "Kade 1", postalCode: "3511 AA", city: "Utrecht", country: "NL" },
      admin: { email: "admin@fleet.test", name: "Fiona Fleet", password: "fleet-password-1" },
    }),
  );
  await ok(
    admin.post("/api/v1/charge-points", {
      id: CP,
      name: "Depot charger",
      chargeGroupId: group.id,
      ownerCustomerId: company.id,
      locationId: location.id,
    }),
  );
  await ok(admin.post(`/api/v1/charge-points/${CP}/activate`), 200);
  await ok(
    admin.post("/api/v1/charge-cards", {
      externalId: "NL-VLT-000777-1",
      rfid: "04AABBCCDD",
      customerId: company.id,
    }),
  );
  await ok(admin.post("/api/v1/grids", { name: "Depot grid", maxCurrent: 63 }));
}

async function shot(name: string) {
  await page.screenshot({ path: join(artifacts, `back-office-${name}.png`), fullPage: true });
}

/** Follows a back-office menu entry and waits for its page heading. */
async function visit(menu: string, heading = menu) {
  await page
    .getByRole("navigation", { name: "Back office" })
    .getByRole("link", { name: menu, exact: true })
    .click();
  await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
}

describe("back office in a browser", () => {
  beforeAll(async () => {
    if (!existsSync(webDist))
      execFileSync("npm", ["run", "build", "-w", "@voltlane/web"], { stdio: "inherit" });
    await mkdir(artifacts, { recursive: true });
    server = await startTestServer({ env: { JOBS: "false" } });
    admin = await server.login(server.admin.email, server.admin.password);
    await seed();
    station = createChargePoint({
      url: `${server.url.replace("http", "ws")}/ocpp`,
      identity: CP,
      reconnect: false,
    });
    await station.start();
    const session = await station.runSession({
      connectorId: 1,
      idTag: "04AABBCCDD",
      energyWh: 7_500,
      durationS: 1_800,
      timeScale: 3_600,
    });
    expect(session.status).toBe("Accepted");

    userDataDir = await mkdtemp(join(tmpdir(), "voltlane-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      locale: "en-GB",
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await station?.close();
    await server?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it("visits every back-office page, sends a remote command and starts an invoice run", async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/^E-mail/).fill(server.admin.email);
    await page.getByLabel(/^Password/).fill(server.admin.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/customers$/);
    // The login page probes GET /me, which answers 401 before logging in; count errors from here on.
    consoleErrors.length = 0;

    await visit("Charge points");
    const row = page.getByRole("row").filter({ hasText: CP });
    await row.getByText("Online").waitFor();
    await shot("01-charge-points");

    await page.getByRole("link", { name: CP }).click();
    await page.getByRole("heading", { name: "Depot charger" }).waitFor();
    await page.getByRole("tab", { name: "Sessions" }).click();
    await page.getByRole("cell", { name: "7.5 kWh", exact: true }).waitFor();
    await page.getByRole("tab", { name: "Energy" }).click();
    await page.getByText("Energy per day (last 30 days)").waitFor();
    await page.getByRole("tab", { name: "OCPP log" }).click();
    await page.getByRole("cell", { name: "StopTransaction", exact: true }).first().waitFor();
    await page.getByRole("tab", { name: "Commands" }).click();
    await page.getByRole("button", { name: "Send" }).click(); // GetConfiguration, all keys
    await page.getByText("The charge point answered").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("command-answer").textContent()).toContain("configurationKey");
    await shot("02-charge-point-command");

    await visit("Charge groups");
    await page.getByRole("link", { name: "Public chargers" }).waitFor();
    await visit("Grids");
    await page.getByRole("link", { name: "Depot grid" }).click();
    await page.getByText("Live allocation").waitFor();
    await visit("Charge cards");
    await page.getByRole("cell", { name: "NL-VLT-000777-1", exact: true }).waitFor();
    await visit("Tariffs");
    await page.getByRole("cell", { name: "Public AC", exact: true }).waitFor();
    await visit("Transactions");
    await page.getByRole("link", { name: `${CP}/1` }).waitFor();
    await shot("03-transactions");

    await visit("Invoices & runs");
    await page.getByRole("tab", { name: "Invoice runs" }).click();
    await page.getByRole("button", { name: "Start run" }).click();
    await page.getByText("Invoice run finished.").waitFor({ timeout: 20_000 });
    await page.getByRole("table", { name: "Invoice runs" }).getByText("Completed").waitFor();
    await shot("04-invoice-runs");

    await visit("Payments");
    await visit("Tickets");
    await visit("System users");
    await page.getByRole("cell", { name: server.admin.email, exact: true }).waitFor();
    await visit("Outbox");
    await visit("Audit log");
    await page.getByRole("cell", { name: "charge_point.register", exact: true }).first().waitFor();
    await visit("Settings", "Provider settings");
    await page.getByLabel(/^Invoice run day/).waitFor();
    await shot("05-settings");

    // Phone-sized: the charge point list still works behind the burger.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Toggle navigation" }).click();
    await visit("Charge points");
    await shot("06-phone-charge-points");

    expect(consoleErrors).toEqual([]);
  }, 90_000);
});
