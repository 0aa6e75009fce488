import { LineChart } from "@mantine/charts";
import { Anchor, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { createRoute, Link } from "@tanstack/react-router";
import type { GridAllocationView, GridView, gridLoadSchema } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { GridForm } from "../../features/grids/grid-form";
import { flattenGridTree } from "../../features/grids/grid-tree";
import { AnchorLink } from "../../features/ui/anchor-link";
import { PageTitle } from "../../features/ui/page-title";
import { api } from "../../lib/api-client";
import { formatAmps } from "./shared/format";
import { QueryState } from "./shared/query-state";
import { useAction } from "./shared/use-action";
import { useDetail, usePagedList } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const gridsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/grids",
  component: GridsPage,
});
export const gridRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/grids/$gridId",
  component: GridPage,
});

function GridsPage() {
  const { t, i18n } = useTranslation();
  const [opened, modal] = useDisclosure(false);
  const grids = usePagedList<GridView>("grids", { pageSize: 500 });
  return (
    <>
      <PageTitle
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={modal.open}>
            {t("bo.grids.new")}
          </Button>
        }
      >
        {t("bo.grids.title")}
      </PageTitle>
      <QueryState
        query={grids}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle={t("bo.grids.none")}
        emptyDescription={t("bo.grids.noneHint")}
      >
        {(data) => (
          <Table.ScrollContainer minWidth={520}>
            <Table striped aria-label={t("bo.grids.title")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("bo.grids.name")}</Table.Th>
                  <Table.Th>{t("bo.grids.maxCurrent")}</Table.Th>
                  <Table.Th>{t("bo.grids.phases")}</Table.Th>
                  <Table.Th>{t("bo.grids.chargePoints")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {flattenGridTree(data.items).map(({ grid, depth }) => (
                  <Table.Tr key={grid.id}>
                    <Table.Td
                      style={{
                        paddingInlineStart: `calc(${depth * 1.5}rem + var(--table-horizontal-spacing, 0.75rem))`,
                      }}
                    >
                      {depth > 0 && <span aria-hidden>└ </span>}
                      <AnchorLink to="/grids/$gridId" params={{ gridId: grid.id }}>
                        {grid.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{formatAmps(grid.maxCurrent, i18n.language)}</Table.Td>
                    <Table.Td>{grid.phases}</Table.Td>
                    <Table.Td>{grid.chargePointIds.length}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal opened={opened} onClose={modal.close} title={t("bo.grids.new")}>
        <GridForm onDone={modal.close} />
      </Modal>
    </>
  );
}

function GridPage() {
  const { t, i18n } = useTranslation();
  const { gridId } = gridRoute.useParams();
  const grid = useDetail<GridView>("grids", gridId);
  const [editing, edit] = useDisclosure(false);
  const [chargePointId, setChargePointId] = useState("");
  const addCp = useAction({
    run: (id: string) => api("POST", `/grids/${gridId}/charge-points`, { chargePointId: id }),
    invalidate: [["grids"]],
    success: "bo.grids.saved",
    onSuccess: () => setChargePointId(""),
  });
  const removeCp = useAction({
    run: (id: string) => api("DELETE", `/grids/${gridId}/charge-points/${encodeURIComponent(id)}`),
    invalidate: [["grids"]],
  });
  return (
    <QueryState query={grid}>
      {(g) => (
        <Stack>
          <Anchor component={Link} to="/grids" size="sm">
            ← {t("bo.grids.title")}
          </Anchor>
          <PageTitle
            actions={
              <Button variant="default" onClick={edit.open}>
                {t("bo.common.edit")}
              </Button>
            }
          >
            {g.name}
          </PageTitle>
          <Text>
            {t("bo.grids.maxCurrent")}: {formatAmps(g.maxCurrent, i18n.language)} × {g.phases}
          </Text>
          <Allocation gridId={gridId} />
          <LoadHistory gridId={gridId} />
          <Paper withBorder p="md">
            <Title order={3} mb="sm">
              {t("bo.grids.chargePoints")}
            </Title>
            <Group align="flex-end" mb="sm">
              <TextInput
                label={t("bo.grids.chargePointId")}
                value={chargePointId}
                onChange={(e) => setChargePointId(e.currentTarget.value)}
              />
              <Button
                disabled={!chargePointId.trim()}
                loading={addCp.isPending}
                onClick={() => addCp.mutate(chargePointId.trim())}
              >
                {t("bo.grids.addChargePoint")}
              </Button>
            </Group>
            {g.chargePointIds.map((id) => (
              <Group key={id} justify="space-between">
                <AnchorLink to="/charge-points/$chargePointId" params={{ chargePointId: id }}>
                  {id}
                </AnchorLink>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => removeCp.mutate(id)}>
                  {t("bo.common.remove")}
                </Button>
              </Group>
            ))}
          </Paper>
          <Modal opened={editing} onClose={edit.close} title={t("bo.common.edit")}>
            <GridForm grid={g} onDone={edit.close} />
          </Modal>
        </Stack>
      )}
    </QueryState>
  );
}

function Allocation({ gridId }: { gridId: string }) {
  const { t, i18n } = useTranslation();
  const allocation = useQuery({
    queryKey: ["grids", "detail", gridId, "allocation"],
    queryFn: () => api<GridAllocationView>("GET", `/grids/${gridId}/allocation`),
    refetchInterval: 10_000,
  });
  const amps = (value: number | null) => formatAmps(value, i18n.language);
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("bo.grids.allocation")}
      </Title>
      <QueryState query={allocation}>
        {(a) => (
          <>
            <Text mb="xs">
              {t("bo.grids.effectiveLimit")}: {amps(a.limitA)} · {t("bo.grids.phaseLoads")}:{" "}
              {a.phaseLoads.map(amps).join(" / ")}
            </Text>
            {a.connectors.length === 0 ? (
              <Text c="dimmed">{t("bo.grids.noSessions")}</Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table aria-label={t("bo.grids.allocation")}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("bo.grids.connector")}</Table.Th>
                      <Table.Th>{t("bo.grids.limit")}</Table.Th>
                      <Table.Th>{t("bo.grids.measured")}</Table.Th>
                      <Table.Th>{t("bo.grids.profile")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {a.connectors.map((c) => (
                      <Table.Tr key={`${c.chargePointId}/${c.connectorId}`}>
                        <Table.Td>
                          {c.chargePointId}/{c.connectorId}
                        </Table.Td>
                        <Table.Td>{c.paused ? t("bo.grids.paused") : amps(c.limitA)}</Table.Td>
                        <Table.Td>{amps(c.measuredA)}</Table.Td>
                        <Table.Td>{c.rejectsProfiles ? "Rejected" : (c.profileStatus ?? "—")}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </QueryState>
    </Paper>
  );
}

function LoadHistory({ gridId }: { gridId: string }) {
  const { t, i18n } = useTranslation();
  const [from] = useState(() => new Date(Date.now() - 86_400_000).toISOString());
  const load = useQuery({
    queryKey: ["grids", "detail", gridId, "load", from],
    queryFn: () =>
      api<z.infer<typeof gridLoadSchema>>("GET", `/grids/${gridId}/load?from=${encodeURIComponent(from)}`),
    refetchInterval: 60_000,
  });
  const time = new Intl.DateTimeFormat(i18n.language === "nl" ? "nl-NL" : "en-GB", { timeStyle: "short" });
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("bo.grids.history")}
      </Title>
      <QueryState query={load}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("bo.grids.noHistory")}</Text>
          ) : (
            <LineChart
              h={240}
              data={data.items.map((s) => ({
                at: time.format(new Date(s.at)),
                load: Math.max(...s.phaseLoads),
                limit: s.limitA,
              }))}
              dataKey="at"
              series={[
                { name: "load", label: t("bo.grids.load"), color: "blue.6" },
                { name: "limit", label: t("bo.grids.limitSeries"), color: "red.6" },
              ]}
              curveType="stepAfter"
            />
          )
        }
      </QueryState>
    </Paper>
  );
}
