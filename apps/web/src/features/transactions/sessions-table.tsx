import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable, type ServerTableProps } from "../../components/data-table";
import { formatDateTime, formatEnergy, formatMoney } from "../export/portal-format";
import type { Session } from "./transactions.api";

const statusColor: Record<string, string> = { active: "blue", completed: "green", invalid: "red" };

/** Sessions with sortable columns: by the API when the list is paged (`sort`/`onSort`), else in place. */
export function SessionsTable({
  rows,
  label,
  sort,
  onSort,
}: { rows: Session[]; label: string } & Pick<ServerTableProps<Session>, "sort" | "onSort">) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<Session>[] = [
    {
      id: "startedAt",
      header: t("portal.tx.started"),
      cell: (r) => formatDateTime(r.startedAt, lang),
      sortValue: (r) => r.startedAt,
      sortKey: "startedAt",
      csv: (r) => r.startedAt,
    },
    {
      id: "stoppedAt",
      header: t("portal.tx.stopped"),
      cell: (r) => formatDateTime(r.stoppedAt, lang),
      sortValue: (r) => r.stoppedAt,
      sortKey: "stoppedAt",
      csv: (r) => r.stoppedAt,
    },
    {
      id: "chargePoint",
      header: t("portal.tx.chargePoint"),
      cell: (r) => `${r.chargePointId} / ${r.connectorId}`,
      sortValue: (r) => r.chargePointId,
      sortKey: "chargePointId",
      csv: (r) => r.chargePointId,
    },
    { id: "card", header: t("portal.tx.card"), cell: (r) => r.idTag, csv: (r) => r.idTag },
    {
      id: "energy",
      header: t("portal.tx.energy"),
      cell: (r) => formatEnergy(r.energyWh, lang),
      sortValue: (r) => r.energyWh,
      sortKey: "energyWh",
      csv: (r) => r.energyWh,
    },
    {
      id: "cost",
      header: t("portal.tx.cost"),
      cell: (r) => formatMoney(r.cost, r.currency, lang),
      sortValue: (r) => r.cost,
      sortKey: "cost",
      csv: (r) => r.cost,
    },
    {
      id: "status",
      header: t("portal.tx.status"),
      cell: (r) => (
        <Badge color={statusColor[r.status] ?? "gray"}>{t(`portal.tx.statuses.${r.status}`)}</Badge>
      ),
      sortValue: (r) => r.status,
      sortKey: "status",
      csv: (r) => r.status,
    },
  ];
  return (
    <DataTable rows={rows} columns={columns} rowKey={(r) => r.id} label={label} sort={sort} onSort={onSort} />
  );
}
