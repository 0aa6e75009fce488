import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import { AnchorLink } from "../ui/anchor-link";
import type { Customer } from "./customer.types";
import { CustomerTypeBadge } from "./customer-type-badge";

/** `linked`: names open the System User View customer page (back office only). */
export function CustomersTable({ customers, linked = true }: { customers: Customer[]; linked?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover aria-label={t("customers.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("customer.number")}</Table.Th>
            <Table.Th>{t("customer.name")}</Table.Th>
            <Table.Th>{t("customer.type")}</Table.Th>
            <Table.Th>{t("customer.email")}</Table.Th>
            <Table.Th>{t("customer.city")}</Table.Th>
            <Table.Th>{t("customer.status")}</Table.Th>
            <Table.Th>{t("customer.createdAt")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((customer) => (
            <Table.Tr key={customer.id}>
              <Table.Td>{customer.customerNumber}</Table.Td>
              <Table.Td>
                {linked ? (
                  <AnchorLink to="/customers/$customerId" params={{ customerId: customer.id }}>
                    {customer.name}
                  </AnchorLink>
                ) : (
                  customer.name
                )}
                {customer.companyName && (
                  <Text size="xs" c="dimmed">
                    {customer.companyName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <CustomerTypeBadge type={customer.type} />
              </Table.Td>
              <Table.Td>{customer.email}</Table.Td>
              <Table.Td>{customer.address?.city ?? "—"}</Table.Td>
              <Table.Td>{customer.status}</Table.Td>
              <Table.Td>{formatDate(customer.createdAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
