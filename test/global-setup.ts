import { createHash, randomBytes } from "node:crypto";
import { access, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrationsFolder, openDatabase } from "../packages/db/src/client";
import { dropDatabase, withDatabase } from "../packages/db/src/testing";

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
  project.provide("pgliteTemplatePath", await pgliteTemplate());

  return async () => {
    await dropTemplate?.();
    await rm(dir, { recursive: true, force: true });
  };
}

/** A migrated PGlite dump, cached by the migrations' content so that most runs skip the slow create. */
async function pgliteTemplate(): Promise<string> {
  const hash = createHash("sha256");
  for (const file of (await readdir(migrationsFolder, { recursive: true })).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json"))
      hash.update(file).update(await readFile(join(migrationsFolder, file)));
  }
  const cacheDir = join(process.cwd(), "node_modules", ".cache", "voltlane");
  const path = join(cacheDir, `pglite-template-${hash.digest("hex").slice(0, 16)}.tar`);
  try {
    await access(path);
    return path;
  } catch {}
  await mkdir(cacheDir, { recursive: true });
  const database = await openDatabase({ dataDir: undefined });
  const dump = await database.pglite!.dumpDataDir("none");
  await database.close();
  const partial = `${path}.${process.pid}.tmp`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
  return path;
}
