import { Paper, Text, Title } from "@mantine/core";
import type { TransactionView } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { formatDateTime, formatEnergy, formatMoney } from "../export/portal-format";

type Row = Omit<TransactionView, "startedAt" | "stoppedAt"> & { startedAt: string; stoppedAt: string | null };

export function RecentSessions({ title, rows }: { title: string; rows: unknown[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<Row>[] = [
    {
      id: "startedAt",
      header: t("portal.tx.started"),
      cell: (r) => formatDateTime(r.startedAt, lang),
      sortValue: (r) => r.startedAt,
    },
    { id: "chargePoint", header: t("portal.tx.chargePoint"), cell: (r) => r.chargePointId },
    {
      id: "energy",
      header: t("portal.tx.energy"),
      cell: (r) => formatEnergy(r.energyWh, lang),
      sortValue: (r) => r.energyWh,
    },
    {
      id: "cost",
      header: t("portal.tx.cost"),
      cell: (r) => formatMoney(r.cost, r.currency, lang),
      sortValue: (r) => r.cost,
    },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t("portal.tx.none")}</Text>
      ) : (
        <DataTable rows={rows as Row[]} columns={columns} rowKey={(r) => r.id} label={title} minWidth={400} />
      )}
    </Paper>
  );
}
