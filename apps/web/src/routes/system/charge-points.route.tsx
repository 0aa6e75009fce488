import { Button, Group, Modal, SegmentedControl, TextInput } from "@mantine/core";
import { useDebouncedValue, useDisclosure } from "@mantine/hooks";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ChargePointForm } from "../../features/charge-points/charge-point-form";
import {
  type ChargePoint,
  type ChargePointListParams,
  useChargePoints,
} from "../../features/charge-points/charge-points.api";
import { ChargePointsTable } from "../../features/charge-points/charge-points-table";
import { PageTitle } from "../../features/ui/page-title";
import { PageFooter } from "./shared/page-footer";
import { QueryState } from "./shared/query-state";
import { useListSort } from "./shared/use-list";
import { systemRoute } from "./system.route";

const PAGE_SIZE = 50;

export const chargePointsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/charge-points",
  component: ChargePointsPage,
});

function ChargePointsPage() {
  const { t } = useTranslation();
  const navigate = chargePointsRoute.useNavigate();
  const [opened, modal] = useDisclosure(false);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 300);
  const [online, setOnline] = useState<"" | "true" | "false">("");
  const sorting = useListSort<ChargePoint>("charge-points", () => setPage(1));
  const filters = { q: q || undefined, online: online || undefined };
  const params: ChargePointListParams = { page, pageSize: PAGE_SIZE, ...filters, ...sorting.params };
  const chargePoints = useChargePoints(params);
  return (
    <>
      <PageTitle
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={modal.open}>
            {t("bo.chargePoints.register")}
          </Button>
        }
      >
        {t("bo.chargePoints.title")}
      </PageTitle>
      <Group mb="md" wrap="wrap">
        <TextInput
          aria-label={t("bo.chargePoints.search")}
          placeholder={t("bo.chargePoints.search")}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <SegmentedControl
          aria-label={t("bo.chargePoints.online")}
          value={online}
          onChange={(value) => {
            setOnline(value as typeof online);
            setPage(1);
          }}
          data={[
            { value: "", label: t("bo.common.all") },
            { value: "true", label: t("bo.chargePoints.onlineYes") },
            { value: "false", label: t("bo.chargePoints.onlineNo") },
          ]}
        />
      </Group>
      <QueryState
        query={chargePoints}
        isEmpty={(data) => data.items.length === 0}
        emptyDescription={t("bo.chargePoints.noneHint")}
      >
        {(data) => (
          <>
            <ChargePointsTable rows={data.items} {...sorting.tableProps(filters)} />
            <PageFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </QueryState>
      <Modal opened={opened} onClose={modal.close} title={t("bo.chargePoints.register")} size="lg">
        <ChargePointForm
          onDone={(cp) => {
            modal.close();
            void navigate({ to: "/charge-points/$chargePointId", params: { chargePointId: cp.id } });
          }}
        />
      </Modal>
    </>
  );
}
