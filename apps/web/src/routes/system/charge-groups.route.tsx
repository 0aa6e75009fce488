import { Anchor, Button, Group, Modal, SimpleGrid, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { createRoute, Link } from "@tanstack/react-router";
import type { ChargeGroupDto } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { ChargeGroupForm } from "../../features/charge-groups/charge-group-form";
import { GroupMembers, TariffExceptions } from "../../features/charge-groups/group-members";
import { AnchorLink } from "../../features/ui/anchor-link";
import { PageTitle } from "../../features/ui/page-title";
import { useOptionLabel } from "./shared/entity-select";
import { PageFooter } from "./shared/page-footer";
import { QueryState } from "./shared/query-state";
import { useDetail, useListSort, usePagedList } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const chargeGroupsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/charge-groups",
  component: ChargeGroupsPage,
});
export const chargeGroupRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/charge-groups/$groupId",
  component: ChargeGroupPage,
});

function ChargeGroupsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [opened, modal] = useDisclosure(false);
  const sorting = useListSort<ChargeGroupDto>("charge-groups", () => setPage(1));
  const groups = usePagedList<ChargeGroupDto>("charge-groups", { page, pageSize: 50, ...sorting.params });
  const tariffLabel = useOptionLabel("/tariffs");
  const columns: Column<ChargeGroupDto>[] = [
    {
      id: "code",
      header: t("bo.chargeGroups.code"),
      cell: (g) => g.code,
      sortKey: "code",
      csv: (g) => g.code,
    },
    {
      id: "name",
      header: t("bo.chargeGroups.name"),
      cell: (g) => (
        <AnchorLink to="/charge-groups/$groupId" params={{ groupId: g.id }}>
          {g.name}
        </AnchorLink>
      ),
      sortKey: "name",
      csv: (g) => g.name,
    },
    {
      id: "type",
      header: t("bo.chargeGroups.type"),
      cell: (g) => t(`bo.chargeGroups.types.${g.type}`),
      sortKey: "type",
      csv: (g) => g.type,
    },
    {
      id: "access",
      header: t("bo.chargeGroups.access"),
      cell: (g) => t(`bo.chargeGroups.accesses.${g.access}`),
      sortKey: "access",
      csv: (g) => g.access,
    },
    {
      id: "tariff",
      header: t("bo.chargeGroups.tariff"),
      cell: (g) => tariffLabel(g.tariffId),
      csv: (g) => g.tariffId,
    },
  ];
  return (
    <>
      <PageTitle
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={modal.open}>
            {t("bo.chargeGroups.new")}
          </Button>
        }
      >
        {t("bo.chargeGroups.title")}
      </PageTitle>
      <QueryState
        query={groups}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle={t("bo.chargeGroups.none")}
        emptyDescription={t("bo.chargeGroups.noneHint")}
      >
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(g) => g.id}
              label={t("bo.chargeGroups.title")}
              csvFileName="charge-groups.csv"
              {...sorting.tableProps({})}
            />
            <PageFooter total={data.total} page={page} pageSize={50} onPage={setPage} />
          </>
        )}
      </QueryState>
      <Modal opened={opened} onClose={modal.close} title={t("bo.chargeGroups.new")} size="lg">
        <ChargeGroupForm onDone={modal.close} />
      </Modal>
    </>
  );
}

function ChargeGroupPage() {
  const { t } = useTranslation();
  const { groupId } = chargeGroupRoute.useParams();
  const group = useDetail<ChargeGroupDto>("charge-groups", groupId);
  const [editing, edit] = useDisclosure(false);
  const tariffLabel = useOptionLabel("/tariffs");
  return (
    <QueryState query={group}>
      {(g) => (
        <Stack>
          <Anchor component={Link} to="/charge-groups" size="sm">
            ← {t("bo.chargeGroups.title")}
          </Anchor>
          <PageTitle
            actions={
              <Button variant="default" onClick={edit.open}>
                {t("bo.chargeGroups.edit")}
              </Button>
            }
          >
            {g.name}
          </PageTitle>
          <Group gap="lg">
            <span>
              {t("bo.chargeGroups.code")}: {g.code}
            </span>
            <span>{t(`bo.chargeGroups.types.${g.type}`)}</span>
            <span>{t(`bo.chargeGroups.accesses.${g.access}`)}</span>
            <span>
              {t("bo.chargeGroups.tariff")}: {tariffLabel(g.tariffId)}
            </span>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <GroupMembers group={g} />
            <TariffExceptions group={g} />
          </SimpleGrid>
          <Modal opened={editing} onClose={edit.close} title={t("bo.chargeGroups.edit")} size="lg">
            <ChargeGroupForm group={g} onDone={edit.close} />
          </Modal>
        </Stack>
      )}
    </QueryState>
  );
}
