import { customers, products, subscriptions } from "@voltlane/db";
import { and, asc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { parsePrice } from "../money/price";
import { parseVatRate } from "../money/vat-rate";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";

type ProductInput = { name: string; kind: string; frequency: string; price: string; vatRate: string };
type SubscriptionInput = {
  productId: string;
  payerCustomerId: string;
  subjectType?: string;
  subjectId?: string;
  startMonth: string;
  endMonth?: string;
};

export function presentProduct(row: typeof products.$inferSelect) {
  const { id, name, kind, frequency, price, vatRate, status } = row;
  return { id, name, kind, frequency, price, vatRate, status };
}

export function presentSubscription(row: typeof subscriptions.$inferSelect) {
  const { id, productId, payerCustomerId, subjectType, subjectId, startMonth, endMonth } = row;
  return { id, productId, payerCustomerId, subjectType, subjectId, startMonth, endMonth };
}

/** Products (our design) sit with tariffs in the matrix ("Tariffs, products"). */
export async function createProduct(deps: CoreDeps, p: Principal, input: ProductInput) {
  assertCan(p, "tariffs", "write");
  const values = {
    providerId: p.providerId,
    name: input.name.trim(),
    kind: input.kind,
    frequency: input.frequency,
    price: parsePrice(input.price, { field: "price" }),
    vatRate: parseVatRate(input.vatRate),
  };
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx.insert(products).values(values).returning();
      await recordAudit(tx, p, {
        action: "product.create",
        entityType: "product",
        entityId: row!.id,
        after: values,
      });
      return presentProduct(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("duplicate", "a product with this name exists");
    throw error;
  }
}

export async function listProducts(deps: CoreDeps, p: Principal) {
  assertCan(p, "tariffs", "read");
  const rows = await deps.db
    .select()
    .from(products)
    .where(eq(products.providerId, p.providerId))
    .orderBy(asc(products.name));
  return { items: rows.map(presentProduct) };
}

/** R30: a subscription starts on the 1st of its start month; R47 invoices it. */
export async function createSubscription(deps: CoreDeps, p: Principal, input: SubscriptionInput) {
  assertCan(p, "tariffs", "write");
  if (input.endMonth && input.endMonth < input.startMonth) {
    throw new AppError("validation_failed", "endMonth is before startMonth", { field: "endMonth" });
  }
  return deps.db.transaction(async (tx) => {
    const [product] = await tx
      .select()
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.providerId, p.providerId)));
    const [payer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.id, input.payerCustomerId), eq(customers.providerId, p.providerId)));
    if (!product) throw new AppError("not_found", "product not found");
    if (!payer) throw new AppError("not_found", "customer not found");
    const [row] = await tx
      .insert(subscriptions)
      .values({
        providerId: p.providerId,
        productId: product.id,
        payerCustomerId: payer.id,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        startMonth: input.startMonth,
        endMonth: input.endMonth ?? null,
      })
      .returning();
    await recordAudit(tx, p, {
      action: "subscription.create",
      entityType: "subscription",
      entityId: row!.id,
      after: presentSubscription(row!),
    });
    return presentSubscription(row!);
  });
}

export async function listSubscriptions(deps: CoreDeps, p: Principal, filters: { customerId?: string }) {
  assertCan(p, "tariffs", "read");
  const rows = await deps.db
    .select()
    .from(subscriptions)
    .where(
      and(
        eq(subscriptions.providerId, p.providerId),
        filters.customerId ? eq(subscriptions.payerCustomerId, filters.customerId) : undefined,
      ),
    )
    .orderBy(asc(subscriptions.startMonth));
  return { items: rows.map(presentSubscription) };
}
