import { registerTemplate } from "../notifications/templates";

const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));

// R56: the issued invoice goes to invoiceEmail with its PDF attached.
registerTemplate("invoice_issued", {
  en: (p) => ({
    subject: `${s(p.title)} ${s(p.number)} from ${s(p.provider)}`,
    body: `Hello ${s(p.name)},\n\nAttached is ${s(p.title).toLowerCase()} ${s(p.number)} for ${s(p.period)}: ${s(p.total)}.\n\nYou can also find it in your portal.`,
  }),
  nl: (p) => ({
    subject: `${s(p.title)} ${s(p.number)} van ${s(p.provider)}`,
    body: `Hallo ${s(p.name)},\n\nIn de bijlage vind je ${s(p.number)} over ${s(p.period)}: ${s(p.total)}.\n\nJe vindt dit document ook in je portaal.`,
  }),
});

export const invoiceTitles: Record<string, string> = {
  cost: "Invoice",
  "self-bill": "Self-billing invoice",
  reimbursement: "Reimbursement",
  "credit-note": "Credit note",
};
