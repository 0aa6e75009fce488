import { invoiceRuns, providers } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { BillingDeps } from "./billing-deps";
import { periodOf, shiftPeriod, zonedTime } from "./period";
import { runInvoicing } from "./run-invoicing";

/**
 * W3 step 1: month M is due from `invoiceRunDay` of M+1, 02:00 provider time. Before that moment
 * in a month, the month before last is the latest due period.
 */
export function dueInvoicePeriod(now: Date, timeZone: string, runDay: number): string {
  const current = periodOf(now, timeZone);
  const [year, month] = current.split("-").map(Number);
  const runAt = zonedTime(timeZone, year!, month!, runDay, 2);
  return shiftPeriod(current, now >= runAt ? -1 : -2);
}

/**
 * The hourly scheduler: each active provider's due period runs once (a completed run of that
 * period, manual or scheduled, counts). Safe with several processes: the run itself takes the
 * provider's lock and is idempotent (R52, R55).
 */
export async function runDueInvoiceRuns(
  deps: BillingDeps,
): Promise<{ providerId: string; period: string; invoices: number }[]> {
  const done = [];
  const active = await deps.db.select().from(providers).where(eq(providers.status, "active"));
  for (const provider of active) {
    const period = dueInvoicePeriod(
      deps.clock.now(),
      provider.timeZone,
      provider.settings.invoiceRunDay ?? 15,
    );
    const [completed] = await deps.db
      .select({ id: invoiceRuns.id })
      .from(invoiceRuns)
      .where(
        and(
          eq(invoiceRuns.providerId, provider.id),
          eq(invoiceRuns.period, period),
          eq(invoiceRuns.status, "completed"),
        ),
      )
      .limit(1);
    if (completed) continue;
    const result = await runInvoicing(
      deps,
      { kind: "job", providerId: provider.id, name: "invoice-run" },
      { providerId: provider.id, period, trigger: "schedule" },
    );
    done.push({ providerId: provider.id, period, invoices: result.invoices.length });
  }
  return done;
}
