import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../helpers/test-server";
import { launchBrowser, logIn, openSession, type Session } from "./browser-harness";

/**
 * Issue #6, tables: a back-office list sorted by a header click is sorted by the server across pages,
 * and its CSV and XLSX exports hold every row of the filter in that order, not just the page shown.
 */
const COUNT = 55; // more than one page of 50
const names = Array.from({ length: COUNT }, (_, i) => `Tariff ${String(i + 1).padStart(2, "0")}`);

let server: TestServer;
let admin: ApiClient;
let browser: Browser;
let session: Session;

function nameCells(page: Page) {
  return page.getByRole("table", { name: "Tariffs" }).locator("tbody tr td:first-child");
}

async function download(page: Page, format: "CSV" | "Excel (XLSX)"): Promise<Buffer> {
  await page.getByRole("button", { name: "Export" }).click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: format }).click(),
  ]);
  return readFile((await file.path())!);
}

describe("tables in a browser: server sort across pages, CSV and XLSX of all rows", () => {
  beforeAll(async () => {
    server = await startTestServer({ env: { JOBS: "false" } });
    admin = await server.login(server.admin.email, server.admin.password);
    for (const name of names) {
      const res = await admin.post("/api/v1/tariffs", { name, energyPrice: "0.3500", vatRate: "21.00" });
      if (res.status !== 201) throw new Error(`seed failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    // An archived tariff is outside the page's filter (active only) and must stay out of the files.
    const archived = await admin.post("/api/v1/tariffs", {
      name: "Tariff 99",
      energyPrice: "1.0000",
      vatRate: "21.00",
    });
    await admin.delete(`/api/v1/tariffs/${archived.body.id}`);
    browser = await launchBrowser();
    session = await openSession(browser, "tables");
  }, 180_000);

  afterAll(async () => {
    await session?.context.close();
    await browser?.close();
    await server?.close();
  });

  it("sorts the tariffs by a header click and exports every row in that order", async () => {
    const { page } = session;
    await logIn(page, server.url, server.admin.email, server.admin.password);
    await page
      .getByRole("navigation", { name: "Back office" })
      .getByRole("link", { name: "Tariffs", exact: true })
      .click();
    await page.getByRole("heading", { name: "Tariffs", level: 2 }).waitFor();
    await expect.poll(() => nameCells(page).first().textContent()).toBe("Tariff 01");

    const header = page.getByRole("columnheader", { name: "Name" });
    await header.getByRole("button").click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    await header.getByRole("button").click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    // The server sorted the whole list: the last tariff (page 2 when ascending) now leads page 1.
    await expect.poll(() => nameCells(page).first().textContent()).toBe("Tariff 55");
    expect(await nameCells(page).count()).toBe(50);
    await session.shot("01-sorted-desc");
    await page.getByRole("button", { name: "2", exact: true }).click();
    await expect
      .poll(() => nameCells(page).allTextContents())
      .toEqual(["Tariff 05", "Tariff 04", "Tariff 03", "Tariff 02", "Tariff 01"]);
    await session.shot("02-sorted-desc-page-2");

    const expected = [...names].reverse();
    const csv = (await download(page, "CSV")).toString("utf8").trim().split("\r\n");
    expect(csv[0]?.startsWith("Name,")).toBe(true);
    expect(csv.slice(1).map((line) => line.split(",")[0])).toEqual(expected);

    const workbook = new ExcelJS.Workbook();
    const xlsx = await download(page, "Excel (XLSX)");
    await workbook.xlsx.load(new Uint8Array(xlsx).buffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers[0]).toBe("Name");
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(COUNT + 1);
    const column = (title: string) => headers.indexOf(title) + 1;
    expect(Array.from({ length: COUNT }, (_, i) => sheet.getRow(i + 2).getCell(1).value)).toEqual(expected);
    const energy = sheet.getRow(2).getCell(column("Energy price per kWh"));
    expect(energy.value).toBe(0.35);
    expect(energy.numFmt).toBe("0.0000");
    expect(session.errors).toEqual([]);
  }, 120_000);
});
