import { useQuery } from "@tanstack/react-query";
import type { WalletDepositInput, WalletDto } from "@voltlane/contracts";
import { api } from "../../lib/api-client";

export type Wallet = WalletDto;

export const walletKey = (cardId: string) => ["charge-cards", cardId, "wallet"];

/** A card's wallet with the latest 100 ledger entries; null when the card has none. */
export function useCardWallet(cardId: string, enabled = true) {
  return useQuery({
    queryKey: walletKey(cardId),
    queryFn: () =>
      api<Wallet | null>("GET", `/charge-cards/${encodeURIComponent(cardId)}/wallet?pageSize=100`),
    enabled,
    retry: false,
  });
}

export const depositToWallet = (cardId: string, input: WalletDepositInput) =>
  api<Wallet>("POST", `/charge-cards/${encodeURIComponent(cardId)}/wallet/deposits`, input);
