import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

const colors: Record<string, string> = {
  active: "teal",
  online: "teal",
  Available: "teal",
  completed: "teal",
  issued: "teal",
  sent: "teal",
  paid: "teal",
  succeeded: "teal",
  Accepted: "teal",
  Charging: "blue",
  running: "blue",
  open: "blue",
  new: "grape",
  pending: "yellow",
  Preparing: "yellow",
  SuspendedEV: "yellow",
  SuspendedEVSE: "yellow",
  Finishing: "yellow",
  Reserved: "yellow",
  draft: "yellow",
  invited: "yellow",
  waiting_on_customer: "yellow",
  inactive: "gray",
  offline: "gray",
  Unavailable: "gray",
  closed: "gray",
  archived: "gray",
  retired: "gray",
  resolved: "gray",
  credited: "gray",
  blocked: "red",
  Faulted: "red",
  failed: "red",
  dead: "red",
  disabled: "red",
  invalid: "red",
  Rejected: "red",
};

/** A coloured badge for any status value; the label is translated when `bo.status.<value>` exists. */
export function StatusBadge({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <>—</>;
  return (
    <Badge color={colors[value] ?? "gray"} variant="light" tt="none">
      {t(`bo.status.${value}`, { defaultValue: value })}
    </Badge>
  );
}
