import { z } from "zod";
import { pageQuerySchema } from "./pagination";

export const walletEntryKindSchema = z.enum(["deposit", "session", "refund", "adjustment"]);

export const walletEntrySchema = z
  .object({
    id: z.uuid(),
    kind: walletEntryKindSchema,
    /** Signed Money in minor units: deposits positive, session debits negative. */
    amount: z.number().int(),
    transactionId: z.uuid().nullable(),
    reference: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: "WalletEntry" });
export type WalletEntryDto = z.infer<typeof walletEntrySchema>;

export const walletSchema = z
  .object({
    id: z.uuid(),
    cardId: z.uuid(),
    currency: z.string(),
    /** Sum of the ledger (R39: may be negative once, after which the card is refused). */
    balance: z.number().int(),
    entries: z.array(walletEntrySchema),
    entriesTotal: z.number().int(),
  })
  .meta({ id: "Wallet" });
export type WalletDto = z.infer<typeof walletSchema>;

export const walletQuerySchema = pageQuerySchema;

export const walletDepositSchema = z.strictObject({
  /** Money: integer minor units, > 0. */
  amount: z.number().int().positive().max(100_000_000),
  /** The bank or cash reference of the money received. */
  reference: z.string().trim().min(1).max(140).optional(),
});
export type WalletDepositInput = z.infer<typeof walletDepositSchema>;
