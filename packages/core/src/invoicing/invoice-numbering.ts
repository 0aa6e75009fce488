import { type Db, sequences } from "@voltlane/db";
import { sql } from "drizzle-orm";

/** R48: series `03` cost, self-bill, reimbursement; `08` credit notes. */
export type InvoiceSeries = "03" | "08";

export function seriesOf(kind: string): InvoiceSeries {
  return kind === "credit-note" ? "08" : "03";
}

/** `{series}-{invoicePrefix}-{seq:6}`, e.g. `03-VLT-000042`. */
export function formatInvoiceNumber(series: InvoiceSeries, prefix: string, seq: number): string {
  return `${series}-${prefix}-${String(seq).padStart(6, "0")}`;
}

/**
 * R49: the next gapless number of a series, only inside the issuing database transaction. The
 * upsert takes the counter row's lock until commit, so concurrent issuers queue behind it and a
 * rollback returns the number.
 */
export async function nextInvoiceNumber(
  tx: Db,
  providerId: string,
  series: InvoiceSeries,
  prefix: string,
): Promise<string> {
  const [number] = await nextInvoiceNumbers(tx, providerId, series, prefix, 1);
  return number!;
}

/**
 * R49 for a batch: `count` consecutive numbers from one counter update, in order, under the same
 * row lock and rollback guarantee as one number.
 */
export async function nextInvoiceNumbers(
  tx: Db,
  providerId: string,
  series: InvoiceSeries,
  prefix: string,
  count: number,
): Promise<string[]> {
  if (count === 0) return [];
  const [row] = await tx
    .insert(sequences)
    .values({ providerId, name: `invoice_series_${series}`, value: count })
    .onConflictDoUpdate({
      target: [sequences.providerId, sequences.name],
      set: { value: sql`${sequences.value} + ${count}` },
    })
    .returning({ value: sequences.value });
  const first = row!.value - count + 1;
  return Array.from({ length: count }, (_, i) => formatInvoiceNumber(series, prefix, first + i));
}
