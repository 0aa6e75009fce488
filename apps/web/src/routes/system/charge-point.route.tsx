import { BarChart } from "@mantine/charts";
import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { createRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../features/auth/permissions.query";
import { ChargePointForm } from "../../features/charge-points/charge-point-form";
import { ChargePointStatsCards } from "../../features/charge-points/charge-point-stats";
import {
  type ChargePoint,
  chargePointApi,
  chargePointKeys,
  useChargePoint,
} from "../../features/charge-points/charge-points.api";
import { CommandPanel } from "../../features/charge-points/command-panel";
import { ConnectorsTable } from "../../features/charge-points/connectors-table";
import { OcppLog } from "../../features/charge-points/ocpp-log";
import { energyPerDay, useTransactions } from "../../features/transactions-admin/transactions.api";
import { TransactionsTable } from "../../features/transactions-admin/transactions-table";
import { EmptyState } from "../../features/ui/empty-state";
import { PageTitle } from "../../features/ui/page-title";
import { CustomerName } from "./shared/customer-select";
import { useOptionLabel } from "./shared/entity-select";
import { formatAge, formatDateTime } from "./shared/format";
import { QueryState } from "./shared/query-state";
import { StatusBadge } from "./shared/status-badge";
import { useAction } from "./shared/use-action";
import { systemRoute } from "./system.route";

export const chargePointRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/charge-points/$chargePointId",
  component: ChargePointPage,
});

function ChargePointPage() {
  const { chargePointId } = chargePointRoute.useParams();
  const chargePoint = useChargePoint(chargePointId);
  return <QueryState query={chargePoint}>{(cp) => <ChargePointDetail cp={cp} />}</QueryState>;
}

function ChargePointDetail({ cp }: { cp: ChargePoint }) {
  const { t } = useTranslation();
  const [editing, edit] = useDisclosure(false);
  const { canWrite } = usePermissions();
  const manages = canWrite("charge_points");
  const lifecycle = useAction({
    run: (action: "activate" | "deactivate" | "retire") => chargePointApi.lifecycle(cp.id, action),
    invalidate: [chargePointKeys.all],
    success: "bo.chargePoints.lifecycleDone",
  });
  return (
    <>
      <Anchor component={Link} to="/charge-points" size="sm">
        ← {t("bo.chargePoints.title")}
      </Anchor>
      <PageTitle
        actions={
          <Group gap="xs">
            {manages && (
              <Button variant="default" onClick={edit.open}>
                {t("bo.chargePoints.edit")}
              </Button>
            )}
            {manages && cp.activation !== "active" && cp.activation !== "retired" && (
              <Button onClick={() => lifecycle.mutate("activate")} loading={lifecycle.isPending}>
                {t("bo.chargePoints.activate")}
              </Button>
            )}
            {manages && cp.activation === "active" && (
              <Button
                variant="default"
                onClick={() => lifecycle.mutate("deactivate")}
                loading={lifecycle.isPending}
              >
                {t("bo.chargePoints.deactivate")}
              </Button>
            )}
            {manages && cp.activation !== "retired" && (
              <Button
                color="red"
                variant="subtle"
                onClick={() => lifecycle.mutate("retire")}
                loading={lifecycle.isPending}
              >
                {t("bo.chargePoints.retire")}
              </Button>
            )}
          </Group>
        }
      >
        {cp.name || cp.id}
      </PageTitle>
      <Group gap="xs" mb="md">
        <Text c="dimmed">{cp.id}</Text>
        <StatusBadge value={cp.online ? "online" : "offline"} />
        <StatusBadge value={cp.activation} />
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t("bo.chargePoints.tabs.overview")}</Tabs.Tab>
          <Tabs.Tab value="sessions">{t("bo.chargePoints.tabs.sessions")}</Tabs.Tab>
          <Tabs.Tab value="energy">{t("bo.chargePoints.tabs.energy")}</Tabs.Tab>
          <Tabs.Tab value="log">{t("bo.chargePoints.tabs.log")}</Tabs.Tab>
          {manages && <Tabs.Tab value="commands">{t("bo.chargePoints.tabs.commands")}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Stack>
            <ChargePointStatsCards chargePointId={cp.id} />
            <Facts cp={cp} />
            <ConnectorsTable connectors={cp.connectors} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <Sessions chargePointId={cp.id} />
        </Tabs.Panel>
        <Tabs.Panel value="energy">
          <EnergyChart chargePointId={cp.id} />
        </Tabs.Panel>
        <Tabs.Panel value="log">
          <OcppLog chargePointId={cp.id} />
        </Tabs.Panel>
        <Tabs.Panel value="commands">
          <CommandPanel chargePointId={cp.id} />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={editing} onClose={edit.close} title={t("bo.chargePoints.edit")} size="lg">
        <ChargePointForm chargePoint={cp} onDone={edit.close} />
      </Modal>
    </>
  );
}

function Facts({ cp }: { cp: ChargePoint }) {
  const { t, i18n } = useTranslation();
  const groupLabel = useOptionLabel("/charge-groups");
  const locationLabel = useOptionLabel("/locations");
  const facts: [string, React.ReactNode][] = [
    [
      t("bo.chargePoints.lastSeen"),
      `${formatAge(cp.lastSeenAt, i18n.language)} (${formatDateTime(cp.lastSeenAt, i18n.language)})`,
    ],
    [t("bo.chargePoints.vendorModel"), [cp.vendor, cp.model].filter(Boolean).join(" ") || "—"],
    [t("bo.chargePoints.serial"), cp.serialNumber ?? "—"],
    [t("bo.chargePoints.firmware"), cp.firmwareVersion ?? "—"],
    [t("bo.chargePoints.group"), groupLabel(cp.chargeGroupId)],
    [t("bo.chargePoints.owner"), <CustomerName key="owner" id={cp.ownerCustomerId} />],
    [t("bo.chargePoints.location"), locationLabel(cp.locationId)],
    [t("bo.chargePoints.maxCurrent"), cp.maxCurrentA ? `${cp.maxCurrentA} A × ${cp.phases ?? "?"}` : "—"],
  ];
  return (
    <Paper withBorder p="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {facts.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text>{value}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function Sessions({ chargePointId }: { chargePointId: string }) {
  const { t } = useTranslation();
  const transactions = useTransactions({ chargePointId }, 1, 50, true);
  return (
    <QueryState
      query={transactions}
      isEmpty={(d) => d.items.length === 0}
      emptyTitle={t("bo.transactions.none")}
      emptyDescription=" "
    >
      {(data) => <TransactionsTable rows={data.items} showChargePoint={false} />}
    </QueryState>
  );
}

function EnergyChart({ chargePointId }: { chargePointId: string }) {
  const { t } = useTranslation();
  const [from] = useState(() => new Date(Date.now() - 30 * 86_400_000).toISOString());
  const transactions = useTransactions({ chargePointId, from }, 1, 500);
  return (
    <QueryState query={transactions}>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState title={t("bo.chargePoints.noEnergy")} description=" " />
        ) : (
          <Paper withBorder p="md">
            <Text fw={600} mb="sm">
              {t("bo.chargePoints.energyPerDay")}
            </Text>
            <BarChart
              h={260}
              data={energyPerDay(data.items, 30, new Date())}
              dataKey="day"
              series={[{ name: "kWh", color: "teal.6" }]}
              aria-label={t("bo.chargePoints.energyPerDay")}
            />
          </Paper>
        )
      }
    </QueryState>
  );
}
