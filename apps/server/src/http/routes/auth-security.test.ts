import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeQuotedPrintable, startSmtpSink } from "../../../../../test/helpers/smtp-sink";
import { startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

describe("account security", () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    server = await startTestServer({ env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  async function newStaff(email: string, roles: string[] = ["support"]) {
    const admin = await server.login(server.admin.email, server.admin.password);
    const { hashPassword } = await import("@voltlane/core");
    const { systemUsers } = await import("@voltlane/db");
    const me = await admin.get("/api/v1/me");
    await server.core.db.insert(systemUsers).values({
      providerId: me.body.providerId,
      email,
      name: email,
      roles,
      passwordHash: await hashPassword("correct-horse-1"),
    });
  }

  it("locks an account after five failed logins, even for the right password", async () => {
    await newStaff("lock@voltlane.test");
    for (let i = 0; i < 5; i++) {
      const r = await server.anonymous.post("/api/v1/auth/login", {
        email: "lock@voltlane.test",
        password: "wrong-one-1",
      });
      expect(r.status).toBe(401);
    }
    const locked = await server.anonymous.post("/api/v1/auth/login", {
      email: "lock@voltlane.test",
      password: "correct-horse-1",
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("account_locked");
  });

  it("resets a password through a one-time link e-mailed over SMTP", async () => {
    await newStaff("reset@voltlane.test");
    const asked = await server.anonymous.post("/api/v1/auth/password-reset", {
      email: "reset@voltlane.test",
    });
    expect(asked.status).toBe(202);
    // Unknown addresses get the same answer and no mail.
    expect(
      (await server.anonymous.post("/api/v1/auth/password-reset", { email: "ghost@voltlane.test" })).status,
    ).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes("reset@voltlane.test"));
    const token = decodeQuotedPrintable(mail.raw).match(/token=([A-Za-z0-9_%-]+)/)?.[1];
    expect(token).toBeTruthy();
    const confirm = { token: decodeURIComponent(token!), newPassword: "a-brand-new-password" };
    expect((await server.anonymous.post("/api/v1/auth/password-reset/confirm", confirm)).status).toBe(204);
    // One time only.
    expect((await server.anonymous.post("/api/v1/auth/password-reset/confirm", confirm)).status).toBe(400);
    await expect(server.login("reset@voltlane.test", "a-brand-new-password")).resolves.toBeDefined();
    expect(smtp.mails.some((m) => m.to.includes("ghost@voltlane.test"))).toBe(false);
  });

  it("enforces TOTP enrolment for system users when the provider requires it", async () => {
    const admin = await server.login(server.admin.email, server.admin.password);
    await newStaff("totp@voltlane.test");
    expect((await admin.patch("/api/v1/provider", { settings: { requireTwoFactor: true } })).status).toBe(
      200,
    );
    try {
      const staff = await server.login("totp@voltlane.test", "correct-horse-1");
      const me = await staff.get("/api/v1/me");
      expect(me.body.otpEnrollmentRequired).toBe(true);
      const blocked = await staff.get("/api/v1/provider");
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe("otp_enrollment_required");
      const enrol = await staff.post("/api/v1/auth/otp/enroll");
      expect(
        (await staff.post("/api/v1/auth/otp/verify", { otp: await generate({ secret: enrol.body.secret }) }))
          .status,
      ).toBe(204);
      expect((await staff.get("/api/v1/provider")).status).toBe(200);
      // The admin who switched it on must enrol too before doing anything else.
      expect((await admin.get("/api/v1/provider")).body.error.code).toBe("otp_enrollment_required");
    } finally {
      const { providers } = await import("@voltlane/db");
      const [row] = await server.core.db.select().from(providers);
      await server.core.db.update(providers).set({ settings: { ...row!.settings, requireTwoFactor: false } });
    }
  });

  it("lets only super and admin change provider settings, and only the platform operator create providers", async () => {
    await newStaff("viewer@voltlane.test", ["viewer"]);
    const viewer = await server.login("viewer@voltlane.test", "correct-horse-1");
    expect((await viewer.get("/api/v1/provider")).status).toBe(200);
    const denied = await viewer.patch("/api/v1/provider", { name: "Hijacked" });
    expect(denied.status).toBe(403);
    expect((await viewer.post("/api/v1/providers", {})).status).toBe(400);
    const admin = await server.login(server.admin.email, server.admin.password);
    const created = await admin.post("/api/v1/providers", {
      slug: "other-cpo",
      name: "Other CPO",
      invoicePrefix: "OTH",
      admin: { email: "boss@other.test", name: "Boss", password: "other-boss-password" },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await viewer.post("/api/v1/providers", {
          ...created.body,
          slug: "x",
          invoicePrefix: "XX",
          admin: { email: "a@b.c", name: "a" },
        })
      ).status,
    ).toBe(400);
    const duplicate = await admin.post("/api/v1/providers", {
      slug: "other-cpo",
      name: "Again",
      invoicePrefix: "OT2",
      admin: { email: "x@other.test", name: "X" },
    });
    expect(duplicate.status).toBe(409);
    // The other provider's super user sees its own provider only, and cannot create providers.
    const boss = await server.login("boss@other.test", "other-boss-password");
    expect((await boss.get("/api/v1/provider")).body.slug).toBe("other-cpo");
    expect((await boss.get("/api/v1/providers")).status).toBe(403);
  });
});
