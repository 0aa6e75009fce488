import { Button, Menu } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../lib/error-message";
import type { AllRows } from "./fetch-all-rows";
import { type ExportValue, toCsv } from "./to-csv";
import { toXlsx, type XlsxCell } from "./to-xlsx";

export interface ExportColumn<T> {
  header: string;
  csv?: (row: T) => ExportValue;
  xlsx?: (row: T) => XlsxCell;
}

type ExportMenuProps<T> = {
  columns: ExportColumn<T>[];
  /** The rows to export: every row of the current filter and sort (a paged list fetches them all). */
  rows: () => Promise<AllRows<T>>;
  /** File name without extension. */
  fileName: string;
  sheetName: string;
};

/** "Export" → CSV or XLSX of all rows; says so when the file was cut at the row cap. */
export function ExportMenu<T>({ columns, rows, fileName, sheetName }: ExportMenuProps<T>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async (format: "csv" | "xlsx") => {
    setBusy(true);
    try {
      const all = await rows();
      if (format === "csv")
        downloadBlob(`${fileName}.csv`, new Blob([toCsv(columns, all.rows)], { type: CSV_MIME }));
      else downloadBlob(`${fileName}.xlsx`, await toXlsx(columns, all.rows, sheetName));
      if (all.capped) {
        notifications.show({
          color: "yellow",
          message: t("bo.common.exportCapped", { count: all.rows.length, total: all.total }),
        });
      }
    } catch (error) {
      notifyError(error, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          loading={busy}
          leftSection={<IconDownload size={14} aria-hidden />}
        >
          {t("bo.common.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run("csv")}>{t("bo.common.exportCsv")}</Menu.Item>
        <Menu.Item onClick={() => void run("xlsx")}>{t("bo.common.exportXlsx")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const CSV_MIME = "text/csv;charset=utf-8";

export function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Export" → CSV or XLSX made by the API itself (every matching row, its scope and sort). */
export function ExportLinks({
  urlOf,
  fileName,
}: {
  urlOf: (format: "csv" | "xlsx") => string;
  fileName: string;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          {t("bo.common.export")}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={urlOf("csv")} download={`${fileName}.csv`}>
          {t("bo.common.exportCsv")}
        </Menu.Item>
        <Menu.Item component="a" href={urlOf("xlsx")} download={`${fileName}.xlsx`}>
          {t("bo.common.exportXlsx")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
