import type { AttachCardInput, ChargeCardDto, UpdateChargeCardInput } from "@voltlane/contracts";
import { chargeCards, type Db } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { assertCardMayRoam } from "../wallets/wallet-ledger";
import { linkCardParties, resolveCardParties, unlinkCardParties } from "./card-parties";
import {
  assertCardWrite,
  type ChargeCardRow,
  cardOwnership,
  loadVisibleCard,
  toChargeCardDto,
} from "./charge-card-scope";
import { normalizeExternalId } from "./normalize-card-ids";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Change = { action: string; set: Partial<ChargeCardRow> };

/** One audited update of a card row (R8). */
async function applyChange(db: Db, p: Principal, before: ChargeCardRow, change: Change, at: Date) {
  const [after] = await db
    .update(chargeCards)
    .set({ ...change.set, updatedAt: at })
    .where(eq(chargeCards.id, before.id))
    .returning();
  await recordAudit(db, p, {
    action: change.action,
    entityType: "charge_card",
    entityId: before.id,
    before,
    after,
  });
  return toChargeCardDto(after!);
}

/**
 * Staff see every card of their provider; a company admin may also reach an unattached card of
 * its provider to attach it (R28).
 */
async function loadAttachableCard(db: Db, p: Principal, idOrExternalId: string): Promise<ChargeCardRow> {
  // A company admin cannot list unattached cards, so it names the card by the number printed on it.
  const key = uuidPattern.test(idOrExternalId)
    ? eq(chargeCards.id, idOrExternalId)
    : eq(chargeCards.externalId, normalizeExternalId(idOrExternalId));
  const [row] = await db
    .select()
    .from(chargeCards)
    .where(and(key, eq(chargeCards.providerId, p.providerId)));
  if (!row) throw notFound("charge card");
  const id = row.id;
  if (p.kind === "system" || p.role !== "company_admin") return loadVisibleCard(db, p, id);
  if (!row) throw notFound("charge card");
  if (row.customerId) return loadVisibleCard(db, p, id);
  return row;
}

/** R26, R28: attach sets user and payer and activates the card. */
export async function attachCard(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: AttachCardInput,
): Promise<ChargeCardDto> {
  assertCan(p, "cards_attach", "write");
  return deps.db.transaction(async (tx) => {
    const before = await loadAttachableCard(tx, p, id);
    if (before.status === "blocked")
      throw businessRule("R27", "a blocked card is unblocked by a system user first");
    if (p.kind === "customer" && before.customerId)
      throw businessRule("R28", "customers attach only unattached cards");
    const parties = await resolveCardParties(tx, p, input.customerId, input.payerCustomerId);
    const at = deps.clock.now();
    await linkCardParties(tx, p, before.id, parties, at);
    return applyChange(tx, p, before, { action: "card.attach", set: { ...parties, status: "active" } }, at);
  });
}

/** R27: detaching makes a card inactive and ends its user and payer links. */
export async function detachCard(deps: CoreDeps, p: Principal, id: string): Promise<ChargeCardDto> {
  assertCan(p, "cards_attach", "write");
  return deps.db.transaction(async (tx) => {
    const before = await loadVisibleCard(tx, p, id);
    assertCardWrite(p, "cards_attach", await cardOwnership(tx, before));
    const at = deps.clock.now();
    await unlinkCardParties(tx, p, id, at);
    const status = before.status === "blocked" ? "blocked" : "inactive";
    return applyChange(
      tx,
      p,
      before,
      { action: "card.detach", set: { customerId: null, payerCustomerId: null, status } },
      at,
    );
  });
}

/** R27: its user, payer or a system user may block a card ("report lost"). */
export async function blockCard(
  deps: CoreDeps,
  p: Principal,
  id: string,
  reason: string,
): Promise<ChargeCardDto> {
  return deps.db.transaction(async (tx) => {
    const before = await loadVisibleCard(tx, p, id);
    assertCardWrite(p, "cards_block", await cardOwnership(tx, before));
    return applyChange(
      tx,
      p,
      before,
      { action: "card.block", set: { status: "blocked", blockedReason: reason } },
      deps.clock.now(),
    );
  });
}

/** R27: only system users unblock. */
export async function unblockCard(deps: CoreDeps, p: Principal, id: string): Promise<ChargeCardDto> {
  assertCan(p, "cards", "write");
  return deps.db.transaction(async (tx) => {
    const before = await loadVisibleCard(tx, p, id);
    if (before.status !== "blocked") throw new AppError("conflict", "the card is not blocked");
    const status = before.customerId ? "active" : "inactive";
    return applyChange(
      tx,
      p,
      before,
      { action: "card.unblock", set: { status, blockedReason: null } },
      deps.clock.now(),
    );
  });
}

/** Roaming flag (R28: also company admins and private users for their cards); label and validity by staff. */
export async function updateChargeCard(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateChargeCardInput,
): Promise<ChargeCardDto> {
  return deps.db.transaction(async (tx) => {
    const before = await loadVisibleCard(tx, p, id);
    const ownership = await cardOwnership(tx, before);
    if (input.roaming !== undefined) assertCardWrite(p, "cards_attach", ownership);
    if (input.roaming === true) await assertCardMayRoam(tx, before.id);
    if (input.label !== undefined || input.validUntil !== undefined) assertCardWrite(p, "cards", {});
    const set: Partial<ChargeCardRow> = {};
    if (input.roaming !== undefined) set.roamingAllowed = input.roaming;
    if (input.label !== undefined) set.label = input.label;
    if (input.validUntil !== undefined) set.validUntil = input.validUntil ? new Date(input.validUntil) : null;
    return applyChange(tx, p, before, { action: "card.update", set }, deps.clock.now());
  });
}

export async function getChargeCard(deps: CoreDeps, p: Principal, id: string): Promise<ChargeCardDto> {
  return toChargeCardDto(await loadVisibleCard(deps.db, p, id));
}
