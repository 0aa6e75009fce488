import { Badge, Button, Group, Paper, Switch } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable, type ServerTableProps } from "../../components/data-table";
import { allRowsOf } from "../../components/fetch-all-rows";
import { sortParams, type TableSort } from "../../components/table-sort";
import { notifyError, notifySuccess } from "../../lib/error-message";
import { useMe } from "../auth/me.query";
import type { Customer } from "../customers/customer.types";
import { useCustomers } from "../customers/customers.api";
import { ListFooter } from "../export/list-footer";
import { QueryState } from "../export/query-state";
import { effectiveCustomerId, isReadOnly } from "../navigation/views";
import { PageTitle } from "../ui/page-title";
import { EmployeeFormModal } from "./employee-form-modal";
import { useEditEmployee, useOffBoard } from "./employees.api";

type Employee = Customer & { employment?: { employeeNumber: string | null; webAccess: boolean } | null };
const PAGE_SIZE = 25;

/** Company admins' Employees tab: list, add, edit, web access, off-board (R65). */
export function EmployeesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const companyId = effectiveCustomerId(me) ?? "";
  const readOnly = isReadOnly(me);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Employee | null>(null);
  const [sort, setSort] = useState<TableSort>(null);
  const filter = { companyId, type: "employee" as const, ...sortParams(sort) };
  const employees = useCustomers({ ...filter, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageTitle
        actions={!readOnly && <Button onClick={() => setAdding(true)}>{t("portal.employees.add")}</Button>}
      >
        {t("nav.employees")}
      </PageTitle>
      <Paper withBorder p="md">
        <QueryState
          query={employees}
          isEmpty={(d) => d.items.length === 0}
          emptyTitle={t("employees.none")}
          emptyDescription={t("employees.noneHint")}
        >
          {(data) => (
            <>
              <EmployeesTable
                rows={data.items as Employee[]}
                readOnly={readOnly}
                onEdit={setEditing}
                sort={sort}
                onSort={(next) => {
                  setSort(next);
                  setPage(1);
                }}
                exportAll={allRowsOf<Employee>("customers", filter)}
              />
              <ListFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Paper>
      <EmployeeFormModal companyId={companyId} opened={adding} onClose={() => setAdding(false)} />
      {editing && (
        <EmployeeFormModal
          key={editing.id}
          companyId={companyId}
          employee={editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function EmployeesTable({
  rows,
  readOnly,
  onEdit,
  ...server
}: {
  rows: Employee[];
  readOnly: boolean;
  onEdit: (employee: Employee) => void;
} & ServerTableProps<Employee>) {
  const { t } = useTranslation();
  const edit = useEditEmployee();
  const offBoard = useOffBoard();
  const confirmOffBoard = (e: Employee) => {
    if (!window.confirm(t("portal.employees.confirmOffBoard", { name: e.name }))) return;
    offBoard.mutate(e.id, {
      onSuccess: () => notifySuccess(t("portal.employees.offBoarded", { name: e.name })),
      onError: (error) => notifyError(error, t),
    });
  };
  const columns: Column<Employee>[] = [
    {
      id: "name",
      header: t("customer.name"),
      cell: (r) => r.name,
      sortValue: (r) => r.name,
      sortKey: "name",
      csv: (r) => r.name,
    },
    {
      id: "email",
      header: t("customer.email"),
      cell: (r) => r.email,
      sortValue: (r) => r.email,
      sortKey: "email",
      csv: (r) => r.email,
    },
    {
      id: "number",
      header: t("portal.employees.number"),
      cell: (r) => r.employment?.employeeNumber ?? "—",
      csv: (r) => r.employment?.employeeNumber,
    },
    {
      id: "webAccess",
      header: t("customer.webAccess"),
      cell: (r) => (
        <Switch
          checked={r.employment?.webAccess ?? false}
          disabled={readOnly}
          aria-label={t("portal.employees.webAccessFor", { name: r.name })}
          onChange={(e) =>
            edit.mutate(
              { id: r.id, patch: { webAccess: e.currentTarget.checked } },
              { onError: (error) => notifyError(error, t) },
            )
          }
        />
      ),
      csv: (r) => String(r.employment?.webAccess ?? false),
    },
    { id: "status", header: t("customer.status"), cell: (r) => <Badge variant="light">{r.status}</Badge> },
  ];
  if (!readOnly)
    columns.push({
      id: "actions",
      header: "",
      cell: (r) => (
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => onEdit(r)}>
            {t("customers.edit")}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => confirmOffBoard(r)}>
            {t("portal.employees.offBoard")}
          </Button>
        </Group>
      ),
    });
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      label={t("nav.employees")}
      csvFileName="employees.csv"
      {...server}
    />
  );
}
