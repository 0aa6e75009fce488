/** §3 Invoice kinds. */
export const invoiceKinds = ["cost", "self-bill", "reimbursement", "credit-note"] as const;
export type InvoiceKindName = (typeof invoiceKinds)[number];
/** Kinds a monthly run produces. */
export type InvoiceLineKind = "cost" | "self-bill" | "reimbursement";
