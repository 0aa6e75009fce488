import { ActionIcon, Button, Code, Group, Menu, Modal, Select, Spoiler, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDots, IconPlus } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import type { AuditEntryView, OutboxItemView, SystemUserView } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { InviteSystemUserForm } from "../../features/system-users/invite-form";
import { PageTitle } from "../../features/ui/page-title";
import { api } from "../../lib/api-client";
import { formatDateTime } from "./shared/format";
import { PageFooter } from "./shared/page-footer";
import { PagedTable } from "./shared/paged-table";
import { QueryState } from "./shared/query-state";
import { StatusBadge } from "./shared/status-badge";
import { useAction } from "./shared/use-action";
import { useListSort, usePagedList } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const systemUsersRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/system-users",
  component: SystemUsersPage,
});
export const outboxRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/outbox",
  component: OutboxPage,
});
export const auditLogRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/audit-log",
  component: AuditLogPage,
});

function SystemUsersPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [opened, modal] = useDisclosure(false);
  const sorting = useListSort<SystemUserView>("system-users", () => setPage(1));
  const users = usePagedList<SystemUserView>("system-users", { page, pageSize: 50, ...sorting.params });
  const patch = useAction({
    run: (input: { id: string; change: Record<string, unknown> }) =>
      api("PATCH", `/system-users/${input.id}`, input.change),
    invalidate: [["system-users"]],
    success: "bo.systemUsers.saved",
  });
  const columns: Column<SystemUserView>[] = [
    {
      id: "name",
      header: t("bo.systemUsers.name"),
      cell: (u) => u.name,
      sortKey: "name",
      csv: (u) => u.name,
    },
    {
      id: "email",
      header: t("bo.systemUsers.email"),
      cell: (u) => u.email,
      sortKey: "email",
      csv: (u) => u.email,
    },
    {
      id: "roles",
      header: t("bo.systemUsers.roles"),
      cell: (u) => [u.isSuper ? "super" : null, ...u.roles].filter(Boolean).join(", "),
      csv: (u) => u.roles.join(" "),
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (u) => <StatusBadge value={u.status} />,
      sortKey: "status",
      csv: (u) => u.status,
    },
    {
      id: "login",
      header: t("bo.systemUsers.lastLogin"),
      cell: (u) => formatDateTime(u.lastLoginAt, i18n.language),
      sortKey: "lastLoginAt",
      csv: (u) => u.lastLoginAt,
    },
    {
      id: "actions",
      header: "",
      cell: (u) => (
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={`${t("bo.common.actions")} ${u.email}`}>
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {u.status === "disabled" ? (
              <Menu.Item onClick={() => patch.mutate({ id: u.id, change: { status: "active" } })}>
                {t("bo.systemUsers.enable")}
              </Menu.Item>
            ) : (
              <Menu.Item
                color="red"
                onClick={() => patch.mutate({ id: u.id, change: { status: "disabled" } })}
              >
                {t("bo.systemUsers.disable")}
              </Menu.Item>
            )}
            {["admin", "operations", "finance", "support", "viewer"].map((role) => (
              <Menu.Item
                key={role}
                onClick={() =>
                  patch.mutate({
                    id: u.id,
                    change: {
                      roles: u.roles.includes(role as never)
                        ? u.roles.filter((r) => r !== role)
                        : [...u.roles, role],
                    },
                  })
                }
              >
                {u.roles.includes(role as never) ? "✓ " : ""}
                {role}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={modal.open}>
            {t("bo.systemUsers.invite")}
          </Button>
        }
      >
        {t("bo.systemUsers.title")}
      </PageTitle>
      <QueryState query={users}>
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(u) => u.id}
              label={t("bo.systemUsers.title")}
              csvFileName="system-users.csv"
              {...sorting.tableProps({})}
            />
            <PageFooter total={data.total} page={page} pageSize={50} onPage={setPage} />
          </>
        )}
      </QueryState>
      <Modal opened={opened} onClose={modal.close} title={t("bo.systemUsers.invite")}>
        <InviteSystemUserForm onDone={modal.close} />
      </Modal>
    </>
  );
}

function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const sorting = useListSort<OutboxItemView>("outbox", () => setPage(1));
  const items = usePagedList<OutboxItemView>("outbox", { page, pageSize: 50, status }, 15_000);
  const columns: Column<OutboxItemView>[] = [
    {
      id: "created",
      header: t("bo.outbox.created"),
      cell: (r) => formatDateTime(r.createdAt, i18n.language),
      sortValue: (r) => r.createdAt,
      csv: (r) => r.createdAt,
    },
    {
      id: "recipient",
      header: t("bo.outbox.recipient"),
      cell: (r) => r.recipientEmail ?? r.recipientKind,
      csv: (r) => r.recipientEmail,
    },
    {
      id: "subject",
      header: t("bo.outbox.subject"),
      cell: (r) =>
        r.body ? (
          <Spoiler maxHeight={24} showLabel="+" hideLabel="−">
            {r.subject ?? r.template}
            <Code block>{r.body}</Code>
          </Spoiler>
        ) : (
          (r.subject ?? r.template)
        ),
      csv: (r) => r.subject,
    },
    { id: "channel", header: t("bo.outbox.channel"), cell: (r) => r.channel, csv: (r) => r.channel },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      sortValue: (r) => r.status,
      csv: (r) => r.status,
    },
    { id: "attempts", header: t("bo.outbox.attempts"), cell: (r) => r.attempts, csv: (r) => r.attempts },
    {
      id: "error",
      header: t("bo.outbox.lastError"),
      cell: (r) => r.lastError ?? "",
      csv: (r) => r.lastError,
    },
  ];
  return (
    <>
      <PageTitle>{t("bo.outbox.title")}</PageTitle>
      <Select
        mb="md"
        w={200}
        label={t("bo.common.status")}
        clearable
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        data={["pending", "sent", "failed", "dead"].map((s) => ({ value: s, label: t(`bo.status.${s}`) }))}
      />
      <PagedTable
        query={items}
        columns={columns}
        rowKey={(r) => r.id}
        label={t("bo.outbox.title")}
        csvFileName="outbox.csv"
        {...sorting.tableProps({ status })}
        emptyTitle={t("bo.outbox.none")}
        page={page}
        onPage={setPage}
      />
    </>
  );
}

function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [entityType, setEntityType] = useState("");
  const [action, setAction] = useState("");
  const sorting = useListSort<AuditEntryView>("audit", () => setPage(1));
  const filters = { entityType: entityType.trim() || undefined, action: action.trim() || undefined };
  const entries = usePagedList<AuditEntryView>("audit", {
    page,
    pageSize: 50,
    ...filters,
    ...sorting.params,
  });
  const columns: Column<AuditEntryView>[] = [
    {
      id: "at",
      header: t("bo.audit.at"),
      cell: (r) => formatDateTime(r.at, i18n.language),
      sortKey: "at",
      csv: (r) => r.at,
    },
    {
      id: "actor",
      header: t("bo.audit.actor"),
      cell: (r) =>
        `${r.actorKind}${r.actorId ? ` ${r.actorId.slice(0, 8)}` : ""}${r.viewAsCustomerId ? ` (${t("bo.audit.viewAs")} ${r.viewAsCustomerId.slice(0, 8)})` : ""}`,
      csv: (r) => `${r.actorKind}:${r.actorId ?? ""}`,
    },
    {
      id: "action",
      header: t("bo.audit.action"),
      cell: (r) => r.action,
      sortKey: "action",
      csv: (r) => r.action,
    },
    {
      id: "entity",
      header: t("bo.audit.entity"),
      cell: (r) => `${r.entityType} ${r.entityId ?? ""}`,
      sortKey: "entityType",
      csv: (r) => `${r.entityType}:${r.entityId ?? ""}`,
    },
    {
      id: "change",
      header: t("bo.audit.change"),
      cell: (r) => (
        <Spoiler maxHeight={24} showLabel="+" hideLabel="−">
          <Code block>{JSON.stringify({ before: r.before, after: r.after }, null, 1)}</Code>
        </Spoiler>
      ),
      csv: (r) => JSON.stringify({ before: r.before, after: r.after }),
    },
  ];
  return (
    <>
      <PageTitle>{t("bo.audit.title")}</PageTitle>
      <Group mb="md" wrap="wrap">
        <TextInput
          label={t("bo.audit.entityType")}
          value={entityType}
          onChange={(e) => {
            setEntityType(e.currentTarget.value);
            setPage(1);
          }}
        />
        <TextInput
          label={t("bo.audit.action")}
          value={action}
          onChange={(e) => {
            setAction(e.currentTarget.value);
            setPage(1);
          }}
        />
      </Group>
      <PagedTable
        query={entries}
        columns={columns}
        rowKey={(r) => r.id}
        label={t("bo.audit.title")}
        csvFileName="audit-log.csv"
        {...sorting.tableProps(filters)}
        emptyTitle={t("bo.audit.none")}
        page={page}
        onPage={setPage}
      />
    </>
  );
}
