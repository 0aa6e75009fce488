import { Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import { type ReactNode, useMemo, useState } from "react";
import { downloadBlob, ExportMenu } from "./export-menu";
import type { AllRows } from "./fetch-all-rows";
import { ariaSort, nextSort, sortRows, type TableSort } from "./table-sort";
import type { ExportValue } from "./to-csv";
import type { XlsxCell } from "./to-xlsx";

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable in a table that holds all its rows (client side). */
  sortValue?: (row: T) => string | number | null | undefined;
  /** Makes the column sortable in a server-paged table: the API's `sort` field for it. */
  sortKey?: string;
  /** The cell as text for the exports; without it (and without `xlsx`) the column is left out of the files. */
  csv?: (row: T) => ExportValue;
  /** The typed XLSX cell (money, decimals); without it the `csv` value is used. */
  xlsx?: (row: T) => XlsxCell;
}

/** What a server-paged list adds to a table: the API's sort and an export of every row. */
export type ServerTableProps<T> = {
  /** Server-paged table: the sort of the list's query; header clicks call `onSort` (client sort is off). */
  sort?: TableSort;
  onSort?: (sort: TableSort) => void;
  /** Server-paged table: every row of the current filter and sort, for the exports. */
  exportAll?: () => Promise<AllRows<T>>;
};

interface DataTableProps<T> extends ServerTableProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Accessible name of the table. */
  label: string;
  /** Offers the CSV / XLSX export under this name ("tariffs.csv" → tariffs.csv and tariffs.xlsx). */
  csvFileName?: string;
  minWidth?: number;
  toolbar?: ReactNode;
}

/**
 * A Mantine table with click-to-sort headers (aria-sort) and a CSV / XLSX export. A server-paged table
 * passes `sort`/`onSort` (the API sorts the whole list) and `exportAll`; otherwise rows sort in place.
 */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  label,
  csvFileName,
  minWidth = 720,
  toolbar,
  sort: serverSort,
  onSort,
  exportAll,
}: DataTableProps<T>) {
  const [clientSort, setClientSort] = useState<TableSort>(null);
  const paged = onSort !== undefined;
  const sort = paged ? (serverSort ?? null) : clientSort;
  const shown = useMemo(
    () =>
      paged ? rows : sortRows(rows, columns.find((c) => c.id === clientSort?.id)?.sortValue, clientSort),
    [paged, rows, columns, clientSort],
  );
  const keyOf = (column: Column<T>) => (paged ? column.sortKey : column.sortValue ? column.id : undefined);
  const toggle = (key: string) => (paged ? onSort(nextSort(sort, key)) : setClientSort(nextSort(sort, key)));
  const allRows = exportAll ?? (async () => ({ rows: shown, total: shown.length, capped: false }));
  const fileName = csvFileName?.replace(/\.csv$/, "");
  return (
    <>
      {(toolbar || fileName) && (
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Group gap="xs">{toolbar}</Group>
          {fileName && <ExportMenu columns={columns} rows={allRows} fileName={fileName} sheetName={label} />}
        </Group>
      )}
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => {
                const key = keyOf(column);
                return (
                  <Table.Th key={column.id} aria-sort={key ? ariaSort(sort, key) : undefined}>
                    {key ? (
                      <UnstyledButton onClick={() => toggle(key)} fw={600} fz="sm">
                        <Group gap={4} wrap="nowrap">
                          <Text inherit>{column.header}</Text>
                          <SortIcon dir={sort?.id === key ? sort.dir : undefined} />
                        </Group>
                      </UnstyledButton>
                    ) : (
                      column.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.id}>{column.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function SortIcon({ dir }: { dir?: "asc" | "desc" }) {
  if (dir === "asc") return <IconSortAscending size={14} aria-hidden />;
  if (dir === "desc") return <IconSortDescending size={14} aria-hidden />;
  return <IconArrowsSort size={14} aria-hidden opacity={0.4} />;
}

export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8") {
  downloadBlob(fileName, new Blob([text], { type }));
}
