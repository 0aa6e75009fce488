import { Badge, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatAge } from "../../routes/system/shared/format";
import { EmptyState } from "../ui/empty-state";
import type { Connector } from "./charge-points.api";
import { connectorColor } from "./charge-points-table";

export function ConnectorsTable({ connectors }: { connectors: Connector[] }) {
  const { t, i18n } = useTranslation();
  if (connectors.length === 0)
    return <EmptyState title={t("bo.chargePoints.noConnectors")} description=" " />;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t("bo.chargePoints.connectors")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("bo.chargePoints.connector")}</Table.Th>
            <Table.Th>{t("bo.chargePoints.status")}</Table.Th>
            <Table.Th>{t("bo.chargePoints.since")}</Table.Th>
            <Table.Th>{t("bo.chargePoints.error")}</Table.Th>
            <Table.Th>{t("bo.chargePoints.evseId")}</Table.Th>
            <Table.Th>{t("bo.chargePoints.standard")}</Table.Th>
            <Table.Th>{t("bo.chargePoints.power")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connectors.map((c) => (
            <Table.Tr key={c.connectorId}>
              <Table.Td>{c.connectorId}</Table.Td>
              <Table.Td>
                <Badge color={connectorColor(c.status)} variant="light" tt="none">
                  {t(`bo.status.${c.status}`, { defaultValue: c.status })}
                </Badge>
              </Table.Td>
              <Table.Td>{formatAge(c.statusSince, i18n.language)}</Table.Td>
              <Table.Td>{c.errorCode && c.errorCode !== "NoError" ? c.errorCode : "—"}</Table.Td>
              <Table.Td>{c.evseId ?? "—"}</Table.Td>
              <Table.Td>{[c.standard, c.powerType].filter(Boolean).join(" ") || "—"}</Table.Td>
              <Table.Td>
                {c.maxPowerW ? `${(c.maxPowerW / 1000).toLocaleString(i18n.language)} kW` : "—"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
