import { Badge, Group, Paper, SimpleGrid, Text, Title } from "@mantine/core";
import type { StationOverview as Station } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";

const statusColor: Record<string, string> = {
  Available: "green",
  Charging: "blue",
  Preparing: "cyan",
  SuspendedEV: "yellow",
  SuspendedEVSE: "yellow",
  Finishing: "cyan",
  Reserved: "grape",
  Unavailable: "gray",
  Faulted: "red",
};

/** The customer's charging stations with live connector status (the dashboard refetches every 15 s). */
export function StationOverview({ stations }: { stations: unknown[] }) {
  const { t } = useTranslation();
  const list = stations as Station[];
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("portal.dashboard.stations")}
      </Title>
      {list.length === 0 ? (
        <Text c="dimmed">{t("portal.dashboard.noStations")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {list.map((station) => (
            <Paper key={station.id} withBorder p="sm" role="group" aria-label={station.name}>
              <Group justify="space-between" mb={4}>
                <Text fw={600}>{station.name}</Text>
                <Badge color={station.online ? "green" : "gray"}>
                  {t(station.online ? "portal.status.online" : "portal.status.offline")}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mb={4}>
                {station.id}
              </Text>
              <Group gap={6}>
                {station.connectors.map((c) => (
                  <Badge key={c.connectorId} variant="light" color={statusColor[c.status] ?? "gray"}>
                    {c.connectorId}: {c.status}
                  </Badge>
                ))}
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
