import { Select, Tabs } from "@mantine/core";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Column } from "../../components/data-table";
import { xlsxMoney } from "../../components/to-xlsx";
import { useMe } from "../../features/auth/me.query";
import type { Payment, Payout } from "../../features/invoices-admin/invoices.types";
import { NettingPanel } from "../../features/payments-admin/netting-panel";
import { SepaExport } from "../../features/payments-admin/sepa-export";
import { AnchorLink } from "../../features/ui/anchor-link";
import { PageTitle } from "../../features/ui/page-title";
import { formatDate } from "../../lib/format";
import { CustomerName } from "./shared/customer-select";
import { formatMoney } from "./shared/format";
import { PagedTable } from "./shared/paged-table";
import { StatusBadge } from "./shared/status-badge";
import { useListSort, usePagedList } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const paymentsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/payments",
  component: PaymentsPage,
});

const invoiceLink = (id: string) => (
  <AnchorLink to="/invoices/$invoiceId" params={{ invoiceId: id }}>
    {id.slice(0, 8)}
  </AnchorLink>
);

function PaymentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  // Matrix row `payments`: super, admin and finance write; support and viewers only look.
  const canWritePayments =
    me.kind === "system" && (me.isSuper || me.roles.some((r) => r === "admin" || r === "finance"));
  return (
    <>
      <PageTitle>{t("bo.payments.title")}</PageTitle>
      <SepaExport />
      <Tabs defaultValue="payments" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="payments">{t("bo.payments.payments")}</Tabs.Tab>
          <Tabs.Tab value="payouts">{t("bo.payments.payouts")}</Tabs.Tab>
          <Tabs.Tab value="netting">{t("bo.payments.netting")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="payments">
          <PaymentsList />
        </Tabs.Panel>
        <Tabs.Panel value="payouts">
          <PayoutsList />
        </Tabs.Panel>
        <Tabs.Panel value="netting">
          <NettingPanel canWrite={canWritePayments} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

function PaymentsList() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const sorting = useListSort<Payment>("payments", () => setPage(1));
  const payments = usePagedList<Payment>("payments", { page, pageSize: 50, ...sorting.params });
  const columns: Column<Payment>[] = [
    {
      id: "received",
      header: t("bo.payments.receivedAt"),
      cell: (r) => formatDate(r.receivedAt ?? r.createdAt, i18n.language),
      sortKey: "receivedAt",
      csv: (r) => r.receivedAt,
    },
    {
      id: "customer",
      header: t("bo.payments.customer"),
      cell: (r) => <CustomerName id={r.customerId} />,
      csv: (r) => r.customerId,
    },
    {
      id: "invoice",
      header: t("bo.payments.invoice"),
      cell: (r) => invoiceLink(r.invoiceId),
      csv: (r) => r.invoiceId,
    },
    {
      id: "amount",
      header: t("bo.payments.amount"),
      cell: (r) => formatMoney(r.amount, r.currency, i18n.language),
      sortKey: "amount",
      csv: (r) => r.amount,
      xlsx: (r) => xlsxMoney(r.amount, r.currency),
    },
    {
      id: "method",
      header: t("bo.payments.method"),
      cell: (r) => r.method,
      sortKey: "method",
      csv: (r) => r.method,
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      csv: (r) => r.status,
    },
    {
      id: "ref",
      header: t("bo.payments.reference"),
      cell: (r) => r.externalRef ?? r.batchRef ?? "—",
      csv: (r) => r.externalRef,
    },
  ];
  return (
    <PagedTable
      query={payments}
      columns={columns}
      rowKey={(r) => r.id}
      label={t("bo.payments.payments")}
      csvFileName="payments.csv"
      {...sorting.tableProps({})}
      emptyTitle={t("bo.payments.none")}
      page={page}
      onPage={setPage}
    />
  );
}

function PayoutsList() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string | null>(null);
  const sorting = useListSort<Payout>("payouts", () => setPage(1));
  const payouts = usePagedList<Payout>("payouts", { page, pageSize: 50, status, ...sorting.params });
  const columns: Column<Payout>[] = [
    {
      id: "due",
      header: t("bo.payments.dueDate"),
      cell: (r) => formatDate(r.dueDate, i18n.language),
      sortKey: "dueDate",
      csv: (r) => r.dueDate,
    },
    {
      id: "customer",
      header: t("bo.payments.customer"),
      cell: (r) => <CustomerName id={r.customerId} />,
      csv: (r) => r.customerId,
    },
    {
      id: "invoice",
      header: t("bo.payments.invoice"),
      cell: (r) => invoiceLink(r.invoiceId),
      csv: (r) => r.invoiceId,
    },
    {
      id: "amount",
      header: t("bo.payments.amount"),
      cell: (r) => formatMoney(r.amount, r.currency, i18n.language),
      sortKey: "amount",
      csv: (r) => r.amount,
      xlsx: (r) => xlsxMoney(r.amount, r.currency),
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (r) => <StatusBadge value={r.status} />,
      csv: (r) => r.status,
    },
    {
      id: "iban",
      header: t("bo.payments.iban"),
      cell: (r) => r.ibanSnapshot ?? "—",
      csv: (r) => r.ibanSnapshot,
    },
    {
      id: "paid",
      header: t("bo.payments.paidAt"),
      cell: (r) => formatDate(r.paidAt, i18n.language),
      csv: (r) => r.paidAt,
    },
  ];
  return (
    <>
      <Select
        mb="md"
        w={220}
        label={t("bo.payments.payoutStatus")}
        clearable
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        data={["on_hold", "pending", "scheduled", "paid", "failed", "cancelled"]}
      />
      <PagedTable
        query={payouts}
        columns={columns}
        rowKey={(r) => r.id}
        label={t("bo.payments.payouts")}
        csvFileName="payouts.csv"
        {...sorting.tableProps({ status })}
        emptyTitle={t("bo.payments.noPayouts")}
        page={page}
        onPage={setPage}
      />
    </>
  );
}
