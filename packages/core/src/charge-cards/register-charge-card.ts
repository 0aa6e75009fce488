import type { ChargeCardDto, CreateChargeCardInput } from "@voltlane/contracts";
import { chargeCards, type Db } from "@voltlane/db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { linkCardParties, resolveCardParties } from "./card-parties";
import { toChargeCardDto } from "./charge-card-scope";
import { normalizeExternalId, parseRfid } from "./normalize-card-ids";

/** R25: either id already taken (after normalising) answers 409 `duplicate`. */
export function duplicateCard(error: unknown): never {
  if (isUniqueViolation(error, "charge_cards_external_id_uq"))
    throw new AppError("duplicate", "a card with this external id exists", {
      field: "externalId",
      rule: "R25",
    });
  if (isUniqueViolation(error, "charge_cards_rfid_uq"))
    throw new AppError("duplicate", "a card with this RFID UID exists", { field: "rfid", rule: "R25" });
  throw error;
}

/** System users register cards; with a customer the card is attached and active at once (R26). */
export async function registerChargeCard(
  deps: CoreDeps,
  p: Principal,
  input: CreateChargeCardInput,
): Promise<ChargeCardDto> {
  assertCan(p, "cards", "write");
  return deps.db.transaction(async (tx: Db) => {
    const parties = input.customerId
      ? await resolveCardParties(tx, p, input.customerId, input.payerCustomerId)
      : null;
    const [row] = await tx
      .insert(chargeCards)
      .values({
        providerId: p.providerId,
        externalId: normalizeExternalId(input.externalId),
        rfid: parseRfid(input.rfid),
        kind: input.kind,
        label: input.label ?? null,
        validUntil: input.validUntil ? new Date(input.validUntil) : null,
        roamingAllowed: input.roaming,
        status: parties ? "active" : "inactive",
        customerId: parties?.customerId ?? null,
        payerCustomerId: parties?.payerCustomerId ?? null,
      })
      .returning()
      .catch(duplicateCard);
    if (parties) await linkCardParties(tx, p, row!.id, parties, deps.clock.now());
    await recordAudit(tx, p, {
      action: "card.register",
      entityType: "charge_card",
      entityId: row!.id,
      after: row,
    });
    return toChargeCardDto(row!);
  });
}
