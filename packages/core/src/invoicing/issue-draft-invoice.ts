import { invoices } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { assertCan } from "../policy/can";
import type { BillingDeps } from "./billing-deps";
import { loadBillingCustomers, loadBillingProvider } from "./billing-parties";
import { lockProviderInvoicing } from "./invoice-run-lock";
import { issueInvoice } from "./issue-invoice";
import { produceInvoiceDocument } from "./produce-invoice-documents";

/** W3 step 4 with `reviewBeforeIssue`: finance issues a reviewed draft (number at issue, R49). */
export async function issueDraftInvoice(deps: BillingDeps, p: Principal, invoiceId: string) {
  assertCan(p, "invoice_runs", "write");
  const issued = await deps.db.transaction(async (tx) => {
    await lockProviderInvoicing(tx, p.providerId);
    const [draft] = await tx
      .select()
      .from(invoices)
      .where(and(eq(invoices.id, invoiceId), eq(invoices.providerId, p.providerId)))
      .for("update");
    if (!draft) throw new AppError("not_found", "invoice not found");
    if (draft.status !== "draft") throw new AppError("already_issued", "invoice is already issued");
    const provider = await loadBillingProvider(tx, p.providerId);
    const customer = (await loadBillingCustomers(tx, provider.id, [draft.customerId])).get(draft.customerId)!;
    return issueInvoice(tx, deps, p, { provider, customer }, draft);
  });
  // R56: the PDF and the e-mail with it, right after the issuing commit.
  return produceInvoiceDocument(deps, issued.id);
}
