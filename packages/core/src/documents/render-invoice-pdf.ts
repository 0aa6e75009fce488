import type { PartySnapshot, VatBreakdownRowJson } from "@voltlane/db";
import PDFDocument from "pdfkit";
import { fromMinorUnits } from "../money/money";

export type InvoiceDocument = {
  kind: string;
  number: string;
  issueDate: string;
  dueDate: string | null;
  period: string;
  currency: string;
  direction: string;
  provider: PartySnapshot;
  customer: PartySnapshot;
  lines: {
    description: string;
    quantity: string;
    unitPrice: string | null;
    vatRate: string;
    vatScope: string;
    net: number;
  }[];
  vatBreakdown: VatBreakdownRowJson[];
  netTotal: number;
  vatTotal: number;
  total: number;
  reverseCharge: boolean;
  creditsNumber?: string | null;
  issuedAt: Date;
};

const titles: Record<string, string> = {
  cost: "Invoice",
  "self-bill": "Self-billing invoice",
  reimbursement: "Reimbursement statement",
  "credit-note": "Credit note",
};

const scopeLabels: Record<string, string> = {
  standard: "VAT",
  reverse_charge: "VAT reverse charged",
  outside_scope: "Outside the scope of VAT",
};

/** R56: the invoice as a PDF (pdfkit's built-in Helvetica, so no font files are needed). */
export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: doc.number, CreationDate: doc.issuedAt },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on("end", () => resolve(Buffer.concat(chunks))));
  const money = (minor: number) => `${doc.currency} ${fromMinorUnits(minor, doc.currency)}`;

  party(pdf, doc.provider, 50);
  pdf.moveDown();
  pdf
    .fontSize(18)
    .font("Helvetica-Bold")
    .text(`${titles[doc.kind] ?? "Invoice"} ${doc.number}`);
  pdf.fontSize(10).font("Helvetica");
  pdf.text(`Invoice number: ${doc.number}`);
  pdf.text(`Issue date: ${doc.issueDate}`);
  if (doc.dueDate) pdf.text(`${doc.direction === "credit" ? "Payout date" : "Due date"}: ${doc.dueDate}`);
  pdf.text(`Period: ${doc.period}`);
  if (doc.creditsNumber) pdf.text(`Credits invoice: ${doc.creditsNumber}`);
  pdf.moveDown();
  pdf.font("Helvetica-Bold").text("Customer");
  party(pdf, doc.customer, 50);
  pdf.moveDown();
  linesTable(pdf, doc, money);
  pdf.moveDown();
  pdf.font("Helvetica-Bold").text("VAT breakdown");
  pdf.font("Helvetica");
  for (const row of doc.vatBreakdown) {
    pdf.text(
      `${scopeLabels[row.scope] ?? row.scope} ${row.rate}%: net ${money(row.net)}, VAT ${money(row.vat)}`,
    );
  }
  pdf.moveDown();
  pdf.text(`Net total: ${money(doc.netTotal)}`);
  pdf.text(`VAT total: ${money(doc.vatTotal)}`);
  pdf.font("Helvetica-Bold").text(`Total: ${money(doc.total)}`);
  pdf.font("Helvetica").moveDown();
  for (const note of notes(doc, money)) pdf.text(note);
  pdf.end();
  return done;
}

function party(pdf: PDFKit.PDFDocument, p: PartySnapshot, x: number) {
  pdf.font("Helvetica").fontSize(10);
  const a = p.address ?? {};
  const lines = [
    p.name,
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(" "),
    a.country,
    p.customerNumber ? `Customer number: ${p.customerNumber}` : undefined,
    p.reference ? `Reference: ${p.reference}` : undefined,
    p.vatNumber ? `VAT number: ${p.vatNumber}` : undefined,
    p.cocNumber ? `CoC number: ${p.cocNumber}` : undefined,
  ];
  for (const line of lines) if (line) pdf.text(line, x);
}

function linesTable(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, money: (m: number) => string) {
  pdf.font("Helvetica-Bold").text("Description | Quantity | Unit price | VAT | Net");
  pdf.font("Helvetica");
  for (const line of doc.lines) {
    const vat = line.vatScope === "standard" ? `${line.vatRate}%` : scopeLabels[line.vatScope];
    pdf.text(
      `${line.description} | ${line.quantity} | ${line.unitPrice ?? "-"} | ${vat} | ${money(line.net)}`,
    );
  }
}

function notes(doc: InvoiceDocument, money: (m: number) => string): string[] {
  const result: string[] = [];
  if (doc.reverseCharge)
    result.push("VAT reverse charged: VAT is due by the recipient (Article 196 of Directive 2006/112/EC).");
  if (doc.kind === "self-bill") {
    result.push(
      `Self-billing: this invoice was drawn up by ${doc.provider.name} in the name and on behalf of ${doc.customer.name}.`,
    );
  }
  if (doc.kind === "credit-note") return result;
  if (doc.direction === "credit") {
    const to = doc.customer.iban ? `to IBAN ${doc.customer.iban}` : "once we have your IBAN";
    result.push(`We will pay ${money(doc.total)} ${to} by ${doc.dueDate}.`);
  } else if (doc.customer.directDebit) {
    result.push(
      `Paid by direct debit: ${money(doc.total)} will be collected from ${doc.customer.iban} on or after ${doc.dueDate}.`,
    );
  } else {
    result.push(
      `Payment terms: please transfer ${money(doc.total)} to IBAN ${doc.provider.iban ?? "-"}${doc.provider.bic ? ` (BIC ${doc.provider.bic})` : ""} by ${doc.dueDate}, quoting ${doc.number}.`,
    );
  }
  return result;
}
