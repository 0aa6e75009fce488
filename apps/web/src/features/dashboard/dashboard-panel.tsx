import { BarChart } from "@mantine/charts";
import { Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatEnergy, formatMoney } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { type Dashboard, type DashboardInterval, rangeFor, useDashboard } from "./dashboard.api";
import { RecentSessions } from "./recent-sessions";
import { StationOverview } from "./station-overview";

/**
 * The company Dashboard (DOMAIN.md §6), shared by the company admin's own view and the System User
 * View: energy used and delivered per interval and in total, latest sessions, live stations.
 */
export function DashboardPanel({ customerId }: { customerId?: string }) {
  const { t } = useTranslation();
  const [interval, setInterval] = useState<DashboardInterval>("day");
  const [range] = useState(() => ({
    day: rangeFor("day"),
    week: rangeFor("week"),
    month: rangeFor("month"),
  }));
  const query = useDashboard({ customerId, interval, ...range[interval] }, { live: true });
  return (
    <Stack>
      <SegmentedControl
        aria-label={t("portal.dashboard.interval")}
        value={interval}
        onChange={(value) => setInterval(value as DashboardInterval)}
        data={(["day", "week", "month"] as const).map((value) => ({
          value,
          label: t(`portal.dashboard.per.${value}`),
        }))}
        w="fit-content"
      />
      {query.isPending ? (
        <Skeleton height={320} aria-label={t("common.loading")} />
      ) : (
        <QueryState query={query}>{(data) => <DashboardBody data={data} />}</QueryState>
      )}
    </Stack>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <DashboardTotals data={data} />
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("portal.dashboard.energy")}
        </Title>
        <EnergyChart data={data} />
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <RecentSessions title={t("portal.dashboard.recentCard")} rows={data.recentCardTransactions} />
        <RecentSessions
          title={t("portal.dashboard.recentChargePoint")}
          rows={data.recentChargePointTransactions}
        />
      </SimpleGrid>
      <StationOverview stations={data.stations} />
    </Stack>
  );
}

/** Delivered energy and revenue only mean something for customers with charge points (companies). */
export function DashboardTotals({ data, deliveredToo = true }: { data: Dashboard; deliveredToo?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { totals } = data;
  const tiles = [
    { label: t("portal.dashboard.used"), value: formatEnergy(totals.usedWh, lang) },
    { label: t("portal.dashboard.delivered"), value: formatEnergy(totals.deliveredWh, lang) },
    { label: t("portal.dashboard.costs"), value: formatMoney(totals.costs, totals.currency, lang) },
    { label: t("portal.dashboard.revenue"), value: formatMoney(totals.revenue, totals.currency, lang) },
  ].filter((_, i) => deliveredToo || i % 2 === 0);
  return (
    <SimpleGrid cols={{ base: 2, sm: tiles.length }}>
      {tiles.map((tile) => (
        <Paper key={tile.label} withBorder p="md" role="group" aria-label={tile.label}>
          <Text size="sm" c="dimmed">
            {tile.label}
          </Text>
          <Text fw={700} size="xl">
            {tile.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** kWh for the chart only; totals and tables keep integer Wh. */
export function EnergyChart({ data, deliveredToo = true }: { data: Dashboard; deliveredToo?: boolean }) {
  const { t } = useTranslation();
  const delivered = new Map(data.energyDelivered.map((p) => [p.period, p.wh]));
  const rows = data.energyUsed.map((p) => ({
    period: p.period,
    used: p.wh / 1000,
    delivered: (delivered.get(p.period) ?? 0) / 1000,
  }));
  const series = [{ name: "used", label: t("portal.dashboard.used"), color: "teal.6" }];
  if (deliveredToo)
    series.push({ name: "delivered", label: t("portal.dashboard.delivered"), color: "blue.6" });
  return (
    <BarChart
      h={260}
      data={rows}
      dataKey="period"
      series={series}
      unit=" kWh"
      withLegend
      aria-label={t("portal.dashboard.energy")}
    />
  );
}
