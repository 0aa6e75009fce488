import { createDocumentStore, produceInvoiceDocuments, runInvoicing, systemClock } from "@voltlane/core";
import { type Db, invoices, openDatabase, providers } from "@voltlane/db";
import { SingleBar } from "cli-progress";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { loadConfig } from "../config";

/**
 * `npm run invoice-run -- --period 2026-10 [--provider <slug>]`: the monthly run from the shell,
 * with a progress bar; same core call, lock and idempotency as the HTTP trigger (W3, R52, R55).
 * Then it works the documents queue (PDF and e-mail of each issued invoice, R56) to the end; a
 * running server's `invoice-documents` job would do the same.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.period) {
    process.stderr.write("usage: npm run invoice-run -- --period YYYY-MM [--provider slug]\n");
    process.exit(2);
  }
  const config = loadConfig();
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl })
    : await openDatabase({ dataDir: config.dataDir });
  try {
    const deps = {
      db: database.db,
      clock: systemClock,
      secretKey: "",
      publicUrl: config.publicUrl,
      documents: createDocumentStore(config.dataDir),
    };
    const targets = await database.db
      .select()
      .from(providers)
      .where(args.provider ? eq(providers.slug, args.provider) : eq(providers.status, "active"));
    if (targets.length === 0)
      process.stderr.write("no matching provider (start the server once to create one)\n");
    for (const provider of targets) {
      const bar = new SingleBar({
        format: `${provider.slug} ${args.period} [{bar}] {value}/{total} customers`,
      });
      bar.start(1, 0);
      const result = await runInvoicing(
        deps,
        { kind: "job", providerId: provider.id, name: "invoice-run-cli" },
        {
          providerId: provider.id,
          period: args.period,
          trigger: "manual",
          triggeredBy: "cli",
          onProgress: (done, total) => {
            bar.setTotal(total);
            bar.update(done);
          },
        },
      );
      bar.stop();
      process.stdout.write(
        `${provider.slug}: run ${result.run.id} ${result.run.status}, ${result.invoices.length} invoices\n`,
      );
    }
    const documents = new SingleBar({ format: "documents [{bar}] {value}/{total} PDFs and e-mails" });
    documents.start(await pendingDocuments(database.db), 0);
    const produced = await produceInvoiceDocuments(deps, { onProgress: (done) => documents.update(done) });
    documents.stop();
    process.stdout.write(`${produced} invoice documents produced\n`);
  } finally {
    await database.close();
  }
}

async function pendingDocuments(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invoices)
    .where(and(isNull(invoices.pdfSha256), ne(invoices.status, "draft")));
  return row!.n;
}

function parseArgs(argv: string[]): { period?: string; provider?: string } {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i]!.replace(/^--/, "").split("=");
    out[key!] = inline ?? argv[++i] ?? "";
  }
  return { period: out.period, provider: out.provider };
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
