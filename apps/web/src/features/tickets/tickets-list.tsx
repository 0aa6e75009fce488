import { Anchor, Badge, Button, Paper } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { allRowsOf } from "../../components/fetch-all-rows";
import { sortParams, type TableSort } from "../../components/table-sort";
import { ListFooter } from "../export/list-footer";
import { formatDateTime } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { NewTicketModal } from "./new-ticket-modal";
import { TicketDrawer } from "./ticket-drawer";
import { type TicketPage, useTickets } from "./tickets.api";

type Summary = TicketPage["items"][number];
const PAGE_SIZE = 25;

/** Tickets of one customer: its own view (open, reply, close) or the System User View (staff). */
export function TicketsList({
  customerId,
  staff = false,
  readOnly = false,
}: {
  customerId?: string;
  staff?: boolean;
  readOnly?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [sort, setSort] = useState<TableSort>(null);
  const filter = { customerId, ...sortParams(sort) };
  const tickets = useTickets({ ...filter, page, pageSize: PAGE_SIZE });
  const columns: Column<Summary>[] = [
    {
      id: "number",
      header: t("portal.tickets.number"),
      cell: (r) => r.number,
      sortKey: "number",
      csv: (r) => r.number,
    },
    {
      id: "subject",
      header: t("portal.tickets.subject"),
      cell: (r) => (
        <Anchor component="button" type="button" onClick={() => setOpenId(r.id)}>
          {r.subject}
        </Anchor>
      ),
      sortKey: "subject",
      csv: (r) => r.subject,
    },
    {
      id: "category",
      header: t("portal.tickets.category"),
      cell: (r) => t(`portal.tickets.categories.${r.category}`),
      sortKey: "category",
      csv: (r) => r.category,
    },
    {
      id: "status",
      header: t("portal.tickets.status"),
      cell: (r) => <Badge variant="light">{t(`portal.tickets.statuses.${r.status}`)}</Badge>,
      sortKey: "status",
      csv: (r) => r.status,
    },
    {
      id: "last",
      header: t("portal.tickets.lastMessage"),
      cell: (r) => formatDateTime(r.lastMessageAt, i18n.language),
      sortKey: "lastMessageAt",
      csv: (r) => r.lastMessageAt,
    },
  ];
  const newButton = !readOnly && !staff && (
    <Button size="xs" onClick={() => setCreating(true)}>
      {t("portal.tickets.new")}
    </Button>
  );
  return (
    <Paper withBorder p="md">
      <QueryState
        query={tickets}
        isEmpty={(d) => d.items.length === 0 && !newButton}
        emptyTitle={t("portal.tickets.none")}
      >
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(r) => r.id}
              label={t("nav.tickets")}
              csvFileName="tickets.csv"
              sort={sort}
              onSort={(next) => {
                setSort(next);
                setPage(1);
              }}
              exportAll={allRowsOf<Summary>("tickets", filter)}
              toolbar={newButton}
            />
            <ListFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </QueryState>
      <NewTicketModal opened={creating} onClose={() => setCreating(false)} />
      <TicketDrawer id={openId} onClose={() => setOpenId(null)} staff={staff} readOnly={readOnly} />
    </Paper>
  );
}
