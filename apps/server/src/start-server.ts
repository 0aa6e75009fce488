import { mkdirSync } from "node:fs";
import {
  bootstrapPlatform,
  type Clock,
  type CoreDeps,
  claimJobLease,
  loadSecretKey,
  recordJobRun,
  releaseJobLeases,
  systemClock,
} from "@voltlane/core";
import { type Database, openDatabase } from "@voltlane/db";
import pino from "pino";
import type { Config } from "./config";
import { buildApp } from "./http/build-app";
import type { App } from "./http/types";
import { type Job, startJobs } from "./jobs/job-runner";
import { outboxJob } from "./jobs/outbox.job";

export type RunningServer = {
  app: App;
  url: string;
  core: CoreDeps;
  database: Database;
  /** Stops accepting work, finishes what is in flight, then closes the database. */
  close: () => Promise<void>;
};

export type StartOptions = {
  clock?: Clock;
  /** An already opened database (tests); otherwise DATABASE_URL or DATA_DIR decides. */
  database?: Database;
  /** Extra hooks that later features register (OCPP gateway, jobs). */
  extensions?: ServerExtension[];
};

/** A feature that plugs into the running server: the OCPP gateway, a scheduler … */
export type ServerExtension = (ctx: {
  app: App;
  core: CoreDeps;
  config: Config;
  database: Database;
}) => Promise<{ jobs?: Job[]; close?: () => Promise<void> } | undefined>;

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = pino({ level: config.logLevel });
  let ready = false;
  const database = options.database ?? (await openConfiguredDatabase(config));
  const secretKey = await loadSecretKey(database.db, config.secretKey);
  const core: CoreDeps = {
    db: database.db,
    clock: options.clock ?? systemClock,
    secretKey,
    publicUrl: config.publicUrl,
  };
  const boot = await bootstrapPlatform(database.db, {
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  if (boot.admin?.generatedPassword) {
    // Printed once, on the first start only (R3).
    process.stdout.write(
      `\nFirst administrator created:\n  e-mail:   ${boot.admin.email}\n  password: ${boot.admin.generatedPassword}\n\n`,
    );
  }
  const app = await buildApp({ core, config }, { logger: log, readiness: { ready: () => ready } });
  const closers: (() => Promise<void>)[] = [];
  const jobs: Job[] = [];
  if (config.smtpUrl) jobs.push(outboxJob(core, config.smtpUrl, config.mailFrom, config.dataDir));
  for (const extension of options.extensions ?? []) {
    const result = await extension({ app, core, config, database });
    if (result?.jobs) jobs.push(...result.jobs);
    if (result?.close) closers.push(result.close);
  }
  await app.listen({ port: config.port, host: config.host });
  const claim = (job: string, holder: string, leaseMs: number) =>
    claimJobLease(core.db, job, holder, core.clock.now(), leaseMs);
  const recordRun = (job: string, holder: string, result: unknown) =>
    recordJobRun(core.db, job, holder, core.clock.now(), result);
  const release = (holder: string) => releaseJobLeases(core.db, holder, core.clock.now());
  const runner = config.jobs ? startJobs(jobs, log, claim, recordRun, release) : undefined;
  ready = true;
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  let closing: Promise<void> | undefined;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    core,
    database,
    close: () => {
      closing ??= (async () => {
        ready = false;
        await runner?.stop();
        // Fastify waits for in-flight requests before it resolves.
        await app.close();
        for (const close of closers.reverse()) await close();
        if (!options.database) await database.close();
      })();
      return closing;
    },
  };
}

async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl)
    return openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize });
  mkdirSync(config.dataDir, { recursive: true });
  return openDatabase({ dataDir: config.dataDir });
}
