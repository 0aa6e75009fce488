import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type InvoiceDocument, renderInvoicePdf } from "./render-invoice-pdf";

const base: InvoiceDocument = {
  kind: "cost",
  number: "03-VLT-000042",
  issueDate: "2026-11-15",
  dueDate: "2026-11-29",
  period: "2026-10",
  currency: "EUR",
  direction: "debit",
  provider: {
    name: "Voltlane B.V.",
    vatNumber: "NL123456789B01",
    iban: "NL91ABNA0417164300",
    address: { city: "Utrecht" },
  },
  customer: {
    name: "Borne SA",
    vatNumber: "BE0123456749",
    customerNumber: "C-7",
    address: { country: "BE" },
  },
  lines: [
    {
      description: "Charging session 2026-10-08 CP-1 (10.000 kWh)",
      quantity: "10.000",
      unitPrice: "0.3500",
      vatRate: "0.00",
      vatScope: "reverse_charge",
      net: 350,
    },
  ],
  vatBreakdown: [{ scope: "reverse_charge", rate: "0.00", net: 350, vat: 0 }],
  netTotal: 350,
  vatTotal: 0,
  total: 350,
  reverseCharge: true,
  issuedAt: new Date("2026-11-15T01:00:00Z"),
};

async function textOf(doc: InvoiceDocument): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "voltlane-pdf-")), "x.pdf");
  writeFileSync(file, await renderInvoicePdf(doc));
  return execFileSync("pdftotext", [file, "-"]).toString();
}

describe("invoice PDF (R56)", () => {
  it.each([
    [
      "reverse charge, bank transfer",
      base,
      [
        "03-VLT-000042",
        "VAT number: BE0123456749",
        "VAT reverse charged",
        "Total: EUR 3.50",
        "transfer EUR 3.50 to IBAN NL91ABNA0417164300 by 2026-11-29",
      ],
    ],
    [
      "direct debit",
      {
        ...base,
        reverseCharge: false,
        customer: { ...base.customer, directDebit: true, iban: "BE68539007547034" },
      },
      ["Paid by direct debit", "BE68539007547034"],
    ],
    [
      "self-bill payout",
      {
        ...base,
        kind: "self-bill",
        direction: "credit",
        customer: { ...base.customer, iban: "BE68539007547034" },
      },
      ["Self-billing invoice", "drawn up by Voltlane B.V.", "We will pay EUR 3.50 to IBAN BE68539007547034"],
    ],
    [
      "credit note",
      {
        ...base,
        kind: "credit-note",
        number: "08-VLT-000001",
        total: -350,
        netTotal: -350,
        creditsNumber: "03-VLT-000042",
      },
      ["Credit note 08-VLT-000001", "Credits invoice: 03-VLT-000042", "Total: EUR -3.50"],
    ],
  ])("%s", async (_name, doc, expected) => {
    const text = await textOf(doc as InvoiceDocument);
    for (const snippet of expected) expect(text.replace(/\s+/g, " ")).toContain(snippet);
  });
});
