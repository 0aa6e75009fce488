import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../helpers/test-server";
import { field, launchBrowser, logIn, openSession, openTab, type Session } from "./browser-harness";
import { logins, type Seed, seedPortal } from "./portal-seed";

/**
 * Issue #6 part A in a real browser: one journey per customer role and a system user switching into a
 * company's view and back, on one server seeded through the API and the charge point simulator.
 */
describe("customer portal in a browser", () => {
  let server: TestServer;
  let admin: ApiClient;
  let browser: Browser;
  let seed: Seed;
  let session: Session;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    [seed, browser] = await Promise.all([seedPortal(server, admin), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function start(prefix: string) {
    await session?.context.close();
    session = await openSession(browser, prefix);
    return session;
  }

  it("company admin: every tab shows real data; adds an employee and attaches a card to them", async () => {
    const { page, errors, shot } = await start("company");
    await logIn(page, server.url, logins.companyAdmin.email, logins.companyAdmin.password);
    await page.waitForURL(/\/my\/dashboard$/);
    await page.getByRole("group", { name: "Energy used" }).getByText(/kWh/).waitFor();
    await page.getByRole("group", { name: "Acme yard 1" }).waitFor();
    await page
      .getByRole("table", { name: "Latest sessions on our charge points" })
      .getByText("ACME-CP-1")
      .first()
      .waitFor();
    await page.getByText("Per month", { exact: true }).click();
    await page.getByRole("radio", { name: "Per month" }).isChecked();
    await shot("01-dashboard");

    await openTab(page, "Overview", "overview");
    await page.getByRole("group", { name: "Revenue" }).waitFor();
    await openTab(page, "Transactions", "transactions");
    // R64: the employee's company-paid sessions (2) and the private user's on our charger (2).
    await page.getByText("4 in total").waitFor();
    await shot("02-transactions");
    await openTab(page, "Profile", "profile");
    await page.getByRole("heading", { name: "Payment details" }).waitFor();
    await openTab(page, "Invoices", "invoices");
    await page.getByRole("table", { name: "Invoices" }).getByRole("row").nth(1).waitFor();
    await shot("03-invoices");

    await openTab(page, "Employees", "employees");
    await page.getByRole("cell", { name: "Eva Employee", exact: true }).waitFor();
    await page.getByRole("button", { name: "Add employee" }).click();
    const dialog = page.getByRole("dialog", { name: "Add employee" });
    await dialog.getByLabel("Name").fill("Bob Driver");
    await dialog.getByLabel("E-mail").fill("bob@acme.test");
    await dialog.getByRole("button", { name: "Add employee" }).click();
    await page.getByRole("cell", { name: "Bob Driver", exact: true }).waitFor();
    await shot("04-employees");

    await openTab(page, "Charge cards", "charge-cards");
    await page.getByRole("cell", { name: "NL-VLT-000101-1", exact: true }).waitFor();
    await field(page, "Card number (as printed on the card)").fill("NL-VLT-000103-1");
    await page.getByRole("combobox", { name: "Attach to" }).click();
    await page.getByRole("option", { name: "Bob Driver" }).click();
    await page.getByRole("button", { name: "Attach a card" }).click();
    const attached = page.getByRole("row", { name: /NL-VLT-000103-1/ });
    await attached.getByText("Bob Driver").waitFor();
    await attached.getByText("Active").waitFor();
    await shot("05-cards");

    await openTab(page, "Charge points", "charge-points");
    await page.getByRole("button", { name: "Acme yard 1" }).click();
    await page.getByRole("dialog").getByRole("table", { name: "Sessions" }).waitFor();
    await page.keyboard.press("Escape");
    await openTab(page, "Tickets", "tickets");
    await page.getByRole("button", { name: "New ticket" }).waitFor();
    await shot("06-tickets");

    // Phone-sized: the dashboard still renders behind the burger.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/my/dashboard`);
    await page.getByRole("group", { name: "Acme yard 1" }).waitFor();
    await shot("07-phone-dashboard");
    expect(errors).toEqual([]);
  }, 90_000);

  it("employee: every tab renders; reports nothing but sees its company-paid card", async () => {
    const { page, errors, shot } = await start("employee");
    await logIn(page, server.url, logins.employee.email, logins.employee.password);
    await page.waitForURL(/\/my\/overview$/);
    await page.getByRole("heading", { name: "Reimbursements" }).waitFor();
    await page.getByRole("group", { name: "Energy used" }).waitFor();
    await shot("01-overview");
    await openTab(page, "Transactions", "transactions");
    await page.getByText("2 in total").waitFor();
    await openTab(page, "Profile", "profile");
    await openTab(page, "Invoices", "invoices");
    await openTab(page, "Charge cards", "charge-cards");
    await page.getByRole("cell", { name: "NL-VLT-000101-1", exact: true }).waitFor();
    // R28: employees cannot attach or claim, and cannot switch roaming.
    expect(await page.getByRole("button", { name: "Attach a card" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Claim a card" }).count()).toBe(0);
    await expect(
      page
        .getByRole("switch", { name: /Roaming for card/ })
        .first()
        .isDisabled(),
    ).resolves.toBe(true);
    await page.getByRole("button", { name: "Report lost" }).waitFor();
    await shot("02-cards");
    await openTab(page, "Charge points", "charge-points");
    await openTab(page, "Tickets", "tickets");
    expect(errors).toEqual([]);
  }, 60_000);

  it("private user: every tab renders; claims a card, opens a ticket and downloads an invoice PDF", async () => {
    const { page, errors, shot } = await start("private");
    await logIn(page, server.url, logins.privateUser.email, logins.privateUser.password);
    await page.waitForURL(/\/my\/overview$/);
    await page.getByRole("heading", { name: "Open invoices" }).waitFor();
    await shot("01-overview");
    await openTab(page, "Transactions", "transactions");
    await page.getByText("2 in total").waitFor();
    await openTab(page, "Profile", "profile");

    await openTab(page, "Invoices", "invoices");
    const pdf = page.getByRole("link", { name: /Download .* as PDF/ }).first();
    const [download] = await Promise.all([page.waitForEvent("download"), pdf.click()]);
    expect(download.suggestedFilename()).toMatch(/^03-.*\.pdf$/);
    expect(await download.failure()).toBeNull();
    await page.getByRole("table", { name: "Invoices" }).getByRole("button", { name: /^03-/ }).first().click();
    await page
      .getByRole("dialog", { name: "Invoice" })
      .getByRole("table", { name: "Invoice lines" })
      .waitFor();
    await shot("02-invoice");
    await page.keyboard.press("Escape");

    await openTab(page, "Charge cards", "charge-cards");
    await field(page, "Card number").fill(seed.claimableExternalId);
    await page.getByRole("button", { name: "Claim a card" }).click();
    await page.getByRole("cell", { name: seed.claimableExternalId, exact: true }).waitFor();
    await shot("03-cards");

    await openTab(page, "Charge points", "charge-points");
    await openTab(page, "Tickets", "tickets");
    await page.getByRole("button", { name: "New ticket" }).click();
    const dialog = page.getByRole("dialog", { name: "New ticket" });
    await dialog.getByLabel("Subject").fill("Charger was slow");
    await dialog.getByLabel("Message").fill("Only 3 kW at Acme yard yesterday.");
    await dialog.getByRole("button", { name: "Send" }).click();
    await page.getByRole("button", { name: "Charger was slow" }).click();
    await page.getByText("Only 3 kW at Acme yard yesterday.").waitFor();
    await shot("04-ticket");
    expect(errors).toEqual([]);
  }, 60_000);

  it("system user: company Dashboard, Attachments, Payments, Tickets; views as the company and back", async () => {
    const { page, errors, shot } = await start("system");
    await logIn(page, server.url, server.admin.email, server.admin.password);
    await page.waitForURL(/\/customers$/);
    await page.goto(`${server.url}/customers/${seed.companyId}/dashboard`);
    await page.getByRole("group", { name: "Acme yard 1" }).waitFor();
    await shot("01-dashboard");
    await page.getByRole("tab", { name: "Attachments" }).click();
    await page.getByRole("region", { name: "Charge points" }).getByText("ACME-CP-1").waitFor();
    await page.getByRole("region", { name: "Employees" }).getByText("Eva Employee").waitFor();
    await shot("02-attachments");
    await page.getByRole("tab", { name: "Payments" }).click();
    await page.waitForURL(/\/payments$/);
    await page.getByRole("heading", { name: "Payments", exact: true }).waitFor();
    await page.getByRole("tab", { name: "Tickets" }).click();
    await page.waitForURL(/\/tickets$/);
    await shot("03-tickets");

    await page.getByRole("button", { name: "View as customer" }).click();
    await page.getByText("Viewing as Acme Fleet B.V. — read only").waitFor();
    await page.waitForURL(/\/my\/dashboard$/);
    await page.getByRole("group", { name: "Acme yard 1" }).waitFor();
    await openTab(page, "Employees", "employees");
    // R7: read-only, so no way to add employees.
    expect(await page.getByRole("button", { name: "Add employee" }).count()).toBe(0);
    await shot("04-view-as");
    await page.getByRole("button", { name: "Back to System User View" }).click();
    await page.waitForURL(/\/customers/);
    expect(errors).toEqual([]);
  }, 60_000);
});
