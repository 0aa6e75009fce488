import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { notifyError } from "../../lib/error-message";
import { formatDate } from "../../lib/format";
import { usePermissions } from "../auth/permissions.query";
import type { Attachment, Attachments } from "../customers/customer.types";
import { useAttachments } from "../customers/customers.api";
import { EmployeeFormModal } from "../employees/employee-form-modal";
import { useOffBoard } from "../employees/employees.api";
import { QueryState } from "../export/query-state";
import { AttachForm } from "./attach-form";
import { useDetach } from "./attachments.api";

const groups: (keyof Attachments)[] = ["chargePoints", "grids", "chargeGroups", "chargeCards", "employees"];

/**
 * System User View, Attachments (§6): charge points, grids, groups, cards and (companies) employees
 * with role and dates; attach, detach, add employee. Employees leave by off-boarding (R65).
 */
export function AttachmentsTab({ customerId, isCompany }: { customerId: string; isCompany: boolean }) {
  const { t } = useTranslation();
  const attachments = useAttachments(customerId);
  const [adding, setAdding] = useState(false);
  const { canWrite } = usePermissions();
  return (
    <Stack>
      {(canWrite("attachments") || (isCompany && canWrite("employees"))) && (
        <Paper withBorder p="md">
          <Group justify="space-between" align="end" wrap="wrap">
            {canWrite("attachments") && <AttachForm customerId={customerId} />}
            {isCompany && canWrite("employees") && (
              <Button variant="light" onClick={() => setAdding(true)}>
                {t("portal.employees.add")}
              </Button>
            )}
          </Group>
        </Paper>
      )}
      <QueryState query={attachments}>
        {(data) => (
          <>
            {groups
              .filter((group) => group !== "employees" || isCompany)
              .map((group) => (
                <AttachmentGroup
                  key={group}
                  group={group}
                  customerId={customerId}
                  items={data[group] ?? []}
                />
              ))}
          </>
        )}
      </QueryState>
      {isCompany && (
        <EmployeeFormModal companyId={customerId} opened={adding} onClose={() => setAdding(false)} />
      )}
    </Stack>
  );
}

function AttachmentGroup({
  group,
  customerId,
  items,
}: {
  group: keyof Attachments;
  customerId: string;
  items: Attachment[];
}) {
  const { t, i18n } = useTranslation();
  const detach = useDetach(customerId);
  const offBoard = useOffBoard();
  const { canWrite } = usePermissions();
  const title = t(`attachments.${group}`);
  const end = (item: Attachment & { assetId?: string }) => {
    const onError = (error: unknown) => notifyError(error, t);
    if (group === "employees") {
      if (window.confirm(t("portal.employees.confirmOffBoard", { name: item.name })))
        offBoard.mutate(item.assetId ?? "", { onError });
    } else if (window.confirm(t("portal.attachments.confirmDetach", { name: item.name }))) {
      detach.mutate(item.id, { onError });
    }
  };
  const columns: Column<Attachment>[] = [
    {
      id: "name",
      header: t("attachments.name"),
      cell: (r) => r.name,
      sortValue: (r) => r.name,
      csv: (r) => r.name,
    },
    {
      id: "role",
      header: t("attachments.role"),
      cell: (r) => t(`portal.attachments.roles.${r.role}`, { defaultValue: r.role }),
      sortValue: (r) => r.role,
      csv: (r) => r.role,
    },
    {
      id: "from",
      header: t("attachments.validFrom"),
      cell: (r) => formatDate(r.validFrom, i18n.language),
      sortValue: (r) => r.validFrom,
      csv: (r) => r.validFrom,
    },
    {
      id: "to",
      header: t("attachments.validTo"),
      cell: (r) => (r.validTo ? formatDate(r.validTo, i18n.language) : "—"),
      sortValue: (r) => r.validTo,
      csv: (r) => r.validTo,
    },
    {
      id: "actions",
      header: "",
      cell: (r) =>
        !r.validTo &&
        canWrite(group === "employees" ? "employees" : "attachments") && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => end(r)}>
            {group === "employees" ? t("portal.employees.offBoard") : t("portal.attachments.detach")}
          </Button>
        ),
    },
  ];
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      <DataTable rows={items} columns={columns} rowKey={(r) => r.id} label={title} minWidth={480} />
    </Paper>
  );
}
