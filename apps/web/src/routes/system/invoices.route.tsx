import {
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconDownload } from "@tabler/icons-react";
import { createRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { InvoiceRunsPanel } from "../../features/invoice-runs/invoice-runs-panel";
import type { Invoice } from "../../features/invoices-admin/invoices.types";
import { InvoicesTable } from "../../features/invoices-admin/invoices-table";
import { RecordPaymentForm } from "../../features/invoices-admin/record-payment-form";
import { PageTitle } from "../../features/ui/page-title";
import { API_BASE, api } from "../../lib/api-client";
import { formatDate } from "../../lib/format";
import { CustomerName, CustomerSelect } from "./shared/customer-select";
import { formatMoney } from "./shared/format";
import { PageFooter } from "./shared/page-footer";
import { QueryState } from "./shared/query-state";
import { StatusBadge } from "./shared/status-badge";
import { useAction } from "./shared/use-action";
import { useDetail, useListSort, usePagedList } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const invoicesRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/invoices",
  component: InvoicesPage,
});
export const invoiceRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/invoices/$invoiceId",
  component: InvoicePage,
});

const kinds = ["cost", "self-bill", "reimbursement", "credit-note"];

function InvoicesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [period, setPeriod] = useState("");
  const [customerId, setCustomerId] = useState<string | null>(null);
  const validPeriod = /^\d{4}-(0[1-9]|1[0-2])$/.test(period) ? period : undefined;
  const sorting = useListSort<Invoice>("invoices", () => setPage(1));
  const filters = { kind, status, period: validPeriod, customerId };
  const invoices = usePagedList<Invoice>("invoices", { page, pageSize: 50, ...filters, ...sorting.params });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  return (
    <>
      <PageTitle>{t("bo.invoices.title")}</PageTitle>
      <Tabs defaultValue="invoices" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="invoices">{t("bo.invoices.invoices")}</Tabs.Tab>
          <Tabs.Tab value="runs">{t("bo.invoices.runs")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="invoices">
          <Group mb="md" align="flex-end" wrap="wrap">
            <Select
              label={t("bo.invoices.kind")}
              clearable
              value={kind}
              onChange={reset(setKind)}
              data={kinds.map((k) => ({ value: k, label: t(`bo.invoices.kinds.${k}`) }))}
            />
            <Select
              label={t("bo.common.status")}
              clearable
              value={status}
              onChange={reset(setStatus)}
              data={["draft", "issued", "credited"].map((s) => ({ value: s, label: t(`bo.status.${s}`) }))}
            />
            <TextInput
              label={t("bo.invoices.period")}
              placeholder="2026-10"
              value={period}
              onChange={(e) => reset(setPeriod)(e.currentTarget.value)}
            />
            <CustomerSelect
              label={t("bo.invoices.customer")}
              value={customerId}
              onChange={reset(setCustomerId)}
            />
          </Group>
          <QueryState
            query={invoices}
            isEmpty={(d) => d.items.length === 0}
            emptyTitle={t("bo.invoices.none")}
            emptyDescription={t("bo.invoices.noneHint")}
          >
            {(data) => (
              <>
                <InvoicesTable rows={data.items} {...sorting.tableProps(filters)} />
                <PageFooter total={data.total} page={page} pageSize={50} onPage={setPage} />
              </>
            )}
          </QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="runs">
          <InvoiceRunsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function InvoicePage() {
  const { invoiceId } = invoiceRoute.useParams();
  const invoice = useDetail<Invoice>("invoices", invoiceId);
  return <QueryState query={invoice}>{(inv) => <InvoiceDetail invoice={inv} />}</QueryState>;
}

function InvoiceDetail({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation();
  const navigate = invoiceRoute.useNavigate();
  const [paying, pay] = useDisclosure(false);
  const money = (minor: number) => formatMoney(minor, invoice.currency, i18n.language);
  const credit = useAction({
    run: () => api<Invoice>("POST", `/invoices/${invoice.id}/credit`),
    invalidate: [["invoices"]],
    success: "bo.invoices.credited",
    onSuccess: (note) => void navigate({ to: "/invoices/$invoiceId", params: { invoiceId: note.id } }),
  });
  const base = `${API_BASE}/invoices/${invoice.id}`;
  return (
    <Stack>
      <Anchor component={Link} to="/invoices" size="sm">
        ← {t("bo.invoices.title")}
      </Anchor>
      <PageTitle
        actions={
          <Group gap="xs">
            {invoice.number && (
              <Button
                component="a"
                href={`${base}/pdf`}
                target="_blank"
                rel="noopener"
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t("bo.invoices.pdf")}
              </Button>
            )}
            <Button component="a" href={`${base}/sessions.csv`} download variant="default">
              {t("bo.invoices.sessionsCsv")}
            </Button>
            {invoice.status === "issued" && invoice.direction === "debit" && (
              <Button onClick={pay.open}>{t("bo.invoices.recordPayment")}</Button>
            )}
            {invoice.status === "issued" && invoice.kind !== "credit-note" && (
              <Button
                color="red"
                variant="light"
                loading={credit.isPending}
                onClick={() => window.confirm(t("bo.invoices.creditConfirm")) && credit.mutate()}
              >
                {t("bo.invoices.credit")}
              </Button>
            )}
          </Group>
        }
      >
        {invoice.number ?? t("bo.status.draft")} · {t(`bo.invoices.kinds.${invoice.kind}`)}
      </PageTitle>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Fact label={t("bo.invoices.customer")} value={<CustomerName id={invoice.customerId} />} />
        <Fact label={t("bo.invoices.period")} value={invoice.period} />
        <Fact label={t("bo.invoices.issueDate")} value={formatDate(invoice.issueDate, i18n.language)} />
        <Fact label={t("bo.invoices.dueDate")} value={formatDate(invoice.dueDate, i18n.language)} />
        <Fact label={t("bo.common.status")} value={<StatusBadge value={invoice.status} />} />
        <Fact label={t("bo.invoices.settlement")} value={invoice.settlement} />
        <Fact label={t("bo.invoices.net")} value={money(invoice.netTotal)} />
        <Fact label={t("bo.invoices.total")} value={money(invoice.total)} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("bo.invoices.lines")}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t("bo.invoices.lines")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("bo.invoices.description")}</Table.Th>
                <Table.Th>{t("bo.invoices.quantity")}</Table.Th>
                <Table.Th>{t("bo.invoices.unitPrice")}</Table.Th>
                <Table.Th>{t("bo.invoices.vatRate")}</Table.Th>
                <Table.Th ta="right">{t("bo.invoices.net")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td>{line.description}</Table.Td>
                  <Table.Td>{line.quantity}</Table.Td>
                  <Table.Td>{line.unitPrice ?? "—"}</Table.Td>
                  <Table.Td>{line.vatScope === "standard" ? `${line.vatRate} %` : line.vatScope}</Table.Td>
                  <Table.Td ta="right">{money(line.net)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("bo.invoices.vatBreakdown")}
        </Title>
        <Table aria-label={t("bo.invoices.vatBreakdown")}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("bo.invoices.scope")}</Table.Th>
              <Table.Th>{t("bo.invoices.vatRate")}</Table.Th>
              <Table.Th ta="right">{t("bo.invoices.net")}</Table.Th>
              <Table.Th ta="right">{t("bo.invoices.vat")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoice.vatBreakdown.map((row) => (
              <Table.Tr key={`${row.scope}-${row.rate}`}>
                <Table.Td>{row.scope}</Table.Td>
                <Table.Td>{row.rate} %</Table.Td>
                <Table.Td ta="right">{money(row.net)}</Table.Td>
                <Table.Td ta="right">{money(row.vat)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td colSpan={2}>{t("bo.invoices.total")}</Table.Td>
              <Table.Td ta="right">{money(invoice.netTotal)}</Table.Td>
              <Table.Td ta="right">{money(invoice.vatTotal)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Modal opened={paying} onClose={pay.close} title={t("bo.invoices.recordPayment")}>
        <RecordPaymentForm invoiceId={invoice.id} onDone={pay.close} />
      </Modal>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="div">{value}</Text>
    </div>
  );
}
