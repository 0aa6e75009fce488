import { Badge, Drawer, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ChargePointStatsCards } from "../charge-points/charge-point-stats";
import type { ChargePoint } from "../charge-points/charge-points.api";
import { formatDateTime } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { SessionsTable } from "../transactions/sessions-table";
import { useSessions } from "../transactions/transactions.api";
import { ChargePointSettingsForm } from "./charge-point-settings-form";

/** Details, live connector status and the latest sessions of one of the customer's chargers. */
export function ChargePointDrawer({
  cp,
  onClose,
  canEdit,
}: {
  cp: ChargePoint | null;
  onClose: () => void;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const sessions = useSessions({ chargePointId: cp?.id }, 1, 20, Boolean(cp));
  return (
    <Drawer opened={Boolean(cp)} onClose={onClose} position="right" size="xl" title={cp?.name}>
      {cp && (
        <Stack>
          <SimpleGrid cols={2}>
            <Detail label={t("portal.cps.identity")} value={cp.id} />
            <Detail label={t("portal.cps.lastSeen")} value={formatDateTime(cp.lastSeenAt, i18n.language)} />
            <Detail
              label={t("portal.cps.model")}
              value={[cp.vendor, cp.model].filter(Boolean).join(" ") || "—"}
            />
            <Detail label={t("portal.cps.firmware")} value={cp.firmwareVersion ?? "—"} />
          </SimpleGrid>
          <ChargePointStatsCards chargePointId={cp.id} />
          <Group gap={6}>
            {cp.connectors.map((c) => (
              <Badge key={c.connectorId} variant="light">
                {c.connectorId}: {c.status}
              </Badge>
            ))}
          </Group>
          {canEdit && <ChargePointSettingsForm cp={cp} />}
          <Title order={4}>{t("portal.cps.sessions")}</Title>
          <QueryState query={sessions} isEmpty={(d) => d.items.length === 0} emptyTitle={t("portal.tx.none")}>
            {(data) => <SessionsTable rows={data.items} label={t("portal.cps.sessions")} />}
          </QueryState>
        </Stack>
      )}
    </Drawer>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
}
