import { Anchor, Badge, Group, Paper } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { useMe } from "../auth/me.query";
import { type ChargePoint, useChargePoints } from "../charge-points/charge-points.api";
import { formatDateTime } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { effectiveView, isReadOnly } from "../navigation/views";
import { PageTitle } from "../ui/page-title";
import { ChargePointDrawer } from "./charge-point-drawer";

/** Charge points tab: the customer's own chargers with live status (the list polls). */
export function OwnChargePointsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const canEdit = effectiveView(me) === "company" && !isReadOnly(me);
  const cps = useChargePoints({ page: 1, pageSize: 500 });
  const [openId, setOpenId] = useState<string | null>(null);
  const open = cps.data?.items.find((cp) => cp.id === openId) ?? null;
  const columns: Column<ChargePoint>[] = [
    {
      id: "name",
      header: t("portal.cps.name"),
      cell: (r) => (
        <Anchor component="button" type="button" onClick={() => setOpenId(r.id)}>
          {r.name}
        </Anchor>
      ),
      sortValue: (r) => r.name,
      csv: (r) => r.name,
    },
    {
      id: "id",
      header: t("portal.cps.identity"),
      cell: (r) => r.id,
      sortValue: (r) => r.id,
      csv: (r) => r.id,
    },
    {
      id: "online",
      header: t("portal.cps.status"),
      cell: (r) => (
        <Badge color={r.online ? "green" : "gray"}>
          {t(r.online ? "portal.status.online" : "portal.status.offline")}
        </Badge>
      ),
      sortValue: (r) => (r.online ? 1 : 0),
      csv: (r) => (r.online ? "online" : "offline"),
    },
    {
      id: "connectors",
      header: t("portal.cps.connectors"),
      cell: (r) => (
        <Group gap={4}>
          {r.connectors.map((c) => (
            <Badge key={c.connectorId} variant="light" size="sm">
              {c.connectorId}: {c.status}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      id: "lastSeen",
      header: t("portal.cps.lastSeen"),
      cell: (r) => formatDateTime(r.lastSeenAt, i18n.language),
      sortValue: (r) => r.lastSeenAt,
      csv: (r) => r.lastSeenAt,
    },
  ];
  return (
    <>
      <PageTitle>{t("nav.chargePoints")}</PageTitle>
      <Paper withBorder p="md">
        <QueryState
          query={cps}
          isEmpty={(d) => d.items.length === 0}
          emptyTitle={t("portal.cps.none")}
          emptyDescription={t("portal.cps.noneHint")}
        >
          {(data) => (
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(r) => r.id}
              label={t("nav.chargePoints")}
              csvFileName="charge-points.csv"
            />
          )}
        </QueryState>
      </Paper>
      <ChargePointDrawer cp={open} onClose={() => setOpenId(null)} canEdit={canEdit} />
    </>
  );
}
