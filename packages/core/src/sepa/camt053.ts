import { XMLParser } from "fast-xml-parser";
import { AppError } from "../errors/app-error";
import { toMinorUnits } from "../money/money";

export type StatementEntry = {
  /** The bank's unique reference of the entry (AcctSvcrRef, else NtryRef). */
  reference: string | null;
  amount: number;
  currency: string;
  direction: "credit" | "debit";
  bookingDate: string | null;
  /** Remittance text and end-to-end ids, joined; invoice numbers are matched in it. */
  text: string;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ["Stmt", "Ntry", "TxDtls", "Ustrd", "NtryDtls"].includes(name),
});

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (v && typeof v === "object" && !Array.isArray(v) ? (v as Node) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === "object" ? text((v as Node)["#text"]) : String(v);

/** Reads the booked entries of a camt.053 bank statement (amounts exact, via the decimal string). */
export function parseCamt053(xml: string): StatementEntry[] {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new AppError("validation_failed", "not a readable camt.053 file", { reason: String(error) });
  }
  const statements = obj(obj(doc.Document).BkToCstmrStmt).Stmt;
  if (!Array.isArray(statements)) throw new AppError("validation_failed", "not a camt.053 statement");
  return statements.flatMap((stmt) => list(obj(stmt).Ntry).map((entry) => readEntry(obj(entry))));
}

function readEntry(entry: Node): StatementEntry {
  const currency = text(obj(entry.Amt)["@Ccy"]) ?? "EUR";
  const details = list(entry.NtryDtls).flatMap((d) => list(obj(d).TxDtls).map(obj));
  const texts = details.flatMap((tx) => [
    ...list(obj(tx.RmtInf).Ustrd).map((u) => text(u) ?? ""),
    // Banks fill absent end-to-end ids with NOTPROVIDED.
    (text(obj(tx.Refs).EndToEndId) ?? "").replace(/^NOTPROVIDED$/, ""),
  ]);
  return {
    reference: text(entry.AcctSvcrRef) ?? text(entry.NtryRef),
    amount: toMinorUnits(text(entry.Amt) ?? "", currency),
    currency,
    direction: text(entry.CdtDbtInd) === "DBIT" ? "debit" : "credit",
    bookingDate: text(obj(entry.BookgDt).Dt),
    text: [...texts, text(entry.AddtlNtryInf) ?? ""].filter(Boolean).join(" "),
  };
}
