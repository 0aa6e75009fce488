import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildPain001 } from "./pain001";
import { buildPain008 } from "./pain008";
import { escapeXml, sepaText } from "./xml";

// No XSDs live in this repository: these checks are well-formedness plus the fields banks reject on.
describe("SEPA XML", () => {
  it.each([
    ["Müller & Söhne <GmbH>", 70, "Muller   Sohne  GmbH"],
    ["Ça va? (x) 1/2", 70, "Ca va? (x) 1/2"],
    ["a".repeat(200), 140, "a".repeat(140)],
  ])("restricts %s to the SEPA character set", (input, max, expected) => {
    expect(sepaText(input, max)).toBe(expected);
  });

  it("escapes markup", () => {
    expect(escapeXml(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  });

  it("builds well-formed batches with both schemes and control sums", () => {
    const createdAt = new Date("2026-11-16T09:00:00Z");
    const dd = buildPain008({
      messageId: "DD-1",
      createdAt,
      collectionDate: "2026-11-20",
      currency: "EUR",
      creditor: { name: "Voltlane & Co", iban: "NL91ABNA0417164300", creditorId: "NL00ZZZ123" },
      collections: [
        {
          endToEndId: "03-VLT-000001",
          amount: 1234,
          mandateReference: "M-1",
          mandateSignedAt: "2026-01-01",
          debtorName: "A <B>",
          debtorIban: "NL02RABO0123456789",
          remittance: "03-VLT-000001",
          scheme: "CORE",
          sequenceType: "RCUR",
        },
        {
          endToEndId: "03-VLT-000002",
          amount: 1,
          mandateReference: "M-2",
          mandateSignedAt: "2026-01-01",
          debtorName: "C",
          debtorIban: "NL02RABO0123456789",
          remittance: "03-VLT-000002",
          scheme: "B2B",
          sequenceType: "RCUR",
        },
      ],
    });
    expect(XMLValidator.validate(dd)).toBe(true);
    expect(dd).toContain("<CtrlSum>12.35</CtrlSum>");
    expect(dd.match(/<PmtInf>/g)).toHaveLength(2);
    expect(dd).toContain("<Cd>B2B</Cd>");
    const ct = buildPain001({
      messageId: "PO-1",
      createdAt,
      executionDate: "2026-12-01",
      currency: "EUR",
      debtor: { name: "Voltlane", iban: "NL91ABNA0417164300", bic: "ABNANL2A" },
      transfers: [
        {
          endToEndId: "03-VLT-000003",
          amount: 50_000,
          creditorName: "Eva",
          creditorIban: "NL44RABO0123456789",
          remittance: "03-VLT-000003",
        },
      ],
    });
    expect(XMLValidator.validate(ct)).toBe(true);
    expect(ct).toContain('<InstdAmt Ccy="EUR">500.00</InstdAmt>');
    expect(ct).toContain("<BIC>ABNANL2A</BIC>");
  });

  it("puts first and recurring collections in separate blocks with their sequence type", () => {
    const collection = (n: number, sequenceType: "FRST" | "RCUR") => ({
      endToEndId: `03-VLT-00000${n}`,
      amount: 100 * n,
      mandateReference: `M-${n}`,
      mandateSignedAt: "2026-01-01",
      debtorName: `D${n}`,
      debtorIban: "NL02RABO0123456789",
      remittance: `03-VLT-00000${n}`,
      scheme: "CORE" as const,
      sequenceType,
    });
    const xml = buildPain008({
      messageId: "DD-2",
      createdAt: new Date("2026-11-16T09:00:00Z"),
      collectionDate: "2026-11-20",
      currency: "EUR",
      creditor: { name: "Voltlane", iban: "NL91ABNA0417164300", creditorId: "NL00ZZZ123" },
      collections: [collection(1, "FRST"), collection(2, "RCUR"), collection(3, "FRST")],
    });
    const blocks = xml.split("<PmtInf>").slice(1);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toContain("<SeqTp>FRST</SeqTp>");
    expect(blocks[0]).toContain("<NbOfTxs>2</NbOfTxs>");
    expect(blocks[0]).toContain("<CtrlSum>4.00</CtrlSum>");
    expect(blocks[0]).toContain("<MndtId>M-3</MndtId>");
    expect(blocks[1]).toContain("<SeqTp>RCUR</SeqTp>");
    expect(blocks[1]).toContain("<MndtId>M-2</MndtId>");
    expect(blocks[1]).not.toContain("M-1");
  });
});
