import { Button, Group, Paper, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { api } from "../../lib/api-client";
import { formatDateTime } from "../../routes/system/shared/format";
import { PageFooter } from "../../routes/system/shared/page-footer";
import { QueryState } from "../../routes/system/shared/query-state";
import { StatusBadge } from "../../routes/system/shared/status-badge";
import { useAction } from "../../routes/system/shared/use-action";
import { useListSort, usePagedList } from "../../routes/system/shared/use-list";
import type { InvoiceRun } from "../invoices-admin/invoices.types";

/** The previous month in the browser's calendar, the usual period to run (R55: only ended months). */
export function previousMonth(now = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

/** Start a run for a period and follow runs: status, counts, errors (running ones refresh). */
export function InvoiceRunsPanel() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [period, setPeriod] = useState(previousMonth);
  // Paged by the server without sort fields: no page-only client sort; the export takes every run.
  const sorting = useListSort<InvoiceRun>("invoice-runs", () => setPage(1));
  const runs = usePagedList<InvoiceRun>("invoice-runs", { page, pageSize: 25 }, 5_000);
  const start = useAction({
    run: (value: string) => api<InvoiceRun>("POST", "/invoice-runs", { period: value }),
    invalidate: [["invoice-runs"], ["invoices"]],
    success: "bo.invoices.runStarted",
  });
  const columns: Column<InvoiceRun>[] = [
    {
      id: "period",
      header: t("bo.invoices.period"),
      cell: (r) => r.period,
      csv: (r) => r.period,
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      csv: (r) => r.status,
    },
    {
      id: "count",
      header: t("bo.invoices.invoiceCount"),
      cell: (r) => r.invoiceCount,
      csv: (r) => r.invoiceCount,
    },
    { id: "trigger", header: t("bo.invoices.trigger"), cell: (r) => r.trigger, csv: (r) => r.trigger },
    {
      id: "started",
      header: t("bo.invoices.startedAt"),
      cell: (r) => formatDateTime(r.startedAt, i18n.language),
      csv: (r) => r.startedAt,
    },
    {
      id: "finished",
      header: t("bo.invoices.finishedAt"),
      cell: (r) => formatDateTime(r.finishedAt, i18n.language),
      csv: (r) => r.finishedAt,
    },
    { id: "error", header: t("bo.invoices.error"), cell: (r) => r.error ?? "", csv: (r) => r.error },
  ];
  return (
    <>
      <Paper withBorder p="md" mb="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate(period);
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t("bo.invoices.runPeriod")}
              value={period}
              onChange={(e) => setPeriod(e.currentTarget.value)}
              pattern="\d{4}-\d{2}"
              required
            />
            <Button type="submit" loading={start.isPending}>
              {t("bo.invoices.startRun")}
            </Button>
          </Group>
        </form>
      </Paper>
      <QueryState
        query={runs}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle={t("bo.invoices.noRuns")}
        emptyDescription=" "
      >
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(r) => r.id}
              label={t("bo.invoices.runs")}
              csvFileName="invoice-runs.csv"
              {...sorting.tableProps({})}
            />
            <PageFooter total={data.total} page={page} pageSize={25} onPage={setPage} />
          </>
        )}
      </QueryState>
    </>
  );
}
