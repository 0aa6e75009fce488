import type { Db } from "@voltlane/db";
import type { Principal } from "../auth/principal";
import { closeAttachments, loadProviderCustomer, openAttachment } from "../authorization/asset-attachments";
import { forbidden } from "../errors/app-error";

export type CardParties = { customerId: string; payerCustomerId: string };

/**
 * R26: user and payer; an employee's card defaults to payer = company (our design). R28: a company
 * admin attaches only to the company or its employees, and the payer is the company or the user.
 */
export async function resolveCardParties(
  db: Db,
  p: Principal,
  customerId: string,
  payerCustomerId?: string,
): Promise<CardParties> {
  const user = await loadProviderCustomer(db, p, customerId, { active: true });
  const defaultPayer = user.type === "employee" && user.companyId ? user.companyId : user.id;
  const payer = payerCustomerId ?? defaultPayer;
  if (p.kind === "customer") {
    const mine = p.role === "company_admin" ? [p.customerId] : [];
    if (user.id !== p.customerId && !mine.includes(user.companyId ?? ""))
      throw forbidden("not your customer");
    if (payer !== user.id && payer !== defaultPayer)
      throw forbidden("only system users choose another payer");
  }
  if (payer !== user.id) await loadProviderCustomer(db, p, payer, { active: true });
  return { customerId: user.id, payerCustomerId: payer };
}

/** The card_user and card_payer attachments (R9: one open link each). */
export async function linkCardParties(db: Db, p: Principal, cardId: string, parties: CardParties, at: Date) {
  await unlinkCardParties(db, p, cardId, at);
  await openAttachment(
    db,
    p,
    { assetType: "charge_card", assetId: cardId, role: "card_user", customerId: parties.customerId },
    at,
  );
  await openAttachment(
    db,
    p,
    { assetType: "charge_card", assetId: cardId, role: "card_payer", customerId: parties.payerCustomerId },
    at,
  );
}

export async function unlinkCardParties(db: Db, p: Principal, cardId: string, at: Date) {
  await closeAttachments(db, p, { assetType: "charge_card", assetId: cardId, role: "card_user" }, at);
  await closeAttachments(db, p, { assetType: "charge_card", assetId: cardId, role: "card_payer" }, at);
}
