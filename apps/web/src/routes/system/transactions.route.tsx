import { Group, Select, TextInput } from "@mantine/core";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportLinks } from "../../components/export-menu";
import { sortParams, type TableSort } from "../../components/table-sort";
import { BillableOverrideModal } from "../../features/transactions-admin/billable-override-modal";
import {
  type Transaction,
  type TransactionFilters,
  transactionsCsvUrl,
  useTransactions,
} from "../../features/transactions-admin/transactions.api";
import { TransactionsTable } from "../../features/transactions-admin/transactions-table";
import { PageTitle } from "../../features/ui/page-title";
import { CustomerSelect } from "./shared/customer-select";
import { PageFooter } from "./shared/page-footer";
import { QueryState } from "./shared/query-state";
import { systemRoute } from "./system.route";

const PAGE_SIZE = 50;

export const transactionsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/transactions",
  component: TransactionsPage,
});

/** `YYYY-MM-DD` from a date input → the start of that local day as ISO. */
const dayStart = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : undefined);

function TransactionsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [chargePointId, setChargePointId] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [override, setOverride] = useState<Transaction | null>(null);
  const [sort, setSort] = useState<TableSort>(null);
  const filters: TransactionFilters = {
    from: dayStart(from),
    to: dayStart(to),
    customerId: customerId ?? undefined,
    chargePointId: chargePointId.trim() || undefined,
    status: (status as TransactionFilters["status"]) ?? undefined,
    ...sortParams(sort),
  };
  const transactions = useTransactions(filters, page, PAGE_SIZE);
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };
  return (
    <>
      <PageTitle
        actions={
          <ExportLinks urlOf={(format) => transactionsCsvUrl(filters, format)} fileName="transactions" />
        }
      >
        {t("bo.transactions.title")}
      </PageTitle>
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t("bo.transactions.from")}
          value={from}
          onChange={(e) => reset(setFrom)(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t("bo.transactions.to")}
          value={to}
          onChange={(e) => reset(setTo)(e.currentTarget.value)}
        />
        <CustomerSelect
          label={t("bo.transactions.customer")}
          value={customerId}
          onChange={reset(setCustomerId)}
        />
        <TextInput
          label={t("bo.transactions.chargePoint")}
          value={chargePointId}
          onChange={(e) => reset(setChargePointId)(e.currentTarget.value)}
        />
        <Select
          label={t("bo.transactions.status")}
          clearable
          value={status}
          onChange={reset(setStatus)}
          data={["active", "completed", "invalid"].map((value) => ({
            value,
            label: t(`bo.status.${value}`),
          }))}
        />
      </Group>
      <QueryState
        query={transactions}
        isEmpty={(data) => data.items.length === 0}
        emptyTitle={t("bo.transactions.none")}
        emptyDescription={t("bo.transactions.noneHint")}
      >
        {(data) => (
          <>
            <TransactionsTable
              rows={data.items}
              onOverride={setOverride}
              sort={sort}
              onSort={(next) => {
                setSort(next);
                setPage(1);
              }}
            />
            <PageFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </QueryState>
      <BillableOverrideModal transaction={override} onClose={() => setOverride(null)} />
    </>
  );
}
