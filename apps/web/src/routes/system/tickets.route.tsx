import { Anchor, Badge, Chip, Group, NumberInput, Select, Stack, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createRoute, Link } from "@tanstack/react-router";
import {
  type Ticket,
  type TicketPage,
  type TicketSummary,
  ticketCategories,
  ticketStatuses,
} from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Column } from "../../components/data-table";
import { TicketThread } from "../../features/ticket-queue/ticket-thread";
import { AssigneeSelect, useAssigneeName } from "../../features/tickets/assignee-select";
import { AnchorLink } from "../../features/ui/anchor-link";
import { PageTitle } from "../../features/ui/page-title";
import { api, queryString } from "../../lib/api-client";
import { formatAge } from "./shared/format";
import { PagedTable } from "./shared/paged-table";
import { QueryState } from "./shared/query-state";
import { StatusBadge } from "./shared/status-badge";
import { useDetail, useListSort } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const ticketsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/tickets",
  component: TicketsPage,
});
export const ticketRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/tickets/$ticketId",
  component: TicketPageView,
});

function TicketsPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [statuses, setStatuses] = useState<string[]>(["new", "open", "waiting_on_customer"]);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [olderThanHours, setOlder] = useState<number | string>("");
  const assigneeLabel = useAssigneeName();
  const sorting = useListSort<TicketSummary>("tickets", () => setPage(1));
  const filters = {
    status: statuses.join(",") || undefined,
    assigneeId,
    category,
    olderThanHours: olderThanHours === "" ? undefined : Number(olderThanHours),
  };
  const params = { page, pageSize: 50, ...filters, ...sorting.params };
  const tickets = useQuery({
    queryKey: ["tickets", "list", params],
    queryFn: () => api<TicketPage>("GET", `/tickets${queryString(params)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const columns: Column<TicketSummary>[] = [
    {
      id: "number",
      header: t("bo.tickets.number"),
      cell: (r) => (
        <AnchorLink to="/tickets/$ticketId" params={{ ticketId: r.id }}>
          {r.number}
        </AnchorLink>
      ),
      sortKey: "number",
      csv: (r) => r.number,
    },
    { id: "subject", header: t("bo.tickets.subject"), cell: (r) => r.subject, csv: (r) => r.subject },
    {
      id: "customer",
      header: t("bo.tickets.customer"),
      cell: (r) => r.customerName,
      sortValue: (r) => r.customerName,
      csv: (r) => r.customerName,
    },
    {
      id: "category",
      header: t("bo.tickets.category"),
      cell: (r) => r.category,
      sortKey: "category",
      csv: (r) => r.category,
    },
    {
      id: "priority",
      header: t("bo.tickets.priority"),
      cell: (r) => r.priority,
      sortValue: (r) => r.priority,
      csv: (r) => r.priority,
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      sortKey: "status",
      csv: (r) => r.status,
    },
    {
      id: "assignee",
      header: t("bo.tickets.assignee"),
      cell: (r) => (r.assigneeId ? assigneeLabel(r.assigneeId) : t("bo.tickets.unassigned")),
      csv: (r) => r.assigneeId,
    },
    {
      id: "last",
      header: t("bo.tickets.lastMessage"),
      cell: (r) => formatAge(r.lastMessageAt, i18n.language),
      sortKey: "lastMessageAt",
      csv: (r) => r.lastMessageAt,
    },
  ];
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <PageTitle>{t("bo.tickets.title")}</PageTitle>
      <Chip.Group multiple value={statuses} onChange={reset(setStatuses)}>
        <Group gap="xs" mb="sm" wrap="wrap">
          {ticketStatuses.map((s) => (
            <Chip key={s} value={s}>
              {t(`bo.status.${s}`)}{" "}
              <Badge size="xs" variant="light" ml={4}>
                {tickets.data?.counts[s] ?? "…"}
              </Badge>
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group mb="md" align="flex-end" wrap="wrap">
        <AssigneeSelect
          label={t("bo.tickets.assignee")}
          placeholder=""
          value={assigneeId}
          onChange={reset(setAssigneeId)}
        />
        <Select
          label={t("bo.tickets.category")}
          clearable
          value={category}
          onChange={reset(setCategory)}
          data={[...ticketCategories]}
        />
        <NumberInput
          label={t("bo.tickets.olderThan")}
          min={0}
          value={olderThanHours}
          onChange={reset(setOlder)}
          w={160}
        />
      </Group>
      <PagedTable
        query={tickets}
        columns={columns}
        rowKey={(r) => r.id}
        label={t("bo.tickets.title")}
        csvFileName="tickets.csv"
        {...sorting.tableProps(filters)}
        emptyTitle={t("bo.tickets.none")}
        page={page}
        onPage={setPage}
      />
    </>
  );
}

function TicketPageView() {
  const { t } = useTranslation();
  const { ticketId } = ticketRoute.useParams();
  const ticket = useDetail<Ticket>("tickets", ticketId, 30_000);
  return (
    <QueryState query={ticket}>
      {(tk) => (
        <Stack>
          <Anchor component={Link} to="/tickets" size="sm">
            ← {t("bo.tickets.title")}
          </Anchor>
          <PageTitle>
            {tk.number} · {tk.subject}
          </PageTitle>
          <Text c="dimmed">
            {tk.customerName} · {tk.category}
          </Text>
          <TicketThread ticket={tk} />
        </Stack>
      )}
    </QueryState>
  );
}
