import { Paper, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { allRowsOf } from "../../components/fetch-all-rows";
import { sortParams, type TableSort } from "../../components/table-sort";
import { ListFooter } from "../export/list-footer";
import { QueryState } from "../export/query-state";
import { PageTitle } from "../ui/page-title";
import { InvoiceModal } from "./invoice-modal";
import { type Invoice, useInvoices } from "./invoices.api";
import { InvoicesTable } from "./invoices-table";

const PAGE_SIZE = 25;
const kinds = ["cost", "self-bill", "reimbursement", "credit-note"] as const;

/** Invoices tab: debit and credit invoices and credit notes with their settlement (R56, R58). */
export function InvoicesPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const [sort, setSort] = useState<TableSort>(null);
  const filter = { kind: kind ?? undefined, ...sortParams(sort) };
  const invoices = useInvoices(filter, page, PAGE_SIZE);
  return (
    <>
      <PageTitle>{t("nav.invoices")}</PageTitle>
      <Paper withBorder p="md">
        <Select
          label={t("portal.invoices.kind")}
          clearable
          mb="md"
          w={240}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
          data={kinds.map((value) => ({ value, label: t(`portal.invoices.kinds.${value}`) }))}
        />
        <QueryState
          query={invoices}
          isEmpty={(data) => data.items.length === 0}
          emptyTitle={t("portal.invoices.none")}
          emptyDescription={t("portal.invoices.noneHint")}
        >
          {(data) => (
            <>
              <InvoicesTable
                rows={data.items}
                onOpen={(invoice) => setOpenId(invoice.id)}
                sort={sort}
                onSort={(next) => {
                  setSort(next);
                  setPage(1);
                }}
                exportAll={allRowsOf<Invoice>("invoices", filter)}
              />
              <ListFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Paper>
      <InvoiceModal id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
