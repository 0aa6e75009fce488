import { fromMinorUnits, sumMoney } from "../money/money";
import { el, renderXml, sepaText, type XmlNode } from "./xml";

export type DirectDebitCollection = {
  endToEndId: string;
  amount: number;
  mandateReference: string;
  mandateSignedAt: string; // YYYY-MM-DD
  debtorName: string;
  debtorIban: string;
  debtorBic?: string | null;
  remittance: string;
  scheme: "CORE" | "B2B";
  /** FRST for the first collection under a mandate, RCUR for every later one. */
  sequenceType: SequenceType;
};

export type SequenceType = "FRST" | "RCUR";

export type DirectDebitBatch = {
  messageId: string;
  createdAt: Date;
  collectionDate: string;
  currency: string;
  creditor: { name: string; iban: string; bic?: string | null; creditorId: string };
  collections: DirectDebitCollection[];
};

/** SEPA direct-debit initiation, pain.008.001.02 (R12: only customers with an active mandate and IBAN). */
export function buildPain008(batch: DirectDebitBatch): string {
  const amount = (minor: number) => fromMinorUnits(minor, batch.currency);
  const total = sumMoney(batch.collections.map((c) => c.amount));
  // One payment information block per (scheme, sequence type): both are set per block, not per debit.
  const blocks = (["CORE", "B2B"] as const).flatMap((scheme) =>
    (["FRST", "RCUR"] as const).map((sequenceType) => ({ scheme, sequenceType })),
  );
  const groups = blocks
    .map((block) => ({
      ...block,
      items: batch.collections.filter(
        (c) => c.scheme === block.scheme && c.sequenceType === block.sequenceType,
      ),
    }))
    .filter((group) => group.items.length > 0);
  const paymentInfos = groups.map(({ scheme, sequenceType, items }, index) => {
    return el("PmtInf", [
      el("PmtInfId", `${batch.messageId}-${index + 1}`),
      el("PmtMtd", "DD"),
      el("NbOfTxs", String(items.length)),
      el("CtrlSum", amount(sumMoney(items.map((c) => c.amount)))),
      el("PmtTpInf", [
        el("SvcLvl", [el("Cd", "SEPA")]),
        el("LclInstrm", [el("Cd", scheme)]),
        el("SeqTp", sequenceType),
      ]),
      el("ReqdColltnDt", batch.collectionDate),
      el("Cdtr", [el("Nm", sepaText(batch.creditor.name, 70))]),
      el("CdtrAcct", [el("Id", [el("IBAN", batch.creditor.iban)])]),
      el("CdtrAgt", [agent(batch.creditor.bic)]),
      el("ChrgBr", "SLEV"),
      el("CdtrSchmeId", [
        el("Id", [
          el("PrvtId", [
            el("Othr", [el("Id", batch.creditor.creditorId), el("SchmeNm", [el("Prtry", "SEPA")])]),
          ]),
        ]),
      ]),
      ...items.map((c) =>
        el("DrctDbtTxInf", [
          el("PmtId", [el("EndToEndId", sepaText(c.endToEndId, 35))]),
          el("InstdAmt", amount(c.amount), { Ccy: batch.currency }),
          el("DrctDbtTx", [
            el("MndtRltdInf", [
              el("MndtId", sepaText(c.mandateReference, 35)),
              el("DtOfSgntr", c.mandateSignedAt),
            ]),
          ]),
          el("DbtrAgt", [agent(c.debtorBic)]),
          el("Dbtr", [el("Nm", sepaText(c.debtorName, 70))]),
          el("DbtrAcct", [el("Id", [el("IBAN", c.debtorIban)])]),
          el("RmtInf", [el("Ustrd", sepaText(c.remittance, 140))]),
        ]),
      ),
    ]);
  });
  return renderXml(
    el(
      "Document",
      [
        el("CstmrDrctDbtInitn", [
          groupHeader(
            batch.messageId,
            batch.createdAt,
            batch.collections.length,
            amount(total),
            batch.creditor.name,
          ),
          ...paymentInfos,
        ]),
      ],
      { xmlns: "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02" },
    ),
  );
}

export function agent(bic?: string | null): XmlNode {
  return el("FinInstnId", bic ? [el("BIC", bic)] : [el("Othr", [el("Id", "NOTPROVIDED")])]);
}

export function groupHeader(
  messageId: string,
  createdAt: Date,
  count: number,
  total: string,
  name: string,
): XmlNode {
  return el("GrpHdr", [
    el("MsgId", sepaText(messageId, 35)),
    el("CreDtTm", createdAt.toISOString().slice(0, 19)),
    el("NbOfTxs", String(count)),
    el("CtrlSum", total),
    el("InitgPty", [el("Nm", sepaText(name, 70))]),
  ]);
}
