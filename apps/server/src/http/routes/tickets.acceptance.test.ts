import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultProviderId,
  fixturePassword,
  insertCompany,
  insertEmployee,
  insertSystemUser,
} from "../../../../../packages/core/src/tickets/ticket-test-fixtures";
import { startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

type Mail = { to: string[]; raw: string };

/** A local SMTP server without auth or TLS that keeps every message it receives. */
async function startSmtp() {
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  return { smtp, mails, port };
}

async function waitForMail(mails: Mail[], match: (m: Mail) => boolean, timeoutMs = 8_000): Promise<Mail> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = mails.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `no matching mail within ${timeoutMs} ms; got ${mails.map((m) => m.to.join(",")).join(" | ")}`,
  );
}

describe("acceptance: tickets reach the other side by real SMTP (issue #5)", () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let dataDir: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    dataDir = await mkdtemp(join(tmpdir(), "voltlane-tickets-"));
    server = await startTestServer({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, DATA_DIR: dataDir } });
    const db = server.core.db;
    const providerId = await defaultProviderId(db);
    await insertSystemUser(db, providerId, { email: "support@voltlane.test", roles: ["support"] });
    const acme = await insertCompany(db, providerId, "Acme", { email: "admin@acme.test" });
    await insertEmployee(db, providerId, acme.customer.id, { email: "eva@acme.test", name: "Eva" });
    await insertCompany(db, providerId, "Globex", { email: "admin@globex.test" });
  });
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.smtp.close(() => resolve()) : resolve()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("an employee's ticket mails the system users; the reply mails the employee; another company gets 404", async () => {
    const eva = await server.login("eva@acme.test", fixturePassword);
    const opened = await eva.post("/api/v1/tickets", {
      subject: "Card does not start a session",
      category: "card",
      message: "My card NL-VLT-000123-4 is refused at the office charger.",
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ status: "new", number: expect.stringMatching(/^T-\d{6}$/) });
    const number: string = opened.body.number;

    for (const address of [server.admin.email, "support@voltlane.test"]) {
      const mail = await waitForMail(smtp.mails, (m) => m.to.includes(address) && m.raw.includes(number));
      expect(mail.raw).toContain("Card does not start a session");
    }
    expect(smtp.mails.some((m) => m.to.includes("eva@acme.test"))).toBe(false);

    const support = await server.login("support@voltlane.test", fixturePassword);
    const reply = await support.post(`/api/v1/tickets/${opened.body.id}/messages`, {
      body: "Please try again now: we unblocked the card.",
    });
    expect(reply.status).toBe(201);
    const toEva = await waitForMail(smtp.mails, (m) => m.to.includes("eva@acme.test"));
    expect(toEva.raw).toContain("we unblocked the card");
    expect(toEva.raw).toContain(number);

    const globex = await server.login("admin@globex.test", fixturePassword);
    const foreign = await globex.get(`/api/v1/tickets/${opened.body.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("not_found");
  });
});
