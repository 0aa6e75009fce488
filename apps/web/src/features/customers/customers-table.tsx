import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable, type ServerTableProps } from "../../components/data-table";
import { formatDate } from "../../lib/format";
import { AnchorLink } from "../ui/anchor-link";
import type { Customer } from "./customer.types";
import { CustomerTypeBadge } from "./customer-type-badge";

/**
 * `linked`: names open the System User View customer page (back office only). A paged list passes the
 * server sort and export (`ServerTableProps`); otherwise the rows sort in place.
 */
export function CustomersTable({
  customers,
  linked = true,
  ...server
}: { customers: Customer[]; linked?: boolean } & ServerTableProps<Customer>) {
  const { t, i18n } = useTranslation();
  const columns: Column<Customer>[] = [
    {
      id: "number",
      header: t("customer.number"),
      cell: (c) => c.customerNumber,
      sortKey: "customerNumber",
      sortValue: (c) => c.customerNumber,
      csv: (c) => c.customerNumber,
    },
    {
      id: "name",
      header: t("customer.name"),
      cell: (c) => (
        <>
          {linked ? (
            <AnchorLink to="/customers/$customerId" params={{ customerId: c.id }}>
              {c.name}
            </AnchorLink>
          ) : (
            c.name
          )}
          {c.companyName && (
            <Text size="xs" c="dimmed">
              {c.companyName}
            </Text>
          )}
        </>
      ),
      sortKey: "name",
      sortValue: (c) => c.name,
      csv: (c) => c.name,
    },
    {
      id: "type",
      header: t("customer.type"),
      cell: (c) => <CustomerTypeBadge type={c.type} />,
      sortKey: "type",
      sortValue: (c) => c.type,
      csv: (c) => c.type,
    },
    {
      id: "email",
      header: t("customer.email"),
      cell: (c) => c.email,
      sortKey: "email",
      sortValue: (c) => c.email,
      csv: (c) => c.email,
    },
    {
      id: "city",
      header: t("customer.city"),
      cell: (c) => c.address?.city ?? "—",
      sortValue: (c) => c.address?.city,
      csv: (c) => c.address?.city,
    },
    {
      id: "status",
      header: t("customer.status"),
      cell: (c) => c.status,
      sortKey: "status",
      sortValue: (c) => c.status,
      csv: (c) => c.status,
    },
    {
      id: "createdAt",
      header: t("customer.createdAt"),
      cell: (c) => formatDate(c.createdAt, i18n.language),
      sortKey: "createdAt",
      sortValue: (c) => c.createdAt,
      csv: (c) => c.createdAt,
    },
  ];
  return (
    <DataTable
      rows={customers}
      columns={columns}
      rowKey={(c) => c.id}
      label={t("customers.title")}
      csvFileName="customers.csv"
      minWidth={640}
      {...server}
    />
  );
}
