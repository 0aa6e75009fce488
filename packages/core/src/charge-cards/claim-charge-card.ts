import type { ChargeCardDto } from "@voltlane/contracts";
import { chargeCards } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, forbidden, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { linkCardParties } from "./card-parties";
import { toChargeCardDto } from "./charge-card-scope";
import { normalizeExternalId } from "./normalize-card-ids";

/**
 * R31: a private user claims an unattached, inactive card of their provider by its printed
 * external id. Every attempt is audited; the transport rate-limits. A card that exists but
 * cannot be claimed answers like an unknown one, so guessing reveals nothing.
 */
export async function claimChargeCard(
  deps: CoreDeps,
  p: Principal,
  externalId: string,
): Promise<ChargeCardDto> {
  if (p.kind !== "customer" || p.role !== "private_user") throw forbidden("only private users claim cards");
  if (p.viewAsBy) throw new AppError("view_as_read_only", "viewing as a customer is read-only");
  const normalised = normalizeExternalId(externalId);
  const at = deps.clock.now();
  const claimed = await deps.db.transaction(async (tx) => {
    const [card] = await tx
      .select()
      .from(chargeCards)
      .where(
        and(
          eq(chargeCards.externalId, normalised),
          eq(chargeCards.providerId, p.providerId),
          isNull(chargeCards.customerId),
          eq(chargeCards.status, "inactive"),
        ),
      )
      .for("update");
    if (!card) return null;
    const parties = { customerId: p.customerId, payerCustomerId: p.customerId };
    await linkCardParties(tx, p, card.id, parties, at);
    const [after] = await tx
      .update(chargeCards)
      .set({ ...parties, status: "active", updatedAt: at })
      .where(eq(chargeCards.id, card.id))
      .returning();
    await recordAudit(tx, p, {
      action: "card.claim",
      entityType: "charge_card",
      entityId: card.id,
      before: card,
      after,
    });
    return after!;
  });
  if (!claimed) {
    await recordAudit(deps.db, p, {
      action: "card.claim_refused",
      entityType: "charge_card",
      after: { externalId: normalised },
    });
    throw notFound("charge card");
  }
  return toChargeCardDto(claimed);
}
