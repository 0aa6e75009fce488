import { randomBytes } from "node:crypto";
import type { Database } from "@voltlane/db";
import { openDatabase } from "@voltlane/db";
import { dropDatabase, withDatabase } from "@voltlane/db/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../apps/server/src/config";
import { serverExtensions } from "../../apps/server/src/extensions";
import { type RunningServer, startServer } from "../../apps/server/src/start-server";
import { type TestServer, testAdmin } from "../helpers/test-server";
import { aChargingSite, simulator } from "./ocpp-fixtures";

const pgTemplate = inject("pgTemplate");
const REDIS_URL = "redis://127.0.0.1:6379";

/** Two server processes' worth of servers on one PostgreSQL database, routed through Redis. */
describe.skipIf(!pgTemplate)(
  "multi-process command routing through Redis (PostgreSQL only: skipped without TEST_DATABASE_URL)",
  () => {
    const name = `voltlane_t_${randomBytes(6).toString("hex")}`;
    const databases: Database[] = [];
    const servers: RunningServer[] = [];

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: pgTemplate!.url });
      await admin.connect();
      await admin.query(`create database "${name}" template "${pgTemplate!.template}"`);
      await admin.end();
      for (let i = 0; i < 2; i++) {
        const database = await openDatabase({
          databaseUrl: withDatabase(pgTemplate!.url, name),
          migrate: false,
          poolSize: 4,
        });
        databases.push(database);
        const config = loadConfig({
          PORT: "0",
          HOST: "127.0.0.1",
          LOG_LEVEL: "silent",
          ADMIN_EMAIL: testAdmin.email,
          ADMIN_PASSWORD: testAdmin.password,
          REDIS_URL,
          JOBS: "false",
        });
        servers.push(await startServer(config, { database, extensions: serverExtensions }));
      }
    });
    afterAll(async () => {
      for (const server of servers) await server.close();
      for (const database of databases) await database.close();
      if (pgTemplate) await dropDatabase(pgTemplate.url, name);
    });

    const login = async (server: RunningServer) => {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(testAdmin),
      });
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      return (type: string, chargePointId: string, params: Record<string, unknown> = {}) =>
        fetch(`${server.url}/api/v1/charge-points/${chargePointId}/commands`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ type, params, timeoutSeconds: 5 }),
        }).then(async (r) => ({ status: r.status, body: await r.json() }));
    };

    it("a command issued on one process reaches a charge point connected to the other, and comes back", async () => {
      const [a, b] = servers as [RunningServer, RunningServer];
      const site = await aChargingSite(b as TestServer);
      const cp = simulator(b as TestServer, site.chargePointId, { password: site.password });
      await cp.start();
      const sendViaA = await login(a);
      const answer = await sendViaA("ChangeConfiguration", site.chargePointId, {
        key: "HeartbeatInterval",
        value: "120",
      });
      expect(answer).toEqual({ status: 200, body: { result: { status: "Accepted" } } });
      expect(cp.received.map((c) => c.action)).toContain("ChangeConfiguration");
      await cp.close();
      // Once the socket is gone its presence key is removed: the other process answers offline.
      await new Promise((r) => setTimeout(r, 200));
      const offline = await sendViaA("ClearCache", site.chargePointId);
      expect(offline.status).toBe(409);
    });
  },
);
