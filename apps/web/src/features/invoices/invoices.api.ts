import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { API_BASE, api, type Page, queryString } from "../../lib/api-client";

export interface InvoiceLine {
  id: string;
  position: number;
  kind: string;
  description: string;
  quantity: string;
  unitPrice: string | null;
  net: number;
  vatRate: string;
}

export interface Invoice {
  id: string;
  number: string | null;
  kind: "cost" | "self-bill" | "reimbursement" | "credit-note";
  customerId: string;
  period: string;
  status: "draft" | "issued" | "credited";
  direction: "debit" | "credit";
  settlement: string;
  currency: string;
  issueDate: string | null;
  dueDate: string | null;
  netTotal: number;
  vatTotal: number;
  total: number;
  creditsInvoiceId: string | null;
  pdfSha256: string | null;
  lines: InvoiceLine[];
}

export interface InvoiceFilter {
  customerId?: string;
  kind?: string;
  status?: string;
  sort?: string;
  order?: "asc" | "desc";
}

export function useInvoices(filter: InvoiceFilter, page = 1, pageSize = 25) {
  return useQuery({
    queryKey: ["invoices", filter, page, pageSize],
    queryFn: () => api<Page<Invoice>>("GET", `/invoices${queryString({ ...filter, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string | null) {
  return useQuery({
    queryKey: ["invoices", "detail", id],
    queryFn: () => api<Invoice>("GET", `/invoices/${encodeURIComponent(id ?? "")}`),
    enabled: Boolean(id),
  });
}

export const invoicePdfUrl = (id: string) => `${API_BASE}/invoices/${encodeURIComponent(id)}/pdf`;

/** R58: what is still to be paid or paid out. */
export const isOpen = (invoice: Invoice) =>
  invoice.status === "issued" &&
  ["open", "overdue", "partially_paid", "on_hold", "payout_pending"].includes(invoice.settlement);
