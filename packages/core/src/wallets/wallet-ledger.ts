import { type Db, walletEntries, wallets } from "@voltlane/db";
import { eq, sql } from "drizzle-orm";
import { businessRule } from "../errors/app-error";
import type { Money } from "../money/money";

export type WalletRow = typeof wallets.$inferSelect;

export async function findCardWallet(db: Db, cardId: string): Promise<WalletRow | undefined> {
  const [row] = await db.select().from(wallets).where(eq(wallets.cardId, cardId));
  return row;
}

/** The balance is the sum of the ledger (DOMAIN §3 Wallet), never a stored column. */
export async function walletBalance(db: Db, walletId: string): Promise<Money> {
  const [row] = await db
    .select({ balance: sql<string>`coalesce(sum(${walletEntries.amount}), 0)` })
    .from(walletEntries)
    .where(eq(walletEntries.walletId, walletId));
  return Number(row!.balance);
}

/** R32 #8: the balance of a wallet card, null when the card has no wallet. */
export async function cardWalletBalance(db: Db, cardId: string): Promise<Money | null> {
  const wallet = await findCardWallet(db, cardId);
  return wallet ? walletBalance(db, wallet.id) : null;
}

/** R29: a wallet card never roams. */
export async function assertCardMayRoam(db: Db, cardId: string): Promise<void> {
  if (await findCardWallet(db, cardId)) throw businessRule("R29", "a wallet card cannot roam");
}
