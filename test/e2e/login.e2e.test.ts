import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../helpers/test-server";

/**
 * The web shell's journey in a real browser against the real server: login, customers list, a new
 * company with its admin, its customer page, view as that customer and back, log out.
 */
const artifacts = resolve("test-artifacts");
const webDist = resolve("apps/web/dist/index.html");

let server: Awaited<ReturnType<typeof startTestServer>>;
let context: BrowserContext;
let page: Page;
let userDataDir: string;

/** A form field by its label; Mantine appends " *" to required ones. */
function field(label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

async function shot(name: string) {
  await page.screenshot({ path: join(artifacts, `login-${name}.png`), fullPage: true });
}

describe("web shell in a browser", () => {
  beforeAll(async () => {
    // The server serves apps/web/dist; build it when a fresh checkout has none.
    if (!existsSync(webDist))
      execFileSync("npm", ["run", "build", "-w", "@voltlane/web"], { stdio: "inherit" });
    await mkdir(artifacts, { recursive: true });
    server = await startTestServer();
    userDataDir = await mkdtemp(join(tmpdir(), "voltlane-chromium-"));
    // A fresh profile per run; launchPersistentContext is how playwright takes a user-data dir.
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
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it("logs in, creates a company with an admin, views as it and logs out", async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/login/);
    await page.getByRole("heading", { name: "Log in" }).waitFor();
    await shot("01-login");

    await field("E-mail").fill(server.admin.email);
    await field("Password").fill(server.admin.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByRole("heading", { name: "Customers", exact: true }).waitFor();
    await shot("02-customers");

    // Phone-sized: the navigation folds behind a burger.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Toggle navigation" }).click();
    await page
      .getByRole("navigation", { name: "Back office" })
      .getByRole("link", { name: "Charge points" })
      .click();
    await page.waitForURL(/\/charge-points$/);
    await page.getByText("Nothing here yet").waitFor();
    await shot("02b-phone-placeholder");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/customers`);
    await page.getByRole("heading", { name: "Customers", exact: true }).waitFor();

    await page.getByRole("link", { name: "New customer" }).click();
    await page.waitForURL(/\/customers\/new$/);
    // Company is the form's default type.
    await field("Company name").fill("Acme Fleet B.V.");
    await field("E-mail").fill("office@acme.test");
    await field("Street and number").fill("Stationsplein 1");
    await field("Postal code").fill("1012 AB");
    await field("City").fill("Amsterdam");
    await field("VAT number").fill("NL123456789B01");
    await field("Admin name").fill("Alice Admin");
    await field("Admin e-mail").fill("alice@acme.test");
    await field("Admin password").fill("alice-password-1");
    await shot("03-new-company");
    await page.getByRole("button", { name: "Create customer" }).click();

    await page.waitForURL(/\/customers\/[0-9a-f-]{36}\/dashboard$/);
    await page.getByRole("heading", { name: "Acme Fleet B.V." }).waitFor();
    for (const tab of ["Dashboard", "Attachments", "Payments", "Tickets"])
      await page.getByRole("tab", { name: tab }).waitFor();
    await page.getByRole("tab", { name: "Attachments" }).click();
    await page.waitForURL(/\/attachments$/);
    await shot("04-customer-page");

    await page.getByRole("button", { name: "View as customer" }).click();
    await page.getByText("Viewing as Acme Fleet B.V. — read only").waitFor();
    await page.waitForURL(/\/my\/dashboard$/);
    const nav = page.getByRole("navigation", { name: "My account" });
    for (const tab of [
      "Dashboard",
      "Overview",
      "Transactions",
      "Profile",
      "Invoices",
      "Employees",
      "Charge cards",
      "Charge points",
      "Tickets",
    ])
      await nav.getByRole("link", { name: tab, exact: true }).waitFor();
    // The company dashboard (issue #6): a new company has no stations yet.
    await page.getByText("No charging stations yet.").waitFor();
    await shot("05-view-as-dashboard");
    await nav.getByRole("link", { name: "Profile" }).click();
    await page.waitForURL(/\/my\/profile$/);
    expect(await field("Company name").inputValue()).toBe("Acme Fleet B.V.");
    expect(await field("Company name").isDisabled()).toBe(true);
    await shot("06-view-as-profile");

    await page.getByRole("button", { name: "Back to System User View" }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}\/dashboard$/);
    await page.getByRole("heading", { name: "Acme Fleet B.V." }).waitFor();
    expect(await page.getByText("Viewing as").count()).toBe(0);

    await page.getByRole("button", { name: /Account menu/ }).click();
    await page.getByRole("menuitem", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    await shot("07-logged-out");
    // The session is gone: the back office sends us to the login page again.
    await page.goto(`${server.url}/customers`);
    await page.waitForURL(/\/login\?redirect=/);
  }, 120_000);
});
