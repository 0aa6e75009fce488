import type { PageQuery, WalletDepositInput, WalletDto } from "@voltlane/contracts";
import { chargeCards, type Db, providers, walletEntries, wallets } from "@voltlane/db";
import { desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import {
  assertCardWrite,
  type ChargeCardRow,
  cardOwnership,
  loadVisibleCard,
} from "../charge-cards/charge-card-scope";
import { AppError, businessRule, forbidden, isUniqueViolation } from "../errors/app-error";
import { assertMoney } from "../money/money";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { findCardWallet, type WalletRow, walletBalance } from "./wallet-ledger";

/** The wallet of a card the principal can see (§6 Charge Cards), with a page of its ledger; null without one. */
export async function getCardWallet(
  deps: CoreDeps,
  p: Principal,
  cardId: string,
  page: PageQuery,
): Promise<WalletDto | null> {
  const card = await loadVisibleCard(deps.db, p, cardId);
  // Staff who see the card but lack the wallet row get 403; customers are checked on ownership (O).
  assertCan(p, "wallet", "read", p.kind === "customer" ? await cardOwnership(deps.db, card) : undefined);
  const wallet = await findCardWallet(deps.db, card.id);
  return wallet ? presentWallet(deps.db, wallet, page) : null;
}

/**
 * R29: gives a card a wallet. Our design: the wallet is prepaid by the person who charges, so the
 * card's user must also be its payer; the card stops roaming. Staff with wallet rights, or the card's
 * own employee or private user (matrix O).
 */
export async function createWallet(deps: CoreDeps, p: Principal, cardId: string): Promise<WalletDto> {
  return deps.db.transaction(async (tx) => {
    const card = await lockVisibleCard(tx, p, cardId);
    assertCardWrite(p, "wallet", await cardOwnership(tx, card));
    const wallet = await openWallet(tx, p, card, deps.clock.now());
    return presentWallet(tx, wallet, { page: 1, pageSize: 50 });
  });
}

/**
 * Back office "Cards (wallet deposits)": records money the provider received for a card's wallet
 * (audited), opening the wallet on the first deposit. Customers may open a wallet on their own card
 * but never book money into it: a deposit states that the provider was paid, which only staff know.
 */
export async function depositToWallet(
  deps: CoreDeps,
  p: Principal,
  cardId: string,
  input: WalletDepositInput,
): Promise<WalletDto> {
  assertMoney(input.amount, "amount");
  if (input.amount <= 0)
    throw new AppError("validation_failed", "amount must be positive", { field: "amount" });
  return deps.db.transaction(async (tx) => {
    const card = await lockVisibleCard(tx, p, cardId);
    assertCardWrite(p, "wallet", await cardOwnership(tx, card));
    if (p.kind !== "system") throw forbidden("deposits are recorded by the provider's staff");
    const now = deps.clock.now();
    const wallet = (await findCardWallet(tx, card.id)) ?? (await openWallet(tx, p, card, now));
    const [entry] = await tx
      .insert(walletEntries)
      .values({
        providerId: card.providerId,
        walletId: wallet.id,
        kind: "deposit",
        amount: input.amount,
        reference: input.reference ?? null,
        createdBy: p.userId,
        at: now,
      })
      .returning();
    const balance = await walletBalance(tx, wallet.id);
    await recordAudit(tx, p, {
      action: "wallet.deposit",
      entityType: "wallet",
      entityId: wallet.id,
      before: { balance: balance - input.amount },
      after: { balance, entryId: entry!.id, amount: input.amount, reference: input.reference ?? null },
      at: now,
    });
    return presentWallet(tx, wallet, { page: 1, pageSize: 50 });
  });
}

async function lockVisibleCard(db: Db, p: Principal, cardId: string): Promise<ChargeCardRow> {
  const card = await loadVisibleCard(db, p, cardId);
  await db.select({ id: chargeCards.id }).from(chargeCards).where(eq(chargeCards.id, card.id)).for("update");
  return card;
}

async function openWallet(db: Db, p: Principal, card: ChargeCardRow, at: Date): Promise<WalletRow> {
  if (!card.customerId || card.payerCustomerId !== card.customerId) {
    throw businessRule("R29", "a wallet needs a card whose user pays for it");
  }
  const [provider] = await db
    .select({ currency: providers.currency })
    .from(providers)
    .where(eq(providers.id, card.providerId));
  const [wallet] = await db
    .insert(wallets)
    .values({
      providerId: card.providerId,
      cardId: card.id,
      currency: provider!.currency,
      createdBy: p.userId,
    })
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error, "wallets_card_uq"))
        throw new AppError("duplicate", "the card has a wallet");
      throw error;
    });
  // R29: a wallet card never roams.
  if (card.roamingAllowed) {
    await db
      .update(chargeCards)
      .set({ roamingAllowed: false, updatedAt: at })
      .where(eq(chargeCards.id, card.id));
  }
  await recordAudit(db, p, {
    action: "wallet.create",
    entityType: "wallet",
    entityId: wallet!.id,
    before: { cardId: card.id, roaming: card.roamingAllowed },
    after: { cardId: card.id, currency: wallet!.currency, roaming: false },
    at,
  });
  return wallet!;
}

async function presentWallet(db: Db, wallet: WalletRow, page: PageQuery): Promise<WalletDto> {
  const entries = await db
    .select()
    .from(walletEntries)
    .where(eq(walletEntries.walletId, wallet.id))
    .orderBy(desc(walletEntries.at), desc(walletEntries.createdAt))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(walletEntries)
    .where(eq(walletEntries.walletId, wallet.id));
  return {
    id: wallet.id,
    cardId: wallet.cardId,
    currency: wallet.currency,
    balance: await walletBalance(db, wallet.id),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind as WalletDto["entries"][number]["kind"],
      amount: e.amount,
      transactionId: e.transactionId,
      reference: e.reference,
      at: e.at.toISOString(),
    })),
    entriesTotal: count!.n,
  };
}
