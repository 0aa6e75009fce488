import { ActionIcon, Button, Modal, Switch } from "@mantine/core";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import type { TariffDto } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { xlsxDecimal } from "../../components/to-xlsx";
import { TariffForm } from "../../features/tariffs/tariff-form";
import { PageTitle } from "../../features/ui/page-title";
import { formatDate } from "../../lib/format";
import { formatPrice } from "./shared/format";
import { PageFooter } from "./shared/page-footer";
import { QueryState } from "./shared/query-state";
import { StatusBadge } from "./shared/status-badge";
import { useListSort, usePagedList } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const tariffsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/tariffs",
  component: TariffsPage,
});

function TariffsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<TariffDto | "new" | null>(null);
  const sorting = useListSort<TariffDto>("tariffs", () => setPage(1));
  const filters = { status: archived ? undefined : "active" };
  const tariffs = usePagedList<TariffDto>("tariffs", { page, pageSize: 50, ...filters, ...sorting.params });
  const price = (value: string, row: TariffDto) => formatPrice(value, row.currency, i18n.language);
  const columns: Column<TariffDto>[] = [
    {
      id: "name",
      header: t("bo.tariffs.name"),
      cell: (r) => r.name,
      sortKey: "name",
      csv: (r) => r.name,
    },
    {
      id: "version",
      header: t("bo.tariffs.version"),
      cell: (r) => r.version,
      csv: (r) => r.version,
    },
    {
      id: "start",
      header: t("bo.tariffs.startFee"),
      cell: (r) => price(r.startFee, r),
      csv: (r) => r.startFee,
      xlsx: (r) => xlsxDecimal(r.startFee),
    },
    {
      id: "energy",
      header: t("bo.tariffs.energyPrice"),
      cell: (r) => price(r.energyPrice, r),
      csv: (r) => r.energyPrice,
      xlsx: (r) => xlsxDecimal(r.energyPrice),
    },
    {
      id: "time",
      header: t("bo.tariffs.timePrice"),
      cell: (r) => price(r.timePrice, r),
      csv: (r) => r.timePrice,
      xlsx: (r) => xlsxDecimal(r.timePrice),
    },
    {
      id: "idle",
      header: t("bo.tariffs.idleFee"),
      cell: (r) => price(r.idleFee, r),
      csv: (r) => r.idleFee,
      xlsx: (r) => xlsxDecimal(r.idleFee),
    },
    {
      id: "vat",
      header: t("bo.tariffs.vatRate"),
      cell: (r) => `${r.vatRate} %`,
      csv: (r) => r.vatRate,
      xlsx: (r) => xlsxDecimal(r.vatRate),
    },
    {
      id: "from",
      header: t("bo.tariffs.validFrom"),
      cell: (r) => formatDate(r.validFrom, i18n.language),
      sortKey: "validFrom",
      csv: (r) => r.validFrom,
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      sortKey: "status",
      csv: (r) => r.status,
    },
    {
      id: "edit",
      header: "",
      cell: (r) =>
        r.status === "active" && (
          <ActionIcon
            variant="subtle"
            aria-label={`${t("bo.tariffs.edit")} ${r.name}`}
            onClick={() => setEditing(r)}
          >
            <IconPencil size={16} aria-hidden />
          </ActionIcon>
        ),
    },
  ];
  return (
    <>
      <PageTitle
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing("new")}>
            {t("bo.tariffs.new")}
          </Button>
        }
      >
        {t("bo.tariffs.title")}
      </PageTitle>
      <Switch
        mb="md"
        label={t("bo.tariffs.showArchived")}
        checked={archived}
        onChange={(e) => setArchived(e.currentTarget.checked)}
      />
      <QueryState
        query={tariffs}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle={t("bo.tariffs.none")}
        emptyDescription={t("bo.tariffs.noneHint")}
      >
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(r) => r.id}
              label={t("bo.tariffs.title")}
              csvFileName="tariffs.csv"
              {...sorting.tableProps(filters)}
            />
            <PageFooter total={data.total} page={page} pageSize={50} onPage={setPage} />
          </>
        )}
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("bo.tariffs.new") : t("bo.tariffs.edit")}
        size="lg"
      >
        {editing !== null && (
          <TariffForm tariff={editing === "new" ? undefined : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </>
  );
}
