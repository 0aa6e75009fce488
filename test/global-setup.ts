import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../packages/db/src/client";
import { dropDatabase, withDatabase } from "../packages/db/src/testing";
import pg from "pg";

/**
 * Migrates one template database per test run; each test file then gets its own copy
 * (PGlite is slow to create, so files load a dump of the migrated template instead).
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "voltlane-test-"));
  const url = process.env.TEST_DATABASE_URL;
  let dropTemplate: (() => Promise<void>) | undefined;
  if (url) {
    const template = `voltlane_tpl_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${template}"`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 1 });
    await database.close();
    project.provide("pgTemplate", { url, template });
    dropTemplate = () => dropDatabase(url, template);
  } else {
    project.provide("pgTemplate", null);
  }
  // The PGlite template is always made: some tests (e.g. the server's start-up) use it directly.
  const database = await openDatabase({ dataDir: undefined });
  const dump = await database.pglite!.dumpDataDir("none");
  await database.close();
  const path = join(dir, "template.tar");
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplatePath", path);

  return async () => {
    await dropTemplate?.();
    await rm(dir, { recursive: true, force: true });
  };
}
