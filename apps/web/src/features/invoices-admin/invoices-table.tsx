import { useTranslation } from "react-i18next";
import { type Column, DataTable, type ServerTableProps } from "../../components/data-table";
import { xlsxMoney } from "../../components/to-xlsx";
import { formatDate } from "../../lib/format";
import { CustomerName } from "../../routes/system/shared/customer-select";
import { formatMoney } from "../../routes/system/shared/format";
import { StatusBadge } from "../../routes/system/shared/status-badge";
import { AnchorLink } from "../ui/anchor-link";
import type { Invoice } from "./invoices.types";

/** Invoices of the back office; a paged list passes the server sort and export (`ServerTableProps`). */
export function InvoicesTable({ rows, ...server }: { rows: Invoice[] } & ServerTableProps<Invoice>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns: Column<Invoice>[] = [
    {
      id: "number",
      header: t("bo.invoices.number"),
      cell: (r) => (
        <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: r.id }}>
          {r.number ?? t("bo.status.draft")}
        </AnchorLink>
      ),
      sortValue: (r) => r.number,
      sortKey: "number",
      csv: (r) => r.number,
    },
    {
      id: "kind",
      header: t("bo.invoices.kind"),
      cell: (r) => t(`bo.invoices.kinds.${r.kind}`),
      sortValue: (r) => r.kind,
      sortKey: "kind",
      csv: (r) => r.kind,
    },
    {
      id: "customer",
      header: t("bo.invoices.customer"),
      cell: (r) => <CustomerName id={r.customerId} />,
      csv: (r) => r.customerId,
    },
    {
      id: "period",
      header: t("bo.invoices.period"),
      cell: (r) => r.period,
      sortValue: (r) => r.period,
      sortKey: "period",
      csv: (r) => r.period,
    },
    {
      id: "issue",
      header: t("bo.invoices.issueDate"),
      cell: (r) => formatDate(r.issueDate, lang),
      sortValue: (r) => r.issueDate,
      sortKey: "issueDate",
      csv: (r) => r.issueDate,
    },
    {
      id: "total",
      header: t("bo.invoices.total"),
      cell: (r) => formatMoney(r.total, r.currency, lang),
      sortValue: (r) => r.total,
      sortKey: "total",
      csv: (r) => r.total,
      xlsx: (r) => xlsxMoney(r.total, r.currency),
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      sortKey: "status",
      csv: (r) => r.status,
    },
    {
      id: "settlement",
      header: t("bo.invoices.settlement"),
      cell: (r) => r.settlement,
      sortValue: (r) => r.settlement,
      csv: (r) => r.settlement,
    },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      label={t("bo.invoices.invoices")}
      csvFileName="invoices.csv"
      {...server}
    />
  );
}
