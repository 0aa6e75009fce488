import { ActionIcon, Tooltip } from "@mantine/core";
import { IconReceiptOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import type { TableSort } from "../../components/table-sort";
import { xlsxMoney } from "../../components/to-xlsx";
import { formatDateTime, formatEnergy, formatMoney } from "../../routes/system/shared/format";
import { StatusBadge } from "../../routes/system/shared/status-badge";
import { AnchorLink } from "../ui/anchor-link";
import type { Transaction } from "./transactions.api";

interface Props {
  rows: Transaction[];
  /** Opens the billable override for a row (R37); omitted where staff may not override. */
  onOverride?: (row: Transaction) => void;
  showChargePoint?: boolean;
  /** A server-paged list: the API sorts (header clicks call onSort). */
  sort?: TableSort;
  onSort?: (sort: TableSort) => void;
}

export function TransactionsTable({ rows, onOverride, showChargePoint = true, sort, onSort }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<Transaction>[] = [
    {
      id: "tx",
      header: "#",
      cell: (r) => r.ocppTransactionId,
      sortValue: (r) => r.ocppTransactionId,
      csv: (r) => r.ocppTransactionId,
    },
    {
      id: "started",
      header: t("bo.transactions.startedAt"),
      cell: (r) => formatDateTime(r.startedAt, lang),
      sortValue: (r) => r.startedAt,
      sortKey: "startedAt",
      csv: (r) => r.startedAt,
    },
    {
      id: "stopped",
      header: t("bo.transactions.stoppedAt"),
      cell: (r) => formatDateTime(r.stoppedAt, lang),
      sortValue: (r) => r.stoppedAt,
      sortKey: "stoppedAt",
      csv: (r) => r.stoppedAt,
    },
    ...(showChargePoint
      ? [
          {
            id: "cp",
            header: t("bo.transactions.chargePoint"),
            cell: (r: Transaction) => (
              <AnchorLink to="/charge-points/$chargePointId" params={{ chargePointId: r.chargePointId }}>
                {r.chargePointId}/{r.connectorId}
              </AnchorLink>
            ),
            sortValue: (r: Transaction) => r.chargePointId,
            sortKey: "chargePointId",
            csv: (r: Transaction) => `${r.chargePointId}/${r.connectorId}`,
          },
        ]
      : []),
    { id: "idTag", header: t("bo.transactions.card"), cell: (r) => r.idTag, csv: (r) => r.idTag },
    {
      id: "energy",
      header: t("bo.transactions.energy"),
      cell: (r) => formatEnergy(r.energyWh, lang),
      sortValue: (r) => r.energyWh,
      sortKey: "energyWh",
      csv: (r) => r.energyWh,
    },
    {
      id: "cost",
      header: t("bo.transactions.cost"),
      cell: (r) => formatMoney(r.cost, r.currency, lang),
      sortValue: (r) => r.cost,
      sortKey: "cost",
      csv: (r) => r.cost,
      xlsx: (r) => xlsxMoney(r.cost, r.currency),
    },
    {
      id: "status",
      header: t("bo.transactions.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      sortValue: (r) => r.status,
      sortKey: "status",
      csv: (r) => r.status,
    },
    {
      id: "billable",
      header: t("bo.transactions.billable"),
      cell: (r) =>
        r.billable
          ? t("bo.common.yes")
          : `${t("bo.common.no")}${r.notBillableReason ? ` (${r.notBillableReason})` : ""}`,
      sortValue: (r) => (r.billable ? 1 : 0),
      csv: (r) => (r.billable ? "yes" : `no ${r.notBillableReason ?? ""}`.trim()),
    },
  ];
  if (onOverride)
    columns.push({
      id: "actions",
      header: "",
      cell: (r) =>
        r.status === "completed" ? (
          <Tooltip label={t("bo.transactions.override")}>
            <ActionIcon
              variant="subtle"
              aria-label={`${t("bo.transactions.override")} #${r.ocppTransactionId}`}
              onClick={() => onOverride(r)}
            >
              <IconReceiptOff size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : null,
    });
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      label={t("bo.transactions.title")}
      minWidth={900}
      sort={sort}
      onSort={onSort}
    />
  );
}
