import { type Db, notifications } from "@voltlane/db";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Clock } from "../platform/clock";

export type MailAttachment = { filename: string; storageKey: string; contentType: string };
export type OutgoingMail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };
export type SendMail = (mail: OutgoingMail) => Promise<void>;

const maxAttempts = 8;

/** Exponential back-off: 30 s, 1 min, 2 min … capped at 1 h. */
export function nextAttemptDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers due e-mail notifications at least once (R63). Rows are claimed with SKIP LOCKED so that
 * several processes never send the same batch at the same time; failures retry with back-off and
 * end as `dead` after too many attempts, visible to system users.
 */
export async function deliverOutbox(
  db: Db,
  clock: Clock,
  send: SendMail,
  batchSize = 20,
): Promise<{ sent: number; failed: number }> {
  const now = clock.now();
  const due = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.channel, "email"),
          inArray(notifications.status, ["pending", "failed"]),
          lte(notifications.nextAttemptAt, now),
        ),
      )
      .orderBy(notifications.createdAt)
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return [];
    // Lease the batch for five minutes: a crash mid-send means another try later, never a loss.
    await tx
      .update(notifications)
      .set({ nextAttemptAt: new Date(now.getTime() + 300_000), attempts: sql`${notifications.attempts} + 1` })
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.id),
        ),
      );
    return rows;
  });
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    const attempts = row.attempts + 1;
    try {
      if (!row.recipientEmail) throw new Error("no e-mail address");
      await send({
        to: row.recipientEmail,
        subject: row.subject ?? row.template,
        text: row.body ?? "",
        // The sender resolves storage keys to bytes (R56: the invoice PDF).
        ...(row.attachments?.length ? { attachments: row.attachments } : {}),
      });
      await db
        .update(notifications)
        .set({ status: "sent", sentAt: clock.now(), lastError: null })
        .where(eq(notifications.id, row.id));
      sent++;
    } catch (error) {
      failed++;
      await db
        .update(notifications)
        .set({
          status: attempts >= maxAttempts ? "dead" : "failed",
          lastError: String(error).slice(0, 500),
          nextAttemptAt: new Date(clock.now().getTime() + nextAttemptDelayMs(attempts)),
        })
        .where(eq(notifications.id, row.id));
    }
  }
  return { sent, failed };
}
