import { Badge, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable, type ServerTableProps } from "../../components/data-table";
import { formatAge } from "../../routes/system/shared/format";
import { StatusBadge } from "../../routes/system/shared/status-badge";
import { AnchorLink } from "../ui/anchor-link";
import type { ChargePoint } from "./charge-points.api";

/** Live list: connection, activation and every connector's OCPP status. */
export function ChargePointsTable({
  rows,
  ...server
}: { rows: ChargePoint[] } & ServerTableProps<ChargePoint>) {
  const { t, i18n } = useTranslation();
  const columns: Column<ChargePoint>[] = [
    {
      id: "id",
      header: t("bo.chargePoints.id"),
      cell: (cp) => (
        <AnchorLink to="/charge-points/$chargePointId" params={{ chargePointId: cp.id }}>
          {cp.id}
        </AnchorLink>
      ),
      sortValue: (cp) => cp.id,
      sortKey: "id",
      csv: (cp) => cp.id,
    },
    {
      id: "name",
      header: t("bo.chargePoints.name"),
      cell: (cp) => cp.name,
      sortValue: (cp) => cp.name,
      sortKey: "name",
      csv: (cp) => cp.name,
    },
    {
      id: "online",
      header: t("bo.chargePoints.online"),
      cell: (cp) => <StatusBadge value={cp.online ? "online" : "offline"} />,
      sortValue: (cp) => (cp.online ? 0 : 1),
      sortKey: "online",
      csv: (cp) => (cp.online ? "online" : "offline"),
    },
    {
      id: "activation",
      header: t("bo.chargePoints.activation"),
      cell: (cp) => <StatusBadge value={cp.activation} />,
      sortValue: (cp) => cp.activation,
      csv: (cp) => cp.activation,
    },
    {
      id: "connectors",
      header: t("bo.chargePoints.connectors"),
      cell: (cp) => (
        <Group gap={4}>
          {cp.connectors.length === 0 && <Text c="dimmed">—</Text>}
          {cp.connectors.map((c) => (
            <Badge key={c.connectorId} variant="outline" tt="none" color={connectorColor(c.status)}>
              {c.connectorId}: {t(`bo.status.${c.status}`, { defaultValue: c.status })}
            </Badge>
          ))}
        </Group>
      ),
      csv: (cp) => cp.connectors.map((c) => `${c.connectorId}:${c.status}`).join(" "),
    },
    {
      id: "lastSeen",
      header: t("bo.chargePoints.lastSeen"),
      cell: (cp) => formatAge(cp.lastSeenAt, i18n.language),
      sortValue: (cp) => cp.lastSeenAt ?? "",
      sortKey: "lastSeenAt",
      csv: (cp) => cp.lastSeenAt,
    },
    {
      id: "model",
      header: t("bo.chargePoints.vendorModel"),
      cell: (cp) => [cp.vendor, cp.model].filter(Boolean).join(" ") || "—",
      csv: (cp) => [cp.vendor, cp.model].filter(Boolean).join(" "),
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(cp) => cp.id}
      label={t("bo.chargePoints.title")}
      csvFileName="charge-points.csv"
      {...server}
    />
  );
}

export function connectorColor(status: string): string {
  if (status === "Available") return "teal";
  if (status === "Charging") return "blue";
  if (status === "Faulted") return "red";
  if (status === "Unavailable") return "gray";
  return "yellow";
}
