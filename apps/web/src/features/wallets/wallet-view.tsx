import { Alert, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { formatDateTime, formatMoney } from "../../routes/system/shared/format";
import type { Wallet } from "./wallets.api";

type Entry = Wallet["entries"][number];

/** Balance and ledger of one wallet (§6 Charge Cards: wallet). */
export function WalletView({ wallet }: { wallet: Wallet }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, wallet.currency, i18n.language);
  const columns: Column<Entry>[] = [
    {
      id: "at",
      header: t("bo.wallets.at"),
      cell: (e) => formatDateTime(e.at, i18n.language),
      sortValue: (e) => e.at,
      csv: (e) => e.at,
    },
    {
      id: "kind",
      header: t("bo.wallets.kind"),
      cell: (e) => t(`bo.wallets.kinds.${e.kind}`),
      csv: (e) => e.kind,
    },
    {
      id: "amount",
      header: t("bo.wallets.amount"),
      cell: (e) => (
        <Text span c={e.amount < 0 ? "red" : undefined} ff="monospace">
          {money(e.amount)}
        </Text>
      ),
      sortValue: (e) => e.amount,
      csv: (e) => String(e.amount),
    },
    {
      id: "reference",
      header: t("bo.wallets.reference"),
      cell: (e) => e.reference ?? "—",
      csv: (e) => e.reference,
    },
  ];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text>{t("bo.wallets.balance")}</Text>
        <Text fw={700} size="xl" c={wallet.balance <= 0 ? "red" : undefined} data-testid="wallet-balance">
          {money(wallet.balance)}
        </Text>
      </Group>
      {wallet.balance <= 0 && (
        <Alert color="orange" variant="light">
          {t("bo.wallets.refused")}
        </Alert>
      )}
      <Title order={4}>{t("bo.wallets.ledger")}</Title>
      {wallet.entries.length === 0 ? (
        <Text c="dimmed">{t("bo.wallets.noEntries")}</Text>
      ) : (
        <DataTable
          rows={wallet.entries}
          columns={columns}
          rowKey={(e) => e.id}
          label={t("bo.wallets.ledger")}
          csvFileName="wallet.csv"
        />
      )}
    </Stack>
  );
}
