import { Button, Group, Loader, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { parseMoneyToMinor } from "../../routes/system/shared/format";
import { useAction } from "../../routes/system/shared/use-action";
import { useMe } from "../auth/me.query";
import { WalletView } from "./wallet-view";
import { depositToWallet, useCardWallet, walletKey } from "./wallets.api";

type Card = { id: string; externalId: string };

/** Back office "Cards (wallet deposits)": a card's wallet and, for finance, a deposit (audited). */
export function CardWalletDialog({
  card,
  canDeposit,
  onClose,
}: {
  card: Card;
  canDeposit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const wallet = useCardWallet(card.id);
  return (
    <Modal opened onClose={onClose} title={t("bo.wallets.walletFor", { card: card.externalId })} size="xl">
      <Stack>
        {wallet.isPending ? (
          <Loader size="sm" />
        ) : wallet.data ? (
          <WalletView wallet={wallet.data} />
        ) : (
          <Text c="dimmed">{wallet.isError ? t("bo.wallets.none") : t("bo.wallets.noneHint")}</Text>
        )}
        {canDeposit && <DepositForm cardId={card.id} />}
      </Stack>
    </Modal>
  );
}

function DepositForm({ cardId }: { cardId: string }) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const [invalid, setInvalid] = useState(false);
  const deposit = useAction({
    run: (input: { amount: number; reference?: string }) => depositToWallet(cardId, input),
    invalidate: [walletKey(cardId), ["charge-cards"]],
    success: "bo.wallets.deposited",
    onSuccess: () => {
      setAmount("");
      setReference("");
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const minor = parseMoneyToMinor(amount);
    setInvalid(!minor);
    if (!minor) return;
    deposit.mutate({ amount: minor, ...(reference.trim() ? { reference: reference.trim() } : {}) });
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t("bo.wallets.depositAmount")}
          value={amount}
          inputMode="decimal"
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={invalid ? t("bo.wallets.amountInvalid") : undefined}
          required
        />
        <TextInput
          label={t("bo.wallets.depositReference")}
          value={reference}
          maxLength={140}
          onChange={(e) => setReference(e.currentTarget.value)}
        />
        <Button type="submit" loading={deposit.isPending}>
          {t("bo.wallets.deposit")}
        </Button>
      </Group>
    </form>
  );
}

/** Matrix row `wallet`: super, admin and finance deposit (F); viewers only look (V). */
export function useCanDepositToWallet(): boolean {
  const me = useMe();
  if (me.kind !== "system" || me.viewAs) return false;
  return me.isSuper || me.roles.some((role) => role === "super" || role === "admin" || role === "finance");
}
