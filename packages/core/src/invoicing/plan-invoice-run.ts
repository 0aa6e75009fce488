import type { Db } from "@voltlane/db";
import { sql } from "drizzle-orm";
import { selectDueSubscriptions } from "../products/subscription-lines";
import { payerLineKinds, receiverLineKinds, sideHeld } from "./collect-session-lines";

export type ChunkLimits = {
  /** Most customers per chunk transaction. */
  customers: number;
  /** Most invoice lines per chunk; a customer with more gets a chunk of its own. */
  lines: number;
};

export const defaultChunkLimits: ChunkLimits = { customers: 2_000, lines: 20_000 };

/**
 * W3 step 2–3, planned: the customers with something to invoice (an unheld side of a billable
 * session stopped before the period's end, or a due subscription) and how many lines each gets,
 * cut into chunks that each commit on their own. One aggregate over the sessions; the chunks then
 * select their own sessions again under the lock, so the plan only decides who goes together.
 */
export async function planInvoiceRun(
  db: Db,
  providerId: string,
  period: string,
  end: Date,
  limits: ChunkLimits = defaultChunkLimits,
): Promise<string[][]> {
  const until = end.toISOString();
  const payerHeld = sideHeld(sql.raw("t.id"), payerLineKinds);
  const receiverHeld = sideHeld(sql.raw("t.id"), receiverLineKinds);
  const result = await db.execute(sql`
    select customer_id, sum(n) as lines from (
      select payer_customer_id as customer_id, count(*) as n from transactions t
      where provider_id = ${providerId} and status = 'completed' and billable
        and stopped_at < ${until}::timestamptz and payer_customer_id is not null and wallet_id is null
        and not ${payerHeld}
      group by payer_customer_id
      union all
      select receiver_customer_id, count(*) from transactions t
      where provider_id = ${providerId} and status = 'completed' and billable
        and stopped_at < ${until}::timestamptz and receiver_customer_id is not null and not ${receiverHeld}
      group by receiver_customer_id
    ) sides group by customer_id order by customer_id`);
  const lines = new Map<string, number>();
  const rows = (result as unknown as { rows: { customer_id: string; lines: string | number }[] }).rows;
  for (const row of rows) lines.set(row.customer_id, Number(row.lines));
  for (const due of await selectDueSubscriptions(db, providerId, period)) {
    const payer = due.subscription.payerCustomerId;
    lines.set(payer, (lines.get(payer) ?? 0) + 1);
  }
  return cutIntoChunks(
    [...lines.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    limits,
  );
}

/** Consecutive customers while both limits hold; never an empty chunk. */
export function cutIntoChunks(weights: readonly [string, number][], limits: ChunkLimits): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const [customerId, lines] of weights) {
    if (current.length > 0 && (current.length >= limits.customers || size + lines > limits.lines)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(customerId);
    size += lines;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
