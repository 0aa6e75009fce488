import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

describe("auth", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves health and readiness", async () => {
    expect((await server.anonymous.get("/healthz")).body).toEqual({ status: "ok" });
    expect((await server.anonymous.get("/readyz")).status).toBe(200);
  });

  it("answers 401 without a session and the same 401 for unknown e-mail and wrong password", async () => {
    const me = await server.anonymous.get("/api/v1/me");
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe("unauthenticated");
    const unknown = await server.anonymous.post("/api/v1/auth/login", {
      email: "nobody@x.test",
      password: "whatever-123",
    });
    const wrong = await server.anonymous.post("/api/v1/auth/login", {
      email: server.admin.email,
      password: "wrong-password",
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it("answers 401 before validating the body of a protected route", async () => {
    const res = await server.anonymous.post("/api/v1/api-tokens", { name: 5, unknown: true });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
  });

  it("logs in with an HttpOnly SameSite=Lax cookie and describes the user", async () => {
    const res = await server.anonymous.raw("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(server.admin),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/vl_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const admin = await server.login(server.admin.email, server.admin.password);
    const me = await admin.get("/api/v1/me");
    expect(me.body).toMatchObject({ email: server.admin.email, kind: "system", isSuper: true });
    expect(me.body.roles).toContain("super");
  });

  it("rejects bad input with the error format: unknown fields, wrong types, malformed JSON, oversized body", async () => {
    const unknownField = await server.anonymous.post("/api/v1/auth/login", { ...server.admin, extra: 1 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.code).toBe("validation_failed");
    const wrongType = await server.anonymous.post("/api/v1/auth/login", { email: 5, password: true });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.email",
      "body.password",
    ]);
    const malformed = await server.anonymous.raw("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("invalid_json");
    const huge = await server.anonymous.raw("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a", password: "x".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("body_too_large");
  });

  it("issues API tokens that act as their user", async () => {
    const admin = await server.login(server.admin.email, server.admin.password);
    const created = await admin.post("/api/v1/api-tokens", { name: "script" });
    expect(created.status).toBe(201);
    const res = await server.anonymous.raw("/api/v1/me", {
      headers: { authorization: `Bearer ${created.body.token}` },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).email).toBe(server.admin.email);
    const bad = await server.anonymous.raw("/api/v1/me", { headers: { authorization: "Bearer vlt_nope" } });
    expect(bad.status).toBe(401);
  });

  it("enrols TOTP and then requires the code at login", async () => {
    const admin = await server.login(server.admin.email, server.admin.password);
    const enrol = await admin.post("/api/v1/auth/otp/enroll");
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect((await admin.post("/api/v1/auth/otp/verify", { otp: "000000" })).status).toBe(400);
    const otp = await generate({ secret: enrol.body.secret });
    expect((await admin.post("/api/v1/auth/otp/verify", { otp })).status).toBe(204);
    const withoutCode = await server.anonymous.post("/api/v1/auth/login", server.admin);
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.error.code).toBe("otp_required");
    const withCode = await server.anonymous.post("/api/v1/auth/login", {
      ...server.admin,
      otp: await generate({ secret: enrol.body.secret }),
    });
    expect(withCode.status).toBe(200);
    expect(withCode.body.user.otpEnabled).toBe(true);
    // Leave the account as the other tests expect it.
    expect(
      (await admin.post("/api/v1/auth/otp/disable", { otp: await generate({ secret: enrol.body.secret }) }))
        .status,
    ).toBe(204);
  });

  it("logs out: the session no longer works", async () => {
    const admin = await server.login(server.admin.email, server.admin.password);
    expect((await admin.post("/api/v1/auth/logout")).status).toBe(204);
    expect((await admin.get("/api/v1/me")).status).toBe(401);
  });
});
