import { Alert, Loader, Stack, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/error-message";
import { formatDate } from "../../lib/format";
import { EmptyState } from "../ui/empty-state";
import type { Attachment, Attachments } from "./customer.types";
import { useAttachments } from "./customers.api";

const groups: (keyof Attachments)[] = ["chargePoints", "grids", "chargeGroups", "chargeCards", "employees"];

/** Attachments tab: what is attached to this customer, by kind, with role and validity. */
export function AttachmentsPanel({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const attachments = useAttachments(customerId);
  if (attachments.isPending) return <Loader aria-label={t("common.loading")} />;
  if (attachments.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(attachments.error, t)}
      </Alert>
    );
  const present = groups.filter((group) => (attachments.data[group] ?? []).length > 0);
  if (present.length === 0)
    return <EmptyState title={t("attachments.none")} description={t("attachments.noneHint")} />;
  return (
    <Stack>
      {present.map((group) => (
        <AttachmentTable key={group} title={t(`attachments.${group}`)} items={attachments.data[group]} />
      ))}
    </Stack>
  );
}

function AttachmentTable({ title, items }: { title: string; items: Attachment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-label={title}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("attachments.name")}</Table.Th>
              <Table.Th>{t("attachments.role")}</Table.Th>
              <Table.Th>{t("attachments.validFrom")}</Table.Th>
              <Table.Th>{t("attachments.validTo")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{item.name}</Table.Td>
                <Table.Td>{item.role}</Table.Td>
                <Table.Td>{formatDate(item.validFrom, i18n.language)}</Table.Td>
                <Table.Td>{item.validTo ? formatDate(item.validTo, i18n.language) : "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
