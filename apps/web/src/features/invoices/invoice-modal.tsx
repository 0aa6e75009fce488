import { Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import { formatMoney } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { invoicePdfUrl, useInvoice } from "./invoices.api";

/** One invoice with its lines and totals. */
export function InvoiceModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const invoice = useInvoice(id);
  return (
    <Modal opened={Boolean(id)} onClose={onClose} title={t("portal.invoices.invoice")} size="xl">
      <QueryState query={invoice}>
        {(inv) => (
          <Stack>
            <Group justify="space-between">
              <div>
                <Text fw={700}>{inv.number ?? t("portal.invoices.draft")}</Text>
                <Text size="sm" c="dimmed">
                  {t(`portal.invoices.kinds.${inv.kind}`)} · {inv.period} · {formatDate(inv.issueDate, lang)}
                </Text>
              </div>
              {inv.number && (
                <Button
                  component="a"
                  href={invoicePdfUrl(inv.id)}
                  download={`${inv.number}.pdf`}
                  variant="light"
                >
                  {t("portal.invoices.downloadPdf", { number: inv.number })}
                </Button>
              )}
            </Group>
            <Table.ScrollContainer minWidth={480}>
              <Table striped aria-label={t("portal.invoices.lines")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("portal.invoices.description")}</Table.Th>
                    <Table.Th>{t("portal.invoices.quantity")}</Table.Th>
                    <Table.Th>{t("portal.invoices.vat")}</Table.Th>
                    <Table.Th ta="right">{t("portal.invoices.net")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {inv.lines.map((line) => (
                    <Table.Tr key={line.id}>
                      <Table.Td>{line.description}</Table.Td>
                      <Table.Td>{line.quantity}</Table.Td>
                      <Table.Td>{line.vatRate}%</Table.Td>
                      <Table.Td ta="right">{formatMoney(line.net, inv.currency, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Stack gap={2} align="flex-end">
              <Text size="sm">
                {t("portal.invoices.net")}: {formatMoney(inv.netTotal, inv.currency, lang)}
              </Text>
              <Text size="sm">
                {t("portal.invoices.vat")}: {formatMoney(inv.vatTotal, inv.currency, lang)}
              </Text>
              <Text fw={700}>
                {t("portal.invoices.total")}: {formatMoney(inv.total, inv.currency, lang)}
              </Text>
              <Text size="sm" c="dimmed">
                {t("portal.invoices.settlement")}:{" "}
                {t(`portal.invoices.settlements.${inv.settlement}`, { defaultValue: inv.settlement })}
              </Text>
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
