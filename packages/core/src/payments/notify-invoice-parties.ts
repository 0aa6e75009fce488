import { customers, type Db, type invoices, systemUsers } from "@voltlane/db";
import { and, eq, sql } from "drizzle-orm";
import { enqueueNotification } from "../notifications/enqueue-notification";
import type { TemplateName } from "../notifications/templates";

/**
 * R58, R63: tells the invoice's customer (e-mail, in their language) and the provider's finance
 * staff (in app) about a settlement event, inside the event's transaction.
 */
export async function notifyInvoiceParties(
  tx: Db,
  invoice: typeof invoices.$inferSelect,
  template: TemplateName,
  payload: Record<string, unknown>,
): Promise<void> {
  const [customer] = await tx.select().from(customers).where(eq(customers.id, invoice.customerId));
  const email = customer?.invoiceEmail ?? customer?.email;
  if (customer && email) {
    await enqueueNotification(tx, {
      providerId: invoice.providerId,
      channel: "email",
      template,
      language: customer.language,
      recipient: { kind: "customer", id: customer.id, email },
      payload,
    });
  }
  const finance = await tx
    .select()
    .from(systemUsers)
    .where(
      and(
        eq(systemUsers.providerId, invoice.providerId),
        eq(systemUsers.status, "active"),
        sql`(${systemUsers.roles} && array['finance','admin']::text[] or ${systemUsers.isSuper})`,
      ),
    );
  for (const user of finance) {
    await enqueueNotification(tx, {
      providerId: invoice.providerId,
      channel: "in_app",
      template,
      recipient: { kind: "system", id: user.id, email: user.email },
      payload,
    });
  }
}
