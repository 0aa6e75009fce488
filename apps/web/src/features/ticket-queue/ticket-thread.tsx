import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, Textarea } from "@mantine/core";
import { type Ticket, ticketPriorities, ticketStatuses } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { formatDateTime } from "../../routes/system/shared/format";
import { useAction } from "../../routes/system/shared/use-action";
import { usePermissions } from "../auth/permissions.query";
import { AssigneeSelect } from "../tickets/assignee-select";

/** Messages (internal ones marked, R60), a reply or internal note, and assignee/state/priority (R61). */
export function TicketThread({ ticket }: { ticket: Ticket }) {
  const { t, i18n } = useTranslation();
  const [body, setBody] = useState("");
  const [internal, setInternal] = useState(false);
  const invalidate = [["tickets"]];
  const { canWrite } = usePermissions();
  const manages = canWrite("tickets_manage");
  const reply = useAction({
    run: () => api("POST", `/tickets/${ticket.id}/messages`, { body, internal }),
    invalidate,
    success: "bo.tickets.sent",
    onSuccess: () => setBody(""),
  });
  const patch = useAction({
    run: (change: Record<string, unknown>) => api("PATCH", `/tickets/${ticket.id}`, change),
    invalidate,
    success: "bo.tickets.saved",
  });
  return (
    <Stack>
      {manages && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t("bo.common.status")}
            value={ticket.status}
            allowDeselect={false}
            data={ticketStatuses.map((s) => ({ value: s, label: t(`bo.status.${s}`) }))}
            onChange={(status) => status && status !== ticket.status && patch.mutate({ status })}
          />
          <AssigneeSelect
            label={t("bo.tickets.assignee")}
            value={ticket.assigneeId}
            onChange={(assigneeId) => patch.mutate({ assigneeId })}
          />
          <Select
            label={t("bo.tickets.priority")}
            value={ticket.priority}
            allowDeselect={false}
            data={[...ticketPriorities]}
            onChange={(priority) => priority && priority !== ticket.priority && patch.mutate({ priority })}
          />
        </Group>
      )}
      {ticket.messages.map((m) => (
        <Paper key={m.id} withBorder p="sm" bg={m.internal ? "yellow.0" : undefined}>
          <Group justify="space-between" mb={4}>
            <Text fw={600} size="sm">
              {m.authorName}{" "}
              {m.internal && (
                <Badge color="yellow" size="xs">
                  {t("bo.tickets.internal")}
                </Badge>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(m.createdAt, i18n.language)}
            </Text>
          </Group>
          <Text style={{ whiteSpace: "pre-wrap" }}>{m.body}</Text>
        </Paper>
      ))}
      {ticket.status !== "closed" && canWrite("tickets_reply") && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) reply.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t("bo.tickets.message")}
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group justify="space-between">
              <Checkbox
                label={t("bo.tickets.internalNote")}
                checked={internal}
                onChange={(e) => setInternal(e.currentTarget.checked)}
              />
              <Button type="submit" loading={reply.isPending} disabled={!body.trim()}>
                {internal ? t("bo.tickets.send") : t("bo.tickets.reply")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
