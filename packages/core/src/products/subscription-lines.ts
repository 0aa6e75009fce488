import { type Db, invoiceLines, products, subscriptions } from "@voltlane/db";
import { and, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { BillingCustomer, BillingProvider } from "../invoicing/billing-parties";
import type { LineDraft } from "../invoicing/invoice-line-draft";
import { decideVatScope } from "../invoicing/vat";
import { toMinorUnits } from "../money/money";

type Due = { subscription: typeof subscriptions.$inferSelect; product: typeof products.$inferSelect };

/**
 * R47: monthly products are due for each month active on its 1st (subscriptions start on the 1st,
 * R30); one-off products once, in the first run after their start. Months already held by a line
 * are skipped, so reruns add nothing.
 */
export async function selectDueSubscriptions(db: Db, providerId: string, period: string): Promise<Due[]> {
  const rows = await db
    .select({ subscription: subscriptions, product: products })
    .from(subscriptions)
    .innerJoin(products, eq(products.id, subscriptions.productId))
    .where(
      and(
        eq(subscriptions.providerId, providerId),
        lte(subscriptions.startMonth, period),
        or(
          isNull(subscriptions.endMonth),
          gte(subscriptions.endMonth, period),
          eq(products.frequency, "one_off"),
        ),
      ),
    );
  if (rows.length === 0) return [];
  const held = await db
    .select({ subscriptionId: invoiceLines.subscriptionId, servicePeriod: invoiceLines.servicePeriod })
    .from(invoiceLines)
    .where(
      and(
        eq(invoiceLines.holdsItem, true),
        inArray(
          invoiceLines.subscriptionId,
          rows.map((r) => r.subscription.id),
        ),
      ),
    );
  const isHeld = (id: string, month: string) =>
    held.some((h) => h.subscriptionId === id && h.servicePeriod === month);
  return rows.filter(({ subscription, product }) =>
    product.frequency === "one_off"
      ? !held.some((h) => h.subscriptionId === subscription.id)
      : !isHeld(subscription.id, period),
  );
}

export function subscriptionLineDrafts(
  due: readonly Due[],
  period: string,
  provider: BillingProvider,
  parties: Map<string, BillingCustomer>,
): LineDraft[] {
  return due.flatMap(({ subscription, product }) => {
    const payer = parties.get(subscription.payerCustomerId);
    if (!payer) return [];
    const scope = decideVatScope({ supplier: provider, customer: payer });
    const servicePeriod = product.frequency === "one_off" ? subscription.startMonth : period;
    const line: LineDraft = {
      customerId: payer.id,
      invoiceKind: "cost",
      kind: product.kind,
      description: `${product.name}${product.frequency === "monthly" ? ` ${servicePeriod}` : ""}${subscription.subjectId ? ` (${subscription.subjectId})` : ""}`,
      subscriptionId: subscription.id,
      servicePeriod,
      quantity: "1",
      unitPrice: product.price,
      net: toMinorUnits(product.price, provider.currency),
      vatScope: scope,
      vatRate: scope === "standard" ? product.vatRate : "0.00",
      details: { productId: product.id, frequency: product.frequency, subject: subscription.subjectType },
      sortKey: `2|${product.name}|${subscription.id}`,
    };
    return line.net > 0 ? [line] : [];
  });
}
