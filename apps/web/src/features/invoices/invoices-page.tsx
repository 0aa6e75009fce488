import { Paper, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ListFooter } from "../export/list-footer";
import { QueryState } from "../export/query-state";
import { PageTitle } from "../ui/page-title";
import { InvoiceModal } from "./invoice-modal";
import { useInvoices } from "./invoices.api";
import { InvoicesTable } from "./invoices-table";

const PAGE_SIZE = 25;
const kinds = ["cost", "self-bill", "reimbursement", "credit-note"] as const;

/** Invoices tab: debit and credit invoices and credit notes with their settlement (R56, R58). */
export function InvoicesPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const invoices = useInvoices({ kind: kind ?? undefined }, page, PAGE_SIZE);
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
              <InvoicesTable rows={data.items} onOpen={(invoice) => setOpenId(invoice.id)} />
              <ListFooter total={data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} />
            </>
          )}
        </QueryState>
      </Paper>
      <InvoiceModal id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
