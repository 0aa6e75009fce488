import { Button, Paper, Stack, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { formatDate } from "../../lib/format";
import { usePermissions } from "../auth/permissions.query";
import { ListFooter } from "../export/list-footer";
import { formatMoney } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { InvoiceModal } from "../invoices/invoice-modal";
import { type Invoice, isOpen, useInvoices } from "../invoices/invoices.api";
import { InvoicesTable } from "../invoices/invoices-table";
import { type Payment, usePayments } from "./payments.api";
import { RecordPaymentModal } from "./record-payment-modal";

const PAGE_SIZE = 25;

/** System User View, Payments (§6): debit invoices and credits with settlement; open one; record a payment. */
export function PaymentsTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [paying, setPaying] = useState<Invoice | null>(null);
  const invoices = useInvoices({ customerId }, page, PAGE_SIZE);
  const payments = usePayments(customerId);
  const { canWrite } = usePermissions();
  const payColumns: Column<Payment>[] = [
    {
      id: "receivedAt",
      header: t("portal.payments.receivedAt"),
      cell: (r) => formatDate(r.receivedAt, i18n.language),
      sortValue: (r) => r.receivedAt,
      csv: (r) => r.receivedAt,
    },
    {
      id: "amount",
      header: t("portal.payments.amount"),
      cell: (r) => formatMoney(r.amount, r.currency, i18n.language),
      sortValue: (r) => r.amount,
      csv: (r) => r.amount,
    },
    {
      id: "method",
      header: t("portal.payments.method"),
      cell: (r) => t(`portal.payments.methods.${r.method}`, { defaultValue: r.method }),
      csv: (r) => r.method,
    },
    { id: "status", header: t("portal.tx.status"), cell: (r) => r.status, csv: (r) => r.status },
    {
      id: "ref",
      header: t("portal.payments.reference"),
      cell: (r) => r.externalRef ?? "—",
      csv: (r) => r.externalRef,
    },
  ];
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("nav.invoices")}
        </Title>
        <QueryState
          query={invoices}
          isEmpty={(d) => d.items.length === 0}
          emptyTitle={t("portal.invoices.none")}
        >
          {(data) => (
            <>
              <InvoicesTable
                rows={data.items}
                onOpen={(invoice) => setOpenId(invoice.id)}
                actions={(invoice) =>
                  invoice.direction === "debit" &&
                  isOpen(invoice) &&
                  canWrite("payments") && (
                    <Button size="compact-sm" variant="light" onClick={() => setPaying(invoice)}>
                      {t("portal.payments.record")}
                    </Button>
                  )
                }
              />
              <ListFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} mb="sm">
          {t("nav.payments")}
        </Title>
        <QueryState
          query={payments}
          isEmpty={(d) => d.items.length === 0}
          emptyTitle={t("portal.payments.none")}
        >
          {(data) => (
            <DataTable
              rows={data.items}
              columns={payColumns}
              rowKey={(r) => r.id}
              label={t("nav.payments")}
              csvFileName="payments.csv"
            />
          )}
        </QueryState>
      </Paper>
      <InvoiceModal id={openId} onClose={() => setOpenId(null)} />
      <RecordPaymentModal key={paying?.id} invoice={paying} onClose={() => setPaying(null)} />
    </Stack>
  );
}
