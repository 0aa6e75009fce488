import { Group, Paper, Select, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ExportLinks } from "../../components/export-menu";
import { sortParams, type TableSort } from "../../components/table-sort";
import { ListFooter } from "../export/list-footer";
import { QueryState } from "../export/query-state";
import { PageTitle } from "../ui/page-title";
import { SessionsTable } from "./sessions-table";
import { dateWindow, type SessionFilter, sessionsCsvUrl, useSessions } from "./transactions.api";

const PAGE_SIZE = 25;

/** Transactions tab: the sessions the customer may see (own; company admins per R64). */
export function TransactionsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<TableSort>(null);
  const filter: SessionFilter = { ...dateWindow(from, to), status: status ?? undefined, ...sortParams(sort) };
  const sessions = useSessions(filter, page, PAGE_SIZE);
  const reset = (set: (v: string) => void) => (value: string) => {
    set(value);
    setPage(1);
  };
  return (
    <>
      <PageTitle
        actions={<ExportLinks urlOf={(format) => sessionsCsvUrl(filter, format)} fileName="transactions" />}
      >
        {t("nav.transactions")}
      </PageTitle>
      <Paper withBorder p="md">
        <Group mb="md" align="end" wrap="wrap">
          <TextInput
            type="date"
            label={t("portal.common.from")}
            value={from}
            onChange={(e) => reset(setFrom)(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t("portal.common.to")}
            value={to}
            onChange={(e) => reset(setTo)(e.currentTarget.value)}
          />
          <Select
            label={t("portal.tx.status")}
            clearable
            value={status}
            onChange={(value) => {
              setStatus(value);
              setPage(1);
            }}
            data={["active", "completed", "invalid"].map((value) => ({
              value,
              label: t(`portal.tx.statuses.${value}`),
            }))}
          />
        </Group>
        <QueryState
          query={sessions}
          isEmpty={(data) => data.items.length === 0}
          emptyTitle={t("portal.tx.none")}
          emptyDescription={t("portal.tx.noneHint")}
        >
          {(data) => (
            <>
              <SessionsTable
                rows={data.items}
                label={t("nav.transactions")}
                sort={sort}
                onSort={(next) => {
                  setSort(next);
                  setPage(1);
                }}
              />
              <ListFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
