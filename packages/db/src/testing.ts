import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "./client";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    pgTemplate: { url: string; template: string } | null;
  }
}

/** Swap the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function createFromTemplate(adminUrl: string, template: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        return;
      } catch (error) {
        // Two files may copy the template at the same moment; PostgreSQL refuses one of them.
        if (attempt >= 20 || !String(error).includes("being accessed")) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database for one test file: a copy of the template that vitest's global setup
 * migrated once (PGlite by default, PostgreSQL when TEST_DATABASE_URL is set). Dropped on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const pgTemplate = inject("pgTemplate");
  if (pgTemplate) {
    const name = `voltlane_t_${randomBytes(6).toString("hex")}`;
    await createFromTemplate(pgTemplate.url, pgTemplate.template, name);
    const database = await openDatabase({
      databaseUrl: withDatabase(pgTemplate.url, name),
      migrate: false,
      poolSize: 5,
    });
    return {
      ...database,
      close: async () => {
        await database.close();
        await dropDatabase(pgTemplate.url, name);
      },
    };
  }
  const dump = await readFile(inject("pgliteTemplatePath"));
  return openDatabase({ dataDir: undefined, loadDataDir: new Blob([dump]), migrate: false });
}
