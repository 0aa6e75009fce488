import { Badge, Button, Checkbox, Drawer, Group, Paper, Select, Stack, Text, Textarea } from "@mantine/core";
import { ticketStatuses } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyError } from "../../lib/error-message";
import { useMe } from "../auth/me.query";
import { usePermissions } from "../auth/permissions.query";
import { formatDateTime } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { AssigneeSelect } from "./assignee-select";
import { type Ticket, useReply, useTicket, useUpdateTicket } from "./tickets.api";

/**
 * One ticket with its messages. Customers reply and close (R61); staff also assign, change the
 * state and write internal notes (never shown to customers, R60).
 */
export function TicketDrawer({
  id,
  onClose,
  staff,
  readOnly,
}: {
  id: string | null;
  onClose: () => void;
  staff: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const ticket = useTicket(id);
  const { canWrite } = usePermissions();
  return (
    <Drawer opened={Boolean(id)} onClose={onClose} position="right" size="lg" title={ticket.data?.subject}>
      <QueryState query={ticket}>
        {(data) => (
          <Stack>
            <TicketHeader ticket={data} staff={staff} readOnly={readOnly} />
            {data.messages.map((m) => (
              <Paper key={m.id} withBorder p="sm" bg={m.internal ? "yellow.0" : undefined}>
                <Group justify="space-between" mb={4}>
                  <Text fw={600} size="sm">
                    {m.authorName}
                    {m.internal && ` · ${t("portal.tickets.internal")}`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(m.createdAt, "en")}
                  </Text>
                </Group>
                <Text style={{ whiteSpace: "pre-wrap" }}>{m.body}</Text>
              </Paper>
            ))}
            {!readOnly && data.status !== "closed" && canWrite("tickets_reply") && (
              <ReplyForm id={data.id} staff={staff} />
            )}
          </Stack>
        )}
      </QueryState>
    </Drawer>
  );
}

function TicketHeader({ ticket, staff, readOnly }: { ticket: Ticket; staff: boolean; readOnly: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const update = useUpdateTicket(ticket.id);
  const { canWrite } = usePermissions();
  const change = (input: Parameters<typeof update.mutate>[0]) =>
    update.mutate(input, { onError: (e) => notifyError(e, t) });
  return (
    <Group justify="space-between" wrap="wrap">
      <Group gap="xs">
        <Badge>{ticket.number}</Badge>
        <Badge variant="light">{t(`portal.tickets.statuses.${ticket.status}`)}</Badge>
        <Badge variant="outline">{t(`portal.tickets.categories.${ticket.category}`)}</Badge>
      </Group>
      {!readOnly && staff && canWrite("tickets_manage") && (
        <Group gap="xs">
          <Select
            aria-label={t("portal.tickets.status")}
            size="xs"
            w={200}
            value={ticket.status}
            allowDeselect={false}
            data={ticketStatuses.map((value) => ({ value, label: t(`portal.tickets.statuses.${value}`) }))}
            onChange={(value) => value && change({ status: value as Ticket["status"] })}
          />
          <AssigneeSelect
            aria-label={t("bo.tickets.assignee")}
            size="xs"
            w={240}
            value={ticket.assigneeId}
            onChange={(assigneeId) => assigneeId !== ticket.assigneeId && change({ assigneeId })}
          />
          {ticket.assigneeId !== me.id && (
            <Button size="xs" variant="default" onClick={() => change({ assigneeId: me.id })}>
              {t("portal.tickets.assignMe")}
            </Button>
          )}
        </Group>
      )}
      {!readOnly && !staff && ticket.status !== "closed" && (
        <Button size="xs" variant="default" onClick={() => change({ status: "closed" })}>
          {t("portal.tickets.close")}
        </Button>
      )}
    </Group>
  );
}

function ReplyForm({ id, staff }: { id: string; staff: boolean }) {
  const { t } = useTranslation();
  const reply = useReply(id);
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const send = () =>
    reply.mutate(
      { body, internal },
      {
        onSuccess: () => {
          setBody("");
          setInternal(false);
        },
        onError: (e) => notifyError(e, t),
      },
    );
  return (
    <Stack gap="xs">
      <Textarea
        label={t("portal.tickets.reply")}
        autosize
        minRows={3}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      <Group justify="space-between">
        {staff ? (
          <Checkbox
            label={t("portal.tickets.internalNote")}
            checked={internal}
            onChange={(e) => setInternal(e.currentTarget.checked)}
          />
        ) : (
          <span />
        )}
        <Button onClick={send} disabled={!body.trim()} loading={reply.isPending}>
          {t("portal.tickets.send")}
        </Button>
      </Group>
    </Stack>
  );
}
