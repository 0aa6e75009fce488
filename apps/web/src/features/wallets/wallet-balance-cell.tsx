import { Button, Modal } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../routes/system/shared/format";
import { WalletView } from "./wallet-view";
import { useCardWallet } from "./wallets.api";

/** Charge Cards tab: a card's wallet balance, opening its ledger; "—" without a wallet. */
export function WalletBalanceCell({ card }: { card: { id: string; externalId: string } }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const wallet = useCardWallet(card.id);
  if (!wallet.data) return <>—</>;
  const data = wallet.data;
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        color={data.balance <= 0 ? "red" : undefined}
        aria-label={t("bo.wallets.show")}
        onClick={() => setOpen(true)}
      >
        {formatMoney(data.balance, data.currency, i18n.language)}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t("bo.wallets.walletFor", { card: card.externalId })}
        size="xl"
      >
        <WalletView wallet={data} />
      </Modal>
    </>
  );
}
