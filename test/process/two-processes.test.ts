import { randomBytes } from "node:crypto";
import type { SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { createChargePoint } from "@voltlane/charge-point-simulator";
import { bootstrapPlatform } from "@voltlane/core";
import { auditEntries, chargePoints, type Database, jobLocks, openDatabase, tickets } from "@voltlane/db";
import { dropDatabase, withDatabase } from "@voltlane/db/testing";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, type ServerProcess, startServerProcess } from "../../bench/lib/server-process";
import {
  aCard,
  aChargeGroup,
  aChargePoint,
  aCustomer,
  eventually,
  operatorProviderId,
  uid,
} from "../ocpp/ocpp-fixtures";

const pgTemplate = inject("pgTemplate");
const REDIS_URL = "redis://127.0.0.1:6379";
const admin = { email: "two-processes@voltlane.test", password: "two-processes-1" };
/** Every exclusive scheduled job the server registers (ocpp, smart charging, local lists, tickets, invoices). */
const EXCLUSIVE_JOBS = [
  "ticket-auto-close",
  "ocpp-log-prune",
  "ocpp-stale-offline",
  "smart-charging-watch",
  "smart-charging",
  "local-list-sync",
  "invoice-run",
];

/**
 * Horizontal scale (issue #8): two real server OS processes (`apps/server/src/main.ts`, as `npm start`
 * runs it) on one PostgreSQL database and one Redis, charge points spread over both. PGlite belongs to
 * one process, so this runs on PostgreSQL only.
 */
describe.skipIf(!pgTemplate)(
  "two server processes on one database and one Redis (PostgreSQL only: PGlite is owned by a single process; set TEST_DATABASE_URL)",
  () => {
    const name = `voltlane_2p_${randomBytes(6).toString("hex")}`;
    const password = `pw-${uid()}-secret`;
    let database: Database;
    let ticketId: string;
    const processes: ServerProcess[] = [];
    /** Two charge points on each process: [p1a, p1b, p2a, p2b]. */
    const cps: SimulatedChargePoint[] = [];
    const ids: string[] = [];

    beforeAll(async () => {
      const pgAdmin = new pg.Client({ connectionString: pgTemplate!.url });
      await pgAdmin.connect();
      await pgAdmin.query(`create database "${name}" template "${pgTemplate!.template}"`);
      await pgAdmin.end();
      const url = withDatabase(pgTemplate!.url, name);
      database = await openDatabase({ databaseUrl: url, migrate: false, poolSize: 2 });
      const db = database.db;
      await bootstrapPlatform(db, { adminEmail: admin.email, adminPassword: admin.password });
      const providerId = await operatorProviderId(db);
      const { group } = await aChargeGroup(db, providerId);
      const driver = await aCustomer(db, providerId);
      for (let i = 0; i < 4; i++)
        ids.push(await aChargePoint(db, providerId, { password, groupId: group.id }));
      await aCard(db, providerId, driver.id);
      // R61: a ticket resolved a month ago is due for the auto-close job as soon as a process starts.
      const monthAgo = new Date(Date.now() - 30 * 86_400_000);
      const [ticket] = await db
        .insert(tickets)
        .values({
          providerId,
          number: `T-${uid()}`,
          customerId: driver.id,
          createdByKind: "customer",
          createdById: driver.id,
          subject: "Resolved long ago",
          category: "question",
          status: "resolved",
          resolvedAt: monthAgo,
        })
        .returning();
      ticketId = ticket!.id;

      // Both start at once and race for every job's lease.
      const env = {
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: "4",
        REDIS_URL,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
      };
      const ports = [await freePort(), await freePort()];
      const started = await Promise.allSettled(
        ports.map((port) => startServerProcess({ port, env, readyTimeoutMs: 180_000 })),
      );
      for (const s of started) if (s.status === "fulfilled") processes.push(s.value);
      const failed = started.find((s) => s.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;

      for (const [i, id] of ids.entries()) {
        const server = processes[i < 2 ? 0 : 1]!;
        const cp = createChargePoint({
          url: server.ocppUrl,
          identity: id,
          password,
          connectors: 1,
          reconnect: false,
          callTimeoutMs: 15_000,
        });
        expect((await cp.start()).status).toBe("Accepted");
        cps.push(cp);
      }
    }, 300_000);

    afterAll(async () => {
      await Promise.allSettled(cps.map((cp) => cp.close()));
      const exits = await Promise.all(processes.map((p) => p.stop()));
      await database?.close();
      if (pgTemplate) await dropDatabase(pgTemplate.url, name);
      // Graceful shutdown of both processes (SIGTERM → exit 0).
      expect(exits).toEqual(processes.map(() => 0));
    }, 60_000);

    const api = async (server: ServerProcess) => {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(admin),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      return async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${server.url}/api/v1${path}`, {
          method,
          headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      };
    };

    it("a remote command issued through one process's API reaches a charge point on the other and its answer comes back", async () => {
      const [p1, p2] = processes as [ServerProcess, ServerProcess];
      const viaP1 = await api(p1);
      const viaP2 = await api(p2);
      const onP2 = cps[2]!;
      const answer = await viaP1("POST", `/charge-points/${ids[2]}/commands`, {
        type: "ChangeConfiguration",
        params: { key: "HeartbeatInterval", value: "120" },
        timeoutSeconds: 15,
      });
      expect(answer).toEqual({ status: 200, body: { result: { status: "Accepted" } } });
      expect(onP2.received.filter((c) => c.action === "ChangeConfiguration")).toHaveLength(1);
      // The charger really applied it: its configuration, read back through the other process.
      const read = await viaP1("POST", `/charge-points/${ids[2]}/commands`, {
        type: "GetConfiguration",
        params: { key: ["HeartbeatInterval"] },
        timeoutSeconds: 15,
      });
      expect(read.status).toBe(200);
      expect(read.body.result.configurationKey).toEqual([
        expect.objectContaining({ key: "HeartbeatInterval", value: "120" }),
      ]);
      // And the other way round.
      const back = await viaP2("POST", `/charge-points/${ids[0]}/commands`, {
        type: "ClearCache",
        params: {},
        timeoutSeconds: 15,
      });
      expect(back).toEqual({ status: 200, body: { result: { status: "Accepted" } } });
      expect(cps[0]!.received.map((c) => c.action)).toContain("ClearCache");
    }, 60_000);

    it("a grid limit changed through process 1 sends SetChargingProfile to the charge points on process 2", async () => {
      const viaP1 = await api(processes[0]!);
      const grid = await viaP1("POST", "/grids", { name: `Car park ${uid()}`, maxCurrent: 32 });
      expect(grid.status).toBe(201);
      for (const id of ids) {
        expect(
          (await viaP1("POST", `/grids/${grid.body.id}/charge-points`, { chargePointId: id })).status,
        ).toBe(200);
      }
      // Four idle connectors share 32 A: a TxDefaultProfile of 8 A each, on both processes.
      await eventually(async () => cps.every((cp) => cp.currentLimitA(1) === 8), 30_000);
      const before = cps.map((cp) => cp.received.filter((c) => c.action === "SetChargingProfile").length);
      expect((await viaP1("PATCH", `/grids/${grid.body.id}`, { maxCurrent: 48 })).status).toBe(200);
      await eventually(async () => cps.every((cp) => cp.currentLimitA(1) === 12), 30_000);
      for (const [i, cp] of cps.entries()) {
        const profiles = cp.received.filter((c) => c.action === "SetChargingProfile");
        expect(profiles.length, `charge point ${i}`).toBeGreaterThan(before[i]!);
      }
    }, 90_000);

    it("each scheduled job runs on one process only: one lease holder per job, the effect happens once", async () => {
      const pids = processes.map((p) => p.pid);
      const pidOf = (holder: string) => Number(holder.split(":").at(-2));
      const leases = async () => {
        const rows = await database.db.select().from(jobLocks);
        return new Map(rows.map((r) => [r.name, r]));
      };
      // Both processes ran their first tick of every job at start-up; one claimed each lease.
      const notRun = (rows: Awaited<ReturnType<typeof leases>>) =>
        EXCLUSIVE_JOBS.filter((job) => !rows.get(job)?.lastRunAt);
      let first = await leases();
      for (const until = Date.now() + 30_000; notRun(first).length > 0 && Date.now() < until; ) {
        await new Promise((r) => setTimeout(r, 200));
        first = await leases();
      }
      // A run that failed counts too (its error is on the row): this is about who runs, not what.
      expect(notRun(first), processes.map((p) => p.output()).join("\n")).toEqual([]);
      for (const job of EXCLUSIVE_JOBS) expect(pids, job).toContain(pidOf(first.get(job)!.holder));

      // R61, once: the old ticket is closed and audited by exactly one run.
      const [ticket] = await database.db.select().from(tickets).where(eq(tickets.id, ticketId));
      expect(ticket!.status).toBe("closed");
      const audits = await database.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.entityId, ticketId), eq(auditEntries.action, "ticket.auto_close")));
      expect(audits).toHaveLength(1);
      expect(first.get("ticket-auto-close")!.lastResult).toEqual({ closed: 1 });

      // The 15 s sweep runs again, by the same holder: the other process never took it over.
      const watch = first.get("smart-charging-watch")!;
      const later = await eventually(async () => {
        const row = (await leases()).get("smart-charging-watch")!;
        return row.lastRunAt!.getTime() > watch.lastRunAt!.getTime() && row;
      }, 45_000);
      expect(later.holder).toBe(watch.holder);
      const now = await leases();
      for (const job of EXCLUSIVE_JOBS) expect(now.get(job)!.holder, job).toBe(first.get(job)!.holder);
    }, 90_000);

    it("a charge point that moved to the other process stays online when its old socket closes", async () => {
      const moving = ids[1]!;
      // A half-open socket on process 1; the charger reconnects through the balancer and lands on process 2.
      const moved = createChargePoint({
        url: processes[1]!.ocppUrl,
        identity: moving,
        password,
        connectors: 1,
        reconnect: false,
        callTimeoutMs: 15_000,
      });
      expect((await moved.start()).status).toBe("Accepted");
      cps.push(moved);
      await cps[1]!.close();
      // Process 1 has done its disconnect bookkeeping once its presence check answered.
      await new Promise((r) => setTimeout(r, 3_000));
      const [row] = await database.db
        .select({ online: chargePoints.online })
        .from(chargePoints)
        .where(eq(chargePoints.id, moving));
      expect(row!.online).toBe(true);
      const viaP1 = await api(processes[0]!);
      const answer = await viaP1("POST", `/charge-points/${moving}/commands`, {
        type: "ClearCache",
        params: {},
        timeoutSeconds: 15,
      });
      expect(answer).toEqual({ status: 200, body: { result: { status: "Accepted" } } });
      expect(moved.received.map((c) => c.action)).toContain("ClearCache");
    }, 60_000);
  },
);
