import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const artifacts = resolve("test-artifacts");
const webDist = resolve("apps/web/dist/index.html");

/** The server serves apps/web/dist; build it when a fresh checkout has none. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(webDist))
    execFileSync("npm", ["run", "build", "-w", "@voltlane/web"], { stdio: "inherit" });
  await mkdir(artifacts, { recursive: true });
  // launch() gives every context a fresh temporary profile (user-data dir).
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export type Session = {
  context: BrowserContext;
  page: Page;
  errors: string[];
  shot: (name: string) => Promise<void>;
};

/** One person's browser: its own cookies, console errors collected, confirm dialogs accepted. */
export async function openSession(browser: Browser, prefix: string): Promise<Session> {
  const context = await browser.newContext({
    locale: "en-GB",
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    // Before logging in, the app asks /me and gets the expected 401.
    const expected = msg.text().includes("401") && page.url().endsWith("/login");
    if (msg.type() === "error" && !expected) errors.push(`${msg.text()} @ ${page.url()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message} @ ${page.url()}`));
  page.on("dialog", (dialog) => void dialog.accept());
  const shot = async (name: string) => {
    await page.screenshot({ path: join(artifacts, `${prefix}-${name}.png`), fullPage: true });
  };
  return { context, page, errors, shot };
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await field(page, "E-mail").fill(email);
  await field(page, "Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** A form field by its label; Mantine appends " *" to required ones. */
export function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/** Clicks a tab of the customer portal navigation and waits for its heading. */
export async function openTab(page: Page, name: string, path: string) {
  await page.getByRole("navigation", { name: "My account" }).getByRole("link", { name, exact: true }).click();
  await page.waitForURL(new RegExp(`/my/${path}$`));
  await page.getByRole("heading", { name, exact: true, level: 2 }).waitFor();
}

/** A seeding API call that must answer `status`; its body (a failed seed names the answer). */
export async function ok<T = any>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const answer = await res;
  if (answer.status !== status)
    throw new Error(`seed failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
