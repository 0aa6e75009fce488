import type { UseQueryResult } from "@tanstack/react-query";
import { type Column, DataTable } from "../../../components/data-table";
import type { AllRows } from "../../../components/fetch-all-rows";
import type { TableSort } from "../../../components/table-sort";
import { PageFooter } from "./page-footer";
import { QueryState } from "./query-state";

type PagedTableProps<T> = {
  query: UseQueryResult<{ items: T[]; total: number }>;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  label: string;
  csvFileName: string;
  emptyTitle: string;
  page: number;
  pageSize?: number;
  onPage: (page: number) => void;
  /** From `useListSort(...).tableProps(filters)`: the server sorts, the export fetches every row. */
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  exportAll: () => Promise<AllRows<T>>;
};

/** One paged list of the back office: loading/error/empty states, the table, and the page footer. */
export function PagedTable<T>({
  query,
  emptyTitle,
  page,
  pageSize = 50,
  onPage,
  ...table
}: PagedTableProps<T>) {
  return (
    <QueryState
      query={query}
      isEmpty={(d) => d.items.length === 0}
      emptyTitle={emptyTitle}
      emptyDescription=" "
    >
      {(data) => (
        <>
          <DataTable rows={data.items} {...table} />
          <PageFooter total={data.total} page={page} pageSize={pageSize} onPage={onPage} />
        </>
      )}
    </QueryState>
  );
}
