import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { chargeCards } from "./charging-assets";
import { createdAt, id, ts } from "./columns";
import { payments } from "./invoicing";
import { providers } from "./tenancy";

/** R29, R39: a prepaid wallet on one charge card (1:1), in the provider's currency. */
export const wallets = pgTable(
  "wallets",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    cardId: uuid("card_id")
      .notNull()
      .references(() => chargeCards.id),
    currency: text("currency").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("wallets_card_uq").on(t.cardId), index("wallets_provider_ix").on(t.providerId)],
);

/**
 * The wallet's ledger: the balance is the sum of the entries, never a stored column. Signed Money
 * (R1): deposits and refunds are positive, session debits negative; adjustments either way.
 */
export const walletEntries = pgTable(
  "wallet_entries",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    walletId: uuid("wallet_id")
      .notNull()
      .references(() => wallets.id),
    kind: text("kind").notNull(), // deposit | session | refund | adjustment
    amount: bigint("amount", { mode: "number" }).notNull(),
    transactionId: uuid("transaction_id"),
    paymentId: uuid("payment_id").references(() => payments.id),
    reference: text("reference"),
    createdBy: text("created_by"),
    at: ts("at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("wallet_entries_wallet_ix").on(t.walletId, t.at),
    // R39: one session debit per transaction; later corrections are `adjustment` entries.
    uniqueIndex("wallet_entries_session_uq").on(t.transactionId).where(sql`kind = 'session'`),
  ],
);
