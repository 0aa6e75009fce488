import { Button, Group, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconDownload, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toCsv } from "./to-csv";

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable (on the rows shown). */
  sortValue?: (row: T) => string | number | null | undefined;
  /** The cell as text for the CSV export; without it the column is left out of the file. */
  csv?: (row: T) => string | number | null | undefined;
}

interface DataTableProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  /** Accessible name of the table. */
  label: string;
  /** Offers a "CSV" button that saves the rows shown under this file name. */
  csvFileName?: string;
  minWidth?: number;
  toolbar?: ReactNode;
}

type Sort = { id: string; dir: "asc" | "desc" } | null;

/** A Mantine table with click-to-sort headers and a CSV download of the rows shown. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  label,
  csvFileName,
  minWidth = 720,
  toolbar,
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>(null);
  const sorted = useMemo(() => sortRows(rows, columns, sort), [rows, columns, sort]);
  const toggle = (id: string) =>
    setSort((prev) =>
      prev?.id !== id ? { id, dir: "asc" } : prev.dir === "asc" ? { id, dir: "desc" } : null,
    );
  return (
    <>
      {(toolbar || csvFileName) && (
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Group gap="xs">{toolbar}</Group>
          {csvFileName && (
            <Button
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => downloadText(csvFileName, toCsv(columns, sorted))}
            >
              {t("bo.common.exportCsv")}
            </Button>
          )}
        </Group>
      )}
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th
                  key={column.id}
                  aria-sort={
                    sort?.id === column.id ? (sort.dir === "asc" ? "ascending" : "descending") : undefined
                  }
                >
                  {column.sortValue ? (
                    <UnstyledButton onClick={() => toggle(column.id)} fw={600} fz="sm">
                      <Group gap={4} wrap="nowrap">
                        <Text inherit>{column.header}</Text>
                        <SortIcon dir={sort?.id === column.id ? sort.dir : undefined} />
                      </Group>
                    </UnstyledButton>
                  ) : (
                    column.header
                  )}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((row) => (
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

function sortRows<T>(rows: T[], columns: Column<T>[], sort: Sort): T[] {
  const column = sort && columns.find((c) => c.id === sort.id);
  if (!sort || !column?.sortValue) return rows;
  const value = column.sortValue;
  const factor = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => factor * compare(value(a), value(b)));
}

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

export function downloadText(fileName: string, text: string, type = "text/csv;charset=utf-8") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
