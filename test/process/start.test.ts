import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

type Started = { child: ChildProcess; output: () => string; base: string };

async function start(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const port = await freePort();
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return { child, output: () => out, base };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not serve /healthz within 60 s:\n${out}`);
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => s.child.once("exit", (code) => resolve(code)));
  s.child.kill("SIGTERM");
  return exited;
}

describe("the server process (npm start)", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "voltlane-start-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts on an empty DATA_DIR, prints a generated admin password once, stops on SIGTERM and keeps its data", async () => {
    const first = await start(dataDir);
    const match = first.output().match(/password: (\S+)/);
    expect(match).not.toBeNull();
    const password = match![1]!;
    const login = await fetch(`${first.base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@voltlane.local", password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    const token = await fetch(`${first.base}/api/v1/api-tokens`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ name: "kept across restarts" }),
    });
    expect(token.status).toBe(201);
    const { token: apiToken } = (await token.json()) as { token: string };
    expect(await stop(first)).toBe(0);

    const second = await start(dataDir);
    try {
      // No second administrator, and what the first run wrote is still there.
      expect(second.output()).not.toMatch(/First administrator created/);
      const me = await fetch(`${second.base}/api/v1/me`, {
        headers: { authorization: `Bearer ${apiToken}` },
      });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe("admin@voltlane.local");
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 180_000);

  it("refuses to start with a readable list of every bad variable", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
      env: { ...process.env, PORT: "not-a-port", DATABASE_URL: "mysql://x", ADMIN_EMAIL: "nope" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/Invalid configuration/);
    expect(err).toMatch(/PORT/);
    expect(err).toMatch(/DATABASE_URL/);
    expect(err).toMatch(/ADMIN_EMAIL/);
  }, 60_000);
});
