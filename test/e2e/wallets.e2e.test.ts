import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../helpers/test-server";
import { field, launchBrowser, logIn, ok, openSession, openTab, type Session } from "./browser-harness";

/**
 * Wallets in a browser (R29, R39, §6): finance deposits into a card's wallet on the back-office cards
 * page, the card's private user sees balance and ledger on the Charge Cards tab, and the Payments
 * page has its Netting tab (R59).
 */
const driver = { email: "wanda@wallet.test", password: "wallet-password-1" };
const finance = { email: "fin@voltlane.test", name: "Fin Finance", password: "finance-password-1" };
const cardNumber = "NL-VLT-WALLET-1";

describe("wallets in a browser", () => {
  let server: TestServer;
  let admin: ApiClient;
  let browser: Browser;
  let session: Session | undefined;

  async function seed() {
    const customer = await ok(
      admin.post("/api/v1/customers", {
        type: "private",
        name: "Wanda Wallet",
        email: driver.email,
        password: driver.password,
        address: { line1: "Dam 2", postalCode: "1012 JS", city: "Amsterdam", country: "NL" },
      }),
    );
    const card = await ok(admin.post("/api/v1/charge-cards", { externalId: cardNumber, rfid: "04EE0001" }));
    await ok(admin.post(`/api/v1/charge-cards/${card.id}/attach`, { customerId: customer.id }), 200);
    await ok(admin.post("/api/v1/system-users", { ...finance, roles: ["finance"] }));
  }

  beforeAll(async () => {
    server = await startTestServer({ env: { JOBS: "false" } });
    admin = await server.login(server.admin.email, server.admin.password);
    [, browser] = await Promise.all([seed(), launchBrowser()]);
  }, 180_000);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await server?.close();
  });

  async function start(prefix: string, email: string, password: string) {
    await session?.context.close();
    session = await openSession(browser, prefix);
    await logIn(session.page, server.url, email, password);
    await session.page.waitForURL((url) => !url.pathname.endsWith("/login"));
    return session;
  }

  it("finance deposits into a card's wallet and sees the Netting tab", async () => {
    const { page, errors, shot } = await start("wallet-finance", finance.email, finance.password);
    await page.goto(`${server.url}/charge-cards`);
    await page.getByRole("heading", { name: "Charge cards", level: 2 }).waitFor();
    await page
      .getByRole("row")
      .filter({ hasText: cardNumber })
      .getByRole("button", { name: "Show wallet" })
      .click();
    const dialog = page.getByRole("dialog", { name: `Wallet of card ${cardNumber}` });
    await dialog.getByText(/This card has no wallet/).waitFor();
    await field(page, "Amount received").fill("25.00");
    await field(page, "Payment reference (optional)").fill("BANK-2501");
    await dialog.getByRole("button", { name: "Deposit" }).click();
    await page.getByText("Deposit booked.").waitFor();
    await dialog.getByTestId("wallet-balance").getByText("€25.00").waitFor();
    await dialog.getByRole("cell", { name: "BANK-2501" }).waitFor();
    await shot("01-deposit");
    await page.keyboard.press("Escape");

    await page.goto(`${server.url}/payments`);
    await page.getByRole("tab", { name: "Netting" }).click();
    await page.getByText("Nothing to net").waitFor();
    await shot("02-netting-tab");
    expect(errors).toEqual([]);
  }, 120_000);

  it("the card's user sees the wallet balance and its ledger on the Charge Cards tab", async () => {
    const { page, errors, shot } = await start("wallet-driver", driver.email, driver.password);
    await openTab(page, "Charge cards", "charge-cards");
    const balance = page
      .getByRole("row")
      .filter({ hasText: cardNumber })
      .getByRole("button", { name: "Show wallet" });
    await balance.getByText("€25.00").waitFor();
    await balance.click();
    const dialog = page.getByRole("dialog", { name: `Wallet of card ${cardNumber}` });
    await dialog.getByRole("cell", { name: "Deposit" }).waitFor();
    await dialog.getByRole("cell", { name: "BANK-2501" }).waitFor();
    await shot("03-customer-wallet");
    expect(errors).toEqual([]);
  }, 120_000);
});
