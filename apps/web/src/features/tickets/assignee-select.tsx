import { Select, type SelectProps } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { TicketAssignee } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";

/** The provider's system users who handle tickets (any of them may be assigned, §6). */
export function useTicketAssignees(enabled = true) {
  return useQuery({
    queryKey: ["tickets", "assignees"],
    queryFn: () => api<{ items: TicketAssignee[] }>("GET", "/tickets/assignees"),
    select: (data) => data.items,
    staleTime: 60_000,
    enabled,
  });
}

/** Name of an assignee for tables and headers that carry only the id. */
export function useAssigneeName(enabled = true) {
  const assignees = useTicketAssignees(enabled);
  return (id: string | null | undefined) =>
    id ? (assignees.data?.find((a) => a.id === id)?.name ?? "…") : null;
}

export function AssigneeSelect(props: Omit<SelectProps, "data">) {
  const { t } = useTranslation();
  const assignees = useTicketAssignees();
  return (
    <Select
      searchable
      clearable
      placeholder={t("bo.tickets.unassigned")}
      nothingFoundMessage={t("bo.common.noMatches")}
      {...props}
      data={(assignees.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
    />
  );
}
