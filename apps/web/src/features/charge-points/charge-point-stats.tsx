import { Paper, SimpleGrid, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ChargePointStats } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { formatNumber } from "../../lib/format";
import { formatDateTime, formatEnergy, formatMoney } from "../../routes/system/shared/format";
import { QueryState } from "../export/query-state";

export function useChargePointStats(chargePointId: string) {
  return useQuery({
    queryKey: ["charge-points", "stats", chargePointId],
    queryFn: () => api<ChargePointStats>("GET", `/charge-points/${encodeURIComponent(chargePointId)}/stats`),
    refetchInterval: 60_000,
  });
}

/** Charge point detail (§6, §7): 30-day uptime, energy, sessions and revenue, for staff and owners. */
export function ChargePointStatsCards({ chargePointId }: { chargePointId: string }) {
  const { t, i18n } = useTranslation();
  const stats = useChargePointStats(chargePointId);
  const lang = i18n.language;
  return (
    <QueryState query={stats}>
      {(s) => {
        const partial = s.uptime.since !== null && s.uptime.since > s.from;
        const uptime = s.uptime.percent === null ? "—" : `${formatNumber(Number(s.uptime.percent), lang)} %`;
        const cards = [
          {
            id: "uptime",
            label: t("bo.chargePoints.stats.uptime", { days: s.days }),
            value: uptime,
            hint:
              s.uptime.percent === null
                ? t("bo.chargePoints.stats.noHistory")
                : partial
                  ? t("bo.chargePoints.stats.measuredSince", { date: formatDateTime(s.uptime.since, lang) })
                  : undefined,
          },
          {
            id: "energy",
            label: t("bo.chargePoints.stats.energy", { days: s.days }),
            value: formatEnergy(s.energyWh, lang),
          },
          {
            id: "sessions",
            label: t("bo.chargePoints.stats.sessions", { days: s.days }),
            value: formatNumber(s.sessions, lang),
          },
          {
            id: "revenue",
            label: t("bo.chargePoints.stats.revenue", { days: s.days }),
            value: formatMoney(s.revenue, s.currency, lang),
            hint: t("bo.chargePoints.stats.revenueHint"),
          },
        ];
        return (
          <SimpleGrid cols={{ base: 2, md: 4 }} aria-label={t("bo.chargePoints.stats.title")}>
            {cards.map((c) => (
              <Paper key={c.id} withBorder p="md" data-testid={`cp-stat-${c.id}`}>
                <Text size="xs" c="dimmed">
                  {c.label}
                </Text>
                <Text fw={700} size="xl">
                  {c.value}
                </Text>
                {c.hint && (
                  <Text size="xs" c="dimmed">
                    {c.hint}
                  </Text>
                )}
              </Paper>
            ))}
          </SimpleGrid>
        );
      }}
    </QueryState>
  );
}
