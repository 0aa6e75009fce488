import type { Clock } from "@voltlane/core";
import { createTestDatabase } from "@voltlane/db/testing";
import { loadConfig } from "../../apps/server/src/config";
import { serverExtensions } from "../../apps/server/src/extensions";
import { type RunningServer, startServer } from "../../apps/server/src/start-server";

export const testAdmin = { email: "admin@voltlane.test", password: "admin-password-1" };

export type TestServer = RunningServer & {
  admin: typeof testAdmin;
  /** Logs in and returns a client that sends the session cookie. */
  login: (email: string, password: string) => Promise<ApiClient>;
  /** A client without credentials. */
  anonymous: ApiClient;
};

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };
export type ApiClient = {
  get: <T = any>(path: string) => Promise<ApiResponse<T>>;
  post: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>;
  patch: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>;
  put: <T = any>(path: string, body?: unknown) => Promise<ApiResponse<T>>;
  delete: <T = any>(path: string) => Promise<ApiResponse<T>>;
  raw: (path: string, init?: RequestInit) => Promise<Response>;
};

function client(base: string, headers: Record<string, string>): ApiClient {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    get: (p) => call("GET", p),
    post: (p, b) => call("POST", p, b),
    patch: (p, b) => call("PATCH", p, b),
    put: (p, b) => call("PUT", p, b),
    delete: (p) => call("DELETE", p),
    raw: (p, init) =>
      fetch(`${base}${p}`, {
        ...init,
        headers: { ...headers, ...(init?.headers as Record<string, string>) },
      }),
  };
}

/**
 * The real server on a free port with a fresh database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set) and a known super administrator.
 */
export async function startTestServer(
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const database = await createTestDatabase();
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ADMIN_EMAIL: testAdmin.email,
    ADMIN_PASSWORD: testAdmin.password,
    ...options.env,
  });
  const server = await startServer(config, { database, clock: options.clock, extensions: serverExtensions });
  const base = server.url;
  return {
    ...server,
    admin: testAdmin,
    anonymous: client(base, {}),
    login: async (email, password) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      return client(base, { cookie });
    },
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}
