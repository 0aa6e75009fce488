import { Anchor, Badge, Button } from "@mantine/core";
import { IconFileTypePdf } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable, type ServerTableProps } from "../../components/data-table";
import { xlsxMoney } from "../../components/to-xlsx";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../export/portal-format";
import { type Invoice, invoicePdfUrl } from "./invoices.api";

const settlementColor: Record<string, string> = {
  open: "blue",
  overdue: "red",
  paid: "green",
  paid_out: "green",
  credited: "gray",
  netted: "gray",
  partially_paid: "yellow",
  on_hold: "orange",
};

/** Invoices and credit notes: number, date, kind, amount, settlement; open one; PDF. */
export function InvoicesTable({
  rows,
  onOpen,
  actions,
  ...server
}: {
  rows: Invoice[];
  onOpen: (invoice: Invoice) => void;
  actions?: (invoice: Invoice) => ReactNode;
} & ServerTableProps<Invoice>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<Invoice>[] = [
    {
      id: "number",
      header: t("portal.invoices.number"),
      cell: (r) => (
        <Anchor component="button" type="button" onClick={() => onOpen(r)}>
          {r.number ?? t("portal.invoices.draft")}
        </Anchor>
      ),
      sortValue: (r) => r.number,
      sortKey: "number",
      csv: (r) => r.number,
    },
    {
      id: "issueDate",
      header: t("portal.invoices.date"),
      cell: (r) => formatDate(r.issueDate, lang),
      sortValue: (r) => r.issueDate,
      sortKey: "issueDate",
      csv: (r) => r.issueDate,
    },
    {
      id: "period",
      header: t("portal.invoices.period"),
      cell: (r) => r.period,
      sortValue: (r) => r.period,
      sortKey: "period",
      csv: (r) => r.period,
    },
    {
      id: "kind",
      header: t("portal.invoices.kind"),
      cell: (r) => t(`portal.invoices.kinds.${r.kind}`),
      sortValue: (r) => r.kind,
      sortKey: "kind",
      csv: (r) => r.kind,
    },
    {
      id: "total",
      header: t("portal.invoices.total"),
      cell: (r) => formatMoney(r.total, r.currency, lang),
      sortValue: (r) => r.total,
      sortKey: "total",
      csv: (r) => r.total,
      xlsx: (r) => xlsxMoney(r.total, r.currency),
    },
    {
      id: "settlement",
      header: t("portal.invoices.settlement"),
      cell: (r) => (
        <Badge variant="light" color={settlementColor[r.settlement] ?? "gray"}>
          {t(`portal.invoices.settlements.${r.settlement}`, { defaultValue: r.settlement })}
        </Badge>
      ),
      sortValue: (r) => r.settlement,
      csv: (r) => r.settlement,
    },
    {
      id: "pdf",
      header: t("portal.invoices.pdf"),
      cell: (r) =>
        r.number ? (
          <Button
            component="a"
            href={invoicePdfUrl(r.id)}
            download={`${r.number}.pdf`}
            size="compact-sm"
            variant="subtle"
            leftSection={<IconFileTypePdf size={14} aria-hidden />}
            aria-label={t("portal.invoices.downloadPdf", { number: r.number })}
          >
            PDF
          </Button>
        ) : null,
    },
  ];
  if (actions) columns.push({ id: "actions", header: "", cell: (r) => actions(r) });
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      label={t("nav.invoices")}
      csvFileName="invoices.csv"
      {...server}
    />
  );
}
