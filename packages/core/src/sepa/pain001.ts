import { fromMinorUnits, sumMoney } from "../money/money";
import { agent, groupHeader } from "./pain008";
import { el, renderXml, sepaText } from "./xml";

export type CreditTransfer = {
  endToEndId: string;
  amount: number;
  creditorName: string;
  creditorIban: string;
  creditorBic?: string | null;
  remittance: string;
};

export type CreditTransferBatch = {
  messageId: string;
  createdAt: Date;
  executionDate: string;
  currency: string;
  debtor: { name: string; iban: string; bic?: string | null };
  transfers: CreditTransfer[];
};

/** SEPA credit-transfer initiation, pain.001.001.03: self-bill and reimbursement payouts (R57). */
export function buildPain001(batch: CreditTransferBatch): string {
  const amount = (minor: number) => fromMinorUnits(minor, batch.currency);
  const total = amount(sumMoney(batch.transfers.map((t) => t.amount)));
  return renderXml(
    el(
      "Document",
      [
        el("CstmrCdtTrfInitn", [
          groupHeader(batch.messageId, batch.createdAt, batch.transfers.length, total, batch.debtor.name),
          el("PmtInf", [
            el("PmtInfId", `${batch.messageId}-1`),
            el("PmtMtd", "TRF"),
            el("NbOfTxs", String(batch.transfers.length)),
            el("CtrlSum", total),
            el("PmtTpInf", [el("SvcLvl", [el("Cd", "SEPA")])]),
            el("ReqdExctnDt", batch.executionDate),
            el("Dbtr", [el("Nm", sepaText(batch.debtor.name, 70))]),
            el("DbtrAcct", [el("Id", [el("IBAN", batch.debtor.iban)])]),
            el("DbtrAgt", [agent(batch.debtor.bic)]),
            el("ChrgBr", "SLEV"),
            ...batch.transfers.map((t) =>
              el("CdtTrfTxInf", [
                el("PmtId", [el("EndToEndId", sepaText(t.endToEndId, 35))]),
                el("Amt", [el("InstdAmt", amount(t.amount), { Ccy: batch.currency })]),
                ...(t.creditorBic ? [el("CdtrAgt", [agent(t.creditorBic)])] : []),
                el("Cdtr", [el("Nm", sepaText(t.creditorName, 70))]),
                el("CdtrAcct", [el("Id", [el("IBAN", t.creditorIban)])]),
                el("RmtInf", [el("Ustrd", sepaText(t.remittance, 140))]),
              ]),
            ),
          ]),
        ]),
      ],
      { xmlns: "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03" },
    ),
  );
}
