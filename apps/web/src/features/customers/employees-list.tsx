import { Alert, Group, Loader, Pagination, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/error-message";
import { EmptyState } from "../ui/empty-state";
import { useCustomers } from "./customers.api";
import { CustomersTable } from "./customers-table";

const PAGE_SIZE = 25;

/** A company's employees (company admins' Employees tab). */
export function EmployeesList({
  companyId,
  linkToCustomer = false,
}: {
  companyId: string;
  linkToCustomer?: boolean;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const employees = useCustomers({ companyId, type: "employee", page, pageSize: PAGE_SIZE });
  if (employees.isPending) return <Loader aria-label={t("common.loading")} />;
  if (employees.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(employees.error, t)}
      </Alert>
    );
  const { items, total } = employees.data;
  if (items.length === 0)
    return <EmptyState title={t("employees.none")} description={t("employees.noneHint")} />;
  return (
    <>
      <CustomersTable customers={items} linked={linkToCustomer} />
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed">
          {t("common.total", { count: total })}
        </Text>
        <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
      </Group>
    </>
  );
}
